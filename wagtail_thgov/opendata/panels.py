"""The dataset panel of a page's Metadata tab, contributed through ``core.panels`` (pages import nothing
of this capability)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel

from ..core.panels import contribute_panel


def dataset_panel():
    """Mark the page (or one file on it) as a dataset of the site's open data catalogue."""
    return InlinePanel(
        "thgov_datasets",
        heading=_("Open data catalogue"),
        label=_("dataset"),
        max_num=20,
        help_text=_(
            "Add a dataset to list this page in the site's open data catalogue (/opendata/) for the "
            "GD-Catalog to harvest. Only what the page does not say is asked here; empty fields take the "
            "site's defaults. It is listed once the page is certified and live."
        ),
    )


contribute_panel("metadata", dataset_panel)
