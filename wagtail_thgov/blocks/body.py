"""The ready-made block list for the body of a page: ``StreamField(BODY_BLOCKS, blank=True)``."""

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
]
