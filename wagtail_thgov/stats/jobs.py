"""django-q2 jobs of the statistics (registered in ``stats.registration``)."""

import datetime as dt
import uuid
from collections import Counter

from django.utils import timezone

from . import buffer, conf
from .models import DailySalt, VisitorHashDay


def drain_stats() -> str:
    """Every minute: write this process's buffer, and with Redis move the shared counts into the database.

    The Redis hashes are renamed atomically before they are read, so views counted meanwhile go to a
    fresh hash and are drained next time; if the database write fails, the counts are put back.
    """
    written = buffer.flush()
    if not conf.use_redis():
        return f"views written: {written}"
    cache, client = buffer.redis_client()
    token = uuid.uuid4().hex
    pages, sites = Counter(), Counter()
    taken = []
    for name, target, parts in ((buffer.REDIS_PAGES, pages, 3), (buffer.REDIS_SITES, sites, 2)):
        key, draining = cache.make_key(name), cache.make_key(f"{name}:draining:{token}")
        try:
            client.rename(key, draining)
        except Exception:  # no such key: nothing counted since the last drain
            continue
        taken.append((key, draining))
        for field, value in client.hgetall(draining).items():
            bits = field.decode().split(":")
            ids = tuple(int(bit) for bit in bits[: parts - 1])
            target[(*ids, dt.date.fromisoformat(bits[-1]))] += int(value)
    uniques = {}
    today = timezone.localdate()
    for member in client.smembers(cache.make_key(buffer.REDIS_UNIQUE_KEYS)):
        site, day = member.decode().split(":")
        date = dt.date.fromisoformat(day)
        key = cache.make_key(buffer.REDIS_UNIQUE.format(site=site, date=day))
        uniques[(int(site), date)] = client.pfcount(key)
        if date < today - dt.timedelta(days=1):
            client.delete(key)
            client.srem(cache.make_key(buffer.REDIS_UNIQUE_KEYS), member)
    try:
        buffer.upsert_counts(pages, sites)
        buffer.upsert_counts({}, {}, uniques)
    except Exception:
        for key, draining in taken:  # put the counts back for the next drain
            for field, value in client.hgetall(draining).items():
                client.hincrby(key, field, int(value))
            client.delete(draining)
        raise
    for _key, draining in taken:
        client.delete(draining)
    return f"views written: {written + sum(pages.values())}"


def purge_visitor_hashes() -> int:
    """Daily: delete visitor hashes and salts of past days (the day's unique count is kept)."""

    today = timezone.localdate()
    buffer.flush()
    deleted, _ = VisitorHashDay.objects.filter(date__lt=today).delete()
    DailySalt.objects.filter(date__lt=today).delete()
    return deleted
