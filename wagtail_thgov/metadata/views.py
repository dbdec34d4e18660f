"""Admin views of the metadata subpackage."""

from django.utils.translation import gettext_lazy as _

from ..core.viewsets import SiteScopedSnippetViewSet
from .models import InformationSource


class InformationSourceViewSet(SiteScopedSnippetViewSet):
    """Organisations and departments that own or supply information; each site sees its own (and shared)."""

    model = InformationSource
    icon = "group"
    menu_label = _("Information sources")
    list_display = ["name", "kind", "site"]
    list_filter = ["kind", "site"]
    search_fields = ["name"]
    list_export = ["name", "kind", "site", "phone", "email", "url"]
    # A webmaster may add a missing department from the page editor's chooser.
    chooser_form_fields = ["name", "kind", "site", "phone", "email", "url"]
