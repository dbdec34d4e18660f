#!/usr/bin/env python
"""Expiry benchmark: unpublish 10,000 expired pages in one run, with wagtail-thgov's batched expiry
(``publishing.unpublish.expire_due_pages``) and with Wagtail's own ``publish_scheduled``, side by side.

    .venv/bin/python benchmarks/expiry_bench.py                  # 10,000 pages each way
    .venv/bin/python benchmarks/expiry_bench.py --wagtail-pages 1000   # a shorter Wagtail run

Runs the demo site's settings against a throw-away SQLite file (tables created straight from the
models, as ``pytest --nomigrations`` does). Pages are live plain Wagtail pages with one live revision
each, inserted in bulk; both runs must leave the same state (checked and printed). Prints pages per
second and database queries per page; no assertions on time.
"""

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "example_project")]


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
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)


class QueryCounter:
    """Counts every query on the default connection (the query log would cap at 9,000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def make_root():
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def add_live_pages(parent, count, prefix, expire_at):
    """``count`` live pages under ``parent``, each with one live revision, inserted in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page, Revision

    page_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    first_step = parent.numchild + 1
    pages = []
    for n in range(count):
        slug = f"{prefix}-{n}"
        pages.append(
            Page(
                title=f"ประกาศ {prefix} {n}",
                draft_title=f"ประกาศ {prefix} {n}",
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, first_step + n),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=page_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                expire_at=expire_at,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    parent.numchild += count
    pages = list(Page.objects.filter(slug__startswith=f"{prefix}-", depth=parent.depth + 1))
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=page_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                object_str=page.title,
                created_at=now,
                content={"pk": page.pk, "title": page.title, "slug": page.slug},
            )
            for page in pages
        ],
        batch_size=500,
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.live_revision_id = page.latest_revision_id = revision.pk
        page.latest_revision_created_at = now
    Page.objects.bulk_update(
        pages, ["live_revision", "latest_revision", "latest_revision_created_at"], batch_size=500
    )
    return [page.pk for page in pages]


def timed(function):
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        function()
        seconds = time.perf_counter() - start
    return seconds, counter.count


def state(page_ids):
    from wagtail.models import Page, PageLogEntry, Revision

    rows = Page.objects.filter(pk__in=page_ids)
    return {
        "still live": rows.filter(live=True).count(),
        "marked expired": rows.filter(expired=True).count(),
        "with a live revision": rows.exclude(live_revision=None).count(),
        "revisions kept": Revision.objects.filter(object_id__in=[str(pk) for pk in page_ids]).count(),
        "audit-log entries": PageLogEntry.objects.filter(
            page_id__in=page_ids, action="wagtail.unpublish.scheduled"
        ).count(),
    }


def report(name, pages, seconds, queries):
    print(
        f"{name:<34} {pages:>7,} pages {seconds:>9.2f} s {pages / seconds:>10,.1f} pages/s "
        f"{queries / pages:>8.2f} queries/page"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages expired by the batched path")
    parser.add_argument(
        "--wagtail-pages", type=int, default=10_000, help="pages expired by publish_scheduled"
    )
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument(
        "--database-url",
        default="",
        help="an EMPTY database to use instead of a throw-away SQLite file, e.g. postgres://user:pw@host/db",
    )
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="thgov-expiry-bench-") as directory:
        setup_django(arguments.database_url or f"sqlite:///{Path(directory) / 'bench.sqlite3'}")
        from django.core.management import call_command
        from django.utils import timezone
        from wagtail.models import Page

        from wagtail_thgov.publishing.unpublish import expire_due_pages

        root = make_root()
        future = timezone.now() + dt.timedelta(days=1)
        print(f"Creating {arguments.pages:,} + {arguments.wagtail_pages:,} live pages ...", flush=True)
        ours = add_live_pages(root, arguments.pages, "ours", future)
        theirs = add_live_pages(root, arguments.wagtail_pages, "theirs", future)
        past = timezone.now() - dt.timedelta(minutes=1)

        Page.objects.filter(pk__in=ours).update(expire_at=past)
        seconds, queries = timed(lambda: expire_due_pages(batch_size=arguments.batch_size))
        ours_result = (seconds, queries, state(ours))

        Page.objects.filter(pk__in=theirs).update(expire_at=past)
        with open(os.devnull, "w") as quiet:
            seconds, queries = timed(lambda: call_command("publish_scheduled", stdout=quiet))
        theirs_result = (seconds, queries, state(theirs))

    from django.db import connection

    print(f"\nDatabase: {connection.vendor}")
    report("wagtail-thgov expire_due_pages", arguments.pages, *ours_result[:2])
    report("Wagtail publish_scheduled", arguments.wagtail_pages, *theirs_result[:2])
    ratio = (arguments.pages / ours_result[0]) / (arguments.wagtail_pages / theirs_result[0])
    print(f"\nBatched expiry is {ratio:,.1f}x the pages per second of publish_scheduled.")
    print("\nState after each run:")
    for key in ours_result[2]:
        print(
            f"  {key:<22} batched: {ours_result[2][key]:>7,}   publish_scheduled: {theirs_result[2][key]:>7,}"
        )


if __name__ == "__main__":
    main()
