"""Visitor statistics and the satisfaction widget, in process (see test_stats_multiprocess.py for gunicorn)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Site

from tests.test_pages_home import make_home
from wagtail_thgov.stats import buffer, jobs
from wagtail_thgov.stats.models import (
    DailySalt,
    PageViewDay,
    SatisfactionRating,
    SiteVisitDay,
    VisitorHashDay,
)
from wagtail_thgov.stats.pages import SatisfactionSurveyPage, StatisticsPage
from wagtail_thgov.stats.satisfaction import summary

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


@pytest.fixture(autouse=True)
def empty_buffer(settings):
    settings.THGOV_STATS_ENABLED = True  # whatever the suite's settings say
    settings.THGOV_STATS_FLUSH_SECONDS = 3600  # only the test flushes
    settings.THGOV_STATS_FLUSH_HITS = 10**9
    settings.THGOV_STATS_USE_REDIS = False  # the database path, also in the Redis pass; see the last test
    buffer.BUFFER.take()
    yield
    buffer.BUFFER.take()


@pytest.fixture
def home():
    return make_home()


def browser(agent=BROWSER, **extra):
    return Client(HTTP_USER_AGENT=agent, **extra)


def stored_views(page):
    return sum(PageViewDay.objects.filter(page=page).values_list("views", flat=True))


def test_public_get_200_views_are_counted_and_others_are_not(home, admin_client):
    visitor = browser()
    for _ in range(3):
        assert visitor.get("/").status_code == 200
    assert visitor.head("/").status_code == 200
    assert visitor.get("/no-such-page/").status_code == 404
    assert (
        browser("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
        .get("/")
        .status_code
        == 200
    )
    assert browser("").get("/").status_code == 200
    assert browser("curl/8.5").get("/").status_code == 200
    assert admin_client.get(f"/admin/pages/{home.pk}/edit/preview/?mode=").status_code in (200, 405)
    assert admin_client.get(f"/admin/pages/{home.pk}/").status_code == 200
    assert browser(REMOTE_ADDR="10.0.0.9").get("/").status_code == 200

    assert buffer.flush() == 4
    assert stored_views(home) == 4
    day = SiteVisitDay.objects.get(site=Site.objects.get(is_default_site=True), date=timezone.localdate())
    assert (day.views, day.uniques) == (4, 2)  # two addresses, one browser


def test_counting_adds_no_query_to_the_page(home, settings):
    visitor = browser()
    visitor.get("/")
    settings.THGOV_STATS_ENABLED = False
    with CaptureQueriesContext(connection) as off:
        visitor.get("/")
    settings.THGOV_STATS_ENABLED = True
    with CaptureQueriesContext(connection) as on:
        visitor.get("/")
    assert len(on) == len(off)
    assert buffer.flush() == 2  # the view while switched off was not counted


def test_flushes_add_up_and_store_no_address(home):
    visitor = browser(REMOTE_ADDR="203.0.113.77")
    for _ in range(5):
        visitor.get("/")
    buffer.flush()
    for _ in range(7):
        visitor.get("/")
    buffer.flush()
    assert stored_views(home) == 12
    assert SiteVisitDay.objects.get().uniques == 1
    stored = [
        row
        for model in (VisitorHashDay, DailySalt, SiteVisitDay, PageViewDay)
        for row in model.objects.values_list()
    ]
    assert "203.0.113.77" not in repr(stored)


def test_purge_deletes_past_hashes_and_salts_but_keeps_counts(home):
    site = Site.objects.get(is_default_site=True)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    buffer.upsert_counts({(site.pk, home.pk, yesterday): 9}, {(site.pk, yesterday): 9}, {})
    VisitorHashDay.objects.create(site=site, date=yesterday, visitor_hash="abc")
    DailySalt.objects.create(date=yesterday, salt="x")
    SiteVisitDay.objects.filter(date=yesterday).update(uniques=1)
    browser().get("/")

    assert jobs.purge_visitor_hashes() == 1
    assert not DailySalt.objects.filter(date=yesterday).exists()
    assert SiteVisitDay.objects.get(date=yesterday).uniques == 1
    assert stored_views(home) == 10


def test_a_deleted_page_does_not_block_the_flush(home):
    page = home.add_child(instance=StatisticsPage(title="สถิติ", slug="stats"))
    page.save_revision().publish()
    browser().get("/stats/")
    browser().get("/")
    page.delete()
    assert buffer.flush() == 2
    assert stored_views(home) == 1
    assert SiteVisitDay.objects.get().views == 2


def test_drain_job_flushes_this_process(home):
    browser().get("/")
    assert jobs.drain_stats() == "views written: 1"


# --- Widgets --------------------------------------------------------------------------------------------


def survey_page(home):
    page = home.add_child(instance=SatisfactionSurveyPage(title="แบบสำรวจความพึงพอใจ", slug="survey"))
    page.save_revision().publish()
    return page


def rate(client, path, rating, comment="", scope="site", origin="http://testserver", referer=None, **extra):
    """Post the widget's form as a browser does: to ``path?thgov_satisfaction=1``, with its ``Origin``."""
    data = {"thgov_satisfaction": scope, "rating": rating, "comment": comment, "website": "", **extra}
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    if referer:
        headers["HTTP_REFERER"] = referer
    return client.post(f"{path}?thgov_satisfaction=1", data, **headers)


