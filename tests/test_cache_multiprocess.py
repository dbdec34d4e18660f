"""Two app servers sharing one Redis never serve a stale page once a change is made elsewhere.

Two gunicorn servers (separate processes, separate ports) run the demo site against one database (a
throw-away SQLite file, or a throw-away PostgreSQL database in the PostgreSQL + Redis pass) and one
private Redis (started here on a free loopback port: the page cache and its generations live
there). For each trigger, both servers are warmed until they answer from the cache, a *third* process
makes the change through the ORM or a management command, and then every request to either server
within the next second must show the new state.
"""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"

SETUP_SCRIPT = """
import json
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
from wagtail.models import Collection, Locale, Page, Site
from wagtail_thgov.models import MunicipalityHomePage
from wagtail_thgov.pages.agency import AgencyIndexPage, PersonnelDirectoryPage
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.people.models import Person
from wagtail_thgov.site_settings.models import MunicipalitySettings

call_command("migrate", run_syncdb=True, verbosity=0)
Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
Collection.add_root(name="Root")
root = Page.add_root(instance=Page(title="Root", slug="root"))
home = root.add_child(instance=MunicipalityHomePage(title="เทศบาลตำบลบ้านสวนดอกไม้", slug="home"))
home.save_revision().publish()
site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="demo")
MunicipalitySettings.for_site(site)


def add(parent, model, slug, title, **fields):
    page = parent.add_child(instance=model(title=title, slug=slug, **fields))
    page.save_revision().publish()
    return page


news = add(home, NewsIndexPage, "news", "ข่าวประชาสัมพันธ์")
other = add(home, NewsIndexPage, "activities", "ข่าวกิจกรรม")
ids = {"home": home.pk, "news": news.pk, "other": other.pk, "site": site.pk}
for slug, title in [("a", "ข่าวเอ"), ("b", "ข่าวบี"), ("c", "ข่าวซี"), ("d", "ข่าวดี")]:
    ids[slug] = add(news, NewsPage, slug, title, body=[("paragraph", "<p>ข่าว</p>")]).pk
agency = add(home, AgencyIndexPage, "agency", "ข้อมูลหน่วยงาน")
add(agency, PersonnelDirectoryPage, "people", "ทำเนียบบุคลากร")
ids["person"] = Person.objects.create(site=site, name="นายสมชาย ใจดี", position="นายกเทศมนตรี").pk
print(json.dumps(ids))
"""

CHANGE_SCRIPT = """
import datetime as dt, json, sys
import django

django.setup()
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail_thgov.people.models import Person
from wagtail_thgov.publishing.unpublish import expire_due_pages
from wagtail_thgov.site_settings.models import MunicipalitySettings

trigger, ids = sys.argv[1], json.loads(sys.argv[2])
page = lambda name: Page.objects.get(pk=ids[name]).specific
past = timezone.now() - dt.timedelta(minutes=1)
if trigger == "publish":
    revision = page("a").save_revision()
    revision.content["title"] = "ข่าวเอฉบับแก้ไข"
    revision.save()
    revision.publish()
elif trigger == "unpublish":
    page("a").unpublish()
elif trigger == "expiry":
    Page.objects.filter(pk=ids["b"]).update(expire_at=past)
    assert expire_due_pages() == 1
elif trigger == "publish_scheduled":
    Page.objects.filter(pk=ids["c"]).update(expire_at=past)
    call_command("publish_scheduled", verbosity=0)
elif trigger == "settings":
    settings_object = MunicipalitySettings.for_site(Site.objects.get(pk=ids["site"]))
    settings_object.phone = "053-999-888"
    settings_object.save()
elif trigger == "snippet":
    person = Person.objects.get(pk=ids["person"])
    person.position = "ปลัดเทศบาล"
    person.save()
elif trigger == "move":
    page("d").move(page("other"), pos="last-child")
elif trigger == "delete":
    page("d").delete()
print("done")
"""

