"""``thgov_setup`` step of the site settings."""

from wagtail.models import Site

from .models import MunicipalitySettings


def ensure_municipality_settings(write) -> int:
    """Every Wagtail site gets its municipality settings row (empty fields, filled in the admin)."""
    created = 0
    for site in Site.objects.all():
        _, was_created = MunicipalitySettings.objects.get_or_create(site=site)
        created += was_created
    if created:
        write(f"municipality settings: {created} created")
    return created
