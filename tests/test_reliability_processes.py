"""Faults with real processes (issue 20): each test starts its own app servers, worker, database and Redis
on loopback, sends a bounded number of requests, and prints what it measured.

* The embedded default (SQLite file, local-memory caches, ORM broker): a django-q2 cluster expires a page and
  two app servers stop serving it within one second (the generations are shared through the database).
* A worker killed with SIGKILL in the middle of an expiry batch: restarted, every due page is offline and
  logged once.
* A backup and restore drill: the restored database and files serve the same pages, file and counts.
* Redis stopped under load and PostgreSQL restarted under load (PostgreSQL + Redis pass only).
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import stop_group
from tests.test_cache_multiprocess import SETUP_SCRIPT, fetch, free_port, stop, wait_until_serving

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def base_env(tmp_path, database_url, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'example_project'}",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "THGOV_STATS_ENABLED": "0",
        "THGOV_PAGE_CACHE_ENABLED": "1",
        # Long lives: a page that stops being served can only have been invalidated, not expired.
        "THGOV_PAGE_CACHE_SECONDS": "600",
        "THGOV_PAGE_CACHE_COUNTER_SECONDS": "600",
        "THGOV_Q_WORKERS": "1",
        **extra,
    }
    env.pop("REDIS_URL", None)
    return env


def run_script(env, script, *args, timeout=300):
    result = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def last_json(output):
    return json.loads(output.strip().splitlines()[-1])


def spawn(env, tmp_path, name, *command):
    log = (tmp_path / f"{name}.log").open("w")
    return subprocess.Popen(
        [sys.executable, *command],
        env=env,
        cwd=ROOT / "example_project",
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def gunicorn(env, tmp_path, name, port):
    server = spawn(
        env, tmp_path, name, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}", "demo_site.wsgi"
    )
    wait_until_serving(port, server)
    return server


EXPIRE_SOON = """
import datetime as dt, json, sys
import django

django.setup()
from django.utils import timezone
from wagtail.models import Page

seconds = float(sys.argv[2])
Page.objects.filter(pk=json.loads(sys.argv[1])["b"]).update(expire_at=timezone.now() + dt.timedelta(seconds=seconds))
print("ok")
"""

ENQUEUE_EXPIRY = """
import django

django.setup()
from django_q.tasks import async_task

print(async_task("wagtail_thgov.publishing.jobs.run_publish_scheduled"))
"""


def test_default_setup_a_qcluster_expires_a_page_and_two_app_servers_stop_serving_it_within_a_second(
    tmp_path,
):
    database = tmp_path / "thgov.sqlite3"
    env = base_env(tmp_path, f"sqlite:///{database}")
    ids = last_json(run_script(env, SETUP_SCRIPT))
    ports = [free_port(), free_port()]
    servers, cluster = [], None
    try:
        servers = [gunicorn(env, tmp_path, f"gunicorn-{n}", port) for n, port in enumerate(ports)]
        for port in ports:  # warm: both serve the page and its listing from their own local memory
            for path in ("/news/b/", "/news/"):
                fetch(port, path)
                assert fetch(port, path)[1] == "hit", (port, path)
        cluster = spawn(env, tmp_path, "qcluster", "manage.py", "qcluster")
        run_script(env, EXPIRE_SOON, json.dumps(ids), "1")
        time.sleep(1.2)
        run_script(env, ENQUEUE_EXPIRY)  # what the every-minute schedule does, without waiting for it
        offline_at, samples, late = None, 0, []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if offline_at is None:
                with sqlite3.connect(database, timeout=20) as connection:
                    (live,) = connection.execute(
                        "SELECT live FROM wagtailcore_page WHERE id = ?", (ids["b"],)
                    ).fetchone()
                if not live:
                    offline_at = time.monotonic()
            for port in ports:
                status, cache_state, body = fetch(port, "/news/b/")
                listing = fetch(port, "/news/")[2]
                now = time.monotonic()
                samples += 1
                if offline_at is not None and now > offline_at + 1.0 and (status == 200 or "ข่าวบี" in listing):
                    late.append((port, round(now - offline_at, 2), status, cache_state))
            if offline_at is not None and time.monotonic() > offline_at + 2.0:
                break
        assert offline_at is not None, (tmp_path / "qcluster.log").read_text()[-3000:]
        print(
            f"default set-up: page expired by the qcluster; {samples} request pairs to 2 app servers; "
            f"served after expiry + 1 s: {len(late)}"
        )
        assert not late, late[:5]
    finally:
        if cluster is not None:
            stop_group(cluster)
        for server in servers:
            stop(server)


DUE_PAGES_SCRIPT = """
import datetime as dt, json, sys
import django

