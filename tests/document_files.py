"""Real files made in the tests (and by benchmarks/documents_bench.py): Thai text PDFs, image-only
"scanned" PDFs, DOCX, XLSX, corrupt and encrypted PDFs.

The text PDF embeds a Thai TrueType font of fonts-thai-tlwg (Loma) as a CID font with a ToUnicode map,
written by hand: no PDF library on the machine writes Thai (reportlab is not installed, LibreOffice Writer
neither). Glyphs are placed one after another without shaping, which a text extractor does not mind.
"""

import io
import struct
import zipfile
from pathlib import Path

from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
THAI_FONT = FONT_DIR / "Loma.ttf"

ANNOUNCEMENT = [
    "ประกาศเทศบาลตำบลบ้านสวนดอกไม้",
    "เรื่อง สอบราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
    "ด้วยเทศบาลมีความประสงค์จะสอบราคาจ้างเหมาก่อสร้างถนน",
    "งบประมาณ 2,500,000 บาท ผู้สนใจติดต่อกองช่าง",
]


def font_available() -> bool:
    return THAI_FONT.exists()


class TrueType:
    """The few tables of a TrueType font a PDF needs: Unicode → glyph id, advance widths, metrics."""

    def __init__(self, path: Path):
        self.data = path.read_bytes()
        count = struct.unpack(">H", self.data[4:6])[0]
        self.tables = {}
        for index in range(count):
            tag, _checksum, offset, length = struct.unpack(
                ">4sIII", self.data[12 + 16 * index : 28 + 16 * index]
            )
            self.tables[tag.decode("latin-1")] = (offset, length)
        head = self._table("head")
        self.units_per_em = struct.unpack(">H", head[18:20])[0]
        self.bbox = struct.unpack(">hhhh", head[36:44])
        hhea = self._table("hhea")
        self.ascent, self.descent = struct.unpack(">hh", hhea[4:8])
        metrics = struct.unpack(">H", hhea[34:36])[0]
        hmtx = self._table("hmtx")
        self.advances = [struct.unpack(">H", hmtx[4 * i : 4 * i + 2])[0] for i in range(metrics)]
        self.glyphs = self._cmap()

    def _table(self, tag):
        offset, length = self.tables[tag]
        return self.data[offset : offset + length]

    def _cmap(self) -> dict[int, int]:
        cmap = self._table("cmap")
        count = struct.unpack(">H", cmap[2:4])[0]
        for index in range(count):
            platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * index : 12 + 8 * index])
            if (platform, encoding) in ((3, 1), (0, 3)) and struct.unpack(">H", cmap[offset : offset + 2])[
                0
            ] == 4:
                return self._format4(cmap[offset:])
        raise ValueError("no Unicode BMP cmap")

    @staticmethod
    def _format4(table) -> dict[int, int]:
        segments = struct.unpack(">H", table[6:8])[0] // 2
        ends = struct.unpack(f">{segments}H", table[14 : 14 + 2 * segments])
        base = 16 + 2 * segments
        starts = struct.unpack(f">{segments}H", table[base : base + 2 * segments])
        deltas = struct.unpack(f">{segments}h", table[base + 2 * segments : base + 4 * segments])
        range_base = base + 4 * segments
        offsets = struct.unpack(f">{segments}H", table[range_base : range_base + 2 * segments])
        glyphs = {}
        for i in range(segments):
            for code in range(starts[i], ends[i] + 1):
                if code == 0xFFFF:
                    continue
                if offsets[i] == 0:
                    glyph = (code + deltas[i]) & 0xFFFF
                else:
                    position = range_base + 2 * i + offsets[i] + 2 * (code - starts[i])
                    glyph = struct.unpack(">H", table[position : position + 2])[0]
                    glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
                if glyph:
                    glyphs[code] = glyph
        return glyphs

    def width(self, glyph: int) -> int:
        advance = self.advances[min(glyph, len(self.advances) - 1)]
        return round(advance * 1000 / self.units_per_em)


_fonts = {}


def _font(path: Path) -> TrueType:
    if path not in _fonts:
        _fonts[path] = TrueType(path)
    return _fonts[path]


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (object 1 is the catalog), with its cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def text_pdf(pages: list[list[str]], font_path: Path = THAI_FONT, size: int = 14) -> bytes:
    """A PDF whose pages show ``pages`` (lines of Thai and English text) in an embedded Thai font."""
    font = _font(font_path)
    used = sorted({font.glyphs.get(ord(char), 0) for lines in pages for line in lines for char in line} - {0})
    to_unicode = {}
    for lines in pages:
        for line in lines:
            for char in line:
                glyph = font.glyphs.get(ord(char))
                if glyph:
                    to_unicode.setdefault(glyph, char)
    # Objects: 1 catalog, 2 pages, 3 Type0 font, 4 CID font, 5 descriptor, 6 font file, 7 ToUnicode,
    # then a page and its content stream per page.
    first_page = 8
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages))).encode()
    cmap_lines = [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    items = sorted(to_unicode.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        cmap_lines.append(b"%d beginbfchar" % len(chunk))
        cmap_lines += [b"<%04X> <%04X>" % (glyph, ord(char)) for glyph, char in chunk]
        cmap_lines.append(b"endbfchar")
    cmap_lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    widths = b" ".join(b"%d [%d]" % (glyph, font.width(glyph)) for glyph in used)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Loma /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Loma "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 5 0 R /CIDToGIDMap /Identity /DW 500 /W [%s] >>" % widths,
        b"<< /Type /FontDescriptor /FontName /Loma /Flags 32 /FontBBox [%d %d %d %d] /ItalicAngle 0 "
        b"/Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 6 0 R >>"
        % (*font.bbox, font.ascent, font.descent, font.ascent),
        _stream(font.data, b"/Length1 %d " % len(font.data)),
        _stream(b"\n".join(cmap_lines)),
    ]
    for index, lines in enumerate(pages):
        content = [b"BT /F1 %d Tf %d TL 56 790 Td" % (size, size * 2)]
        for line in lines:
            hex_glyphs = "".join(f"{font.glyphs.get(ord(char), 0):04X}" for char in line).encode()
            content.append(b"<%s> Tj T*" % hex_glyphs)
        content.append(b"ET")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (first_page + 2 * index + 1)
        )
        objects.append(_stream(b"\n".join(content)))
    return _pdf(objects)


def scanned_pdf(pages: list[list[str]], font_path: Path = FONT_DIR / "Garuda.ttf", dpi: int = 200) -> bytes:
    """An image-only PDF: each page is a picture of its lines (Pillow with a Thai font), as a scanner makes."""
    images = []
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    font = ImageFont.truetype(str(font_path), size=int(dpi * 0.2))
    for lines in pages:
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        y = int(dpi * 0.8)
        for line in lines:
            draw.text((int(dpi * 0.8), y), line, font=font, fill=0)
            y += int(dpi * 0.4)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def encrypted_pdf(data: bytes, password: str = "secret") -> bytes:
    """``data`` (a PDF) that asks for ``password`` to open (RC4-128: needs no extra library)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nthis is not a PDF any more\x00\xff"


def docx(paragraphs: list[str]) -> bytes:
    """A minimal Word document (Office Open XML) with ``paragraphs``."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{_xml(text)}</w:t></w:r></w:p>' for text in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document)
    return out.getvalue()


def zip_bomb_docx(unpacked_mb: int = 300) -> bytes:
    """A .docx whose document part unpacks to ``unpacked_mb`` MB of zeros (a few hundred KB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(block)
    return out.getvalue()


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "งบประมาณ"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
