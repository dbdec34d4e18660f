"""Settings of the page cache, read at call time. Each falls back to an environment variable of the
same name (like ``stats.conf``), so a deployment or a benchmark can switch the cache without editing
settings: ``THGOV_PAGE_CACHE_ENABLED=0``."""

from django.conf import settings

from ..core.conf import TRUE, stats_flush_seconds
from ..core.conf import setting as _setting

# Query parameters the public pages read (listing filters and pagination): part of the cache key.
DEFAULT_QUERY_PARAMETERS = ("page", "kind", "year", "fiscal_year")
# What a value of each known parameter may look like to be cached: anything else (``?page=flood1``) is
# rendered as usual but not stored. A parameter named in the setting but not here may hold any short value.
YEAR = r"(?:19|20|24|25|26)[0-9]{2}"  # C.E. or B.E.
QUERY_VALUE_PATTERNS = {
    "page": r"[1-9][0-9]{0,3}",
    "kind": r"[a-z][a-z_]{0,39}",
    "year": YEAR,
    "fiscal_year": YEAR,
}
ANY_VALUE = r"[^\x00-\x1f]{0,64}"
# Tracking parameters added by social networks and campaigns: no page reads them, so they are left out
# of the key and a shared link still hits the cache.
DEFAULT_IGNORED_PARAMETERS = ("fbclid", "gclid", "msclkid", "igshid", "ref", "utm_*")


def enabled() -> bool:
    """``THGOV_PAGE_CACHE_ENABLED`` (default True)."""
    value = _setting("THGOV_PAGE_CACHE_ENABLED", "1")
    return value.strip().lower() in TRUE if isinstance(value, str) else bool(value)


def site_data_enabled() -> bool:
    """``THGOV_SITE_DATA_CACHE`` (default True): keep small per-site values per generation (``sitedata``).

    Independent of ``THGOV_PAGE_CACHE_ENABLED``: a site with the page cache off still reads its settings
    and menu once per generation. The test settings switch it off, because a test's rolled-back data
    must not reach the next test through generations still held in memory.
    """
    value = _setting("THGOV_SITE_DATA_CACHE", "1")
    return value.strip().lower() in TRUE if isinstance(value, str) else bool(value)


def alias() -> str:
    """``THGOV_PAGE_CACHE_ALIAS`` (default ``"default"``): the Django cache that holds pages and generations."""
    return str(_setting("THGOV_PAGE_CACHE_ALIAS", "default"))


def seconds() -> int:
    """``THGOV_PAGE_CACHE_SECONDS`` (default 300): how long a stored page lives at most."""
    return int(_setting("THGOV_PAGE_CACHE_SECONDS", 300))


def counter_seconds() -> int:
    """``THGOV_PAGE_CACHE_COUNTER_SECONDS``: the life of a page that shows counters (views, ratings).

    Defaults to the statistics flush interval (``THGOV_STATS_FLUSH_SECONDS``, 30 s): a cached page never
    shows counts older than one flush interval beyond what the database holds.
    """
    value = _setting("THGOV_PAGE_CACHE_COUNTER_SECONDS", None)
    if value is None:
        value = stats_flush_seconds()
    return max(1, int(float(value)))


def max_age() -> int:
    """``THGOV_PAGE_CACHE_MAX_AGE`` (default 0): ``max-age`` sent to browsers and proxies.

    0 means "revalidate every time" (cheap: a 304 from the cache), so a browser or proxy never shows an
    expired page and every view still reaches the server and is counted.
    """
    return int(_setting("THGOV_PAGE_CACHE_MAX_AGE", 0))


def compress() -> bool:
    """``THGOV_PAGE_CACHE_COMPRESS`` (default False): store bodies zlib-compressed (less memory, more CPU)."""
    value = _setting("THGOV_PAGE_CACHE_COMPRESS", "0")
    return value.strip().lower() in TRUE if isinstance(value, str) else bool(value)


def query_parameters() -> frozenset:
    """``THGOV_PAGE_CACHE_QUERY_PARAMETERS``: query parameters that are part of the key (others bypass)."""
    return frozenset(getattr(settings, "THGOV_PAGE_CACHE_QUERY_PARAMETERS", DEFAULT_QUERY_PARAMETERS))


def ignored_parameters() -> tuple:
    """``THGOV_PAGE_CACHE_IGNORED_PARAMETERS``: left out of the key (a trailing ``*`` matches a prefix)."""
    return tuple(getattr(settings, "THGOV_PAGE_CACHE_IGNORED_PARAMETERS", DEFAULT_IGNORED_PARAMETERS))


# Cache backends private to one process: generations must then live in the database (see ``store``).
PROCESS_LOCAL_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def generations_in_database() -> bool:
    """``THGOV_PAGE_CACHE_GENERATIONS``: ``"database"``, ``"cache"`` or ``"auto"`` (default).

    ``auto`` keeps the generations in the database when the page cache is private to each process
    (Django's local-memory cache, the embedded default), so that a change made by another process (the
    django-q2 worker, a management command, a second app server) reaches every process; and in the cache
    itself when it is shared (Redis, Memcached), where a bump already reaches everyone.
    """
    value = str(_setting("THGOV_PAGE_CACHE_GENERATIONS", "auto")).strip().lower()
    if value in ("database", "cache"):
        return value == "database"
    backend = settings.CACHES.get(alias(), {}).get("BACKEND", "")
    return backend in PROCESS_LOCAL_BACKENDS


def generation_check_seconds() -> float:
    """``THGOV_PAGE_CACHE_GENERATION_CHECK_SECONDS`` (default 0.5): with generations in the database, how
    long a process trusts the generations it read before reading them again (one query per process per
    interval). A change made in another process is seen within this time; one made in the process itself
    at once."""
    return float(_setting("THGOV_PAGE_CACHE_GENERATION_CHECK_SECONDS", 0.5))


def max_variants() -> int:
    """``THGOV_PAGE_CACHE_MAX_VARIANTS`` (default 30): at most this many entries (query strings, hosts,
    languages) of one path of one site per generation; further variants are served uncached, so a flood
    of made-up query strings cannot push the real pages out of the cache."""
    return int(_setting("THGOV_PAGE_CACHE_MAX_VARIANTS", 30))
