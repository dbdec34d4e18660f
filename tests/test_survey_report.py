"""The satisfaction report in the admin (per site, per fiscal year), its .xlsx export and the dashboard panel."""

import datetime as dt
import io
import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import PASSWORD, make_site, make_user, role_users
from tests.test_pages_home import tree_root
from wagtail_thgov.core.thai import current_fiscal_year, fiscal_year_bounds
from wagtail_thgov.stats.models import (
    QuestionKind,
    SatisfactionRating,
    SiteVisitDay,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from wagtail_thgov.stats.pages import SatisfactionSurveyPage

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>"
FORMULA = "=cmd|' /C calc'!A0"
REPORT = "/admin/reports/thgov-satisfaction/"
VISITORS = itertools.count()
EXPORT = "/admin/reports/thgov-satisfaction/export/"


def add_survey(site, title="แบบสำรวจความพึงพอใจ", slug="survey"):
    page = SatisfactionSurveyPage(title=title, slug=slug)
    for order, (kind, text, service) in enumerate(
        [
            (QuestionKind.RATING, "ความพึงพอใจต่อเจ้าหน้าที่", "งานทะเบียนราษฎร"),
            (QuestionKind.RATING, "ความพึงพอใจต่อเว็บไซต์", ""),
            (QuestionKind.TEXT, "ข้อเสนอแนะ", ""),
        ]
    ):
        page.questions.add(SurveyQuestion(kind=kind, text=text, service_name=service, sort_order=order))
    site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def respond(page, site, date, ratings, text="", visitor=None):
    from wagtail_thgov.core.thai import fiscal_year_of

    response = SurveyResponse.objects.create(
        site=site,
        page=page,
        date=date,
        fiscal_year=fiscal_year_of(date),
        visitor_hash=visitor or f"v{next(VISITORS)}",
    )
    for question, value in zip(page.questions.all(), [*ratings, text], strict=False):
        if question.kind == QuestionKind.RATING and value:
            SurveyAnswer.objects.create(
                response=response,
                question=question,
                question_text=question.text,
                kind=question.kind,
                rating=value,
            )
        elif question.kind == QuestionKind.TEXT and value:
            SurveyAnswer.objects.create(
                response=response,
                question=question,
                question_text=question.text,
                kind=question.kind,
                text=value,
            )
    return response


@pytest.fixture
def two_sites():
    tree_root()
    first = make_site("a.example", title="เทศบาลตำบลหนึ่ง")
    second = make_site("b.example", title="เทศบาลตำบลสอง", is_default=False)
    return first, second


@pytest.fixture
def surveys(two_sites):
    first, second = two_sites
    mine = add_survey(first)
    theirs = add_survey(second, title="แบบสำรวจของเทศบาลสอง", slug="survey-b")
    start, _end = fiscal_year_bounds(current_fiscal_year())
    today = timezone.localdate()
    respond(mine, first, today, (5, 4), XSS)
    respond(mine, first, today, (4, 4), FORMULA)
    respond(mine, first, start, (2, 3), "")
    respond(mine, first, start - dt.timedelta(days=1), (1, 1), "ปีก่อน")  # the previous fiscal year
    respond(theirs, second, today, (1, 1), "ความลับของเทศบาลสอง")
    SatisfactionRating.objects.create(site=first, date=today, visitor_hash="w1", rating=5, comment=XSS)
    SatisfactionRating.objects.create(
        site=first, page=mine, date=today, visitor_hash="w2", rating=3, comment=""
    )
    SatisfactionRating.objects.create(site=second, date=today, visitor_hash="w3", rating=1, comment="ของสอง")
    return mine, theirs


def login(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_webmaster_sees_the_report_of_their_site_for_the_current_fiscal_year(two_sites, surveys):
    first, _second = two_sites
    mine, theirs = surveys
    client = login(role_users(first)["webmaster"])
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert mine.title in html and f"{current_fiscal_year()}" in html
    assert "<dt>Number of respondents</dt><dd>3</dd>" in html
    # question 1: 5, 4, 2 -> 3.67; question 2: 4, 4, 3 -> 3.67; overall 22/6 = 3.67
    assert html.count("3.67") >= 3
    assert 'role="img"' in html and "<desc" in html and "thgov-chart__bar" in html
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "=cmd|&#x27; /C calc&#x27;!A0" in html
    assert "ปีก่อน" not in html  # last fiscal year's comment
    assert "Satisfaction widget ratings in this fiscal year" in html
    assert theirs.title not in html and "ความลับของเทศบาลสอง" not in html and "ของสอง" not in html
    # Another site's survey asked for by id: not offered, the user's own survey is shown instead.
    other = client.get(REPORT, {"survey": theirs.pk}).content.decode()
    assert "ความลับของเทศบาลสอง" not in other
    partial = client.get(f"{REPORT}results/", {"survey": mine.pk, "fiscal_year": current_fiscal_year()})
    assert partial.status_code == 200 and "thgov-chart__bar" in partial.content.decode()  # filters' refresh
    previous = client.get(
        REPORT, {"survey": mine.pk, "fiscal_year": current_fiscal_year() - 1}
    ).content.decode()
    assert "ปีก่อน" in previous and "<dt>Number of respondents</dt><dd>1</dd>" in previous


def test_only_webmasters_and_superusers_get_the_report_and_the_export(two_sites, surveys):
    first, second = two_sites
    mine, theirs = surveys
    users = role_users(first)
    for role in ("uploader", "approver"):
        client = login(users[role])
        assert client.get(REPORT).status_code != 200
        assert client.get(EXPORT, {"survey": mine.pk}).status_code != 200
    webmaster = login(users["webmaster"])
    assert webmaster.get(EXPORT, {"survey": theirs.pk}).status_code != 200
    superuser = login(make_user("root", superuser=True))
    assert superuser.get(REPORT, {"survey": theirs.pk}).status_code == 200
    assert superuser.get(EXPORT, {"survey": theirs.pk})["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )


def test_the_annual_report_workbook(two_sites, surveys):
    first, _second = two_sites
    mine, _theirs = surveys
    client = login(role_users(first)["webmaster"])
    response = client.get(EXPORT, {"survey": mine.pk, "fiscal_year": current_fiscal_year()})
    assert response.status_code == 200
    assert f"{mine.slug}-{current_fiscal_year()}.xlsx" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Summary", "Distribution", "Comments"]
    summary = workbook["Summary"]
    facts = {row[0]: row[1] for row in summary.iter_rows(min_row=3, max_row=11, max_col=2, values_only=True)}
    start, end = fiscal_year_bounds(current_fiscal_year())
    assert facts["Municipality"] == "เทศบาลตำบลหนึ่ง"
    assert facts["Survey"] == mine.title
    assert facts["Fiscal year"] == f"Fiscal year B.E. {current_fiscal_year()}"
    assert facts["Period"] == f"1 ตุลาคม {start.year + 543} to 30 กันยายน {end.year + 543}"
    assert facts["Number of respondents"] == 3
    assert facts["Overall average (out of 5)"] == pytest.approx(3.67)
    assert facts["Overall level of satisfaction"] == "High"
    assert facts["Satisfied or very satisfied (levels 4–5), percent"] == pytest.approx(66.7)
    assert summary.freeze_panes == "A14"
    assert summary["A13"].value == "Question" and summary["A13"].font.name == "Tahoma"
    rows = list(summary.iter_rows(min_row=14, values_only=True))
    assert rows[0][:6] == ("1. ความพึงพอใจต่อเจ้าหน้าที่", "งานทะเบียนราษฎร", 3, pytest.approx(3.67), 66.7, "High")
    assert rows[2][0] == "Overall (all rating questions)" and rows[2][2] == 6
    assert rows[3][0] == "Satisfaction widget: the whole website" and rows[3][2:4] == (1, 5)
    assert rows[4][0] == f"Satisfaction widget: page “{mine.title}”" and rows[4][2:4] == (1, 3)
    distribution = list(workbook["Distribution"].iter_rows(min_row=4, values_only=True))
    assert distribution[0][:8] == ("1. ความพึงพอใจต่อเจ้าหน้าที่", "งานทะเบียนราษฎร", 1, 1, 0, 1, 0, 3)
    comments = workbook["Comments"]
    cells = [cell for row in comments.iter_rows(min_row=4) for cell in row]
    texts = [cell.value for cell in cells]
    assert XSS in texts and FORMULA in texts and "ปีก่อน" not in texts
    formula_cell = next(cell for cell in cells if cell.value == FORMULA)
    assert formula_cell.data_type == "s" and formula_cell.quotePrefix
    every = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in every if cell.data_type == "f"]
    assert comments.column_dimensions["D"].width == 70


def test_dashboard_panel_shows_the_last_30_days_in_constant_queries(two_sites, surveys):
    first, second = two_sites
    users = role_users(first)
    client = login(users["webmaster"])
    SatisfactionRating.objects.create(site=second, date=timezone.localdate(), visitor_hash="x", rating=2)

    def dashboard():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/admin/").content.decode()
        return html, len(queries)

    html, before = dashboard()
    assert 'id="thgov-visits-section"' in html and "<svg" in html
    today = timezone.localdate()
    for offset in range(30):
        SiteVisitDay.objects.create(site=first, date=today - dt.timedelta(days=offset), views=10, uniques=4)
        SiteVisitDay.objects.create(
            site=second, date=today - dt.timedelta(days=offset), views=1000, uniques=400
        )
    html, after = dashboard()
    assert after <= before
    panel = html[html.index('id="thgov-visits-section"') :]
    assert "<dd>300</dd>" in panel and "<dd>120</dd>" in panel  # this site only
    assert "Average 4.00 out of 5 from 2 ratings" in panel  # the widget's 5 and 3 of this site
    uploader = login(users["uploader"])
    assert 'id="thgov-visits-section"' not in uploader.get("/admin/").content.decode()


def test_webmaster_edits_the_questions_in_the_page_editor(two_sites, surveys):
    first, _second = two_sites
    mine, _theirs = surveys
    client = login(role_users(first)["webmaster"])
    html = client.get(f"/admin/pages/{mine.pk}/edit/").content.decode()
    assert 'id="id_questions-TOTAL_FORMS"' in html and "ความพึงพอใจต่อเจ้าหน้าที่" in html
    assert 'name="questions-0-kind"' in html and 'name="questions-0-service_page"' in html
    assert 'name="show_results"' in html


def test_the_report_takes_a_constant_number_of_queries(two_sites, surveys, django_assert_max_num_queries):
    first, _second = two_sites
    mine, _theirs = surveys
    client = login(role_users(first)["webmaster"])
    client.get(REPORT)  # the session and the user's groups warmed up
    with CaptureQueriesContext(connection) as small:
        assert client.get(REPORT, {"survey": mine.pk}).status_code == 200
    count = len(small)  # now: the next request empties the log
    today = timezone.localdate()
    for number in range(30):
        respond(mine, first, today, (1 + number % 5, 2), f"ความเห็น {number}")
        SatisfactionRating.objects.create(
            site=first, page=mine if number % 2 else None, date=today, visitor_hash=f"q{number}", rating=4
        )
    with django_assert_max_num_queries(count):
        html = client.get(REPORT, {"survey": mine.pk}).content.decode()
    assert "<dt>Number of respondents</dt><dd>33</dd>" in html and "ความเห็น 29" in html
