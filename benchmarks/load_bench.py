#!/usr/bin/env python
"""Load benchmark: the plugin's pages against a plain Wagtail page, served by the same server in one run.

    .venv/bin/python benchmarks/load_bench.py                    # honest uncached numbers (page cache off)
    .venv/bin/python benchmarks/load_bench.py --cache            # with THGOV_PAGE_CACHE_ENABLED=1
    .venv/bin/python benchmarks/load_bench.py --rounds 5 --seconds 8 --database-url postgres://…/thgov_bench

The demo municipality (``migrate``, ``thgov_setup``, ``thgov_demo``) is built into a throw-away SQLite
file (or the empty PostgreSQL database given), plus a plain ``wagtail.models.Page`` subclass with a
trivial template (``example_project/benchpages``, installed only for benchmarks through
``THGOV_BENCH_PAGES=1``). One ``gunicorn -w 2 -k sync`` server serves all four pages with page-view
counting ON. The pages are loaded in alternating rounds (never at the same time) by a single-threaded
asyncio client with 4 connections in flight, so machine noise hits every page alike. Prints requests per
second, p50 and p99 latency of each page and its throughput ratio to the plain page (target >= 0.9).
No assertions: it measures.
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadgen import Server, base_env, manage, measure, summarise, warm  # noqa: E402

PAGES_SCRIPT = """
import json
from wagtail.models import Site
from benchpages.models import PlainPage
from wagtail_thgov.pages.manuals import CitizenManualPage
from wagtail_thgov.pages.news import NewsPage

home = Site.objects.get(is_default_site=True).root_page
plain = home.get_children().filter(slug="plain").first()
if plain is None:
    plain = PlainPage(
        title="หน้าเปล่าสำหรับเปรียบเทียบ",
        slug="plain",
        body="<p>หน้าเว็บ Wagtail ธรรมดา ไม่มีส่วนเสริม ใช้เป็นฐานเปรียบเทียบความเร็ว</p>",
    )
    home.add_child(instance=plain)
    plain.save_revision().publish()
news = NewsPage.objects.live().descendant_of(home).order_by("pk").first()
manual = CitizenManualPage.objects.live().descendant_of(home).order_by("pk").first()
print(json.dumps({"home page": "/", "news page": news.url, "citizen's manual": manual.url,
                  "plain Wagtail page": plain.url}))
"""


def build(env):
    print("building the demo site (migrate, thgov_setup, thgov_demo) …", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "thgov_setup", "-v", "0")
    manage(env, "thgov_demo", "-v", "0")
    return json.loads(manage(env, "shell", "-v", "0", "-c", PAGES_SCRIPT).strip().splitlines()[-1])


def run(pages, env, rounds, seconds, workers, log_path):
    server = Server(env, workers=workers, log_path=log_path).wait()
    try:
        warm(server.port, pages.values())
        samples = {name: [] for name in pages}
        for number in range(rounds):
            order = list(pages.items())
            if number % 2:
                order.reverse()
            for name, path in order:
                samples[name].append(measure(server.port, path, seconds))
        return {name: summarise(values) for name, values in samples.items()}
    finally:
        server.stop()


def report(results, baseline="plain Wagtail page"):
    plain = results[baseline]["rps"]
    print(f"\n{'page':<22}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}{'requests':>10}{'non-200':>9}")
    for name, result in results.items():
        ratio = result["rps"] / plain if plain else float("nan")
        print(
            f"{name:<22}{result['rps']:>8.1f}{result['p50']:>9.1f}{result['p99']:>9.1f}{ratio:>8.2f}"
            f"{result['requests']:>10}{result['errors']:>9}"
        )
    ratios = [results[name]["rps"] / plain for name in results if name != baseline and plain]
    if ratios:
        verdict = "meets" if min(ratios) >= 0.9 else "below"
        print(f"\nlowest ratio to the plain page: {min(ratios):.2f} ({verdict} the 0.9 target)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", action="store_true", help="THGOV_PAGE_CACHE_ENABLED=1 (default: 0)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=6.0, help="length of one page's round")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--database-url", help="an EMPTY database to build into (default: a SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="thgov-load-bench-") as workdir:
        database_url = args.database_url or f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"
        env = base_env(workdir, database_url, args.cache)
        pages = build(env)
        print(
            f"gunicorn -w {args.workers} -k sync; counting on; page cache {'on' if args.cache else 'off'}; "
            f"database {database_url.split(':', 1)[0]}; {args.rounds} rounds of {args.seconds:g} s per page",
            flush=True,
        )
        results = run(pages, env, args.rounds, args.seconds, args.workers, Path(workdir) / "gunicorn.log")
        report(results)


if __name__ == "__main__":
    main()
