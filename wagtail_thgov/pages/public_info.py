"""Category 1.5, information for public inspection (ข้อมูลข่าวสารเพื่อการตรวจดู): the official information
centre (ศูนย์ข้อมูลข่าวสาร), its items classified by section of the Official Information Act B.E. 2540."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import BODY_BLOCKS, DocumentLinkBlock
from .base import ThgovIndexPage, ThgovPage


@dataclass(frozen=True)
class OiaSection:
    """A section of the Official Information Act (or the GWS 2.0 list) that an item is published under.

    ``name_th`` is the statutory Thai wording, kept as data like the category names: it is the
    law's text, not an interface string.
    """

    code: str
    number_th: str
    name_th: str
    name: Promise  # translated English name

    @property
    def label_th(self) -> str:
        return f"{self.number_th} {self.name_th}"


OIA_SECTIONS = (
    OiaSection(
        "s7",
        "มาตรา 7",
        "ข้อมูลข่าวสารที่ต้องลงพิมพ์ในราชกิจจานุเบกษา",
        _("Section 7: information published in the Royal Gazette"),
    ),
    OiaSection(
        "s9_1",
        "มาตรา 9 (1)",
        "ผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน",
        _("Section 9(1): decisions directly affecting private persons"),
    ),
    OiaSection(
        "s9_2",
        "มาตรา 9 (2)",
        "นโยบายหรือการตีความที่ไม่เข้าข่ายต้องลงพิมพ์ในราชกิจจานุเบกษา",
        _("Section 9(2): policies or interpretations not published in the Royal Gazette"),
    ),
    OiaSection(
        "s9_3",
        "มาตรา 9 (3)",
        "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่กำลังดำเนินการ",
        _("Section 9(3): work plans, projects and the annual budget of the current year"),
    ),
    OiaSection(
        "s9_4",
        "มาตรา 9 (4)",
        "คู่มือหรือคำสั่งเกี่ยวกับวิธีปฏิบัติงานของเจ้าหน้าที่ของรัฐซึ่งมีผลกระทบถึงสิทธิหน้าที่ของเอกชน",
        _("Section 9(4): manuals or orders on working procedures affecting private persons"),
    ),
    OiaSection(
        "s9_5",
        "มาตรา 9 (5)",
        "สิ่งพิมพ์ที่ได้มีการอ้างอิงถึงตามมาตรา 7 วรรคสอง",
        _("Section 9(5): publications referred to under section 7, paragraph 2"),
    ),
    OiaSection(
        "s9_6",
        "มาตรา 9 (6)",
        "สัญญาสัมปทาน สัญญาที่มีลักษณะเป็นการผูกขาดตัดตอน หรือสัญญาร่วมทุนกับเอกชนในการจัดทำบริการสาธารณะ",
        _("Section 9(6): concession, monopoly and joint-venture contracts for public services"),
    ),
    OiaSection(
        "s9_7",
        "มาตรา 9 (7)",
        "มติคณะรัฐมนตรี หรือมติคณะกรรมการที่แต่งตั้งโดยกฎหมายหรือโดยมติคณะรัฐมนตรี",
        _("Section 9(7): resolutions of the cabinet or of committees set up by law or by the cabinet"),
    ),
    OiaSection(
        "s9_8",
        "มาตรา 9 (8)",
        "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด",
        _("Section 9(8): other information the Official Information Commission prescribes"),
    ),
    OiaSection(
        "gws",
        "GWS 2.0",
        "ข้อมูลตามมาตรฐานเว็บไซต์ภาครัฐ เวอร์ชัน 2.0",
        _("GWS 2.0 item"),
    ),
)
OIA_SECTIONS_BY_CODE = {section.code: section for section in OIA_SECTIONS}
OIA_SECTION_CHOICES = [(section.code, section.label_th) for section in OIA_SECTIONS]


class PublicInfoIndexPage(ThgovIndexPage):
    """The official information centre: its items grouped under their section of the Act, in one query."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = ThgovIndexPage.content_panels + [FieldPanel("intro")]
    search_fields = ThgovIndexPage.search_fields + [index.SearchField("intro")]

    thgov_category = "1.5"
    thgov_checklist_items = ()
    thgov_schema_type = "CollectionPage"
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    subpage_types = ["wagtail_thgov.PublicInfoPage"]
    max_count_per_parent = 1
    listing_per_page = 100
    template = "wagtail_thgov/pages/public_info_index_page.html"
    page_description = _("The official information centre (ศูนย์ข้อมูลข่าวสาร), grouped by section of the Act.")

    class Meta:
        verbose_name = _("official information centre")
        verbose_name_plural = _("official information centres")

    def listing_queryset(self, request):
        """Items in the order of the Act's sections, newest first within a section."""
        section_rank = models.Case(
            *(models.When(oia_section=section.code, then=rank) for rank, section in enumerate(OIA_SECTIONS)),
            default=len(OIA_SECTIONS),
            output_field=models.IntegerField(),
        )
        return (
            PublicInfoPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by(section_rank, "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = group_by_section(context["listing"])
        return context


def group_by_section(pages) -> list[dict]:
    """Pages ordered by section as ``[{"section": OiaSection, "pages": [...]}]``, empty sections left out."""
    groups = []
    for page in pages:
        if not groups or groups[-1]["section"].code != page.oia_section:
            groups.append({"section": OIA_SECTIONS_BY_CODE[page.oia_section], "pages": []})
        groups[-1]["pages"].append(page)
    return groups


class PublicInfoPage(ThgovPage):
    """One item of official information, classified by the section of the Act it is published under."""

    oia_section = models.CharField(
        _("section of the Official Information Act"), max_length=8, choices=OIA_SECTION_CHOICES
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("content"))
    documents = StreamField(
        [("document", DocumentLinkBlock())],
        blank=True,
        verbose_name=_("documents"),
        help_text=_("The documents of this item, to download."),
    )

    content_panels = ThgovPage.content_panels + [
        FieldPanel("oia_section"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    search_fields = ThgovPage.search_fields + [index.SearchField("body"), index.FilterField("oia_section")]

    thgov_category = "1.5"
    thgov_checklist_items = ()
    thgov_schema_type = "WebPage"
    parent_page_types = ["wagtail_thgov.PublicInfoIndexPage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/public_info_page.html"
    page_description = _("Official information for public inspection, under section 7 or 9 of the Act.")

    class Meta:
        verbose_name = _("official information item")
        verbose_name_plural = _("official information items")

    @property
    def section(self) -> OiaSection:
        return OIA_SECTIONS_BY_CODE[self.oia_section]
