"""Tracking codes: ``<prefix>-<B.E. year>-<6-digit per-site yearly sequence>-<4 random characters>``.

The sequence makes a code readable and countable; the random part (from ``secrets``, 31⁴ ≈ 920,000
possibilities) makes the next code unguessable. A code alone never shows anything: the status lookup
also needs a second factor (see ``lookup.py``).
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from ..core.thai.dates import BE_OFFSET, to_bangkok
from .models import TrackingCounter

# No 0/O, 1/I/L: a code read out on the phone or copied from paper cannot be mistyped into another one.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RANDOM_LENGTH = 4
DEFAULT_PREFIXES = {"complaint": "CMP", "information_request": "INF", "service_request": "SRV"}


def prefix_for(kind: str) -> str:
    """The prefix of a kind of service; ``THGOV_ESERVICE_PREFIXES`` overrides the defaults."""
    prefixes = {**DEFAULT_PREFIXES, **getattr(settings, "THGOV_ESERVICE_PREFIXES", {})}
    return prefixes.get(kind, "ESV")


def random_part(length: int = RANDOM_LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def format_code(prefix: str, be_year: int, sequence: int, random: str) -> str:
    return f"{prefix}-{be_year}-{sequence:06d}-{random}"


def normalise_code(text: str) -> str:
    """What a citizen typed, as a code: upper case, no spaces, Thai-keyboard dash variants unified."""
    cleaned = (text or "").strip().upper().replace(" ", "").replace("–", "-").replace("—", "-")
    return cleaned[:32]


def next_sequence(site, be_year: int) -> int:
    """The next number of ``site`` in ``be_year``, safe under concurrency: the counter row is updated with
    an SQL increment, which locks it (PostgreSQL row lock, SQLite database write lock) until commit."""

    with transaction.atomic():
        updated = TrackingCounter.objects.filter(site=site, year=be_year).update(last=F("last") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    TrackingCounter.objects.create(site=site, year=be_year, last=1)
                return 1
            except IntegrityError:  # another request created the row first
                TrackingCounter.objects.filter(site=site, year=be_year).update(last=F("last") + 1)
        return TrackingCounter.objects.filter(site=site, year=be_year).values_list("last", flat=True).get()


def allocate(site, kind: str, when) -> tuple[str, int, int]:
    """A new ``(code, be_year, sequence)`` for a request on ``site``; call inside the saving transaction."""

    be_year = to_bangkok(when).year + BE_OFFSET
    sequence = next_sequence(site, be_year)
    return format_code(prefix_for(kind), be_year, sequence, random_part()), be_year, sequence