django.setup()
from django.utils import timezone
from wagtail.models import Page
from wagtail_thgov.pages.news import NewsPage

ids = json.loads(sys.argv[1])
news = Page.objects.get(pk=ids["news"])
past = timezone.now() - dt.timedelta(minutes=5)
made = []
for number in range(int(sys.argv[2])):
    page = news.add_child(instance=NewsPage(title=f"ประกาศหมดอายุ {number}", slug=f"due-{number}",
                                            body=[("paragraph", "<p>ข่าว</p>")]))
    page.save_revision().publish()
    made.append(page.pk)
Page.objects.filter(pk__in=made).update(expire_at=past)
print(json.dumps(made))
"""

SLOW_WORKER = """
import sys, time
import django

django.setup()
from wagtail_thgov.publishing.unpublish import expire_due_pages, pages_expiring


def slow(sender, url_paths, **kwargs):  # inside the batch's transaction: a kill here loses the whole batch
    print("batch", len(url_paths), flush=True)
    time.sleep(0.4)


pages_expiring.connect(slow)
# What the every-minute job (publishing.jobs.run_publish_scheduled) runs, in small batches.
print("expired pages:", expire_due_pages(batch_size=int(sys.argv[1])), flush=True)
"""


def audit_counts(database, page_ids):
    with sqlite3.connect(database, timeout=20) as connection:
        marks = ",".join("?" * len(page_ids))
        live = connection.execute(
            f"SELECT count(*) FROM wagtailcore_page WHERE live AND id IN ({marks})", page_ids
        ).fetchone()[0]
        logged = dict(
            connection.execute(
                f"SELECT page_id, count(*) FROM wagtailcore_pagelogentry WHERE action = ? AND page_id IN ({marks}) "
                "GROUP BY page_id",
                ["wagtail.unpublish.scheduled", *page_ids],
            ).fetchall()
        )
    return live, logged


def test_worker_killed_in_the_middle_of_an_expiry_batch_leaves_every_page_offline_and_logged_once(tmp_path):
    database = tmp_path / "thgov.sqlite3"
    env = base_env(tmp_path, f"sqlite:///{database}")
    ids = last_json(run_script(env, SETUP_SCRIPT))
    due = last_json(run_script(env, DUE_PAGES_SCRIPT, json.dumps(ids), "30"))
    worker = subprocess.Popen(
        [sys.executable, "-c", SLOW_WORKER, "10"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    batches = 0
    for line in worker.stdout:
        if line.startswith("batch"):
            batches += 1
            if batches == 2:  # the first batch is committed, the second is half-way
                time.sleep(0.2)
                os.killpg(worker.pid, signal.SIGKILL)
                break
    worker.wait(timeout=30)
    live_after_kill, logged_after_kill = audit_counts(database, due)
    restarted_at = time.monotonic()
    output = run_script(env, SLOW_WORKER, "10")
    seconds = time.monotonic() - restarted_at
    live, logged = audit_counts(database, due)
    print(
        f"worker killed after {batches} batch starts: {len(due) - live_after_kill} of {len(due)} pages offline, "
        f"{sum(logged_after_kill.values())} logged; restarted worker: {[line for line in output.splitlines() if line.startswith('expired')]} "
        f"in {seconds:.1f} s; now offline {len(due) - live}, logged {sum(logged.values())}"
    )
    assert live_after_kill == len(due) - 10  # exactly the committed batch, nothing half-way
    assert live == 0
    assert sorted(logged) == sorted(due) and set(logged.values()) == {1}


# -- backup and restore drill ---------------------------------------------------------------------------

DRILL_CONTENT = """
import datetime as dt, json, sys
import django

django.setup()
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail_thgov.stats.models import PageViewDay, SiteVisitDay

ids = json.loads(sys.argv[1])
document = get_document_model()(title="ข้อบัญญัติงบประมาณ")
document.file.save("budget.pdf", ContentFile(b"%PDF-1.4 thgov backup drill\\n%%EOF\\n"))
document.save()
site = Site.objects.get(pk=ids["site"])
today = timezone.localdate()
for name, views in (("home", 120), ("news", 45), ("a", 7)):
    PageViewDay.objects.create(site=site, page_id=ids[name], date=today, views=views)
