"""Buddhist-Era dates in every admin form: Wagtail's date widgets showing ``01/10/2569`` with a calendar in
B.E., and form fields that read what a Thai clerk types (see ``parsing``). The database keeps Christian-Era
dates as usual.

``use_buddhist_era_in_admin()`` (called once from the app config) makes these the form fields of every
model ``DateField`` and ``DateTimeField`` in Wagtail's admin forms, Wagtail's own go-live and expiry
included; ``BEDateBlock`` is the StreamField block.
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.timezone import is_aware, make_naive
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from .dates import BE_OFFSET, thai_date, thai_datetime
from .parsing import CE_YEARS, DateNotRead, be_input_text, read_thai_date

DATE_HELP = _("Day/month/Buddhist-Era year, for example 01/10/2569.")
DATETIME_HELP = _("Day/month/Buddhist-Era year and time, for example 01/10/2569 09:00.")
NOT_A_DATE = _("“%(typed)s” is not a date. Type day/month/Buddhist-Era year, for example 01/10/2569.")
YEAR_OUT_OF_RANGE = _(
    "The year %(year)s is not a Buddhist-Era year. Type the year in B.E., for example 2569 (= 2026)."
)
CE_YEAR_READ = _(
    "%(field)s: %(year)s is a Christian-Era year. It was read as B.E. %(be_year)s: %(date)s. "
    "Please type dates in B.E."
)
FISCAL_YEAR_IN_CE = _(
    "%(year)s is a Christian-Era year. Fiscal years are written in Buddhist Era: "
    "type %(be_year)s (1 October %(start)s – 30 September %(be_year)s)."
)


class _BuddhistEraWidget:
    """Shows a date as ``01/10/2569`` and gives the calendar a 543-year offset."""

    with_time = False

    def __init__(self, attrs=None, format=None, **kwargs):
        attrs = {"placeholder": "วว/ดด/ปปปป", "inputmode": "numeric", **(attrs or {})}
        super().__init__(attrs=attrs, **kwargs)
        self.js_format = "d/m/Y H:i" if self.with_time else "d/m/Y"

    def format_value(self, value):
        if isinstance(value, dt.date):
            if isinstance(value, dt.datetime) and is_aware(value):
                value = make_naive(value)
            return be_input_text(value, self.with_time)
        return value

    def get_config(self):
        # The picker reads and writes B.E. years; it must not rewrite what was typed on blur (it would put
        # today's date in place of a date it cannot parse, such as 2569-10-01).
        return {**super().get_config(), "yearOffset": BE_OFFSET, "validateOnBlur": False}


class BEDateInput(_BuddhistEraWidget, AdminDateInput):
    """Wagtail's date input with the calendar and the text in B.E."""


class BEDateTimeInput(_BuddhistEraWidget, AdminDateTimeInput):
    """Wagtail's date-and-time input with the calendar and the text in B.E."""

    with_time = True


def _in_buddhist_era(widget):
    """A panel's own Wagtail date widget (the publishing panel's go-live and expiry inputs in the schedule
    dialog) swapped for the B.E. one with the same attributes; without this their calendar would rewrite
    a typed B.E. date as today's Christian-Era date."""
    if isinstance(widget, type):
        widget = widget()
    if isinstance(widget, _BuddhistEraWidget) or not isinstance(widget, AdminDateInput | AdminDateTimeInput):
        return widget
    if isinstance(widget, AdminDateTimeInput):
        return BEDateTimeInput(
            attrs=widget.attrs, js_overlay_parent_selector=widget.js_overlay_parent_selector
        )
    return BEDateInput(attrs=widget.attrs)


class _BuddhistEraField:
    """Reads B.E. dates (and, converted and reported, Christian-Era ones) from what was typed."""

    with_time = False
    default_help = DATE_HELP

    def __init__(self, *args, **kwargs):
        kwargs.pop("input_formats", None)
        kwargs["widget"] = _in_buddhist_era(kwargs.get("widget"))
        super().__init__(*args, **kwargs)
        self.help_text = self.help_text or self.default_help
        self.typed_ce_year = None

    def read(self, value):
        try:
            read = read_thai_date(value, with_time=self.with_time)
        except DateNotRead as error:
            if error.code == "year":
                raise ValidationError(YEAR_OUT_OF_RANGE, code="year", params={"year": error.year}) from error
            raise ValidationError(NOT_A_DATE, code="invalid", params={"typed": value}) from error
        self.typed_ce_year = read.typed_ce_year
        return read.value

    def ce_notice(self, label, value) -> str:
        """The message for the editor when a Christian-Era year was typed and converted, else ``""``."""
        if not self.typed_ce_year or value is None:
            return ""
        return CE_YEAR_READ % {
            "field": label,
            "year": self.typed_ce_year,
            "be_year": self.typed_ce_year + BE_OFFSET,
            "date": thai_date(value),
        }


