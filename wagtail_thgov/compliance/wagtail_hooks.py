"""Admin wiring of the compliance checklist: report, workbook, dashboard score, local items and manual
evidence (for superusers and webmasters holding ``wagtail_thgov.view_compliance_report``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..core.menu import MenuItemFor
from . import admin_urls
from .panels import ComplianceScorePanel
from .permissions import can_view_report
from .views import ComplianceViewSetGroup


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls))]


@hooks.register("register_reports_menu_item")
def register_compliance_report_menu_item():
    return MenuItemFor(
        _("Compliance checklist"),
        reverse("thgov_compliance:report"),
        name="thgov-compliance",
        icon_name="tasks",
        order=180,
        shown_to=can_view_report,
    )


@hooks.register("register_admin_viewset")
def register_compliance_viewsets():
    return ComplianceViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_compliance_score_panel(request, panels):
    if can_view_report(request.user):
        panels.append(ComplianceScorePanel(request))
