"""Evidence of a site, gathered from real pages, ticks, manual evidence and features, then evaluated."""

import datetime as dt

import pytest
from wagtail.models import PageViewRestriction

from tests.compliance_support import certify, compliance_site, document, publish
from tests.factories import role_users
from wagtail_thgov.compliance.evaluator import MET, MISSING, PARTIAL, PENDING, REVIEW, STALE
from wagtail_thgov.compliance.evidence import gather_evidence
from wagtail_thgov.compliance.models import ChecklistItem, ManualEvidence, Standard
from wagtail_thgov.compliance.results import site_results
from wagtail_thgov.core.thai import current_fiscal_year, fiscal_year_of
from wagtail_thgov.metadata.inventory import thgov_page_models
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage, PlanDocumentPage
from wagtail_thgov.pages.home import SiteMapPage
from wagtail_thgov.site_settings.models import MunicipalitySettings, SocialLink
from wagtail_thgov.workflows.certification import certification_for
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return compliance_site()


@pytest.fixture
def uncertified():
    """A site that counts published pages without certification (like the demo)."""
    return compliance_site(certification=False)


def agency_index(site):
    return publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")


def statuses(site, code="gws", edition=None):
    standards = Standard.objects.filter(code=code)
    if edition:
        standards = standards.filter(edition=edition)
    [result] = site_results(site, list(standards))
    return {status.item.code: status for status in result.statuses}


def all_statuses(site):
    return {
        (result.standard.key, status.item.code): status.status
        for result in site_results(site)
        for status in result.statuses
    }


def test_live_page_of_the_named_kind_meets_its_item(uncertified):
    index = agency_index(uncertified)
    publish(index, AgencyInfoPage, "history", kind="history", title="ประวัติความเป็นมา")
    result = statuses(uncertified)
    assert result["GWS-B01"].status == MET
    assert result["GWS-B01"].findings[0].evidence.url == "http://localhost/agency/history/"
    assert result["GWS-B02"].status == MISSING  # vision and mission: another kind


def test_published_page_without_certification_is_pending_when_certification_is_required(site):
    publish(agency_index(site), AgencyInfoPage, "history", kind="history")
    assert (statuses(site)["GWS-B01"].status, statuses(site)["GWS-B01"].reason_code) == (
        PENDING,
        "not_certified",
    )


def test_page_certified_through_the_workflow_meets_its_item_and_names_the_certifier(site):
    users = role_users(site)
    page = AgencyInfoPage(
        slug="history", title="ประวัติความเป็นมา", kind="history", live=False, source_text="กองวิชาการ"
    )
    agency_index(site).add_child(instance=page)
    page = certify(page, users)
    assert page.live
    status = statuses(site)["GWS-B01"]
    assert status.status == MET
    assert status.findings[0].evidence.certifier_name == users[Role.APPROVER].get_full_name()


def test_evidence_has_the_certification_and_publication_date_of_the_metadata_box(site):
    """The evidence reads many pages at once, through the same rules the page's metadata box uses."""
    users = role_users(site)
    page = AgencyInfoPage(slug="history", title="ประวัติ", kind="history", live=False, source_text="กองวิชาการ")
    agency_index(site).add_child(instance=page)
    page = certify(page, users)
    page.save_revision(user=users[Role.WEBMASTER])  # a later draft: the live revision stays certified
    items = ChecklistItem.objects.filter(code="GWS-B01")
    [evidence] = [e for e in gather_evidence(site, items) if e.object_id == page.pk]
    certification = certification_for(page)
    assert (evidence.certified_at, evidence.certifier_name) == (
        certification.certified_at,
        certification.certifier_name,
    )
    assert evidence.fiscal_year == fiscal_year_of(AgencyInfoPage.objects.get(pk=page.pk).publication_date)


def test_draft_that_was_never_published_is_pending(uncertified):
    page = AgencyInfoPage(slug="history", title="ประวัติ", kind="history", live=False)
    agency_index(uncertified).add_child(instance=page)
    assert statuses(uncertified)["GWS-B01"].reason_code == "not_live"


