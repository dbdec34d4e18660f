"""Which attachments are accepted: by extension, size and content ("magic bytes").

A file whose content does not match its extension is refused, so a script renamed ``.pdf`` or an HTML
page renamed ``.png`` never reaches the staff who open attachments.
"""

import io
import zipfile

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

# The main part an Office Open XML package of each kind must declare in [Content_Types].xml.
_OOXML_MAIN_PART = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}


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


def _is_ooxml(head: bytes, upload, extension: str) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            if "[Content_Types].xml" not in package.namelist():
                return False
            with package.open("[Content_Types].xml") as member:
                types = member.read(200_000)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        return False
    finally:
        upload.seek(0)
    return _OOXML_MAIN_PART[extension] in types


def content_matches(upload, extension: str) -> bool:
    """Whether the bytes of ``upload`` are really a file of type ``extension``."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension in _OOXML_MAIN_PART:
        return _is_ooxml(head, upload, extension)
    return False


def sniff_bytes(data: bytes, extension: str) -> bool:
    """``content_matches`` for bytes already in memory."""
    return content_matches(io.BytesIO(data), extension)
