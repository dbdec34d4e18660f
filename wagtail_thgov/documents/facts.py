"""The current text row of documents, for the admin panels, the reports and the public metadata box."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from .models import DocumentText


def current_texts(document_ids) -> dict[int, DocumentText]:
    """Current ``DocumentText`` of each document id, in one query (without the text columns)."""
    ids = [int(pk) for pk in document_ids if pk is not None]
    if not ids:
        return {}
    rows = DocumentText.objects.filter(document_id__in=ids, is_current=True).defer(
        "text", "ocr_text", "index_text"
    )
    return {row.document_id: row for row in rows}


def site_document_ids(site):
    """Ids of the documents that live public pages of ``site`` link (Wagtail's reference index), as a
    subquery."""
    pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages.annotate(text_pk=Cast("pk", CharField())).values("text_pk"),
            to_content_type=ContentType.objects.get_for_model(get_document_model()),
        )
        .annotate(int_pk=Cast("to_object_id", IntegerField()))
        .values("int_pk")
    )


def accessibility_findings(site) -> dict:
    """For the compliance report (accessibility of published documents): the current versions of files
    that live pages of ``site`` link and that citizens cannot read as text, scanned first."""
    rows = (
        DocumentText.objects.filter(is_current=True, document_id__in=site_document_ids(site))
        .filter(Q(pages_without_text__gt=0) | Q(status=DocumentText.REFUSED))
        .select_related("document")
        .defer("text", "ocr_text", "index_text")
        .order_by("-pages_without_text", "document__title")
    )
    rows = list(rows)
    return {
        "scanned": [row for row in rows if row.pages_without_text],
        "refused": [row for row in rows if row.status == DocumentText.REFUSED],
    }
