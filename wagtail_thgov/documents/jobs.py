"""The django-q2 task that reads a document's text, and what queues it.

Never in the request: saving a document (upload, a new file) queues ``extract_document`` after the
transaction commits; publishing a page queues the files it links that have no text yet; the scheduled
``extract_missing`` catches up on files of live pages that were never read (an existing installation, a
lost task) and on scanned files once OCR is installed.
"""

import hashlib
import logging
import time

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django_q.tasks import async_task
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from ..core.thai.words import index_text
from ..metadata.files import referenced_document_ids
from . import ocr
from .extract import Refused, extract, kind_of
from .limits import Limits, extraction_enabled
from .models import DocumentText

logger = logging.getLogger(__name__)

TASK = "wagtail_thgov.documents.jobs.extract_document"
CHUNK = 1024 * 1024
CATCH_UP_BATCH = 200
SEARCHABLE_FOLDER = "documents/searchable"  # under documents/: never served by the web server itself


def _read(document, limits: Limits) -> bytes:
    """The stored bytes, refusing a file over the size limit before reading it."""
    try:
        size = document.file.storage.size(document.file.name)
    except (FileNotFoundError, OSError, ValueError) as error:
        raise Refused("missing", str(error)) from error
    if size > limits.max_bytes:
        raise Refused("too_large", f"{size} > {limits.max_bytes} bytes")
    try:
        with document.file.storage.open(document.file.name, "rb") as stored:
            return stored.read(limits.max_bytes + 1)
    except (FileNotFoundError, OSError, ValueError) as error:
        raise Refused("missing", str(error)) from error


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _make_current(row):
    DocumentText.objects.filter(document_id=row.document_id, is_current=True).exclude(pk=row.pk).update(
        is_current=False
    )


def _store_searchable(row, copy: bytes | None):
    """Keep the searchable copy of ``row``'s file version under its SHA-256 (rows of the same bytes share it)."""
    if not copy:
        row.searchable_file = ""
        return
    storage = row.searchable_file.storage
    name = f"{SEARCHABLE_FOLDER}/{row.sha256}.pdf"
    if storage.exists(name):
        storage.delete(name)  # read again (``force``): the new copy replaces the old one
    row.searchable_file.name = storage.save(name, ContentFile(copy))


def delete_unused_searchable_file(sender, instance, **kwargs):
    """``post_delete`` of a ``DocumentText`` (its document deleted): its copy, unless another row shares it."""
    name = instance.searchable_file.name if instance.searchable_file else ""
    if name and not DocumentText.objects.filter(searchable_file=name).exists():
        instance.searchable_file.storage.delete(name)


def _fill(row, data: bytes, limits: Limits):
    """Read ``data`` into ``row`` (not saved): the text, its pages, OCR, or why it was refused."""
    started = time.monotonic()
    row.size = len(data)
    row.file_sha1 = hashlib.sha1(data, usedforsecurity=False).hexdigest()  # as Wagtail's file_hash
    try:
        result = extract(data, row.document.file_extension, limits)
    except Refused as refused:
        row.status, row.reason, row.detail = DocumentText.REFUSED, refused.reason, refused.detail
        row.text = row.ocr_text = row.index_text = ""
        row.page_count = None
        row.pages_without_text = row.ocr_pages = 0
        row.searchable_file = ""
    else:
        row.status, row.reason, row.detail = DocumentText.DONE, "", ""
        row.kind, row.extractor = result.kind, result.extractor
        row.page_count, row.pages_without_text = result.page_count, result.pages_without_text
        row.ocr_pages, row.ocr_state = result.ocr_pages, result.ocr_state
        row.text, row.ocr_text = result.text, result.ocr_text
        row.index_text = index_text(row.document.title, row.text, row.ocr_text)
        _store_searchable(row, result.searchable_pdf)
    row.seconds = round(time.monotonic() - started, 3)


