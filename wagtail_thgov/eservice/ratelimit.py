"""Attempts per client, per site, per time window, counted in Django's cache (Redis when configured).

The client is a keyed hash of its address behind the trusted proxies (``security.clients``; an IPv6 client
counts by its /64): no IP address is stored, not even in the cache. A cache that cannot be reached limits
nobody (logged): an outage of Redis must not shut citizens out of the e-Service.
"""

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from ..security.clients import address_group, client_address

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    """At most ``attempts`` in ``window`` seconds."""

    scope: str
    attempts: int
    window: int


def _configured(scope, default):
    value = getattr(settings, f"THGOV_ESERVICE_{scope.upper()}_LIMIT", None)
    return Limit(scope, *value) if value else default


def submit_limit() -> Limit:
    """Stored submissions: 5 per 10 minutes unless ``THGOV_ESERVICE_SUBMIT_LIMIT = (n, seconds)``."""
    return _configured("submit", Limit("submit", 5, 600))


def lookup_limit() -> Limit:
    """Status look-ups (successful or not): 10 per 10 minutes unless ``THGOV_ESERVICE_LOOKUP_LIMIT``."""
    return _configured("lookup", Limit("lookup", 10, 600))


def client_key(request) -> str:
    address = address_group(client_address(request))
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _cache_key(limit: Limit, request, site_id, now=None) -> str:
    bucket = int((now or time.time()) // limit.window)
    return f"thgov:eservice:{limit.scope}:{site_id}:{client_key(request)}:{bucket}"


def is_limited(limit: Limit, request, site_id) -> bool:
    """Whether this client has used up its attempts in the current window (does not count one)."""
    try:
        return (cache.get(_cache_key(limit, request, site_id)) or 0) >= limit.attempts
    except Exception:
        logger.exception("thgov e-Service: rate limit could not be read; not limiting")
        return False


def count(limit: Limit, request, site_id) -> int:
    """Count one attempt; return the number of attempts in the window so far."""
    key = _cache_key(limit, request, site_id)
    try:
        cache.add(key, 0, timeout=limit.window + 5)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=limit.window + 5)
            return 1
    except Exception:
        logger.exception("thgov e-Service: rate limit could not be counted")
        return 0
