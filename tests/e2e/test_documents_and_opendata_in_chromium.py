"""Words inside files and the open data catalogue, as staff and citizens meet them in Chromium.

- An uploader adds a Thai PDF through Wagtail's own "Add a document" screen; once a page links it and is
  published, a citizen on a phone finds the page by a word that is only inside the PDF, sees which file
  matched, and the page's metadata box gives the file's number of pages.
- A webmaster sees on the dashboard that a live page links a scanned file, opens the currency report from
  the panel and the page from the report; the other municipality's webmaster is not shown it.
- An uploader adds a scanned announcement through the same screen; OCR reads it; the file's edit screen
  and the page editor's Metadata tab say it is a scan and that a searchable copy was made; a citizen on a phone downloads that copy from the
  page, named as a copy read by OCR and not the certified original, and it holds the body's words.
- A citizen on a phone opens the demo's open data catalogue: Thai, nothing wider than the screen, each
  dataset leads to its page and the CKAN API link answers.
"""

import json

import pytest

from tests.document_files import ANNOUNCEMENT, font_available, scanned_pdf, text_pdf
from tests.documents_support import link_page, upload
from tests.factories import PASSWORD, make_site, make_user
from wagtail_thgov.documents.models import DocumentText
from wagtail_thgov.pages.news import NewsIndexPage
from wagtail_thgov.workflows.roles import Role

PHONE = {"width": 375, "height": 812}
BODY_ONLY = "คอนกรีตเสริมเหล็ก"  # in the announcement's body only (tests/document_files.py)


def no_wider_than_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def news_site_with_uploader():
    """A municipality with a news section and its uploader ``uploader``; returns the news index."""
    site = make_site()
    news = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))
    news.save_revision().publish()
    make_user("uploader", Role.UPLOADER, site)
    return news


