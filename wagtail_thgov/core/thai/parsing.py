"""Reading the dates staff type: day/month/Buddhist-Era year, as a Thai official writes them.

``01/10/2569``, ``1-10-2569``, ``2569-10-01``, ``1 ต.ค. 2569``, ``๑ ตุลาคม ๒๕๖๙``, each with an optional time
(``14:30``, ``14.30 น.``). A year of 2400 or more is Buddhist Era; a year between 1800 and 2399 can only be
Christian Era, so it is read as such and reported (``typed_ce_year``) for the form to tell the clerk.
"""

import datetime as dt
import re
from dataclasses import dataclass

from pythainlp.util.date import thai_abbr_months, thai_full_months

from .dates import BE_OFFSET

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BE_YEARS = range(2400, 2800)
CE_YEARS = range(BE_YEARS.start - BE_OFFSET, BE_YEARS.start)

_MONTHS = {
    name.replace(".", "").replace(" ", ""): number
    for names in (thai_full_months, thai_abbr_months)
    for number, name in enumerate(names, start=1)
}
_TIME = r"(?:\s*(?:เวลา)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*น\.?)?)?"
_PATTERNS = [
    re.compile(r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})" + _TIME + r"$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})" + _TIME + r"$"),
    re.compile(r"^(?P<day>\d{1,2})\s*(?P<month_name>[ก-๛.\s]+?)\s*(?P<year>\d{4})" + _TIME + r"$"),
]


class DateNotRead(ValueError):
    """Why a typed date could not be read: ``code`` is ``"invalid"`` or ``"year"``; ``year`` the year typed."""

    def __init__(self, code, year=None):
        super().__init__(code)
        self.code = code
        self.year = year


@dataclass(frozen=True)
class ReadDate:
    """A date (or datetime) read from what was typed, and the Christian-Era year if one was typed."""

    value: dt.date | dt.datetime
    typed_ce_year: int | None = None


def _match(text):
    text = " ".join(str(text).translate(THAI_DIGITS).split())
    for pattern in _PATTERNS:
        found = pattern.match(text)
        if found:
            return found.groupdict()
    raise DateNotRead("invalid")


def _month(parts) -> int:
    if parts.get("month_name"):
        month = _MONTHS.get(re.sub(r"[.\s]", "", parts["month_name"]))
        if month is None:
            raise DateNotRead("invalid")
        return month
    return int(parts["month"])


def _year(typed: int) -> tuple[int, int | None]:
    if typed in BE_YEARS:
        return typed - BE_OFFSET, None
    if typed in CE_YEARS:
        return typed, typed
    raise DateNotRead("year", typed)


def read_thai_date(text, with_time=False) -> ReadDate:
    """The date (a naive datetime when ``with_time``) in ``text``; raises ``DateNotRead``."""
    parts = _match(text)
    year, typed_ce_year = _year(int(parts["year"]))
    hour = int(parts["hour"]) if parts.get("hour") else 0
    minute = int(parts["minute"]) if parts.get("minute") else 0
    try:
        if with_time:
            value = dt.datetime(year, _month(parts), int(parts["day"]), hour, minute)
        else:
            value = dt.date(year, _month(parts), int(parts["day"]))
    except ValueError as error:
        raise DateNotRead("invalid") from error
    return ReadDate(value, typed_ce_year)


def be_input_text(value, with_time=False) -> str:
    """``01/10/2569`` (with ``14:30`` when ``with_time``): how a date is shown in an admin input."""
    text = f"{value.day:02d}/{value.month:02d}/{value.year + BE_OFFSET}"
    if with_time and isinstance(value, dt.datetime):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text
