"""Thai word segmentation for the search index and for queries.

Why a hidden, encoded index field (measured, see wagtail8-notes.md (l)):

* Thai is written without spaces between words, so a database full-text index sees whole phrases:
  PostgreSQL keeps each space-delimited chunk as one lexeme, and SQLite FTS5's ``unicode61`` tokenizer
  even splits Thai at combining marks (``คู่มือ`` → ``ค``, ``ม``, ``อ``).
* So the text is segmented into words with PyThaiNLP's dictionary tokenizer (``newmm``), and every Thai
  word is written into the index as one ASCII token (``th`` + two digits per character) that neither
  database can split or stem. Queries are segmented and encoded the same way.
* Compounds: ``newmm`` keeps dictionary compounds whole (``จัดซื้อจัดจ้าง``), so each Thai word also
  brings its dictionary sub-words (``จัดซื้อ``, ``จัดจ้าง``, ``ซื้อ``, ``จ้าง`` …) at Thai character
  cluster boundaries; a part then finds the whole. And where ``newmm`` cuts across a word a citizen
  types (``คน|งานประจำ``), the dictionary words straddling the cut (``คนงาน``) are indexed too.

English words and numbers (e-GP numbers, fiscal years such as 2568) stay as they are.
PyThaiNLP takes about 160 ms to import, so it is imported lazily.
"""

import functools
import re

THAI_CHAR = re.compile(r"[\u0e01-\u0e5b]")
THAI_WORD = re.compile(r"^[\u0e01-\u0e5b]+$")
# Sub-words shorter than this (in characters) are not indexed: two-letter words would match too much.
MIN_SUBWORD_CHARS = 3
# Words shorter than this are not split into sub-words (จัดซื้อ, 7 characters, still is).
MIN_COMPOUND_CHARS = 6
# Longest word looked for across two tokens (characters).
MAX_WORD_CHARS = 24
ENCODED_PREFIX = "th"


