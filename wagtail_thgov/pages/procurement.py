"""Procurement announcements (§1.8): invitations, winner announcements and monthly summaries (สขร.1).

They sit in the announcements index beside job notices and share ``AnnouncementPage``.
"""

import calendar
import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..core.thai import BE_OFFSET, be_year, fiscal_year_of
from .base import ThgovPage
from .news import AnnouncementPage

EGP_PROJECT_NUMBER = RegexValidator(
    r"^[0-9]{11}$",
    _(
        "The e-GP project number is the 11 digits the e-GP system gives, e.g. 68019123456 (no spaces or dashes)."
    ),
)
EGP_NUMBER_NEEDED = _("An e-bidding or e-market announcement needs its e-GP project number.")
MONTH_AFTER_ANNOUNCEMENT = _(
    "This month starts after the announcement date: check the month and the fiscal year."
)

MONEY = {"max_digits": 15, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
FISCAL_MONTHS = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
MONTH_CHOICES = [(month, MONTHS[month]) for month in FISCAL_MONTHS]


class ProcurementMethod(models.TextChoices):
    """Procurement methods under the Public Procurement Act B.E. 2560."""

    E_BIDDING = "e_bidding", _("Electronic bidding (e-bidding)")
    E_MARKET = "e_market", _("Electronic market (e-market)")
    SELECTION = "selection", _("Selection method")
    SPECIFIC = "specific", _("Specific method")


# Methods run entirely in the Comptroller General's e-GP system, so they always have its project number.
EGP_METHODS = {ProcurementMethod.E_BIDDING, ProcurementMethod.E_MARKET}


def baht(amount) -> str:
    """An amount of money as ``1,250,000.00 baht`` (``1,250,000.00 บาท`` in Thai)."""
    return gettext("%(amount)s baht") % {"amount": f"{amount:,.2f}"}


def month_start_in_fiscal_year(fiscal_year: int, month: int) -> dt.date:
    """The first day of ``month`` within a B.E. fiscal year: October 2568 is 1 October 2024."""
    year = fiscal_year - BE_OFFSET - (1 if month >= 10 else 0)
    return dt.date(year, month, 1)


def latest_month_start(month: int, on_or_before: dt.date) -> dt.date:
    """The first day of the latest ``month`` that starts on or before a date (a summary reports a past month)."""
    year = on_or_before.year if month <= on_or_before.month else on_or_before.year - 1
    return dt.date(year, month, 1)


def month_end(start: dt.date) -> dt.date:
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


class ProcurementAnnouncementPage(AnnouncementPage):
    """A procurement announcement (ประกาศจัดซื้อจัดจ้าง): invitation, method, budget and reference price."""

    thgov_checklist_items = ("GWS-B11", "s9(8)-PROC-NOTICES")
    announcement_kind = "procurement"

    method = models.CharField(_("procurement method"), max_length=16, choices=ProcurementMethod.choices)
    budget = models.DecimalField(_("budget (baht)"), **MONEY)
    reference_price = models.DecimalField(
        _("reference price (baht)"),
        null=True,
        blank=True,
        help_text=_("The median price of the procurement set by the committee, if there is one."),
        **MONEY,
    )
    egp_project_number = models.CharField(
        _("e-GP project number"),
        max_length=32,  # longer than valid, so that a wrong length gets the format message, not a length one
        blank=True,
        validators=[EGP_PROJECT_NUMBER],
        help_text=_("The 11-digit project number from the e-GP system. Required for e-bidding and e-market."),
    )

    content_panels = ThgovPage.content_panels + [
        FieldRowPanel([FieldPanel("announcement_date"), FieldPanel("method")]),
        FieldRowPanel([FieldPanel("budget"), FieldPanel("reference_price")]),
        FieldPanel("egp_project_number"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    search_fields = AnnouncementPage.search_fields + [
        index.SearchField("egp_project_number"),
        index.FilterField("method"),
    ]
    template = "wagtail_thgov/pages/procurement_announcement_page.html"
    page_description = _(
        "A procurement announcement with its method, budget, reference price and e-GP number."
    )

    class Meta:
        verbose_name = _("procurement announcement")
        verbose_name_plural = _("procurement announcements")

    @property
    def listing_facts(self):
        return [(_("Method"), self.get_method_display()), (_("Budget"), baht(self.budget))]

    def announcement_errors(self):
        if self.method in EGP_METHODS and not self.egp_project_number.strip():
            return {"egp_project_number": [ValidationError(EGP_NUMBER_NEEDED)]}
        return {}


class ProcurementResultPage(AnnouncementPage):
    """A winner announcement (ประกาศผลผู้ชนะการเสนอราคา), optionally linked to its announcement."""

    thgov_checklist_items = ("GWS-B11", "s9(8)-PROC-NOTICES")
    announcement_kind = "result"

    procurement = models.ForeignKey(
        ProcurementAnnouncementPage,
        verbose_name=_("procurement announcement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="results",
        help_text=_("The announcement this result belongs to, if it is on this website."),
    )
    winner = models.CharField(_("winner"), max_length=255)
    price = models.DecimalField(_("agreed price (baht)"), **MONEY)

    content_panels = ThgovPage.content_panels + [
        FieldPanel("announcement_date"),
        FieldPanel("procurement"),
        FieldRowPanel([FieldPanel("winner"), FieldPanel("price")]),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    search_fields = AnnouncementPage.search_fields + [index.SearchField("winner")]
    template = "wagtail_thgov/pages/procurement_result_page.html"
    page_description = _("The winner of a procurement and the agreed price.")

    class Meta:
        verbose_name = _("procurement result")
        verbose_name_plural = _("procurement results")

    @property
    def listing_facts(self):
        return [(_("Winner"), self.winner), (_("Agreed price"), baht(self.price))]


class ProcurementSummaryRowValue(blocks.StructValue):
    """A row of the monthly summary; ``method_label`` is the method in words."""

    @property
    def method_label(self):
        method = self.get("method")
        return ProcurementMethod(method).label if method in ProcurementMethod.values else method


class ProcurementSummaryRowBlock(blocks.StructBlock):
    """One procurement in the month (a row of form สขร.1)."""

    item = blocks.CharBlock(label=_("Item procured"), max_length=255)
    budget = blocks.DecimalBlock(label=_("Budget (baht)"), min_value=0, decimal_places=2, max_digits=15)
    method = blocks.ChoiceBlock(label=_("Method"), choices=ProcurementMethod.choices)
    winner = blocks.CharBlock(label=_("Winner"), max_length=255)
    price = blocks.DecimalBlock(label=_("Agreed price (baht)"), min_value=0, decimal_places=2, max_digits=15)
    reason = blocks.CharBlock(
        label=_("Reason for the choice"), max_length=255, help_text=_("For example: lowest price, qualified.")
    )
    contract = blocks.CharBlock(label=_("Contract number and date"), required=False, max_length=255)

    class Meta:
        icon = "list-ul"
        label = _("Procurement")
        label_format = "{item}"
        value_class = ProcurementSummaryRowValue


class ProcurementSummaryPage(AnnouncementPage):
    """The monthly procurement summary (สรุปผลการจัดซื้อจัดจ้างรายเดือน, form สขร.1) as an accessible table."""

    thgov_checklist_items = ("s9(8)-PROC-MONTHLY",)
    announcement_kind = "summary"

    month = models.PositiveSmallIntegerField(_("month"), choices=MONTH_CHOICES)
    rows = StreamField(
        [("row", ProcurementSummaryRowBlock())],
        blank=True,
        verbose_name=_("procurements of the month"),
        help_text=_("One row per procurement. Leave empty for a month without procurement."),
    )

    content_panels = ThgovPage.content_panels + [
        # The fiscal year is on the Metadata tab; left empty, it follows from the month and the announcement date.
        FieldRowPanel([FieldPanel("month"), FieldPanel("announcement_date")]),
        FieldPanel("rows"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    template = "wagtail_thgov/pages/procurement_summary_page.html"
    page_description = _("The monthly procurement summary (form SKR.1) as a table.")

    class Meta:
        verbose_name = _("monthly procurement summary")
        verbose_name_plural = _("monthly procurement summaries")

    @property
    def month_start(self) -> dt.date | None:
        if not (self.month and self.fiscal_year):
            return None
        return month_start_in_fiscal_year(self.fiscal_year, self.month)

    @property
    def month_label(self) -> str:
        """``ตุลาคม 2567``: the month and its B.E. calendar year."""
        start = self.month_start
        return f"{MONTHS[start.month]} {be_year(start)}" if start else ""

    @property
    def listing_facts(self):
        return [(_("Month"), self.month_label), (_("Procurements"), str(len(self.rows)))]

    def default_fiscal_year(self):
        """The fiscal year of the latest such month by the announcement date (September's summary comes in October)."""
        if not (self.month and self.announcement_date):
            return super().default_fiscal_year()
        return fiscal_year_of(latest_month_start(self.month, self.announcement_date))

    @property
    def row_values(self):
        return [block.value for block in self.rows]

    @property
    def total_budget(self) -> Decimal:
        return sum((row.get("budget") or Decimal(0) for row in self.row_values), Decimal(0))

    @property
    def total_price(self) -> Decimal:
        return sum((row.get("price") or Decimal(0) for row in self.row_values), Decimal(0))

    def announcement_errors(self):
        """The data period is the month itself; a summary cannot report a month that has not begun."""
        start = self.month_start
        if start is None:
            return {}
        if self.data_period_start is None and self.data_period_end is None:
            self.data_period_start, self.data_period_end = start, month_end(start)
        if self.announcement_date and start > self.announcement_date:
            return {"month": [ValidationError(MONTH_AFTER_ANNOUNCEMENT)]}
        return {}
