"""Compliance checklist at 1,000 and 10,000 pages: evaluation and report time, query counts, export memory.

    .venv/bin/python benchmarks/compliance_bench.py [--sizes 1000 10000]

Builds a throw-away in-memory SQLite database from the models (as ``pytest --nomigrations`` does), one
municipality site with its roles and standards, then generated pages: news (70 %), official information
items (10 %, half of them ticked for an ITA/OIT item), laws (10 %) and agency pages (10 %). Pages are
inserted in bulk (generation is not what is measured). For each size it measures, warm:

* evaluating every bundled standard (``results.site_results``),
* the admin report of ITA/OIT 2568 (an HTTP GET through Django's test client, as a superuser),
* the workbook export of every standard (``export.write_workbook``), with its peak Python memory
  (tracemalloc),

and prints the sizes side by side with the ratio. Query counts must not grow with the number of pages.
"""

import argparse
import datetime as dt
import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "example_project")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def create_database():
    """An in-memory test database built from the models, without migrations."""
    setup_test_environment()
    settings.DATABASES["default"]["TEST"] = {"NAME": ":memory:", "MIGRATE": False}
    settings.DEBUG = False
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)


def make_site():
    from tests.compliance_support import compliance_site
    from wagtail_thgov.pages.agency import AgencyIndexPage
    from wagtail_thgov.pages.law import LawIndexPage
    from wagtail_thgov.pages.news import NewsIndexPage
    from wagtail_thgov.pages.public_info import PublicInfoIndexPage

    site = compliance_site(certification=False)
    home = site.root_page
    parents = {}
    for model, slug in (
        (NewsIndexPage, "news"),
        (PublicInfoIndexPage, "information-centre"),
        (LawIndexPage, "laws"),
        (AgencyIndexPage, "agency"),
    ):
        page = home.add_child(instance=model(title=slug, slug=slug))
        page.save_revision().publish()
        parents[model] = model.objects.get(pk=page.pk)
    return site, parents


def generated_pages(parents, start, count):
    """``(parent, model, fields)`` for pages number ``start`` … ``start + count - 1``."""
    from wagtail_thgov.core.thai import current_fiscal_year
    from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage
    from wagtail_thgov.pages.law import LawIndexPage, LawPage
    from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
    from wagtail_thgov.pages.public_info import PublicInfoIndexPage, PublicInfoPage

    year = current_fiscal_year()
    today = timezone.localdate()
    for n in range(start, start + count):
        slot = n % 10
        if slot < 7:
            yield (
                parents[NewsIndexPage],
                NewsPage,
                {
                    "kind": "pr",
                    "news_date": today,
                    "fiscal_year": year,
                    "summary": f"ข่าว {n}",
                    "body": '[{"type": "paragraph", "value": "<p>ข่าวสมมุติ</p>"}]',
                },
            )
        elif slot == 7:
            yield parents[PublicInfoIndexPage], PublicInfoPage, {"oia_section": "s9_8", "fiscal_year": year}
        elif slot == 8:
            yield (
                parents[LawIndexPage],
                LawPage,
                {
                    "kind": "bylaw",
                    "source_reference": "ราชกิจจานุเบกษา (สมมุติ)",
                    "source_url": "https://example.test/law",
                },
            )
        else:
            yield parents[AgencyIndexPage], AgencyInfoPage, {"kind": "general"}


def bulk_add_pages(parents, start, count, ticked_item):
    """Insert pages in bulk: base rows with tree paths, then each type's own rows, then ticks."""
    from wagtail.models import Page

    from wagtail_thgov.pages.public_info import PublicInfoPage

    now = timezone.now()
    numchild = {parent.pk: parent.get_children_count() for parent in parents.values()}
    rows = []
    for n, (parent, model, fields) in enumerate(generated_pages(parents, start, count), start=start):
        numchild[parent.pk] += 1
        slug = f"page-{n}"
        base = Page(
            title=f"หน้าทดสอบ {n}",
            draft_title=f"หน้าทดสอบ {n}",
            slug=slug,
            content_type=ContentType.objects.get_for_model(model),
            locale_id=parent.locale_id,
            path=Page._get_path(parent.path, parent.depth + 1, numchild[parent.pk]),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            latest_revision_created_at=now,
        )
        rows.append((base, model, fields))
    Page.objects.bulk_create([base for base, _model, _fields in rows], batch_size=500)
    by_model = {}
    for base, model, fields in rows:
        page = model(page_ptr_id=base.pk, **fields)
        by_model.setdefault(model, []).append(page)
    for model, pages in by_model.items():
        local_fields = [field for field in model._meta.local_concrete_fields]
        model._base_manager.all()._batched_insert(pages, local_fields, batch_size=500)
    for parent in parents.values():
        Page.objects.filter(pk=parent.pk).update(numchild=numchild[parent.pk])
        parent.numchild = numchild[parent.pk]
    through = PublicInfoPage.checklist_items.through
    through.objects.bulk_create(
        [
            through(publicinfopage_id=page.pk, checklistitem_id=ticked_item.pk)
            for index, page in enumerate(by_model.get(PublicInfoPage, []))
            if index % 2 == 0
        ],
        batch_size=500,
    )


