from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailThgovConfig(AppConfig):
    """The wagtail-thgov plugin: one Django app, one concern per subpackage."""

    name = "wagtail_thgov"
    label = "wagtail_thgov"
    verbose_name = _("Thai government website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, once every model is loaded (Django's rule for ready()). System checks and edit-form
        # panels register on import; nothing here touches the database.
        from .cache import invalidation as page_cache
        from .certifiedfiles import checks as certified_file_checks  # noqa: F401
        from .compliance import panels as compliance_panels  # noqa: F401  (the checklist tick boxes, core.panels)
        from .core.thai.admin_fields import use_buddhist_era_in_admin, use_buddhist_era_timestamps
        from .core.thai.slugs import use_thai_slugs
        from .documents import checks as document_checks  # noqa: F401
        from .documents import signals as document_signals
        from .install import checks as install_checks  # noqa: F401
        from .install import roots as site_roots
        from .isolation import checks as isolation_checks  # noqa: F401
        from .opendata import panels as opendata_panels  # noqa: F401  (the dataset panel, core.panels)
        from .publishing import checks as publishing_checks  # noqa: F401
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

        # Each capability registers its thgov_setup steps and scheduled jobs (core.registry). Imported here,
        # once every model is loaded. The steps run by their order number, whatever the import order:
        # site settings 100, workflows 200, files to site collections 300, expiry defaults 400, scheduled
        # jobs 500, standards 600. Jobs are listed in this import order.
        from .compliance import registration as compliance_registration  # noqa: F401
        from .documents import registration as documents_registration  # noqa: F401
        from .eservice import registration as eservice_registration  # noqa: F401
        from .publishing import registration as publishing_registration  # noqa: F401
        from .site_settings import registration as site_settings_registration  # noqa: F401
        from .sitefiles import registration as sitefiles_registration  # noqa: F401
        from .stats import registration as stats_registration  # noqa: F401
        from .workflows import registration as workflows_registration  # noqa: F401

        # Uploading or changing a document queues the job that reads its text (wagtail_thgov.documents).
        document_signals.connect()

        # The workflow and the role groups' permissions follow a site's root when it changes.
        site_roots.connect()
