"""The read-only part of the metadata tab: what is derived and what is still missing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .completeness import missing_metadata
from .files import page_files


class MetadataStatusPanel(Panel):
    """Shows the derived publication date, last update and files, and the completeness check."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Derived metadata and completeness"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_thgov/metadata/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context.update(
                {
                    "page": page,
                    "missing": missing_metadata(page),
                    "files": page_files(page),
                    "is_new": page.pk is None,
                }
            )
            return context
