"""Settings of the statistics subpackage; each falls back to an environment variable of the same name, so
a deployment (or a benchmark) can switch counting without editing settings.

The two read on every counted request (``enabled`` and ``flush_hits``) are read once per process and
kept; Django's ``setting_changed`` signal (``override_settings``, pytest-django's ``settings``) forgets
them, so tests still see their changes at once.
"""

import os

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from ..core.conf import stats_flush_seconds

_cache: dict = {}

REDIS_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "wagtail_thgov.cache.backends.ResilientRedisCache",
)


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting.startswith("THGOV_STATS") or setting == "CACHES":
        _cache.clear()


def enabled() -> bool:
    """``THGOV_STATS_ENABLED`` (default True) switches page-view counting off."""
    try:
        return _cache["enabled"]
    except KeyError:
        pass
    default = os.environ.get("THGOV_STATS_ENABLED", "1").strip().lower() in {"1", "true", "yes", "on"}
    value = _cache["enabled"] = bool(getattr(settings, "THGOV_STATS_ENABLED", default))
    return value


def flush_seconds() -> float:
    """``THGOV_STATS_FLUSH_SECONDS`` (default 30): how often each process writes its buffer."""
    return stats_flush_seconds()


def flush_hits() -> int:
    """``THGOV_STATS_FLUSH_HITS`` (default 1000): a process also writes once it holds this many hits."""
    try:
        return _cache["flush_hits"]
    except KeyError:
        pass
    value = _cache["flush_hits"] = int(
        getattr(settings, "THGOV_STATS_FLUSH_HITS", os.environ.get("THGOV_STATS_FLUSH_HITS", 1000))
    )
    return value


def use_redis() -> bool:
    """Counts go through Redis when the default cache is Django's Redis cache (or the resilient one)."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return backend in REDIS_BACKENDS and getattr(settings, "THGOV_STATS_USE_REDIS", True)


def background_flush() -> bool:
    """``THGOV_STATS_FLUSH_THREAD``: whether each process writes its buffer from a thread of its own.

    By default yes, except on an in-memory SQLite database (tests): that database is private to the
    connection that made it, so another thread would write somewhere else; writes happen at exit or
    when ``buffer.flush()`` is called.
    """
    setting = getattr(settings, "THGOV_STATS_FLUSH_THREAD", None)
    if setting is not None:
        return bool(setting)
    from django.db import connection

    if connection.vendor == "sqlite":
        return not connection.creation.is_in_memory_db(connection.settings_dict["NAME"])
    return True


def _int_setting(name, default) -> int:
    return int(getattr(settings, name, os.environ.get(name, default)))


def ratings_per_address() -> int:
    """``THGOV_RATINGS_PER_ADDRESS`` (default 20): satisfaction-widget ratings one address (an IPv6 /64) may
    add to one site in one day, whatever browsers it claims to be; see docs/statistics.md."""
    return _int_setting("THGOV_RATINGS_PER_ADDRESS", 20)


def survey_responses_per_address() -> int:
    """``THGOV_SURVEY_RESPONSES_PER_ADDRESS`` (default 20): responses one address may add to one survey a day."""
    return _int_setting("THGOV_SURVEY_RESPONSES_PER_ADDRESS", 20)


def survey_moderation() -> bool:
    """``THGOV_SURVEY_MODERATION`` (default True): open answers are public only once a webmaster accepts them."""
    value = getattr(settings, "THGOV_SURVEY_MODERATION", os.environ.get("THGOV_SURVEY_MODERATION", "1"))
    return value.strip().lower() in {"1", "true", "yes", "on"} if isinstance(value, str) else bool(value)
