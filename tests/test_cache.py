"""The page cache in process: what is stored, what never is, headers, counting, and every trigger that
makes cached pages stale (see test_cache_multiprocess.py for two gunicorn servers sharing Redis)."""

import datetime as dt
import time

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from tests.factories import make_site, role_users
from tests.test_pages_home import child, make_home, news_fields, tree_root
from wagtail_thgov.cache import invalidation, middleware, store
from wagtail_thgov.pages.agency import AgencyIndexPage
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.people.models import Person
from wagtail_thgov.publishing.unpublish import expire_due_pages
from wagtail_thgov.site_settings.models import MunicipalitySettings
from wagtail_thgov.stats import buffer
from wagtail_thgov.stats.models import PageViewDay, SatisfactionRating
from wagtail_thgov.stats.pages import SatisfactionSurveyPage, StatisticsPage
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.THGOV_PAGE_CACHE_ENABLED = True
    settings.THGOV_PAGE_CACHE_SECONDS = 300
    settings.THGOV_PAGE_CACHE_COUNTER_SECONDS = 300  # tests of the counter bound set their own
    # Entries of earlier tests (same cache, maybe the same Redis) become unreachable; nothing is flushed.
    store.bump_global()
    middleware._sites.clear()
    yield


@pytest.fixture
def home():
    home = make_home()
    # Site settings are created on first use (a save, which bumps the site): create them beforehand.
    MunicipalitySettings.for_site(Site.objects.get(root_page=home))
    return home


@pytest.fixture
def news(home):
    index = child(home, NewsIndexPage, "news", title="ข่าวประชาสัมพันธ์")
    item = child(index, NewsPage, "flood", **news_fields(1, title="แจ้งเตือนน้ำท่วม"))
    return index, item


def visitor():
    return Client(HTTP_USER_AGENT=BROWSER)


def get(path, client=None, **headers):
    return (client or visitor()).get(path, **headers)


def state(response):
    return response.get(middleware.HEADER)


def publish_news(index, slug, title):
    page = index.add_child(instance=NewsPage(**news_fields(2, title=title), slug=slug))
    page.save_revision().publish()
    return page


# -- what is stored and how it is served ------------------------------------------------------------


def test_second_anonymous_get_is_a_hit_with_the_same_bytes_and_no_query(
    news, django_assert_num_queries, settings
):
    # With the generations in the database (the embedded default) a process reads them at most once per
    # check interval; within it, a hit makes no query at all.
    settings.THGOV_PAGE_CACHE_GENERATION_CHECK_SECONDS = 60
    _index, item = news
    first = get(item.url)
    assert first.status_code == 200 and state(first) == "miss"
    with django_assert_num_queries(0):
        second = get(item.url)
    assert state(second) == "hit"
    assert second.content == first.content and "แจ้งเตือนน้ำท่วม" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]
    assert second["ETag"] == first["ETag"] and second["Last-Modified"] == first["Last-Modified"]
    assert second["Cache-Control"] == "public, max-age=0"
    assert second["X-Frame-Options"] == first["X-Frame-Options"]  # outer middleware still run on a hit


