#!/usr/bin/env python
"""Load benchmark: every demo page type, uncached and cached, against a separate plain Wagtail project.

    .venv/bin/python benchmarks/load_bench.py                         # 3 rounds of 5 s per page
    .venv/bin/python benchmarks/load_bench.py --rounds 2 --seconds 4  # quicker
    .venv/bin/python benchmarks/load_bench.py --database-url postgres://…/thgov_bench \\
        --plain-database-url postgres://…/plain_bench                 # two EMPTY PostgreSQL databases

Three servers, each ``gunicorn -w WORKERS -k sync`` with DEBUG off:

* **plain Wagtail**: a project made by ``wagtail start`` in a temporary directory, migrated into its own
  database of the same kind (SQLite file, or ``--plain-database-url``), serving its default home page.
  Nothing of this plugin is installed in it: no middleware, no templates, no settings;
* **demo, page cache off**: the demo municipality (``migrate``, ``thgov_setup``, ``thgov_demo``) with
  ``THGOV_PAGE_CACHE_ENABLED=0``: every request renders, as on every cache miss;
* **demo, page cache on**: the same database, ``THGOV_PAGE_CACHE_ENABLED=1``.

Page-view counting is ON in both demo servers, as in production. Each page is loaded in turn (never two at
once), in rounds whose order alternates, so machine noise hits every page alike. Load comes from ``wrk``
(one thread, 4 connections) when installed, else from the asyncio client in ``loadgen``. Prints requests
per second, p50 and p99 latency and the ratio of each page to the plain Wagtail home page (target: every
page type >= 0.6 uncached; cached at least as fast as before). No assertions: it measures.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadgen import Server, base_env, free_port, manage, measure, summarise, warm  # noqa: E402

PLAIN = "plain Wagtail home page"
PAGES_SCRIPT = """
import json
from wagtail.models import Site
from wagtail_thgov.pages.agency import AgencyInfoPage, PersonnelDirectoryPage
from wagtail_thgov.eservice.pages import EServicePage
from wagtail_thgov.pages.manuals import CitizenManualPage
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.pages.procurement import ProcurementAnnouncementPage

home = Site.objects.get(is_default_site=True).root_page
def first(model):
    return model.objects.live().descendant_of(home).order_by("pk").first().url
print(json.dumps({
    "home page": "/",
    "news listing": first(NewsIndexPage),
    "news item": first(NewsPage),
    "citizen's manual": first(CitizenManualPage),
    "procurement notice": first(ProcurementAnnouncementPage),
    "agency page": first(AgencyInfoPage),
    "personnel directory": first(PersonnelDirectoryPage),
    "e-Service page": first(EServicePage),
    "search": "/search/?query=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7",
}))
"""

PLAIN_LOCAL_SETTINGS = """
import os
import dj_database_url

from .base import STORAGES

