"""Staff side: the requests viewset per site, handling with history and e-mail, attachments, export,
statistics, permissions from thgov_setup, bounded queries."""

import io
import shutil

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.eservice_support import (
    a_pdf,
    citizen_client,
    make_eservice_site,
    make_request,
    make_service,
    valid_data,
)
from tests.factories import PASSWORD, make_user
from wagtail_thgov.eservice.models import RequestEvent, ServiceRequest, private_storage
from wagtail_thgov.workflows.roles import Role

INDEX = "/admin/thgov_eservice_requests/"


@pytest.fixture(autouse=True)
def empty_private_storage():
    shutil.rmtree(private_storage().location, ignore_errors=True)
    yield
    shutil.rmtree(private_storage().location, ignore_errors=True)


@pytest.fixture
def world(db):
    site_a = make_eservice_site()
    site_b = make_eservice_site("other.example.test", is_default=False, title="เทศบาลตำบลอื่น")
    page_a = make_service(site_a)
    page_b = make_service(site_b, title="ร้องเรียนของเทศบาลอื่น")
    return {
        "site_a": site_a,
        "site_b": site_b,
        "page_a": page_a,
        "page_b": page_b,
        "request_a": make_request(page_a),
        "request_b": make_request(page_b),
        "webmaster_a": make_user("webmaster-a", Role.WEBMASTER, site_a),
        "webmaster_b": make_user("webmaster-b", Role.WEBMASTER, site_b),
        "uploader_a": make_user("uploader-a", Role.UPLOADER, site_a),
        "approver_a": make_user("approver-a", Role.APPROVER, site_a),
    }


def logged_in(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def edit_url(request):
    return reverse("thgov_eservice_requests:edit", args=[request.pk])


def test_thgov_setup_gives_webmasters_the_request_permissions(world):
    from wagtail.models import GroupSitePermission

    webmaster, uploader, approver = world["webmaster_a"], world["uploader_a"], world["approver_a"]
    for name in ("view_servicerequest", "change_servicerequest", "view_eservice_statistics"):
        assert webmaster.has_perm(f"wagtail_thgov.{name}")
        assert not uploader.has_perm(f"wagtail_thgov.{name}")
        assert not approver.has_perm(f"wagtail_thgov.{name}")

    # The e-Service settings are a site setting: granted for the webmaster's own site only.
    def may_change_settings(user, site):
        return GroupSitePermission.objects.filter(
            group__in=user.groups.all(), site=site, permission__codename="change_eservicesettings"
        ).exists()

    assert may_change_settings(webmaster, world["site_a"])
    assert not may_change_settings(webmaster, world["site_b"])
    assert not webmaster.has_perm("wagtail_thgov.change_eservicesettings")  # no global grant
    assert not may_change_settings(uploader, world["site_a"])
    assert not may_change_settings(approver, world["site_a"])


def test_webmaster_sees_only_the_requests_of_their_site(world):
    html = logged_in(world["webmaster_a"]).get(INDEX).content.decode()
    assert world["request_a"].tracking_code in html
    assert world["request_b"].tracking_code not in html
    html = logged_in(world["webmaster_b"]).get(INDEX).content.decode()
    assert world["request_b"].tracking_code in html and world["request_a"].tracking_code not in html


def test_webmaster_cannot_open_another_sites_request(world):
    client = logged_in(world["webmaster_a"])
    assert client.get(edit_url(world["request_b"])).status_code == 404
    response = client.post(edit_url(world["request_b"]), {"status": "rejected", "message_to_citizen": "x"})
    assert response.status_code == 404
    world["request_b"].refresh_from_db()
    assert world["request_b"].status == "received"


@pytest.mark.parametrize("role", ["uploader_a", "approver_a"])
def test_uploaders_and_approvers_do_not_see_requests(world, role):
    client = logged_in(world[role])
    for url in (INDEX, edit_url(world["request_a"]), reverse("thgov_eservice:statistics")):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert world["request_a"].tracking_code not in response.content.decode()
    assert "thgov_eservice_requests" not in client.get("/admin/").content.decode()


def test_requests_cannot_be_added_or_deleted_by_hand(world):
    client = logged_in(make_user("root", superuser=True))
    assert client.get(INDEX + "new/").status_code == 404
    assert client.get(INDEX + f"delete/{world['request_a'].pk}/").status_code == 404


def test_handling_assigns_changes_status_records_history_and_emails_the_citizen(
    world, django_capture_on_commit_callbacks
):
    request, webmaster = world["request_a"], world["webmaster_a"]
    client = logged_in(webmaster)
    page = client.get(edit_url(request)).content.decode()
    assert request.citizen_name in page and "ถนนชำรุด" in page  # the request in full
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(request),
            {
                "assigned_to": webmaster.pk,
                "status": "in_progress",
                "message_to_citizen": "รับเรื่องแล้ว กองช่างจะออกตรวจสอบพรุ่งนี้",
                "internal_note": "ส่งต่อหัวหน้างานไฟฟ้า",
            },
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "in_progress" and request.assigned_to == webmaster
    event = request.events.last()
    assert (event.actor, event.old_status, event.new_status, event.assigned_to) == (
        webmaster,
        "received",
        "in_progress",
        webmaster,
    )
    assert event.internal_note == "ส่งต่อหัวหน้างานไฟฟ้า"
    assert [m.to for m in mail.outbox] == [[request.citizen_email]]
    assert "กองช่างจะออกตรวจสอบพรุ่งนี้" in mail.outbox[0].body
    assert "ส่งต่อหัวหน้างาน" not in mail.outbox[0].body
    # Closing: closed_at is set and the history says who closed it.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            edit_url(request),
            {"assigned_to": webmaster.pk, "status": "completed", "message_to_citizen": "ซ่อมเสร็จแล้ว"},
        )
    request.refresh_from_db()
    assert request.status == "completed" and request.closed_at is not None
    assert request.closed_on == timezone.localdate(request.closed_at)
    assert list(request.events.values_list("new_status", flat=True)) == [
        "received",
        "in_progress",
        "completed",
    ]


