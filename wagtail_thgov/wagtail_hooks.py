"""Admin wiring only: menus, snippets, reports, panels and viewsets come from the subpackages."""

from wagtail.snippets.models import register_snippet

from .metadata.views import InformationSourceViewSet

register_snippet(InformationSourceViewSet)