def extract_document(document_id, force=False) -> str:
    """Read the current file of document ``document_id`` and store its text; returns the row's status.

    A version already read (this document or another with the same bytes) is not read again, unless
    ``force`` or it waited for OCR that is now installed.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return "gone"
    limits = Limits.from_settings()
    try:
        data = _read(document, limits)
    except Refused as refused:
        # Not a version of the file (its bytes were not read): a row without checksum says why, and the
        # rows of the versions read before keep their text.
        row, _created = DocumentText.objects.get_or_create(document=document, sha256="")
        row.status, row.reason, row.detail = DocumentText.REFUSED, refused.reason, refused.detail
        row.is_current = True
        with transaction.atomic():
            row.save()
            _make_current(row)
        return row.status
    sha256 = _sha256(data)
    row, _created = DocumentText.objects.get_or_create(document=document, sha256=sha256)
    row.document = document
    retry_ocr = row.ocr_state == "off" and ocr.status().available
    if row.status != DocumentText.PENDING and not force and not retry_ocr:
        # This version was read before; the document's title (indexed with the text) may have changed.
        if row.status == DocumentText.DONE:
            row.index_text = index_text(document.title, row.text, row.ocr_text)
    else:
        same_bytes = (
            DocumentText.objects.filter(sha256=sha256, status=DocumentText.DONE)
            .exclude(pk=row.pk)
            .exclude(ocr_state="off")
            .first()
        )
        if same_bytes is not None and not force:
            for name in ("status", "kind", "extractor", "size", "page_count", "pages_without_text", "ocr_pages",
                         "ocr_state", "text", "ocr_text", "seconds", "searchable_file", "file_sha1"):  # fmt: skip
                setattr(row, name, getattr(same_bytes, name))
            row.index_text = index_text(document.title, row.text, row.ocr_text)
        else:
            _fill(row, data, limits)
    row.is_current = True
    with transaction.atomic():
        row.save()
        _make_current(row)
    if row.status == DocumentText.REFUSED:
        logger.info("thgov documents: %s refused (%s) %s", document.pk, row.reason, row.detail)
    return row.status


def queue_document(document_id, force=False):
    """Queue ``extract_document`` once the surrounding transaction commits (never run in the request)."""
    if not extraction_enabled():
        return

    def enqueue():
        try:
            async_task(TASK, document_id, force, task_name=f"thgov document text {document_id}"[:100])
        except Exception:  # a broker outage must not fail an upload; extract_missing catches up
            logger.exception("thgov documents: could not queue document %s", document_id)

    transaction.on_commit(enqueue)


def on_document_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A new document, or a document whose file may have changed (not a title-only or size-only update)."""
    if raw or not kind_of(instance.file_extension or ""):
        return
    if update_fields and not {"file", "file_hash"} & set(update_fields):
        return
    queue_document(instance.pk)


def unread_document_ids(document_ids) -> list[int]:
    """Those of ``document_ids`` without a current, finished text row."""
    ids = [int(pk) for pk in document_ids]
    read = set(
        DocumentText.objects.filter(document_id__in=ids, is_current=True)
        .exclude(status=DocumentText.PENDING)
        .values_list("document_id", flat=True)
    )
    return [pk for pk in ids if pk not in read]


def on_page_published(sender, instance, **kwargs):
    """The files a page links when it is published, if one was never read (they were uploaded before
    this capability was installed, or their task was lost)."""
    try:
        ids = referenced_document_ids(instance)
    except Exception:  # the page publishes whatever happens here
        logger.exception("thgov documents: could not list the files of page %s", instance.pk)
        return
    for pk in unread_document_ids(ids):
        queue_document(pk)


def live_page_document_ids() -> list[int]:
    """Documents linked from live pages (Wagtail's reference index), of the kinds whose text is read."""
    Document = get_document_model()

    live_ids = {str(pk) for pk in Page.objects.live().values_list("pk", flat=True)}
    linked = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(Document),
    ).values_list("object_id", "to_object_id")
    ids = {int(to_id) for page_id, to_id in linked if page_id in live_ids and str(to_id).isdigit()}
    condition = Q()
    for extension in ("pdf", "docx", "xlsx", "txt", "csv"):
        condition |= Q(file__iendswith=f".{extension}")
    return sorted(Document.objects.filter(condition, pk__in=ids).values_list("pk", flat=True))


def extract_missing() -> int:
    """Scheduled: read the files of live pages that have no text yet, and scanned files that waited for
    OCR once it is installed. Returns how many were read (at most ``CATCH_UP_BATCH`` per run)."""
    if not extraction_enabled():
        return 0
    ids = unread_document_ids(live_page_document_ids())
    if ocr.status().available:
        ids += list(
            DocumentText.objects.filter(is_current=True, ocr_state="off")
            .exclude(document_id__in=ids)
            .values_list("document_id", flat=True)
        )
    for pk in ids[:CATCH_UP_BATCH]:
        extract_document(pk)
    return len(ids[:CATCH_UP_BATCH])
