"""The satisfaction survey page: questions, the public form, stored responses and the public results."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from tests.test_pages_home import make_home
from wagtail_thgov.core.thai import current_fiscal_year, fiscal_year_of
from wagtail_thgov.stats import survey
from wagtail_thgov.stats.models import QuestionKind, SurveyAnswer, SurveyQuestion, SurveyResponse
from wagtail_thgov.stats.pages import SatisfactionSurveyPage

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
XSS = "<script>alert(1)</script>"
FORMULA = "=cmd|' /C calc'!A0"


def browser(address="192.0.2.10", **extra):
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address, **extra)


def make_survey(home, slug="survey", questions=None):
    page = SatisfactionSurveyPage(title="แบบสำรวจความพึงพอใจ", slug=slug)
    for order, (kind, text, required, service) in enumerate(
        questions
        or [
            (QuestionKind.RATING, "ความพึงพอใจต่อการให้บริการของเจ้าหน้าที่", True, "งานทะเบียนราษฎร"),
            (QuestionKind.RATING, "ความพึงพอใจต่อความสะดวกของสถานที่", False, ""),
            (QuestionKind.TEXT, "ข้อเสนอแนะเพิ่มเติม", False, ""),
        ]
    ):
        page.questions.add(
            SurveyQuestion(kind=kind, text=text, required=required, service_name=service, sort_order=order)
        )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def answers_for(page, *values, honeypot=""):
    """POST data answering the page's questions in order with ``values`` (``None`` leaves one out)."""
    data = {survey.FORM_MARKER: "1", survey.HONEYPOT: honeypot}
    for question, value in zip(page.questions.all(), values, strict=False):
        if value is not None:
            data[f"q{question.pk}"] = value
    return data


@pytest.fixture
def home():
    return make_home()


@pytest.fixture
def page(home):
    return make_survey(home)


def test_a_response_is_stored_whole_with_its_fiscal_year_and_without_the_address(page):
    response = browser().post(page.url, answers_for(page, 5, 4, "บริการดีมาก"))
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}?thgov_survey=thanks#thgov-survey"
    stored = SurveyResponse.objects.get()
    today = timezone.localdate()
    assert (stored.page_id, stored.site, stored.date) == (page.pk, Site.objects.get(), today)
    assert stored.fiscal_year == fiscal_year_of(today)
    assert "192.0.2.10" not in stored.visitor_hash and len(stored.visitor_hash) == 16
    rows = list(SurveyAnswer.objects.order_by("pk").values_list("question_text", "service", "rating", "text"))
    assert rows == [
        ("ความพึงพอใจต่อการให้บริการของเจ้าหน้าที่", "งานทะเบียนราษฎร", 5, ""),
        ("ความพึงพอใจต่อความสะดวกของสถานที่", "", 4, ""),
        ("ข้อเสนอแนะเพิ่มเติม", "", None, "บริการดีมาก"),
    ]
    shown = browser().get(response["Location"]).content.decode()
    assert "Thank you. Your answers have been recorded." in shown


def test_one_response_per_visitor_per_day(page):
    visitor = browser()
    assert visitor.post(page.url, answers_for(page, 5))["Location"].endswith(
        "thgov_survey=thanks#thgov-survey"
    )
    again = visitor.post(page.url, answers_for(page, 1, 1, "อีกครั้ง"))
    assert again["Location"].endswith("thgov_survey=already#thgov-survey")
    assert (
        browser("192.0.2.11").post(page.url, answers_for(page, 3))["Location"].endswith("thanks#thgov-survey")
    )
    assert SurveyResponse.objects.count() == 2 and SurveyAnswer.objects.count() == 2
    shown = visitor.get(again["Location"]).content.decode()
    assert "You have already answered this survey today" in shown
    assert "thgov-survey__message--refused" in shown


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ((None, 4, "ความเห็น"), "Please choose a level from 1 to 5."),  # the required question left out
        ((6, 4, "ความเห็น"), "Please choose a level from 1 to 5."),
        (("x", 4, "ความเห็น"), "Please choose a level from 1 to 5."),
        ((5, 4, "ก" * 1001), "The answer is too long (at most 1000 characters)."),
    ],
)
def test_bad_answers_are_refused_on_the_field_and_the_input_is_kept(page, values, message):
    response = browser().post(page.url, answers_for(page, *values))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Your answers have not been sent yet" in html
    assert 'value="4" id="thgov-survey-q' in html and "checked" in html  # the second answer is kept
    if values[2] != "ก" * 1001:
        assert "ความเห็น</textarea>" in html
    assert SurveyResponse.objects.count() == 0 and SurveyAnswer.objects.count() == 0


