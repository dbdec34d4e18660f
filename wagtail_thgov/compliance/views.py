"""Admin views: the compliance report (Reports menu), its workbook download, and the viewsets for local
items and manual evidence. The views gather inputs and render; ``results`` does the work."""

import io
from collections import defaultdict
from dataclasses import dataclass, field

import django_filters
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page, Site

from ..core.thai import current_fiscal_year, thai_date, thai_datetime
from ..core.viewsets import SiteScopedModelViewSet
from ..documents.facts import accessibility_findings
from ..site_settings.models import MunicipalitySettings
from .editions import EditionError, store_edition
from .evaluator import MET, MISSING, PARTIAL, PENDING, REVIEW, STALE, ItemStatus
from .evidence import plan_for
from .export import confidence_label, status_labels, write_workbook
from .forms import LoadEditionForm, ManualEvidenceForm
from .models import ChecklistItem, ManualEvidence, Standard
from .permissions import REPORT_SCOPE, report_site, report_sites
from .results import edition_label, site_results, standard_result

MANUAL_EVIDENCE_ADD_URL = "thgov_manual_evidence:add"


def site_display_name(site) -> str:

    settings = MunicipalitySettings.objects.filter(site=site).first()
    return settings.display_name if settings else (site.site_name or site.hostname)


@dataclass
class ReportRow:
    """One row of the report: the item's status and what a webmaster can do about it."""

    status: ItemStatus
    actions: list = field(default_factory=list)

    @property
    def item(self):
        return self.status.item

    @property
    def status_label(self) -> str:
        return status_labels()[self.status.status]

    @property
    def confidence(self) -> str:
        return confidence_label(self.item)

    @property
    def more_evidence(self) -> int:
        return self.status.evidence_count - len(self.status.findings)


def create_actions(site, statuses) -> dict:
    """``{item pk: [(label, url), …]}``: "add a page of type X here" for each page type that would
    satisfy a missing item, where the site has a place for it (one query), and "record evidence kept
    elsewhere". For an item with parts, the actions of its unmet parts, each named by its part."""
    unmet_parts = {status.item.pk: status.missing_parts for status in statuses if status.parts}
    unmet = [status.item for status in statuses if not status.met and not status.parts]
    unmet += [part.item for parts in unmet_parts.values() for part in parts]
    plan = plan_for(unmet)
    models_by_item = defaultdict(list)
    for model, rules in plan.page_rules.items():
        for rule in rules:
            if model not in models_by_item[rule.item_pk]:
                models_by_item[rule.item_pk].append(model)
    parent_models = {
        parent
        for models in models_by_item.values()
        for m in models
        for parent in m.allowed_parent_page_models()
    }
    parent_types = {ContentType.objects.get_for_model(model).pk: model for model in parent_models}
    parents = {}
    for pk, content_type_id in (
        Page.objects.descendant_of(site.root_page, inclusive=True)
        .filter(content_type_id__in=list(parent_types))
        .order_by("path")
        .values_list("pk", "content_type_id")
    ):
        parents.setdefault(parent_types[content_type_id], pk)
    actions = {}
    for item in unmet:
        links = []
        for model in models_by_item.get(item.pk, []):
            parent_pk = next((parents[p] for p in model.allowed_parent_page_models() if p in parents), None)
            if parent_pk is not None:
                url = reverse(
                    "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent_pk)
                )
                links.append((_("Add a %(type)s") % {"type": model._meta.verbose_name}, url))
        query = urlencode({"item": item.pk, "site": site.pk})
        links.append((_("Record evidence kept elsewhere"), f"{reverse(MANUAL_EVIDENCE_ADD_URL)}?{query}"))
        actions[item.pk] = links
    for item_pk, parts in unmet_parts.items():
        actions[item_pk] = [
            (f"{part.item.name_th}: {label}", url) for part in parts for label, url in actions[part.item.pk]
        ]
    return actions


STATUS_CHOICES = [
    (MET, _("Met")),
    (PARTIAL, _("Partly met")),
    (PENDING, _("Pending")),
    (REVIEW, _("To review")),
    (STALE, _("Out of date")),
    (MISSING, _("Missing")),
]


