"""Admin wiring of the publishing: expiry defaults, currency report, dashboard panel, audit-log actions,
and the refusal to serve an expired page."""

from functools import partial

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..core.menu import MenuItemFor
from . import admin_urls
from .forms import notify_editor_of_expiry
from .panels import add_currency_panel
from .review import register_log_actions
from .serving import refuse_expired_page
from .views import ExpiryDefaultViewSet, page_policy


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls))]


@hooks.register("register_admin_viewset")
def register_expiry_default_viewset():
    return ExpiryDefaultViewSet("thgov_expiry_defaults")


@hooks.register("register_reports_menu_item")
def register_currency_report_menu_item():
    return MenuItemFor(
        _("Currency of published information"),
        reverse("thgov_publishing:currency_report"),
        name="thgov-currency",
        icon_name="time",
        order=170,
        shown_to=partial(page_policy.user_has_permission, action="change"),  # users who may edit some page
    )


hooks.register("construct_homepage_panels", add_currency_panel)
hooks.register("register_log_actions", register_log_actions)
hooks.register("before_serve_page", refuse_expired_page)
hooks.register("after_create_page", notify_editor_of_expiry)
hooks.register("after_edit_page", notify_editor_of_expiry)
