"""The demo's clock: every date of the demo content is counted back (or on) from the day the demo is
built, and every fiscal year from the fiscal year in force (1 October–30 September), so the demo
municipality looks current whenever it is built: the latest news is from this month, open notices are
open, and nothing whose publication period has ended is live.
"""

import datetime as dt
import zlib
from dataclasses import dataclass

from django.utils import timezone

from wagtail_thgov.core.thai import BE_OFFSET, fiscal_year_bounds, fiscal_year_of, thai_date

# Pages get a review-by date spread over the next year; these few are already past it (days), so the
# currency report has real but modest work. They are pages no checklist item depends on alone: a page
# past its review date no longer counts as compliance evidence.
REVIEW_OVERDUE = {"dengue-infographic": 3, "gws-website-policy": 6}


@dataclass(frozen=True)
class DemoCalendar:
    """Dates relative to ``today`` (Bangkok): ``ago(20)``, ``ahead(9)``, fiscal year N with ``fiscal_year``."""

    today: dt.date

    def ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    def ahead(self, days: int) -> dt.date:
        return self.today + dt.timedelta(days=days)

    @property
    def fiscal_year(self) -> int:
        """The B.E. fiscal year in force today."""
        return fiscal_year_of(self.today)

    def fiscal_year_bounds(self, offset: int = 0) -> tuple[dt.date, dt.date]:
        """First and last day of the fiscal year ``offset`` years from the current one."""
        return fiscal_year_bounds(self.fiscal_year + offset)

    @property
    def be_year(self) -> int:
        """Today's calendar year in the Buddhist Era."""
        return self.today.year + BE_OFFSET

    def months_ago(self, months: int) -> dt.date:
        """The first day of the month ``months`` before this one."""
        index = self.today.year * 12 + self.today.month - 1 - months
        return dt.date(index // 12, index % 12 + 1, 1)

    def review_by(self, slug: str) -> dt.date:
        """A page's review-by date: a few pages (``REVIEW_OVERDUE``) are days past it; the others are
        spread over the next year by a stable hash of the slug, as pages reviewed at different times are."""
        if slug in REVIEW_OVERDUE:
            return self.ago(REVIEW_OVERDUE[slug])
        return self.ahead(60 + zlib.crc32(slug.encode()) % 300)


def demo_calendar(today: dt.date | None = None) -> DemoCalendar:
    """The calendar of a demo built on ``today`` (default: today in the project's time zone)."""
    return DemoCalendar(today or timezone.localdate())


def thai_month(day: dt.date, style: str = "full") -> str:
    """The month of ``day`` with its B.E. year: ``มกราคม 2568`` (full) or ``ม.ค. 68`` (short)."""
    return thai_date(day, style).split(" ", 1)[1]


def thai_period(first: dt.date, last: dt.date) -> str:
    """``10–14 กันยายน 2568``, or ``30 กันยายน – 3 ตุลาคม 2568`` across a month's end."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{thai_date(last)}"
    if first.year == last.year:
        return f"{thai_date(first).rsplit(' ', 1)[0]} – {thai_date(last)}"
    return f"{thai_date(first)} – {thai_date(last)}"
