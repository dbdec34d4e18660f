"""Real demo files (PDF, XLSX, PNG) generated on the fly, stored as Wagtail documents and images.

Generating keeps binaries out of the repository while every demo page still carries files whose
type and size are read from storage, as on a real site. Each file goes into the collection of the site
being built (``builder.collection``), so that every demo municipality has its own library.
"""

import io
import zlib

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from openpyxl import Workbook
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection


def pdf_bytes(title: str, lines: list[str]) -> bytes:
    """A small valid PDF 1.4 with one page of ASCII text (the fonts every PDF reader has)."""
    text_ops = ["BT", "/F1 18 Tf", "72 760 Td", f"({_pdf_escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text_ops += ["0 -18 Td", f"({_pdf_escape(line)}) Tj"]
    text_ops.append("ET")
    stream = zlib.compress("\n".join(text_ops).encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _pdf_escape(text: str) -> str:
    ascii_text = text.encode("ascii", "replace").decode("ascii")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def xlsx_bytes(headers: list[str], rows: list[list]) -> bytes:
    """A one-sheet workbook with a header row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def png_bytes(size=(1200, 800), colour=(23, 92, 140), label="") -> bytes:
    """A simple illustrative PNG (a coloured band with a lighter frame)."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle(
        [width // 12, height // 8, width - width // 12, height - height // 8],
        outline=(255, 255, 255),
        width=8,
    )
    if label:
        draw.text(
            (width // 10, height // 2), label.encode("ascii", "replace").decode("ascii"), fill=(255, 255, 255)
        )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def demo_document(builder, title: str, filename: str, content: bytes):
    """The Wagtail document with ``title``, created from ``content`` once."""
    Document = get_document_model()
    collection = _collection(builder)
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    builder.created += 1
    return document


def demo_pdf(builder, title: str, filename: str, lines=()):
    """A demo PDF document (its text in ASCII: the demo generator embeds no Thai font)."""
    return demo_document(builder, title, filename, pdf_bytes(filename.rsplit(".", 1)[0], list(lines)))


def demo_image(builder, title: str, filename: str, colour=(23, 92, 140), size=(1200, 800)):
    """A demo image, created once."""
    Image_ = get_image_model()
    collection = _collection(builder)
    existing = Image_.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    # ImageFile (not ContentFile) so that Wagtail reads the width and height from the file.
    image = Image_(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(png_bytes(size=size, colour=colour)), name=filename),
    )
    image.save()
    builder.created += 1
    return image


def _collection(builder):
    """The site's collection the builder is filling (the root collection outside a site's build)."""
    return getattr(builder, "collection", None) or Collection.get_first_root_node()
