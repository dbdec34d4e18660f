"""Citizens rate a page and answer the satisfaction survey in Chromium: the average and the count change,
and a second rating (or survey response) the same day is refused with a message."""

import re

import pytest
from django.utils import timezone, translation
from wagtail.models import Site

pytestmark = pytest.mark.e2e

AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"


def build_site(root):
    from wagtail_thgov.pages.home import MunicipalityHomePage
    from wagtail_thgov.pages.knowledge import KnowledgeIndexPage, KnowledgeKind, KnowledgePage
    from wagtail_thgov.stats.models import QuestionKind, SurveyQuestion
    from wagtail_thgov.stats.pages import SatisfactionSurveyPage

    def publish(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    home = publish(root, MunicipalityHomePage(title="เทศบาลตำบลทดสอบเบราว์เซอร์", slug="satisfaction-home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    from wagtail_thgov.site_settings.models import MunicipalitySettings

    municipality = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    municipality.name_th = home.title
    municipality.save()
    index = publish(home, KnowledgeIndexPage(title="คลังความรู้", slug="knowledge"))
    rated = publish(
        index,
        KnowledgePage(
            title="การคัดแยกขยะในครัวเรือน",
            slug="waste",
            kind=list(KnowledgeKind)[0],
            source_text="กองสาธารณสุขและสิ่งแวดล้อม",
            source_datetime=timezone.now(),
            body=[("paragraph", "<p>แยกขยะก่อนทิ้งทุกครั้ง</p>"), ("satisfaction", {"scope": "page"})],
        ),
    )
    survey = SatisfactionSurveyPage(title="แบบสำรวจความพึงพอใจ", slug="survey")
    survey.questions.add(
        SurveyQuestion(kind=QuestionKind.RATING, text="ความพึงพอใจต่อการให้บริการ", sort_order=0)
    )
    survey.questions.add(
        SurveyQuestion(kind=QuestionKind.TEXT, text="ข้อเสนอแนะ", required=False, sort_order=1)
    )
    publish(home, survey)
    return rated, survey


def average_text(page):
    return page.locator(".thgov-satisfaction__average").inner_text()


def rate(page, url, value, comment=""):
    page.goto(url)
    page.check(f"#thgov-satisfaction input[name=rating][value='{value}']")
    if comment:
        page.fill("#thgov-satisfaction-comment", comment)
    with page.expect_navigation():
        page.click("#thgov-satisfaction button[type=submit]")


def test_rating_a_page_changes_the_average_and_a_second_rating_is_refused(
    live_server, wagtail_seed, browser, page, screenshot
):
    rated, _survey = build_site(wagtail_seed)
    url = f"{live_server.url}{rated.url}"
    with translation.override("th"):
        no_ratings = str(translation.gettext("No ratings yet."))
        already = str(
            translation.gettext("You have already rated this today. You can rate it again tomorrow.")
        )

    page.goto(url)
    assert average_text(page) == no_ratings

    rate(page, url, 5, "<script>alert(1)</script>")
    assert page.locator(".thgov-satisfaction__message--ok").is_visible()
    first = average_text(page)
    assert "5.0" in first and re.search(r"\b1\b", first), first

    other = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok", user_agent=AGENT + " other")
    try:
        second_visitor = other.new_page()
        rate(second_visitor, url, 2)
        second = average_text(second_visitor)
        assert "3.5" in second and re.search(r"\b2\b", second), second
    finally:
        other.close()

    rate(page, url, 1)  # the first visitor again, the same day
    refused = page.locator(".thgov-satisfaction__message--refused")
    assert refused.inner_text() == already
    assert average_text(page) == second  # nothing stored twice
    assert page.locator("script", has_text="alert(1)").count() == 0
    assert screenshot("refused").stat().st_size > 0


def test_answering_the_survey_in_chromium(live_server, wagtail_seed, page, screenshot):
    _rated, survey = build_site(wagtail_seed)
    url = f"{live_server.url}{survey.url}"

    page.goto(url)
    with page.expect_navigation():
        page.click("#thgov-survey button[type=submit]")  # nothing chosen: refused on the field
    assert page.locator(".thgov-survey__error").count() == 1
    page.fill("#thgov-survey textarea", "ขอบคุณเจ้าหน้าที่")
    with page.expect_navigation():
        page.click("#thgov-survey button[type=submit]")
    assert page.locator("#thgov-survey textarea").input_value() == "ขอบคุณเจ้าหน้าที่"  # the input is kept

    page.locator("#thgov-survey input[type=radio][value='4']").check()
    with page.expect_navigation():
        page.click("#thgov-survey button[type=submit]")
    assert page.locator(".thgov-survey__message--ok").is_visible()
    results = page.locator("#thgov-survey-results").inner_text()
    # The open answer waits for a webmaster (moderation, tests/e2e/test_moderation_in_chromium.py).
    assert "4.00" in results and "ขอบคุณเจ้าหน้าที่" not in results
    assert page.locator("#thgov-survey-results svg[role=img]").count() == 1

    page.locator("#thgov-survey input[type=radio][value='1']").check()
    with page.expect_navigation():
        page.click("#thgov-survey button[type=submit]")
    assert page.locator(".thgov-survey__message--refused").is_visible()
    assert "4.00" in page.locator("#thgov-survey-results").inner_text()
    assert screenshot("survey").stat().st_size > 0


def test_webmaster_reads_the_report_and_downloads_the_workbook(live_server, wagtail_seed, page, screenshot):
    import io

    from openpyxl import load_workbook

    from tests.factories import PASSWORD, role_users
    from wagtail_thgov.core.thai import current_fiscal_year
    from wagtail_thgov.installation import run_setup
    from wagtail_thgov.stats.models import SurveyAnswer, SurveyResponse

    _rated, survey = build_site(wagtail_seed)
    run_setup()
    site = Site.objects.get(is_default_site=True)
    question = survey.questions.get(sort_order=0)
    for number, (rating, comment) in enumerate([(5, "=cmd|' /C calc'!A0"), (4, "<script>alert(1)</script>")]):
        response = SurveyResponse.objects.create(
            site=site,
            page=survey,
            date=timezone.localdate(),
            fiscal_year=current_fiscal_year(),
            visitor_hash=f"e2e{number}",
        )
        SurveyAnswer.objects.create(
            response=response, question=question, question_text=question.text, kind="rating", rating=rating
        )
        comments = survey.questions.get(sort_order=1)
        SurveyAnswer.objects.create(
            response=response, question=comments, question_text=comments.text, kind="text", text=comment
        )
    webmaster = role_users(site)["webmaster"]

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", webmaster.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.locator("#thgov-visits-section svg[role=img]").count() == 1  # the dashboard panel

    page.goto(f"{live_server.url}/admin/reports/thgov-satisfaction/")
    assert page.locator("table.listing svg[role=img]").count() == 1
    assert "4.50" in page.locator("main").inner_text()
    assert page.locator("script", has_text="alert(1)").count() == 0
    screenshot("report")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"\.xlsx")).click()
    workbook = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    texts = [cell.value for row in workbook.worksheets[2].iter_rows() for cell in row]
    assert "=cmd|' /C calc'!A0" in texts and "<script>alert(1)</script>" in texts


def test_survey_page_has_no_accessibility_violations(live_server, wagtail_seed, page):
    from axe_playwright_python.sync_playwright import Axe

    _rated, survey = build_site(wagtail_seed)
    page.goto(f"{live_server.url}{survey.url}")
    with page.expect_navigation():
        page.click("#thgov-survey button[type=submit]")  # with its error messages shown
    violations = Axe().run(page).response["violations"]
    serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, [(v["id"], [node["html"] for node in v["nodes"]]) for v in violations]
