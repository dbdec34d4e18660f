"""The documents capability end to end: upload → django-q2 job → text per file version → search, the
metadata box, the admin report and panel; refused files; the scheduled catch-up; the system check.

Runs on whichever database the suite uses (SQLite, or PostgreSQL in the second pass of ``make test``).
OCR is switched off here (tests/test_documents_ocr.py tests it with Tesseract).
"""

import hashlib

import pytest
from django.core import checks
from django.utils import translation
from wagtail.models import Page

from tests.document_files import (
    ANNOUNCEMENT,
    docx,
    encrypted_pdf,
    font_available,
    scanned_pdf,
    text_pdf,
    xlsx,
)
from tests.documents_support import link_page, upload
from tests.factories import make_site, make_user
from wagtail_thgov.core.registry import jobs
from wagtail_thgov.core.thai.words import encode
from wagtail_thgov.documents.jobs import extract_document, extract_missing
from wagtail_thgov.documents.models import DocumentText
from wagtail_thgov.documents.search import matching_document_ids
from wagtail_thgov.pages.news import NewsIndexPage
from wagtail_thgov.publishing.currency import currency_report
from wagtail_thgov.publishing.digest import digest_context
from wagtail_thgov.search.engine import search_pages

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not font_available(), reason="fonts-thai-tlwg is not installed"),
]

# In the PDF's body only: no page title, description or file title holds it.
BODY_ONLY = "คอนกรีตเสริมเหล็ก"


@pytest.fixture(autouse=True)
def no_ocr(settings):
    settings.THGOV_DOCUMENTS_OCR = False


@pytest.fixture
def site():
    return make_site()


@pytest.fixture
def news_index(site):
    index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))
    index.save_revision().publish()
    return index


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def current(document):
    return DocumentText.objects.get(document=document, is_current=True)


def test_an_upload_queues_the_job_that_stores_the_text_of_the_file_version(capture):
    data = text_pdf([ANNOUNCEMENT, ["หน้าที่สอง"]])
    document = upload(capture, "ประกาศสอบราคา", "announcement.pdf", data)
    text = current(document)
    assert text.status == DocumentText.DONE
    assert text.sha256 == hashlib.sha256(data).hexdigest()  # the checksum a certification records
    assert (text.kind, text.page_count, text.pages_without_text) == ("pdf", 2, 1)
    assert BODY_ONLY in text.text
    assert encode(BODY_ONLY) in text.index_text.split()
    assert text.seconds is not None


def test_a_title_only_update_queues_nothing_and_a_full_save_reads_nothing_again(capture, monkeypatch):
    document = upload(capture, "ประกาศ", "a.pdf", text_pdf([ANNOUNCEMENT]))
    first = current(document)
    queued = []
    monkeypatch.setattr(
        "wagtail_thgov.documents.jobs.async_task", lambda *args, **kwargs: queued.append(args)
    )
    with capture(execute=True):
        document.title = "ประกาศแก้ไขชื่อ"
        document.save(update_fields=["title"])
    assert queued == []

    monkeypatch.undo()
    monkeypatch.setattr("wagtail_thgov.documents.jobs._fill", lambda *args: pytest.fail("read again"))
    with capture(execute=True):
        document.save()  # what the admin's edit form does: same bytes, the new title indexed
    assert current(document).pk == first.pk
    assert encode("แก้ไข") in current(document).index_text.split()


def test_a_new_file_is_a_new_version_and_the_old_text_stays(capture):
    old = text_pdf([ANNOUNCEMENT])
    document = upload(capture, "ประกาศ", "a.pdf", old)
    upload(capture, "ประกาศ", "b.pdf", text_pdf([["ประกาศยกเลิกการสอบราคา"]]), document=document)
    rows = DocumentText.objects.filter(document=document)
    assert rows.count() == 2
    assert "ยกเลิก" in current(document).text
    kept = rows.get(is_current=False)
    assert kept.sha256 == hashlib.sha256(old).hexdigest() and BODY_ONLY in kept.text


def test_the_same_bytes_in_another_document_are_not_read_twice(capture, monkeypatch):
    data = text_pdf([ANNOUNCEMENT])
    upload(capture, "ต้นฉบับ", "a.pdf", data)
    from wagtail_thgov.documents import jobs as document_jobs

    def must_not_run(*args, **kwargs):
        raise AssertionError("read again")

    monkeypatch.setattr(document_jobs, "_fill", must_not_run)
    copy = upload(capture, "สำเนา", "copy.pdf", data)
    assert BODY_ONLY in current(copy).text
    assert current(copy).index_text.split()[0] == encode("สำเนา")  # its own title


