"""Template filters for Buddhist-Era dates, fiscal years and Thai numerals.

``{% load thai_tags %}`` then ``{{ page.first_published_at|thai_date }}``,
``{{ value|thai_date:"short" }}``, ``{{ value|thai_datetime }}``, ``{{ value|fiscal_year }}``,
``{{ value|be_year }}`` and ``{{ text|thai_digits }}``.
"""

from django import template

from wagtail_thgov.core import thai

register = template.Library()


@register.filter
def thai_date(value, style="full"):
    """``2 พฤษภาคม 2562``; ``style`` is ``full``, ``medium`` or ``short``."""
    return thai.thai_date(value, style or "full")


@register.filter
def thai_date_short(value):
    """``2 พ.ค. 62``."""
    return thai.thai_date(value, "short")


@register.filter
def thai_datetime(value, style="full"):
    """``2 พฤษภาคม 2562 เวลา 14:05 น.`` in Bangkok time."""
    return thai.thai_datetime(value, style or "full")


@register.filter
def be_year(value):
    """The B.E. year of a date, or of a Gregorian year number."""
    result = thai.be_year(value)
    return "" if result is None else result


@register.filter
def fiscal_year(value):
    """The B.E. fiscal year (1 Oct – 30 Sep) a date falls in."""
    result = thai.fiscal_year_of(value)
    return "" if result is None else result


@register.filter
def fiscal_year_label(value):
    """``ปีงบประมาณ พ.ศ. 2568`` for a fiscal year number."""
    return thai.fiscal_year_label(value)


@register.filter
def thai_digits(value):
    """Arabic digits as Thai digits (๐–๙)."""
    return thai.thai_digits(value)
