"""Admin views of the publishing subpackage: the currency report with its one-step actions, and the
default publication periods (scoped to the sites a webmaster edits)."""

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import BooleanField, Case, IntegerField, Value, When
from django.http import HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..core.reports import FormulaSafeExportMixin
from ..core.sites import EDITED_SITES_AND_SHARED
from ..core.thai import fiscal_year_label, thai_date, thai_datetime
from ..core.viewsets import SiteScopedModelViewSet
from ..metadata.models import GovMetadataMixin
from .currency import Status, currency_report
from .forms import ExpiryDefaultForm
from .models import ExpiryDefault
from .review import EXTEND_DAYS_CHOICES, extend_expiry, mark_reviewed

page_policy = PagePermissionPolicy()


def currency_report_for_request(request, now=None):
    """The currency report of the request's site, narrowed to the pages the user may edit."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    editable = page_policy.instances_user_has_permission_for(request.user, "change")
    return currency_report(site, now, editable=editable)


class CurrencyFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, method="filter_status")

    class Meta:
        model = Page
        fields = []

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        if f"is_{value}" not in queryset.query.annotations:  # nothing listed: no flags were annotated
            return queryset.none()
        return queryset.filter(**{f"is_{value}": True})


class _ValueColumn(Column):
    """A column whose value is formatted by a function of the row."""

    def __init__(self, name, format, **kwargs):
        super().__init__(name, **kwargs)
        self.format = format

    def get_value(self, instance):
        return self.format(instance)


class CurrencyActionsColumn(Column):
    """The one-step actions of a row: extend the expiry, mark reviewed (POST forms with CSRF)."""

    cell_template_name = "wagtail_thgov/publishing/currency_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            {
                "csrf_token": get_token(request) if request else "",
                "extend_days_choices": EXTEND_DAYS_CHOICES,
                "can_extend": instance.page.live and Status.EXPIRING in instance.statuses,
                "can_mark_reviewed": is_reviewable(instance.page),
                "next_url": request.get_full_path() if request else "",
            }
        )
        return context


def _be_datetime(value):
    return thai_datetime(value) if value else ""


def _be_date(value):
    return thai_date(value) if value else ""


class CurrencyReportView(FormulaSafeExportMixin, ReportView):
    """Pages of the site that expire within a week, are past their review date or out of date for the
    fiscal year: the same list as the dashboard panel and the daily digest."""

    page_title = _("Currency of published information")
    header_icon = "time"
    index_url_name = "thgov_publishing:currency_report"
    index_results_url_name = "thgov_publishing:currency_report_results"
    filterset_class = CurrencyFilterSet
    permission_policy = page_policy
    any_permission_required = ["change"]
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit"),
        Column("page_type", label=_("Type")),
        _ValueColumn("status", lambda row: ", ".join(row.status_labels), label=_("Status")),
        _ValueColumn("expire_at", lambda row: _be_datetime(row.expire_at), label=_("Expires")),
        _ValueColumn("review_by", lambda row: _be_date(row.review_by), label=_("Review by")),
        _ValueColumn(
            "fiscal_year",
            lambda row: (
                f"{row.requirement_label}: {fiscal_year_label(row.latest_fiscal_year)}"
                if row.out_of_date
                else ""
            ),
            label=_("Latest fiscal year"),
        ),
        _ValueColumn("details", lambda row: "; ".join(row.details), label=_("Details")),
        CurrencyActionsColumn("actions", label=_("Actions")),
    ]
    list_export = [
        "title",
        "page_type",
        "url",
        "status_labels",
        "expire_at",
        "review_by",
        "requirement_label",
        "latest_fiscal_year",
        "details",
    ]
    export_headings = {
        "title": _("Title"),
        "page_type": _("Type"),
        "url": _("URL"),
        "status_labels": _("Status"),
        "expire_at": _("Expires"),
        "review_by": _("Review by"),
        "requirement_label": _("Yearly item"),
        "latest_fiscal_year": _("Latest fiscal year"),
        "details": _("Details"),
    }
    custom_field_preprocess = {
        "expire_at": {"csv": _be_datetime, "xlsx": _be_datetime},
        "review_by": {"csv": _be_date, "xlsx": _be_date},
    }

    def get_filename(self):
        return "thgov-currency"

    @property
    def report(self):
        if not hasattr(self, "_report"):
            self._report = currency_report_for_request(self.request)
        return self._report

    def get_base_queryset(self):
        if self.report is None:
            return Page.objects.none()
        ids = self.report.page_ids()
        if not ids:
            return Page.objects.none()
        flags = {
            f"is_{status}": Case(
                When(pk__in=self.report.page_ids(status), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
            for status in Status.labels()
        }
        position = Case(
            *[When(pk=pk, then=Value(index)) for index, pk in enumerate(ids)], output_field=IntegerField()
        )
        return (
            Page.objects.filter(pk__in=ids)
            .annotate(report_position=position, **flags)
            .order_by("report_position")
        )

    def _rows(self, object_list):
        rows = {row.pk: row for row in self.report.rows} if self.report else {}
        return [rows[page.pk] for page in object_list if page.pk in rows]

    def get_table(self, object_list):
        return super().get_table(self._rows(object_list))

    def decorate_paginated_queryset(self, object_list):
        return self._rows(object_list)


class ExtendExpiryForm(forms.Form):
    days = forms.TypedChoiceField(choices=[(days, days) for days in EXTEND_DAYS_CHOICES], coerce=int)


def is_reviewable(page) -> bool:
    """Only pages with the government metadata have a review-by date."""
    return page.specific_class is not None and issubclass(page.specific_class, GovMetadataMixin)


def _editable_page_or_denied(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page_policy.user_has_permission_for_instance(request.user, "change", page):
        return page, permission_denied(request)
    return page, None


def _back(request):
    return redirect(get_valid_next_url_from_request(request) or reverse("thgov_publishing:currency_report"))


@require_POST
def extend_expiry_view(request, page_id):
    """Extend a live page's expiry by 7, 30, 90 or 365 days, in one step."""
    page, denied = _editable_page_or_denied(request, page_id)
    if denied:
        return denied
    form = ExtendExpiryForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose how many days to extend the expiry by."))
    if not page.live:
        messages.error(
            request, _("'%(title)s' is not live: publish it again instead.") % {"title": page.title}
        )
        return _back(request)
    new = extend_expiry(page, form.cleaned_data["days"], request.user)
    messages.success(
        request,
        _("'%(title)s' now expires on %(date)s.")
        % {"title": page.get_admin_display_title(), "date": thai_datetime(new)},
    )
    return _back(request)


