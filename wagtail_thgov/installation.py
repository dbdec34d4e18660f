"""What ``thgov_setup`` does: a list of idempotent steps, each owned by the subpackage it sets up.

Every step takes the command's ``stdout`` writer and returns how many rows it created or changed,
so that a second run can prove it changed nothing.
"""

from django.utils.module_loading import import_string
from wagtail.models import Site

from .site_settings.models import MunicipalitySettings

# Dotted paths, so that this module imports nothing heavy and later subpackages add their step here.
SETUP_STEPS = [
    "wagtail_thgov.installation.ensure_municipality_settings",
    "wagtail_thgov.workflows.setup.ensure_workflows",
    # After the workflow step, which gives every site its collection: files still in the root move there.
    "wagtail_thgov.sitefiles.upgrade.move_files_to_site_collections",
    "wagtail_thgov.publishing.expiry.ensure_expiry_defaults",
    "wagtail_thgov.publishing.schedules.ensure_schedules",
    "wagtail_thgov.compliance.loader.load_standards",
]


def ensure_municipality_settings(write):
    """Every Wagtail site gets its municipality settings row (empty fields, filled in the admin)."""

    created = 0
    for site in Site.objects.all():
        _, was_created = MunicipalitySettings.objects.get_or_create(site=site)
        created += was_created
    if created:
        write(f"municipality settings: {created} created")
    return created


def run_setup(write=lambda message: None) -> int:
    """Run every setup step in order; return the total number of rows created or changed."""
    return sum(import_string(path)(write) for path in SETUP_STEPS)