class BEDateField(_BuddhistEraField, forms.DateField):
    widget = BEDateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return self.read(str(value).strip())


class BEDateTimeField(_BuddhistEraField, forms.DateTimeField):
    widget = BEDateTimeInput
    with_time = True
    default_help = DATETIME_HELP

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime | dt.date):
            return super().to_python(value)
        return super().to_python(self.read(str(value).strip()))

    def has_changed(self, initial, data):
        # The input shows minutes only: a stored value with seconds comes back without them unchanged.
        if isinstance(initial, dt.datetime):
            initial = initial.replace(second=0, microsecond=0)
        return super().has_changed(initial, data)


class FiscalYearField(forms.IntegerField):
    """A B.E. fiscal year; a Christian-Era year is refused with the B.E. year to type instead."""

    def clean(self, value):
        if str(value or "").strip().isdigit() and int(value) in CE_YEARS:
            year = int(value)
            raise ValidationError(
                FISCAL_YEAR_IN_CE,
                code="ce_year",
                params={"year": year, "be_year": year + BE_OFFSET, "start": year + BE_OFFSET - 1},
            )
        return super().clean(value)


class BEDateBlock(blocks.DateBlock):
    """A StreamField date block whose input and calendar are in B.E."""

    @cached_property
    def field(self):
        return BEDateField(widget=BEDateInput(), **self.field_options)

    def deconstruct(self):
        # Stored values are the same ISO dates as DateBlock's; only the admin input differs. Deconstructing
        # as DateBlock keeps migrations free of an AlterField on every StreamField that holds this block.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.DateBlock", args, kwargs

    class Meta:
        icon = "date"


def ce_notices(form) -> list[str]:
    """Messages for every date field of ``form`` where a Christian-Era year was typed and converted."""
    notices = []
    for name, field in form.fields.items():
        if isinstance(field, _BuddhistEraField) and form.cleaned_data.get(name) is not None:
            notice = field.ce_notice(field.label, form.cleaned_data[name])
            if notice:
                notices.append(notice)
    return notices


def use_buddhist_era_in_admin():
    """Make B.E. fields and widgets those of every model date and datetime field in Wagtail's admin forms."""
    # Imported here: wagtail.admin.forms loads models, and this module is imported while models load.
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(
        models.DateField, override={"form_class": BEDateField, "widget": BEDateInput}
    )
    register_form_field_override(
        models.DateTimeField, override={"form_class": BEDateTimeField, "widget": BEDateTimeInput}
    )


# Wagtail's messages that name a time (the banner of a page scheduled for publication, lock and revision
# messages) format it with ``wagtail.utils.timestamps.render_timestamp``: Django's DATETIME_FORMAT, whose
# year is Christian Era. Each of those modules imported the function by name, so it is replaced in each.
TIMESTAMP_MODULES = (
    "wagtail.utils.timestamps",
    "wagtail.locks",
    "wagtail.admin.views.pages.edit",
    "wagtail.admin.views.pages.revisions",
    "wagtail.admin.views.generic.mixins",
    "wagtail.wagtail_hooks",
)


def render_timestamp_in_buddhist_era(timestamp):
    """Wagtail's ``render_timestamp`` in Thai with a B.E. year for Thai users; Wagtail's own otherwise."""
    from django.utils.translation import get_language

    if (get_language() or "").startswith("th"):
        return thai_datetime(timestamp)
    return _wagtail_render_timestamp(timestamp)


def use_buddhist_era_timestamps():
    """Replace ``render_timestamp`` in the Wagtail modules that use it (called once, from ``ready()``)."""
    import importlib

    from wagtail.utils import timestamps

    global _wagtail_render_timestamp
    if timestamps.render_timestamp is render_timestamp_in_buddhist_era:
        return
    _wagtail_render_timestamp = timestamps.render_timestamp
    for name in TIMESTAMP_MODULES:
        module = importlib.import_module(name)
        if getattr(module, "render_timestamp", None) is _wagtail_render_timestamp:
            module.render_timestamp = render_timestamp_in_buddhist_era


_wagtail_render_timestamp = None