@require_POST
def mark_reviewed_view(request, page_id):
    """Record that a page was reviewed today; its next review date moves one review interval ahead."""
    page, denied = _editable_page_or_denied(request, page_id)
    if denied:
        return denied
    if not is_reviewable(page):
        return HttpResponseBadRequest(_("This page has no review-by date."))
    new = mark_reviewed(page, request.user)
    messages.success(
        request,
        _("'%(title)s' marked as reviewed; next review by %(date)s.")
        % {"title": page.get_admin_display_title(), "date": thai_date(new)},
    )
    return _back(request)


# --- Default publication periods -----------------------------------------------------------------


def site_label(row):
    return row.site or _("Every site (installation default)")


class ExpiryDefaultIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site", "page_type")


class ExpiryDefaultViewSet(SiteScopedModelViewSet):
    """Default publication periods, in the Settings menu. A webmaster sees the defaults in force for their
    sites: the installation's (read-only: "add" one for the site to change it) and their sites' own; only
    superusers set installation defaults."""

    model = ExpiryDefault
    icon = "time"
    menu_label = _("Default publication periods")
    add_to_settings_menu = True
    menu_order = 610
    copy_view_enabled = False
    list_display = ["__str__", Column("site", label=_("site"), accessor=site_label), "counted_from", "days"]
    list_filter = ["site"]
    site_scope = EDITED_SITES_AND_SHARED
    index_view_class = ExpiryDefaultIndexView
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("page_type"),
            FieldPanel("kind"),
            FieldPanel("counted_from"),
            FieldPanel("days"),
        ],
        base_form_class=ExpiryDefaultForm,
    )
