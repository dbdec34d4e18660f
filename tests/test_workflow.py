"""The two-step publication workflow, through the admin views: roles, completeness, certification,
the publication register, and every route an uploader might use to publish on their own."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page, TaskState, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import PASSWORD, make_site, make_user, role_users
from wagtail_thgov.core.thai import be_year, thai_date
from wagtail_thgov.installation import run_setup
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage
from wagtail_thgov.workflows.models import CertificationTask, CompletenessCheckTask, RoleGroup
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return make_site()


@pytest.fixture
def users(site):
    return role_users(site)


@pytest.fixture
def agency_index(site):
    index = site.root_page.add_child(instance=AgencyIndexPage(title="ข้อมูลหน่วยงาน", slug="agency"))
    index.save_revision().publish()
    return index


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def page_form(title="ประวัติความเป็นมา", slug="history", source="กองวิชาการและแผนงาน", **extra):
    data = {
        "title": title,
        "slug": slug,
        "kind": "history",
        "body": streamfield([]),
        "source_text": source,
        "data_period_start": "2025-10-01",
        "data_period_end": "2026-09-30",
        "keywords": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def submit_new_page(client, parent, **form):
    url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", parent.pk))
    response = client.post(url, {**page_form(**form), "action-submit": "submit"})
    assert response.status_code == 302, response.content[:2000]
    return AgencyInfoPage.objects.get(slug=form.get("slug", "history"))


def act(client, page, action="approve", allowed=True):
    """POST a workflow action on the page's current task; a refused one must leave the task as it was."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    response = client.post(url, {"comment": "ตรวจแล้ว"} if action == "reject" else {})
    task_state.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert task_state.status != TaskState.STATUS_IN_PROGRESS
    else:
        # Wagtail answers a permission failure with 403 or a redirect to the dashboard with a message.
        assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
    return response


# Setup ---------------------------------------------------------------------------------------


def test_setup_puts_two_task_workflow_on_site_root(site):
    workflow = WorkflowPage.objects.get(page=site.root_page).workflow
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [type(task) for task in tasks] == [CompletenessCheckTask, CertificationTask]
    assert workflow.name == "เผยแพร่ข้อมูลต่อสาธารณะ"
    webmasters = RoleGroup.objects.get(site=site, role=Role.WEBMASTER).group
    approvers = RoleGroup.objects.get(site=site, role=Role.APPROVER).group
    assert list(tasks[0].groups.all()) == [webmasters]
    assert list(tasks[1].groups.all()) == [approvers]


def test_setup_creates_three_groups_with_thai_names(site):
    names = {link.role: link.group.name for link in RoleGroup.objects.filter(site=site)}
    assert names == {
        Role.UPLOADER: "ผู้นำข้อมูลขึ้นเผยแพร่",
        Role.WEBMASTER: "ผู้ดูแลเว็บไซต์",
        Role.APPROVER: "ผู้อนุมัติรับรองข้อมูล",
    }


def test_no_role_holds_publish_permission(site, agency_index, users):
    page = agency_index
    for user in users.values():
        assert not page.permissions_for_user(user).can_publish(), user.username
    assert page.permissions_for_user(users[Role.UPLOADER]).can_add_subpage()
    assert page.permissions_for_user(users[Role.UPLOADER]).can_edit()


def test_setup_twice_changes_nothing(site):
    assert run_setup() == 0


def test_renamed_groups_and_tasks_keep_working(site, agency_index, users, client):
    for link in RoleGroup.objects.filter(site=site):
        link.group.name = f"{link.group.name} (renamed)"
        link.group.save()
    CompletenessCheckTask.objects.update(name="Checked")
    assert run_setup() == 0
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    act(login(client, users[Role.WEBMASTER]), page)
    assert page.current_workflow_task.specific.__class__ is CertificationTask


# The whole flow -------------------------------------------------------------------------------