def test_docx_xlsx_and_text_files_are_read(capture):
    word = upload(capture, "บันทึก", "memo.docx", docx(["ขออนุมัติจัดซื้อครุภัณฑ์คอมพิวเตอร์"]))
    sheet = upload(capture, "งบ", "budget.xlsx", xlsx([["ค่าจ้างเหมาบริการทำความสะอาด", 120000]]))
    plain = upload(capture, "หมายเหตุ", "note.txt", "กำหนดการประชุมสภาเทศบาล".encode())
    assert "ครุภัณฑ์คอมพิวเตอร์" in current(word).text
    assert "ทำความสะอาด" in current(sheet).text
    assert current(plain).text == "กำหนดการประชุมสภาเทศบาล"
    assert matching_document_ids(["ครุภัณฑ์"]) == [word.pk]


def test_a_page_is_found_by_a_word_only_inside_its_pdf_and_the_file_is_named(
    client, capture, site, news_index
):
    document = upload(capture, "เอกสารแนบ 1", "announcement.pdf", text_pdf([ANNOUNCEMENT]))
    page = link_page(news_index, "ประกาศสอบราคา ประจำเดือนมกราคม", "notice", document)
    other = link_page(news_index, "ข่าวกิจกรรมวันเด็ก", "kids", publish=True)

    hits = search_pages(BODY_ONLY, site)
    assert [hit.page.pk for hit in hits] == [page.pk]
    assert hits[0].files == [document]
    assert other.pk not in [hit.page.pk for hit in search_pages(BODY_ONLY, site)]

    html = client.get("/search/", {"query": BODY_ONLY}).content.decode()
    assert "ประกาศสอบราคา ประจำเดือนมกราคม" in html
    assert 'class="thgov-search__in-files"' in html and "เอกสารแนบ 1" in html


def test_a_page_found_by_its_own_words_also_names_the_matching_file(capture, site, news_index):
    document = upload(capture, "เอกสารแนบ", "a.pdf", text_pdf([ANNOUNCEMENT]))
    page = link_page(news_index, "ถนนคอนกรีตเสริมเหล็กสายใหม่", "road", document)
    hits = search_pages(BODY_ONLY, site)
    assert [hit.page.pk for hit in hits] == [page.pk]
    assert hits[0].title_words == 1 and hits[0].files == [document]


def test_files_of_drafts_and_of_other_sites_are_not_searched(capture, site, news_index):
    document = upload(capture, "เอกสารแนบ", "a.pdf", text_pdf([ANNOUNCEMENT]))
    link_page(news_index, "ร่างประกาศ", "draft", document, publish=False)
    other = make_site(hostname="other.example.test", title="อบต.อื่น", is_default=False)
    other_index = other.root_page.add_child(instance=NewsIndexPage(title="ข่าว", slug="news"))
    theirs = link_page(other_index, "ประกาศของ อบต.อื่น", "theirs", document)
    assert search_pages(BODY_ONLY, site) == []
    assert [hit.page.pk for hit in search_pages(BODY_ONLY, other)] == [theirs.pk]


def test_every_query_word_must_be_in_the_file(capture, site, news_index):
    document = upload(capture, "เอกสารแนบ", "a.pdf", text_pdf([ANNOUNCEMENT]))
    link_page(news_index, "ประกาศ", "notice", document)
    assert matching_document_ids([BODY_ONLY, "งบประมาณ"]) == [document.pk]
    assert matching_document_ids([BODY_ONLY, "สนามฟุตบอล"]) == []


