"""Thai government fiscal years: 1 October to 30 September, named by the B.E. year in which they end."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from .dates import BE_OFFSET, to_bangkok

FISCAL_YEAR_START_MONTH = 10


def fiscal_year_of(value) -> int | None:
    """The B.E. fiscal year containing a date or datetime (Bangkok time); 1 Oct 2024 is in 2568."""
    if value is None:
        return None
    value = to_bangkok(value)
    year = value.year + (1 if value.month >= FISCAL_YEAR_START_MONTH else 0)
    return year + BE_OFFSET


def fiscal_year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a B.E. fiscal year: 2568 runs from 1 Oct 2024 to 30 Sep 2025."""
    ce_end = fiscal_year - BE_OFFSET
    return dt.date(ce_end - 1, FISCAL_YEAR_START_MONTH, 1), dt.date(ce_end, 9, 30)


def current_fiscal_year(now=None) -> int:
    """The fiscal year in force now (Bangkok time)."""
    return fiscal_year_of(now or timezone.now())


def fiscal_year_label(fiscal_year: int | None) -> str:
    """``ปีงบประมาณ พ.ศ. 2568`` (translated), or ``""`` for ``None``."""
    if fiscal_year is None:
        return ""
    return _("Fiscal year B.E. %(year)s") % {"year": fiscal_year}


def fiscal_year_choices(now=None, back: int = 10, ahead: int = 1) -> list[tuple[int, str]]:
    """Choices for a fiscal-year field: from ``back`` years ago to ``ahead`` years ahead, newest first."""
    current = current_fiscal_year(now)
    return [(year, str(year)) for year in range(current + ahead, current - back - 1, -1)]
