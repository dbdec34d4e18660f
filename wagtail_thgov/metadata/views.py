"""Admin views of the metadata subpackage."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import InformationSource


class InformationSourceViewSet(SnippetViewSet):
    """Organisations and departments that own or supply information."""

    model = InformationSource
    icon = "group"
    menu_label = _("Information sources")
    list_display = ["name", "kind", "site"]
    list_filter = ["kind", "site"]
    search_fields = ["name"]
    list_export = ["name", "kind", "site", "phone", "email", "url"]
