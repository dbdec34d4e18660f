"""Admin wiring of the statistics: the satisfaction report and the moderation of open answers (for
superusers and the webmasters of some site), and the visits panel on the dashboard."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..core.menu import MenuItemFor
from . import admin_urls
from .panels import add_visits_panel
from .permissions import can_view_stats


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls))]


@hooks.register("register_reports_menu_item")
def register_satisfaction_report_menu_item():
    return MenuItemFor(
        _("Satisfaction survey results"),
        reverse("thgov_stats:satisfaction_report"),
        name="thgov-satisfaction",
        icon_name="pick",
        order=190,
        shown_to=can_view_stats,
    )


@hooks.register("register_reports_menu_item")
def register_survey_moderation_menu_item():
    return MenuItemFor(
        _("Survey open answers"),
        reverse("thgov_stats:survey_moderation"),
        name="thgov-survey-answers",
        icon_name="comment",
        order=191,
        shown_to=can_view_stats,
    )


hooks.register("construct_homepage_panels", add_visits_panel)
