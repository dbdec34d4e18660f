"""Near matches no longer meet items: each item is met only by the evidence its wording asks for, in its
period, with every part; webmaster notes are evidence only with a live link or a file; features are
measured on the site."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.compliance_support import compliance_site, document, publish
from tests.factories import role_users
from wagtail_thgov.compliance.evaluator import MET, MISSING, PARTIAL, REVIEW, STALE
from wagtail_thgov.compliance.models import ChecklistItem, ManualEvidence, Standard
from wagtail_thgov.compliance.results import site_results
from wagtail_thgov.core.thai import current_fiscal_year
from wagtail_thgov.eservice.pages import EServiceIndexPage, EServiceKind, EServicePage
from wagtail_thgov.pages.agency import AgencyIndexPage, PlanDocumentPage
from wagtail_thgov.pages.law import LawIndexPage, LawKind, LawPage
from wagtail_thgov.pages.news import AnnouncementIndexPage, JobAnnouncementPage
from wagtail_thgov.pages.procurement import ProcurementSummaryPage
from wagtail_thgov.pages.public_info import PublicInfoIndexPage, PublicInfoPage
from wagtail_thgov.stats.pages import SatisfactionSurveyPage
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def site():
    return compliance_site(certification=False)


def status_of(site, code, edition, item_code):
    [result] = site_results(site, list(Standard.objects.filter(code=code, edition=edition)))
    return next(status for status in result.statuses if status.item.code == item_code)


def law(
    site,
    slug,
    reference,
    url="https://bansuandokmai.example/files/notice.pdf",
    kind=LawKind.ANNOUNCEMENT,
    ticked=(),
):
    index = LawIndexPage.objects.child_of(site.root_page).first() or publish(
        site.root_page, LawIndexPage, "laws", title="กฎหมาย"
    )
    page = publish(
        index,
        LawPage,
        slug,
        kind=kind,
        source_reference=reference,
        source_url=url,
        enacted_on=dt.date(2024, 11, 1),
    )
    if ticked:
        page.checklist_items = list(ticked)
        page.save_revision().publish()
    return page


def test_a_notice_posted_at_the_office_does_not_meet_the_royal_gazette_items(site):
    structure = ChecklistItem.objects.get(standard__code="oia_s7", code="s7(1)")
    law(site, "posted", "ประกาศ ณ สำนักงานเทศบาล ลงวันที่ 1 พฤศจิกายน 2567", ticked=[structure])
    law(site, "bylaw", "ปิดประกาศ ณ ที่ทำการ", kind=LawKind.BYLAW)
    for code in ("s7(1)", "s7(4)"):
        status = status_of(site, "oia_s7", "2540", code)
        assert (status.status, status.reason_code) == (MISSING, "not_in_gazette"), code


def test_a_law_page_citing_the_royal_gazette_meets_them(site):
    structure = ChecklistItem.objects.get(standard__code="oia_s7", code="s7(1)")
    law(site, "structure", "ราชกิจจานุเบกษา เล่ม 141 ตอนพิเศษ 12 ง หน้า 30", ticked=[structure])
    law(site, "bylaw", "เทศบัญญัติ", url="https://ratchakitcha.soc.go.th/documents/1.pdf", kind=LawKind.BYLAW)
    assert status_of(site, "oia_s7", "2540", "s7(1)").status == MET
    assert status_of(site, "oia_s7", "2540", "s7(4)").status == MET
    assert status_of(site, "oia_s7", "2540", "s7(2)").status == MISSING  # ticked for s7(1) only


def eservice(site, slug, kind):
    index = EServiceIndexPage.objects.child_of(site.root_page).first() or publish(
        site.root_page, EServiceIndexPage, "e-services", title="บริการออนไลน์"
    )
    return publish(index, EServicePage, slug, service_kind=kind, responsible_unit="สำนักปลัด", promised_days=15)


def test_a_questions_service_is_not_a_complaint_channel(site):
    eservice(site, "questions", EServiceKind.INFORMATION_REQUEST)
    eservice(site, "request", EServiceKind.SERVICE_REQUEST)
    assert status_of(site, "gws", "2.0", "GWS-I06").status == MISSING


def test_a_complaint_service_with_status_tracking_is_a_complaint_channel(site):
    eservice(site, "complaints", EServiceKind.COMPLAINT)
    status = status_of(site, "gws", "2.0", "GWS-I06")
    assert status.status == MET
    assert [part.status for part in status.parts] == [MET, MET]
    assert "/e-service/status/" in status.parts[1].findings[0].evidence.url


def test_the_website_poll_is_not_a_service_satisfaction_report(site):
    site.root_page.add_child(instance=SatisfactionSurveyPage(title="แบบสำรวจความพึงพอใจ", slug="survey"))
    assert status_of(site, "gws", "2.0", "GWS-I07").status == MET  # it is the website's online survey
    assert status_of(site, "ita_oit", "2567", "O17").status == MISSING


def test_one_public_information_page_does_not_meet_the_whole_oia_item(site):
    centre = publish(site.root_page, PublicInfoIndexPage, "info", title="ศูนย์ข้อมูลข่าวสาร")
    publish(centre, PublicInfoPage, "decisions", oia_section="s9_1", fiscal_year=current_fiscal_year())
    status = status_of(site, "gws", "2.0", "GWS-B14")
    assert status.status == PARTIAL
    assert len(status.missing_parts) == 7


def test_a_procurement_plan_alone_is_only_part_of_the_procurement_list_and_progress(site):
    agency = publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")
    publish(
        agency,
        PlanDocumentPage,
        "procurement-plan",
        kind="procurement_plan",
        fiscal_year=current_fiscal_year(),
        document=document(),
    )
    status = status_of(site, "ita_oit", "2568", "O12")
    assert status.status == PARTIAL
    assert [part.item.code for part in status.missing_parts] == ["O12.2"]


def test_one_monthly_summary_does_not_cover_every_month_so_far(site):
    today = timezone.localdate()
    announcements = publish(site.root_page, AnnouncementIndexPage, "announcements", title="ประกาศ")
    publish(
        announcements,
        ProcurementSummaryPage,
        "summary",
        month=(today.month - 2) % 12 + 1,  # last month
        fiscal_year=current_fiscal_year(today - dt.timedelta(days=today.day)),
        announcement_date=today,
    )
    status = status_of(site, "oia_s9_8", "2558-2560", "s9(8)-PROC-MONTHLY")
    completed_months_this_year = (today.month - 10) % 12
    assert status.status == (MET if completed_months_this_year <= 1 else PARTIAL)


def test_a_job_notice_of_an_earlier_fiscal_year_does_not_meet_the_recruitment_part(site):
    announcements = publish(site.root_page, AnnouncementIndexPage, "announcements", title="ประกาศ")
    publish(
        announcements,
        JobAnnouncementPage,
        "job-2568",
        announcement_date=dt.date(2025, 3, 3),
        positions="พนักงานจ้าง 1 อัตรา",
        application_start=dt.date(2025, 3, 10),
        application_end=dt.date(2025, 3, 21),
    )
    status = status_of(site, "oia_s9_8", "2558-2560", "s9(8)-TR-5")
    recruitment = status.parts[0]
    assert (recruitment.status, recruitment.reason_code) == (STALE, "old_fiscal_year")
    assert status.status == STALE


def note(site, item_code, **fields):
    item = ChecklistItem.objects.get(standard__code="gws", code=item_code)
    webmaster = User.objects.filter(username=f"{Role.WEBMASTER}-{site.pk}").first()
    values = {"title": "บันทึก", "recorded_by": webmaster or role_users(site)[Role.WEBMASTER]}
    values.update(fields)
    return ManualEvidence.objects.create(site=site, item=item, **values)


def test_a_note_without_a_link_or_a_file_is_not_evidence(site):
    note(site, "GWS-F02", note="ทดสอบกับเบราว์เซอร์หลักแล้ว")
    status = status_of(site, "gws", "2.0", "GWS-F02")
    assert (status.status, status.reason_code) == (REVIEW, "no_link_or_file")


def test_a_note_linking_outside_the_site_or_to_a_missing_page_is_to_review(site):
    note(site, "GWS-F02", url="https://example.org/report/")
    note(site, "GWS-F03", url="http://localhost/no-such-page/")
    assert status_of(site, "gws", "2.0", "GWS-F02").reason_code == "link_not_live"
    assert status_of(site, "gws", "2.0", "GWS-F03").reason_code == "link_not_live"


def test_a_note_with_a_file_counts_until_its_review_date_then_lapses(site):
    record = note(site, "GWS-F02", document=document("ผลการทดสอบ", "responsive.pdf"))
    assert record.review_by == dt.date(current_fiscal_year() - 543, 9, 30)  # end of the fiscal year
    assert status_of(site, "gws", "2.0", "GWS-F02").status == MET
    ManualEvidence.objects.filter(pk=record.pk).update(review_by=timezone.localdate() - dt.timedelta(days=1))
    status = status_of(site, "gws", "2.0", "GWS-F02")
    assert (status.status, status.reason_code) == (REVIEW, "review_lapsed")


def test_https_and_the_domain_are_measured_from_the_sites_root_url(site):
    assert status_of(site, "gws", "2.0", "GWS-SEC01").status == MISSING
    assert status_of(site, "gws", "2.0", "GWS-N01").status == MISSING
    site.hostname, site.port = "bansuan.go.th", 443
    site.save()
    https = status_of(site, "gws", "2.0", "GWS-SEC01")
    assert https.status == MET and https.findings[0].evidence.url == "https://bansuan.go.th/"
    assert status_of(site, "gws", "2.0", "GWS-N01").status == MET


def test_the_rss_feed_lists_the_sites_own_news_and_meets_gws_f06(client, site):
    from wagtail_thgov.pages.news import NewsIndexPage, NewsPage

    other = compliance_site("other.example", title="เทศบาลอื่น", is_default=False, certification=False)
    assert status_of(site, "gws", "2.0", "GWS-F06").status == MISSING  # no news yet
    for owner, title in ((site, "ข่าวของเรา"), (other, "ข่าวของเทศบาลอื่น")):
        index = publish(owner.root_page, NewsIndexPage, "news", title="ข่าว")
        publish(index, NewsPage, "story", title=title, news_date=dt.date(2026, 11, 1), summary="สรุป")
    response = client.get("/rss.xml", HTTP_HOST="localhost")
    text = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    assert "ข่าวของเรา" in text and "ข่าวของเทศบาลอื่น" not in text
    status = status_of(site, "gws", "2.0", "GWS-F06")
    assert status.status == MET and status.findings[0].evidence.url == "http://localhost/rss.xml"
