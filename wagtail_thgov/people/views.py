"""Admin views of the people subpackage."""

from django.utils.translation import gettext_lazy as _

from ..core.viewsets import SiteScopedSnippetViewSet
from .models import Person


class PersonViewSet(SiteScopedSnippetViewSet):
    """Executives, council members and officers, filterable by site so each municipality finds its own."""

    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "position", "unit", "side", "site"]
    list_filter = ["site", "side"]
    search_fields = ["name", "position", "unit"]
    list_export = ["name", "position", "unit", "side", "phone", "email", "site"]
    chooser_form_fields = ["site", "name", "position", "unit", "side", "phone", "email"]