def test_honeypot_and_empty_submissions_store_nothing(home):
    page = make_survey(home, questions=[(QuestionKind.RATING, "ความพึงพอใจโดยรวม", False, "")])
    robot = browser().post(page.url, answers_for(page, 5, honeypot="http://spam.example"))
    assert robot.status_code == 200 and "Your answers could not be accepted." in robot.content.decode()
    empty = browser().post(page.url, answers_for(page, None))
    assert "Please answer at least one question." in empty.content.decode()
    assert SurveyResponse.objects.count() == 0


def test_the_form_requires_the_csrf_token(page):
    client = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=BROWSER)
    assert client.post(page.url, answers_for(page, 5)).status_code == 403
    html = client.get(page.url).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html and f'name="{survey.FORM_MARKER}"' in html
    assert SurveyResponse.objects.count() == 0


def test_public_results_of_the_current_fiscal_year_are_escaped(page):
    for number, (first, second, text) in enumerate([(5, 4, XSS), (4, None, FORMULA), (2, 5, "")]):
        browser(f"192.0.2.{20 + number}").post(page.url, answers_for(page, first, second, text))
    old = SurveyResponse.objects.create(
        site=Site.objects.get(),
        page=page,
        date=dt.date(2020, 1, 5),
        fiscal_year=2563,
        visitor_hash="old",
    )
    SurveyAnswer.objects.create(
        response=old, question=page.questions.first(), question_text="เก่า", kind=QuestionKind.RATING, rating=1
    )
    SurveyAnswer.objects.update(moderation="accepted")  # a webmaster accepted the open answers
    html = browser().get(page.url).content.decode()
    results = html[html.index('id="thgov-survey-results"') :]
    assert f"fiscal year B.E. {current_fiscal_year()}" in results
    assert "3 responses from 1 October" in results or "3 responses from 1 " in results
    assert "Average 3.67 out of 5" in results  # (5 + 4 + 2) / 3, the 2563 answer left out
    assert 'role="img"' in results and "<desc" in results and "thgov-chart__bar" in results
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in results
    assert "=cmd|&#x27; /C calc&#x27;!A0" in results
    older = browser().get(f"{page.url}?fiscal_year=2563").content.decode()
    assert "fiscal year B.E. 2563" in older and "Average 1.00 out of 5" in older


def test_results_take_a_constant_number_of_queries(page, django_assert_max_num_queries):
    def answer(count, offset):
        for n in range(count):
            browser(f"198.51.100.{offset + n}").post(
                page.url, answers_for(page, 1 + n % 5, 3, f"ความเห็น {n}")
            )

    answer(2, 0)
    with CaptureQueriesContext(connection) as small:
        assert browser().get(page.url).status_code == 200
    count = len(small)  # now: the next request empties the log
    answer(20, 10)
    assert count > 5
    with django_assert_max_num_queries(count):
        assert "22 responses" in browser().get(page.url).content.decode()


def test_removed_question_keeps_its_answers_in_the_results(page):
    browser().post(page.url, answers_for(page, 5, 4, "ข้อเสนอ"))
    removed = page.questions.get(sort_order=1)
    removed.delete()
    results = survey.survey_results(page, current_fiscal_year())
    texts = [result.text for result in results.questions]
    assert texts == ["ความพึงพอใจต่อการให้บริการของเจ้าหน้าที่", "ข้อเสนอแนะเพิ่มเติม", "ความพึงพอใจต่อความสะดวกของสถานที่"]
    assert results.questions[2].ratings.average == 4
    assert results.overall.count == 2 and results.overall.average == 4.5


def test_answers_count_under_their_question_after_republishing_replaced_it(home):
    """Questions added to a live survey and published from a revision taken before they were saved have
    no id in that revision; publishing it again (as the workflow does) replaces them and leaves the
    answers without a question. The results still show each question once, with its answers."""
    page = SatisfactionSurveyPage(title="แบบสำรวจ", slug="replaced")
    home.add_child(instance=page)
    page.save_revision().publish()
    page.questions.add(SurveyQuestion(kind=QuestionKind.RATING, text="ความพึงพอใจโดยรวม", sort_order=0))
    revision = page.save_revision()
    revision.publish()
    live = SatisfactionSurveyPage.objects.get(pk=page.pk)
    browser().post(live.url, answers_for(live, 4))
    revision.publish()
    assert SurveyAnswer.objects.get().question_id is None  # the question was replaced
    results = survey.survey_results(SatisfactionSurveyPage.objects.get(pk=page.pk), current_fiscal_year())
    assert [(result.text, result.answers) for result in results.questions] == [("ความพึงพอใจโดยรวม", 1)]
    assert results.questions[0].key == SatisfactionSurveyPage.objects.get(pk=page.pk).questions.get().pk


