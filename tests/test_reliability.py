"""Reliability under abuse, in process (issue 20): the client's address behind trusted proxies, per-address
daily limits of ratings and survey responses, moderated open answers, normalised page-cache keys, page
cache generations shared through the database, and a Redis that cannot be reached.

The same faults with real processes (two app servers and a worker, PostgreSQL and Redis stopped) are in
tests/test_reliability_processes.py.
"""

import uuid

import pytest
from django.db import transaction
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Site

from tests.factories import PASSWORD, make_site, make_user, role_users
from tests.test_cache import get, state, warm
from tests.test_pages_home import child, make_home, news_fields
from tests.test_survey import answers_for, make_survey
from wagtail_thgov.cache import middleware, store
from wagtail_thgov.cache.models import PageCacheGeneration
from wagtail_thgov.eservice import ratelimit
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.publishing.unpublish import expire_due_pages
from wagtail_thgov.security.clients import address_group, client_address
from wagtail_thgov.stats.models import Moderation, SatisfactionRating, SurveyAnswer, SurveyResponse
from wagtail_thgov.stats.visitors import request_digest
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db

NGINX = "10.0.0.5"  # the documented reverse proxy, on the app server's private network


def agent(number):
    return f"Mozilla/5.0 (X11; Linux x86_64) Chrome/{100 + number}.0 Safari/537.36"


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


# -- the client's address -------------------------------------------------------------------------------


def test_forwarded_for_is_ignored_without_trusted_proxies(settings):
    settings.THGOV_TRUSTED_PROXIES = []
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_forged_forwarded_for_from_an_untrusted_peer_is_ignored(settings):
    settings.THGOV_TRUSTED_PROXIES = [NGINX]
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("198.51.100.7", "198.51.100.7"),  # nginx: $proxy_add_x_forwarded_for
        ("1.2.3.4, 198.51.100.7", "198.51.100.7"),  # the client's own forged hop is left of nginx's
        ("garbage, 198.51.100.7", "198.51.100.7"),
        ("198.51.100.7, 10.0.0.9", "198.51.100.7"),  # a second trusted proxy (10.0.0.0/24)
        ("2001:db8::1", "2001:db8::1"),
        ("", NGINX),  # nothing forwarded: the proxy itself
    ],
)
def test_client_behind_trusted_proxies_is_the_rightmost_untrusted_hop(settings, forwarded, client):
    settings.THGOV_TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert client_address(request_from(NGINX, forwarded)) == client


def test_trusted_proxies_come_from_the_environment_too(settings, monkeypatch):
    monkeypatch.setenv("THGOV_TRUSTED_PROXIES", "10.0.0.5, 127.0.0.1")
    del settings.THGOV_TRUSTED_PROXIES  # sends setting_changed: the parsed list is read again
    assert client_address(request_from(NGINX, "198.51.100.7")) == "198.51.100.7"
    monkeypatch.delenv("THGOV_TRUSTED_PROXIES")
    settings.THGOV_TRUSTED_PROXIES = []


