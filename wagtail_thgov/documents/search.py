"""Which live pages link a file whose text holds a query's words (``search.engine`` asks this)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from ..core.thai.words import encode
from .models import DocumentText

# Files looked at per query: a word in thousands of files is not a useful search.
MAX_FILES = 500


def matching_document_ids(words) -> list[int]:
    """Documents whose current file holds every one of ``words`` (decoded query words), in the search
    backend's index of ``DocumentText.index_text``."""
    if not words:
        return []
    query = " ".join(encode(word) for word in words)
    results = get_search_backend().search(
        query,
        DocumentText.objects.filter(is_current=True).defer("text", "ocr_text", "index_text"),
        operator="and",
        order_by_relevance=False,
    )
    return [row.document_id for row in results[:MAX_FILES]]


def pages_with_matching_files(words, pages) -> dict[int, list]:
    """``{page id: [document, ...]}`` for the pages of the queryset ``pages`` that link a matching file."""
    document_ids = matching_document_ids(words)
    if not document_ids:
        return {}
    Document = get_document_model()
    links = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(Document),
        to_object_id__in=[str(pk) for pk in document_ids],
    ).values_list("object_id", "to_object_id")
    by_page = defaultdict(list)
    for page_id, document_id in links:
        if page_id.isdigit() and int(document_id) not in by_page[int(page_id)]:
            by_page[int(page_id)].append(int(document_id))
    shown = set(pages.filter(pk__in=list(by_page)).values_list("pk", flat=True))
    documents = Document.objects.in_bulk({pk for page_id in shown for pk in by_page[page_id]})
    return {page_id: [documents[pk] for pk in by_page[page_id] if pk in documents] for page_id in shown}
