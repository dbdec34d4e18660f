"""Lists of links, each to a page of this site or to another website."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

BOTH_TARGETS = _("Choose a page or enter a web address, not both.")
NO_TARGET = _("Choose a page or enter a web address.")
NO_TITLE = _("Give a link to another website a title, such as the name of the site.")


class LinkValue(blocks.StructValue):
    """A link; ``text`` is its title, or the chosen page's title when the title is left blank."""

    @property
    def text(self):
        page = self.get("page")
        return self.get("title") or (page.title if page else "") or self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to an external web address: exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Web address"), required=False)
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=255,
        help_text=_("Needed for a web address; for a page, the page title is used when this is blank."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        label_format = "{title}"
        value_class = LinkValue
        template = "wagtail_thgov/blocks/link.html"

    def clean(self, value):
        """Exactly one of page and web address; a web address needs a title (missing ones wait for publishing)."""
        value = super().clean(value)
        page, url, title = value.get("page"), value.get("url"), value.get("title")
        if page and url:
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(BOTH_TARGETS), "url": ValidationError(BOTH_TARGETS)}
            )
        if self.is_deferred_validation:
            return value
        if not page and not url:
            raise StructBlockValidationError(non_block_errors=[ValidationError(NO_TARGET)])
        if url and not title:
            raise StructBlockValidationError(block_errors={"title": ValidationError(NO_TITLE)})
        return value


class LinkListBlock(blocks.StructBlock):
    """A heading and a list of links, such as related services or other agencies."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "wagtail_thgov/blocks/link_list.html"