def test_an_ipv6_client_is_limited_by_its_64_network():
    assert (
        address_group("2001:db8:1:2:aaaa::1") == address_group("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    )
    assert address_group("192.0.2.1") == "192.0.2.1"
    assert address_group("::ffff:192.0.2.1") == "192.0.2.1"


def test_citizens_behind_nginx_are_distinct_visitors_but_a_forger_is_not(settings):
    settings.THGOV_TRUSTED_PROXIES = [NGINX]
    first = request_from(NGINX, "198.51.100.1")
    second = request_from(NGINX, "198.51.100.2")
    assert request_digest(first) != request_digest(second)
    forged = [request_from("203.0.113.9", f"198.51.100.{n}") for n in range(3)]
    assert len({request_digest(request) for request in forged}) == 1


def test_e_service_limit_is_per_citizen_behind_nginx_and_a_forger_cannot_escape_it(settings):
    settings.THGOV_TRUSTED_PROXIES = [NGINX]
    limit = ratelimit.Limit("submit", 2, 600)
    site_id = 1
    citizen_a, citizen_b = request_from(NGINX, "198.51.100.1"), request_from(NGINX, "198.51.100.2")
    for _ in range(2):
        ratelimit.count(limit, citizen_a, site_id)
    assert ratelimit.is_limited(limit, citizen_a, site_id)
    assert not ratelimit.is_limited(limit, citizen_b, site_id)  # no longer one address for everyone
    for number in range(2):
        ratelimit.count(limit, request_from("203.0.113.9", f"198.51.100.{50 + number}"), site_id)
    assert ratelimit.is_limited(limit, request_from("203.0.113.9", "198.51.100.99"), site_id)


# -- ratings and survey responses per address -----------------------------------------------------------


def rate(client, path, rating=4, comment=""):
    data = {"thgov_satisfaction": "page", "rating": rating, "comment": comment, "website": ""}
    return client.post(f"{path}?thgov_satisfaction=1", data, HTTP_ORIGIN="http://testserver")


def test_one_address_cannot_stuff_ratings_by_changing_its_user_agent(settings):
    settings.THGOV_RATINGS_PER_ADDRESS = 3
    home = make_home()
    outcomes = [
        rate(Client(HTTP_USER_AGENT=agent(n), REMOTE_ADDR="198.51.100.20"), home.url)["Location"].split("=")[
            1
        ]
        for n in range(6)
    ]
    assert outcomes == ["thanks#thgov-satisfaction"] * 3 + ["limit#thgov-satisfaction"] * 3
    assert SatisfactionRating.objects.count() == 3
    # Another address (another household, another school) still takes part.
    other = rate(Client(HTTP_USER_AGENT=agent(1), REMOTE_ADDR="198.51.100.21"), home.url)
    assert other["Location"].endswith("thgov_rating=thanks#thgov-satisfaction")


def test_one_address_cannot_stuff_a_survey_by_changing_its_user_agent(settings):
    settings.THGOV_SURVEY_RESPONSES_PER_ADDRESS = 2
    page = make_survey(make_home())
    locations = [
        Client(HTTP_USER_AGENT=agent(n), REMOTE_ADDR="198.51.100.30").post(page.url, answers_for(page, 5))[
            "Location"
        ]
        for n in range(4)
    ]
    assert [location.split("thgov_survey=")[1] for location in locations] == [
        "thanks#thgov-survey",
        "thanks#thgov-survey",
        "limit#thgov-survey",
        "limit#thgov-survey",
    ]
    assert SurveyResponse.objects.count() == 2
    shown = Client(HTTP_USER_AGENT=agent(1)).get(f"{page.url}?thgov_survey=limit").content.decode()
    assert "as many answers from your network today" in shown


# -- moderation of open answers -------------------------------------------------------------------------

SPAM = "ซื้อยาลดน้ำหนัก คลิก http://spam.example"
GENUINE = "อยากให้เปิดบริการวันเสาร์"


@pytest.fixture
def moderated_survey():
    site = make_site()
    page = make_survey(site.root_page.specific)
    SatisfactionSurveyPage = type(page)
    SatisfactionSurveyPage.objects.filter(pk=page.pk).update(show_results=True)
    for number, text in enumerate([SPAM, GENUINE]):
        client = Client(HTTP_USER_AGENT=agent(number), REMOTE_ADDR=f"198.51.100.{40 + number}")
        assert client.post(page.url, answers_for(page, 4, None, text))["Location"].endswith(
            "thanks#thgov-survey"
        )
    return site, page


def public_page(page):
    return Client(HTTP_USER_AGENT=agent(9)).get(page.url).content.decode()


def moderate(client, answer, decision):
    return client.post(reverse("thgov_stats:survey_moderate", args=[answer.pk]), {"decision": decision})


def test_open_answers_are_public_only_after_a_webmaster_accepts_them(moderated_survey):
    site, page = moderated_survey
    assert SPAM not in public_page(page) and GENUINE not in public_page(page)
    webmaster = Client()
    webmaster.login(username=role_users(site)[Role.WEBMASTER].username, password=PASSWORD)
    listing = webmaster.get(reverse("thgov_stats:survey_moderation"))
    assert listing.status_code == 200
    assert SPAM in listing.content.decode() and GENUINE in listing.content.decode()
    assert (
        'name="csrfmiddlewaretoken" value=""' not in listing.content.decode()
    )  # each row's form has a token
    genuine, spam = SurveyAnswer.objects.get(text=GENUINE), SurveyAnswer.objects.get(text=SPAM)
    assert moderate(webmaster, genuine, "accept").status_code == 302
    assert moderate(webmaster, spam, "reject").status_code == 302
    shown = public_page(page)
    assert GENUINE in shown and SPAM not in shown
    assert SurveyAnswer.objects.get(pk=spam.pk).moderation == Moderation.REJECTED


def test_moderation_can_be_switched_off(moderated_survey, settings):
    settings.THGOV_SURVEY_MODERATION = False
    _site, page = moderated_survey
    assert SPAM in public_page(page)


def test_only_the_sites_webmasters_may_accept_an_answer(moderated_survey):
    site, _page = moderated_survey
    answer = SurveyAnswer.objects.get(text=SPAM)
    users = role_users(site)
    other_site = make_site("other.example.go.th", title="เทศบาลตำบลอื่น", is_default=False)
    other_webmaster = make_user("other-webmaster", Role.WEBMASTER, other_site)
    uploader = users[Role.UPLOADER]
    for user, expected in [(other_webmaster, 404), (uploader, 302)]:  # 302: the admin's permission denied
        client = Client()
        client.login(username=user.username, password=PASSWORD)
        response = moderate(client, answer, "accept")
        assert response.status_code == expected, user.username
        if user is other_webmaster:
            assert SPAM not in client.get(reverse("thgov_stats:survey_moderation")).content.decode()
    anonymous = moderate(Client(), answer, "accept")
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    webmaster = Client()
    webmaster.login(username=users[Role.WEBMASTER].username, password=PASSWORD)
    assert moderate(webmaster, answer, "publish-everything").status_code == 404  # forged decision
    assert webmaster.get(reverse("thgov_stats:survey_moderate", args=[answer.pk])).status_code == 405
    assert SurveyAnswer.objects.get(pk=answer.pk).moderation == Moderation.PENDING


# -- page cache keys ------------------------------------------------------------------------------------


@pytest.fixture
def news(page_cache):
    from wagtail_thgov.site_settings.models import MunicipalitySettings

    home = make_home()
    MunicipalitySettings.for_site(Site.objects.get(root_page=home))  # made on first use: a save, a bump
    index = child(home, NewsIndexPage, "news", title="ข่าวประชาสัมพันธ์")
    child(index, NewsPage, "flood", **news_fields(1, title="แจ้งเตือนน้ำท่วม"))
    return index


@pytest.fixture
def page_cache(settings):
    settings.THGOV_PAGE_CACHE_ENABLED = True
    settings.THGOV_PAGE_CACHE_SECONDS = 300
    settings.THGOV_PAGE_CACHE_COUNTER_SECONDS = 300
    store.bump_global()
    middleware._sites.clear()


@pytest.mark.parametrize(
    "query", ["?page=flood1", "?page=0", "?page=1&page=2", "?kind=<b>", "?year=1", "?x=1"]
)
def test_unknown_or_malformed_query_strings_are_served_but_not_stored(news, query):
    response = get(news.url + query)
    assert response.status_code == 200
    assert state(response) is None
    assert state(get(news.url + query)) is None


def test_host_case_and_default_port_share_one_entry(news):
    assert state(get(news.url, HTTP_HOST="localhost")) == "miss"
    assert state(get(news.url, HTTP_HOST="LocalHost:80")) == "hit"
    assert state(get(news.url, HTTP_HOST="localhost.")) == "hit"


def test_variants_of_a_page_are_capped(news, settings):
    settings.THGOV_PAGE_CACHE_MAX_VARIANTS = 3
    states = [state(get(f"{news.url}?page={n}")) for n in range(1, 6)]
    assert states == ["miss", "miss", "miss", None, None]
    assert state(get(f"{news.url}?page=2")) == "hit"
    assert state(get(news.url)) == "miss"  # the page itself is never counted against the cap


def test_a_flood_of_made_up_query_strings_does_not_evict_a_cached_page(news):
    warm(news)
    for number in range(400):
        get(f"{news.url}?page=flood{number}")
    for number in range(1, 200):
        get(f"{news.url}?page={number}")
    assert state(get(news.url)) == "hit"


# -- generations shared through the database -------------------------------------------------------------


def test_embedded_default_keeps_generations_in_the_database(settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache") or settings.REDIS_URL
    if not settings.REDIS_URL:
        from wagtail_thgov.cache import conf

        assert conf.generations_in_database()


def test_a_bump_made_by_another_process_is_seen_within_the_check_interval(news, settings):
    settings.THGOV_PAGE_CACHE_GENERATIONS = "database"
    settings.THGOV_PAGE_CACHE_GENERATION_CHECK_SECONDS = 0  # re-read on every request
    warm(news)
    site_id = Site.objects.get(is_default_site=True).pk
    # What a worker's bump leaves in the database, written past this process's memory of it.
    PageCacheGeneration.objects.filter(key=store.site_key(site_id)).update(token="from-the-worker")
    assert state(get(news.url)) == "miss"


def test_expiry_bumps_the_site_inside_its_own_transaction(news, settings):
    """A worker killed right after the batch commits leaves no stale page: the bump is in that commit."""
    import datetime as dt

    from django.utils import timezone
    from wagtail.models import Page

    settings.THGOV_PAGE_CACHE_GENERATIONS = "database"
    item = NewsPage.objects.get()
    site_id = Site.objects.get(is_default_site=True).pk
    before = store.generations(site_id)[1]
    Page.objects.filter(pk=item.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))
    seen = []
    from wagtail_thgov.core.signals import pages_expiring

    def inside(sender, **kwargs):
        seen.append(transaction.get_connection().in_atomic_block)

    pages_expiring.connect(inside)
    try:
        with transaction.atomic():
            assert expire_due_pages() == 1
            inside_token = PageCacheGeneration.objects.get(key=store.site_key(site_id)).token
    finally:
        pages_expiring.disconnect(inside)
    assert seen == [True]
    assert inside_token != before


# -- one Redis shared by several caches and the django-q2 broker ---------------------------------------------


def test_clearing_the_cache_leaves_other_prefixes_and_the_task_queue_in_redis(settings):
    """Django's ``RedisCache.clear()`` is ``FLUSHDB``: one test worker's ``cache.clear()`` used to drop the
    other worker's cached pages (a flake of the flood test above), and on a server it would drop django-q2's
    queued tasks. ``ResilientRedisCache.clear()`` deletes only its own prefix."""
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: the Redis path runs in the PostgreSQL + Redis pass")
    import redis
    from django.core.cache import caches

    from wagtail_thgov.cache.backends import ResilientRedisCache

    raw = redis.Redis.from_url(settings.REDIS_URL)
    unique = uuid.uuid4().hex[:8]
    mine = ResilientRedisCache(settings.REDIS_URL, {"KEY_PREFIX": f"thgov-mine-{unique}*[x]"})
    other = ResilientRedisCache(settings.REDIS_URL, {"KEY_PREFIX": f"thgov-mine-{unique}-other"})
    queued = f"django_q:{unique}:q"
    try:
        raw.rpush(queued, b"a queued task")
        mine.set_many({f"page-{number}": number for number in range(2500)})  # more than one SCAN batch
        mine.set("old version", 1, version=2)
        other.set("page-1", "kept")
        assert mine.clear() is True
        assert mine.get("page-1") is None and mine.get("page-2499") is None
        assert mine.get("old version", version=2) is None
        assert other.get("page-1") == "kept"
        assert raw.lrange(queued, 0, -1) == [b"a queued task"]
        assert caches["default"].clear() is True  # the test settings' own cache, its prefix only
        assert other.get("page-1") == "kept"
    finally:
        other.clear()
        raw.delete(queued)


# -- Redis that cannot be reached -------------------------------------------------------------------------


def test_pages_are_served_while_redis_cannot_be_reached(settings, news):
    import socket

    with socket.socket() as sock:  # a loopback port where nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "wagtail_thgov.cache.backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.THGOV_PAGE_CACHE_GENERATIONS = "cache"
    from django.core.cache import cache

    assert cache.get("anything", "default") == "default"
    assert cache.set("anything", 1) is None and cache.add("anything", 1) is False
    assert cache.incr("anything") == 0
    for _ in range(3):
        response = get(news.url)
        assert response.status_code == 200 and "แจ้งเตือนน้ำท่วม" in response.content.decode()
    limit = ratelimit.submit_limit()
    assert ratelimit.count(limit, request_from("198.51.100.1"), 1) == 0
    assert not ratelimit.is_limited(limit, request_from("198.51.100.1"), 1)


def test_a_page_past_its_expiry_is_not_served_even_before_the_worker_runs(news):
    """From its cached copy or rendered: 404 once ``expire_at`` has passed, whenever the job next runs."""
    import datetime as dt
    import time

    from django.utils import timezone

    item = NewsPage.objects.get()
    item.expire_at = timezone.now() + dt.timedelta(seconds=2)
    item.save_revision().publish()
    warm(item)
    time.sleep(2.1)
    assert NewsPage.objects.get(pk=item.pk).live  # the worker has not run
    response = get(item.url)
    assert response.status_code == 404 and state(response) is None


def test_outage_pages_render_without_the_database_in_thai():
    """The database-outage page and the "request stored" page share one plain base (no DB, no theme)."""
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("th"):
        outage = render_to_string("wagtail_thgov/outage/database.html")
        stored = render_to_string(
            "wagtail_thgov/outage/eservice_stored.html", {"tracking_code": "CP-2570-0001"}
        )
    assert '<html lang="th">' in outage and "noindex" in outage and "<h1>" in outage
    assert "CP-2570-0001" in stored and 'id="thgov-tracking-code"' in stored
    assert "The website is briefly unavailable" not in outage  # translated