DEBUG = False
ALLOWED_HOSTS = ["*"]
SECRET_KEY = "plain-wagtail-benchmark-only"
# The default home page links the Wagtail welcome styles; no collectstatic for a benchmark.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
DATABASES = {"default": dj_database_url.parse(os.environ["PLAIN_DATABASE_URL"], conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # As the demo site runs SQLite (demo_site/settings.py).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
"""


def build_demo(env):
    print("building the demo site (migrate, thgov_setup, thgov_demo) …", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "thgov_setup", "-v", "0")
    manage(env, "thgov_demo", "-v", "0")
    return json.loads(manage(env, "shell", "-v", "0", "-c", PAGES_SCRIPT).strip().splitlines()[-1])


class PlainWagtail:
    """A ``wagtail start`` project in ``workdir``, migrated, served by its own gunicorn."""

    def __init__(self, workdir, database_url, workers):
        self.root = Path(workdir) / "plain"
        self.root.mkdir()
        self.env = {
            "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
            "PLAIN_DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "plainsite.settings.production",
            "PYTHONPATH": str(self.root),
        }
        self.workers = workers
        self.process = None
        self.port = None

    def run(self, *args):
        result = subprocess.run(
            [sys.executable, *args], cwd=self.root, env=self.env, capture_output=True, text=True, timeout=900
        )
        if result.returncode:
            raise SystemExit(f"plain Wagtail: {' '.join(args[:3])} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def build(self):
        print("building a plain Wagtail project (wagtail start, migrate) …", flush=True)
        self.run("-m", "wagtail.bin.wagtail", "start", "plainsite", str(self.root))
        (self.root / "plainsite" / "settings" / "local.py").write_text(PLAIN_LOCAL_SETTINGS)
        self.run("manage.py", "migrate", "--noinput", "-v", "0")
        return self

    def start(self, log_path):
        self.port = free_port()
        self.log = open(log_path, "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(self.workers), "-k", "sync", "--timeout", "60",
             "-b", f"127.0.0.1:{self.port}", "plainsite.wsgi"],
            env=self.env, cwd=self.root, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        Server.wait(self)
        return self

    def stop(self):
        Server.stop(self)


def wrk(port, path, seconds):
    """One ``wrk`` run: requests per second, p50 and p99 latency (ms), requests and non-2xx count."""
    result = subprocess.run(
        ["wrk", "-t1", "-c4", f"-d{seconds:g}s", "--latency", "-H", "Accept: text/html",
         "-H", "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 thgov-load-bench",
         f"http://localhost:{port}{path}"],
        capture_output=True, text=True, timeout=seconds + 60,
    )  # fmt: skip
    out = result.stdout

    def latency(label):
        match = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)\b", out)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = int(match.group(1)) if (match := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    elapsed = float(re.search(r"requests in ([\d.]+)s", out).group(1))
    return {
        "requests": requests - errors,
        "errors": errors,
        "elapsed": elapsed,
        "p50": latency("50"),
        "p99": latency("99"),
    }


def load(port, path, seconds):
    if shutil.which("wrk"):
        return wrk(port, path, seconds)
    return measure(port, path, seconds)


def combine(samples):
    """Requests per second over all rounds; latency percentiles as the median of the rounds'."""
    if "latencies" in samples[0]:
        return summarise(samples)
    requests = sum(sample["requests"] for sample in samples)
    elapsed = sum(sample["elapsed"] for sample in samples)
    p50s = sorted(sample["p50"] for sample in samples)
    p99s = sorted(sample["p99"] for sample in samples)
    return {
        "rps": requests / elapsed if elapsed else 0.0,
        "p50": p50s[len(p50s) // 2],
        "p99": p99s[len(p99s) // 2],
        "requests": requests,
        "errors": sum(sample["errors"] for sample in samples),
    }


def run(targets, rounds, seconds):
    """``targets``: ``{label: (port, path)}``; loaded one at a time, in alternating order per round."""
    samples = {label: [] for label in targets}
    for number in range(rounds):
        order = list(targets.items())
        if number % 2:
            order.reverse()
        for label, (port, path) in order:
            samples[label].append(load(port, path, seconds))
        print(f"  round {number + 1} of {rounds} done", flush=True)
    return {label: combine(values) for label, values in samples.items()}


def report(results, pages):
    plain = results[PLAIN]["rps"]
    print(
        f"\n{'page':<22}{'mode':<10}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}{'requests':>10}{'non-200':>9}"
    )
    row = results[PLAIN]
    print(f"{PLAIN[:21]:<22}{'-':<10}{row['rps']:>8.1f}{row['p50']:>9.1f}{row['p99']:>9.1f}{1:>8.2f}"
          f"{row['requests']:>10}{row['errors']:>9}")  # fmt: skip
    lowest = {}
    for name in pages:
        for mode in ("uncached", "cached"):
            row = results[f"{name} ({mode})"]
            ratio = row["rps"] / plain if plain else float("nan")
            lowest[mode] = min(lowest.get(mode, ratio), ratio)
            print(f"{name:<22}{mode:<10}{row['rps']:>8.1f}{row['p50']:>9.1f}{row['p99']:>9.1f}{ratio:>8.2f}"
                  f"{row['requests']:>10}{row['errors']:>9}")  # fmt: skip
    verdict = "meets" if lowest["uncached"] >= 0.6 else "below"
    print(
        f"\nlowest uncached ratio to the plain Wagtail home page: {lowest['uncached']:.2f} ({verdict} the 0.6 target)"
    )
    print(f"lowest cached ratio: {lowest['cached']:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one page's round")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers per server (default 2)")
    parser.add_argument("--database-url", help="an EMPTY database for the demo (default: a SQLite file)")
    parser.add_argument("--plain-database-url", help="an EMPTY database for plain Wagtail (default: SQLite)")
    parser.add_argument("--pages", help="comma-separated page names to load (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="thgov-load-bench-") as workdir:
        database_url = args.database_url or f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"
        plain_url = args.plain_database_url or f"sqlite:///{Path(workdir) / 'plain.sqlite3'}"
        if database_url.split(":", 1)[0] != plain_url.split(":", 1)[0]:
            raise SystemExit("the demo and plain Wagtail must use the same kind of database")
        plain = PlainWagtail(workdir, plain_url, args.workers).build()
        uncached_env = base_env(workdir, database_url, cache=False)
        pages = build_demo(uncached_env)
        if args.pages:
            wanted = {name.strip() for name in args.pages.split(",")}
            pages = {name: path for name, path in pages.items() if name in wanted}
        cached_env = base_env(workdir, database_url, cache=True)
        servers = []
        try:
            uncached = Server(
                uncached_env, workers=args.workers, log_path=Path(workdir) / "uncached.log"
            ).wait()
            servers.append(uncached)
            cached = Server(cached_env, workers=args.workers, log_path=Path(workdir) / "cached.log").wait()
            servers.append(cached)
            servers.append(plain.start(Path(workdir) / "plain.log"))
            warm(plain.port, ["/"])
            warm(uncached.port, pages.values())
            warm(cached.port, pages.values())
            targets = {PLAIN: (plain.port, "/")}
            for name, path in pages.items():
                targets[f"{name} (uncached)"] = (uncached.port, path)
                targets[f"{name} (cached)"] = (cached.port, path)
            print(
                f"gunicorn -w {args.workers} -k sync per server, DEBUG off; counting on; database "
                f"{database_url.split(':', 1)[0]}; {args.rounds} rounds of {args.seconds:g} s per page; "
                f"load: {'wrk -t1 -c4' if shutil.which('wrk') else 'asyncio client, 4 connections'}",
                flush=True,
            )
            results = run(targets, args.rounds, args.seconds)
        finally:
            for server in servers:
                server.stop()
        report(results, pages)


if __name__ == "__main__":
    main()
