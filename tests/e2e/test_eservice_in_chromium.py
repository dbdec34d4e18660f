"""A citizen sends a complaint with an attachment in Chromium, a webmaster replies in the admin, and the
citizen reads the reply on the status page."""

from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from tests.eservice_support import make_service
from tests.factories import PASSWORD, make_site, make_user
from thgov_demo.files import pdf_bytes
from wagtail_thgov.eservice.models import RequestStatus, ServiceRequest
from wagtail_thgov.workflows.roles import Role

REPLY = "กองช่างรับเรื่องแล้ว จะเข้าซ่อมไฟฟ้าส่องสว่างภายในวันศุกร์นี้"
NOTE = "ใช้หลอด LED สำรองจากคลังพัสดุ"


def test_citizen_submits_staff_reply_citizen_reads_the_reply(
    live_server, wagtail_seed, page, screenshot, tmp_path
):
    site = make_site()
    service = make_service(site)
    webmaster = make_user("webmaster-e2e", Role.WEBMASTER, site)
    evidence = tmp_path / "ภาพเสาไฟ.pdf"
    evidence.write_bytes(pdf_bytes("Street light", ["Pole 12 is dark"]))

    # 1. The citizen fills the form in, attaches a PDF and consents.
    page.goto(f"{live_server.url}{service.url}")
    page.fill("#id_subject", "ไฟฟ้าส่องสว่างดับ")
    page.fill("#id_details", "เสาไฟต้นที่ 12 ดับมาสามคืนแล้ว")
    page.fill("#id_location", "ซอย 3 หมู่ 1")
    page.fill("#id_thgov_name", "สมชาย ใจดี")
    page.fill("#id_thgov_email", "somchai@example.test")
    page.fill("#id_thgov_phone", "081 234 5678")
    page.set_input_files("#id_thgov_files", str(evidence))
    page.check("#id_thgov_consent")
    screenshot("1-citizen-form")
    with page.expect_navigation():
        page.locator(".thgov-eservice__form button[type=submit]").click()
    code = page.locator("#thgov-tracking-code").inner_text().strip()
    request = ServiceRequest.objects.get()
    assert code == request.tracking_code
    assert request.attachments.get().original_name == "ภาพเสาไฟ.pdf"
    screenshot("2-tracking-code")

    # 2. The webmaster logs in, opens the request from the list and replies.
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", webmaster.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    page.goto(f"{live_server.url}/admin/thgov_eservice_requests/")
    expect(page.get_by_text(code)).to_be_visible()
    screenshot("3-staff-listing")
    with page.expect_navigation():
        page.get_by_role("link", name=code).click()
    expect(page.get_by_text("ภาพเสาไฟ.pdf")).to_be_visible()
    page.select_option("#id_assigned_to", str(webmaster.pk))
    page.select_option("#id_status", RequestStatus.IN_PROGRESS.value)
    page.fill("#id_message_to_citizen", REPLY)
    page.fill("#id_internal_note", NOTE)
    with page.expect_navigation():
        page.locator("footer .actions button[type=submit]").first.click()
    request.refresh_from_db()
    assert request.status == RequestStatus.IN_PROGRESS and request.assigned_to == webmaster
    expect(page.get_by_text(NOTE)).to_be_visible()
    screenshot("4-staff-replied")
    assert any(REPLY in message.body for message in mail.outbox if message.to == ["somchai@example.test"])

    # 3. The citizen (no admin session) looks the request up with the code and the phone's last 4 digits.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/e-service/status/")
    page.fill("#id_code", code.lower())
    page.fill("#id_factor", "5678")
    with page.expect_navigation():
        page.locator(".thgov-eservice__form button[type=submit]").click()
    with translation.override("th"):
        in_progress = str(RequestStatus.IN_PROGRESS.label)
    expect(page.locator("#thgov-request-status")).to_have_text(in_progress)
    expect(page.get_by_text(REPLY)).to_be_visible()
    assert NOTE not in page.content()
    screenshot("5-citizen-status")