# trigger -> [(path, text that must be shown, text that must not)], checked on both servers.
CHECKS = {
    "publish": [
        ("/", "ข่าวเอฉบับแก้ไข", None),
        ("/news/", "ข่าวเอฉบับแก้ไข", None),
        ("/news/a/", "ข่าวเอฉบับแก้ไข", None),
    ],
    "unpublish": [("/news/", None, "ข่าวเอฉบับแก้ไข"), ("/news/a/", 404, None)],
    "expiry": [("/news/", None, "ข่าวบี"), ("/news/b/", 404, None)],
    "publish_scheduled": [("/news/", None, "ข่าวซี"), ("/news/c/", 404, None)],
    "settings": [("/", "053-999-888", None), ("/news/", "053-999-888", None)],
    "snippet": [("/agency/people/", "ปลัดเทศบาล", None)],
    "move": [("/activities/", "ข่าวดี", None), ("/news/", None, "ข่าวดี"), ("/activities/d/", "ข่าวดี", None)],
    "delete": [("/activities/", None, "ข่าวดี"), ("/activities/d/", 404, None)],
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", path, headers={"User-Agent": BROWSER, "Host": "localhost"})
        response = connection.getresponse()
        return response.status, response.getheader("X-Thgov-Cache"), response.read().decode()
    finally:
        connection.close()


def wait_until_serving(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            fetch(port, "/robots.txt")
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


def stop(process):
    try:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def fresh(result, shown, hidden):
    status, _state, body = result
    if shown == 404:
        return status == 404
    return status == 200 and (shown is None or shown in body) and (hidden is None or hidden not in body)


@pytest.fixture
def redis_url(require_tool, tmp_path):
    server = require_tool("redis-server")
    port = free_port()
    pidfile = tmp_path / "redis.pid"
    subprocess.run(
        [server, "--daemonize", "yes", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--pidfile", str(pidfile)],
        check=True,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while not pidfile.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    if pidfile.exists():
        os.kill(int(pidfile.read_text().strip()), signal.SIGTERM)


@pytest.fixture
def database_url(tmp_path):
    """A throw-away database: PostgreSQL in the PostgreSQL + Redis pass (DATABASE_URL set), else SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'cache.sqlite3'}"
        return
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'thgov'}_cache_mp_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_servers_sharing_redis_serve_no_stale_page_after_a_change(tmp_path, redis_url, database_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'example_project'}",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "THGOV_CACHE_PREFIX": f"thgov-cache-test-{os.getpid()}",
        "DJANGO_DEBUG": "0",
        "THGOV_STATS_ENABLED": "0",
        "THGOV_PAGE_CACHE_ENABLED": "1",
        # Long lives: a fresh page can only come from invalidation, not from an entry running out.
        "THGOV_PAGE_CACHE_SECONDS": "600",
        "THGOV_PAGE_CACHE_COUNTER_SECONDS": "600",
    }
    setup = subprocess.run(
        [sys.executable, "-c", SETUP_SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert setup.returncode == 0, setup.stderr
    ids = json.loads(setup.stdout.strip().splitlines()[-1])

    ports = [free_port(), free_port()]
    servers = []
    try:
        for number, port in enumerate(ports):
            log = (tmp_path / f"gunicorn-{number}.log").open("w")
            servers.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "-w",
                        "1",
                        "-b",
                        f"127.0.0.1:{port}",
                        "demo_site.wsgi",
                    ],
                    env=env,
                    cwd=ROOT / "example_project",
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        for port, server in zip(ports, servers, strict=True):
            wait_until_serving(port, server)

        for trigger, checks in CHECKS.items():
            # Warm: each server answers every checked page that exists from the cache, in the old state.
            for port in ports:
                for path, shown, hidden in checks:
                    fetch(port, path)
                    result = fetch(port, path)
                    assert result[0] == 404 or result[1] == "hit", (trigger, port, path, result[:2])
                    assert not fresh(result, shown, hidden), (trigger, port, path, "already fresh")
            change = subprocess.run(
                [sys.executable, "-c", CHANGE_SCRIPT, trigger, json.dumps(ids)],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert change.returncode == 0, change.stderr[-3000:]
            changed_at = time.monotonic()
            # Within one second of the change, no request to either server shows the old state.
            rounds = 0
            while time.monotonic() - changed_at < 1.0 or rounds < 2:
                for port in ports:
                    for path, shown, hidden in checks:
                        result = fetch(port, path)
                        assert fresh(result, shown, hidden), (trigger, port, path, result[:2], rounds)
                rounds += 1
            print(f"{trigger}: fresh on both servers at once, {rounds} rounds of checks in the first second")
    finally:
        for server in servers:
            stop(server)
