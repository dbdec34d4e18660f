"""Admin wiring of the e-Service: the requests viewset (which registers its permission policy), attachments, the monthly
statistics, and the requests kept out of Wagtail's form submissions."""

from functools import partial

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..core.menu import MenuItemFor
from ..core.sites import serves_any_site
from . import admin_urls
from .pages import EServicePage
from .permissions import STATISTICS_PERMISSION
from .staff import ServiceRequestViewSet


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls))]


@hooks.register("register_admin_viewset")
def register_eservice_request_viewset():
    return ServiceRequestViewSet()


@hooks.register("register_reports_menu_item")
def register_eservice_statistics_menu_item():
    return MenuItemFor(
        _("e-Service statistics"),
        reverse("thgov_eservice:statistics"),
        name="thgov-eservice-statistics",
        icon_name="table",
        order=200,
        shown_to=partial(serves_any_site, permission=STATISTICS_PERMISSION),
    )


@hooks.register("insert_global_admin_css")
def eservice_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("wagtail_thgov/css/eservice-admin.css"))


@hooks.register("filter_form_submissions_for_user")
def hide_eservice_pages_from_form_submissions(user, editable_forms):
    """e-Service requests live in "e-Service requests", not in Wagtail's form submissions."""
    return editable_forms.not_type(EServicePage)
