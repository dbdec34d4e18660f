"""Admin views of the people subpackage."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from ..reports import FormulaSafeExportMixin
from .models import Person


class PersonIndexView(FormulaSafeExportMixin, snippets.IndexView):
    """The people listing; its spreadsheet export never holds a runnable formula."""


class PersonViewSet(SnippetViewSet):
    """Executives, council members and officers, filterable by site so each municipality finds its own."""

    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "position", "unit", "side", "site"]
    list_filter = ["site", "side"]
    search_fields = ["name", "position", "unit"]
    list_export = ["name", "position", "unit", "side", "phone", "email", "site"]
    index_view_class = PersonIndexView