SiteVisitDay.objects.create(site=site, date=today, views=172, uniques=31)
print(json.dumps({"document": document.url}))
"""

COUNTS = """
import django

django.setup()
import json
from django.db.models import Sum
from wagtail_thgov.stats.models import PageViewDay, SiteVisitDay

print(json.dumps({
    "page_views": sorted(PageViewDay.objects.values_list("page_id", "views")),
    "site_views": SiteVisitDay.objects.aggregate(views=Sum("views"), uniques=Sum("uniques")),
}))
"""

DRILL_PATHS = ["/", "/news/", "/news/a/", "/agency/people/"]


def snapshot(port, paths):
    """Status and body of each path, with the per-response parts (CSP nonces) left out."""
    import re

    shown = {}
    for path in paths:
        status, _state, body = fetch(port, path)
        shown[path] = (status, re.sub(r'nonce="[^"]*"|nonce-[A-Za-z0-9+/=_-]+', "nonce", body))
    return shown


def test_backup_and_restore_drill_serves_the_same_pages_files_and_counts(tmp_path):
    """Dump, restore into an empty database and an empty media folder, and serve both side by side."""
    database = tmp_path / "thgov.sqlite3"
    env = base_env(tmp_path, f"sqlite:///{database}", THGOV_PAGE_CACHE_ENABLED="0")
    ids = last_json(run_script(env, SETUP_SCRIPT))
    document = last_json(run_script(env, DRILL_CONTENT, json.dumps(ids)))["document"]
    started = time.monotonic()
    # The backup: the database through SQLite's online backup (what `sqlite3 thgov.sqlite3 .backup` does),
    # and the media folder as an archive.
    backup = tmp_path / "backup"
    backup.mkdir()
    with sqlite3.connect(database) as source, sqlite3.connect(backup / "thgov.sqlite3") as target:
        source.backup(target)
    archive = shutil.make_archive(str(backup / "media"), "gztar", tmp_path / "media")
    # The restore, on "another machine": an empty folder.
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(backup / "thgov.sqlite3", restored / "thgov.sqlite3")
    shutil.unpack_archive(archive, restored / "media")
    drill_seconds = time.monotonic() - started
    restored_env = {
        **env,
        "DATABASE_URL": f"sqlite:///{restored / 'thgov.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(restored / "media"),
    }
    paths = [*DRILL_PATHS, document]
    ports = [free_port(), free_port()]
    servers = []
    try:
        servers = [
            gunicorn(env, tmp_path, "original", ports[0]),
            gunicorn(restored_env, tmp_path, "restored", ports[1]),
        ]
        original, copy = snapshot(ports[0], paths), snapshot(ports[1], paths)
    finally:
        for server in servers:
            stop(server)
    counts = last_json(run_script(env, COUNTS)), last_json(run_script(restored_env, COUNTS))
    print(
        f"backup drill: {len(paths)} URLs compared, backup + restore in {drill_seconds:.2f} s; "
        f"counts original {counts[0]} restored {counts[1]}"
    )
    for path in paths:
        assert original[path][0] == 200, (path, original[path][0])
        assert copy[path] == original[path], path
    assert counts[0] == counts[1] and counts[0]["site_views"]["views"] == 172


# -- Redis stopped under load (PostgreSQL + Redis pass) ---------------------------------------------------


def start_redis(server, port, directory):
    """A Redis that writes every change to its append-only file, as docs/deployment.md asks for counts."""
    subprocess.run(
        [server, "--daemonize", "yes", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory),
         "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--pidfile", str(directory / "redis.pid")],
        check=True,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            import redis

            redis.Redis(port=port, socket_connect_timeout=0.2).ping()
            return
        except Exception:
            time.sleep(0.05)
    raise AssertionError("redis did not start")


def stop_redis(directory):
    pidfile = directory / "redis.pid"
    pid = int(pidfile.read_text().strip())
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            time.sleep(0.05)
        except ProcessLookupError:
            return


DRAIN = """
import django

django.setup()
import json, sys
from django.db.models import Sum
from wagtail_thgov.stats.jobs import drain_stats
from wagtail_thgov.stats.models import PageViewDay

