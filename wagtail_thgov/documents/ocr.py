"""Optional OCR of image-only PDF pages with Tesseract and its Thai data (``tesseract-ocr-tha``).

Installed by the operator, never required: ``status()`` says whether it can run and, if not, why (the
system check I401 and the admin's document report show it). A page is turned into an image with
``pdftoppm`` (poppler-utils) when installed; otherwise the page's largest embedded image is read with
pypdf, which is what a scanner puts in a PDF.
"""

import functools
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from ..core.conf import setting
from .limits import ocr_wanted

LANGUAGES = "tha+eng"
DPI = 300


@dataclass(frozen=True)
class OcrStatus:
    available: bool
    reason: str = ""  # why not, for editors and operators (translated when shown)
    tesseract: str = ""
    rasteriser: str = ""  # "pdftoppm" or "pypdf" (embedded images only)


def tesseract_command() -> str:
    return str(setting("THGOV_TESSERACT_CMD", "tesseract"))


def pdftoppm_command() -> str:
    return str(setting("THGOV_PDFTOPPM_CMD", "pdftoppm"))


@functools.lru_cache(maxsize=8)
def _languages(command: str) -> frozenset[str]:
    try:
        listed = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = (listed.stdout + listed.stderr).splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip() and " " not in line.strip())


def status() -> OcrStatus:
    """Whether OCR runs here: switched on, Tesseract installed, with its Thai and English data."""
    if not ocr_wanted():
        return OcrStatus(False, _("switched off by THGOV_DOCUMENTS_OCR"))
    tesseract = shutil.which(tesseract_command())
    if tesseract is None:
        return OcrStatus(
            False, _("Tesseract is not installed (Debian: apt install tesseract-ocr tesseract-ocr-tha)")
        )
    missing = {"tha", "eng"} - _languages(tesseract)
    if missing:
        return OcrStatus(
            False,
            _("Tesseract has no data for %(languages)s (Debian: apt install tesseract-ocr-tha)")
            % {"languages": ", ".join(sorted(missing))},
            tesseract,
        )
    rasteriser = "pdftoppm" if shutil.which(pdftoppm_command()) else "pypdf"
    return OcrStatus(True, "", tesseract, rasteriser)


def page_images(data: bytes, page_number: int, rasteriser: str, timeout: float) -> list[bytes]:
    """PNG images of page ``page_number`` (1-based) of the PDF ``data``: the page drawn at 300 dpi, or its
    largest embedded image when poppler-utils is missing."""
    if rasteriser == "pdftoppm":
        command = [
            shutil.which(pdftoppm_command()),
            "-f", str(page_number), "-l", str(page_number),
            "-r", str(DPI), "-gray", "-png", "-singlefile", "-",  # no root: the image goes to stdout
        ]  # fmt: skip
        drawn = subprocess.run(command, input=data, capture_output=True, timeout=max(timeout, 1))
        return [drawn.stdout] if drawn.returncode == 0 and drawn.stdout else []
    page = PdfReader(io.BytesIO(data)).pages[page_number - 1]
    images = sorted(page.images, key=lambda image: len(image.data), reverse=True)[:1]
    result = []
    for image in images:
        buffer = io.BytesIO()
        image.image.convert("L").save(buffer, format="PNG")
        result.append(buffer.getvalue())
    return result


@dataclass(frozen=True)
class Reading:
    """What Tesseract read in one page image: its text, the text's line boxes (TSV) and Tesseract's own
    text-only PDF page, whose invisible font ``textlayer`` reuses."""

    text: str
    tsv: str = ""
    pdf: bytes = b""


def recognise(png: bytes, tesseract: str, timeout: float) -> Reading:
    """The text Tesseract reads in the image ``png`` (Thai and English), in one run with its line boxes and
    a text-only PDF page (``textonly_pdf``: the text layer without the image)."""
    with tempfile.TemporaryDirectory(prefix="thgov-ocr-") as folder:
        base = Path(folder) / "page"
        read = subprocess.run(
            [tesseract, "stdin", str(base), "-l", LANGUAGES, "--psm", "3", "-c", "textonly_pdf=1",
             "txt", "tsv", "pdf"],
            input=png,
            capture_output=True,
            timeout=max(timeout, 1),
        )  # fmt: skip
        if read.returncode != 0:
            return Reading("")
        outputs = {suffix: base.with_suffix(f".{suffix}") for suffix in ("txt", "tsv", "pdf")}
        return Reading(
            outputs["txt"].read_text("utf-8", "replace") if outputs["txt"].exists() else "",
            outputs["tsv"].read_text("utf-8", "replace") if outputs["tsv"].exists() else "",
            outputs["pdf"].read_bytes() if outputs["pdf"].exists() else b"",
        )
