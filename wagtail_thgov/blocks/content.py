"""The text of a page: section headings, paragraphs and tables with a caption."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

PARAGRAPH_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    """A section heading, rendered as ``<h2>``; subheadings go inside paragraphs as h3 and h4."""

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "wagtail_thgov/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text: paragraphs, lists, subheadings and links."""

    def __init__(self, required=True, features=None, **kwargs):
        super().__init__(required=required, features=features or PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "wagtail_thgov/blocks/paragraph.html"


class TableBlock(blocks.StructBlock):
    """A table with a caption that names it; header rows and columns get ``<th scope>``."""

    caption = blocks.CharBlock(
        label=_("Caption"),
        max_length=255,
        help_text=_("What the table shows, such as 'Fees for building permits, fiscal year 2568'."),
    )
    table = WagtailTableBlock(label=_("Table"), template="wagtail_thgov/blocks/table_data.html")

    class Meta:
        icon = "table"
        label = _("Table")
        label_format = "{caption}"
        template = "wagtail_thgov/blocks/table.html"
