"""Dates as a Thai clerk types them into the admin: Buddhist Era in, Christian Era stored, B.E. shown back."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail_thgov.core.thai.admin_fields import (
    BEDateField,
    BEDateInput,
    BEDateTimeField,
    BEDateTimeInput,
    FiscalYearField,
)
from wagtail_thgov.core.thai.parsing import DateNotRead, read_thai_date


@pytest.mark.parametrize(
    "typed",
    ["01/10/2569", "1/10/2569", "1-10-2569", "2569-10-01", "1 ต.ค. 2569", "๑ ตุลาคม ๒๕๖๙", " 01/10/2569 "],
)
def test_buddhist_era_dates_typed_in_every_usual_way_are_read_as_the_same_day(typed):
    read = read_thai_date(typed)
    assert read.value == dt.date(2026, 10, 1)
    assert read.typed_ce_year is None


@pytest.mark.parametrize("typed", ["2026-10-01", "01/10/2026"])
def test_a_christian_era_year_is_read_as_such_and_reported(typed):
    read = read_thai_date(typed)
    assert read.value == dt.date(2026, 10, 1)
    assert read.typed_ce_year == 2026


def test_time_is_read_in_the_ways_thai_officials_write_it():
    assert read_thai_date("01/10/2569 14:30", with_time=True).value == dt.datetime(2026, 10, 1, 14, 30)
    assert read_thai_date("1 ต.ค. 2569 เวลา 09.05 น.", with_time=True).value == dt.datetime(2026, 10, 1, 9, 5)


@pytest.mark.parametrize(
    "typed,code", [("31/02/2569", "invalid"), ("hello", "invalid"), ("01/10/3112", "year")]
)
def test_impossible_dates_and_years_are_refused(typed, code):
    with pytest.raises(DateNotRead) as raised:
        read_thai_date(typed)
    assert raised.value.code == code


def test_date_field_stores_christian_era_and_widget_shows_buddhist_era():
    field = BEDateField()
    assert field.clean("2569-10-01") == dt.date(2026, 10, 1)
    assert field.typed_ce_year is None
    assert BEDateInput().format_value(dt.date(2026, 10, 1)) == "01/10/2569"
    assert BEDateInput().get_config()["yearOffset"] == 543


def test_date_field_converts_christian_era_and_says_so():
    field = BEDateField(label="วันที่")
    value = field.clean("2026-10-01")
    assert value == dt.date(2026, 10, 1)
    assert "2026" in field.ce_notice("วันที่", value) and "2569" in field.ce_notice("วันที่", value)


def test_date_field_refuses_a_year_that_is_neither_era_with_a_message_naming_it():
    with pytest.raises(ValidationError) as raised:
        BEDateField().clean("01/10/3112")
    assert "3112" in str(raised.value.messages)


def test_datetime_field_reads_bangkok_time(settings):
    settings.TIME_ZONE = "Asia/Bangkok"
    value = BEDateTimeField().clean("01/10/2569 09:00")
    assert timezone.localtime(value).replace(tzinfo=None) == dt.datetime(2026, 10, 1, 9, 0)
    assert BEDateTimeInput().format_value(dt.datetime(2026, 10, 1, 9, 0)) == "01/10/2569 09:00"


def test_fiscal_year_field_takes_buddhist_era_and_explains_a_christian_era_year():
    field = FiscalYearField(min_value=2500, max_value=2700)
    assert field.clean("2569") == 2569
    with pytest.raises(ValidationError) as raised:
        field.clean("2026")
    assert "2569" in str(raised.value.messages)


def test_wagtail_schedule_dialog_widget_is_swapped_for_the_buddhist_era_one():
    from wagtail.admin.widgets import AdminDateTimeInput

    field = BEDateTimeField(
        widget=AdminDateTimeInput(js_overlay_parent_selector="#schedule-publishing-dialog")
    )
    assert isinstance(field.widget, BEDateTimeInput)
    assert field.widget.get_config()["parentID"] == "#schedule-publishing-dialog"
    assert field.widget.get_config()["yearOffset"] == 543


def test_wagtails_own_timestamp_messages_read_in_buddhist_era_for_thai_users():
    """The banner of a page scheduled for publication (wagtail.locks) and Wagtail's other messages."""
    from django.utils import translation
    from wagtail import locks
    from wagtail.admin.views.pages import edit

    moment = timezone.make_aware(dt.datetime(2027, 1, 1, 9, 0))
    with translation.override("th"):
        for render in (locks.render_timestamp, edit.render_timestamp):
            text = render(moment)
            assert "2570" in text and "2027" not in text, text
            assert "มกราคม" in text
    with translation.override("en"):
        assert "2027" in locks.render_timestamp(moment)
