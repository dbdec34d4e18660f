"""Service durations: add up the steps of a process, per unit, and say the total in words.

Rules, so that a citizen's manual never promises a time nobody stated:

* Minutes and hours are clock time: they are added together and rolled up, 90 minutes
  becoming 1 hour 30 minutes.
* Days are calendar days and working days (วันทำการ) are office days. Each is kept as its
  own unit: neither is converted to hours (how many office hours make a working day is a rule
  of each municipality, not ours), hours never roll up into days, and working days are never
  mixed with calendar days.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

MINUTES = "minutes"
HOURS = "hours"
DAYS = "days"
WORKING_DAYS = "working_days"

UNIT_CHOICES = [
    (MINUTES, _("Minutes")),
    (HOURS, _("Hours")),
    (DAYS, _("Days")),
    (WORKING_DAYS, _("Working days")),
]

ZERO = Decimal(0)
MINUTES_PER_HOUR = 60

# One amount in one unit as words; plural forms matter in English only ("1 hour", "2 hours").
_AMOUNT_TEXT = {
    MINUTES: lambda count: ngettext("%(amount)s minute", "%(amount)s minutes", count),
    HOURS: lambda count: ngettext("%(amount)s hour", "%(amount)s hours", count),
    DAYS: lambda count: ngettext("%(amount)s day", "%(amount)s days", count),
    WORKING_DAYS: lambda count: ngettext("%(amount)s working day", "%(amount)s working days", count),
}


@dataclass(frozen=True)
class Duration:
    """A total time kept per unit: working days, calendar days, then clock hours and minutes."""

    working_days: Decimal = ZERO
    days: Decimal = ZERO
    hours: Decimal = ZERO
    minutes: Decimal = ZERO

    def parts(self) -> list[tuple[str, Decimal]]:
        """The non-zero ``(unit, amount)`` pairs, largest unit first."""
        pairs = [
            (WORKING_DAYS, self.working_days),
            (DAYS, self.days),
            (HOURS, self.hours),
            (MINUTES, self.minutes),
        ]
        return [(unit, amount) for unit, amount in pairs if amount]

    def __bool__(self):
        return bool(self.parts())


def total_duration(steps) -> Duration:
    """Add up ``(amount, unit)`` pairs into a :class:`Duration`; amounts of ``None`` are skipped.

    Raises ``ValueError`` for a negative amount or an unknown unit.
    """
    totals = {unit: ZERO for unit, _label in UNIT_CHOICES}
    for amount, unit in steps:
        if amount is None:
            continue
        if unit not in totals:
            raise ValueError(f"Unknown duration unit: {unit!r}")
        amount = Decimal(amount)
        if amount < 0:
            raise ValueError(f"A duration cannot be negative: {amount}")
        totals[unit] += amount

    clock_minutes = totals[HOURS] * MINUTES_PER_HOUR + totals[MINUTES]
    hours = clock_minutes // MINUTES_PER_HOUR
    return Duration(
        working_days=totals[WORKING_DAYS],
        days=totals[DAYS],
        hours=hours,
        minutes=clock_minutes - hours * MINUTES_PER_HOUR,
    )


def number_text(amount: Decimal) -> str:
    """An amount without trailing zeros or exponent: ``Decimal("1.50")`` gives ``"1.5"``, 100 gives ``"100"``."""
    return format(Decimal(amount).normalize(), "f")


def amount_text(amount, unit: str) -> str:
    """One amount in words in the active language: ``"1.5 hours"``, in Thai ``"1.5 ชั่วโมง"``."""
    amount = Decimal(amount)
    # gettext's plural rules take whole numbers; a fraction reads as plural ("1.5 hours").
    count = int(amount) if amount == amount.to_integral_value() else 2
    return _AMOUNT_TEXT[unit](count) % {"amount": number_text(amount)}


def duration_text(duration: Duration) -> str:
    """A duration in words, ``"1 day 2 hours 30 minutes"`` (Thai ``"1 วัน 2 ชั่วโมง 30 นาที"``); empty if zero."""
    return " ".join(amount_text(amount, unit) for unit, amount in duration.parts())


def total_text(duration: Duration) -> str:
    """``"Total 1 day 2 hours 30 minutes"`` (Thai ``"รวม 1 วัน 2 ชั่วโมง 30 นาที"``); empty if zero."""
    if not duration:
        return ""
    return gettext("Total %(duration)s") % {"duration": duration_text(duration)}