def test_rating_is_stored_once_per_visitor_and_day(home):
    page = survey_page(home)
    site = Site.objects.get(is_default_site=True)
    visitor = browser()
    response = rate(visitor, page.url, 4, "บริการดี")
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}?thgov_rating=thanks#thgov-satisfaction"
    assert rate(browser(REMOTE_ADDR="10.1.1.1"), page.url, 2).status_code == 302

    again = rate(visitor, page.url, 5)
    assert again["Location"].endswith("thgov_rating=already#thgov-satisfaction")
    result = summary(site)
    assert (result.count, result.average) == (2, 3.0)
    assert SatisfactionRating.objects.count() == 2

    shown = visitor.get(again["Location"]).content.decode()
    assert "You have already rated this today" in shown or "วันนี้" in shown
    assert "thgov-satisfaction__message--refused" in shown


@pytest.mark.parametrize(
    ("fields", "outcome"),
    [
        ({"rating": 6}, "invalid"),
        ({"rating": "x"}, "invalid"),
        ({"rating": 3, "website": "http://spam.example"}, "refused"),
        ({"rating": 3, "comment": "ก" * 1001}, "too_long"),
    ],
)
def test_bad_ratings_are_refused_with_a_message(home, fields, outcome):
    page = survey_page(home)
    response = rate(browser(), page.url, **{"rating": 3, **fields})
    assert response["Location"].endswith(f"thgov_rating={outcome}#thgov-satisfaction")
    assert SatisfactionRating.objects.count() == 0


def test_rating_from_another_website_is_refused(home):
    """No CSRF token (the widget is on cached pages): a cross-site POST is refused by its Origin/Referer."""
    page = survey_page(home)
    strict = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=BROWSER)
    for origin, referer in [
        ("https://evil.example", None),
        ("null", None),
        (None, "https://evil.example/page/"),
        (None, None),
        ("http://testserver.evil.example", None),
    ]:
        response = rate(strict, page.url, 5, origin=origin, referer=referer)
        assert response["Location"].endswith("thgov_rating=forged#thgov-satisfaction"), (origin, referer)
    assert SatisfactionRating.objects.count() == 0
    with translation.override("th"):
        shown = strict.get(f"{page.url}?thgov_rating=forged").content.decode()
    assert "thgov-satisfaction__message--refused" in shown
    # The same origin, or a same-origin Referer when a browser sends no Origin, is accepted.
    thanks = rate(strict, page.url, 5, origin=None, referer=f"http://testserver{page.url}")
    assert thanks["Location"].endswith("thgov_rating=thanks#thgov-satisfaction")
    assert SatisfactionRating.objects.count() == 1


def test_rating_from_a_trusted_origin_is_accepted(home, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.example.go.th"]
    page = survey_page(home)
    response = rate(browser(), page.url, 4, origin="https://www.example.go.th")
    assert response["Location"].endswith("thgov_rating=thanks#thgov-satisfaction")


def test_other_posts_still_need_the_csrf_token(home):
    page = survey_page(home)
    strict = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=BROWSER)
    data = {"thgov_satisfaction": "site", "rating": 5}
    assert strict.post(page.url, data, HTTP_ORIGIN="http://testserver").status_code == 403  # no marker
    assert SatisfactionRating.objects.count() == 0


