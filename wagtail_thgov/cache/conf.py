"""Settings of the page cache, read at call time. Each falls back to an environment variable of the
same name (like ``stats.conf``), so a deployment or a benchmark can switch the cache without editing
settings: ``THGOV_PAGE_CACHE_ENABLED=0``."""

import os

from django.conf import settings

TRUE = {"1", "true", "yes", "on"}

# Query parameters the public pages read (listing filters and pagination): part of the cache key.
DEFAULT_QUERY_PARAMETERS = ("page", "kind", "year", "fiscal_year")
# Tracking parameters added by social networks and campaigns: no page reads them, so they are left out
# of the key and a shared link still hits the cache.
DEFAULT_IGNORED_PARAMETERS = ("fbclid", "gclid", "msclkid", "igshid", "ref", "utm_*")


def _setting(name, default):
    if hasattr(settings, name):
        return getattr(settings, name)
    return os.environ.get(name, default)


def enabled() -> bool:
    """``THGOV_PAGE_CACHE_ENABLED`` (default True)."""
    value = _setting("THGOV_PAGE_CACHE_ENABLED", "1")
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
        from ..stats import conf as stats_conf

        value = stats_conf.flush_seconds()
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
