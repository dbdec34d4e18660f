"""Generations and entries of the page cache, in one Django cache (``conf.alias()``).

Every entry's key contains the current *global* generation and the generation of the entry's *site*.
Bumping a generation (writing a new random token) makes every entry under the old one unreachable at
once, on every process; nothing has to be found and deleted. A missing generation (never set, evicted)
is replaced by a fresh token, never by a value used before, so an eviction can only cause misses, never
bring an old page back.

Where the generations live (``conf.generations_in_database()``):

* in the cache itself when it is shared (Redis): every process reads them there on every request;
* in the database (``PageCacheGeneration``) when the cache is private to each process (local memory,
  the embedded default): each process reads all of them in one query at most every
  ``conf.generation_check_seconds()`` (0.5 s) and keeps them in between; a bump is written in the
  transaction of the change, so it commits (or rolls back) with it, and the bumping process sees it at
  once. A change made by the django-q2 worker or a second app server is seen by every process within
  the check interval.

A request reads the generations *before* the page is rendered and stores its response under them. A
change bumps them after its transaction commits, so a render that may have read the old data is stored
under generations that are already stale.
"""

import hashlib
import secrets
import threading
import time
import zlib
from dataclasses import dataclass

from django.core.cache import caches

from . import conf
from .models import PageCacheGeneration

GLOBAL_KEY = "thgov_page_cache:gen"
SITE_KEY = "thgov_page_cache:gen:site:{}"
ENTRY_KEY = "thgov_page_cache:page:{}"
VARIANTS_KEY = "thgov_page_cache:variants:{}"


def cache():
    return caches[conf.alias()]


def new_token() -> str:
    return secrets.token_hex(6)


def site_key(site_id) -> str:
    return SITE_KEY.format(site_id)


class DatabaseGenerations:
    """Generations in the ``PageCacheGeneration`` table, kept in this process for a short interval."""

    def __init__(self):
        self.tokens = {}
        self.read_at = float("-inf")
        self._lock = threading.Lock()

    def forget(self):
        self.read_at = float("-inf")

    def _read(self):

        self.tokens = dict(PageCacheGeneration.objects.values_list("key", "token"))
        self.read_at = time.monotonic()

    def get(self, keys):
        if time.monotonic() - self.read_at >= conf.generation_check_seconds():
            with self._lock:
                self._read()
        tokens = self.tokens
        missing = [key for key in keys if key not in tokens]
        if missing:
            # ignore_conflicts: two processes creating one at once agree on the token that was stored first.
            PageCacheGeneration.objects.bulk_create(
                [PageCacheGeneration(key=key, token=new_token()) for key in missing], ignore_conflicts=True
            )
            with self._lock:
                self._read()
            tokens = self.tokens
        return [tokens.get(key) or new_token() for key in keys]

    def set(self, keys):
        from django.db import DatabaseError, transaction

        tokens = {key: new_token() for key in keys}
        try:
            # A savepoint: should the write fail, the change it belongs to is not rolled back with it.
            with transaction.atomic():
                PageCacheGeneration.objects.bulk_create(
                    [PageCacheGeneration(key=key, token=token) for key, token in tokens.items()],
                    update_conflicts=True,
                    unique_fields=["key"],
                    update_fields=["token"],
                )
        except DatabaseError:
            if _table_missing():  # pages saved by migrations that run before this table exists
                return
            raise
        self.tokens = {**self.tokens, **tokens}


def _table_missing() -> bool:
    from django.db import connection

    return PageCacheGeneration._meta.db_table not in connection.introspection.table_names()


DATABASE = DatabaseGenerations()


def generations(site_id) -> tuple[str, str]:
    """The global and site generations, creating fresh ones where missing (one round trip when present)."""
    keys = [GLOBAL_KEY, site_key(site_id)]
    if conf.generations_in_database():
        found = DATABASE.get(keys)
        return found[0], found[1]
    store = cache()
    found = store.get_many(keys)
    for key in keys:
        if key not in found:
            # ``add`` so that two processes creating it at once agree on one token.
            store.add(key, new_token(), timeout=None)
            found[key] = store.get(key) or new_token()
    return found[keys[0]], found[keys[1]]


def bump(keys):
    if conf.generations_in_database():
        DATABASE.set(keys)
    else:
        cache().set_many({key: new_token() for key in keys}, timeout=None)


def bump_global():
    bump([GLOBAL_KEY])


def bump_sites(site_ids):
    site_ids = set(site_ids)
    if site_ids:
        bump([site_key(pk) for pk in sorted(site_ids)])


def entry_key(generation: tuple[str, str], site_id, parts) -> str:
    digest = hashlib.blake2b("\n".join([*generation, str(site_id), *parts]).encode(), digest_size=16)
    return ENTRY_KEY.format(digest.hexdigest())


def variants_key(generation: tuple[str, str], site_id, path) -> str:
    digest = hashlib.blake2b("\n".join([*generation, str(site_id), path]).encode(), digest_size=16)
    return VARIANTS_KEY.format(digest.hexdigest())


def take_variant(key, timeout) -> bool:
    """Count one more stored query-string variant of a path; False once ``conf.max_variants()`` are used.

    The count lives as long as a stored page (``timeout``) and starts again with each new generation; the
    page without a query string is never counted, so it is always cached.
    """
    store = cache()
    store.add(key, 0, timeout=timeout)
    try:
        used = store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, timeout=timeout)
        used = 1
    return used <= conf.max_variants()


@dataclass
class Entry:
    """What a stored page keeps: enough to rebuild the response and count the view."""

    status: int
    headers: list
    body: bytes
    compressed: bool
    etag: str
    stored_at: float
    page_id: int
    site_id: int
    expires_at: float | None = None  # the page's ``expire_at``: not served from the cache after it

    def content(self) -> bytes:
        return zlib.decompress(self.body) if self.compressed else self.body


def make_entry(response, page_id, site_id, expires_at=None) -> Entry:
    body = response.content
    etag = f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
    compressed = conf.compress()
    return Entry(
        status=response.status_code,
        headers=list(response.items()),
        body=zlib.compress(body, 1) if compressed else body,
        compressed=compressed,
        etag=etag,
        stored_at=time.time(),
        page_id=page_id,
        site_id=site_id,
        expires_at=expires_at,
    )


def get(key):
    entry = cache().get(key)
    if not isinstance(entry, Entry):
        return None
    if entry.expires_at is not None and time.time() >= entry.expires_at:
        return None  # the page has expired: rendered again (and refused) even before the worker runs
    return entry


def put(key, entry: Entry, timeout: int):
    cache().set(key, entry, timeout=timeout)
