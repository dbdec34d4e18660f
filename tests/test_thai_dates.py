"""Buddhist-Era dates, fiscal years and Thai numerals, at their edges."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from wagtail_thgov.core.thai import (
    be_year,
    current_fiscal_year,
    fiscal_year_bounds,
    fiscal_year_of,
    thai_date,
    thai_datetime,
    thai_digits,
)
from wagtail_thgov.core.thai.fiscal import fiscal_year_choices

UTC = dt.UTC
BKK = ZoneInfo("Asia/Bangkok")


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        (dt.date(2019, 5, 2), "full", "2 พฤษภาคม 2562"),
        (dt.date(2019, 5, 2), "short", "2 พ.ค. 62"),
        (dt.date(2019, 5, 2), "medium", "2 พ.ค. 2562"),
        (dt.date(2024, 12, 31), "full", "31 ธันวาคม 2567"),
        (dt.date(2025, 1, 1), "full", "1 มกราคม 2568"),
        (dt.date(2024, 2, 29), "full", "29 กุมภาพันธ์ 2567"),
        (dt.date(2000, 1, 5), "short", "5 ม.ค. 43"),
        (dt.date(2043, 3, 1), "short", "1 มี.ค. 86"),
    ],
)
def test_thai_date_formats_buddhist_era_with_thai_months(value, style, expected):
    assert thai_date(value, style) == expected


def test_thai_date_of_none_is_empty():
    assert thai_date(None) == ""
    assert thai_datetime(None) == ""
    assert be_year(None) is None
    assert fiscal_year_of(None) is None
    assert thai_digits(None) == ""


def test_aware_datetime_is_shown_in_bangkok_time():
    # 31 Dec 2024 18:30 UTC is already 1 Jan 2025 01:30 in Bangkok.
    value = dt.datetime(2024, 12, 31, 18, 30, tzinfo=UTC)
    assert thai_date(value) == "1 มกราคม 2568"
    assert thai_datetime(value) == "1 มกราคม 2568 เวลา 01:30 น."
    assert be_year(value) == 2568


def test_naive_datetime_is_taken_as_bangkok_time():
    value = dt.datetime(2024, 12, 31, 23, 59)
    assert thai_datetime(value) == "31 ธันวาคม 2567 เวลา 23:59 น."


def test_thai_numerals_are_optional():
    assert thai_date(dt.date(2019, 5, 2), digits=True) == "๒ พฤษภาคม ๒๕๖๒"
    assert thai_digits("โทร 02-123 4567") == "โทร ๐๒-๑๒๓ ๔๕๖๗"


@pytest.mark.parametrize(
    ("value", "fiscal_year"),
    [
        (dt.date(2024, 9, 30), 2567),
        (dt.date(2024, 10, 1), 2568),
        (dt.date(2024, 12, 31), 2568),
        (dt.date(2025, 1, 1), 2568),
        (dt.date(2025, 9, 30), 2568),
        (dt.date(2025, 10, 1), 2569),
        (dt.date(2024, 2, 29), 2567),
    ],
)
def test_fiscal_year_starts_on_first_of_october(value, fiscal_year):
    assert fiscal_year_of(value) == fiscal_year


def test_fiscal_year_boundary_follows_bangkok_time():
    # 30 Sep 2025 17:30 UTC is 1 Oct 2025 00:30 in Bangkok: the new fiscal year 2569.
    assert fiscal_year_of(dt.datetime(2025, 9, 30, 17, 30, tzinfo=UTC)) == 2569
    assert fiscal_year_of(dt.datetime(2025, 9, 30, 16, 59, tzinfo=UTC)) == 2568


def test_fiscal_year_bounds_run_from_october_to_september():
    assert fiscal_year_bounds(2568) == (dt.date(2024, 10, 1), dt.date(2025, 9, 30))
    start, end = fiscal_year_bounds(2569)
    assert fiscal_year_of(start) == fiscal_year_of(end) == 2569
    assert fiscal_year_of(start - dt.timedelta(days=1)) == 2568


def test_current_fiscal_year_and_choices():
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=BKK)
    assert current_fiscal_year(now) == 2570
    choices = fiscal_year_choices(now, back=2, ahead=1)
    assert [year for year, _ in choices] == [2571, 2570, 2569, 2568]


def test_be_year_of_a_gregorian_year_number():
    assert be_year(2025) == 2568


def test_template_filters_render_buddhist_era():
    template = Template(
        "{% load thai_tags %}{{ d|thai_date }}|{{ d|thai_date:'short' }}|{{ d|thai_date_short }}|"
        "{{ d|fiscal_year }}|{{ d|be_year }}|{{ n|thai_digits }}|{{ missing|thai_date }}|{{ dt|thai_datetime }}"
    )
    context = Context(
        {"d": dt.date(2024, 10, 1), "n": 2568, "dt": dt.datetime(2024, 10, 1, 9, 5, tzinfo=BKK)}
    )
    assert template.render(context) == (
        "1 ตุลาคม 2567|1 ต.ค. 67|1 ต.ค. 67|2568|2567|๒๕๖๘||1 ตุลาคม 2567 เวลา 09:05 น."
    )
