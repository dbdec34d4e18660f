"""The per-process buffer of page views, and its batched writes.

``record()`` (called by the middleware after a counted response) only adds to dictionaries in memory
under a lock: no database or network access on the page-serving path. A daemon thread per process
writes the buffer every ``THGOV_STATS_FLUSH_SECONDS`` or as soon as it holds ``THGOV_STATS_FLUSH_HITS``
hits, and ``atexit`` writes what is left when the process stops (gunicorn's graceful SIGTERM).

Where it writes:

* without Redis, straight into the database with one atomic upsert per table
  (``INSERT ... ON CONFLICT DO UPDATE SET views = views + excluded.views``, SQLite ≥ 3.24 and
  PostgreSQL), so any number of processes add up exactly;
* with Django's Redis cache, into Redis (``HINCRBY``, exact; unique visitors in a HyperLogLog,
  approximate within about 1 %); the django-q2 job ``jobs.drain_stats`` moves them into the database.

A failed write puts the counts back into the buffer for the next attempt; it never reaches a page.
"""

import atexit
import logging
import os
import threading
import time
from collections import Counter

from . import conf
from .models import PageViewDay, SiteVisitDay, VisitorHashDay
from .visitors import visitor_hash

logger = logging.getLogger(__name__)

REDIS_PAGES = "thgov_stats:pages"
REDIS_SITES = "thgov_stats:sites"
REDIS_UNIQUE_KEYS = "thgov_stats:unique_keys"
REDIS_UNIQUE = "thgov_stats:unique:{site}:{date}"


class HitBuffer:
    """Counts of one process waiting to be written."""

    def __init__(self):
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._wake = threading.Event()
        self._pid = None
        self._started = False
        self._reset()
        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=self._forked)

    def _reset(self):
        self.pages = Counter()  # (site_id, page_id, date) -> views
        self.sites = Counter()  # (site_id, date) -> views
        self.visitors = set()  # (site_id, date, digest); digests live in memory only
        self.pending = 0

    # -- page-serving path --------------------------------------------------------------------------

    def record(self, site_id, page_id, date, digest):
        """Add one view; start this process's flusher on first use (also after a fork)."""
        with self._lock:
            if not self._started:
                self._start()
            self.pages[(site_id, page_id, date)] += 1
            self.sites[(site_id, date)] += 1
            self.visitors.add((site_id, date, digest))
            self.pending += 1
            full = self.pending >= conf.flush_hits()
        if full:
            self._wake.set()

    def _forked(self):
        """In a child process after ``fork()`` (gunicorn's workers): start afresh on the next hit.

        Locks are made anew: one held by another thread of the parent at the fork would never be released.
        """
        self._lock = threading.Lock()
        self._started = False

    def _start(self):
        # Called with self._lock held. Counts inherited through fork() belong to the parent.
        self._started = True
        self._pid = os.getpid()
        self._reset()
        self._flush_lock = threading.Lock()
        self._wake = threading.Event()
        if conf.background_flush():
            threading.Thread(target=self._run, name="thgov-stats-flush", daemon=True).start()
        atexit.register(self._flush_at_exit, self._pid)

    def _run(self):
        while True:
            self._wake.wait(conf.flush_seconds())
            self._wake.clear()
            self.flush()
            _close_connections()  # this thread's own connections only

    def _flush_at_exit(self, pid):
        if pid == os.getpid():
            self.flush()
            _close_connections()

    # -- writing ------------------------------------------------------------------------------------

    def take(self):
        """Empty the buffer and return what it held."""
        with self._lock:
            taken = (self.pages, self.sites, self.visitors)
            self._reset()
        return taken

    def give_back(self, pages, sites, visitors):
        with self._lock:
            self.pages.update(pages)
            self.sites.update(sites)
            self.visitors |= visitors
            self.pending += sum(pages.values())

    def flush(self) -> int:
        """Write the buffer; return the number of views written (0 if nothing or if the write failed)."""
        with self._flush_lock:
            pages, sites, visitors = self.take()
            if not pages:
                return 0
            started = time.monotonic()
            try:
                if conf.use_redis():
                    write_to_redis(pages, sites, visitors)
                else:
                    write_to_database(pages, sites, visitors)
            except Exception:  # never lose counts, never crash the flusher
                logger.exception("thgov stats: flush failed; counts kept for the next attempt")
                self.give_back(pages, sites, visitors)
                return 0
            views = sum(pages.values())
            logger.debug("thgov stats: wrote %s views in %.3f s", views, time.monotonic() - started)
            return views


