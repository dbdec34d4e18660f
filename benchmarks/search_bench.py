#!/usr/bin/env python
"""Thai search benchmark: recall@10 on the Thai corpus and median query time on 10,000 pages, for
wagtail-thgov's search (``wagtail_thgov.search.engine.search_pages``) beside Wagtail's default search
(``Page.objects.live().search(query)``), on one database.

    .venv/bin/python benchmarks/search_bench.py                      # in-memory SQLite
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/search_bench.py   # PostgreSQL (a throw-away
                                                                     # test_<name> database, dropped after)
    .venv/bin/python benchmarks/search_bench.py --pages 2000         # a shorter run

While the plugin's committed migration lags its models, run it as the tests are run::

    scripts/scratch-migrations.sh /tmp/search-mig
    THGOV_SCRATCH_MIGRATIONS=/tmp/search-mig .venv/bin/python benchmarks/search_bench.py

Steps: build a migrated throw-away database and a municipality site;
add the corpus of ``tests/search_corpus.py`` (205 titles) one page at a time through the ORM, as the
admin would, and measure recall@10 of its queries both ways; then insert generated municipal pages in
bulk up to ``--pages``, index them with the search backend's bulk API, and time every query both ways
(warm; median and 90th percentile). Prints only; no assertions.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "example_project")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def create_database():
    """A migrated test database (Wagtail's search migration makes the SQLite FTS table)."""
    setup_test_environment()
    test = connection.settings_dict["TEST"]  # Django filled in its defaults
    test["MIGRATE"] = True
    if connection.vendor == "sqlite":
        test["NAME"] = ":memory:"
    else:  # not test_<name>, which a test run on the same server may be using
        test["NAME"] = f"test_{connection.settings_dict['NAME']}_search_bench"
    settings.DEBUG = False
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)


def generated_titles(count, seed=2568):
    """Plausible municipal titles, built from the corpus's vocabulary with numbers and places varied."""
    from tests import search_corpus as corpus

    rng = random.Random(seed)
    patterns = [
        lambda: (
            f"ประกาศผู้ชนะการเสนอราคา ซื้อ{rng.choice(corpus.ITEMS)} โดยวิธีเฉพาะเจาะจง ครั้งที่ {rng.randint(1, 40)}"
        ),
        lambda: (
            f"ประกาศเชิญชวน จ้าง{rng.choice(corpus.WORKS)} {rng.choice(corpus.VILLAGES)} ซอย {rng.randint(1, 30)}"
        ),
        lambda: (
            f"ซื้อ{rng.choice(corpus.ITEMS)} ประจำเดือน{rng.choice(corpus.MONTHS)} {rng.randint(2560, 2568)}"
        ),
        lambda: f"ประกาศรับสมัครพนักงานจ้าง ตำแหน่ง {rng.choice(corpus.POSITIONS)} รอบที่ {rng.randint(1, 9)}",
        lambda: f"{rng.choice(corpus.NEWS)} ประจำปี {rng.randint(2555, 2568)} ครั้งที่ {rng.randint(1, 12)}",
        lambda: f"รายงานสถานะการเงินประจำเดือน{rng.choice(corpus.MONTHS)} {rng.randint(2560, 2568)}",
        lambda: f"ข่าวกิจกรรม{rng.choice(corpus.NEWS)} {rng.choice(corpus.VILLAGES)} วันที่ {rng.randint(1, 28)}",
    ]
    return [rng.choice(patterns)() for _ in range(count)]


def bulk_add_news(parent, titles, start):
    """Insert NewsPages in bulk (base rows with tree paths, then their own rows) and index them in bulk."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from wagtail_thgov.pages.news import NewsPage

    now = timezone.now()
    numchild = parent.get_children_count()
    content_type = ContentType.objects.get_for_model(NewsPage)
    bases = []
    for n, title in enumerate(titles, start=start):
        numchild += 1
        slug = f"generated-{n}"
        bases.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                locale_id=parent.locale_id,
                path=Page._get_path(parent.path, parent.depth + 1, numchild),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                latest_revision_created_at=now,
            )
        )
    Page.objects.bulk_create(bases, batch_size=500)
    pages = [NewsPage(page_ptr_id=base.pk, news_date=dt.date(2025, 1, 1)) for base in bases]
    NewsPage._base_manager.all()._batched_insert(pages, NewsPage._meta.local_concrete_fields, batch_size=500)
    Page.objects.filter(pk=parent.pk).update(numchild=numchild)
    backend = get_search_backend()
    ids = [base.pk for base in bases]
    for offset in range(0, len(ids), 1000):
        chunk = NewsPage.objects.filter(pk__in=ids[offset : offset + 1000])
        backend.add_bulk(NewsPage, list(chunk))


def recall(search, queries):
    misses = [(query, expected) for query, expected in queries if expected not in search(query)[:10]]
    return 1 - len(misses) / len(queries), misses


def timings(search, queries, repeat=3):
    times = []
    for query, _expected in queries:
        best = None
        for _ in range(repeat):
            started = time.perf_counter()
            search(query)
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        times.append(best * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages on the site for the timing")
    args = parser.parse_args()

    old_name = connection.settings_dict["NAME"]
    create_database()
    try:
        run(args.pages)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(size):
    from wagtail.models import Locale, Page

    from tests.factories import make_site
    from tests.search_corpus import QUERIES, TITLES
    from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
    from wagtail_thgov.search.engine import search_pages

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)  # made by a migration otherwise
    site = make_site()
    index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))
    index.save_revision().publish()
    started = time.perf_counter()
    for n, title in enumerate(TITLES):
        index.add_child(
            instance=NewsPage(title=title, slug=f"corpus-{n}", live=True, news_date=dt.date(2025, 1, 1))
        )
    print(
        f"database: {connection.vendor}; corpus: {len(TITLES)} pages added in {time.perf_counter() - started:.1f} s"
    )

    def thgov(query):
        return [hit.page.title for hit in search_pages(query, site)]

    def default(query):
        return [page.title for page in Page.objects.live().search(query)[:10]]

    print(f"\nrecall@10 on {len(TITLES)} pages, {len(QUERIES)} queries:")
    for name, search in (("wagtail-thgov", thgov), ("Wagtail default", default)):
        value, misses = recall(search, QUERIES)
        print(f"  {name:16} {value:.3f}  ({len(QUERIES) - len(misses)}/{len(QUERIES)})")
        if name == "wagtail-thgov":
            for query, expected in misses:
                print(f"    missed: {query!r} -> {expected!r}")

    started = time.perf_counter()
    index.refresh_from_db()
    extra = size - Page.objects.descendant_of(site.root_page, inclusive=True).count()
    if extra > 0:
        bulk_add_news(index, generated_titles(extra), start=0)
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).count()
    print(f"\n{pages} pages on the site (bulk insert + index: {time.perf_counter() - started:.1f} s)")
    print(f"query time over {len(QUERIES)} queries (best of 3 each, warm):")
    for name, search in (("wagtail-thgov", thgov), ("Wagtail default", default)):
        search(QUERIES[0][0])  # warm caches and imports
        median, p90 = timings(search, QUERIES)
        value, _misses = recall(search, QUERIES)
        print(f"  {name:16} median {median:7.1f} ms   p90 {p90:7.1f} ms   recall@10 {value:.3f}")


if __name__ == "__main__":
    main()
