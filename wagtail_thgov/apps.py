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
        from .certifiedfiles import checks as certified_file_checks  # noqa: F401
        from .install import checks as install_checks  # noqa: F401
        from .install import roots as site_roots
        from .isolation import checks as isolation_checks  # noqa: F401
        from .publishing import checks as publishing_checks  # noqa: F401
        from .thai.admin_fields import use_buddhist_era_in_admin, use_buddhist_era_timestamps
        from .thai.slugs import use_thai_slugs
        from .thai_admin import checks as thai_admin_checks  # noqa: F401
        from .workflows import (
            certification,
            checks,  # noqa: F401
        )

        # Buddhist-Era dates in every admin form (Wagtail's go-live and expiry included).
        use_buddhist_era_in_admin()
        use_buddhist_era_timestamps()  # Wagtail's own messages: the scheduled-publication banner, locks
        # Page slugs keep Thai vowel and tone marks (server side; the editor's JS is thai-slug.js).
        use_thai_slugs()

        # Page cache (wagtail_thgov.cache): saves, deletes and page signals make cached pages stale.
        page_cache.connect()

        # The site settings' logo is a file of that site: Wagtail's usage view and the move of files to
        # their site's collection (sitefiles.upgrade) learn it from the reference index.
        from wagtail.models import ReferenceIndex

        from .site_settings.models import MunicipalitySettings

        ReferenceIndex.register_model(MunicipalitySettings)
        # A certification records the checksums of the files it covered (wagtail_thgov.workflows).
        certification.connect()
        # The workflow and the role groups' permissions follow a site's root when it changes.
        site_roots.connect()
