"""Approving from the page editor's footer, as staff do it in Chromium: the webmaster passes the completeness
check and the certifying approver certifies, each pressing "ยืนยัน" (approve, or approve with a comment) in
the editor footer of a news page whose news date has a callable default. The page must go live exactly
once, with one approval per step and no new revision saved by an unchanged form."""

import pytest
from django.urls import reverse
from wagtail.models import Revision, TaskState, WorkflowState

from tests.factories import PASSWORD, make_site, role_users
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.workflows.models import CertificationTask, CompletenessCheckTask
from wagtail_thgov.workflows.roles import Role

LOGIN_BUTTON = "ลงชื่อเข้าใช้"


def log_in(page, base, user):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=LOGIN_BUTTON).click()


def submitted_news(site, uploader):
    index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))
    index.save_revision().publish()
    news = index.add_child(
        instance=NewsPage(
            title="ประชาสัมพันธ์วันพ่อแห่งชาติ",
            source_text="กองสาธารณสุขและสิ่งแวดล้อม",
            live=False,
            body=[("paragraph", "<p>ขอเชิญร่วมกิจกรรม</p>")],
        )
    )
    revision = news.save_revision(user=uploader)
    workflow = news.get_workflow()
    workflow.start(news, uploader)
    return NewsPage.objects.get(pk=news.pk), revision


def approve_in_footer(page, base, news, comment=None):
    page.goto(base + reverse("wagtailadmin_pages:edit", args=(news.pk,)))
    page.locator("footer .w-dropdown__toggle").click()
    if comment is None:
        button = page.locator(
            "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )
        button.wait_for(state="visible")
        with page.expect_navigation():
            button.click()
        return
    button = page.locator("footer button[data-workflow-action-name=approve][data-workflow-action-modal-url]")
    button.wait_for(state="visible")
    button.click()
    box = page.locator("textarea[name=comment]")
    box.wait_for(state="visible")
    box.type(comment)
    with page.expect_navigation():
        page.locator(
            "form[action*='workflow/action'] button[type=submit], .modal button[type=submit]"
        ).last.click()


def approvals(news):
    return list(
        TaskState.objects.filter(
            workflow_state__object_id=str(news.pk), status=TaskState.STATUS_APPROVED
        ).values_list("task__content_type__model", flat=True)
    )


@pytest.mark.parametrize("with_comment", [False, True], ids=["approve", "approve-with-comment"])
def test_webmaster_and_approver_certify_from_the_editor_footer_publishing_once(
    live_server, wagtail_seed, page, screenshot, with_comment
):
    site = make_site()
    users = role_users(site)
    news, submitted_revision = submitted_news(site, users[Role.UPLOADER])
    base = live_server.url
    revisions_before = Revision.page_revisions.filter(object_id=str(news.pk)).count()

    log_in(page, base, users[Role.WEBMASTER])
    approve_in_footer(page, base, news, comment="ข้อมูลครบถ้วน" if with_comment else None)
    screenshot("1-webmaster-approved")
    news = NewsPage.objects.get(pk=news.pk)
    assert isinstance(news.current_workflow_task.specific, CertificationTask)
    assert approvals(news) == [CompletenessCheckTask._meta.model_name]
    assert not news.live

    log_in(page, base, users[Role.APPROVER])
    approve_in_footer(page, base, news, comment="รับรองข้อมูล" if with_comment else None)
    screenshot("2-approver-certified")
    news = NewsPage.objects.get(pk=news.pk)
    assert news.live
    assert approvals(news) == [CompletenessCheckTask._meta.model_name, CertificationTask._meta.model_name]
    assert WorkflowState.objects.get(object_id=str(news.pk)).status == WorkflowState.STATUS_APPROVED
    # An unchanged form saves no revision: the live revision is the one the uploader submitted.
    assert Revision.page_revisions.filter(object_id=str(news.pk)).count() == revisions_before
    assert news.live_revision_id == submitted_revision.pk
    assert news.first_published_at is not None
    if with_comment:
        comments = set(
            TaskState.objects.filter(workflow_state__object_id=str(news.pk)).values_list("comment", flat=True)
        )
        assert {"ข้อมูลครบถ้วน", "รับรองข้อมูล"} <= comments
