"""Admin wiring of the people: the executives and staff snippet."""

from wagtail.snippets.models import register_snippet

from .views import PersonViewSet

register_snippet(PersonViewSet)
