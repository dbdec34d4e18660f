"""Settings read at call time. Each falls back to an environment variable of the same name, so a deployment
(or a benchmark) can switch a feature without editing its settings: ``THGOV_PAGE_CACHE_ENABLED=0``."""

import os

from django.conf import settings

TRUE = {"1", "true", "yes", "on"}


def setting(name: str, default):
    """The Django setting ``name``, else the environment variable ``name``, else ``default``."""
    if hasattr(settings, name):
        return getattr(settings, name)
    return os.environ.get(name, default)


def flag(name: str, default: bool = True) -> bool:
    """A yes/no setting: ``True``/``False`` in settings, or ``1``/``0``/``yes``/``no`` in the environment."""
    value = setting(name, "1" if default else "0")
    return value.strip().lower() in TRUE if isinstance(value, str) else bool(value)


def stats_flush_seconds() -> float:
    """``THGOV_STATS_FLUSH_SECONDS`` (default 30): how often each process writes the page views it counted.

    Read by the statistics (when to write) and by the page cache (a page that shows counters is kept no
    longer than this), so it lives here, below both.
    """
    return float(setting("THGOV_STATS_FLUSH_SECONDS", 30))
