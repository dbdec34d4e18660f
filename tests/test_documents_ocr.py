"""OCR of scanned PDFs with Tesseract and its Thai data: an image-only PDF of a Thai announcement becomes
findable by a word of its body; the character accuracy of the OCR text is printed.

Needs ``tesseract`` with the ``tha`` and ``eng`` data (Debian: tesseract-ocr tesseract-ocr-tha; .ci/run
installs them). Missing, the tests skip locally and fail under CI=true (tests/conftest.py).
"""

import hashlib
import io
import subprocess

import pytest
from django.test import Client
from PIL import Image, ImageChops
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from tests.conftest import skip_or_fail
from tests.document_files import ANNOUNCEMENT, font_available, scanned_pdf, text_pdf
from tests.documents_support import link_page, upload
from tests.factories import PASSWORD, make_site, make_user
from wagtail_thgov.documents import ocr
from wagtail_thgov.documents.extract import extract
from wagtail_thgov.documents.models import DocumentText
from wagtail_thgov.pages.news import NewsIndexPage
from wagtail_thgov.search.engine import search_pages
from wagtail_thgov.sitefiles.libraries import site_collection
from wagtail_thgov.workflows.roles import Role

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


# --- The searchable copy: the scan with the OCR text as an invisible layer; the certified file unchanged ---
def rendered(pdf: bytes, page: int) -> Image.Image:
    drawn = subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", "50", "-gray", "-png", "-singlefile", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    return Image.open(io.BytesIO(drawn.stdout)).convert("L")


def test_the_searchable_copy_looks_like_the_scan_and_reads_in_whole_thai_words(require_tool):
    require_tool("pdftoppm")
    scan = scanned_pdf([ANNOUNCEMENT, ANNOUNCEMENT[1:3]])
    result = extract(scan, "pdf")
    assert result.ocr_pages == 2 and result.searchable_pdf

    copy = extract(result.searchable_pdf, "pdf", use_ocr=False)
    accuracy = character_accuracy("\n".join(ANNOUNCEMENT + ANNOUNCEMENT[1:3]), copy.text)
    print(f"\nSearchable copy: text layer read back by pdftotext, character accuracy {accuracy:.1%}")
    assert (copy.page_count, copy.pages_without_text) == (2, 0)  # a screen reader finds text on every page
    # Whole words, as a citizen searches them in a PDF viewer (Tesseract's own PDF spaces every character)
    assert "คอนกรีตเสริมเหล็ก" in copy.text and "ค อ น" not in copy.text
    assert accuracy >= 0.85
    # The text is invisible: every page of the copy draws exactly as the scan does.
    for page in (1, 2):
        assert (
            ImageChops.difference(rendered(scan, page), rendered(result.searchable_pdf, page)).getbbox()
            is None
        )


def test_citizens_download_the_searchable_copy_on_the_originals_terms(django_capture_on_commit_callbacks):
    a = make_site("a.localhost", title="เทศบาลตำบลทดสอบ ก")
    b = make_site("b.localhost", title="เทศบาลตำบลทดสอบ ข", is_default=False)
    index = a.root_page.add_child(instance=NewsIndexPage(title="ข่าว", slug="news"))
    index.save_revision().publish()
    scan = scanned_pdf([ANNOUNCEMENT])
    document = upload(
        django_capture_on_commit_callbacks,
        "ประกาศฉบับลงนาม",
        "signed.pdf",
        scan,
        document=get_document_model()(title="ประกาศฉบับลงนาม", collection=site_collection(a)),
    )
    page = link_page(index, "ประกาศเทศบาล ฉบับที่ 12", "notice", document)
    text = DocumentText.objects.get(document=document, is_current=True)
    assert text.searchable_file and text.searchable_url
    # The certified file is the uploaded bytes, untouched; the copy is a file of its own.
    with document.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == hashlib.sha256(scan).hexdigest() == text.sha256
    assert text.searchable_file.name != document.file.name

    citizen = Client(HTTP_HOST="a.localhost")
    shown = citizen.get(page.url).content.decode()
    assert f'href="{text.searchable_url}"' in shown and "Searchable copy" in shown
    download = citizen.get(text.searchable_url)
    body = b"".join(download.streaming_content)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment") and f"{document.filename[:-4]}-OCR.pdf" in disposition
    assert "คอนกรีตเสริมเหล็ก" in extract(body, "pdf", use_ocr=False).text
    # Made-up or stale addresses: nothing.
    assert citizen.get(text.searchable_url.replace(text.sha256[:16], "0" * 16)).status_code == 404
    assert citizen.get(f"/documents/ocr/{document.pk}/abc/").status_code == 404

    # A private file of municipality B: its copy is as private as the file itself.
    private = site_collection(b).add_child(instance=Collection(name="ภายใน ข"))
    CollectionViewRestriction.objects.create(collection=private, restriction_type=BaseViewRestriction.LOGIN)
    internal = upload(
        django_capture_on_commit_callbacks,
        "บันทึกภายใน",
        "internal.pdf",
        scanned_pdf([ANNOUNCEMENT[:2]]),
        document=get_document_model()(title="บันทึกภายใน", collection=private),
    )
    copy_url = DocumentText.objects.get(document=internal, is_current=True).searchable_url
    anonymous = Client(HTTP_HOST="b.localhost").get(copy_url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    for code, site, expected in (("a", a, 403), ("b", b, 200)):
        staff = Client(HTTP_HOST=f"{code}.localhost")
        make_user(f"{code}-uploader", Role.UPLOADER, site)
        assert staff.login(username=f"{code}-uploader", password=PASSWORD)
        assert staff.get(copy_url).status_code == expected, code

    # The file replaced by a text PDF: the old copy's address answers 404, and no copy is needed.
    old_url = text.searchable_url
    upload(
        django_capture_on_commit_callbacks, None, "signed-v2.pdf", text_pdf([ANNOUNCEMENT]), document=document
    )
    current = DocumentText.objects.get(document=document, is_current=True)
    assert not current.searchable_file and current.pages_without_text == 0
    assert citizen.get(old_url).status_code == 404