class ComplianceFilterSet(WagtailFilterSet):
    standard = django_filters.ModelChoiceFilter(
        label=_("Standard"), queryset=Standard.objects.all(), method="keep", empty_label=None
    )
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.none(), method="keep")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="keep")

    class Meta:
        model = ChecklistItem
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        sites = report_sites(request.user)
        self.filters["site"].queryset = sites
        self.filters["standard"].queryset = Standard.objects.filter(Q(site__isnull=True) | Q(site__in=sites))

    def keep(self, queryset, name, value):
        # The report evaluates items in Python; the view reads the chosen values itself.
        return queryset


class ItemColumn(Column):
    cell_template_name = "wagtail_thgov/compliance/cells/item.html"


class StatusColumn(Column):
    cell_template_name = "wagtail_thgov/compliance/cells/status.html"


class EvidenceColumn(Column):
    cell_template_name = "wagtail_thgov/compliance/cells/evidence.html"


class ActionsColumn(Column):
    cell_template_name = "wagtail_thgov/compliance/cells/actions.html"


class ComplianceReportView(ReportView):
    """The checklist of one standard on one site: score, then each item's status, reason and evidence."""

    page_title = _("Compliance checklist")
    header_icon = "tasks"
    index_url_name = "thgov_compliance:report"
    index_results_url_name = "thgov_compliance:report_results"
    results_template_name = "wagtail_thgov/compliance/report_results.html"
    filterset_class = ComplianceFilterSet
    paginate_by = 200
    columns = [
        ItemColumn("item", label=_("Item")),
        StatusColumn("status", label=_("Status")),
        Column("status.reason", label=_("Reason")),
        EvidenceColumn("evidence", label=_("Evidence")),
        ActionsColumn("actions", label=_("What to do")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not report_sites(request.user).exists():
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def choice(self, name):
        if self.filters is not None and self.filters.is_valid():
            return self.filters.form.cleaned_data.get(name)
        return None

    @cached_property
    def site(self):
        return self.choice("site") or report_site(self.request, self.request.GET.get("site", ""))

    @cached_property
    def standard(self):
        available = Standard.objects.for_site(self.site)
        chosen = self.choice("standard")
        return chosen if chosen is not None and available.filter(pk=chosen.pk).exists() else available.first()

    @cached_property
    def result(self):
        return standard_result(self.site, self.standard) if self.standard and self.site else None

    def get_queryset(self):
        if self.result is None:
            return []
        actions = create_actions(self.site, self.result.statuses)
        wanted = self.choice("status")
        return [
            ReportRow(status, actions.get(status.item.pk, []))
            for status in self.result.statuses
            if not wanted or status.status == wanted
        ]

    def get_filtered_queryset(self):
        return self.get_queryset()

    @cached_property
    def header_buttons(self):
        if self.site is None:
            return []
        query = "?" + urlencode({"site": self.site.pk})
        return [
            HeaderButton(
                _("Download workbook (.xlsx)"),
                url=reverse("thgov_compliance:export") + query,
                icon_name="download",
            ),
            HeaderButton(
                _("Load a new edition"),
                url=reverse("thgov_compliance:load_edition") + query,
                icon_name="upload",
            ),
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        standard = self.standard
        context.update(
            {
                "result": self.result,
                "report_site": self.site,
                "status_counts": [
                    (label, self.result.score.by_status[code]) for code, label in status_labels().items()
                ]
                if self.result
                else [],
                "current_fiscal_year": current_fiscal_year(),
                "edition_label": edition_label(standard) if standard else "",
                # Accessibility of published documents: scanned or unreadable files of live pages.
                "document_findings": accessibility_findings(self.site) if self.site else None,
            }
        )
        return context


class LoadEditionView(WagtailAdminTemplateMixin, FormView):
    """Load a new fiscal year's ITA/OIT list for one of the user's sites; nothing is stored unless the
    whole file is valid."""

    form_class = LoadEditionForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = _("Load a new ITA/OIT edition")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not report_sites(request.user).exists():
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = {"edition": current_fiscal_year()}
        if self.request.GET.get("site", "").isdigit():
            initial["site"] = int(self.request.GET["site"])
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "action_url": self.request.get_full_path(),
                "submit_button_label": _("Check and load"),
                "submit_button_active_label": _("Loading…"),
                "form_is_multipart": True,
            }
        )
        return context

    def form_valid(self, form):
        site = form.cleaned_data["site"]
        upload = form.cleaned_data["file"]
        try:
            standard = store_edition(
                site, form.cleaned_data["edition"], form.cleaned_data["items"], self.request.user, upload.name
            )
        except EditionError as error:
            for message in error.messages:
                form.add_error("edition", message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Loaded %(standard)s with %(count)s items for %(site)s.")
            % {
                "standard": standard,
                "count": len(form.cleaned_data["items"]),
                "site": site_display_name(site),
            },
        )
        query = urlencode({"site": site.pk, "standard": standard.pk})
        return redirect(f"{reverse('thgov_compliance:report')}?{query}")

    def form_invalid(self, form):
        messages.error(
            self.request, _("The list was not loaded: correct the problems below. Nothing was stored.")
        )
        return super().form_invalid(form)


def export_workbook(request):
    """Download the workbook of every standard for one site (``?site=``)."""
    site = report_site(request, request.GET.get("site", ""))
    if site is None:
        return permission_denied(request)
    generated_at = timezone.now()
    output = io.BytesIO()
    write_workbook(output, site_results(site), site_display_name(site), generated_at)
    response = HttpResponse(
        output.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"thgov-compliance-{site.hostname}-{timezone.localtime(generated_at):%Y%m%d-%H%M}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ManualEvidenceCreateView(generic.CreateView):
    """Prefilled from the report's "record evidence kept elsewhere" link (``?item=&site=``)."""

    def get_initial(self):
        initial = super().get_initial()
        for name in ("item", "site"):
            if self.request.GET.get(name, "").isdigit():
                initial[name] = int(self.request.GET[name])
        return initial


class LocalItemViewSet(SiteScopedModelViewSet):
    """Items a municipality adds to a standard for itself (the bundled items, without a site, are not
    listed here)."""

    model = ChecklistItem
    name = "thgov_local_items"
    icon = "list-ul"
    menu_label = _("Local checklist items")
    list_display = ["code", "name_th", "standard", "site"]
    list_filter = ["standard", "site"]
    search_fields = ["code", "name_th"]
    site_scope = REPORT_SCOPE
    copy_view_enabled = False

    def get_edit_handler(self):
        return ObjectList(ChecklistItem.panels).bind_to_model(ChecklistItem)


class ManualEvidenceViewSet(SiteScopedModelViewSet):
    """Evidence kept elsewhere (a social-media page, another agency's system), per site."""

    model = ManualEvidence
    name = "thgov_manual_evidence"
    icon = "link-external"
    menu_label = _("Evidence kept elsewhere")
    list_display = [
        "title",
        "item",
        "site",
        "url",
        "document",
        Column("review_by", label=_("review by"), accessor=lambda evidence: thai_date(evidence.review_by)),
        Column(
            "updated_at",
            label=_("last updated"),
            accessor=lambda evidence: thai_datetime(evidence.updated_at),
        ),
    ]
    list_filter = ["site", "item__standard"]
    search_fields = ["title", "url"]
    site_scope = REPORT_SCOPE
    add_view_class = ManualEvidenceCreateView
    copy_view_enabled = False

    def get_edit_handler(self):
        return ObjectList(ManualEvidence.panels, base_form_class=ManualEvidenceForm).bind_to_model(
            ManualEvidence
        )


class ComplianceViewSetGroup(ModelViewSetGroup):
    """Admin menu "Checklist data": evidence kept elsewhere and local items."""

    items = (ManualEvidenceViewSet, LocalItemViewSet)
    menu_label = _("Checklist data")
    menu_icon = "tasks"
    menu_order = 450
