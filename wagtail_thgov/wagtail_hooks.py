"""Admin wiring only: menus, snippets, reports, panels and viewsets come from the subpackages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .metadata import admin_urls as metadata_urls
from .metadata.views import InformationSourceViewSet
from .people.views import PersonViewSet
from .workflows import admin_urls as workflow_urls

register_snippet(InformationSourceViewSet)
register_snippet(PersonViewSet)


@hooks.register("register_admin_urls")
def register_thgov_admin_urls():
    return metadata_urls.urlpatterns + workflow_urls.urlpatterns


@hooks.register("register_reports_menu_item")
def register_inventory_report_menu_item():
    return MenuItem(
        _("Published information"),
        reverse("thgov_inventory"),
        name="thgov-inventory",
        icon_name="doc-full-inverse",
        order=150,
    )


class _PermissionMenuItem(MenuItem):
    """A menu item shown only to users holding one permission."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_publication_register_menu_item():
    return _PermissionMenuItem(
        _("Publication register"),
        reverse("thgov_publication_register"),
        name="thgov-publication-register",
        icon_name="tasks",
        order=160,
        permission="wagtail_thgov.view_publication_register",
    )


# --- publishing: expiry defaults, currency report, dashboard panel, audit-log actions ------------

from .publishing import admin_urls as publishing_urls  # noqa: E402
from .publishing.forms import notify_editor_of_expiry  # noqa: E402
from .publishing.panels import add_currency_panel  # noqa: E402
from .publishing.review import register_log_actions as register_publishing_log_actions  # noqa: E402
from .publishing.serving import refuse_expired_page  # noqa: E402
from .publishing.views import CurrencyReportMenuItem, ExpiryDefaultViewSet  # noqa: E402


@hooks.register("register_admin_urls")
def register_publishing_admin_urls():
    return publishing_urls.urlpatterns


@hooks.register("register_admin_viewset")
def register_expiry_default_viewset():
    return ExpiryDefaultViewSet("thgov_expiry_defaults")


@hooks.register("register_reports_menu_item")
def register_currency_report_menu_item():
    return CurrencyReportMenuItem(
        _("Currency of published information"),
        reverse("thgov_currency_report"),
        name="thgov-currency",
        icon_name="time",
        order=170,
    )


hooks.register("construct_homepage_panels", add_currency_panel)
hooks.register("register_log_actions", register_publishing_log_actions)
hooks.register("before_serve_page", refuse_expired_page)
hooks.register("after_create_page", notify_editor_of_expiry)
hooks.register("after_edit_page", notify_editor_of_expiry)


# --- Compliance checklist (issue 6): report, workbook, dashboard score, local items and manual evidence ---
from .compliance import admin_urls as compliance_urls  # noqa: E402
from .compliance.panels import ComplianceScorePanel  # noqa: E402
from .compliance.permissions import can_view_report  # noqa: E402
from .compliance.views import ComplianceViewSetGroup  # noqa: E402


@hooks.register("register_admin_urls")
def register_compliance_admin_urls():
    return compliance_urls.urlpatterns


class _ComplianceReportMenuItem(MenuItem):
    """Shown to superusers and to webmasters holding ``wagtail_thgov.view_compliance_report``."""

    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_compliance_report_menu_item():
    return _ComplianceReportMenuItem(
        _("Compliance checklist"),
        reverse("thgov_compliance_report"),
        name="thgov-compliance",
        icon_name="tasks",
        order=180,
    )


@hooks.register("register_admin_viewset")
def register_compliance_viewsets():
    return ComplianceViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_compliance_score_panel(request, panels):
    if can_view_report(request.user):
        panels.append(ComplianceScorePanel(request))


# --- Statistics and satisfaction (issue 7): survey report under Reports, dashboard visits panel -------
from .stats import admin_urls as stats_urls  # noqa: E402
from .stats.moderation import ModerationMenuItem  # noqa: E402
from .stats.panels import add_visits_panel  # noqa: E402
from .stats.report import SatisfactionReportMenuItem  # noqa: E402


@hooks.register("register_admin_urls")
def register_stats_admin_urls():
    return stats_urls.urlpatterns


@hooks.register("register_reports_menu_item")
def register_satisfaction_report_menu_item():
    return SatisfactionReportMenuItem(
        _("Satisfaction survey results"),
        reverse("thgov_satisfaction_report"),
        name="thgov-satisfaction",
        icon_name="pick",
        order=190,
    )


