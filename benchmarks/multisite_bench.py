#!/usr/bin/env python
"""Many municipalities on one installation: page throughput and compliance report time with 1 and 100 sites.

    .venv/bin/python benchmarks/multisite_bench.py                  # 1 site, then 100 sites
    .venv/bin/python benchmarks/multisite_bench.py --sites 30 --seconds 4 --database-url postgres://…/empty_db

A throw-away database (SQLite file by default) gets ``migrate``, ``thgov_setup`` and
``thgov_demo_sites 1``; the pages of municipality m001 are loaded through ``gunicorn -w 2`` (counting on,
page cache off unless ``--cache``) and its compliance report is timed. Then ``thgov_demo_sites N`` adds
the other municipalities (light content set each) and the same measurements run again, on m001 and
on the last site, beside the one-site figures. The compliance figures: evaluating every standard
and writing the workbook of one site (median of 3), rendering the admin report page for the site's
webmaster (median of 3), and the workbooks of every site one after another. No assertions.
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadgen import Server, base_env, manage, measure, summarise, warm  # noqa: E402

COMPLIANCE_SCRIPT = """
import io, json, statistics, time
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail_thgov.compliance.export import write_workbook
from wagtail_thgov.compliance.results import site_results


def workbook(site):
    output = io.BytesIO()
    write_workbook(output, site_results(site), site.site_name)
    return output.tell()


def timed(function, *args):
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


site = Site.objects.get(hostname="{host}")
one = statistics.median(timed(workbook, site) for _ in range(3))
client = Client(HTTP_HOST="{host}")
assert client.login(username="{code}-webmaster", password="thgov-demo")
url = reverse("thgov_compliance:report")


def page():
    response = client.get(url)
    assert response.status_code == 200, response.status_code


report = statistics.median(timed(page) for _ in range(3))
sites = list(Site.objects.exclude(is_default_site=True).order_by("hostname"))
started = time.perf_counter()
for other in sites:
    workbook(other)
every = time.perf_counter() - started
print(json.dumps({{"one": one, "report": report, "every": every, "sites": len(sites)}}))
"""


def pages_of(code):
    return {
        f"{code} home page": "/",
        f"{code} news page": "/news/land-tax/",
        f"{code} citizen's manual": "/citizen-manuals/elderly-allowance/",
    }


def throughput(env, codes, rounds, seconds):
    server = Server(env).wait()
    try:
        targets = [
            (f"{code}.localhost", name, path) for code in codes for name, path in pages_of(code).items()
        ]
        for host, _, path in targets:
            warm(server.port, [path], host=host)
        samples = {name: [] for _, name, _ in targets}
        for number in range(rounds):
            for host, name, path in targets if number % 2 == 0 else reversed(targets):
                samples[name].append(measure(server.port, path, seconds, host=host))
        return {name: summarise(values) for name, values in samples.items()}
    finally:
        server.stop()


def compliance(env, code):
    output = manage(
        env, "shell", "-v", "0", "-c", COMPLIANCE_SCRIPT.format(host=f"{code}.localhost", code=code)
    )
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--cache", action="store_true", help="THGOV_PAGE_CACHE_ENABLED=1 (default: 0)")
    parser.add_argument("--database-url", help="an EMPTY database to build into (default: a SQLite file)")
    args = parser.parse_args()
    last = f"m{args.sites:03d}"
    with tempfile.TemporaryDirectory(prefix="thgov-multisite-bench-") as workdir:
        env = base_env(
            workdir, args.database_url or f"sqlite:///{Path(workdir) / 'bench.sqlite3'}", args.cache
        )
        env["DJANGO_ALLOWED_HOSTS"] = ".localhost,localhost"
        print("building: migrate, thgov_setup, thgov_demo_sites 1 …", flush=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "thgov_setup", "-v", "0")
        manage(env, "thgov_demo_sites", "1")
        one_pages = throughput(env, ["m001"], args.rounds, args.seconds)
        one_compliance = compliance(env, "m001")

        started = time.monotonic()
        print(f"building: thgov_demo_sites {args.sites} …", flush=True)
        print(manage(env, "thgov_demo_sites", str(args.sites)).strip().splitlines()[-1], flush=True)
        build_seconds = time.monotonic() - started
        many_pages = throughput(env, ["m001", last], args.rounds, args.seconds)
        many_compliance = compliance(env, "m001")

    print(f"\ngunicorn -w 2 -k sync; counting on; page cache {'on' if args.cache else 'off'}; "
          f"{args.rounds} rounds of {args.seconds:g} s per page")  # fmt: skip
    print(f"thgov_demo_sites {args.sites}: {build_seconds:.0f} s to add {args.sites - 1} sites\n")
    print(
        f"{'page':<26}{'1 site req/s':>13}{'p50':>7}{'p99':>7}{f'{args.sites} sites req/s':>17}{'p50':>7}{'p99':>7}"
    )
    for name, result in one_pages.items():
        many = many_pages[name]
        print(
            f"{name:<26}{result['rps']:>13.1f}{result['p50']:>7.0f}{result['p99']:>7.0f}"
            f"{many['rps']:>17.1f}{many['p50']:>7.0f}{many['p99']:>7.0f}"
        )
    for name, result in many_pages.items():
        if name not in one_pages:
            print(
                f"{name:<26}{'':>13}{'':>7}{'':>7}{result['rps']:>17.1f}{result['p50']:>7.0f}{result['p99']:>7.0f}"
            )
    print("\ncompliance (m001)                       1 site   " + f"{args.sites} sites")
    print(
        f"  evaluate + workbook, one site     {one_compliance['one']:>8.2f} s {many_compliance['one']:>8.2f} s"
    )
    print(
        f"  admin report page (webmaster)     {one_compliance['report']:>8.2f} s {many_compliance['report']:>8.2f} s"
    )
    print(
        f"  workbooks of every site           {one_compliance['every']:>8.2f} s {many_compliance['every']:>8.2f} s"
        f"  ({one_compliance['sites']} / {many_compliance['sites']} sites)"
    )


if __name__ == "__main__":
    main()