def test_a_scanned_pdf_is_flagged_in_the_metadata_box_and_for_editors(client, capture, site, news_index):
    scan = upload(capture, "ประกาศฉบับลงนาม", "signed.pdf", scanned_pdf([ANNOUNCEMENT, ANNOUNCEMENT]))
    readable = upload(capture, "ประกาศฉบับพิมพ์", "typed.pdf", text_pdf([ANNOUNCEMENT]))
    page = link_page(news_index, "ประกาศสอบราคา", "notice", scan, readable)
    assert current(scan).is_scanned and current(scan).ocr_state == "off"
    assert not current(readable).is_scanned

    html = client.get(page.url).content.decode()
    assert "2 pages · scanned, no text" in html
    assert "1 page</span>" in html  # the readable file: its page count only
    with translation.override("th"):
        assert "2 หน้า · ไฟล์สแกน ไม่มีข้อความ" in client.get(page.url, HTTP_ACCEPT_LANGUAGE="th").content.decode()

    client.force_login(make_user("admin", superuser=True))
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Text of attached files" in edit
    assert 'class="thgov-document-text__scanned"' in edit
    report = client.get("/admin/reports/thgov-document-text/", {"problem": "scanned"}).content.decode()
    assert "ประกาศฉบับลงนาม" in report and "ประกาศฉบับพิมพ์" not in report
    assert "OCR of scanned PDFs is off" in report
    # Wagtail's own edit screen of the file says it too, where the uploader lands after uploading.
    document_edit = client.get(f"/admin/documents/edit/{scan.pk}/").content.decode()
    assert "Text of the file" in document_edit and "2 pages · scanned, no text" in document_edit
    assert "attach a version with text" in document_edit


def test_an_encrypted_file_is_refused_with_a_message_and_the_page_still_publishes(
    client, capture, site, news_index
):
    locked = upload(capture, "ประกาศที่ใส่รหัสผ่าน", "locked.pdf", encrypted_pdf(text_pdf([ANNOUNCEMENT])))
    text = current(locked)
    assert (text.status, text.reason) == (DocumentText.REFUSED, "encrypted")
    page = link_page(news_index, "ประกาศสอบราคา", "notice", locked)
    assert page.live
    assert client.get(page.url).status_code == 200

    client.force_login(make_user("admin", superuser=True))
    report = client.get("/admin/reports/thgov-document-text/", {"problem": "refused"}).content.decode()
    assert "The file is protected by a password, so its text cannot be read." in report
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "text refused" in edit
    document_edit = client.get(f"/admin/documents/edit/{locked.pk}/").content.decode()
    assert "text refused: The file is protected by a password" in document_edit


def test_a_missing_stored_file_is_refused(capture):
    document = upload(capture, "ประกาศ", "a.pdf", text_pdf([ANNOUNCEMENT]))
    document.file.storage.delete(document.file.name)
    assert extract_document(document.pk) == DocumentText.REFUSED
    assert current(document).reason == "missing"
    read_before = DocumentText.objects.get(document=document, is_current=False)
    assert BODY_ONLY in read_before.text  # the version read before keeps its text


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(capture, settings):
    settings.THGOV_DOCUMENTS_MAX_BYTES = 1000
    document = upload(capture, "ประกาศ", "a.pdf", text_pdf([ANNOUNCEMENT]))
    assert (current(document).status, current(document).reason) == (DocumentText.REFUSED, "too_large")


def test_publishing_a_page_queues_files_never_read(capture, site, news_index):
    # Uploaded before the capability existed: saved without its on-commit task running.
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="เอกสารเก่า")
    document.file.save("old.pdf", ContentFile(text_pdf([ANNOUNCEMENT])), save=False)
    document.save()
    assert not DocumentText.objects.filter(document=document).exists()
    link_page(news_index, "ประกาศ", "notice", document, capture=capture)
    assert BODY_ONLY in current(document).text


def test_the_scheduled_catch_up_reads_files_of_live_pages(site, news_index):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    linked = Document(title="เอกสารเก่า")
    linked.file.save("old.pdf", ContentFile(text_pdf([ANNOUNCEMENT])), save=False)
    linked.save()
    unlinked = Document(title="ไม่มีหน้าใดลิงก์")
    unlinked.file.save("lone.pdf", ContentFile(text_pdf([ANNOUNCEMENT])), save=False)
    unlinked.save()
    link_page(news_index, "ประกาศ", "notice", linked)
    assert extract_missing() == 1
    assert current(linked).status == DocumentText.DONE
    assert not DocumentText.objects.filter(document=unlinked).exists()
    assert extract_missing() == 0
    assert "wagtail_thgov.documents.jobs.extract_missing" in {job.func for job in jobs()}


def test_the_system_check_says_when_ocr_is_off(settings):
    settings.THGOV_DOCUMENTS_OCR = True
    settings.THGOV_TESSERACT_CMD = "/nonexistent/tesseract"
    messages = [message for message in checks.run_checks() if message.id == "wagtail_thgov.I401"]
    assert len(messages) == 1
    assert "Tesseract is not installed" in messages[0].msg and "ไฟล์สแกน" in messages[0].msg
    assert "tesseract-ocr-tha" in messages[0].hint