def test_closing_without_a_message_and_empty_actions_are_refused(world):
    request, client = world["request_a"], logged_in(world["webmaster_a"])
    response = client.post(edit_url(request), {"status": "rejected", "message_to_citizen": ""})
    assert response.status_code == 200
    assert "Tell the citizen the outcome before closing the request." in response.content.decode()
    response = client.post(edit_url(request), {"status": "received"})
    assert "Nothing to record" in response.content.decode()
    request.refresh_from_db()
    assert request.status == "received" and request.events.count() == 1


def test_closed_request_cannot_be_reopened_and_others_sites_staff_cannot_be_assigned(world):
    request, client = world["request_a"], logged_in(world["webmaster_a"])
    ServiceRequest.objects.filter(pk=request.pk).update(status="completed", closed_at=timezone.now())
    response = client.post(edit_url(request), {"status": "in_progress", "message_to_citizen": "เปิดใหม่"})
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.status == "completed"
    response = client.post(
        edit_url(request),
        {"status": "completed", "assigned_to": world["webmaster_b"].pk, "internal_note": "x"},
    )
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.assigned_to is None


def test_attachments_are_served_only_to_staff_of_the_site(world):
    citizen_client().post(world["page_a"].url, {**valid_data(), "thgov_files": [a_pdf()]})
    attachment = ServiceRequest.objects.get(citizen_name="สมชาย ใจดี").attachments.get()
    url = reverse("thgov_eservice:attachment", args=[attachment.pk])
    response = logged_in(world["webmaster_a"]).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert 'attachment; filename="photo-evidence.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    refused = logged_in(world["webmaster_b"]).get(url)  # Wagtail turns "permission denied" into a redirect
    assert refused.status_code in (302, 403) and not getattr(refused, "streaming", False)
    assert logged_in(world["uploader_a"]).get(url).status_code in (302, 403)
    assert Client().get(url).status_code == 302  # to the admin login
    assert url.startswith("/admin/")
    edit_page = logged_in(world["webmaster_a"]).get(edit_url(attachment.request)).content.decode()
    assert url in edit_page and "photo-evidence.pdf" in edit_page


def test_overdue_requests_are_highlighted_and_filtered(world):
    overdue = make_request(world["page_a"], days_ago=40)
    on_time = world["request_a"]
    client = logged_in(world["webmaster_a"])
    html = client.get(INDEX).content.decode()
    assert html.count("thgov-request--overdue") == 1
    html = client.get(INDEX, {"overdue": "true"}).content.decode()
    assert overdue.tracking_code in html and on_time.tracking_code not in html
    html = client.get(INDEX, {"overdue": "false"}).content.decode()
    assert overdue.tracking_code not in html and on_time.tracking_code in html
    html = client.get(INDEX, {"status": "completed"}).content.decode()
    assert on_time.tracking_code not in html


