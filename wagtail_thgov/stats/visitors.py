"""Visitors without cookies and without storing IP addresses (PDPA).

At request time only an unsalted digest of (IP address, user agent) is kept, in memory, until the
next flush. What is written is ``sha256(daily salt + digest)[:16]``; the salt is random, one per
(Bangkok) day, shared by every process through the database, and deleted with the day's hashes
once the day is over, so a stored hash can no longer be linked back to an address.
"""

import datetime as dt
import hashlib
import secrets
import threading
import time

from django.core.signals import setting_changed
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.utils import timezone

from ..security.clients import address_group, client_address
from .models import DailySalt

_salts: dict = {}
_lock = threading.Lock()


_day = (None, 0.0)  # (today's date, the POSIX time at which it ends)


def today():
    """Today's date in the site's time zone (``TIME_ZONE``), worked out once a day rather than per request."""
    global _day
    date, ends = _day
    if time.time() < ends:
        return date
    now = timezone.localtime(timezone.now(), timezone.get_default_timezone())
    date = now.date()
    midnight = dt.datetime.combine(date + dt.timedelta(days=1), dt.time.min, tzinfo=now.tzinfo)
    _day = (date, midnight.timestamp())
    return date


@receiver(setting_changed)
def _forget_today(setting, **kwargs):
    global _day
    if setting in ("TIME_ZONE", "USE_TZ"):
        _day = (None, 0.0)


def request_digest(request) -> str:
    """The in-memory (never stored) digest of the visitor's address and browser.

    The address is the client's own behind the trusted proxies (``security.clients``), so citizens
    behind the site's nginx are not merged into one visitor.
    """
    ip = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")[:512]
    return hashlib.sha256(f"{ip}\0{agent}".encode()).hexdigest()


def address_hash(request, date) -> str:
    """The day's salted hash of the client's address alone (an IPv6 client by its /64), for daily limits
    that a changed user agent must not reset; like ``visitor_hash``, unlinkable once the salt is gone."""
    digest = hashlib.sha256(address_group(client_address(request)).encode()).hexdigest()
    return visitor_hash(digest, date)


def salt_for(date) -> str:
    """The salt of ``date``: created once (race-safe across processes), cached in this process."""
    with _lock:
        salt = _salts.get(date)
    if salt is not None:
        return salt
    salt = DailySalt.objects.filter(date=date).values_list("salt", flat=True).first()
    if salt is None:
        try:
            with transaction.atomic():
                salt = DailySalt.objects.create(date=date, salt=secrets.token_hex(32)).salt
        except IntegrityError:
            salt = DailySalt.objects.get(date=date).salt
    with _lock:
        for old in [day for day in _salts if day != date]:
            del _salts[old]
        _salts[date] = salt
    return salt


def visitor_hash(digest: str, date) -> str:
    """The stored form of a visitor for one day."""
    return hashlib.sha256(f"{salt_for(date)}{digest}".encode()).hexdigest()[:16]
