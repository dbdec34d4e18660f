"""Buddhist-Era date formatting with Thai month names, aware of Asia/Bangkok.

Month names come from PyThaiNLP (``pythainlp.util.date``); the formatting itself is a table
lookup here rather than ``thai_strftime`` so that aware datetimes are first converted to
Bangkok time and ``None`` is handled in one place.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from pythainlp.util.date import thai_abbr_months, thai_full_months

from .numerals import thai_digits

BE_OFFSET = 543
BANGKOK = ZoneInfo("Asia/Bangkok")

# Styles of date: full "2 พฤษภาคม 2562", medium "2 พ.ค. 2562", short "2 พ.ค. 62".
_STYLES = {
    "full": (thai_full_months, False),
    "medium": (thai_abbr_months, False),
    "short": (thai_abbr_months, True),
}


def to_bangkok(value):
    """Return ``value`` in Bangkok local time.

    Aware datetimes are converted; naive datetimes are taken to be Bangkok time already;
    dates are returned unchanged.
    """
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(BANGKOK)
    return value


def be_year(value) -> int | None:
    """The Buddhist-Era year of a date or datetime (Bangkok time), or of a Gregorian year number."""
    if value is None:
        return None
    if isinstance(value, int):
        return value + BE_OFFSET
    return to_bangkok(value).year + BE_OFFSET


def thai_date(value, style: str = "full", digits: bool = False) -> str:
    """Format a date as ``2 พฤษภาคม 2562`` (full), ``2 พ.ค. 2562`` (medium) or ``2 พ.ค. 62`` (short)."""
    if value is None or value == "":
        return ""
    months, two_digit_year = _STYLES[style]
    value = to_bangkok(value)
    year = value.year + BE_OFFSET
    year_text = f"{year % 100:02d}" if two_digit_year else str(year)
    text = f"{value.day} {months[value.month - 1]} {year_text}"
    return thai_digits(text) if digits else text


def thai_datetime(value, style: str = "full", digits: bool = False) -> str:
    """Format a datetime as ``2 พฤษภาคม 2562 เวลา 14:05 น.`` in Bangkok time."""
    if value is None or value == "":
        return ""
    value = to_bangkok(value)
    if not isinstance(value, dt.datetime):
        return thai_date(value, style, digits)
    text = f"{thai_date(value, style)} เวลา {value.hour:02d}:{value.minute:02d} น."
    return thai_digits(text) if digits else text
