#!/usr/bin/env python
"""Page-view counting benchmark: the same page served with counting on and off, side by side in one
run, and the time to write 100,000 buffered hits.

    .venv/bin/python benchmarks/stats_bench.py                # 8 interleaved rounds of 5 s per server
    .venv/bin/python benchmarks/stats_bench.py --rounds 4 --seconds 5

Two gunicorn servers (``-w 2``) of the demo site's settings share one throw-away SQLite file (tables made
straight from the models); one runs with ``THGOV_STATS_ENABLED=0``. After an unmeasured
warm-up, they are loaded in interleaved rounds (off/on, then on/off, …; never at the same time) by the
same client threads, so drifts in machine load hit both alike. Prints requests per second of each per
round, the on/off ratio of each round and their median (target >= 0.95), the pooled ratio, and the flush
time of 100,000 hits (20 pages, 5,000 distinct visitors) into the database. No assertions.
"""

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "example_project")]
AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 thgov-bench"


class DisableMigrations:
    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None


def setup_django(database_url):
    os.environ["DJANGO_SETTINGS_MODULE"] = "demo_site.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    from django.conf import settings

    settings.MIGRATION_MODULES = DisableMigrations()
    settings.DEBUG = False
    settings.THGOV_STATS_FLUSH_SECONDS = 3600  # this process flushes only when told
    settings.THGOV_STATS_FLUSH_HITS = 10**9
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)


def make_pages(count):
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    from wagtail_thgov.models import MunicipalityHomePage, StatisticsPage

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=MunicipalityHomePage(title="เทศบาลตำบลบ้านสวนดอกไม้", slug="home"))
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "demo"},
    )
    pages = [home]
    stats = home.add_child(instance=StatisticsPage(title="สถิติผู้เข้าชม", slug="stats"))
    stats.save_revision().publish()
    pages.append(stats)
    while len(pages) < count:  # more pages only as targets of buffered hits
        pages.append(pages[-1].add_child(instance=Page(title=f"p{len(pages)}", slug=f"p{len(pages)}")))
    return Site.objects.get(is_default_site=True), pages


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path="/"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"User-Agent": AGENT, "Host": "localhost"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def start_server(database_url, enabled, log):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'example_project'}",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "THGOV_STATS_ENABLED": "1" if enabled else "0",
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "demo_site.wsgi"],
        env=env,
        cwd=REPO / "example_project",
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(port) == 200:
                for _ in range(5):  # warm both workers
                    get(port)
                return process, port
        except OSError:
            time.sleep(0.3)
    raise SystemExit("a gunicorn server did not start; see its log")


