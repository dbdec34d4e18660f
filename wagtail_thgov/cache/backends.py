"""``ResilientRedisCache``: Django's Redis cache that treats an unreachable Redis as an empty cache.

Wagtail itself reads the cache on every request (``Site.get_site_root_paths()``), so with Django's own
backend a stopped Redis turns every page into a server error. With this backend a read that cannot reach
Redis is a miss and a write is dropped (both logged, at most once every ten seconds per process): pages are
rendered from the database, page-view counts wait in each process's buffer (``stats.buffer``) until Redis
is back, rate limits limit nobody. Use it in ``CACHES`` instead of ``django.core.cache.backends.redis.RedisCache``
and give the client short timeouts (see docs/deployment.md)::

    "BACKEND": "wagtail_thgov.cache.backends.ResilientRedisCache",
    "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 10


def _unreachable_errors():
    from redis.exceptions import ConnectionError, TimeoutError

    return (ConnectionError, TimeoutError, OSError)


# Operation -> what it answers while Redis cannot be reached (a miss, or "not written").
ON_OUTAGE = {
    "get": None,
    "get_many": {},
    "has_key": False,
    "set": None,
    "add": False,
    "set_many": [],
    "touch": False,
    "delete": False,
    "delete_many": None,
    # Counting nothing while Redis is away: a rate limit then limits nobody (see eservice.ratelimit).
    "incr": 0,
    "clear": False,
}


def _outage(operation):
    now = time.monotonic()
    if now - ResilientRedisCache.logged_at >= LOG_EVERY_SECONDS:
        ResilientRedisCache.logged_at = now
        logger.warning("thgov cache: Redis cannot be reached (%s); serving without it", operation)


def _resilient(operation):
    def method(self, *args, **kwargs):
        try:
            return getattr(RedisCache, operation)(self, *args, **kwargs)
        except _unreachable_errors():
            _outage(operation)
            if operation == "get":  # the caller's default, wherever it was given
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            return ON_OUTAGE[operation]

    method.__name__ = operation
    method.__doc__ = f"``RedisCache.{operation}``, answering {ON_OUTAGE[operation]!r} while Redis is away."
    return method


GLOB_SPECIAL = str.maketrans({character: "\\" + character for character in "*?[]\\"})
CLEAR_BATCH = 1000


class ResilientRedisCache(RedisCache):
    """Reads that fail are misses, writes that fail are dropped; ``clear()`` deletes only this cache's keys;
    everything else is Django's RedisCache."""

    logged_at = float("-inf")

    def clear(self):
        """Delete the keys under this cache's ``KEY_PREFIX`` (every version), not the whole Redis database.

        Django's ``RedisCache.clear()`` runs ``FLUSHDB``: on a Redis that the django-q2 broker, another
        installation or another process with its own prefix also uses, one ``cache.clear()`` would drop
        their queued tasks and entries too. Keys are found with ``SCAN`` (never ``KEYS``, which blocks
        Redis) and deleted in batches.
        """
        pattern = self.key_func("*", self.key_prefix.translate(GLOB_SPECIAL), "*")
        try:
            client = self._cache.get_client(None, write=True)
            batch = []
            for key in client.scan_iter(match=pattern, count=CLEAR_BATCH):
                batch.append(key)
                if len(batch) >= CLEAR_BATCH:
                    client.delete(*batch)
                    batch = []
            if batch:
                client.delete(*batch)
            return True
        except _unreachable_errors():
            _outage("clear")
            return False


for _operation in ON_OUTAGE:
    if _operation == "clear":  # defined above, with its own outage handling
        continue
    setattr(ResilientRedisCache, _operation, _resilient(_operation))