def test_unpublishing_one_evidence_page_changes_exactly_its_items(uncertified):
    index = agency_index(uncertified)
    publish(index, AgencyInfoPage, "vision", kind="vision")
    publish(index, AgencyInfoPage, "mission", kind="mission")
    powers = publish(index, AgencyInfoPage, "powers", kind="powers_duties")
    before = all_statuses(uncertified)
    powers.unpublish()
    after = all_statuses(uncertified)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {
        ("gws:2.0", "GWS-B05"),
        ("gws:2.0", "GWS-B06"),
        ("ita_oit:2567", "O3"),
        ("ita_oit:2568", "O1"),
    }
    assert after[("gws:2.0", "GWS-B06")] == PARTIAL  # missions still published, responsibilities not
    assert all(after[key] == PENDING for key in changed - {("gws:2.0", "GWS-B06")})
    assert {key: before[key] for key in changed} == {
        ("gws:2.0", "GWS-B05"): MET,
        ("gws:2.0", "GWS-B06"): MET,  # missions and responsibilities: both parts were published
        ("ita_oit:2567", "O3"): MET,
        ("ita_oit:2568", "O1"): PARTIAL,  # structure and powers: the structure was never published
    }
    assert before[("gws:2.0", "GWS-B02")] == after[("gws:2.0", "GWS-B02")] == MET


def test_expired_page_is_out_of_date(uncertified):
    page = publish(agency_index(uncertified), AgencyInfoPage, "history", kind="history")
    page.unpublish(set_expired=True)
    assert (statuses(uncertified)["GWS-B01"].status, statuses(uncertified)["GWS-B01"].reason_code) == (
        STALE,
        "expired",
    )


def test_page_past_its_review_date_is_out_of_date(uncertified):
    publish(
        agency_index(uncertified), AgencyInfoPage, "history", kind="history", review_by=dt.date(2020, 1, 1)
    )
    assert statuses(uncertified)["GWS-B01"].reason_code == "review_overdue"


def test_current_year_item_is_out_of_date_with_last_years_plan_and_met_with_this_years(uncertified):
    index = agency_index(uncertified)
    year = current_fiscal_year()
    publish(
        index, PlanDocumentPage, "plan-old", kind="action_plan", fiscal_year=year - 1, document=document()
    )
    assert statuses(uncertified, "ita_oit", "2568")["O6"].reason_code == "old_fiscal_year"
    publish(index, PlanDocumentPage, "plan-new", kind="action_plan", fiscal_year=year, document=document())
    assert statuses(uncertified, "ita_oit", "2568")["O6"].status == MET


def test_previous_year_report_meets_an_annual_report_item(uncertified):
    year = current_fiscal_year()
    publish(
        agency_index(uncertified),
        PlanDocumentPage,
        "report",
        kind="annual_report",
        fiscal_year=year - 1,
        document=document(),
    )
    assert statuses(uncertified, "ita_oit", "2568")["O7"].status == MET


def test_item_ticked_in_the_metadata_tab_makes_the_page_evidence(uncertified):
    item = ChecklistItem.objects.get(standard__code="ita_oit", standard__edition="2568", code="O22")
    page = publish(
        agency_index(uncertified), AgencyInfoPage, "gifts", kind="general", title="รายงานการรับทรัพย์สิน"
    )
    assert statuses(uncertified, "ita_oit", "2568")["O22"].status == MISSING
    page.checklist_items = [item]
    page.save_revision().publish()
    assert statuses(uncertified, "ita_oit", "2568")["O22"].status == MET


def test_ticks_in_an_unpublished_draft_do_not_count(uncertified):
    item = ChecklistItem.objects.get(standard__code="ita_oit", standard__edition="2568", code="O22")
    page = publish(agency_index(uncertified), AgencyInfoPage, "gifts", kind="general")
    page.checklist_items = [item]
    page.save_revision()  # a draft: the live page has no tick yet
    assert statuses(uncertified, "ita_oit", "2568")["O22"].status == MISSING