def upload_as_uploader(page, live_server, path, title, screenshot=None):
    """The uploader logs in and adds the file at ``path`` with Wagtail's own "Add a document" form."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "uploader")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    page.goto(f"{live_server.url}/admin/documents/add/")
    page.set_input_files("#id_file", str(path))
    page.fill("#id_title", title)
    if screenshot:
        screenshot("uploader-add-document")
    with page.expect_navigation():
        page.locator("#id_file").locator("xpath=ancestor::form").locator("button[type=submit]").click()
    assert "/admin/documents/" in page.url


@pytest.mark.skipif(not font_available(), reason="fonts-thai-tlwg is not installed")
def test_uploader_adds_a_thai_pdf_and_a_citizen_finds_the_page_by_a_word_inside_it(
    live_server, wagtail_seed, page, screenshot, tmp_path, settings
):
    settings.THGOV_DOCUMENTS_OCR = False
    news = news_site_with_uploader()
    pdf = tmp_path / "prakat-sorb-rakha.pdf"
    pdf.write_bytes(text_pdf([ANNOUNCEMENT]))

    # The uploader, in the admin in Thai, with Wagtail's own form and button.
    upload_as_uploader(page, live_server, pdf, "ประกาศสอบราคาก่อสร้างถนน (ไฟล์ PDF)", screenshot)

    # The text job ran on commit (django-q2, synchronous in the tests): one row for this file version.
    text = DocumentText.objects.get(document__title="ประกาศสอบราคาก่อสร้างถนน (ไฟล์ PDF)", is_current=True)
    assert text.page_count == 1 and not text.is_scanned and BODY_ONLY in text.text

    notice = link_page(news, "ประกาศสอบราคาโครงการปรับปรุงถนน", "road-notice", text.document)

    # A citizen on a phone searches for a word that only the PDF holds.
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/search/?query={BODY_ONLY}")
    result = page.locator(".thgov-search__result").first
    assert "ประกาศสอบราคาโครงการปรับปรุงถนน" in result.inner_text()
    in_files = page.locator(".thgov-search__in-files").first.inner_text()
    assert "ประกาศสอบราคาก่อสร้างถนน (ไฟล์ PDF)" in in_files
    assert no_wider_than_the_screen(page)
    screenshot("citizen-search-phone")

    with page.expect_navigation():
        result.locator("a").first.click()
    assert page.url.rstrip("/").endswith(notice.url.rstrip("/"))
    box = page.locator("#thgov-metadata-heading").locator("xpath=..").inner_text()
    assert "1 หน้า" in box
    screenshot("citizen-page-metadata-phone")


@pytest.mark.skipif(not font_available(), reason="fonts-thai-tlwg is not installed")
def test_citizen_on_a_phone_downloads_the_searchable_copy_of_a_scanned_announcement(
    live_server, wagtail_seed, page, screenshot, tmp_path, settings, require_tool
):
    from wagtail_thgov.documents import ocr
    from wagtail_thgov.documents.extract import extract

    settings.THGOV_DOCUMENTS_OCR = True
    require_tool("tesseract")
    if not ocr.status().available:
        from tests.conftest import skip_or_fail

        skip_or_fail(f"OCR is not available: {ocr.status().reason}")
    news = news_site_with_uploader()
    scan = tmp_path / "prakat-long-nam.pdf"
    scan.write_bytes(scanned_pdf([ANNOUNCEMENT]))
    upload_as_uploader(page, live_server, scan, "ประกาศสอบราคา (ฉบับลงนาม สแกน)")
    text = DocumentText.objects.get(document__title="ประกาศสอบราคา (ฉบับลงนาม สแกน)", is_current=True)
    assert text.is_scanned and text.ocr_pages == 1 and text.searchable_file

    # Wagtail's edit screen of the file tells the uploader what was read from it.
    page.goto(f"{live_server.url}/admin/documents/edit/{text.document.pk}/")
    read = page.locator("section.thgov-document-text").inner_text()
    assert "ข้อความในไฟล์" in read and "ไฟล์สแกน ไม่มีข้อความ" in read
    assert "อ่านด้วย OCR 1 หน้า" in read
    assert "จัดทำฉบับที่ค้นหาข้อความได้แล้ว" in read
    screenshot("uploader-document-edit-text-of-the-file")
    notice = link_page(news, "ประกาศสอบราคาจ้างก่อสร้างถนน", "road-scan", text.document)

    # The uploader's editor: the Metadata tab names the scan and the copy made from it.
    page.goto(f"{live_server.url}/admin/pages/{notice.pk}/edit/")
    panel = page.locator(".thgov-document-text").first
    assert "จัดทำฉบับที่ค้นหาข้อความได้แล้ว" in panel.text_content()
    assert "ไฟล์สแกน ไม่มีข้อความ" in panel.text_content()

    # A citizen on a phone, on the page: the scan, and under it the searchable copy, named for what it is.
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{notice.url}")
    downloads = page.locator(".thgov-downloads")
    assert "ไฟล์สแกน ไม่มีข้อความ" in downloads.inner_text()
    copy_link = downloads.locator("a.thgov-downloads__copy")
    assert "ฉบับที่ค้นหาข้อความได้" in copy_link.inner_text() and "มิใช่ต้นฉบับที่รับรอง" in copy_link.inner_text()
    box = copy_link.bounding_box()
    assert box["height"] >= 24 and no_wider_than_the_screen(page)  # a tap target of its own
    screenshot("citizen-phone-searchable-copy")
    with page.expect_download() as downloaded:
        copy_link.click()
    download = downloaded.value
    assert download.suggested_filename.endswith("-OCR.pdf")
    download.save_as(tmp_path / "copy.pdf")
    copy = extract((tmp_path / "copy.pdf").read_bytes(), "pdf", use_ocr=False)
    assert BODY_ONLY in copy.text and copy.pages_without_text == 0


def test_citizen_on_a_phone_browses_the_open_data_catalogue(live_server, live_demo, page, screenshot):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/opendata/")
    assert page.locator("h1").inner_text() == "บัญชีข้อมูลเปิด"
    datasets = page.locator(".thgov-opendata__dataset")
    count = datasets.count()
    assert count >= 1
    assert "ชุดข้อมูล" in page.locator(".thgov-search__count").inner_text()
    assert no_wider_than_the_screen(page)
    screenshot("catalogue-phone")

    first = datasets.first.locator("a.thgov-search__title")
    title = first.inner_text()
    with page.expect_navigation():
        first.click()
    assert page.locator("h1").first.inner_text() == title
    assert no_wider_than_the_screen(page)

    # The link for catalogue software answers with CKAN's envelope, listing this site's datasets.
    page.go_back()
    with page.expect_navigation():
        page.get_by_role("link", name="CKAN API").click()
    answer = json.loads(page.locator("body").inner_text())
    assert answer["success"] is True
    assert answer["result"]["count"] == count
    assert title in [package["title"] for package in answer["result"]["results"]]


@pytest.mark.skipif(not font_available(), reason="fonts-thai-tlwg is not installed")
def test_webmaster_finds_the_page_with_a_scanned_file_from_the_dashboard(
    live_server, wagtail_seed, page, screenshot, settings, django_capture_on_commit_callbacks
):
    settings.THGOV_DOCUMENTS_OCR = False
    site = make_site()
    news = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))
    news.save_revision().publish()
    make_user("webmaster", Role.WEBMASTER, site)
    other = make_site("other.example.go.th", title="เทศบาลตำบลอื่น", is_default=False)
    make_user("other-webmaster", Role.WEBMASTER, other)
    scan = upload(
        django_capture_on_commit_callbacks, "ประกาศฉบับลงนาม", "signed.pdf", scanned_pdf([ANNOUNCEMENT])
    )
    notice = link_page(
        news, "ประกาศรับสมัครพนักงานจ้าง", "hiring", scan, capture=django_capture_on_commit_callbacks
    )

    def log_in(username):
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.locator("form button[type=submit]").first.click()

    log_in("webmaster")
    panel = page.locator("#thgov-currency-section")
    item = panel.locator("li", has_text="มีไฟล์แนบที่ประชาชนอ่านเป็นข้อความไม่ได้")
    assert item.locator("strong").inner_text() == "1"
    screenshot("webmaster-dashboard-unreadable-files")
    with page.expect_navigation():
        item.locator("a").click()
    assert "status=unreadable_files" in page.url
    row = page.locator("tbody tr", has_text="ประกาศรับสมัครพนักงานจ้าง")
    assert "ประกาศฉบับลงนาม" in row.inner_text() and "ไฟล์สแกน ไม่มีข้อความ" in row.inner_text()
    screenshot("webmaster-currency-report-unreadable-files")
    with page.expect_navigation():
        row.locator("a", has_text="ประกาศรับสมัครพนักงานจ้าง").first.click()
    assert f"/admin/pages/{notice.pk}/edit/" in page.url

    # The other municipality's webmaster, at the same address, is not shown this page.
    log_in("other-webmaster")
    response = page.goto(f"{live_server.url}/admin/reports/thgov-currency/?status=unreadable_files")
    assert response.status == 200
    assert "ประกาศรับสมัครพนักงานจ้าง" not in page.locator("body").inner_text()
    screenshot("other-webmaster-currency-report-empty")
