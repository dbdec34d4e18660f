#!/usr/bin/env python
"""Page cache benchmark: demo pages with the cache on and off, beside a plain Wagtail page, in one run.

    .venv/bin/python benchmarks/cache_bench.py                      # 2 rounds of 5 s per target
    .venv/bin/python benchmarks/cache_bench.py --rounds 3 --seconds 8 --connections 16
    .venv/bin/python benchmarks/cache_bench.py --redis-url redis://127.0.0.1:6379/9   # cache in Redis

The demo municipality is built into a throw-away SQLite file (tables made straight from the models),
with one more page: a *plain Wagtail page* (a minimal ``wagtail.models.Page`` subclass with a one-line
template, from a tiny app written into the throw-away folder). Two gunicorn servers with the same
settings (``-w 2 -k gthread --threads 4``, the demo site's middleware, counting on) serve it: one with
``THGOV_PAGE_CACHE_ENABLED=1``, one with ``=0``. Targets are loaded one at a time, in alternating order
each round, by a small asyncio client holding keep-alive connections (it uses one core at most, and
sleeps while it waits on the server). Prints requests/s, p50 and p99 latency of each target and the
ratios: cached demo pages / plain Wagtail page (target >= 5) and cached / uncached. No assertions.
"""

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 thgov-bench"

PLAIN_APP = {
    "plainbench/__init__.py": "",
    "plainbench/models.py": (
        "from wagtail.models import Page\n\n\n"
        "class PlainPage(Page):\n"
        '    template = "plainbench/plain_page.html"\n'
    ),
    "plainbench/templates/plainbench/plain_page.html": (
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{{ page.title }}</title>'
        "</head><body><h1>{{ page.title }}</h1></body></html>\n"
    ),
    "bench_settings.py": (
        'from demo_site.settings import *  # noqa\n\nINSTALLED_APPS = ["plainbench", *INSTALLED_APPS]\n'
    ),
}

SETUP = """
import json
from django.conf import settings


class DisableMigrations:
    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None


settings.MIGRATION_MODULES = DisableMigrations()
import django

django.setup()
from django.core.management import call_command
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page
from plainbench.models import PlainPage
from thgov_demo.content import build_demo
from wagtail_thgov.pages.manuals import CitizenManualPage
from wagtail_thgov.pages.news import NewsPage
from wagtail_thgov.pages.home import MunicipalityHomePage

call_command("migrate", run_syncdb=True, verbosity=0)
Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
if not Collection.get_first_root_node():
    Collection.add_root(name="Root")
if not Page.get_first_root_node():
    Page.add_root(instance=Page(title="Root", slug="root"))
build_demo()
home = MunicipalityHomePage.objects.live().first()
plain = home.add_child(instance=PlainPage(title="หน้าธรรมดา", slug="plain-wagtail-page"))
plain.save_revision().publish()
news = NewsPage.objects.live().order_by("pk").first()
manual = CitizenManualPage.objects.live().order_by("pk").first()
print(json.dumps({"home": home.url, "news": news.url, "manual": manual.url, "plain": plain.url}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def one_request(reader, writer, request):
    """Send one keep-alive GET and read the whole response; return its status."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _sep, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length:
        await reader.readexactly(length)
    return status, b"connection: close" in head.lower()


async def run_load(port, path, seconds, connections):
    request = (
        f"GET {path} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: {AGENT}\r\nConnection: keep-alive\r\n\r\n"
    ).encode()
    latencies, errors = [], [0]
    stop_at = time.monotonic() + seconds

    async def client():
        reader = writer = None
        while time.monotonic() < stop_at:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            started = time.perf_counter()
            try:
                status, closing = await one_request(reader, writer, request)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors[0] += 1
                writer.close()
                writer = None
                continue
            if status == 200:
                latencies.append(time.perf_counter() - started)
            else:
                errors[0] += 1
            if closing:
                writer.close()
                writer = None
        if writer is not None:
            writer.close()

    started = time.monotonic()
    await asyncio.gather(*(client() for _ in range(connections)))
    return latencies, errors[0], time.monotonic() - started


