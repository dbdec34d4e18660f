from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailThgovConfig(AppConfig):
    """The wagtail-thgov plugin: one Django app, one concern per subpackage."""

    name = "wagtail_thgov"
    label = "wagtail_thgov"
    verbose_name = _("Thai government website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # System checks register on import; nothing here touches the database.
        from .cache import invalidation as page_cache
        from .publishing import checks as publishing_checks  # noqa: F401
        from .thai_admin import checks as thai_admin_checks  # noqa: F401
        from .workflows import checks  # noqa: F401

        # Page cache (wagtail_thgov.cache): saves, deletes and page signals make cached pages stale.
        page_cache.connect()
