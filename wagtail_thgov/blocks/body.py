"""The ready-made block list for the body of a page: ``StreamField(BODY_BLOCKS, blank=True)``."""

# The statistics widgets' blocks import nothing of the plugin but Wagtail's blocks (their templates load
# the ``thgov_stats`` tags only when rendered), so importing them here makes no import cycle.
from ..stats.blocks import SatisfactionWidgetBlock, SiteCounterBlock
from .contact import ContactCardBlock
from .content import HeadingBlock, ParagraphBlock, TableBlock
from .documents import DocumentDownloadsBlock
from .links import LinkListBlock
from .media import GalleryBlock, ImageWithCaptionBlock, InfographicBlock, VideoEmbedBlock
from .people import PeopleBlock
from .process import ProcessStepsBlock

BODY_BLOCKS = [
    ("heading", HeadingBlock()),
    ("paragraph", ParagraphBlock()),
    ("image", ImageWithCaptionBlock()),
    ("gallery", GalleryBlock()),
    ("infographic", InfographicBlock()),
    ("video", VideoEmbedBlock()),
    ("table", TableBlock()),
    ("downloads", DocumentDownloadsBlock()),
    ("links", LinkListBlock()),
    ("people", PeopleBlock()),
    ("contact", ContactCardBlock()),
    ("steps", ProcessStepsBlock()),
    ("satisfaction", SatisfactionWidgetBlock()),
    ("visitor_counter", SiteCounterBlock()),
]
