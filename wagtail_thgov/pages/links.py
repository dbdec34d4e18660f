"""Category 1.4, related websites (เว็บไซต์ที่เกี่ยวข้อง): links in groups, such as the units of the
Department of Local Administration, other agencies and other websites."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import LinkListBlock
from .base import ThgovPage


class RelatedLinksPage(ThgovPage):
    """Groups of links to related agencies and websites, each group with its heading."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    link_groups = StreamField(
        [("group", LinkListBlock())],
        verbose_name=_("link groups"),
        help_text=_(
            "One group per heading, for example: หน่วยงานกรมส่งเสริมการปกครองท้องถิ่น, หน่วยงานราชการอื่น, เว็บไซต์อื่น ๆ."
        ),
    )

    content_panels = ThgovPage.content_panels + [FieldPanel("intro"), FieldPanel("link_groups")]
    search_fields = ThgovPage.search_fields + [index.SearchField("intro"), index.SearchField("link_groups")]

    thgov_category = "1.4"
    thgov_required_metadata = ("source",)
    thgov_checklist_items = ()
    thgov_schema_type = "CollectionPage"
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/related_links_page.html"
    page_description = _("Links to related agencies and websites, in groups.")

    class Meta:
        verbose_name = _("related websites page")
        verbose_name_plural = _("related websites pages")
