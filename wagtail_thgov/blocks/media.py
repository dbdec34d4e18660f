"""Images, galleries, infographics and videos, each with the text people who cannot see them need."""

import re

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds import embeds
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageChooserBlock

from wagtail_thgov.core.thai import thai_date
from wagtail_thgov.core.thai.admin_fields import BEDateBlock

ALT_TEXT_HELP = _(
    "Describe what the image shows in one short sentence, for people who use a screen reader "
    "or cannot load images. Do not start with 'Image of'."
)
ALT_TEXT_MISSING = _(
    "Add alt text: describe what the image shows, for people who cannot see it "
    "(for example, 'The mayor opens the new health centre')."
)
ALT_TEXT_IS_FILE_NAME = _("The alt text looks like a file name. Describe what the image shows instead.")

# "IMG_0042.JPG", "banner-final.png": what editors paste when they do not know what alt text is for.
FILE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$", re.IGNORECASE)

IFRAME_TAG = re.compile(r"<iframe\b[^>]*>", re.IGNORECASE)
TITLE_ATTRIBUTE = re.compile(r"""\s+title\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)""", re.IGNORECASE)


def alt_text_problem(alt_text, missing_allowed=False):
    """Why ``alt_text`` will not do, or ``None``; a blank one is allowed only for drafts."""
    alt_text = (alt_text or "").strip()
    if not alt_text:
        return None if missing_allowed else ALT_TEXT_MISSING
    if FILE_NAME.match(alt_text):
        return ALT_TEXT_IS_FILE_NAME
    return None


def with_iframe_title(html: str, title: str) -> str:
    """Embed HTML whose iframes carry ``title`` (escaped), replacing any title the provider set."""

    def retitle(match):
        tag = TITLE_ATTRIBUTE.sub("", match.group())
        return tag[: len("<iframe")] + format_html(' title="{}"', title) + tag[len("<iframe") :]

    return IFRAME_TAG.sub(retitle, html)


class AccessibleImageBlock(blocks.StructBlock):
    """An image with required alt text; the base of the image and infographic blocks."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(label=_("Alt text"), max_length=255, help_text=ALT_TEXT_HELP)

    def clean(self, value):
        """The usual checks, with a plain-words message when the alt text is missing or a file name."""
        block_errors, non_block_errors = {}, []
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            block_errors, non_block_errors = dict(error.block_errors), error.non_block_errors
        problem = alt_text_problem(value.get("alt_text"), missing_allowed=self.is_deferred_validation)
        if problem:
            block_errors["alt_text"] = ValidationError(problem)
        if block_errors or non_block_errors:
            raise StructBlockValidationError(block_errors, non_block_errors)
        return cleaned


class ImageWithCaptionBlock(AccessibleImageBlock):
    """An image with alt text, an optional caption and its credit or source."""

    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    credit = blocks.CharBlock(
        label=_("Credit or source"),
        required=False,
        max_length=255,
        help_text=_("Who took the photo or where the image comes from."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        label_format = "{alt_text}"
        template = "wagtail_thgov/blocks/image_with_caption.html"


class GalleryBlock(blocks.StructBlock):
    """Images in a grid of thumbnails, each linking to a larger version."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    images = blocks.ListBlock(ImageWithCaptionBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "grid"
        label = _("Gallery")
        template = "wagtail_thgov/blocks/gallery.html"


class InfographicValue(blocks.StructValue):
    """An infographic; ``date_text`` is its date in Thai, ``2 พฤษภาคม 2562``."""

    @property
    def date_text(self):
        return thai_date(self.get("date"))


class InfographicBlock(AccessibleImageBlock):
    """An infographic with a text version for screen readers, its source and its date."""

    long_description = blocks.RichTextBlock(
        label=_("Text version"),
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Everything the infographic says, written out as text, for people who cannot see it."),
    )
    source = blocks.CharBlock(label=_("Source"), max_length=255)
    date = BEDateBlock(label=_("Date"), help_text=_("When the information was published or last checked."))

    class Meta:
        icon = "info-circle"
        label = _("Infographic")
        label_format = "{alt_text}"
        value_class = InfographicValue
        template = "wagtail_thgov/blocks/infographic.html"


class VideoEmbedValue(blocks.StructValue):
    """A video; ``embed_html`` is the provider's player with the editor's title on its iframe."""

    @property
    def embed_html(self):
        video = self.get("video")
        if not video:
            return ""
        try:
            embed = embeds.get_embed(video.url, video.max_width, video.max_height)
        except EmbedException:
            return ""
        # The provider's HTML is trusted as Wagtail trusts it; the title is escaped by format_html.
        return mark_safe(with_iframe_title(embed.html, self.get("title") or embed.title))


class VideoEmbedBlock(blocks.StructBlock):
    """A video from YouTube, Facebook or another provider, titled for screen readers, with a transcript."""

    video = EmbedBlock(
        label=_("Video address"), help_text=_("The address of the video, such as a YouTube link.")
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=255,
        help_text=_("What the video is about; screen readers announce it before the player."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("What is said and shown in the video, for people who cannot hear or see it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        label_format = "{title}"
        value_class = VideoEmbedValue
        template = "wagtail_thgov/blocks/video_embed.html"