def load(port, seconds, threads, path):
    done, errors = [0], [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker():
        while time.monotonic() < stop_at:
            try:
                ok = get(port, path) == 200
            except OSError:
                ok = False
            with lock:
                done[0] += ok
                errors[0] += not ok

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    started = time.monotonic()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return done[0], errors[0], time.monotonic() - started


def flush_benchmark(site, pages, hits=100_000, visitors=5_000):
    import hashlib

    from django.db.models import Sum
    from django.utils import timezone

    from wagtail_thgov.stats import buffer
    from wagtail_thgov.stats.models import PageViewDay

    today = timezone.localdate()
    before = PageViewDay.objects.aggregate(total=Sum("views"))["total"] or 0
    digests = [hashlib.sha256(str(n).encode()).hexdigest() for n in range(visitors)]
    started = time.perf_counter()
    for n in range(hits):
        buffer.BUFFER.record(site.pk, pages[n % len(pages)].pk, today, digests[n % visitors])
    recorded = time.perf_counter() - started
    started = time.perf_counter()
    written = buffer.BUFFER.flush()
    flushed = time.perf_counter() - started
    after = PageViewDay.objects.aggregate(total=Sum("views"))["total"] or 0
    assert written == hits and after - before == hits, (written, after - before)
    return recorded, flushed


def counting_cost(site, page, calls=50_000):
    """Microseconds the counting middleware adds to one counted request, in this process: the same
    request through ``PageViewCounterMiddleware`` with counting on and off (stable where the HTTP rounds
    are noisy)."""
    from types import SimpleNamespace

    from django.conf import settings
    from django.http import HttpResponse
    from django.test import RequestFactory

    from wagtail_thgov.stats import buffer
    from wagtail_thgov.stats.middleware import PageViewCounterMiddleware

    request = RequestFactory().get("/", HTTP_USER_AGENT=AGENT, REMOTE_ADDR="192.0.2.1")
    request.resolver_match = SimpleNamespace(url_name="wagtail_serve")
    request._wagtail_route_for_request = (page, [], {})
    request._wagtail_site = site
    response = HttpResponse("ok")
    middleware = PageViewCounterMiddleware(lambda request: response)
    timings = {}
    for enabled in (False, True, False, True):
        settings.THGOV_STATS_ENABLED = enabled
        from wagtail_thgov.stats import conf

        getattr(conf, "_cache", {}).clear()  # settings kept per process (older code: none)
        started = time.perf_counter()
        for _ in range(calls):
            middleware(request)
        timings.setdefault(enabled, []).append((time.perf_counter() - started) / calls * 1e6)
    buffer.BUFFER.take()  # nothing of this is written
    return min(timings[True]) - min(timings[False])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--warmup", type=float, default=3, help="unmeasured seconds per server first")
    parser.add_argument("--path", default="/")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="thgov-stats-bench-"))
    database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    setup_django(database_url)
    site, pages = make_pages(20)
    servers = {}
    logs = []
    warm = {"on": 0, "off": 0}
    try:
        for name, enabled in (("off", False), ("on", True)):
            log = (workdir / f"gunicorn-{name}.log").open("w")
            logs.append(log)
            servers[name] = start_server(database_url, enabled, log)
        for name in ("off", "on"):  # warm-up, not measured: imports, template caches, first flush
            warm[name] = load(servers[name][1], args.warmup, args.threads, args.path)[0]
        totals = {"on": [0, 0, 0.0], "off": [0, 0, 0.0]}
        ratios = []
        for number in range(args.rounds):
            # Interleaved (ABBA…): each round measures both servers back to back, in alternating order,
            # so drifts in machine load hit both alike; the ratio of each round is kept.
            order = ("off", "on") if number % 2 == 0 else ("on", "off")
            rates = {}
            for name in order:
                ok, errors, elapsed = load(servers[name][1], args.seconds, args.threads, args.path)
                totals[name][0] += ok
                totals[name][1] += errors
                totals[name][2] += elapsed
                rates[name] = ok / elapsed
            ratios.append(rates["on"] / rates["off"])
            print(
                f"round {number + 1}: off {rates['off']:.1f} req/s, on {rates['on']:.1f} req/s, "
                f"ratio {ratios[-1]:.3f}",
                flush=True,
            )
    finally:
        for process, _port in servers.values():
            process.send_signal(signal.SIGTERM)
        for process, _port in servers.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        for log in logs:
            log.close()

    rate = {name: ok / elapsed for name, (ok, _errors, elapsed) in totals.items()}
    print(
        f"page {args.path!r}, {args.rounds} rounds x {args.seconds:g} s per server, {args.threads} client threads"
    )
    for name in ("off", "on"):
        ok, errors, elapsed = totals[name]
        print(
            f"counting {name:>3}: {ok} responses in {elapsed:.1f} s = {rate[name]:.1f} req/s ({errors} errors)"
        )
    print(f"throughput ratio on/off, all rounds pooled: {rate['on'] / rate['off']:.3f}")
    print(
        f"throughput ratio on/off, median of {len(ratios)} interleaved rounds: {statistics.median(ratios):.3f}"
        f" (min {min(ratios):.3f}, max {max(ratios):.3f}; target >= 0.95)"
    )

    from django.db.models import Sum

    from wagtail_thgov.stats.models import PageViewDay

    counted = PageViewDay.objects.filter(page=pages[0]).aggregate(total=Sum("views"))["total"] or 0
    print(
        f"views stored by the counting server: {counted} (its 200 responses: {totals['on'][0]} measured + {warm['on']} warm-up + 6 start-up)"
    )
    print(f"counting path in process: {counting_cost(site, pages[0]):.1f} µs per counted request")
    recorded, flushed = flush_benchmark(site, pages)
    print(f"100,000 hits: buffered in {recorded:.3f} s, flushed in {flushed:.3f} s")


if __name__ == "__main__":
    main()
