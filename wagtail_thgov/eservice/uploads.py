"""Which attachments are accepted: by extension, size and content ("magic bytes").

A file whose content does not match its extension is refused, so a script renamed ``.pdf`` or an HTML
page renamed ``.png`` never reaches the staff who open attachments. The signatures are those of
``core.sniffing``.
"""

import io

from ..core.sniffing import OOXML_MAIN_PARTS, ZIP, declares_ooxml_part, has_signature, read_head

# Every extension a service may allow, with the content type it is stored with.
SUPPORTED = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DEFAULT_EXTENSIONS = "pdf, jpg, png, docx, xlsx"
DEFAULT_MAX_MB = 10
MAX_FILES = 5


def parse_extensions(text: str) -> list[str]:
    """``"pdf, .JPG png"`` → ``["pdf", "jpg", "png"]`` (order kept, duplicates dropped)."""
    words = (text or "").replace(",", " ").replace(";", " ").split()
    result = []
    for word in words:
        extension = word.strip().lstrip(".").lower()
        if extension and extension not in result:
            result.append(extension)
    return result


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_matches(upload, extension: str) -> bool:
    """Whether the bytes of ``upload`` are really a file of type ``extension`` (one of ``SUPPORTED``);
    a .docx or .xlsx must also declare its kind's main part."""
    if extension not in SUPPORTED:
        return False
    head = read_head(upload, 16)
    if extension in OOXML_MAIN_PARTS:
        return head.startswith(ZIP[0]) and declares_ooxml_part(upload, extension)
    return bool(has_signature(head, extension))


def sniff_bytes(data: bytes, extension: str) -> bool:
    """``content_matches`` for bytes already in memory."""
    return content_matches(io.BytesIO(data), extension)
