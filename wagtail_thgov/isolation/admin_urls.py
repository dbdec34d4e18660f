"""The scoped views at the very addresses of Wagtail's own, to include before Wagtail's admin URLs::

    path("admin/", include("wagtail_thgov.isolation.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),

Wagtail registers its reports and the page chooser's "chosen" view in its core URLconf, where no hook
reaches, and Django answers with the first pattern that matches. The paths and view options are read
from Wagtail's own patterns, so they follow Wagtail; ``checks`` reports an error until this is done.
"""

from django.urls import URLResolver, path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import urlpatterns as wagtail_admin_patterns
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import chooser, reports

# Wagtail URL name → the view class that replaces Wagtail's there.
REPLACED_VIEWS = {
    "wagtailadmin_choose_page_chosen_multiple": chooser.ChosenMultipleView,
    "wagtailadmin_reports:page_types_usage": reports.PageTypesUsageView,
    "wagtailadmin_reports:page_types_usage_results": reports.PageTypesUsageView,
    "wagtailadmin_reports:locked_pages": reports.LockedPagesView,
    "wagtailadmin_reports:locked_pages_results": reports.LockedPagesView,
    "wagtailadmin_reports:site_history": reports.SiteHistoryView,
    "wagtailadmin_reports:site_history_results": reports.SiteHistoryView,
    "wagtailadmin_reports:workflow": reports.WorkflowView,
    "wagtailadmin_reports:workflow_results": reports.WorkflowView,
    "wagtailadmin_reports:workflow_tasks": reports.WorkflowTasksView,
    "wagtailadmin_reports:workflow_tasks_results": reports.WorkflowTasksView,
}


def _replacements(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _replacements(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif f"{namespace}{pattern.name}" in REPLACED_VIEWS:
            wagtail_name = f"{namespace}{pattern.name}"
            options = getattr(pattern.callback, "view_initkwargs", {})
            view = REPLACED_VIEWS[wagtail_name].as_view(**options)
            # Reversing Wagtail's name gives the same address; this name, in the ``thgov_isolation`` namespace,
            # only tells the patterns apart.
            yield path(prefix + str(pattern.pattern), view, name=scoped_name(wagtail_name))


def scoped_name(wagtail_name):
    """``wagtailadmin_reports:locked_pages`` → ``wagtailadmin_reports_locked_pages`` (in ``thgov_isolation``)."""
    return wagtail_name.replace(":", "_")


app_name = "thgov_isolation"
urlpatterns = decorate_urlpatterns(list(_replacements(wagtail_admin_patterns)), require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