def test_conditional_get_answers_304_and_head_is_served(news, settings):
    settings.THGOV_PAGE_CACHE_MAX_AGE = 30
    _index, item = news
    first = get(item.url)
    assert first["Cache-Control"] == "public, max-age=30"
    not_modified = get(item.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert get(item.url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    since = get(item.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    head = visitor().head(item.url)
    assert head.status_code == 200 and state(head) == "hit"


def test_query_strings_allowed_ignored_and_bypassing(news):
    index, _item = news
    assert state(get(index.url)) == "miss"
    assert state(get(f"{index.url}?kind=pr")) == "miss"  # a listing filter: its own entry
    assert state(get(f"{index.url}?kind=pr")) == "hit"
    assert state(get(f"{index.url}?utm_source=line&fbclid=abc")) == "hit"  # tracking only: the plain page
    other = get(f"{index.url}?anything=1")  # unknown parameters are rendered, not stored
    assert other.status_code == 200 and state(other) is None
    assert state(get(f"{index.url}?anything=1")) is None


def test_logged_in_users_never_get_or_make_cached_pages(news, admin_client):
    _index, item = news
    assert state(get(item.url)) == "miss"
    response = admin_client.get(item.url)
    assert response.status_code == 200 and state(response) is None
    assert "Cache-Control" not in response or "public" not in response["Cache-Control"]
    # The admin and the preview are not public pages: never stored, never looked up.
    for path in (f"/admin/pages/{item.pk}/edit/", f"/admin/pages/{item.pk}/view_draft/"):
        assert state(admin_client.get(path)) is None
    assert state(get("/admin/login/")) is None and state(get("/admin/login/")) is None


def test_post_404_and_private_pages_are_not_stored(news):
    _index, item = news
    assert state(visitor().post(item.url, {})) is None
    assert get("/no-such-page/").status_code == 404
    assert state(get("/no-such-page/")) is None
    PageViewRestriction.objects.create(page=item, restriction_type="password", password="secret")
    first, second = get(item.url), get(item.url)
    assert "แจ้งเตือนน้ำท่วม" not in second.content.decode()
    assert state(first) is None and state(second) is None


def test_page_using_csrf_token_is_not_cached(home, settings, tmp_path):
    """A page whose template uses {% csrf_token %} (e-Service forms) sets the CSRF cookie: never stored."""
    folder = tmp_path / "wagtail_thgov" / "pages"
    folder.mkdir(parents=True)
    (folder / "statistics_page.html").write_text(
        '{% extends "wagtail_thgov/pages/thgov_page.html" %}{% block page_body %}'
        '<form method="post">{% csrf_token %}<button>ส่ง</button></form>{% endblock %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    page = child(home, StatisticsPage, "form", title="แบบฟอร์ม")
    first, second = get(page.url), get(page.url)
    assert 'name="csrfmiddlewaretoken"' in second.content.decode()
    assert state(first) is None and state(second) is None
    assert "csrftoken" in second.cookies


def test_page_type_can_opt_out(news, monkeypatch):
    _index, item = news
    monkeypatch.setattr(NewsPage, "thgov_page_cache", False)
    assert state(get(item.url)) is None and state(get(item.url)) is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda r: setattr(r, "status_code", 302), "status"),
        (lambda r: r.set_cookie("x", "1"), "sets a cookie"),
        (lambda r: r.__setitem__("Vary", "Cookie, User-Agent"), "varies"),
        (lambda r: r.__setitem__("Cache-Control", "private"), "private"),
        (lambda r: r.__setitem__("Cache-Control", "no-store"), "private"),
        (lambda r: r.__setitem__("Cache-Control", "no-cache"), "private"),
        (lambda r: r.__setitem__("Content-Encoding", "gzip"), "encoded"),
        (lambda r: None, "not a public page"),  # a view other than wagtail_serve
    ],
)
def test_refusal_rules(change, reason):
    request = RequestFactory().get("/")
    response = HttpResponse("x")
    change(response)
    assert middleware.refusal(request, response) == reason


def test_cache_switched_off_by_setting(news, settings):
    settings.THGOV_PAGE_CACHE_ENABLED = False
    _index, item = news
    assert state(get(item.url)) is None and state(get(item.url)) is None


def test_sites_have_their_own_entries(news, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    _index, item = news
    other = make_home(title="อบต.อื่น", slug="other", hostname="other.example", default=False)
    MunicipalitySettings.for_site(Site.objects.get(root_page=other))
    other_news = child(other, NewsPage, "flood", **news_fields(1, title="ข่าวของอีกแห่ง"))
    assert state(get(item.url)) == "miss"
    response = get("/flood/", HTTP_HOST="other.example")
    assert state(response) == "miss" and "ข่าวของอีกแห่ง" in response.content.decode()
    assert other_news.pk != item.pk
    # A change in one site leaves the other site's entries alone.
    publish_news(_index, "second", "ข่าวใหม่")
    assert state(get("/flood/", HTTP_HOST="other.example")) == "hit"
    assert state(get(item.url)) == "miss"


# -- counting ---------------------------------------------------------------------------------------


def test_hits_are_counted_exactly_and_robots_and_heads_are_not(news, settings):
    settings.THGOV_STATS_ENABLED = True
    settings.THGOV_STATS_FLUSH_SECONDS = 3600
    settings.THGOV_STATS_FLUSH_HITS = 10**9
    settings.THGOV_STATS_USE_REDIS = False
    _index, item = news
    buffer.BUFFER.take()
    states = [state(get(item.url)) for _ in range(5)]
    assert states == ["miss", "hit", "hit", "hit", "hit"]
    assert state(Client(HTTP_USER_AGENT="Googlebot/2.1").get(item.url)) == "hit"
    assert state(visitor().head(item.url)) == "hit"
    buffer.flush()
    assert sum(PageViewDay.objects.filter(page=item).values_list("views", flat=True)) == 5


def test_pages_showing_counters_live_one_counter_interval(news, settings):
    settings.THGOV_PAGE_CACHE_COUNTER_SECONDS = 1
    _index, item = news  # the metadata box shows the page's views
    assert state(get(item.url)) == "miss"
    assert state(get(item.url)) == "hit"
    time.sleep(1.2)
    assert state(get(item.url)) == "miss"


def test_rating_widget_works_on_a_cached_page(home):
    page = home.add_child(instance=SatisfactionSurveyPage(title="แบบสำรวจ", slug="survey"))
    page.save_revision().publish()
    first, second = get(page.url), get(page.url)
    assert state(first) == "miss" and state(second) == "hit"
    html = second.content.decode()
    assert 'name="csrfmiddlewaretoken"' not in html and "?thgov_satisfaction=1" in html
    strict = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=BROWSER)
    data = {"thgov_satisfaction": "site", "rating": 5, "comment": "", "website": ""}
    answer = strict.post(f"{page.url}?thgov_satisfaction=1", data, HTTP_ORIGIN="http://testserver")
    assert answer["Location"].endswith("thgov_rating=thanks#thgov-satisfaction")
    forged = strict.post(f"{page.url}?thgov_satisfaction=1", data, HTTP_ORIGIN="https://evil.example")
    assert forged["Location"].endswith("thgov_rating=forged#thgov-satisfaction")
    assert SatisfactionRating.objects.count() == 1
    assert state(get(answer["Location"].split("#")[0])) is None  # the outcome page is personal


# -- invalidation -----------------------------------------------------------------------------------


def warm(*pages):
    for page in pages:
        get(page.url)
        assert state(get(page.url)) == "hit", page.url


def test_publishing_a_child_refreshes_the_listing_and_the_home_page(home, news):
    index, _item = news
    warm(home, index)
    publish_news(index, "exam", "ประกาศผลสอบ")
    for page in (home, index):
        response = get(page.url)
        assert state(response) == "miss" and "ประกาศผลสอบ" in response.content.decode()


def test_editing_a_child_refreshes_the_pages_that_list_it(home, news):
    index, item = news
    warm(home, index, item)
    revision = item.save_revision()
    revision.content["title"] = "น้ำท่วมแล้ว"
    revision.save()
    revision.publish()
    for page in (home, index, item):
        assert "น้ำท่วมแล้ว" in get(page.url).content.decode(), page.url


def test_saving_a_draft_keeps_the_cache(home, news):
    index, item = news
    warm(home, index, item)
    page = NewsPage.objects.get(pk=item.pk)
    page.title = "ร่างที่ยังไม่เผยแพร่"
    page.save_revision()
    for target in (home, index, item):
        response = get(target.url)
        assert state(response) == "hit" and "ร่างที่ยังไม่เผยแพร่" not in response.content.decode()


def test_unpublishing_removes_the_page_at_once(home, news):
    index, item = news
    warm(home, index, item)
    item.unpublish()
    assert get(item.url).status_code == 404
    assert "แจ้งเตือนน้ำท่วม" not in get(index.url).content.decode()


def test_expiry_by_the_batched_job(news):
    index, item = news
    warm(index, item)
    Page.objects.filter(pk=item.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))
    assert expire_due_pages() == 1
    assert get(item.url).status_code == 404
    assert "แจ้งเตือนน้ำท่วม" not in get(index.url).content.decode()