def test_page_rating_and_site_rating_are_separate(home):
    page = survey_page(home)
    visitor = browser()
    rate(visitor, page.url, 5, scope="page")
    assert rate(visitor, page.url, 1, scope="site")["Location"].endswith("thanks#thgov-satisfaction")
    site = Site.objects.get(is_default_site=True)
    assert summary(site, page).average == 5 and summary(site).average == 1


def test_survey_page_shows_the_widget_and_escapes_comments(home):
    page = survey_page(home)
    rate(browser(), page.url, 5, '<script>alert(1)</script> =cmd|" /C calc"!A0')
    html = browser().get(page.url).content.decode()
    assert 'id="thgov-satisfaction"' in html and 'name="csrfmiddlewaretoken"' not in html
    assert "<script>alert(1)</script>" not in html


def test_site_counter_and_page_views_tags(home):
    from django.template import Context, Template
    from django.test import RequestFactory

    site = Site.objects.get(is_default_site=True)
    today = timezone.localdate()
    buffer.upsert_counts(
        {(site.pk, home.pk, today): 12, (site.pk, home.pk, today - dt.timedelta(days=1)): 1500},
        {
            (site.pk, today): 12,
            (site.pk, today - dt.timedelta(days=1)): 1500,
            (site.pk, dt.date(2020, 5, 1)): 40,
        },
    )
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    html = Template("{% load thgov_stats %}{% thgov_site_counter %}|{% thgov_page_views page %}").render(
        Context({"request": request, "page": home})
    )
    assert "thgov-counter" in html and "1552" in html.replace(",", "")
    assert str(today.year + 543) in html
    assert html.split("|")[-1].replace(",", "") == "1512"


# --- Redis (second pass of ``make test``, or REDIS_URL set by hand) -------------------------------------


def test_with_redis_counts_go_through_redis_and_the_job_drains_them(home, settings):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: the Redis path runs in the PostgreSQL + Redis pass")
    from wagtail_thgov.stats import conf

    settings.THGOV_STATS_USE_REDIS = True
    assert conf.use_redis()
    visitor = browser()
    for _ in range(3):
        visitor.get("/")
    browser(REMOTE_ADDR="10.9.9.9").get("/")
    assert buffer.BUFFER.flush() == 4
    assert stored_views(home) == 0  # still in Redis, shared by every process
    cache, client = buffer.redis_client()
    assert sum(int(v) for v in client.hgetall(cache.make_key(buffer.REDIS_PAGES)).values()) == 4

    assert jobs.drain_stats() == "views written: 4"
    assert stored_views(home) == 4
    day = SiteVisitDay.objects.get()
    assert (day.views, day.uniques) == (4, 2)  # HyperLogLog: exact at this size, approximate in general
    assert jobs.drain_stats() == "views written: 0"
    assert stored_views(home) == 4


def test_metadata_box_shows_the_page_views(home):
    site = Site.objects.get(is_default_site=True)
    page = survey_page(home)
    buffer.upsert_counts(
        {(site.pk, page.pk, timezone.localdate()): 1234}, {(site.pk, timezone.localdate()): 1234}
    )
    html = browser().get(page.url).content.decode()
    assert 'class="thgov-metadata__views">1,234<' in html


def test_statistics_page_shows_counter_chart_and_top_pages(home):
    site = Site.objects.get(is_default_site=True)
    page = home.add_child(instance=StatisticsPage(title="สถิติผู้เข้าชม", slug="stats"))
    page.save_revision().publish()
    today = timezone.localdate()
    buffer.upsert_counts(
        {(site.pk, home.pk, today): 30, (site.pk, page.pk, today - dt.timedelta(days=2)): 5},
        {(site.pk, today): 30, (site.pk, today - dt.timedelta(days=2)): 5},
    )
    html = browser().get(page.url).content.decode()
    assert "thgov-counter" in html and "<svg" in html and "thgov-chart__bar" in html
    assert html.index(home.title, html.index("thgov-visits__top")) < html.index(
        page.title, html.index("thgov-visits__top")
    )
    assert 'id="thgov-satisfaction"' in html


def test_demo_statistics_are_built_and_shown(demo_db):
    assert SiteVisitDay.objects.count() == 60 and SatisfactionRating.objects.count() == 12
    for page in (*StatisticsPage.objects.live(), *SatisfactionSurveyPage.objects.live()):
        html = browser().get(page.url).content.decode()
        assert "thgov-satisfaction__average" in html, page.url
