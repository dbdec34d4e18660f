"""The text of one file, within limits: PDF (pypdf, or poppler's ``pdftotext`` when installed), DOCX,
XLSX and plain text. Pure functions of the bytes: no database, no Django models.

A file that cannot or must not be read raises ``Refused`` with a reason code (``REASONS``): encrypted,
corrupt, a zip bomb, too large, too many pages, out of time. The job stores the code and the admin shows
its message; the page that links the file publishes as usual.
"""

import io
import re
import shutil
import subprocess
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError

from ..core.conf import setting
from ..core.sniffing import OLE2, ZIP
from . import ocr, textlayer
from .limits import Limits

REASONS = {
    "too_large": _("The file is larger than the limit for reading its text."),
    "too_many_pages": _("The file has more pages than the limit for reading its text."),
    "encrypted": _("The file is protected by a password, so its text cannot be read."),
    "corrupt": _("The file is damaged or is not the type its name says."),
    "zip_bomb": _("The file unpacks to far more data than its size (a zip bomb), so it was not read."),
    "timeout": _("Reading the file took longer than the time limit."),
    "unsupported": _("Text is not read from this type of file."),
    "missing": _("The stored file is missing."),
}

PDF, DOCX, XLSX, TEXT = "pdf", "docx", "xlsx", "text"
KINDS = {"pdf": PDF, "docx": DOCX, "xlsx": XLSX, "txt": TEXT, "csv": TEXT}

WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Parts of a .docx whose text a reader sees: the body, headers and footers, foot- and endnotes.
DOCX_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
VISIBLE = re.compile(r"\S")


class Refused(Exception):
    """The file was not read; ``reason`` is a key of ``REASONS``."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail[:500]


@dataclass
class Extraction:
    """What was read from one file. ``pages`` is the text of each PDF page (one item for other kinds)."""

    kind: str
    pages: list[str] = field(default_factory=list)
    page_count: int | None = None  # PDF pages; None for other kinds
    pages_without_text: int = 0
    ocr_pages: int = 0  # image-only pages whose text OCR read
    ocr_text: str = ""
    ocr_state: str = ""  # "" (not needed), "done", "off" (needed, Tesseract missing or switched off)
    extractor: str = ""
    searchable_pdf: bytes | None = None  # the PDF with the OCR text as an invisible layer (textlayer)

    @property
    def text(self) -> str:
        return "\n\n".join(page for page in self.pages if page.strip())


class Deadline:
    """The time a job has left (``Limits.seconds``)."""

    def __init__(self, seconds: float):
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        return self.ends - time.monotonic()

    def check(self):
        if self.left() <= 0:
            raise Refused("timeout")


def kind_of(extension: str) -> str | None:
    return KINDS.get(extension.lower().lstrip("."))


def normalise(text: str) -> str:
    """Text as a reader sees it: NFC, Thai SARA AM whole (PDF fonts often draw it as NIKHAHIT + SARA AA,
    and extractors then return both), no NUL or other control characters but line breaks."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e33\u0e32", "\u0e33")
    return "".join(char for char in text if char in "\n\t" or unicodedata.category(char)[0] != "C")


def visible_chars(text: str) -> int:
    return len(VISIBLE.findall(text))


def extract(data: bytes, extension: str, limits: Limits | None = None, *, use_ocr: bool = True) -> Extraction:
    """The text of the file ``data`` named ``*.extension``; raises ``Refused``."""
    limits = limits or Limits.from_settings()
    kind = kind_of(extension)
    if kind is None:
        raise Refused("unsupported", extension)
    if len(data) > limits.max_bytes:
        raise Refused("too_large", f"{len(data)} > {limits.max_bytes} bytes")
    deadline = Deadline(limits.seconds)
    if kind == PDF:
        result = _pdf(data, limits, deadline, use_ocr)
    elif kind in (DOCX, XLSX):
        if data.startswith(OLE2):
            # An Office file saved with a password is an encrypted OLE container, not a zip.
            raise Refused("encrypted")
        if not data.startswith(ZIP):
            raise Refused("corrupt", "not a zip")
        result = _docx(data, limits, deadline) if kind == DOCX else _xlsx(data, limits, deadline)
    else:
        result = Extraction(TEXT, [_decode(data)], extractor="text")
    result.pages = _capped([normalise(page) for page in result.pages], limits.max_chars)
    result.ocr_text = normalise(result.ocr_text)[: limits.max_chars]
    return result


