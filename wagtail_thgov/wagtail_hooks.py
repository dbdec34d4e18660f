"""Admin wiring only: menus, snippets, reports, panels and viewsets come from the subpackages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .metadata import admin_urls as metadata_urls
from .metadata.views import InformationSourceViewSet

register_snippet(InformationSourceViewSet)


@hooks.register("register_admin_urls")
def register_thgov_admin_urls():
    return metadata_urls.urlpatterns


@hooks.register("register_reports_menu_item")
def register_inventory_report_menu_item():
    return MenuItem(
        _("Published information"),
        reverse("thgov_inventory"),
        name="thgov-inventory",
        icon_name="doc-full-inverse",
        order=150,
    )
