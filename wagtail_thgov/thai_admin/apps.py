from django.apps import AppConfig


class ThaiAdminConfig(AppConfig):
    """Catalogues that put Wagtail's and Django's admin into Thai; listed before Wagtail's apps."""

    name = "wagtail_thgov.thai_admin"
    label = "thgov_thai_admin"
    # A plain string, not a translated one: any translatable text in this app would make makemessages rebuild the
    # override catalogue from it and drop the overrides (see the package docstring).
    verbose_name = "Thai admin"
