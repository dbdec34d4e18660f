"""Helpers of the security tests: a municipality site as migrations would leave the database."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale

from tests.factories import make_site


def security_site(hostname="localhost", title="เทศบาลตำบลทดสอบ", is_default=True):
    """A municipality site with roles and workflow, whether or not migrations seeded the locale."""
    Locale.objects.get_or_create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))
    return make_site(hostname=hostname, title=title, is_default=is_default)