@hooks.register("register_reports_menu_item")
def register_survey_moderation_menu_item():
    return ModerationMenuItem(
        _("Survey open answers"),
        reverse("thgov_survey_moderation"),
        name="thgov-survey-answers",
        icon_name="comment",
        order=191,
    )


hooks.register("construct_homepage_panels", add_visits_panel)


# --- e-Service requests (issue 8): requests viewset, handling, attachments, monthly statistics ---------
from django.templatetags.static import static as _static  # noqa: E402
from django.utils.html import format_html as _format_html  # noqa: E402
from wagtail.permissions import register_permission_policy as _register_permission_policy  # noqa: E402

from .eservice import admin_urls as eservice_urls  # noqa: E402
from .eservice.models import ServiceRequest as _ServiceRequest  # noqa: E402
from .eservice.staff import (  # noqa: E402
    ServiceRequestPermissionPolicy,
    ServiceRequestViewSet,
    StatisticsMenuItem,
)

_register_permission_policy(_ServiceRequest, ServiceRequestPermissionPolicy(_ServiceRequest))


@hooks.register("register_admin_urls")
def register_eservice_admin_urls():
    return eservice_urls.urlpatterns


@hooks.register("register_admin_viewset")
def register_eservice_request_viewset():
    return ServiceRequestViewSet()


@hooks.register("register_reports_menu_item")
def register_eservice_statistics_menu_item():
    return StatisticsMenuItem(
        _("e-Service statistics"),
        reverse("thgov_eservice_statistics"),
        name="thgov-eservice-statistics",
        icon_name="table",
        order=200,
    )


@hooks.register("insert_global_admin_css")
def eservice_admin_css():
    return _format_html('<link rel="stylesheet" href="{}">', _static("wagtail_thgov/css/eservice-admin.css"))


@hooks.register("filter_form_submissions_for_user")
def hide_eservice_pages_from_form_submissions(user, editable_forms):
    """e-Service requests live in "e-Service requests", not in Wagtail's form submissions."""
    from .eservice.pages import EServicePage

    return editable_forms.not_type(EServicePage)


# --- Each municipality's own file library (issue 15): per-site collections, scoped file views ---------
from .sitefiles.permissions import register_file_permission_policies  # noqa: E402
from .sitefiles.serving import refuse_other_sites_private_documents  # noqa: E402
from .sitefiles.views import BULK_ACTIONS as _FILE_BULK_ACTIONS  # noqa: E402
from .sitefiles.views import register_admin_api_endpoints as _register_file_api_endpoints  # noqa: E402

register_file_permission_policies()
# Registered after Wagtail's own (a higher order): the same action types and endpoint names, scoped.
for _action in _FILE_BULK_ACTIONS:
    hooks.register("register_bulk_action", _action, order=100)
hooks.register("construct_admin_api", _register_file_api_endpoints, order=100)
hooks.register("before_serve_document", refuse_other_sites_private_documents)


# --- Isolation of municipalities in Wagtail's own views (issue 15): page chooser, explorer filters ------
# (Wagtail's reports and the page chooser's "chosen" view are replaced in isolation/admin_urls.py.)
from .isolation.chooser import scope_page_chooser  # noqa: E402
from .isolation.explorer import ScopedPageViewSet  # noqa: E402

hooks.register("construct_page_chooser_queryset", scope_page_chooser)


# After Wagtail's own viewset for Page (wagtail.admin registers it at order 0), so that this one wins.
@hooks.register("register_admin_viewset", order=1)
def register_scoped_page_viewset():
    return ScopedPageViewSet("thgov_pages")


# --- Certified files (issue 15): a file on a live certified page changes only through the workflow ----
from .certifiedfiles.bulk import refuse_moving_frozen_files  # noqa: E402
from .certifiedfiles.permissions import protect_file_models  # noqa: E402
from .metadata.files import file_models  # noqa: E402

# After every app's ready() registered its policy; Wagtail's views ask the registry at request time.
protect_file_models(file_models())
hooks.register("before_bulk_action", refuse_moving_frozen_files)


@hooks.register("insert_global_admin_css")
def certified_files_admin_css():
    """The notice on the file edit screens and the checksums in the register (small; every admin page)."""
    return _format_html(
        '<link rel="stylesheet" href="{}">', _static("wagtail_thgov/css/certified-files-admin.css")
    )


# --- Thai editing: slugs that keep vowel and tone marks (thai/slugs.py holds the server side) ---------


@hooks.register("insert_global_admin_js")
def thai_slug_js():
    return _format_html('<script src="{}"></script>', _static("wagtail_thgov/js/thai-slug.js"))
