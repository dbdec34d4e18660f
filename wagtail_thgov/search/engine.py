"""Searching a site's pages (and documents) with Thai-segmented queries through Wagtail's search API.

``search_pages`` asks the configured backend (SQLite FTS5 or PostgreSQL, via ``Page.objects.search``) for
the encoded query words OR-ed together (a citizen's query often has a word the page lacks), takes the
backend's best ``CANDIDATES`` and re-ranks them in Python: pages whose title holds more of the query's
words first, then those whose index text does, then the backend's own order.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Page

from ..categories import category_of
from .thai import query_text, query_words, term_set

CANDIDATES = 200


@dataclass
class PageHit:
    page: Page
    title_words: int
    category: object = None
    extra: dict = field(default_factory=dict)


def _rank(pages, words):
    """Pages ordered by how many query words their title holds (then their search text, then backend order)."""
    scored = []
    for position, page in enumerate(pages):
        title_terms = term_set(page.title.lower())
        in_title = sum(1 for word in words if word in title_terms)
        scored.append((-in_title, position, page, in_title))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [(page, in_title) for _, _, page, in_title in scored]


def search_pages(query, site=None, *, category=None, fiscal_year=None, queryset=None, limit=CANDIDATES):
    """Live public pages of ``site`` matching ``query``, best first, as a list of ``PageHit``.

    ``category`` ("1.1" … "1.10") and ``fiscal_year`` (B.E.) filter the ranked candidates.
    """
    words = query_words(query or "")
    if not words:
        return []
    if queryset is None:
        queryset = Page.objects.live().public()
        if site is not None:
            queryset = queryset.descendant_of(site.root_page, inclusive=True)
    results = list(queryset.specific().search(query_text(query), operator="or")[:limit])
    hits = []
    for page, in_title in _rank(results, words):
        page_category = category_of(page)
        if category and (page_category is None or page_category.code != category):
            continue
        if fiscal_year and getattr(page, "fiscal_year", None) != fiscal_year:
            continue
        hits.append(PageHit(page=page, title_words=in_title, category=page_category))
    return hits


def search_documents(query, limit=10):
    """Documents whose title holds every word of the query (substring match: document titles are short
    and Wagtail's own document index cannot be given segmented words without a custom document model)."""
    words = query_words(query or "")
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word)
    return list(get_document_model().objects.filter(condition).order_by("-created_at")[:limit])
