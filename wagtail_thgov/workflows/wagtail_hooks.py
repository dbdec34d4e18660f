"""Admin wiring of the workflows: the publication register report."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..core.menu import MenuItemFor, holding
from . import admin_urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls))]


@hooks.register("register_reports_menu_item")
def register_publication_register_menu_item():
    return MenuItemFor(
        _("Publication register"),
        reverse("thgov_workflows:publication_register"),
        name="thgov-publication-register",
        icon_name="tasks",
        order=160,
        shown_to=holding("wagtail_thgov.view_publication_register"),
    )
