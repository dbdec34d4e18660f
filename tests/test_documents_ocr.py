"""OCR of scanned PDFs with Tesseract and its Thai data: an image-only PDF of a Thai announcement becomes
findable by a word of its body; the character accuracy of the OCR text is printed.

Needs ``tesseract`` with the ``tha`` and ``eng`` data (Debian: tesseract-ocr tesseract-ocr-tha; .ci/run
installs them). Missing, the tests skip locally and fail under CI=true (tests/conftest.py).
"""

import pytest

from tests.conftest import skip_or_fail
from tests.document_files import ANNOUNCEMENT, font_available, scanned_pdf
from tests.documents_support import link_page, upload
from tests.factories import make_site
from wagtail_thgov.documents import ocr
from wagtail_thgov.documents.extract import extract
from wagtail_thgov.documents.models import DocumentText
from wagtail_thgov.pages.news import NewsIndexPage
from wagtail_thgov.search.engine import search_pages

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not font_available(), reason="fonts-thai-tlwg is not installed"),
]


@pytest.fixture(autouse=True)
def tesseract(require_tool, settings):
    settings.THGOV_DOCUMENTS_OCR = True
    require_tool("tesseract")
    status = ocr.status()
    if not status.available:
        skip_or_fail(f"OCR is not available: {status.reason}")
    return status


def character_accuracy(expected: str, found: str) -> float:
    """1 − (edit distance ÷ length of ``expected``), on the texts without spaces (OCR spaces Thai freely)."""
    a, b = "".join(expected.split()), "".join(found.split())
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        row = [i]
        for j, char_b in enumerate(b, 1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = row
    return max(0.0, 1 - previous[-1] / max(len(a), 1))


@pytest.mark.parametrize("rasteriser", ["pdftoppm", "pypdf"])
def test_image_only_pages_are_read_by_ocr(rasteriser, settings, require_tool):
    if rasteriser == "pdftoppm":
        require_tool("pdftoppm")
    else:
        settings.THGOV_PDFTOPPM_CMD = "/nonexistent/pdftoppm"  # the page's embedded image, read by pypdf
    result = extract(scanned_pdf([ANNOUNCEMENT]), "pdf")
    accuracy = character_accuracy("\n".join(ANNOUNCEMENT), result.ocr_text)
    print(f"\nOCR ({rasteriser}) character accuracy on the Thai announcement: {accuracy:.1%}")
    assert (result.pages_without_text, result.ocr_pages, result.ocr_state) == (1, 1, "done")
    assert result.text == ""  # still a scan: no text layer for screen readers
    assert accuracy >= 0.85


def test_a_scanned_announcement_becomes_findable_by_a_word_of_its_body(django_capture_on_commit_callbacks):
    site = make_site()
    index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าว", slug="news"))
    index.save_revision().publish()
    document = upload(
        django_capture_on_commit_callbacks, "ประกาศฉบับลงนาม", "signed.pdf", scanned_pdf([ANNOUNCEMENT])
    )
    page = link_page(index, "ประกาศเทศบาล ฉบับที่ 12", "notice", document)
    text = DocumentText.objects.get(document=document, is_current=True)
    assert text.is_scanned and text.ocr_pages == 1
    print(
        f"\nOCR character accuracy (job): {character_accuracy(chr(10).join(ANNOUNCEMENT), text.ocr_text):.1%}"
    )
    hits = search_pages("คอนกรีตเสริมเหล็ก", site)
    assert [hit.page.pk for hit in hits] == [page.pk] and hits[0].files == [document]
    assert "1 page read by OCR" in text.summary
