"""Files attached anywhere on a page, found through Wagtail's reference extraction.

Document fields, StreamField blocks, rich-text links and child objects are all covered by the
same mechanism Wagtail's reference index uses, so a new block type needs no code here.
"""

import mimetypes
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from ..cache.sitedata import per_page

KIB = 1024
SIZE_UNITS = ("KB", "MB", "GB", "TB")
ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class FileInfo:
    """One attached file with the facts the guideline asks for: type (extension) and size."""

    title: str
    url: str
    extension: str
    size: int | None
    mime_type: str
    pk: int | None = None  # the document's id (what the documents capability keys its text by)

    @property
    def type_label(self) -> str:
        return self.extension.upper() or _("file")

    @property
    def size_label(self) -> str:
        return format_file_size(self.size)

    @property
    def label(self) -> str:
        """``PDF · 1.2 MB``."""
        return f"{self.type_label} · {self.size_label}" if self.size is not None else self.type_label


def format_file_size(size: int | None) -> str:
    """A file size for people: ``850 B``, ``1 KB``, ``1.5 MB``; ``None`` (a missing file) gives ``""``.

    Bytes are whole numbers; KB, MB and GB have at most one decimal (a trailing ``.0`` is dropped),
    rounded half up, with 1 KB = 1,024 bytes, as file managers on Windows show them.
    """
    if size is None:
        return ""
    if size < KIB:
        return f"{size} B"
    amount = Decimal(size)
    for unit in SIZE_UNITS:
        amount /= KIB
        rounded = amount.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
        # Move up a unit when rounding reaches 1024, so 1,048,575 bytes reads "1 MB", not "1024 KB".
        if rounded < KIB or unit == SIZE_UNITS[-1]:
            break
    return f"{format(rounded, 'f').removesuffix('.0')} {unit}"


def file_info(document) -> FileInfo:
    """The facts of one Wagtail document, its size read from the stored file when not yet recorded."""
    size = document.get_file_size()  # the recorded size, or read from storage and recorded once
    extension = document.file_extension.lower()
    mime_type = mimetypes.guess_type(document.file.name)[0] or "application/octet-stream"
    return FileInfo(document.title, document.url, extension, size, mime_type, document.pk)


def file_models() -> tuple[type, type]:
    """The document and image models: the two kinds of file a page carries."""
    return get_document_model(), get_image_model()


def referenced_file_ids(obj) -> dict[type, list[str]]:
    """Primary keys of the documents and images ``obj`` refers to, by model, in the order they appear."""
    by_type_id = {ReferenceIndex._get_base_content_type(model).id: model for model in file_models()}
    found = {model: {} for model in by_type_id.values()}
    for (
        content_type_id,
        object_id,
        _model_path,
        _content_path,
    ) in ReferenceIndex._extract_references_from_object(obj):
        if content_type_id in by_type_id:
            found[by_type_id[content_type_id]].setdefault(object_id, None)
    return {model: list(ids) for model, ids in found.items()}


def referenced_document_ids(page) -> list[str]:
    """Primary keys of the documents ``page`` refers to, in the order they appear."""
    return referenced_file_ids(page)[get_document_model()]


def page_files(page) -> list[FileInfo]:
    """Every document attached to ``page`` (fields, blocks, rich text), fetched in one query."""
    ids = referenced_document_ids(page)
    if not ids:
        return []
    documents = get_document_model().objects.in_bulk([int(pk) for pk in ids])
    return [file_info(documents[int(pk)]) for pk in ids if int(pk) in documents]


def files_of(page, request=None) -> list[FileInfo]:
    """``page_files(page)`` computed once per page instance (a render asks several times).

    With the ``request`` of a published page's view, once per generation (``cache.sitedata.per_page``):
    finding the references walks every field and block of the page and reads each file's size, the
    same answer until the page is published again or one of its files changes (both bump the generation).
    """
    try:
        return page._thgov_files
    except AttributeError:
        page._thgov_files = per_page(request, page, "files", lambda: page_files(page))
        return page._thgov_files