print(drain_stats(), file=sys.stderr)
print(json.dumps(PageViewDay.objects.filter(page_id=int(sys.argv[1])).aggregate(views=Sum("views"))["views"] or 0))
"""


@pytest.fixture
def throwaway_postgres(postgres_and_redis_pass):
    """A database of its own on the pass's PostgreSQL, dropped afterwards."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(postgres_and_redis_pass[0])
    name = f"{parts.path.lstrip('/') or 'thgov'}_reliability_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_redis_stopped_under_load_pages_still_served_and_every_view_counted(
    tmp_path, throwaway_postgres, require_tool
):
    server_binary = require_tool("redis-server")
    redis_dir = tmp_path / "redis"
    redis_dir.mkdir()
    redis_port = free_port()
    start_redis(server_binary, redis_port, redis_dir)
    env = base_env(
        tmp_path,
        throwaway_postgres,
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        THGOV_STATS_ENABLED="1",
        THGOV_STATS_FLUSH_SECONDS="0.5",
        THGOV_CACHE_PREFIX=f"thgov-reliability-{os.getpid()}",
    )
    ids = last_json(run_script(env, SETUP_SCRIPT))
    port = free_port()
    server = None
    statuses, sent, stopped_at, restarted_at, recovered_at = [], 0, None, None, None
    try:
        server = gunicorn(env, tmp_path, "gunicorn", port)
        deadline = time.monotonic() + 90
        while sent < 150 and time.monotonic() < deadline:
            if sent == 50:
                stop_redis(redis_dir)
                stopped_at = time.monotonic()
            if sent == 100:
                start_redis(server_binary, redis_port, redis_dir)
                restarted_at = time.monotonic()
            status, cache_state, _body = fetch(port, "/news/a/")
            sent += 1
            statuses.append(status)
            if restarted_at and recovered_at is None and cache_state == "hit":
                recovered_at = time.monotonic()
            time.sleep(0.02)
    finally:
        if server is not None:
            time.sleep(1.5)  # one more flush interval, then gunicorn writes the rest at exit
            stop(server)
    stored = last_json(run_script(env, DRAIN, str(ids["a"])))
    stop_redis(redis_dir)
    errors = sum(1 for status in statuses if status >= 500)
    print(
        f"Redis stopped under load: {sent} requests sent, {errors} errors, {statuses.count(200)} served; "
        f"Redis down {restarted_at - stopped_at:.1f} s; counts stored {stored} of {statuses.count(200)} sent; "
        f"cache serving again {recovered_at - restarted_at if recovered_at else float('nan'):.2f} s after Redis returned"
    )
    assert errors == 0 and statuses.count(200) == sent
    assert stored == sent
    assert recovered_at is not None


# -- PostgreSQL restarted under load (PostgreSQL + Redis pass) -------------------------------------------

ESERVICE_SETUP = SETUP_SCRIPT.replace(
    "print(json.dumps(ids))",
    """from tests.eservice_support import make_service
from wagtail_thgov.installation import run_setup

run_setup()
ids["service"] = make_service(site).url
print(json.dumps(ids))""",
)


@pytest.fixture
def private_postgres_cluster(postgres_and_redis_pass, tmp_path):
    """A PostgreSQL server of this test alone (the pass's own must not be restarted under other tests)."""
    from tests.conftest import skip_or_fail

    binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not binaries or os.geteuid() != 0:
        skip_or_fail("a private PostgreSQL cluster needs initdb and root (to run it as the postgres user)")
    import tempfile

    bin_dir = binaries[-1].parent
    data = Path(tempfile.mkdtemp(prefix="thgov-reliability-pg-"))  # pytest's own folders are root's alone
    shutil.chown(data, "postgres")

    def as_postgres(*command, **kwargs):
        return subprocess.run(["runuser", "-u", "postgres", "--", *command], cwd="/", check=True, **kwargs)

    as_postgres(
        str(bin_dir / "initdb"),
        "-D",
        str(data / "data"),
        "-A",
        "trust",
        "-U",
        "postgres",
        capture_output=True,
    )
    port = free_port()
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data / "data"), "-o", options, "-l", str(data / "log"), "-w"]
    as_postgres(*pg_ctl, "start", capture_output=True)
    as_postgres(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "thgov")

    def restart():
        as_postgres(*pg_ctl, "-m", "fast", "restart", capture_output=True)

    yield f"postgres://postgres@127.0.0.1:{port}/thgov", restart
    subprocess.run(
        ["runuser", "-u", "postgres", "--", *pg_ctl, "-m", "immediate", "stop"], cwd="/", capture_output=True
    )
    shutil.rmtree(data, ignore_errors=True)