@functools.lru_cache(maxsize=1)
def _dictionary():
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@functools.lru_cache(maxsize=20000)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` (lower-cased; spaces and punctuation dropped), Thai segmented by ``newmm``."""
    if not text or not text.strip():
        return ()
    if not THAI_CHAR.search(text):
        return tuple(w for w in re.findall(r"[\w][\w\-./]*", text.lower()) if w)
    from pythainlp.tokenize import word_tokenize

    result = []
    for token in word_tokenize(text, engine="newmm", keep_whitespace=False):
        token = token.strip().lower()
        if not token:
            continue
        if THAI_CHAR.search(token):
            # A token mixing Thai with other characters is split into its Thai and non-Thai runs.
            result.extend(part for part in re.findall(r"[\u0e01-\u0e5b]+|[^\W\u0e01-\u0e5b][\w\-./]*", token))
        elif re.search(r"\w", token):
            result.append(token.strip(".,;:()[]\"'“”‘’"))
    return tuple(w for w in result if w)


@functools.lru_cache(maxsize=20000)
def subwords(word: str) -> tuple[str, ...]:
    """Dictionary words inside a Thai compound ``word`` (not the word itself).

    The word is split into the fewest dictionary words (cut at Thai character-cluster boundaries, so no
    piece ends inside a syllable); the pieces, and the pieces of the pieces, are the sub-words:
    ``จัดซื้อจัดจ้าง`` → ``จัดซื้อ``, ``จัด``, ``ซื้อ``, ``จัดจ้าง``, ``จ้าง``. Words that cannot be split
    wholly into dictionary words bring nothing, which keeps out fragments such as ``ระกา`` in ``ประกาศ``.
    """
    if len(word) < MIN_COMPOUND_CHARS or not THAI_WORD.match(word):
        return ()
    pieces = _split(word)
    found = []
    for piece in pieces:
        for part in (piece, *subwords(piece)):
            if len(part) >= MIN_SUBWORD_CHARS and part not in found:
                found.append(part)
    return tuple(found)


def _split(word: str) -> list[str]:
    """The fewest dictionary words (two or more, each at least two characters) that make up ``word``."""
    from pythainlp.tokenize import subword_tokenize

    bounds = [0]
    for cluster in subword_tokenize(word, engine="tcc"):
        bounds.append(bounds[-1] + len(cluster))
    dictionary = _dictionary()
    best = {0: []}  # bound -> fewest pieces that make up word[:bound]
    for end in bounds[1:]:
        for start in bounds:
            if start >= end or start not in best:
                continue
            piece = word[start:end]
            if len(piece) < 2 or piece == word or piece not in dictionary:
                continue
            candidate = best[start] + [piece]
            if end not in best or len(candidate) < len(best[end]):
                best[end] = candidate
    return best.get(len(word), [])


def encode(word: str) -> str:
    """A Thai word as one ASCII token the databases keep whole; other words unchanged."""
    if not THAI_WORD.match(word):
        return word
    return ENCODED_PREFIX + "".join(f"{ord(char) - 0x0E00:02d}" for char in word)


def _piece_bounds(word: str, offset: int) -> set[int]:
    """Offsets where the dictionary pieces of ``word`` (and their pieces) begin and end."""
    bounds = {offset, offset + len(word)}
    if len(word) >= MIN_COMPOUND_CHARS and THAI_WORD.match(word):
        position = offset
        for piece in _split(word):
            bounds |= _piece_bounds(piece, position)
            position += len(piece)
    return bounds


def _bridging_words(chunk: str, tokens: tuple[str, ...]) -> list[str]:
    """Dictionary words of a space-free Thai ``chunk`` that straddle two of its tokens.

    ``newmm`` may cut ``คนงานประจำ`` as ``คน|งานประจำ`` or ``ผู้ประสบภัยพิบัติ`` as
    ``ผู้ประสบภัย|พิบัติ``; a query for ``คนงาน`` or ``ภัยพิบัติ`` then needs the word across the cut.
    Only words that begin and end where a token or one of its dictionary pieces does are taken.
    """
    bounds, spans, cursor = set(), set(), 0
    for token in tokens:
        position = chunk.find(token, cursor)
        if position < 0:
            continue
        cursor = position + len(token)
        spans.add((position, cursor))
        bounds |= _piece_bounds(token, position)
    ordered = sorted(bounds)
    dictionary = _dictionary()
    found = []
    for i, start in enumerate(ordered):
        for end in ordered[i + 1 :]:
            if end - start > MAX_WORD_CHARS:
                break
            part = chunk[start:end]
            if (
                (start, end) not in spans
                and len(part) >= MIN_SUBWORD_CHARS
                and THAI_WORD.match(part)
                and part in dictionary
                and not any(start >= a and end <= b for a, b in spans)
            ):
                found.append(part)
    return found


def index_terms(text: str) -> list[str]:
    """Every word of ``text``, the dictionary sub-words of its Thai words, and the dictionary words that
    straddle two Thai words (decoded, in order; duplicates kept)."""
    terms = []
    for chunk in (text or "").lower().split():
        tokens = words(chunk)
        for word in tokens:
            terms.append(word)
            terms.extend(subwords(word))
        if len(tokens) > 1 and THAI_CHAR.search(chunk):
            terms.extend(_bridging_words(chunk, tokens))
    return terms


def index_text(*texts: str) -> str:
    """The encoded index text of several texts (title, description, source …), space-separated."""
    return " ".join(encode(term) for text in texts if text for term in index_terms(text))


def query_words(query: str) -> list[str]:
    """The distinct words of a query, in order (not expanded: a part already matches via the index)."""
    seen = []
    for word in words(query):
        if word not in seen:
            seen.append(word)
    return seen


def query_text(query: str) -> str:
    """The query as encoded terms for the search backend."""
    return " ".join(encode(word) for word in query_words(query))


@functools.lru_cache(maxsize=20000)
def term_set(text: str) -> frozenset[str]:
    """The index terms of ``text`` as a set, for re-ranking (which query words does a title contain)."""
    return frozenset(index_terms(text))
