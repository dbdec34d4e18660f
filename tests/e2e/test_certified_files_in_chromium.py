"""Replacing a certified file in a real browser: the uploader opens the live budget PDF, reads the Thai
explanation, is refused when trying to swap the file in place, uploads a new version, attaches it to the
page in the page editor and submits; the webmaster and the approver approve; the citizen downloads the
new file, and until then the old one. Both versions stand in the register with their SHA-256."""

import hashlib

from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from tests.e2e.test_workflow_in_chromium import log_in
from tests.factories import make_site, role_users
from thgov_demo.certify import certify
from thgov_demo.files import pdf_bytes
from wagtail_thgov.pages.agency import AgencyIndexPage, PlanDocumentPage
from wagtail_thgov.workflows.roles import Role

Document = get_document_model()
EDIT_FORM = "form[enctype='multipart/form-data']"  # the document form, not the sidebar's search form
VERSION_1 = pdf_bytes("เทศบัญญัติงบประมาณรายจ่าย 2569", ["ฉบับที่ 1 รายจ่ายรวม 45,000,000 บาท"])
VERSION_2 = pdf_bytes("เทศบัญญัติงบประมาณรายจ่าย 2569", ["ฉบับที่ 2 รายจ่ายรวม 45,500,000 บาท"])


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def citizen_download(page, base, plan):
    """Open the public page as a citizen and fetch the file its download link points to."""
    page.context.clear_cookies()
    page.goto(base + plan.url)
    link = page.locator("main a[href^='/documents/']").first
    response = page.context.request.get(base + link.get_attribute("href"))
    assert response.ok
    return response.body()


def test_uploader_replaces_a_certified_file_through_the_workflow_in_chromium(
    live_server, wagtail_seed, page, screenshot
):
    site = make_site()
    users = role_users(site)
    uploader = users[Role.UPLOADER]
    index = site.root_page.add_child(instance=AgencyIndexPage(title="ข้อมูลหน่วยงาน", slug="agency"))
    index.save_revision().publish()
    collection = (
        policy_registry.get_by_type(Document).collections_user_has_permission_for(uploader, "add").first()
    )
    first = Document(title="เทศบัญญัติงบประมาณ 2569", uploaded_by_user=uploader, collection=collection)
    first.file.save("budget-2569.pdf", ContentFile(VERSION_1))
    plan = index.add_child(
        instance=PlanDocumentPage(
            title="เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569",
            slug="budget-2569",
            kind="budget",
            fiscal_year=2569,
            source_text="กองคลัง",
            document=first,
            live=False,
        )
    )
    assert certify(plan, users)  # the real two steps, as the demo builder does
    base = live_server.url
    assert sha256(citizen_download(page, base, plan)) == sha256(VERSION_1)

    # (1) The uploader opens the certified file and reads why it cannot be replaced here.
    log_in(page, base, uploader)
    page.goto(base + reverse("wagtaildocs:index"))
    with page.expect_navigation():
        page.get_by_role("link", name="เทศบัญญัติงบประมาณ 2569").click()
    notice = page.locator(".thgov-certified-file")
    assert "ไฟล์นี้อยู่ภายใต้การอนุมัติรับรอง" in notice.inner_text()
    assert notice.get_by_role("link", name=plan.title).is_visible()
    screenshot("1-uploader-sees-why")

    # (2) Swapping the file in place anyway is refused, in Thai, and nothing changes.
    page.locator("input[type=file][name=file]").set_input_files(
        files=[{"name": "budget-2569.pdf", "mimeType": "application/pdf", "buffer": VERSION_2}]
    )
    with page.expect_navigation():
        page.locator(EDIT_FORM + " button[type=submit]").first.click()
    assert "จึงแก้ไขที่นี่ไม่ได้" in page.locator(EDIT_FORM).inner_text()
    screenshot("2-uploader-refused")
    assert sha256(citizen_download(page, base, plan)) == sha256(VERSION_1)

    # (3) The uploader follows the notice: uploads the new version as a new file.
    log_in(page, base, uploader)
    page.goto(base + reverse("wagtaildocs:edit", args=(first.pk,)))
    with page.expect_navigation():
        page.get_by_role("link", name="อัปโหลดไฟล์ฉบับใหม่").click()
    page.locator("input[type=file][name=file]").set_input_files(
        files=[{"name": "budget-2569-v2.pdf", "mimeType": "application/pdf", "buffer": VERSION_2}]
    )
    page.locator("#id_title").fill("เทศบัญญัติงบประมาณ 2569 ฉบับแก้ไข")
    screenshot("3-uploader-uploads-new-version")
    with page.expect_navigation():
        page.locator(EDIT_FORM + " button[type=submit]").first.click()
    second = Document.objects.get(title="เทศบัญญัติงบประมาณ 2569 ฉบับแก้ไข")

    # (4) ... then opens the page from the notice, attaches the new file and submits the page.
    page.goto(base + reverse("wagtaildocs:edit", args=(first.pk,)))
    with page.expect_navigation():
        page.locator(".thgov-certified-file").get_by_role("link", name=plan.title).click()
    chooser = page.locator("#id_document-chooser .chosen")
    chooser.locator(".w-dropdown__toggle").click()
    chooser.locator("button[data-chooser-action-choose]").click()
    page.locator(".modal").get_by_role("link", name=second.title).click()
    page.wait_for_function(f"document.querySelector('input[name=document]').value === '{second.pk}'")
    screenshot("4-uploader-attached-new-version")
    page.locator("footer .w-dropdown__toggle").click()
    submit = page.locator("footer button[name=action-submit]")
    submit.wait_for(state="visible")
    with page.expect_navigation():
        submit.click()
    screenshot("4-uploader-submitted")
    assert sha256(citizen_download(page, base, plan)) == sha256(VERSION_1)  # not certified yet

    # (5) The webmaster passes the completeness check from the dashboard.
    log_in(page, base, users[Role.WEBMASTER])
    row = page.locator("tr", has=page.locator(f"a[href='/admin/pages/{plan.pk}/edit/']"))
    row.locator(".w-dropdown__toggle").click()
    approve = row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])")
    approve.wait_for(state="visible")
    with page.expect_navigation():
        approve.click()
    assert sha256(citizen_download(page, base, plan)) == sha256(VERSION_1)  # checked, not certified

    # (6) The approver certifies from the edit view.
    log_in(page, base, users[Role.APPROVER])
    page.goto(base + reverse("wagtailadmin_pages:edit", args=(plan.pk,)))
    page.locator("footer .w-dropdown__toggle").click()
    approve = page.locator(
        "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    approve.wait_for(state="visible")
    with page.expect_navigation():
        approve.click()
    screenshot("6-approver-certified")

    # (7) The citizen, on a phone, now gets the new file.
    page.set_viewport_size({"width": 390, "height": 844})
    assert sha256(citizen_download(page, base, plan)) == sha256(VERSION_2)
    screenshot("7-citizen-phone")

    # (8) The webmaster's register shows both versions with their checksums.
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, users[Role.WEBMASTER])
    page.goto(base + reverse("thgov_workflows:publication_register"))
    text = page.locator("main").inner_text()
    assert sha256(VERSION_1) in text and sha256(VERSION_2) in text
    screenshot("8-register-both-versions")