def _capped(pages: list[str], max_chars: int) -> list[str]:
    kept, total = [], 0
    for page in pages:
        kept.append(page[: max(max_chars - total, 0)])
        total += len(kept[-1])
    return kept


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp874"):  # cp874: Thai Windows, what older Thai .txt/.csv files use
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# --- PDF -------------------------------------------------------------------------------------------------
def _open_pdf(data: bytes) -> PdfReader:
    if b"%PDF-" not in data[:1024]:  # readers accept the header anywhere in the first kilobyte
        raise Refused("corrupt", "no %PDF- header")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # A PDF with only an owner password (no copying, no printing) opens with an empty user
            # password, and anyone may read it; one that asks for a password to open is refused.
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as error:
                raise Refused("encrypted", str(error)) from error
            if not opened:
                raise Refused("encrypted")
        len(reader.pages)  # reads the page tree: a broken one fails here
    except Refused:
        raise
    except FileNotDecryptedError as error:
        raise Refused("encrypted", str(error)) from error
    except LimitReachedError as error:
        raise Refused("zip_bomb", str(error)) from error
    except Exception as error:  # pypdf raises many kinds on damaged input
        raise Refused("corrupt", f"{type(error).__name__}: {error}") from error
    return reader


def _pdftotext(data: bytes, page_count: int, deadline: Deadline) -> list[str] | None:
    """Text per page from poppler's ``pdftotext`` (better than pypdf with Thai fonts that shape clusters:
    it follows the PDF's /ActualText), or ``None`` when it is not installed or fails."""
    command = shutil.which(str(setting("THGOV_PDFTOTEXT_CMD", "pdftotext")))
    if command is None:
        return None
    try:
        run = subprocess.run(
            [command, "-q", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            timeout=max(deadline.left(), 0.5),
        )
    except subprocess.TimeoutExpired as error:
        raise Refused("timeout") from error
    except OSError:
        return None
    if run.returncode != 0:
        return None
    pages = run.stdout.decode("utf-8", "replace").split("\f")
    pages = pages[:page_count] + [""] * (page_count - len(pages))
    return pages


def _pdf(data: bytes, limits: Limits, deadline: Deadline, use_ocr: bool) -> Extraction:
    reader = _open_pdf(data)
    page_count = len(reader.pages)
    if page_count > limits.max_pages:
        raise Refused("too_many_pages", f"{page_count} > {limits.max_pages}")
    result = Extraction(PDF, page_count=page_count)
    deadline.check()
    pages = _pdftotext(data, page_count, deadline)
    if pages is not None:
        result.extractor = "pdftotext"
    else:
        result.extractor = "pypdf"
        pages = []
        for page in reader.pages:
            deadline.check()
            try:
                pages.append(page.extract_text() or "")
            except LimitReachedError as error:
                raise Refused("zip_bomb", str(error)) from error
            except Exception:  # one unreadable page does not lose the others' text
                pages.append("")
    result.pages = pages
    empty = [
        number for number, text in enumerate(pages, 1) if visible_chars(text) < limits.min_chars_per_page
    ]
    result.pages_without_text = len(empty)
    if empty:
        _ocr(result, data, empty, deadline, use_ocr)
    return result


def _ocr(result: Extraction, data: bytes, page_numbers: list[int], deadline: Deadline, use_ocr: bool):
    available = ocr.status()
    if not (use_ocr and available.available):
        result.ocr_state = "off"
        return
    texts, readings = [], {}
    for number in page_numbers:
        deadline.check()
        try:
            images = ocr.page_images(data, number, available.rasteriser, deadline.left())
            page_readings = [ocr.recognise(png, available.tesseract, deadline.left()) for png in images]
        except subprocess.TimeoutExpired as error:
            raise Refused("timeout") from error
        except (OSError, ValueError, KeyError, IndexError, PdfReadError):
            page_readings = []
        text = "\n".join(reading.text for reading in page_readings)
        if visible_chars(text):
            result.ocr_pages += 1
            texts.append(text)
            readings[number] = page_readings[0]  # one image per page (pdftoppm's, or the largest embedded)
    result.ocr_text = "\n\n".join(texts)
    result.ocr_state = "done"
    if readings:
        deadline.check()
        result.searchable_pdf = textlayer.searchable_pdf(data, readings)


# --- Office files ----------------------------------------------------------------------------------------
def _open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Refused("corrupt", str(error)) from error
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unzipped_bytes or unpacked > max(len(data), 1) * limits.max_ratio:
        raise Refused("zip_bomb", f"{len(data)} bytes unpack to {unpacked}")
    if any(member.flag_bits & 0x1 for member in members):
        raise Refused("encrypted")
    return package


def _read_member(package: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """A member's bytes, never more than the unpacked limit (a lying header cannot make it read more)."""
    try:
        with package.open(name) as member:
            content = member.read(limits.max_unzipped_bytes + 1)
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as error:
        raise Refused("corrupt", str(error)) from error
    if len(content) > limits.max_unzipped_bytes:
        raise Refused("zip_bomb", name)
    return content


def _docx(data: bytes, limits: Limits, deadline: Deadline) -> Extraction:
    with _open_zip(data, limits) as package:
        names = sorted(
            (name for name in package.namelist() if DOCX_PARTS.match(name)),
            key=lambda name: (name != "word/document.xml", name),
        )
        if "word/document.xml" not in names:
            raise Refused("corrupt", "no word/document.xml")
        parts = []
        for name in names:
            deadline.check()
            try:
                root = ElementTree.fromstring(_read_member(package, name, limits))
            except ElementTree.ParseError as error:
                raise Refused("corrupt", f"{name}: {error}") from error
            paragraphs = []
            for paragraph in root.iter(f"{WORD_NS}p"):
                runs = []
                for node in paragraph.iter():
                    if node.tag == f"{WORD_NS}t" and node.text:
                        runs.append(node.text)
                    elif node.tag == f"{WORD_NS}tab":
                        runs.append("\t")
                    elif node.tag in (f"{WORD_NS}br", f"{WORD_NS}cr"):
                        runs.append("\n")
                paragraphs.append("".join(runs))
            parts.append("\n".join(paragraphs))
    return Extraction(DOCX, ["\n".join(parts)], extractor="docx")


def _xlsx(data: bytes, limits: Limits, deadline: Deadline) -> Extraction:
    with _open_zip(data, limits):
        pass  # the size and ratio checks, before openpyxl unpacks anything
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on damaged input
        raise Refused("corrupt", f"{type(error).__name__}: {error}") from error
    sheets = []
    try:
        for sheet in workbook.worksheets:
            lines = [sheet.title]
            for number, row in enumerate(sheet.iter_rows(values_only=True)):
                if number % 200 == 0:
                    deadline.check()
                cells = [str(value) for value in row if value is not None and str(value).strip()]
                if cells:
                    lines.append("\t".join(cells))
            sheets.append("\n".join(lines))
    except Refused:
        raise
    except Exception as error:
        raise Refused("corrupt", f"{type(error).__name__}: {error}") from error
    finally:
        workbook.close()
    return Extraction(XLSX, sheets, extractor="openpyxl")
