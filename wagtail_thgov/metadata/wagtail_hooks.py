"""Admin wiring of the metadata: the information sources snippet and the inventory report."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_urls
from .views import InformationSourceViewSet

register_snippet(InformationSourceViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls))]


@hooks.register("register_reports_menu_item")
def register_inventory_report_menu_item():
    return MenuItem(
        _("Published information"),
        reverse("thgov_metadata:inventory"),
        name="thgov-inventory",
        icon_name="doc-full-inverse",
        order=150,
    )
