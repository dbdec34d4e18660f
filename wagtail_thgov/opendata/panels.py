"""The dataset panel of a page's Metadata tab, contributed through ``core.panels`` (pages import nothing
of this capability)."""

from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel

from ..core.panels import contribute_panel


class DatasetsUnlessAbsentFormSet(BaseChildFormSet):
    """The page's datasets; a submission without this formset at all leaves them as they are.

    The editor always sends the formset (its management form). A client that posts a page form without it
    (a script, a form built before open data existed) would otherwise make the whole page form invalid
    ("ManagementForm data is missing"): it is read as zero forms, which adds, changes and deletes nothing.
    """

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if self.is_bound and f"{self.prefix}-TOTAL_FORMS" not in self.data:
            self.data = self.data.copy()
            for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS"):
                self.data[f"{self.prefix}-{name}"] = "0"
            self.data[f"{self.prefix}-MAX_NUM_FORMS"] = str(self.max_num)


class DatasetPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = DatasetsUnlessAbsentFormSet
        return options


def dataset_panel():
    """Mark the page (or one file on it) as a dataset of the site's open data catalogue."""
    return DatasetPanel(
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
