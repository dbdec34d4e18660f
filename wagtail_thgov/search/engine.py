"""Searching a site's pages (and documents) with Thai-segmented queries through Wagtail's search API.

``search_pages`` asks the configured backend (SQLite FTS5 or PostgreSQL, via ``Page.objects.search``) for
the encoded query words OR-ed together (a citizen's query often has a word the page lacks), takes the
backend's best ``CANDIDATES`` and re-ranks them in Python: pages whose title holds more of the query's
words first, then those whose index text does, then the backend's own order.

On SQLite the candidates come from one FTS5 query ranked by the same BM25 expression Wagtail uses
(``_sqlite_candidate_ids``): Wagtail's SQLite backend attaches the score to every matching page through a
correlated subquery that repeats the full-text match per page, which takes seconds when a common word
matches thousands of pages. The category and fiscal-year filters narrow the page set *before* ranking,
so a filtered search never loses results beyond the candidate limit.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from ..core.categories import category_of
from ..core.thai.words import encode, query_text, query_words, term_set
from ..documents.search import pages_with_matching_files
from ..metadata.models import GovMetadataMixin

CANDIDATES = 200


@dataclass
class PageHit:
    page: Page
    title_words: int
    category: object = None
    extra: dict = field(default_factory=dict)
    files: list = field(default_factory=list)  # the page's files whose text holds the query's words


def _rank(pages, words):
    """Pages ordered by how many query words their title holds (then their search text, then backend order)."""
    scored = []
    for position, page in enumerate(pages):
        title_terms = term_set(page.title.lower())
        in_title = sum(1 for word in words if word in title_terms)
        scored.append((-in_title, position, page, in_title))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [(page, in_title) for _, _, page, in_title in scored]


def _page_models(category=None, fiscal_year=None):
    """Concrete page models of ``category`` (or of every category), those with a fiscal year if asked."""
    models = [
        model
        for model in _all_page_models()
        if category_of(model) is not None and (category is None or category_of(model).code == category)
    ]
    if fiscal_year is not None:
        models = [model for model in models if issubclass(model, GovMetadataMixin)]
    return models


def _all_page_models():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if not model._meta.abstract]


def _narrowed(queryset, category=None, fiscal_year=None):
    """``queryset`` restricted to pages of ``category`` and/or ``fiscal_year`` (B.E.), in SQL."""
    if category is None and fiscal_year is None:
        return queryset
    models = _page_models(category, fiscal_year)
    if not models:
        return queryset.none()
    if fiscal_year is None:
        return queryset.type(*models)
    condition = Q()
    for model in models:
        condition |= Q(pk__in=model.objects.filter(fiscal_year=fiscal_year).values("pk"))
    return queryset.filter(condition)


def _uses_sqlite_fts():
    backend = get_search_backend()
    return connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend"


def _fts5_match(words):
    """An FTS5 query: any of the encoded words, each quoted (a word with punctuation becomes a phrase)."""
    terms = " OR ".join('"{}"'.format(encode(word).replace('"', '""')) for word in words)
    return "{title body} : (" + terms + ")"


def _sqlite_candidate_ids(queryset, words, limit):
    """Ids of the best ``limit`` pages of ``queryset`` for ``words``, best first: one FTS5 query."""
    from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

    fts = SQLiteFTSIndexEntry._meta.db_table
    entries = IndexEntry._meta.db_table
    page_sql, page_params = queryset.order_by().values("pk").query.sql_with_params()
    content_types = list(queryset.order_by().values_list("content_type_id", flat=True).distinct())
    if not content_types:
        return []
    placeholders = ", ".join(["%s"] * len(content_types))
    sql = (
        f'SELECT e.object_id FROM "{fts}" f INNER JOIN "{entries}" e ON f.rowid = e.id '
        f'WHERE "{fts}" MATCH %s AND e.content_type_id IN ({placeholders}) '
        f"AND CAST(e.object_id AS INTEGER) IN ({page_sql}) "
        f'ORDER BY bm25("{fts}") * e.title_norm + bm25("{fts}"), e.id DESC LIMIT %s'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_fts5_match(words), *content_types, *page_params, limit])
        return [int(row[0]) for row in cursor.fetchall()]


def _candidates(queryset, query, words, limit):
    if _uses_sqlite_fts():
        ids = _sqlite_candidate_ids(queryset, words, limit)
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        return [pages[pk] for pk in ids if pk in pages]
    return list(queryset.specific().search(query_text(query), operator="or")[:limit])


def search_pages(query, site=None, *, category=None, fiscal_year=None, queryset=None, limit=CANDIDATES):
    """Live public pages of ``site`` matching ``query``, best first, as a list of ``PageHit``.

    ``category`` ("1.1" … "1.10") and ``fiscal_year`` (B.E.) filter the pages before they are ranked.
    """
    words = query_words(query or "")
    if not words:
        return []
    if queryset is None:
        queryset = Page.objects.live().public()
        if site is not None:
            queryset = queryset.descendant_of(site.root_page, inclusive=True)
    queryset = _narrowed(queryset, category, fiscal_year)
    hits = [
        PageHit(page=page, title_words=in_title, category=category_of(page))
        for page, in_title in _rank(_candidates(queryset, query, words, limit), words)
    ]
    # Pages whose files hold every query word (wagtail_thgov.documents): named on their hit, and added
    # after the pages that hold the words themselves, newest first.
    files = pages_with_matching_files(words, queryset)
    for hit in hits:
        hit.files = files.pop(hit.page.pk, [])
    more = Page.objects.filter(pk__in=list(files)).specific().order_by("-first_published_at", "-pk")
    hits += [
        PageHit(page=page, title_words=0, category=category_of(page), files=files[page.pk]) for page in more
    ]
    return hits


def site_documents(site):
    """Documents linked from live public pages of ``site`` (Wagtail's reference index knows the links).

    Documents belong to collections, not sites: what a citizen of one municipality may find is what that
    municipality's public pages link to, never another site's files or an unpublished draft's.
    """
    pages = Page.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    Document = get_document_model()
    linked = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages.annotate(text_pk=Cast("pk", CharField())).values("text_pk"),
        to_content_type=ContentType.objects.get_for_model(Document),
    ).values("to_object_id")
    return Document.objects.filter(
        pk__in=linked.annotate(int_pk=Cast("to_object_id", IntegerField())).values("int_pk")
    )


def search_documents(query, site=None, limit=10):
    """Documents of ``site`` (see ``site_documents``) whose title holds every word of the query.

    A substring match: document titles are short, and Wagtail's own document index cannot be given
    segmented words without a custom document model.
    """
    words = query_words(query or "")
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word)
    return list(site_documents(site).filter(condition).order_by("-created_at")[:limit])