def test_nothing_is_queued_when_text_reading_is_switched_off(capture, settings):
    settings.THGOV_DOCUMENTS_TEXT = False
    document = upload(capture, "ประกาศ", "a.pdf", text_pdf([ANNOUNCEMENT]))
    assert not DocumentText.objects.filter(document=document).exists()
    assert Page.objects.exists()


def test_the_compliance_report_lists_scanned_and_refused_files_of_live_pages(
    client, capture, site, news_index
):
    scan = upload(capture, "ประกาศฉบับลงนาม", "signed.pdf", scanned_pdf([ANNOUNCEMENT]))
    locked = upload(capture, "ประกาศที่ใส่รหัสผ่าน", "locked.pdf", encrypted_pdf(text_pdf([ANNOUNCEMENT])))
    readable = upload(capture, "ประกาศฉบับพิมพ์", "typed.pdf", text_pdf([ANNOUNCEMENT]))
    unlinked = upload(capture, "ไฟล์สแกนที่ไม่มีหน้าใดลิงก์", "lone.pdf", scanned_pdf([ANNOUNCEMENT]))
    link_page(news_index, "ประกาศสอบราคา", "notice", scan, locked, readable)
    link_page(news_index, "ร่างประกาศ", "draft", unlinked, publish=False)

    client.force_login(make_user("admin", superuser=True))
    html = client.get("/admin/reports/thgov-compliance/", {"site": site.pk}).content.decode()
    section = html[html.index('class="nice-padding w-mt-4 thgov-compliance-documents"') :]
    section = section[: section.index("</section>")]
    assert "1 file that live pages link has pages without text (scanned)" in section
    assert "ประกาศฉบับลงนาม" in section and "scanned, no text" in section
    assert "ประกาศที่ใส่รหัสผ่าน" in section and "protected by a password" in section
    assert "ประกาศฉบับพิมพ์" not in section and "ไม่มีหน้าใดลิงก์" not in section


def test_the_currency_report_lists_pages_whose_files_cannot_be_read_as_text(
    client, capture, site, news_index
):
    scan = upload(capture, "ประกาศฉบับลงนาม", "signed.pdf", scanned_pdf([ANNOUNCEMENT]))
    locked = upload(capture, "ประกาศที่ใส่รหัสผ่าน", "locked.pdf", encrypted_pdf(text_pdf([ANNOUNCEMENT])))
    readable = upload(capture, "ประกาศฉบับพิมพ์", "typed.pdf", text_pdf([ANNOUNCEMENT]))
    notice = link_page(news_index, "ประกาศสอบราคา", "notice", scan, locked, capture=capture)
    link_page(news_index, "ประกาศฉบับพิมพ์อย่างเดียว", "typed", readable, capture=capture)
    link_page(news_index, "ร่างประกาศ", "draft", scan, publish=False)

    report = currency_report(site)
    summaries = {
        document: DocumentText.objects.get(document=document, is_current=True).summary
        for document in (scan, locked)
    }
    assert "scanned, no text" in summaries[scan] and "password" in summaries[locked]
    assert [(page.pk, detail) for page, detail in report.extra["unreadable_files"]] == [
        (notice.pk, f"ประกาศฉบับลงนาม: {summaries[scan]}; ประกาศที่ใส่รหัสผ่าน: {summaries[locked]}")
    ]
    assert report.counts["unreadable_files"] == 1 and not report.is_empty
    # Narrowed like the other statuses: a page the user cannot edit is not on their list.
    assert currency_report(site, editable=Page.objects.none()).extra["unreadable_files"] == []

    client.force_login(make_user("admin", superuser=True))
    html = client.get(
        "/admin/reports/thgov-currency/", {"status": "unreadable_files"}, HTTP_HOST=site.hostname
    ).content.decode()
    assert "ประกาศสอบราคา" in html and "scanned, no text" in html
    assert "ประกาศฉบับพิมพ์อย่างเดียว" not in html and "ร่างประกาศ" not in html
    dashboard = client.get("/admin/", HTTP_HOST=site.hostname).content.decode()
    assert "?status=unreadable_files" in dashboard

    # The daily digest names the page and its files like every other status.
    with translation.override("th"):
        context = digest_context(site, report)
    [(label, rows)] = context["extra"]
    assert label == "มีไฟล์แนบที่ประชาชนอ่านเป็นข้อความไม่ได้"
    assert [(page.pk, url.endswith(f"/admin/pages/{notice.pk}/edit/")) for page, _detail, url in rows] == [
        (notice.pk, True)
    ]