def test_uploader_webmaster_approver_flow_publishes_and_names_certifier(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    assert not page.live
    assert isinstance(page.current_workflow_task.specific, CompletenessCheckTask)

    act(login(client, users[Role.WEBMASTER]), page)
    page.refresh_from_db()
    assert isinstance(page.current_workflow_task.specific, CertificationTask)
    assert not page.live

    act(login(client, users[Role.APPROVER]), page)
    page.refresh_from_db()
    assert page.live
    certification = AgencyInfoPage.objects.get(pk=page.pk).thgov_certification
    assert certification.certifier_id == users[Role.APPROVER].pk

    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert users[Role.APPROVER].get_full_name() in html
    assert '"reviewedBy"' in html


def test_page_missing_required_metadata_cannot_pass_completeness_check(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index, source="")
    webmaster = login(client, users[Role.WEBMASTER])
    # The approve action explains what is missing instead of approving...
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    modal = webmaster.get(url)
    assert modal.status_code == 200
    assert "Source or owner of the information" in modal.json()["html"] or "แหล่งที่มา" in modal.json()["html"]
    # ... and a POST (the modal's or a forged one) leaves the task in progress.
    webmaster.post(url, {})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # Requesting changes sends it back with the comment.
    act(webmaster, page, "reject")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_editing_live_page_needs_certification_again(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    act(login(client, users[Role.WEBMASTER]), page)
    act(login(client, users[Role.APPROVER]), page)
    page = AgencyInfoPage.objects.get(pk=page.pk)
    first = page.thgov_certification
    # The uploader edits and submits again: the live revision (and its certification) stay until approved.
    uploader = login(client, users[Role.UPLOADER])
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = uploader.post(url, {**page_form(title="ประวัติ (ปรับปรุง)"), "action-submit": "submit"})
    assert response.status_code == 302
    page = AgencyInfoPage.objects.get(pk=page.pk)
    assert page.title == "ประวัติความเป็นมา"
    assert page.thgov_certification == first
    act(login(client, users[Role.WEBMASTER]), page)
    act(login(client, users[Role.APPROVER]), page)
    page = AgencyInfoPage.objects.get(pk=page.pk)
    assert page.title == "ประวัติ (ปรับปรุง)"
    assert page.thgov_certification.certified_at > first.certified_at


# Security: nobody skips a step --------------------------------------------------------------


def test_uploader_cannot_publish_by_forged_post(site, agency_index, users, client):
    uploader = login(client, users[Role.UPLOADER])
    url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", agency_index.pk))
    uploader.post(url, {**page_form(), "action-publish": "publish"})
    page = AgencyInfoPage.objects.get(slug="history")
    assert not page.live
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    uploader.post(edit, {**page_form(), "action-publish": "publish"})
    page.refresh_from_db()
    assert not page.live


def test_uploader_cannot_publish_with_past_go_live_date(site, agency_index, users, client):
    uploader = login(client, users[Role.UPLOADER])
    url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", agency_index.pk))
    uploader.post(url, {**page_form(go_live_at="2020-01-01 08:00"), "action-publish": "publish"})
    from django.core.management import call_command

    call_command("publish_scheduled")
    assert not AgencyInfoPage.objects.get(slug="history").live


def test_uploader_cannot_approve_tasks_they_do_not_hold(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    act(client, page, "approve", allowed=False)
    page.refresh_from_db()
    assert not page.live


def test_webmaster_cannot_certify(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    webmaster = login(client, users[Role.WEBMASTER])
    act(webmaster, page)
    act(webmaster, page, "approve", allowed=False)
    page.refresh_from_db()
    assert not page.live


def test_approver_cannot_skip_completeness_check(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    act(login(client, users[Role.APPROVER]), page, "approve", allowed=False)
    page.refresh_from_db()
    assert isinstance(page.current_workflow_task.specific, CompletenessCheckTask)


def test_uploader_cannot_bulk_publish(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={page.pk}&next=/admin/", {})
    page.refresh_from_db()
    assert not page.live


def test_uploader_cannot_publish_by_reverting_a_revision(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    revision = page.latest_revision
    url = reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, revision.pk))
    client.post(url, {**page_form(), "action-publish": "publish"})
    page.refresh_from_db()
    assert not page.live


def test_uploader_copy_of_live_page_is_not_published(site, agency_index, users, client):
    live = agency_index.add_child(instance=AgencyInfoPage(title="วิสัยทัศน์", slug="vision", kind="vision"))
    live.save_revision().publish()
    uploader = login(client, users[Role.UPLOADER])
    url = reverse("wagtailadmin_pages:copy", args=(live.pk,))
    client.post(
        url,
        {
            "new_title": "สำเนา",
            "new_slug": "copy",
            "new_parent_page": agency_index.pk,
            "publish_copies": "on",
        },
    )
    copy = Page.objects.filter(slug="copy").first()
    assert copy is None or not copy.live
    assert uploader


def test_uploader_moving_a_page_does_not_publish_it(site, agency_index, users, client):
    other = site.root_page.add_child(instance=AgencyIndexPage(title="อื่น ๆ", slug="other"))
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    url = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, other.pk))
    client.post(url)
    page.refresh_from_db()
    assert not page.live


def test_anonymous_users_reach_no_workflow_view(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    client.logout()
    task_state = page.current_workflow_task_state
    for url in [
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        reverse("thgov_workflows:publication_register"),
        reverse("thgov_workflows:publication_request_form", args=(task_state.workflow_state_id,)),
    ]:
        response = client.post(url)
        assert response.status_code in (302, 403)
        assert "/login/" in response.get("Location", "/login/")
    page.refresh_from_db()
    assert not page.live


def test_wagtail_api_is_not_exposed(client):
    assert client.get("/api/v2/pages/").status_code == 404
    assert client.get("/api/v3/pages/").status_code == 404


# Notifications and register ------------------------------------------------------------------


def test_submission_emails_the_next_tasks_group(site, agency_index, users, client, mailoutbox):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    recipients = {address for message in mailoutbox for address in message.to}
    assert users[Role.WEBMASTER].email in recipients
    mailoutbox.clear()
    act(login(client, users[Role.WEBMASTER]), page)
    recipients = {address for message in mailoutbox for address in message.to}
    assert users[Role.APPROVER].email in recipients


def test_register_lists_all_four_people_and_exports_xlsx(site, agency_index, users, client):
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    act(login(client, users[Role.WEBMASTER]), page)
    act(login(client, users[Role.APPROVER]), page)
    webmaster = login(client, users[Role.WEBMASTER])
    response = webmaster.get(reverse("thgov_workflows:publication_register"))
    html = response.content.decode()
    assert response.status_code == 200
    for role in (Role.UPLOADER, Role.WEBMASTER, Role.APPROVER):
        assert users[role].get_full_name() in html
    export = webmaster.get(reverse("thgov_workflows:publication_register") + "?export=xlsx")
    assert export.status_code == 200
    workbook = load_workbook(
        io.BytesIO(b"".join(export.streaming_content) if export.streaming else export.content)
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][0] == "ประวัติความเป็นมา"
    assert users[Role.APPROVER].get_full_name() in rows[1]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    form = webmaster.get(reverse("thgov_workflows:publication_request_form", args=(state.pk,)))
    assert form.status_code == 200
    assert "แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์" in form.content.decode()


def test_uploader_cannot_see_register(site, users, client):
    response = login(client, users[Role.UPLOADER]).get(reverse("thgov_workflows:publication_register"))
    assert response.status_code in (302, 403)


def test_webmaster_sees_only_own_sites_register(site, agency_index, users, client):
    other_site = make_site(hostname="other.example", title="อบต.อื่น", is_default=False)
    other_users = role_users(other_site)
    other_index = other_site.root_page.add_child(
        instance=AgencyIndexPage(title="ข้อมูลหน่วยงาน", slug="agency2")
    )
    submit_new_page(
        login(client, other_users[Role.UPLOADER]), other_index, title="ของอีกแห่ง", slug="elsewhere"
    )
    submit_new_page(login(client, users[Role.UPLOADER]), agency_index)
    html = (
        login(Client(), users[Role.WEBMASTER])
        .get(reverse("thgov_workflows:publication_register"))
        .content.decode()
    )
    assert "ประวัติความเป็นมา" in html
    assert "ของอีกแห่ง" not in html
    assert make_user  # factories in use


def test_register_shows_derived_go_live_thai_dates_statuses_and_a_named_sheet_with_readable_urls(
    site, agency_index, users, client
):
    page = submit_new_page(
        login(client, users[Role.UPLOADER]), agency_index, slug="ประวัติความเป็นมา", expire_at="01/12/2580 17:00"
    )
    act(login(client, users[Role.WEBMASTER]), page)
    act(login(client, users[Role.APPROVER]), page)
    page = AgencyInfoPage.objects.get(pk=page.pk)
    assert page.live and page.expire_at
    webmaster = login(client, users[Role.WEBMASTER])
    html = webmaster.get(reverse("thgov_workflows:publication_register")).content.decode()
    certified_at = (
        TaskState.objects.filter(workflow_state__object_id=str(page.pk)).latest("finished_at").finished_at
    )
    assert thai_date(certified_at) in html  # the go-live, derived from the certification that published it
    assert thai_date(page.expire_at) in html
    assert "minutes ago" not in html and "นาทีที่ผ่านมา" not in html
    assert "Approved" not in html
    export = webmaster.get(reverse("thgov_workflows:publication_register") + "?export=xlsx")
    workbook = load_workbook(
        io.BytesIO(b"".join(export.streaming_content) if export.streaming else export.content)
    )
    sheet = workbook.active
    assert sheet.title != "Sheet1"
    rows = list(sheet.iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    address = next(value for value in row.values() if isinstance(value, str) and value.startswith("http"))
    assert address.endswith("/ประวัติความเป็นมา/") and "%" not in address
    assert any(isinstance(value, str) and str(be_year(page.expire_at)) in value for value in row.values())


def test_christian_era_year_typed_by_uploader_is_stored_right_and_they_are_told(
    site, agency_index, users, client
):
    uploader = login(client, users[Role.UPLOADER])
    url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", agency_index.pk))
    response = uploader.post(
        url,
        {
            **page_form(data_period_start="01/10/2025", data_period_end="30/09/2569"),
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302
    page = AgencyInfoPage.objects.get(slug="history")
    assert str(page.data_period_start) == "2025-10-01" and str(page.data_period_end) == "2026-09-30"
    shown = [str(message) for message in uploader.get(response["Location"]).context["messages"]]
    assert any("2025" in text and "2568" in text for text in shown), shown


def test_buddhist_era_typo_year_is_refused_and_nothing_is_lost(site, agency_index, users, client):
    uploader = login(client, users[Role.UPLOADER])
    url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", agency_index.pk))
    response = uploader.post(url, {**page_form(data_period_start="01/10/3112"), "action-submit": "submit"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "3112" in html and "ประวัติความเป็นมา" in html
    assert not AgencyInfoPage.objects.filter(slug="history").exists()
