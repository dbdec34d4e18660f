"""What a file really is, from its first bytes: the one table of magic bytes of the plugin.

The document and image forms (``security.uploads``) and the e-Service attachments (``eservice.uploads``)
both refuse a file whose content does not match its extension; they read the signatures from here.
"""

import zipfile

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = (b"PK\x03\x04", b"PK\x05\x06")

# Extension -> the leading bytes a genuine file of that type starts with (any of them).
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "doc": (OLE2,),
    "xls": (OLE2,),
    "ppt": (OLE2,),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "zip": ZIP,
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "rtf": (b"{\\rtf",),
}

# Office Open XML and OpenDocument files are zips that must hold these members.
ZIP_MEMBERS = {
    "docx": "[Content_Types].xml",
    "xlsx": "[Content_Types].xml",
    "pptx": "[Content_Types].xml",
    "odt": "mimetype",
    "ods": "mimetype",
    "odp": "mimetype",
}

# The main part an Office Open XML package of each kind declares in its [Content_Types].xml: a .docx
# renamed .xlsx starts with the same bytes and holds the same member, but declares another main part.
OOXML_MAIN_PARTS = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}

# Programs, whatever they are called.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa")


def read_head(file, size: int) -> bytes:
    """The first ``size`` bytes of ``file``, which is left at its start."""
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def has_signature(head: bytes, extension: str) -> bool | None:
    """Whether ``head`` starts as a file of type ``extension`` does; ``None`` for a type not in the table."""
    signatures = SIGNATURES.get(extension)
    if signatures is None:
        return None
    if extension == "webp":
        return head.startswith(signatures) and head[8:12] == b"WEBP"
    return head.startswith(signatures)


def is_executable(head: bytes) -> bool:
    return head.startswith(EXECUTABLE_SIGNATURES)


def zip_members(file) -> set | None:
    """The member names of the zip ``file``, or ``None`` when it is not a readable zip."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)


def declares_ooxml_part(file, extension: str) -> bool:
    """Whether the zip ``file`` is an Office Open XML package of kind ``extension`` (``OOXML_MAIN_PARTS``)."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            if "[Content_Types].xml" not in package.namelist():
                return False
            with package.open("[Content_Types].xml") as member:
                types = member.read(200_000)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        return False
    finally:
        file.seek(0)
    return OOXML_MAIN_PARTS[extension] in types
