"""Admin views of the workflow subpackage: the publication register and its printable form."""

import django_filters
from django.contrib.auth.decorators import permission_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..core.categories import CATEGORY_CHOICES, page_types_of
from ..core.reports import NamedSheetExportMixin, RowsReportMixin
from ..core.thai import thai_date, thai_datetime
from ..site_settings.models import MunicipalitySettings
from .register import STATUS_LABELS, RegisterEntry, build_entries, page_workflow_states, readable_url

REGISTER_PERMISSION = "wagtail_thgov.view_publication_register"


def visible_workflow_states(user):
    """Workflow states of the pages the user may edit or publish: their own site's, for a webmaster."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    page_ids = pages.annotate(pk_text=Cast("pk", output_field=CharField())).values("pk_text")
    return page_workflow_states().filter(object_id__in=page_ids)


class RegisterFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Requested"), widget=DateRangePickerWidget)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=list(STATUS_LABELS.items()))
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=CATEGORY_CHOICES, method="filter_category"
    )

    class Meta:
        model = WorkflowState
        fields = []

    def filter_category(self, queryset, name, value):
        if not value:
            return queryset
        content_types = ContentType.objects.get_for_models(*page_types_of(value)).values()
        return queryset.filter(content_type__in=list(content_types))


class _UserColumn(Column):
    def get_value(self, instance):
        step = getattr(instance, self.name)
        if not step.at:
            return ""
        return f"{step.name} · {thai_datetime(step.at)}"


class _CertifiedFilesColumn(Column):
    """The file versions the certification covered: name, size and the full SHA-256 for auditors."""

    cell_template_name = "wagtail_thgov/workflows/certified_files_cell.html"


def _be(value):
    return thai_datetime(value) if value else ""


class _ThaiDateColumn(Column):
    """A date in B.E. with Thai month names (Wagtail's DateColumn shows "in 12 months" or "0 minutes ago")."""

    def get_value(self, instance):
        return thai_date(super().get_value(instance))


class PublicationRegisterView(NamedSheetExportMixin, RowsReportMixin, ReportView):
    """ทะเบียนการขอเผยแพร่ข้อมูล: every publication request with its four people and times."""

    page_title = _("Publication register")
    header_icon = "tasks"
    index_url_name = "thgov_workflows:publication_register"
    index_results_url_name = "thgov_workflows:publication_register_results"
    filterset_class = RegisterFilterSet
    permission_policy = None
    columns = [
        TitleColumn("title", label=_("Title"), url_name="thgov_workflows:publication_request_form"),
        Column("category_label", label=_("Category")),
        _UserColumn("requested", label=_("Requested by")),
        _UserColumn("checked", label=_("Checked by")),
        _UserColumn("certified", label=_("Certified by")),
        _CertifiedFilesColumn("files", label=_("Certified files (SHA-256)")),
        _ThaiDateColumn("go_live_at", label=_("Go-live")),
        _ThaiDateColumn("expire_at", label=_("Expiry")),
        Column("status", label=_("Status")),
    ]
    list_export = [
        "title",
        "category_label",
        "address",
        "requested.name",
        "requested.at",
        "checked.name",
        "checked.at",
        "certified.name",
        "certified.at",
        "files_label",
        "go_live_at",
        "expire_at",
        "status",
    ]
    export_headings = {
        "title": _("Title"),
        "category_label": _("Category"),
        "address": _("Web address"),
        "requested.name": _("Requested by"),
        "requested.at": _("Requested at"),
        "checked.name": _("Checked by"),
        "checked.at": _("Checked at"),
        "certified.name": _("Certified by"),
        "certified.at": _("Certified at"),
        "files_label": _("Certified files (SHA-256)"),
        "go_live_at": _("Go-live"),
        "expire_at": _("Expiry"),
        "status": _("Status"),
    }
    custom_field_preprocess = {
        name: {"csv": _be, "xlsx": _be}
        for name in ("requested.at", "checked.at", "certified.at", "go_live_at", "expire_at")
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REGISTER_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    export_sheet_title = _("Publication register")

    def get_filename(self):
        return "thgov-publication-register"

    def get_queryset(self):
        return visible_workflow_states(self.request.user)

    row_class = RegisterEntry

    def build_rows(self, object_list):
        states = WorkflowState.objects.filter(pk__in=[state.pk for state in object_list])
        return build_entries(states.order_by("-created_at", "-pk"))


@permission_required(REGISTER_PERMISSION, raise_exception=True)
def publication_request_form(request, pk):
    """The printable request-to-publish form (แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์) of one request."""
    state = get_object_or_404(visible_workflow_states(request.user), pk=pk)
    entry = build_entries(WorkflowState.objects.filter(pk=state.pk))[0]
    site = entry.page.get_site() if entry.page else None
    municipality = MunicipalitySettings.for_site(site) if site else None
    return render(
        request,
        "wagtail_thgov/workflows/publication_request_form.html",
        {
            "entry": entry,
            "page": entry.page,
            "municipality": municipality,
            "page_url": entry.page.get_full_url(request) if entry.page else "",
            "page_address": readable_url(entry.page.get_full_url(request)) if entry.page else "",
        },
    )
