"""The scale-out path, for real: one PostgreSQL, one Redis, two gunicorn app servers and one qcluster.

Only in the PostgreSQL + Redis pass of ``make test`` (under CI=true it must run). On loopback only:

1. a private database is created on the pass's PostgreSQL (dropped at the end) and a private
   ``redis-server`` is started on a free port (stopped at the end), so parallel runs never collide;
2. ``migrate``, ``thgov_setup`` and ``thgov_demo`` run in a subprocess with the example project's
   settings (``DATABASE_URL`` + ``REDIS_URL``: Redis is the cache and the django-q2 broker);
3. a live page is set to expire a few seconds ahead; two ``gunicorn -w 2`` servers and one
   ``qcluster`` start; threads send concurrent GETs of three demo pages to both servers;
4. the servers stop (each worker writes its buffer to Redis at exit) and the counts are drained into
   PostgreSQL: the views stored equal the 200 responses, exactly, per page;
5. the cluster (and nobody else) has unpublished the expiring page exactly once: one audit-log entry;
6. ``thgov_compliance --format xlsx`` writes a workbook from that deployment's database.

Bounded: every wait has a timeout, every child is killed in ``finally``.
"""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import dj_database_url
import pytest

from tests.processes import stop_group

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
MANAGE = ROOT / "example_project" / "manage.py"
REQUESTS = 6000  # at most; the load also stops after LOAD_SECONDS
LOAD_SECONDS = 25
MIN_COUNTED = 60  # counted views the run must reach even on a slow, shared 2-core machine
EXPIRY_WAIT = 75  # django-q2's scheduler looks at the schedules every 30 seconds
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 scale-out-{n}"

BUILD_SCRIPT = """
import json
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("thgov_setup", verbosity=0)
call_command("thgov_demo", "--users", verbosity=0)
"""

PREPARE_SCRIPT = """
import datetime as dt, json
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail_thgov.pages.manuals import CitizenManualPage
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.stats.models import PageViewDay

site = Site.objects.get(is_default_site=True)
home = site.root_page
news = NewsPage.objects.live().descendant_of(home).order_by("pk").first()
manual = CitizenManualPage.objects.live().descendant_of(home).order_by("pk").first()
index = NewsIndexPage.objects.descendant_of(home).first()
alert = NewsPage(title="ประกาศชั่วคราว ทดสอบการหมดอายุ", slug="scale-out-expiring", body="[]")
index.add_child(instance=alert)
alert.save_revision().publish()
Page.objects.filter(pk=alert.pk).update(expire_at=timezone.now() + dt.timedelta(seconds={expire_in}))
pages = {{"/": home.pk, news.url: news.pk, manual.url: manual.pk}}
before = {{str(pk): sum(PageViewDay.objects.filter(page_id=pk).values_list("views", flat=True)) for pk in pages.values()}}
print(json.dumps({{"pages": pages, "before": before, "alert": alert.pk}}))
"""

