"""A searchable copy of a scanned PDF: the original pages with an invisible text layer from OCR.

The certified file is never changed (its SHA-256 is what the approver certified, ``CertifiedFile``): the
copy is a second file, offered to citizens next to the original and named as a copy made by OCR.

Tesseract's own PDF output places every Thai character as a word of its own followed by a space, so a
reader copying the text or searching it in a PDF viewer gets ``ป ร ะ ก า ศ``. The layer here is written
per line instead: the line's text as Tesseract's text output has it (``ประกาศ``), stretched over the line's
box with Tesseract's invisible "GlyphLessFont" (every glyph 500/1000 wide, codes = Unicode), so that
viewers, screen readers and search engines read whole Thai words.
"""

import csv
import hashlib
import io
import logging
import re

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import DecodedStreamObject, NameObject

from .ocr import Reading

logger = logging.getLogger(__name__)

FONT = "/f-0-0"  # the font resource name of Tesseract's text-only page
GLYPH_WIDTH = 0.5  # GlyphLessFont's /DW 500
THAI = re.compile(r"[\u0e00-\u0e7f]")


def _rows(tsv: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))


def _joined(words: list[str]) -> str:
    """A line from Tesseract's words when its text output cannot be matched: no space between Thai
    characters (Thai writes none between words), one elsewhere."""
    line = ""
    for word in words:
        if line and not (THAI.match(line[-1]) and THAI.match(word[0])):
            line += " "
        line += word
    return line


def lines_of(reading: Reading) -> tuple[tuple[int, int], list[tuple[tuple[int, int, int, int], str]]]:
    """The image's size in pixels and each text line's box ``(left, top, width, height)`` with its text."""
    rows = _rows(reading.tsv)
    page = next(row for row in rows if row.get("level") == "1")
    size = (int(page["width"]), int(page["height"]))
    boxes, words = [], {}
    for row in rows:
        key = (row.get("block_num"), row.get("par_num"), row.get("line_num"))
        if row.get("level") == "4":
            boxes.append((key, tuple(int(row[name]) for name in ("left", "top", "width", "height"))))
        elif row.get("level") == "5" and (row.get("text") or "").strip():
            words.setdefault(key, []).append(row["text"].strip())
    boxes = [(key, box) for key, box in boxes if key in words]  # lines with no word read are left out
    texts = [line.strip() for line in reading.text.splitlines() if line.strip()]
    if len(texts) != len(boxes):
        texts = [_joined(words[key]) for key, _box in boxes]
    return size, [(box, text) for (_key, box), text in zip(boxes, texts, strict=True)]


def line_layer(reading: Reading):
    """Tesseract's text-only page for ``reading`` with its content replaced by one invisible text run per
    line; ``None`` when Tesseract gave no page or no line."""
    if not reading.pdf or not reading.tsv:
        return None
    (width_px, height_px), lines = lines_of(reading)
    if not lines or not width_px or not height_px:
        return None
    layer = PdfReader(io.BytesIO(reading.pdf)).pages[0]
    width_pt, height_pt = float(layer.mediabox.width), float(layer.mediabox.height)
    x_scale, y_scale = width_pt / width_px, height_pt / height_px
    operators = ["BT", "3 Tr"]  # rendering mode 3: neither filled nor stroked (invisible, selectable)
    for (left, top, width, height), text in lines:
        chars = [char for char in text if 0x20 <= ord(char) < 0x10000]  # two-byte codes only
        if not chars or width <= 0 or height <= 0:
            continue
        codes = "".join(f"{ord(char):04X}" for char in chars)
        size = height * y_scale
        stretch = 100 * width * x_scale / (len(chars) * size * GLYPH_WIDTH)
        baseline = height_pt - (top + height) * y_scale + 0.2 * size
        operators.append(
            f"{FONT} {size:.2f} Tf {stretch:.2f} Tz 1 0 0 1 {left * x_scale:.2f} {baseline:.2f} Tm <{codes}> Tj"
        )
    operators.append("ET")
    content = DecodedStreamObject()
    content.set_data("\n".join(operators).encode("ascii"))
    layer[NameObject("/Contents")] = content
    return layer


def searchable_pdf(data: bytes, readings: dict[int, Reading]) -> bytes | None:
    """A copy of the PDF ``data`` whose pages numbered in ``readings`` (1-based) carry their OCR text as an
    invisible layer; ``None`` when no page got one or the copy cannot be made (an encrypted original,
    a damaged page): the text is still stored and indexed, only the copy is missing."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return None  # an owner-password PDF: a copy without its restrictions is not ours to make
        writer = PdfWriter(clone_from=reader)
        added = 0
        for number, reading in sorted(readings.items()):
            layer = line_layer(reading)
            if layer is None:
                continue
            page = writer.pages[number - 1]
            if page.rotation % 360:
                # pdftoppm drew the page turned; turn the content instead, so both share one orientation
                page.transfer_rotation_to_content()
            box, drawn = page.cropbox, layer.mediabox
            page.merge_transformed_page(
                layer,
                Transformation()
                .scale(float(box.width) / float(drawn.width), float(box.height) / float(drawn.height))
                .translate(float(box.left), float(box.bottom)),
            )
            added += 1
        if not added:
            return None
        writer.add_metadata(
            {
                "/Producer": "wagtail-thgov OCR text layer (Tesseract)",
                "/Subject": f"OCR copy of the file with SHA-256 {hashlib.sha256(data).hexdigest()}",
            }
        )
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except Exception:  # pypdf raises many kinds on damaged input; the copy is optional
        logger.exception("thgov documents: could not make a searchable copy")
        return None