@pytest.mark.parametrize(
    ("average", "label"),
    [
        (5, "Highest"),
        (4.21, "Highest"),
        (4.2, "High"),
        (3.41, "High"),
        (3.0, "Moderate"),
        (2.0, "Low"),
        (1.8, "Lowest"),
    ],
)
def test_level_of_an_average(average, label):
    assert str(survey.level_label(average)) == label


# --- the statistics widgets as body blocks -----------------------------------------------------------------


def test_widget_blocks_render_in_a_page_body_and_the_page_rating_is_stored(home):
    from wagtail_thgov.blocks import BODY_BLOCKS
    from wagtail_thgov.pages.knowledge import KnowledgeIndexPage, KnowledgeKind, KnowledgePage
    from wagtail_thgov.stats import buffer
    from wagtail_thgov.stats.models import SatisfactionRating

    names = dict(BODY_BLOCKS)
    assert {"satisfaction", "visitor_counter"} <= set(names)
    index = KnowledgeIndexPage(title="คลังความรู้", slug="knowledge")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = KnowledgePage(
        title="การคัดแยกขยะ",
        slug="waste",
        kind=list(KnowledgeKind)[0],
        source_text="กองสาธารณสุข",
        source_datetime=timezone.now(),
        body=[
            ("paragraph", "<p>แยกขยะก่อนทิ้ง</p>"),
            ("satisfaction", {"scope": "page"}),
            ("visitor_counter", None),
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    site = Site.objects.get()
    buffer.upsert_counts({(site.pk, page.pk, timezone.localdate()): 7}, {(site.pk, timezone.localdate()): 7})

    html = browser().get(page.url).content.decode()
    assert "How satisfied are you with this page?" in html and 'class="thgov-counter"' in html
    assert 'name="thgov_satisfaction" value="page"' in html
    # As Chromium sends the widget's form: to the page with the marker, from a page of the same site.
    sent = browser().post(
        f"{page.url}?thgov_satisfaction=1",
        {"thgov_satisfaction": "page", "rating": 4, "comment": XSS, "website": ""},
        HTTP_ORIGIN="http://testserver",
    )
    assert sent["Location"].endswith("thgov_rating=thanks#thgov-satisfaction")
    rating = SatisfactionRating.objects.get()
    assert (rating.page_id, rating.rating) == (page.pk, 4)
    shown = browser().get(page.url).content.decode()
    assert "Average 4.0 out of 5 from 1 ratings" in shown
    assert XSS not in shown


def test_demo_survey_has_questions_and_responses_across_the_fiscal_year(demo_db):
    from thgov_demo.stats import DEMO_QUESTIONS, DEMO_RESPONSES

    page = SatisfactionSurveyPage.objects.live().get()
    assert page.questions.count() == len(DEMO_QUESTIONS)
    assert (
        SurveyResponse.objects.filter(page=page, fiscal_year=current_fiscal_year()).count() == DEMO_RESPONSES
    )
    dates = SurveyResponse.objects.values_list("date", flat=True)
    assert min(dates) < max(dates) <= timezone.localdate()
    results = survey.survey_results(page, current_fiscal_year())
    assert results.respondents == DEMO_RESPONSES and 3.5 < results.overall.average < 4.6
    # Every answer belongs to a live question, and each question is listed once with its answers.
    assert not SurveyAnswer.objects.filter(question__isnull=True).exists()
    assert [result.key for result in results.questions] == list(page.questions.values_list("pk", flat=True))
    ratings = [result for result in results.questions if result.is_rating]
    assert [result.answers for result in ratings] == [DEMO_RESPONSES] * len(ratings)
    assert len({result.ratings.average for result in ratings}) > 1  # questions are rated differently
    (suggestions,) = [result for result in results.questions if not result.is_rating]
    assert 0 < suggestions.answers < DEMO_RESPONSES
    assert not page.questions.get(kind=QuestionKind.TEXT).required
    html = browser().get(page.url).content.decode()
    assert "48 responses from 1 " in html and "thgov-chart__bar" in html
    results_html = html[html.index('id="thgov-survey-results"') :]
    for result in results.questions:
        assert results_html.count(f". {result.text}</h3>") == 1, result.text


def test_a_survey_without_questions_stores_nothing(home):
    page = SatisfactionSurveyPage(title="แบบสำรวจว่าง", slug="empty")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = browser().get(page.url).content.decode()
    assert "This survey has no questions yet." in html and 'name="thgov_survey"' not in html
    posted = browser().post(page.url, {survey.FORM_MARKER: "1", survey.HONEYPOT: ""})
    assert posted.status_code == 200 and SurveyResponse.objects.count() == 0