def test_export_is_scoped_and_formula_safe(world):
    page = world["page_a"]
    page.title = '=HYPERLINK("http://evil.example","click")'
    page.save_revision().publish()
    formula = make_request(ServiceRequest.objects.get(pk=world["request_a"].pk).page.specific)
    ServiceRequest.objects.filter(pk=formula.pk).update(service_title=page.title)
    response = logged_in(world["webmaster_a"]).get(INDEX, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    codes = [row[0] for row in rows[1:]]
    assert formula.tracking_code in codes and world["request_b"].tracking_code not in codes
    titles = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","click")' in titles
    assert not any(isinstance(title, str) and title.startswith("=") for title in titles)


def test_listing_queries_do_not_grow_with_rows(world, django_assert_max_num_queries):
    client = logged_in(world["webmaster_a"])
    client.get(INDEX)  # warm caches (site root paths, content types)
    for _ in range(3):
        make_request(world["page_a"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(INDEX).status_code == 200
    for _ in range(30):
        make_request(world["page_a"], assigned_to=world["webmaster_a"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(INDEX).status_code == 200


def test_monthly_statistics_per_service_and_export(world):
    page = world["page_a"]
    late = make_request(page, days_ago=40, status="completed", closed_days_ago=1)
    make_request(page, days_ago=2, status="rejected", closed_days_ago=1)
    client = logged_in(world["webmaster_a"])
    response = client.get(reverse("thgov_eservice:statistics"))
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html and world["page_b"].title not in html
    response = client.get(reverse("thgov_eservice:statistics"), {"export": "xlsx"})
    sheet = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Month", "e-Service", "Kind of service", "Received")
    totals = {"received": 0, "completed": 0, "rejected": 0, "overdue": 0}
    for row in rows[1:]:
        totals["received"] += row[3]
        totals["completed"] += row[4]
        totals["rejected"] += row[5]
        totals["overdue"] += row[7]
    assert totals == {"received": 3, "completed": 1, "rejected": 1, "overdue": 1}
    late_row = next(row for row in rows[1:] if row[4] == 1)
    assert late_row[8] == round((late.closed_at - late.submitted_at).total_seconds() / 86400, 1)


def test_statistics_survive_erasure_of_personal_data(world):
    from wagtail_thgov.eservice.jobs import erase_request
    from wagtail_thgov.eservice.statistics import ROW_FIELDS, monthly_statistics

    make_request(world["page_a"], days_ago=3, status="completed", closed_days_ago=1)
    before = monthly_statistics(ServiceRequest.objects.values_list(*ROW_FIELDS), timezone.localdate())
    for request in ServiceRequest.objects.all():
        erase_request(request)
    after = monthly_statistics(ServiceRequest.objects.values_list(*ROW_FIELDS), timezone.localdate())
    assert before == after
    assert RequestEvent.objects.exclude(internal_note="").count() == 0


def test_eservice_pages_are_not_listed_among_wagtail_form_submissions(world):
    from wagtail.contrib.forms.utils import get_forms_for_user

    superuser = make_user("forms-root", superuser=True)
    assert not get_forms_for_user(superuser).type(type(world["page_a"])).exists()


def test_staff_find_a_request_by_its_code(world):
    other = make_request(world["page_a"])
    html = (
        logged_in(world["webmaster_a"])
        .get(INDEX, {"q": world["request_a"].tracking_code[-4:]})
        .content.decode()
    )
    assert world["request_a"].tracking_code in html and other.tracking_code not in html


def test_a_question_cannot_take_the_name_of_a_fixed_part_of_the_form(world):
    from wagtail_thgov.eservice.pages import EServiceIndexPage, EServicePage

    index = EServiceIndexPage.objects.child_of(world["site_a"].root_page).get()
    client = logged_in(make_user("form-root", superuser=True))
    url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "eservicepage", index.pk))
    data = {
        "title": "ขอรับบริการ",
        "slug": "service-x",
        "service_kind": "service_request",
        "responsible_unit": "กองช่าง",
        "promised_days": "5",
        "allowed_extensions": "pdf",
        "max_attachment_mb": "10",
        "keywords": "",
        "form_fields-TOTAL_FORMS": "1",
        "form_fields-INITIAL_FORMS": "0",
        "form_fields-MIN_NUM_FORMS": "0",
        "form_fields-MAX_NUM_FORMS": "1000",
        "form_fields-0-label": "Website",
        "form_fields-0-field_type": "singleline",
        "form_fields-0-required": "on",
        "form_fields-0-ORDER": "1",
        "form_fields-0-DELETE": "",
        "form_fields-0-id": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Every e-Service form already has this item" in response.content.decode()
    assert not EServicePage.objects.filter(slug="service-x").exists()
    data["form_fields-0-label"] = "Address of the house"
    assert client.post(url, data).status_code == 302
    assert EServicePage.objects.get(slug="service-x").form_fields.get().clean_name == "address_of_the_house"