def start_server(workdir, env, cached, log):
    port = free_port()
    server_env = {**env, "THGOV_PAGE_CACHE_ENABLED": "1" if cached else "0"}
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "-w", "2", "-k", "gthread", "--threads", "4",
            "-b", f"127.0.0.1:{port}", "demo_site.wsgi",
        ],
        env=server_env,
        cwd=workdir,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    return process, port


def wait_until_serving(port, paths, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            for path in paths:  # warm both workers (and their caches) on every target
                latencies, errors, _ = asyncio.run(run_load(port, path, 0.5, 2))
                if errors or not latencies:
                    raise OSError(f"{path}: {errors} errors")
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("a gunicorn server did not serve every target in time; see its log")


def stop(process):
    try:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--redis-url", default="", help="keep the page cache in this Redis (default: locmem)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="thgov-cache-bench-"))
    for name, text in PLAIN_APP.items():
        (workdir / name).parent.mkdir(parents=True, exist_ok=True)
        (workdir / name).write_text(text)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([str(workdir), str(REPO), str(REPO / "example_project")]),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_DEBUG": "0",
        "THGOV_PAGE_CACHE_SECONDS": "300",
    }
    env.pop("REDIS_URL", None)
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
        env["THGOV_CACHE_PREFIX"] = f"thgov-cache-bench-{os.getpid()}"
    print(f"building the demo site in {workdir} ...", flush=True)
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, cwd=workdir, capture_output=True, text=True, timeout=900
    )
    if setup.returncode:
        raise SystemExit(setup.stderr[-3000:])
    import json

    urls = json.loads(setup.stdout.strip().splitlines()[-1])
    targets = [
        ("plain Wagtail page", "off", urls["plain"]),
        *[(f"{name} (cache off)", "off", urls[name]) for name in ("home", "news", "manual")],
        *[(f"{name} (cache on)", "on", urls[name]) for name in ("home", "news", "manual")],
    ]
    servers, logs = {}, []
    results = {label: ([], 0, 0.0) for label, _server, _path in targets}
    try:
        for name in ("off", "on"):
            log = (workdir / f"gunicorn-{name}.log").open("w")
            logs.append(log)
            servers[name] = start_server(workdir, env, name == "on", log)
        for name, (_process, port) in servers.items():
            wait_until_serving(port, [path for _label, server, path in targets if server == name])
        for number in range(args.rounds):
            order = targets if number % 2 == 0 else list(reversed(targets))
            for label, server, path in order:
                latencies, errors, elapsed = asyncio.run(
                    run_load(servers[server][1], path, args.seconds, args.connections)
                )
                done, failed, took = results[label]
                results[label] = (done + latencies, failed + errors, took + elapsed)
                print(f"  round {number + 1}: {label}: {len(latencies) / elapsed:8.1f} req/s", flush=True)
    finally:
        for process, _port in servers.values():
            stop(process)
        for log in logs:
            log.close()

    print()
    print(f"{'target':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    rates = {}
    for label, _server, _path in targets:
        latencies, errors, elapsed = results[label]
        rates[label] = len(latencies) / elapsed if elapsed else 0.0
        print(
            f"{label:28} {rates[label]:9.1f} {percentile(latencies, 0.5) * 1000:8.2f} "
            f"{percentile(latencies, 0.99) * 1000:8.2f} {errors:7d}"
        )
    plain = rates["plain Wagtail page"] or float("nan")
    print()
    for name in ("home", "news", "manual"):
        on, off = rates[f"{name} (cache on)"], rates[f"{name} (cache off)"]
        print(
            f"{name:7} cached / plain Wagtail page = {on / plain:6.2f}x (target >= 5)   "
            f"cached / uncached = {on / off if off else float('nan'):6.2f}x"
        )
    print(f"cache: {'Redis ' + args.redis_url if args.redis_url else 'local memory (per worker)'}; "
          f"gunicorn -w 2 -k gthread --threads 4; {args.connections} keep-alive connections; "
          f"{args.rounds} rounds of {args.seconds:g} s per target")  # fmt: skip


if __name__ == "__main__":
    main()