def submit_request(port, path, number):
    """GET the e-Service form (its CSRF cookie and token), then POST it as a browser does."""
    import http.client
    import re
    from urllib.parse import urlencode

    forwarded = {"X-Forwarded-For": f"198.51.{number // 250}.{number % 250 + 1}"}  # a citizen of its own
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "localhost", **forwarded})
        response = connection.getresponse()
        body = response.read().decode()
        if response.status != 200:
            return "refused" if response.status == 503 else "error", response.status, body
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        from tests.eservice_support import valid_data

        data = {**valid_data(subject=f"เรื่องที่ {number}"), "csrfmiddlewaretoken": token}
        connection.request(
            "POST",
            path,
            body=urlencode(data),
            headers={
                "Host": "localhost",
                "Cookie": cookie,
                "Origin": "http://localhost",
                "Referer": f"http://localhost{path}",
                "Content-Type": "application/x-www-form-urlencoded",
                **forwarded,
            },
        )
        response = connection.getresponse()
        body = response.read().decode()
    except OSError as error:
        return "error", 0, str(error)
    finally:
        connection.close()
    code = re.search(r'id="thgov-tracking-code">\s*([^<\s]+)', body)
    if response.status == 200 and code:
        return "stored", 200, code.group(1)
    if response.status == 503 and ("try again" in body.lower() or "ลองใหม่" in body):
        return "refused", response.status, body
    return "error", response.status, body[-500:]


def test_postgres_restarted_under_load_each_request_is_stored_with_its_code_or_refused_clearly(
    tmp_path, private_postgres_cluster
):
    import threading

    import psycopg

    database_url, restart = private_postgres_cluster
    env = base_env(tmp_path, database_url, THGOV_TRUSTED_PROXIES="127.0.0.1", THGOV_PAGE_CACHE_ENABLED="0")
    ids = last_json(run_script(env, ESERVICE_SETUP))
    port = free_port()
    server = None
    outcomes, restart_started, restart_done, recovered_at = [], None, [], None
    try:
        server = spawn(
            env,
            tmp_path,
            "gunicorn",
            "-m",
            "gunicorn",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "demo_site.wsgi",
        )
        wait_until_serving(port, server)
        deadline = time.monotonic() + 90
        number, after_recovery = 0, 0
        # Until five submissions after the recovery are stored, at most 300 and at most 90 s.
        while number < 300 and after_recovery < 5 and time.monotonic() < deadline:
            if number == 8:
                restart_started = time.monotonic()
                threading.Thread(target=lambda: (restart(), restart_done.append(time.monotonic()))).start()
            outcome = submit_request(port, ids["service"], number)
            outcomes.append(outcome)
            if restart_started and restart_done and outcome[0] == "stored":
                recovered_at = recovered_at or time.monotonic()
                after_recovery += 1
            if outcome[0] != "stored":
                time.sleep(0.2)  # a citizen waits a moment before trying again
            number += 1
    finally:
        if server is not None:
            stop(server)
    with psycopg.connect(database_url) as connection:
        stored_codes = {
            row[0] for row in connection.execute("SELECT tracking_code FROM wagtail_thgov_servicerequest")
        }
    shown = [code for kind, _status, code in outcomes if kind == "stored"]
    kinds = [kind for kind, _status, _detail in outcomes]
    print(
        f"PostgreSQL restarted under load: {len(outcomes)} submissions sent, {kinds.count('stored')} stored "
        f"with their code, {kinds.count('refused')} refused with the Thai message, {kinds.count('error')} errors; "
        f"rows in the database {len(stored_codes)}; recovered {recovered_at - restart_started if recovered_at else float('nan'):.1f} s "
        f"after the restart began"
    )
    assert kinds.count("error") == 0, [outcome for outcome in outcomes if outcome[0] == "error"][:3]
    assert set(shown) == stored_codes  # every code shown is stored, and nothing is stored without its code
    assert recovered_at is not None and kinds[-1] == "stored"