def measure(function, repeat=3):
    """Best wall time of ``repeat`` warm runs, and the queries of the last one."""
    function()  # warm: caches of content types, site root paths, templates
    best = float("inf")
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - started)
    return best, len(queries)


def export_peak(site):
    """Peak Python memory (bytes) of evaluating every standard and writing the workbook."""
    from wagtail_thgov.compliance.export import write_workbook
    from wagtail_thgov.compliance.results import site_results

    def run():
        write_workbook(io.BytesIO(), site_results(site), "เทศบาลตำบลทดสอบ")

    run()
    tracemalloc.start()
    run()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def run(sizes):
    from wagtail.models import Page, Site

    from tests.factories import make_user
    from wagtail_thgov.compliance.export import write_workbook
    from wagtail_thgov.compliance.models import ChecklistItem, Standard
    from wagtail_thgov.compliance.results import site_results

    create_database()
    site, parents = make_site()
    site = Site.objects.select_related("root_page").get(pk=site.pk)
    ticked = ChecklistItem.objects.get(standard__code="ita_oit", standard__edition="2568", code="O21")
    client = Client()
    client.force_login(make_user("bench-admin", superuser=True))
    ita = Standard.objects.get(code="ita_oit", edition="2568")
    report_url = f"/admin/reports/thgov-compliance/?standard={ita.pk}&site={site.pk}"

    results = {}
    made = 0
    for size in sorted(sizes):
        bulk_add_pages(parents, made, size - made, ticked)
        made = size
        pages = Page.objects.descendant_of(site.root_page).count()
        evaluate_time, evaluate_queries = measure(lambda: site_results(site))
        report_time, report_queries = measure(lambda: client.get(report_url))
        assert client.get(report_url).status_code == 200
        export_time, export_queries = measure(
            lambda: write_workbook(io.BytesIO(), site_results(site), "ทดสอบ")
        )
        results[size] = {
            "pages in the site": pages,
            "evaluate all standards (s)": evaluate_time,
            "evaluate all standards (queries)": evaluate_queries,
            "admin report ITA/OIT 2568 (s)": report_time,
            "admin report ITA/OIT 2568 (queries)": report_queries,
            "workbook export (s)": export_time,
            "workbook export (queries)": export_queries,
            "workbook export peak memory (MB)": export_peak(site) / 1_000_000,
        }
        print(f"… measured {size:,} generated pages", file=sys.stderr)
    return results


def print_table(results):
    sizes = sorted(results)
    first, last = sizes[0], sizes[-1]
    label_width = max(len(label) for label in results[first]) + 2
    header = f"{'':<{label_width}}" + "".join(f"{f'{size:,} pages':>16}" for size in sizes) + f"{'ratio':>10}"
    print(header)
    print("-" * len(header))
    for label in results[first]:
        values = [results[size][label] for size in sizes]
        cells = "".join(
            f"{value:>16,.3f}" if isinstance(value, float) else f"{value:>16,}" for value in values
        )
        ratio = values[-1] / values[0] if values[0] else float("nan")
        print(f"{label:<{label_width}}{cells}{ratio:>9.2f}x")
    print(
        f"\nratio = {last:,} pages / {first:,} pages; queries must stay flat, memory should stay near flat."
    )
    print(f"(SQLite in memory, Python {sys.version.split()[0]}, {dt.datetime.now():%Y-%m-%d %H:%M})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    print_table(run(parser.parse_args().sizes))
