"""Wagtail's page reports (Reports menu) narrowed to the user's own sites.

Each view is Wagtail's own, with only the rows or filter choices that crossed sites replaced:

- page types usage: counts and "last edited page" of all sites → of the user's sites;
- locked pages: "Locked by" offered everyone who locked a page → the staff of the user's sites;
- site history: changes to other sites' information sources, people, settings… (Wagtail shows every
  object of a model one may edit) → objects of the user's sites; "User" → staff of the user's sites;
- workflows and workflow tasks: "Requested by", "Workflow", "Task" named other sites' staff and
  workflows → only those of the user's sites.

Aging pages needs nothing: it lists pages the user may publish, and publishing is granted per site.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import FilteredModelChoiceFilter
from wagtail.admin.views.reports import audit_logging, locked_pages, page_types_usage, workflows
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, PageLogEntry, Task, Workflow, WorkflowContentType, WorkflowPage

from ..core.sites import EDIT, sites_for
from ..metadata.scoping import has_site_field, visible_rows
from .scope import pages_of_user_sites, site_root_paths, under_paths, visible_users

# --- Page types usage ------------------------------------------------------------------------------


class PageTypesUsageFilterSet(page_types_usage.PageTypesUsageReportFilterSet):
    """The "Site" filter offers the user's own sites (none when there is only one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is None or self.request.user.is_superuser:
            return
        sites = sites_for(self.request.user, EDIT).select_related("root_page")
        self.sites = {site.pk: site for site in sites}
        if len(self.sites) <= 1:
            self.sites_filter_enabled = False
            self.filters.pop("site", None)
        elif "site" in self.filters:
            self.filters["site"].extra["choices"] = [(site.root_page.path, str(site)) for site in sites]


class PageTypesUsageView(page_types_usage.PageTypesUsageReportView):
    """Counts and the last edited page of each type, among the pages of the user's sites."""

    filterset_class = PageTypesUsageFilterSet

    def get_queryset(self):
        paths = site_root_paths(self.request.user)
        if paths is None:
            return super().get_queryset()
        self.queryset = ContentType.objects.filter(model__in=self.page_models)
        queryset = self.filter_queryset(self.queryset)
        language_code = self.filters.form.cleaned_data.get("page_locale")
        chosen = self.filters.form.cleaned_data.get("site")
        if chosen:
            paths = [path for path in paths if path == chosen]
        pages = Page.objects.filter(under_paths(paths))
        counted = under_paths(paths, prefix="pages__")
        if language_code:
            pages = pages.filter(locale__language_code=language_code)
            counted &= Q(pages__locale__language_code=language_code)
        last_edited = pages.filter(content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(
            count=Count("pages", filter=counted),
            last_edited_page_id=Subquery(last_edited.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


# --- Locked pages ----------------------------------------------------------------------------------


def lockers_for_filter(request):
    return visible_users(request.user).filter(pk__in=locked_pages.get_users_for_filter().values("pk"))


class LockedPagesFilterSet(locked_pages.LockedPagesReportFilterSet):
    locked_by = django_filters.ModelChoiceFilter(
        label=_("Locked by"), empty_label=_("Anyone"), field_name="locked_by", queryset=lockers_for_filter
    )


class LockedPagesView(locked_pages.LockedPagesView):
    filterset_class = LockedPagesFilterSet


# --- Site history ----------------------------------------------------------------------------------


def viewable_log_entries(log_model, user):
    """Wagtail's entries the user may view, less those about another site's pages or site-scoped rows."""
    entries = log_model.objects.viewable_by_user(user)
    if user.is_superuser:
        return entries
    if issubclass(log_model, PageLogEntry):
        return pages_of_user_sites(entries, user, prefix="page__")
    conditions = user.__dict__.setdefault("_thgov_log_conditions", {})  # once per request, as above
    if log_model not in conditions:
        conditions[log_model] = _site_rows_condition(entries, user)
    return entries.filter(conditions[log_model])


def _site_rows_condition(entries, user):
    """Entries about models without a site as they are; about site-scoped rows, only the user's."""
    allowed = Q(pk__in=[])
    for content_type_id in entries.order_by().values_list("content_type_id", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not has_site_field(model):
            allowed |= Q(content_type_id=content_type_id)
            continue
        ids = visible_rows(model, user).annotate(id_text=Cast("pk", CharField())).values("id_text")
        allowed |= Q(content_type_id=content_type_id, object_id__in=ids)
    return allowed


def history_users_for_filter(user):
    ids = set()
    for log_model in log_action_registry.get_log_entry_models():
        ids.update(viewable_log_entries(log_model, user).get_user_ids())
    return visible_users(user).filter(pk__in=ids).order_by("username")


class SiteHistoryFilterSet(audit_logging.SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        return history_users_for_filter(self.request.user)


class SiteHistoryView(audit_logging.LogEntriesView):
    """Wagtail's site history, built from ``viewable_log_entries`` instead of ``viewable_by_user``."""

    filterset_class = SiteHistoryFilterSet

    def get_filtered_queryset(self):
        queryset = None
        self.log_models = list(log_action_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            rows = (
                viewable_log_entries(log_model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            rows = self.filter_queryset(rows).order_by()
            queryset = rows if queryset is None else queryset.union(rows, all=True)
        return queryset.order_by("-timestamp")


# --- Workflows -------------------------------------------------------------------------------------


def workflows_for_filter(request):
    """Workflows on pages of the user's sites, and the workflows of snippet types (not site-bound)."""
    workflows = Workflow.objects.all()
    if request.user.is_superuser:
        return workflows
    on_pages = pages_of_user_sites(WorkflowPage.objects.all(), request.user, prefix="page__")
    return workflows.filter(
        Q(pk__in=on_pages.values("workflow_id")) | Q(pk__in=WorkflowContentType.objects.values("workflow_id"))
    )


def tasks_for_filter(request):
    return Task.objects.filter(workflow_tasks__workflow__in=workflows_for_filter(request)).distinct()


def requesters_for_filter(request):
    return visible_users(request.user).filter(
        pk__in=workflows.get_requested_by_queryset(request).values("pk")
    )


class WorkflowFilterSet(workflows.WorkflowReportFilterSet):
    workflow = django_filters.ModelChoiceFilter(label=_("Workflow"), queryset=workflows_for_filter)
    requested_by = django_filters.ModelChoiceFilter(
        label=_("Requested by"), field_name="requested_by", queryset=requesters_for_filter
    )


class WorkflowView(workflows.WorkflowView):
    filterset_class = WorkflowFilterSet


class WorkflowTasksFilterSet(workflows.WorkflowTasksReportFilterSet):
    workflow = django_filters.ModelChoiceFilter(
        label=_("Workflow"), field_name="workflow_state__workflow", queryset=workflows_for_filter
    )
    task = FilteredModelChoiceFilter(
        label=_("Task"), queryset=tasks_for_filter, filter_field="id_workflow", filter_accessor="workflows"
    )


class WorkflowTasksView(workflows.WorkflowTasksView):
    filterset_class = WorkflowTasksFilterSet
