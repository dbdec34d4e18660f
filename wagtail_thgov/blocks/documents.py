"""Documents to download, each link saying the file type and size."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from .downloads import file_label


class DocumentLinkValue(blocks.StructValue):
    """A document to download; ``file_label`` is ``"PDF · 1.2 MB"`` from the stored file."""

    @property
    def file_label(self):
        document = self.get("document")
        return file_label(document) if document else ""


class DocumentLinkBlock(blocks.StructBlock):
    """One document and what it is for."""

    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        value_class = DocumentLinkValue
        template = "wagtail_thgov/blocks/document_link.html"


class DocumentDownloadsBlock(blocks.StructBlock):
    """A list of documents to download, with an optional heading."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "download"
        label = _("Documents to download")
        template = "wagtail_thgov/blocks/document_downloads.html"