def test_manual_evidence_meets_an_item_on_its_own_site_only(uncertified):
    other = compliance_site("other.example", title="เทศบาลอื่น", is_default=False, certification=False)
    publish(agency_index(uncertified), AgencyInfoPage, "english", kind="general", title="About us")
    item = ChecklistItem.objects.get(code="GWS-F01")
    ManualEvidence.objects.create(
        site=uncertified,
        item=item,
        title="เว็บไซต์ภาษาอังกฤษ",
        url="http://localhost/agency/english/",
        recorded_by=role_users(uncertified)[Role.WEBMASTER],
    )
    assert statuses(uncertified)["GWS-F01"].status == MET
    assert statuses(uncertified)["GWS-F01"].findings[0].evidence.url == "http://localhost/agency/english/"
    assert statuses(other)["GWS-F01"].status == MISSING
    ManualEvidence.objects.create(
        site=other, item=item, title="ลิงก์ไปเว็บไซต์อื่น", url="http://localhost/agency/english/"
    )
    assert statuses(other)["GWS-F01"].status == REVIEW  # another municipality's page is not its evidence


def test_pages_of_another_site_are_not_evidence(uncertified):
    other = compliance_site("other.example", title="เทศบาลอื่น", is_default=False)
    publish(agency_index(other), AgencyInfoPage, "history", kind="history")
    assert statuses(uncertified)["GWS-B01"].status == MISSING


def test_restricted_page_is_pending(uncertified):
    page = publish(agency_index(uncertified), AgencyInfoPage, "history", kind="history")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert statuses(uncertified)["GWS-B01"].reason_code == "not_public"


def test_features_of_the_site_are_evidence(uncertified):
    home = uncertified.root_page
    home.save_revision().publish()
    publish(home, SiteMapPage, "site-map", title="แผนผังเว็บไซต์")
    settings = MunicipalitySettings.for_site(uncertified)
    settings.address, settings.phone, settings.map_url = "99 หมู่ 1", "0 9999 0000", "https://maps.example/x"
    settings.save()
    SocialLink.objects.create(settings=settings, platform="facebook", url="https://facebook.example/page")
    result = statuses(uncertified)
    assert result["GWS-B17"].status == MET
    assert result["GWS-B09"].findings[0].evidence.url == "https://maps.example/x"
    assert result["GWS-I04"].evidence_urls == ["https://facebook.example/page"]
    assert result["GWS-F04"].status == MET  # every live page has the date it was last published
    assert result["GWS-N01"].status == MISSING  # localhost is not a .go.th domain
    assert result["GWS-SEC01"].status == MISSING  # served at http://localhost


def test_local_item_counts_on_its_own_site(uncertified):
    standard = Standard.objects.get(code="gws")
    local = ChecklistItem.objects.create(
        standard=standard, site=uncertified, code="LOCAL-1", name_th="ข้อมูลตำบล"
    )
    result = statuses(uncertified)
    assert result["LOCAL-1"].status == MISSING
    page = publish(agency_index(uncertified), AgencyInfoPage, "tambon", kind="general")
    page.checklist_items = [local]
    page.save_revision().publish()
    assert statuses(uncertified)["LOCAL-1"].status == MET
    other = compliance_site("other.example", title="เทศบาลอื่น", is_default=False)
    assert "LOCAL-1" not in statuses(other)


def evidence_queries(site, django_assert_max_num_queries, bound):
    items = list(ChecklistItem.objects.for_site(site).select_related("standard"))
    site = type(site).objects.select_related("root_page").get(pk=site.pk)
    with django_assert_max_num_queries(bound):
        return list(gather_evidence(site, items))


@pytest.mark.parametrize("count", [3, 30])
def test_gathering_evidence_runs_the_same_number_of_queries_for_3_and_30_pages(
    uncertified, count, django_assert_max_num_queries
):
    index = agency_index(uncertified)
    item = ChecklistItem.objects.get(standard__code="ita_oit", standard__edition="2568", code="O22")
    for n in range(count):
        page = publish(index, AgencyInfoPage, f"page-{n}", kind=["history", "vision", "general"][n % 3])
        page.checklist_items = [item]
        page.save_revision().publish()
    # One query per page type that can be evidence, plus ticks, restrictions, certifiers, manual evidence
    # and the feature checks: a bound that does not depend on the number of pages.
    bound = len(thgov_page_models()) + 8
    evidence = evidence_queries(uncertified, django_assert_max_num_queries, bound)
    assert sum(1 for piece in evidence if piece.item_key == item.pk) == count
