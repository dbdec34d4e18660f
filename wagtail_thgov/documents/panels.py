"""The Metadata tab's list of the page's files and whether citizens can read them (``core.panels``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.documents import get_document_model

from ..core.panels import contribute_panel
from ..metadata.files import referenced_document_ids
from . import ocr
from .facts import current_texts


class DocumentTextPanel(Panel):
    """Each attached file: pages, "scanned, no text", OCR, or why its text was refused."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Text of attached files"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_thgov/documents/text_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            ids = [int(pk) for pk in referenced_document_ids(self.instance)]
            documents = get_document_model().objects.in_bulk(ids)
            texts = current_texts(ids)
            context["rows"] = [(documents[pk], texts.get(pk)) for pk in ids if pk in documents]
            context["ocr"] = ocr.status()
            return context


contribute_panel("metadata", DocumentTextPanel)
