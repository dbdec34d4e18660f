"""Two real gunicorn workers count over a thousand page views on loopback and lose none, with the page
cache on (pages served from each worker's cache are counted too) and off.

The demo site runs under ``gunicorn -w 2`` against a throw-away SQLite file (tables made from the
models in a subprocess, as ``--nomigrations`` does). Threads send GETs of two pages plus requests that must not count (HEAD, 404, a robot,
the admin). After SIGTERM (each worker writes its buffer at exit) the stored views equal the number
of 200 responses to counted GETs, exactly, and the day's unique visitors equal the distinct browsers.
"""

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 1200
TIME_LIMIT = 90  # seconds of load at most: a themed page costs 100-300 ms of CPU (2 workers on 2 cores)
MIN_COUNTED = 500  # counted views the run must reach even on a slow, shared machine
BROWSERS = [f"Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36 visitor-{n}" for n in range(7)]

SETUP_SCRIPT = """
import json, sys
from django.conf import settings


class DisableMigrations:  # tables straight from the models, as pytest --nomigrations does
    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None


settings.MIGRATION_MODULES = DisableMigrations()
import django

django.setup()
from django.core.management import call_command
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail_thgov.models import MunicipalityHomePage, StatisticsPage

call_command("migrate", run_syncdb=True, verbosity=0)
Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
root = Page.add_root(instance=Page(title="Root", slug="root"))
home = root.add_child(instance=MunicipalityHomePage(title="เทศบาลตำบลบ้านสวนดอกไม้", slug="load-home"))
home.save_revision().publish()
site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="demo")
other = home.add_child(instance=StatisticsPage(title="สถิติผู้เข้าชม", slug="stats"))
other.save_revision().publish()
print(json.dumps({"home": home.pk, "other": other.pk, "site": site.pk}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


CACHE_HITS = Counter()  # X-Thgov-Cache: hit responses seen (the page cache of wagtail_thgov.cache)


def request(port, method, path, agent):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request(method, path, headers={"User-Agent": agent, "Host": "localhost"})
        response = connection.getresponse()
        response.read()
        if response.getheader("X-Thgov-Cache") == "hit":
            CACHE_HITS[path] += 1
        return response.status
    finally:
        connection.close()


def wait_until_serving(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            request(port, "GET", "/robots.txt", "probe-bot")
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


def stop(process):
    try:
        process.send_signal(signal.SIGTERM)  # graceful: workers finish, write their buffers, exit
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def stored(database):
    with sqlite3.connect(database, timeout=20) as connection:
        pages = dict(
            connection.execute("SELECT page_id, SUM(views) FROM wagtail_thgov_pageviewday GROUP BY page_id")
        )
        site = connection.execute(
            "SELECT SUM(views), SUM(uniques) FROM wagtail_thgov_sitevisitday"
        ).fetchone()
    return pages, site


@pytest.mark.parametrize("page_cache", ["on", "off"])
def test_two_gunicorn_workers_store_exactly_the_200_responses(tmp_path, page_cache):
    """Exact with the page cache on (hits are counted like rendered pages) and off."""
    database = tmp_path / "stats.sqlite3"
    CACHE_HITS.clear()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'example_project'}",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_DEBUG": "0",
        "THGOV_STATS_FLUSH_SECONDS": "1",  # flushes from both workers overlap with the load
        "THGOV_STATS_FLUSH_HITS": "200",
        "THGOV_PAGE_CACHE_ENABLED": "1" if page_cache == "on" else "0",
    }
    env.pop("REDIS_URL", None)
    setup = subprocess.run(
        [sys.executable, "-c", SETUP_SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert setup.returncode == 0, setup.stderr
    ids = json.loads(setup.stdout.strip().splitlines()[-1])

    port = free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "demo_site.wsgi"],
        env=env,
        cwd=ROOT / "example_project",
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    statuses = Counter()  # (kind, status) -> responses
    lock = threading.Lock()
    sent = iter(range(REQUESTS))
    deadline = [time.monotonic() + TIME_LIMIT]
    plan = [
        ("home", "GET", "/"),
        ("other", "GET", "/stats/"),
        ("home", "GET", "/"),
        ("not counted", "HEAD", "/"),
        ("other", "GET", "/stats/"),
        ("home", "GET", "/"),
        ("not counted", "GET", "/no-such-page/"),
        ("other", "GET", "/stats/"),
        ("bot", "GET", "/"),
        ("home", "GET", "/"),
        ("not counted", "GET", "/admin/"),
        ("other", "GET", "/stats/"),
    ]

    def load():
        while time.monotonic() < deadline[0]:
            with lock:
                number = next(sent, None)
            if number is None:
                return
            kind, method, path = plan[number % len(plan)]
            agent = (
                "Googlebot/2.1 (+http://www.google.com/bot.html)"
                if kind == "bot"
                else BROWSERS[number % len(BROWSERS)]
            )
            try:
                status = request(port, method, path, agent)
            except OSError:
                status = "error"
            with lock:
                statuses[(kind, status)] += 1

    try:
        wait_until_serving(port, server)
        deadline[0] = time.monotonic() + TIME_LIMIT
        threads = [threading.Thread(target=load) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        stop(server)
    log.close()

    counted = {"home": statuses[("home", 200)], "other": statuses[("other", 200)]}
    total_sent = sum(statuses.values())
    print(
        f"page cache {page_cache}: requests: {total_sent}, responses: {dict(statuses)}, hits: {dict(CACHE_HITS)}"
    )
    if page_cache == "on":
        assert CACHE_HITS["/"] > 0 and CACHE_HITS["/stats/"] > 0
    else:
        assert not CACHE_HITS
    assert statuses[("not counted", 404)] > 0 and statuses[("bot", 200)] > 0
    pages, (site_views, uniques) = stored(database)
    assert pages == {ids["home"]: counted["home"], ids["other"]: counted["other"]}, (
        tmp_path / "gunicorn.log"
    ).read_text()[-3000:]
    assert site_views == counted["home"] + counted["other"]
    assert uniques == len(BROWSERS)
    assert statuses.get(("home", "error"), 0) + statuses.get(("other", "error"), 0) == 0
    assert counted["home"] + counted["other"] >= MIN_COUNTED, f"only {total_sent} requests in {TIME_LIMIT} s"
    with sqlite3.connect(database) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(wagtail_thgov_visitorhashday)")]
    assert "ip" not in " ".join(columns)
