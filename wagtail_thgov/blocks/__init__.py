"""StreamField blocks for municipal pages, each with its own template under ``wagtail_thgov/blocks/``.

``StreamField(BODY_BLOCKS, blank=True)`` gives a page the general body; the blocks can also be used alone.
"""

from ..stats.blocks import SatisfactionWidgetBlock, SiteCounterBlock
from .body import BODY_BLOCKS
from .contact import ContactCardBlock
from .content import HeadingBlock, ParagraphBlock, TableBlock
from .documents import DocumentDownloadsBlock, DocumentLinkBlock
from .links import LinkBlock, LinkListBlock
from .media import (
    AccessibleImageBlock,
    GalleryBlock,
    ImageWithCaptionBlock,
    InfographicBlock,
    VideoEmbedBlock,
)
from .people import PeopleBlock, PersonBlock
from .process import ProcessStepBlock, ProcessStepsBlock

__all__ = [
    "BODY_BLOCKS",
    "AccessibleImageBlock",
    "ContactCardBlock",
    "DocumentDownloadsBlock",
    "DocumentLinkBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageWithCaptionBlock",
    "InfographicBlock",
    "LinkBlock",
    "LinkListBlock",
    "ParagraphBlock",
    "PeopleBlock",
    "PersonBlock",
    "SatisfactionWidgetBlock",
    "SiteCounterBlock",
    "ProcessStepBlock",
    "ProcessStepsBlock",
    "TableBlock",
    "VideoEmbedBlock",
]
