"""The compliance report under Reports, its workbook download, the dashboard score, and the admin views
for local items, manual evidence and the checklist tick boxes of a page's Metadata tab."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.compliance_support import compliance_site, publish
from tests.factories import PASSWORD, make_user, role_users
from wagtail_thgov.compliance.models import ChecklistItem, ManualEvidence, Standard
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

pytestmark = pytest.mark.django_db

REPORT = "thgov_compliance:report"


@pytest.fixture
def site():
    return compliance_site(certification=False)


@pytest.fixture
def agency(site):
    return publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")


@pytest.fixture
def admin(client):
    user = make_user("admin", superuser=True)
    client.login(username=user.username, password=PASSWORD)
    return client


def grant_report_to_webmasters(site):
    group = role_group(site, Role.WEBMASTER)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtail_thgov",
            codename__in=[
                "view_compliance_report",
                "add_manualevidence",
                "change_manualevidence",
                "view_manualevidence",
                "add_checklistitem",
                "change_checklistitem",
            ],
        )
    )


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_report_shows_score_status_reason_and_evidence_of_the_chosen_standard(site, agency, admin):
    publish(agency, AgencyInfoPage, "history", kind="history", title="ประวัติความเป็นมา")
    gws = Standard.objects.get(code="gws")
    response = admin.get(reverse(REPORT), {"standard": gws.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "GWS-B01" in html and "ประวัติความเป็นมา" in html
    assert "http://localhost/agency/history/" in html
    # The history page, the last-updated date every page shows, and the site search the plugin serves.
    assert "% met (3 of 42 items)" in html
    assert "Unconfirmed" in html  # partial and recall items say so


def test_report_links_to_create_the_missing_page_and_to_record_evidence_elsewhere(site, agency, admin):
    ita = Standard.objects.get(code="ita_oit", edition="2568")
    html = admin.get(reverse(REPORT), {"standard": ita.pk}).content.decode()
    add_plan = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "plandocumentpage", agency.pk))
    assert add_plan in html
    assert reverse("thgov_manual_evidence:add") + "?item=" in html


def test_report_filters_by_status(site, agency, admin):
    publish(agency, AgencyInfoPage, "history", kind="history", title="ประวัติความเป็นมา")
    gws = Standard.objects.get(code="gws")
    html = admin.get(reverse(REPORT), {"standard": gws.pk, "status": "met"}).content.decode()
    assert "GWS-B01" in html and "GWS-B02" not in html


def test_uploader_cannot_see_the_report_or_its_menu_item(site, client):
    users = role_users(site)
    login(client, users[Role.UPLOADER])
    assert client.get(reverse(REPORT)).status_code in (302, 403)
    assert client.get(reverse("thgov_compliance:export")).status_code in (302, 403)
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_webmaster_with_the_permission_sees_the_report_of_their_site_only(site, client):
    other = compliance_site("other.example", title="เทศบาลอื่น", is_default=False)
    grant_report_to_webmasters(site)
    webmaster = role_users(site)[Role.WEBMASTER]
    login(client, webmaster)
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()
    # Asking for the other municipality's site falls back to their own.
    response = client.get(reverse(REPORT), {"site": other.pk})
    assert response.context["report_site"] == site


def test_dashboard_shows_the_score_per_standard(site, admin):
    html = admin.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="thgov-compliance"' in html or "thgov-compliance-heading" in html
    assert "ITA/OIT 2568" in html and "GWS 2.0" in html


def test_workbook_download_opens_with_a_summary_and_one_sheet_per_standard(site, agency, admin):
    response = admin.get(reverse("thgov_compliance:export"), {"site": site.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 1 + Standard.objects.count()


def test_webmaster_records_manual_evidence_for_their_site(site, client):
    grant_report_to_webmasters(site)
    webmaster = role_users(site)[Role.WEBMASTER]
    login(client, webmaster)
    item = ChecklistItem.objects.get(code="GWS-I04")
    add_url = reverse("thgov_manual_evidence:add")
    form = client.get(add_url, {"item": item.pk, "site": site.pk})
    assert form.status_code == 200
    assert form.context["form"].initial["item"] == item.pk
    response = client.post(
        add_url,
        {
            "site": site.pk,
            "item": item.pk,
            "title": "เพจ Facebook",
            "url": "https://facebook.example/x",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content[:3000]
    evidence = ManualEvidence.objects.get()
    assert (evidence.site, evidence.recorded_by) == (site, webmaster)


def test_manual_evidence_needs_an_address_or_a_note(site, admin):
    item = ChecklistItem.objects.get(code="GWS-SEC02")
    response = admin.post(
        reverse("thgov_manual_evidence:add"),
        {"site": site.pk, "item": item.pk, "title": "ผลสแกน", "url": "", "note": ""},
    )
    assert response.status_code == 200
    assert "url" in response.context["form"].errors
    assert not ManualEvidence.objects.exists()


def test_webmaster_cannot_record_evidence_for_another_site(site, client):
    other = compliance_site("other.example", title="เทศบาลอื่น", is_default=False)
    grant_report_to_webmasters(site)
    login(client, role_users(site)[Role.WEBMASTER])
    item = ChecklistItem.objects.get(code="GWS-I04")
    response = client.post(
        reverse("thgov_manual_evidence:add"),
        {"site": other.pk, "item": item.pk, "title": "เพจ", "url": "https://facebook.example/x"},
    )
    assert response.status_code == 200
    assert "site" in response.context["form"].errors
    assert not ManualEvidence.objects.exists()


def test_webmaster_adds_a_local_item_and_it_shows_in_the_report(site, client):
    grant_report_to_webmasters(site)
    login(client, role_users(site)[Role.WEBMASTER])
    gws = Standard.objects.get(code="gws")
    data = {
        "standard": gws.pk,
        "site": site.pk,
        "code": "LOCAL-1",
        "sort_order": 999,
        "name_th": "ข้อมูลของดีประจำตำบล",
        "name_en": "",
        "requirement": "",
        "mandatory": "unknown",
        "fiscal_year_rule": "",
        "seed_category": "",
        "note": "",
    }
    response = client.post(reverse("thgov_local_items:add"), data)
    assert response.status_code == 302, response.content[:3000]
    assert ChecklistItem.objects.get(code="LOCAL-1").site == site
    assert "LOCAL-1" in client.get(reverse(REPORT), {"standard": gws.pk}).content.decode()


def test_local_item_code_must_not_repeat_a_standard_code(site, admin):
    gws = Standard.objects.get(code="gws")
    data = {
        "standard": gws.pk,
        "site": site.pk,
        "code": "GWS-B01",
        "sort_order": 1,
        "name_th": "ซ้ำ",
        "mandatory": "unknown",
    }
    response = admin.post(reverse("thgov_local_items:add"), data)
    assert response.status_code == 200
    assert "code" in response.context["form"].errors


def test_shared_items_are_not_editable_as_local_items(site, admin):
    shared = ChecklistItem.objects.get(code="GWS-B01")
    assert admin.get(reverse("thgov_local_items:edit", args=(shared.pk,))).status_code == 404


def test_editor_ticks_a_checklist_item_in_the_metadata_tab(site, agency, admin):
    # O21 has two parts (the declaration and the culture activity): the editor ticks the part the page shows.
    whole = ChecklistItem.objects.get(standard__code="ita_oit", standard__edition="2568", code="O21")
    item = whole.parts.get(code="O21.1")
    add_url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", agency.pk))
    form_html = admin.get(add_url).content.decode()
    assert 'name="checklist_items"' in form_html and "ITA/OIT 2568" in form_html
    assert "ITA/OIT 2567" not in form_html  # only the newest edition is offered
    assert f'value="{item.pk}"' in form_html and f'value="{whole.pk}"' not in form_html
    data = nested_form_data(
        {
            "title": "ประกาศเจตนารมณ์ No Gift Policy",
            "slug": "no-gift",
            "kind": "general",
            "body": streamfield([]),
            "source_text": "สำนักปลัด",
            "keywords": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            "action-publish": "publish",
        }
    )
    data["checklist_items"] = [str(item.pk)]
    response = admin.post(add_url, data)
    assert response.status_code == 302, response.content[:3000]
    page = AgencyInfoPage.objects.get(slug="no-gift")
    assert page.live and list(page.checklist_items.all()) == [item]
    ita = Standard.objects.get(code="ita_oit", edition="2568")
    html = admin.get(reverse(REPORT), {"standard": ita.pk, "status": "partial"}).content.decode()
    assert "O21" in html and "/agency/no-gift/" in html
    assert "thgov-compliance-part--unmet" in html  # the culture activity is still missing
    culture = whole.parts.get(code="O21.2")
    assert f"item={culture.pk}&amp;site=" in html  # what to do: record evidence for the missing part