def test_expiry_and_go_live_by_publish_scheduled(news):
    index, item = news
    warm(index, item)
    Page.objects.filter(pk=item.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    assert get(item.url).status_code == 404
    later = index.add_child(instance=NewsPage(**news_fields(3, title="ข่าวตั้งเวลา"), slug="later", live=False))
    later.save_revision(approved_go_live_at=timezone.now() - dt.timedelta(seconds=1))
    warm(index)
    call_command("publish_scheduled", verbosity=0)
    assert "ข่าวตั้งเวลา" in get(index.url).content.decode()


def test_move_and_delete(home, news):
    index, item = news
    other_index = child(home, NewsIndexPage, "news-2", title="ข่าวกิจกรรม")
    old_url = item.url
    warm(index, other_index, item)
    item.move(other_index, pos="last-child")
    moved_away = get(old_url)  # Wagtail leaves a redirect to the new place
    assert moved_away.status_code == 301 and moved_away["Location"].endswith("/news-2/flood/")
    assert "แจ้งเตือนน้ำท่วม" in get(other_index.url).content.decode()
    assert "แจ้งเตือนน้ำท่วม" not in get(index.url).content.decode()
    moved = Page.objects.get(pk=item.pk)
    warm(moved, other_index)
    moved.delete()
    assert get(moved.url).status_code == 404
    assert "แจ้งเตือนน้ำท่วม" not in get(other_index.url).content.decode()


def test_site_settings_change(home, news):
    _index, item = news
    site = Site.objects.get(root_page=home)
    warm(home, item)
    settings_object = MunicipalitySettings.for_site(site)
    settings_object.phone = "053-999-888"
    settings_object.save()
    assert "053-999-888" in get(home.url).content.decode()
    assert state(get(item.url)) == "miss"


def test_site_change(home, news):
    _index, item = news
    warm(item)
    site = Site.objects.get(root_page=home)
    site.site_name = "ชื่อใหม่"
    site.save()
    assert state(get(item.url)) == "miss"


def test_snippet_change_refreshes_the_directory(home):
    from wagtail_thgov.pages.agency import PersonnelDirectoryPage

    site = Site.objects.get(root_page=home)
    agency = child(home, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")
    directory = child(agency, PersonnelDirectoryPage, "people", title="ทำเนียบบุคลากร")
    person = Person.objects.create(site=site, name="นายสมชาย ใจดี", position="นายกเทศมนตรี")
    warm(directory)
    person.position = "ปลัดเทศบาล"
    person.save()
    assert "ปลัดเทศบาล" in get(directory.url).content.decode()
    warm(directory)
    person.delete()
    assert "นายสมชาย" not in get(directory.url).content.decode()


def test_workflow_certification_publishes_fresh(client):
    from tests.test_workflow import act, login, submit_new_page

    tree_root()
    site = make_site()
    users = role_users(site)
    agency = site.root_page.add_child(instance=AgencyIndexPage(title="ข้อมูลหน่วยงาน", slug="agency"))
    agency.save_revision().publish()
    warm(agency)
    page = submit_new_page(login(client, users[Role.UPLOADER]), agency, title="ประวัติเทศบาล")
    act(login(client, users[Role.WEBMASTER]), page)
    warm(agency)  # submitting and checking change nothing public: still cacheable
    act(login(client, users[Role.APPROVER]), Page.objects.get(pk=page.pk).specific)
    client.logout()
    assert "ประวัติเทศบาล" in get(agency.url).content.decode()
    assert get(Page.objects.get(pk=page.pk).url).status_code == 200


def test_bump_happens_again_after_commit(news, django_capture_on_commit_callbacks):
    _index, item = news
    site_id = Site.objects.get(is_default_site=True).pk
    with django_capture_on_commit_callbacks() as callbacks:
        item.unpublish()
    after_change = store.generations(site_id)
    assert callbacks, "a bump is registered to run after the transaction commits"
    for callback in callbacks:
        callback()
    assert store.generations(site_id) != after_change


def test_missing_generation_never_returns_an_old_one(settings):
    settings.THGOV_PAGE_CACHE_GENERATIONS = "cache"  # generations kept in a shared cache (Redis)
    first = store.generations(12345)
    store.cache().delete(store.SITE_KEY.format(12345))
    assert store.generations(12345)[1] != first[1]


def test_missing_generation_in_the_database_never_returns_an_old_one(settings):
    from wagtail_thgov.cache.models import PageCacheGeneration

    settings.THGOV_PAGE_CACHE_GENERATIONS = "database"
    first = store.generations(12345)
    PageCacheGeneration.objects.filter(key=store.site_key(12345)).delete()
    store.DATABASE.forget()
    assert store.generations(12345)[1] != first[1]


def test_generic_rule_covers_new_models_and_the_deny_list_is_small():
    from django.apps import apps

    assert len(invalidation.NOT_WATCHED) <= 15
    thgov_models = apps.get_app_config("wagtail_thgov").get_models()
    not_watched = {m.__name__ for m in thgov_models if not invalidation.watched(m)}
    assert not_watched == {
        # statistics (NOT_WATCHED)
        "PageViewDay",
        "SiteVisitDay",
        "VisitorHashDay",
        "DailySalt",
        "SatisfactionRating",
        # the page cache's own generations (thgov_page_cache_ignore)
        "PageCacheGeneration",
        # what citizens submit (thgov_page_cache_ignore): no cacheable page shows it
        "SurveyResponse",
        "SurveyAnswer",
        "ServiceRequest",
        "RequestAttachment",
        "RequestEvent",
        "TrackingCounter",
    }
    for label in ("wagtailcore.Site", "wagtailcore.TaskState", "wagtaildocs.Document", "wagtailimages.Image"):
        assert invalidation.watched(apps.get_model(label)), label
    assert invalidation.watched(apps.get_model("wagtailredirects.Redirect"))
    for label in invalidation.NOT_WATCHED:
        apps.get_model(label)  # each entry names a real model


def test_a_model_can_opt_out(monkeypatch):
    from wagtail_thgov.metadata.models import InformationSource

    assert invalidation.watched(InformationSource)
    monkeypatch.setattr(InformationSource, "thgov_page_cache_ignore", True, raising=False)
    assert not invalidation.watched(InformationSource)


def test_documents_images_and_redirects_bump_every_site(news):
    from wagtail.contrib.redirects.models import Redirect

    _index, item = news
    warm(item)
    Redirect.objects.create(old_path="/old-flood", redirect_link=item.url)
    assert state(get(item.url)) == "miss"