def _close_connections():
    from django.db import connections

    connections.close_all()


BUFFER = HitBuffer()


def record(site_id, page_id, date, digest):
    BUFFER.record(site_id, page_id, date, digest)


def flush() -> int:
    return BUFFER.flush()


# -- database ----------------------------------------------------------------------------------------


def _chunks(rows, size=500):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def upsert_counts(pages, sites, uniques=None, *, set_uniques=False):
    """Add ``pages`` and ``sites`` view counts in the database, atomically and exactly.

    ``uniques`` maps (site_id, date) to a number of distinct visitors that replaces a smaller stored one.
    """
    from django.db import connection, transaction
    from django.db.models import F
    from django.db.models.functions import Greatest
    from wagtail.models import Page

    quote = connection.ops.quote_name
    adapt = connection.ops.adapt_datefield_value
    existing = set(
        Page.objects.filter(pk__in={page for _site, page, _date in pages}).values_list("pk", flat=True)
    )
    page_rows = [
        (site, page, adapt(date), views) for (site, page, date), views in pages.items() if page in existing
    ]
    site_rows = [(site, adapt(date), views, 0) for (site, date), views in sites.items()]
    page_table, site_table = quote(PageViewDay._meta.db_table), quote(SiteVisitDay._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        for chunk in _chunks(page_rows):
            cursor.execute(
                f"INSERT INTO {page_table} (site_id, page_id, date, views) VALUES "
                + ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
                + f" ON CONFLICT (page_id, date) DO UPDATE SET views = {page_table}.views + excluded.views",
                [value for row in chunk for value in row],
            )
        for chunk in _chunks(site_rows):
            cursor.execute(
                f"INSERT INTO {site_table} (site_id, date, views, uniques) VALUES "
                + ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
                + f" ON CONFLICT (site_id, date) DO UPDATE SET views = {site_table}.views + excluded.views",
                [value for row in chunk for value in row],
            )
        for (site, date), count in (uniques or {}).items():
            SiteVisitDay.objects.filter(site_id=site, date=date).update(uniques=Greatest(F("uniques"), count))


def write_to_database(pages, sites, visitors):
    """Counts and today's distinct visitors (exact, through a table of the day's hashes)."""
    from django.db import connection, transaction

    quote = connection.ops.quote_name
    adapt = connection.ops.adapt_datefield_value
    hashes = sorted({(site, adapt(date), visitor_hash(digest, date)) for site, date, digest in visitors})
    table = quote(VisitorHashDay._meta.db_table)
    with transaction.atomic():
        with connection.cursor() as cursor:
            for chunk in _chunks(hashes):
                cursor.execute(
                    f"INSERT INTO {table} (site_id, date, visitor_hash) VALUES "
                    + ", ".join(["(%s, %s, %s)"] * len(chunk))
                    + " ON CONFLICT (site_id, date, visitor_hash) DO NOTHING",
                    [value for row in chunk for value in row],
                )
        upsert_counts(pages, sites)
        uniques = {
            (site, date): VisitorHashDay.objects.filter(site_id=site, date=date).count()
            for site, date in {(site, date) for site, date, _digest in visitors}
        }
        upsert_counts({}, {}, uniques)


# -- Redis -------------------------------------------------------------------------------------------


def redis_client():
    from django.core.cache import cache

    return cache, cache._cache.get_client(write=True)


def write_to_redis(pages, sites, visitors):

    cache, client = redis_client()
    pipe = client.pipeline(transaction=True)
    for (site, page, date), views in pages.items():
        pipe.hincrby(cache.make_key(REDIS_PAGES), f"{site}:{page}:{date.isoformat()}", views)
    for (site, date), views in sites.items():
        pipe.hincrby(cache.make_key(REDIS_SITES), f"{site}:{date.isoformat()}", views)
    by_day = {}
    for site, date, digest in visitors:
        by_day.setdefault((site, date), []).append(visitor_hash(digest, date))
    for (site, date), hashes in by_day.items():
        key = cache.make_key(REDIS_UNIQUE.format(site=site, date=date.isoformat()))
        pipe.pfadd(key, *hashes)
        pipe.expire(key, 3 * 24 * 3600)
        pipe.sadd(cache.make_key(REDIS_UNIQUE_KEYS), f"{site}:{date.isoformat()}")
    pipe.execute()