STATE_SCRIPT = """
import json
from wagtail.models import Page, PageLogEntry
from wagtail_thgov.stats.jobs import drain_stats
from wagtail_thgov.stats.models import PageViewDay

drain_stats()
ids = json.loads('{ids}')
alert = Page.objects.get(pk={alert})
print(json.dumps({{
    "views": {{str(pk): sum(PageViewDay.objects.filter(page_id=pk).values_list("views", flat=True)) for pk in ids}},
    "live": alert.live,
    "expired": alert.expired,
    "unpublished": PageLogEntry.objects.filter(page_id={alert}, action="wagtail.unpublish.scheduled").count(),
    "all_unpublish": PageLogEntry.objects.filter(page_id={alert}, action__startswith="wagtail.unpublish").count(),
}}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_python(env, script, timeout):
    result = subprocess.run(
        [sys.executable, str(MANAGE), "shell", "-v", "0", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def last_json(output):
    return json.loads(output.strip().splitlines()[-1])


def stop(process, timeout=20):
    """SIGTERM the process group (graceful: gunicorn workers write their buffers), then SIGKILL."""
    stop_group(process, timeout)


def get(port, path, agent):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"User-Agent": agent, "Host": "localhost"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def wait_until_serving(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            get(port, "/robots.txt", "probe-bot")
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"gunicorn on port {port} did not start")


@pytest.fixture
def private_database(postgres_and_redis_pass):
    """A database of its own on the pass's PostgreSQL server, dropped afterwards."""
    import psycopg

    database_url, _ = postgres_and_redis_pass
    config = dj_database_url.parse(database_url)
    name = f"thgov_scaleout_{os.getpid()}_{secrets.token_hex(3)}"
    admin = {
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
        "connect_timeout": 10,
    }
    with psycopg.connect(**admin) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{config['USER']}:{config['PASSWORD']}@{admin['host']}:{admin['port']}/{name}"
    finally:
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def private_redis(postgres_and_redis_pass, require_tool, tmp_path):
    """A redis-server of its own on a free loopback port, without persistence; stopped afterwards."""
    server = require_tool("redis-server")
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=(tmp_path / "redis.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process, timeout=10)


def test_two_app_servers_and_a_cluster_on_postgres_and_redis(private_database, private_redis, tmp_path):
    started = time.monotonic()
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("THGOV_SCRATCH")},
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'example_project'}",
        "DATABASE_URL": private_database,
        "REDIS_URL": private_redis,
        "DJANGO_DEBUG": "0",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "THGOV_Q_WORKERS": "1",
        "THGOV_STATS_ENABLED": "1",
        "THGOV_STATS_FLUSH_SECONDS": "2",  # flushes of four workers overlap with the load
        "THGOV_STATS_FLUSH_HITS": "100",
        "THGOV_PAGE_CACHE_ENABLED": "0",  # every request is rendered and counted by the app
    }
    (tmp_path / "static").mkdir()
    run_python(env, BUILD_SCRIPT, timeout=480)
    built = time.monotonic()
    print(f"migrate + thgov_setup + thgov_demo: {built - started:.0f} s")
    prepared = last_json(run_python(env, PREPARE_SCRIPT.format(expire_in=25), timeout=60))
    pages = prepared["pages"]
    # Counted page views between requests that must not count (and are cheap, so the run reaches
    # thousands of requests on two cores): robots.txt, a static file, a page that does not exist.
    uncounted = ["/robots.txt", "/static/wagtail_thgov/css/thgov.css", "/no-such-page/"]
    paths = [path for pair in zip(pages, uncounted, strict=True) for path in pair]

    processes = []
    logs = []

    def spawn(name, *args):
        log = (tmp_path / f"{name}.log").open("w")
        logs.append(log)
        process = subprocess.Popen(
            args,
            env=env,
            cwd=ROOT / "example_project",
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        processes.append(process)
        return process

    statuses = Counter()
    lock = threading.Lock()
    sent = iter(range(REQUESTS))
    try:
        ports = [free_port(), free_port()]
        servers = [
            spawn(f"gunicorn-{n}", sys.executable, "-m", "gunicorn", "-w", "2", "--timeout", "60",
                  "-b", f"127.0.0.1:{port}", "demo_site.wsgi")
            for n, port in enumerate(ports)
        ]  # fmt: skip
        cluster = spawn("qcluster", sys.executable, str(MANAGE), "qcluster")
        for port, server in zip(ports, servers, strict=True):
            wait_until_serving(port, server)
        deadline = time.monotonic() + LOAD_SECONDS

        def load(worker):
            while time.monotonic() < deadline:
                with lock:
                    number = next(sent, None)
                if number is None:
                    return
                path = paths[number % len(paths)]
                port = ports[(number + worker) % 2]
                try:
                    status = get(port, path, BROWSER.format(n=number % 11))
                except OSError:
                    status = "error"
                with lock:
                    statuses[(path, port, status)] += 1

        threads = [threading.Thread(target=load, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=LOAD_SECONDS + 60)
        for server in servers:
            stop(server)  # each worker writes its buffer to Redis as it exits
        # The cluster keeps running until the expiring page is offline (or the wait is over).
        ids = json.dumps([str(pk) for pk in pages.values()])
        state_script = STATE_SCRIPT.format(ids=ids, alert=prepared["alert"])
        wait_until = time.monotonic() + EXPIRY_WAIT
        state = last_json(run_python(env, state_script, timeout=60))
        while state["live"] and time.monotonic() < wait_until and cluster.poll() is None:
            time.sleep(3)
            state = last_json(run_python(env, state_script, timeout=60))
        expired_at = time.monotonic()
        stop(cluster)
        # After the cluster's own drains, one last flush: every count is in PostgreSQL now.
        state = last_json(run_python(env, state_script, timeout=60))

        workbook = tmp_path / "compliance.xlsx"
        export = subprocess.run(
            [sys.executable, str(MANAGE), "thgov_compliance", "--format", "xlsx", "--output", str(workbook)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        for process in processes:
            stop(process)
        for log in logs:
            log.close()

    def log_tail(name):
        return (tmp_path / f"{name}.log").read_text()[-2000:]

    ok = {path: sum(n for (p, _, s), n in statuses.items() if p == path and s == 200) for path in pages}
    per_server = {
        port: sum(n for (_, p, s), n in statuses.items() if p == port and s == 200) for port in ports
    }
    expected = {"/no-such-page/": 404}
    failures = {key: n for key, n in statuses.items() if key[2] != expected.get(key[0], 200)}
    print(
        f"build {built - started:.0f} s; {sum(statuses.values())} requests; counted 200s per page {ok}, "
        f"per server {per_server}, "
        f"other {failures}; load and expiry {expired_at - built:.0f} s; total {time.monotonic() - started:.0f} s"
    )
    assert not failures, (failures, log_tail("gunicorn-0"), log_tail("gunicorn-1"))
    assert all(per_server.values()), per_server
    for path, pk in pages.items():
        stored = state["views"][str(pk)] - prepared["before"][str(pk)]
        assert stored == ok[path], (path, stored, ok[path], log_tail("qcluster"))
    assert sum(ok.values()) >= MIN_COUNTED, f"only {sum(ok.values())} pages served in {LOAD_SECONDS} s"

    assert not state["live"] and state["expired"], ("the page did not expire", log_tail("qcluster"))
    assert state["unpublished"] == 1 and state["all_unpublish"] == 1, state

    assert export.returncode == 0, export.stdout + export.stderr
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    rows = sum(1 for sheet in book.worksheets for _ in sheet.iter_rows(values_only=True))
    assert len(book.worksheets) >= 2 and rows > 20, (book.sheetnames, rows)
