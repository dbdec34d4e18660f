"""The two-step publication workflow in a real browser: the uploader submits a page through the admin
add form, the webmaster passes the completeness check from the dashboard, the certifying approver
approves from the page's edit view, and the public page names the approver."""

from django.urls import reverse
from wagtail.models import TaskState

from tests.factories import PASSWORD, make_site, role_users
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage
from wagtail_thgov.workflows.models import CertificationTask, CompletenessCheckTask
from wagtail_thgov.workflows.roles import Role

LOGIN_BUTTON = "ลงชื่อเข้าใช้"
METADATA_TAB = "ข้อมูลกำกับ"


def log_in(page, base, user):
    """A fresh session (no cookies left from the previous user), then the admin log-in form."""
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=LOGIN_BUTTON).click()
    assert page.url == f"{base}/admin/"


def current_task(info):
    return AgencyInfoPage.objects.get(pk=info.pk).current_workflow_task


def test_uploader_webmaster_approver_publish_in_chromium(live_server, wagtail_seed, page, screenshot):
    site = make_site()
    users = role_users(site)
    index = site.root_page.add_child(instance=AgencyIndexPage(title="ข้อมูลหน่วยงาน", slug="agency"))
    index.save_revision().publish()
    base = live_server.url

    # (1) The uploader fills in the add form, with the source in the Metadata tab, and submits.
    log_in(page, base, users[Role.UPLOADER])
    page.goto(base + reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", index.pk)))
    page.locator("#id_title").fill("ประวัติความเป็นมา")
    page.locator("#id_kind").select_option("history")
    page.get_by_role("tab", name=METADATA_TAB).click()
    page.locator("#id_source_text").fill("กองวิชาการและแผนงาน")
    page.locator("#id_data_period_start").fill("2025-10-01")
    page.keyboard.press("Escape")  # close the date picker
    screenshot("1-uploader-metadata-tab")
    page.locator("footer .w-dropdown__toggle").click()
    submit = page.locator("footer button[name=action-submit]")
    submit.wait_for(state="visible")
    with page.expect_navigation():
        submit.click()
    screenshot("1-uploader-submitted")
    info = AgencyInfoPage.objects.get(title="ประวัติความเป็นมา")
    assert not info.live
    assert info.source_text == "กองวิชาการและแผนงาน"
    assert str(info.data_period_start) == "2025-10-01"
    assert isinstance(current_task(info).specific, CompletenessCheckTask)

    # (2) The webmaster approves the completeness check from the dashboard's review panel.
    log_in(page, base, users[Role.WEBMASTER])
    row = page.locator("tr", has=page.locator(f"a[href='/admin/pages/{info.pk}/edit/']"))
    screenshot("2-webmaster-dashboard")
    row.locator(".w-dropdown__toggle").click()
    approve = row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])")
    approve.wait_for(state="visible")
    with page.expect_navigation():
        approve.click()
    screenshot("2-webmaster-approved")
    assert isinstance(current_task(info).specific, CertificationTask)
    assert not AgencyInfoPage.objects.get(pk=info.pk).live

    # (3) The approver certifies it with the workflow action in the edit view's footer.
    log_in(page, base, users[Role.APPROVER])
    page.goto(base + reverse("wagtailadmin_pages:edit", args=(info.pk,)))
    screenshot("3-approver-edit-view")
    page.locator("footer .w-dropdown__toggle").click()
    approve = page.locator(
        "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    approve.wait_for(state="visible")
    with page.expect_navigation():
        approve.click()
    screenshot("3-approver-approved")
    info = AgencyInfoPage.objects.get(pk=info.pk)
    assert info.live
    assert not TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).exists()

    # (4) A visitor sees the page, its metadata box naming the certifying approver.
    page.context.clear_cookies()
    response = page.goto(base + info.relative_url(site))
    assert response.status == 200
    box = page.locator("aside.thgov-metadata")
    assert users[Role.APPROVER].get_full_name() in box.inner_text()
    assert "กองวิชาการและแผนงาน" in box.inner_text()
    screenshot("4-public-page")
