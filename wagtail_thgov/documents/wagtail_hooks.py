"""Admin wiring of the documents capability: the report of document texts and the Metadata tab panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents import get_permission_policy

from ..core.menu import MenuItemFor
from . import admin_urls
from . import panels as _panels  # noqa: F401  (registers the Metadata tab panel through core.panels)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls))]


def _may_change_documents(user):
    return get_permission_policy().user_has_any_permission(user, ["change"])


@hooks.register("register_reports_menu_item")
def register_document_text_menu_item():
    return MenuItemFor(
        _("Text of documents"),
        reverse("thgov_documents:report"),
        name="thgov-document-text",
        icon_name="doc-full",
        order=175,
        shown_to=_may_change_documents,
    )
