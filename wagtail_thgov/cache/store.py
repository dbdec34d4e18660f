"""Generations and entries of the page cache, in one Django cache (``conf.alias()``).

Every entry's key contains the current *global* generation and the generation of the entry's *site*.
Bumping a generation (writing a new random token) makes every entry under the old one unreachable at
once, on every process that shares the cache (Redis); nothing has to be found and deleted. A missing
generation (never set, evicted) is replaced by a fresh token, never by a value used before, so an
eviction can only cause misses, never bring an old page back.

A request reads the generations *before* the page is rendered and stores its response under them. A
change bumps them after its transaction commits, so a render that may have read the old data is stored
under generations that are already stale.
"""

import hashlib
import secrets
import time
import zlib
from dataclasses import dataclass

from django.core.cache import caches

from . import conf

GLOBAL_KEY = "thgov_page_cache:gen"
SITE_KEY = "thgov_page_cache:gen:site:{}"
ENTRY_KEY = "thgov_page_cache:page:{}"


def cache():
    return caches[conf.alias()]


def new_token() -> str:
    return secrets.token_hex(6)


def generations(site_id) -> tuple[str, str]:
    """The global and site generations, creating fresh ones where missing (one round trip when present)."""
    store = cache()
    keys = [GLOBAL_KEY, SITE_KEY.format(site_id)]
    found = store.get_many(keys)
    for key in keys:
        if key not in found:
            # ``add`` so that two processes creating it at once agree on one token.
            store.add(key, new_token(), timeout=None)
            found[key] = store.get(key) or new_token()
    return found[keys[0]], found[keys[1]]


def bump_global():
    cache().set(GLOBAL_KEY, new_token(), timeout=None)


def bump_sites(site_ids):
    site_ids = set(site_ids)
    if site_ids:
        cache().set_many({SITE_KEY.format(pk): new_token() for pk in site_ids}, timeout=None)


def entry_key(generation: tuple[str, str], site_id, parts) -> str:
    digest = hashlib.blake2b("\n".join([*generation, str(site_id), *parts]).encode(), digest_size=16)
    return ENTRY_KEY.format(digest.hexdigest())


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

    def content(self) -> bytes:
        return zlib.decompress(self.body) if self.compressed else self.body


def make_entry(response, page_id, site_id) -> Entry:
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
    )


def get(key):
    entry = cache().get(key)
    return entry if isinstance(entry, Entry) else None


def put(key, entry: Entry, timeout: int):
    cache().set(key, entry, timeout=timeout)
