"""e-Service at 1,000 and 10,000 requests: submission, admin listing, export, statistics.

    .venv/bin/python benchmarks/eservice_bench.py [--sizes 1000 10000]

Builds a throw-away in-memory SQLite database from the models (as ``pytest --nomigrations`` does), one
municipality site with a complaint e-Service and its webmaster. Requests are inserted in bulk (generation is
not what is measured). It measures, warm, through Django's test client:

* 50 real submissions with a PDF attachment (validation, sniffing, one transaction, the file written),
* the admin listing (first page, 50 rows) and its query count, which must not grow,
* the XLSX export of every request, and the monthly statistics report,

and prints the sizes side by side.
"""

import argparse
import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "example_project")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def create_database():
    setup_test_environment()
    settings.DATABASES["default"]["TEST"] = {"NAME": ":memory:", "MIGRATE": False}
    settings.DEBUG = False
    settings.THGOV_ESERVICE_SUBMIT_LIMIT = (10**6, 600)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)


def bulk_requests(page, start, count):
    from wagtail_thgov.eservice.models import RequestEvent, ServiceRequest, TrackingCounter

    site = page.get_site()
    now = timezone.now()
    statuses = ["received", "in_progress", "completed", "rejected"]
    rows = []
    for n in range(start, start + count):
        submitted = now - dt.timedelta(hours=n % 5000)
        status = statuses[n % 4]
        closed = submitted + dt.timedelta(days=n % 20) if status in ("completed", "rejected") else None
        rows.append(
            ServiceRequest(
                site=site,
                page=page,
                service_title=page.title,
                kind=page.service_kind,
                department_id=page.responsible_department_id,
                tracking_code=f"CMP-2400-{n:06d}-BNCH",
                year=2400,
                sequence=n,
                status=status,
                submitted_at=submitted,
                due_date=timezone.localdate(submitted) + dt.timedelta(days=20),
                closed_at=closed,
                closed_on=timezone.localdate(closed) if closed else None,
                citizen_name=f"ผู้ยื่นเรื่อง {n}",
                citizen_phone="0810000000",
                submitted_data=[{"name": "subject", "label": "Subject", "value": f"เรื่อง {n}"}],
            )
        )
    created = ServiceRequest.objects.bulk_create(rows, batch_size=1000)
    RequestEvent.objects.bulk_create(
        [RequestEvent(request=r, created_at=r.submitted_at, new_status="received") for r in created],
        batch_size=1000,
    )
    TrackingCounter.objects.all().delete()


class count_queries:
    """Counts the SQL statements run inside it (across requests, unlike connection.queries)."""

    def __enter__(self):
        self.count = [0]

        def wrapper(execute, sql, params, many, context):
            self.count[0] += 1
            return execute(sql, params, many, context)

        self.wrapper = connection.execute_wrapper(wrapper)
        self.wrapper.__enter__()
        return self.count

    def __exit__(self, *exc):
        self.wrapper.__exit__(*exc)


def timed(fn, repeat=3):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    create_database()

    from tests.eservice_support import a_pdf, make_eservice_site, make_service, valid_data
    from tests.factories import PASSWORD, make_user
    from wagtail_thgov.eservice.models import private_storage
    from wagtail_thgov.workflows.roles import Role

    site = make_eservice_site()
    page = make_service(site)
    webmaster = make_user("bench-webmaster", Role.WEBMASTER, site)
    staff = Client()
    staff.login(username=webmaster.username, password=PASSWORD)
    citizen = Client(REMOTE_ADDR="10.9.9.9")

    start = time.perf_counter()
    for _ in range(50):
        response = citizen.post(page.url, {**valid_data(), "thgov_files": [a_pdf()]})
        assert response.status_code == 200, response.status_code
    submit_ms = (time.perf_counter() - start) / 50 * 1000

    results = {}
    made = 50
    for size in sorted(args.sizes):
        bulk_requests(page, made + 1, size - made)
        made = size
        staff.get("/admin/thgov_eservice_requests/")
        with count_queries() as listing_queries:
            listing, _ = timed(lambda: staff.get("/admin/thgov_eservice_requests/"), repeat=1)
        with count_queries() as export_queries:
            export, _ = timed(
                lambda: b"".join(
                    staff.get("/admin/thgov_eservice_requests/", {"export": "xlsx"}).streaming_content
                ),
                repeat=1,
            )
        statistics, _ = timed(lambda: staff.get("/admin/thgov/eservice/statistics/"))
        results[size] = (listing, listing_queries[0], export, export_queries[0], statistics)

    print(f"submission with one PDF (mean of 50): {submit_ms:.1f} ms")
    print(
        f"{'requests':>10} {'listing s':>10} {'queries':>8} {'xlsx export s':>14} {'queries':>8} {'statistics s':>13}"
    )
    for size, (listing, queries, export, export_queries, statistics) in results.items():
        print(
            f"{size:>10} {listing:>10.3f} {queries:>8} {export:>14.2f} {export_queries:>8} {statistics:>13.2f}"
        )
    shutil.rmtree(private_storage().location, ignore_errors=True)


if __name__ == "__main__":
    main()
