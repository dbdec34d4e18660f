"""Admin report "published information": the inventory of live thgov pages, exportable."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, Site

from ..core.categories import CATEGORY_CHOICES, page_types_of
from ..core.reports import RowsReportMixin
from ..core.thai import thai_datetime
from ..core.viewsets import SiteFilterScopedMixin
from .inventory import InventoryRow, build_inventory, live_thgov_pages


class InventoryFilterSet(WagtailFilterSet):
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=CATEGORY_CHOICES, method="filter_category"
    )
    site = django_filters.ModelChoiceFilter(
        label=_("Site"), queryset=Site.objects.all(), method="filter_site"
    )

    class Meta:
        model = Page
        fields = []

    def filter_category(self, queryset, name, value):
        return queryset.type(*page_types_of(value)) if value else queryset

    def filter_site(self, queryset, name, value):
        return queryset.descendant_of(value.root_page, inclusive=True) if value else queryset


class StatusColumn(Column):
    """Completeness as "complete" or the list of what is missing."""

    def get_value(self, instance):
        return _("Complete") if instance.complete else ", ".join(instance.missing_labels)


def _be_datetime(value):
    return thai_datetime(value) if value else ""


class InventoryReportView(SiteFilterScopedMixin, RowsReportMixin, PageReportView):
    """Every live thgov page with category, type, completeness, files, last update and expiry."""

    page_title = _("Published information")
    header_icon = "doc-full-inverse"
    index_url_name = "thgov_metadata:inventory"
    index_results_url_name = "thgov_metadata:inventory_results"
    filterset_class = InventoryFilterSet
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit", id_accessor="page.pk"),
        Column("category_code", label=_("Category")),
        Column("page_type", label=_("Type")),
        StatusColumn("missing", label=_("Metadata completeness")),
        Column("files_label", label=_("Files (type, size)")),
        Column("certified_files_label", label=_("Certified files (SHA-256)")),
        Column("last_updated_label", label=_("Last updated")),
        Column("expire_at_label", label=_("Expires")),
    ]
    list_export = [
        "category_code",
        "category_name",
        "title",
        "page_type",
        "url",
        "complete",
        "missing_labels",
        "files_label",
        "certified_files_label",
        "last_updated",
        "expire_at",
    ]
    export_headings = {
        "category_code": _("Category code"),
        "category_name": _("Category"),
        "title": _("Title"),
        "page_type": _("Type"),
        "url": _("URL"),
        "complete": _("Metadata complete"),
        "missing_labels": _("Missing metadata"),
        "files_label": _("Files (type, size)"),
        "certified_files_label": _("Certified files (SHA-256)"),
        "last_updated": _("Last updated"),
        "expire_at": _("Expires"),
    }
    custom_field_preprocess = {
        "last_updated": {"csv": _be_datetime, "xlsx": _be_datetime},
        "expire_at": {"csv": _be_datetime, "xlsx": _be_datetime},
    }

    def get_filename(self):
        return "thgov-published-information"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = live_thgov_pages().filter(pk__in=editable.values("pk"))
        return super().get_queryset()

    row_class = InventoryRow

    def build_rows(self, object_list):
        pages = Page.objects.filter(pk__in=[page.pk for page in object_list]).order_by("path")
        return build_inventory(pages, self.request)
