"""A citizen's manual (§1.7) made in the Thai admin in a real browser, then read on the public site."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import translation
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from tests.factories import make_site
from thgov_demo.files import pdf_bytes
from wagtail_thgov.blocks.durations import DAYS, MINUTES, Duration, total_text
from wagtail_thgov.metadata.files import file_info
from wagtail_thgov.pages.manuals import CitizenManualIndexPage, CitizenManualPage

PASSWORD = "thgov-e2e-password"
FORM_TITLE = "แบบคำขอรับชำระภาษี"


def make_form_document():
    """A real PDF in the document library, its size read from storage like any upload's."""
    document = get_document_model()(title=FORM_TITLE)
    fields = ["applicant name", "house number", "land title deed", "parcel number", "area (rai-ngan-wa)"]
    lines = [f"Item {number}: {fields[number % 5]} {number * 7919 % 100003}" for number in range(60)]
    document.file.save("tax-form.pdf", ContentFile(pdf_bytes("Tax payment form", lines)), save=False)
    document.save()
    return document


def stream_add(page, field):
    """Click the first "Insert a block" button of the StreamField ``field`` (one block type: no menu)."""
    page.locator(f"#{field}-root .c-sf-add-button").first.click()


def test_citizen_manual_made_in_admin_shows_steps_total_and_form_file(
    live_server, wagtail_seed, page, screenshot
):
    site = make_site()
    index = site.root_page.add_child(
        instance=CitizenManualIndexPage(title="คู่มือสำหรับประชาชน", slug="citizen-manuals")
    )
    get_user_model().objects.create_superuser("manual-admin", "manual-admin@example.test", PASSWORD)
    document = make_form_document()

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "manual-admin")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert page.url == f"{live_server.url}/admin/"

    page.goto(f"{live_server.url}/admin/pages/add/wagtail_thgov/citizenmanualpage/{index.pk}/")

    # Content tab: the Licensing Facilitation Act fields.
    page.fill("#id_title", "การรับชำระภาษีที่ดินและสิ่งปลูกสร้าง")
    page.fill("#id_responsible_unit", "งานพัฒนาและจัดเก็บรายได้ กองคลัง")
    page.fill("#id_legal_basis", "พระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562")

    stream_add(page, "channels")
    page.fill("[name='channels-0-value-place']", "กองคลัง ชั้น 1 สำนักงานเทศบาล")
    page.fill("[name='channels-0-value-hours']", "จันทร์–ศุกร์ 08:30–16:30 น.")

    stream_add(page, "process")
    page.fill("[name='process-0-value-steps-0-value-title']", "ตรวจสอบเอกสารและที่ดิน")
    page.fill("[name='process-0-value-steps-0-value-duration']", "1")
    page.select_option("[name='process-0-value-steps-0-value-unit']", DAYS)
    # The process stream's add buttons: before the block, the steps list's before and after step 1, after the block.
    add_buttons = page.locator("#process-root .c-sf-add-button")
    expect(add_buttons).to_have_count(4)
    add_buttons.nth(2).click()
    page.fill("[name='process-0-value-steps-1-value-title']", "รับชำระและออกใบเสร็จ")
    page.fill("[name='process-0-value-steps-1-value-duration']", "30")
    page.select_option("[name='process-0-value-steps-1-value-unit']", MINUTES)

    stream_add(page, "required_documents")
    page.fill("[name='required_documents-0-value-name']", "บัตรประจำตัวประชาชน")
    page.fill("[name='required_documents-0-value-copies']", "1")

    page.check("#id_free_of_charge")

    complaint = page.locator("[id$='-complaint_channels-section'] [contenteditable=true]")
    complaint.click()
    complaint.press_sequentially("ศูนย์รับเรื่องร้องเรียน โทร 0 9999 0000")

    stream_add(page, "forms")
    page.click("#forms-0-value-documents-0-value-document-chooser .unchosen [data-chooser-action-choose]")
    page.locator(".modal").get_by_role("link", name=FORM_TITLE).click()
    expect(page.locator("#forms-root")).to_contain_text(FORM_TITLE)
    screenshot("content-tab")

    # Metadata tab: the source and the start of the data period.
    page.get_by_role("tab").nth(1).click()
    page.fill("#id_source_text", "กองคลัง เทศบาลตำบลทดสอบ")
    page.fill("#id_data_period_start", "2025-10-01")
    screenshot("metadata-tab")

    publish = page.locator("button[name=action-publish]")
    page.locator("[data-controller~=w-dropdown]", has=publish).locator(
        "[data-w-dropdown-target=toggle]"
    ).click()
    publish.click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{index.pk}/")

    manual = CitizenManualPage.objects.child_of(index).get()
    assert manual.live

    page.goto(f"{live_server.url}{manual.url}")
    screenshot("public-page")
    steps = page.locator(".process-steps__item")
    expect(steps).to_have_count(2)
    expect(steps.nth(0)).to_contain_text("ตรวจสอบเอกสารและที่ดิน")
    expect(steps.nth(1)).to_contain_text("รับชำระและออกใบเสร็จ")
    with translation.override("th"):
        total = total_text(Duration(days=1, minutes=30))
    expect(page.locator(".process-steps__total")).to_have_text(total)
    label = file_info(document).label  # type and size read from the stored file
    assert label.startswith("PDF · ") and label.endswith(" KB")
    download = page.locator(".document-downloads .document-link__link")
    expect(download).to_have_count(1)
    expect(download).to_contain_text(FORM_TITLE)
    expect(download.locator(".document-link__meta")).to_have_text(f"({label})")
    assert download.get_attribute("href") == document.url
