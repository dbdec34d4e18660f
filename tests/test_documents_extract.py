"""Reading the text of files (wagtail_thgov.documents.extract) from real files made here: a Thai text PDF,
an image-only PDF, DOCX, XLSX, plain text, and the files the job must refuse."""

import io
import zipfile

import pytest
from django.test import override_settings

from tests.document_files import (
    ANNOUNCEMENT,
    corrupt_pdf,
    docx,
    encrypted_pdf,
    font_available,
    scanned_pdf,
    text_pdf,
    xlsx,
    zip_bomb_docx,
)
from wagtail_thgov.documents.extract import REASONS, Refused, extract, normalise
from wagtail_thgov.documents.limits import Limits

pytestmark = pytest.mark.skipif(not font_available(), reason="fonts-thai-tlwg is not installed")

NO_OCR = {"use_ocr": False}


def refusal(data, extension, limits=None):
    with pytest.raises(Refused) as refused:
        extract(data, extension, limits, **NO_OCR)
    return refused.value.reason


def test_a_thai_text_pdf_gives_its_words_page_by_page():
    result = extract(text_pdf([ANNOUNCEMENT, ["หน้าที่สอง รายละเอียดวัสดุก่อสร้าง"]]), "pdf", **NO_OCR)
    assert result.kind == "pdf"
    assert result.page_count == 2
    assert result.pages_without_text == 0
    assert "สอบราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก" in result.pages[0]
    assert "รายละเอียดวัสดุก่อสร้าง" in result.pages[1]
    assert "2,500,000" in result.text


def test_pypdf_alone_reads_the_same_thai_text(settings):
    settings.THGOV_PDFTOTEXT_CMD = "/nonexistent/pdftotext"
    result = extract(text_pdf([ANNOUNCEMENT]), "pdf", **NO_OCR)
    assert result.extractor == "pypdf"
    assert "ประกาศเทศบาลตำบลบ้านสวนดอกไม้" in result.text


def test_an_image_only_pdf_is_detected_as_scanned():
    result = extract(scanned_pdf([ANNOUNCEMENT, ANNOUNCEMENT[:2]]), "pdf", **NO_OCR)
    assert result.page_count == 2
    assert result.pages_without_text == 2
    assert result.text == ""
    assert result.ocr_state == "off"


def test_a_pdf_with_some_scanned_pages_counts_them():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in (text_pdf([ANNOUNCEMENT]), scanned_pdf([ANNOUNCEMENT])):
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    result = extract(out.getvalue(), "pdf", **NO_OCR)
    assert (result.page_count, result.pages_without_text) == (2, 1)


def test_a_page_with_only_a_page_number_has_no_text():
    result = extract(text_pdf([ANNOUNCEMENT, ["- 2 -"]]), "pdf", **NO_OCR)
    assert result.pages_without_text == 1


def test_docx_paragraphs():
    result = extract(docx(["บันทึกข้อความ", "เรื่อง ขออนุมัติจัดซื้อครุภัณฑ์คอมพิวเตอร์"]), "docx")
    assert result.kind == "docx" and result.page_count is None
    assert "ขออนุมัติจัดซื้อครุภัณฑ์คอมพิวเตอร์" in result.text


def test_xlsx_cells_of_every_sheet():
    result = extract(xlsx([["รายการ", "จำนวนเงิน"], ["ค่าจ้างเหมาบริการทำความสะอาด", 120000]]), "xlsx")
    assert "งบประมาณ" in result.text  # the sheet's title
    assert "ค่าจ้างเหมาบริการทำความสะอาด\t120000" in result.text


def test_plain_text_in_utf8_and_in_thai_windows_encoding():
    assert extract("ประกาศรับสมัคร".encode(), "txt").text == "ประกาศรับสมัคร"
    assert extract("ประกาศรับสมัคร".encode("cp874"), "csv").text == "ประกาศรับสมัคร"


def test_sara_am_drawn_as_two_glyphs_is_read_as_one():
    assert normalise("ตําบล") == "ตำบล"  # NIKHAHIT + SARA AA
    assert normalise("ตำาบล") == "ตำบล"  # what some extractors return for LibreOffice's PDFs


def test_an_encrypted_pdf_is_refused():
    assert refusal(encrypted_pdf(text_pdf([ANNOUNCEMENT])), "pdf") == "encrypted"


def test_a_corrupt_pdf_is_refused():
    assert refusal(corrupt_pdf(), "pdf") == "corrupt"
    assert refusal(b"MZ\x90\x00 not a pdf", "pdf") == "corrupt"


def test_a_password_protected_office_file_is_refused():
    # Word and Excel save a password-protected file as an encrypted OLE container, not a zip.
    assert refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "docx") == "encrypted"
    assert refusal(b"not a zip", "xlsx") == "corrupt"


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = zip_bomb_docx(300)
    assert len(bomb) < 1024 * 1024
    assert refusal(bomb, "docx") == "zip_bomb"


def test_a_small_file_unpacking_far_beyond_its_size_is_a_bomb_too():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", "<w:document/>" + " " * 5_000_000)
    assert refusal(out.getvalue(), "docx", Limits(max_ratio=100)) == "zip_bomb"


def test_size_page_and_time_limits():
    data = text_pdf([ANNOUNCEMENT, ANNOUNCEMENT, ANNOUNCEMENT])
    assert refusal(data, "pdf", Limits(max_bytes=len(data) - 1)) == "too_large"
    assert refusal(data, "pdf", Limits(max_pages=2)) == "too_many_pages"
    assert refusal(data, "pdf", Limits(seconds=0)) == "timeout"


@override_settings(THGOV_DOCUMENTS_MAX_PAGES=1, THGOV_DOCUMENTS_MAX_BYTES=10_000_000)
def test_limits_come_from_settings(monkeypatch):
    monkeypatch.setenv("THGOV_DOCUMENTS_JOB_SECONDS", "7")
    limits = Limits.from_settings()
    assert (limits.max_pages, limits.max_bytes, limits.seconds) == (1, 10_000_000, 7.0)


def test_other_kinds_are_not_read_and_every_reason_has_a_message():
    assert refusal(b"\x89PNG\r\n\x1a\n", "png") == "unsupported"
    assert all(str(message) for message in REASONS.values())
