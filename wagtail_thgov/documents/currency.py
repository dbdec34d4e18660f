"""The documents capability's status in the currency report (``core.registry.currency_check``): live pages
that link a file citizens cannot read as text, a scan without a text layer or a file whose text was
refused (encrypted, corrupt, too large). The webmaster's to-do list then names them next to what expires."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from .models import DocumentText

STATUS = "unreadable_files"
LABEL = _("Links a file citizens cannot read as text")


def pages_with_unreadable_files(site, now, editable=None) -> list[tuple[Page, str]]:
    """``[(page, "file: 12 pages · scanned, no text; ..."), ...]`` for the live pages of ``site`` (narrowed to
    ``editable``) that link the current version of a scanned or refused file, by title.

    One query when nothing is found (the usual case, and the dashboard's), three otherwise, whatever the
    number of pages and files.
    """
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    if editable is not None:
        pages = pages.filter(pk__in=editable.values("pk"))
    unreadable = DocumentText.objects.filter(is_current=True).filter(
        Q(pages_without_text__gt=0) | Q(status=DocumentText.REFUSED)
    )
    links = list(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages.annotate(text_pk=Cast("pk", CharField())).values("text_pk"),
            to_content_type=ContentType.objects.get_for_model(get_document_model()),
            to_object_id__in=unreadable.annotate(text_id=Cast("document_id", CharField())).values("text_id"),
        )
        .values_list("object_id", "to_object_id")
        .distinct()
    )
    if not links:
        return []
    texts = {
        text.document_id: text
        for text in unreadable.filter(document_id__in={int(document) for _page, document in links})
        .select_related("document")
        .defer("text", "ocr_text", "index_text")
    }
    files_of = {}
    for page_id, document_id in links:
        text = texts.get(int(document_id))
        if text is not None:
            files_of.setdefault(int(page_id), []).append(text)
    found = Page.objects.filter(pk__in=list(files_of)).order_by("title", "pk")
    return [
        (
            page,
            "; ".join(
                f"{text.document.title}: {text.summary}"
                for text in sorted(files_of[page.pk], key=lambda text: (text.document.title, text.pk))
            ),
        )
        for page in found
    ]
