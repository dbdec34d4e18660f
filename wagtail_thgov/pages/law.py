"""Category 1.2, laws, regulations and bylaws (กฎหมาย ระเบียบ ข้อบังคับ), each with where it was published."""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import SingleDocumentMixin, ThgovIndexPage, ThgovPage

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class LawKind(models.TextChoices):
    """The kinds of legal instrument a municipality publishes."""

    ACT = "act", _("Act")
    MINISTERIAL_REGULATION = "ministerial_regulation", _("Ministerial regulation")
    REGULATION = "regulation", _("Regulation")
    BYLAW = "bylaw", _("Local ordinance")
    ANNOUNCEMENT = "announcement", _("Announcement")
    ORDER = "order", _("Order")


class LawIndexPage(ThgovIndexPage):
    """The laws section: its laws, newest enacted first, filterable by kind (``?kind=``)."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = ThgovIndexPage.content_panels + [FieldPanel("intro")]
    search_fields = ThgovIndexPage.search_fields + [index.SearchField("intro")]

    thgov_category = "1.2"
    thgov_checklist_items = ()
    thgov_schema_type = "CollectionPage"
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    subpage_types = ["wagtail_thgov.LawPage"]
    template = "wagtail_thgov/pages/law_index_page.html"
    page_description = _("The section of laws, regulations, bylaws, announcements and orders.")

    class Meta:
        verbose_name = _("laws section")
        verbose_name_plural = _("laws sections")

    def listing_queryset(self, request):
        laws = (
            LawPage.objects.child_of(self)
            .live()
            .public()
            .select_related("document")
            .order_by(models.F("enacted_on").desc(nulls_last=True), "title")
        )
        kind = request.GET.get("kind")
        if kind in LawKind.values:
            laws = laws.filter(kind=kind)
        return laws

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kinds"] = LawKind.choices
        kind = request.GET.get("kind", "")
        context["selected_kind"] = kind
        context["filter_query"] = urlencode({"kind": kind}) if kind in LawKind.values else ""
        return context


SOURCE_REFERENCE_MISSING = _(
    "Say where this was published, such as the Royal Gazette volume, section and page "
    "(ราชกิจจานุเบกษา เล่ม … ตอน … หน้า …)."
)
SOURCE_URL_MISSING = _(
    "Give the web address of the published text, such as its page on ratchakitcha.soc.go.th."
)
EFFECTIVE_BEFORE_ENACTED = _("The effective date must not be before the date it was enacted.")


class LawPage(SingleDocumentMixin, ThgovPage):
    """An act, regulation, bylaw, announcement or order, with its source reference and link."""

    kind = models.CharField(_("kind"), max_length=32, choices=LawKind.choices)
    issuing_authority = models.CharField(
        _("issued by"),
        max_length=255,
        blank=True,
        help_text=_("For example: กระทรวงมหาดไทย, สภาเทศบาล, นายกเทศมนตรี."),
    )
    source_reference = models.CharField(
        _("published in"),
        max_length=255,
        blank=True,
        help_text=_("The Royal Gazette reference or other source: volume, section, page and date."),
    )
    source_url = models.URLField(_("link to the published text"), max_length=500, blank=True)
    enacted_on = models.DateField(_("date enacted"), null=True, blank=True)
    effective_on = models.DateField(_("date in effect"), null=True, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The text of the law as a file, if you have one."),
    )
    summary = RichTextField(_("summary"), blank=True, features=TEXT_FEATURES)

    content_panels = ThgovPage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("issuing_authority")]),
        MultiFieldPanel(
            [FieldPanel("source_reference"), FieldPanel("source_url")],
            heading=_("Where it was published"),
        ),
        FieldRowPanel([FieldPanel("enacted_on"), FieldPanel("effective_on")]),
        FieldPanel("document"),
        FieldPanel("summary"),
    ]
    search_fields = ThgovPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("issuing_authority"),
        index.SearchField("source_reference"),
        index.FilterField("kind"),
    ]

    thgov_category = "1.2"
    thgov_required_metadata = ("source_reference", "source_url", "enacted_on")
    thgov_document_date_field = "enacted_on"
    thgov_checklist_items = ()
    thgov_schema_type = "Legislation"
    parent_page_types = ["wagtail_thgov.LawIndexPage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/law_page.html"
    page_description = _("An act, regulation, bylaw, announcement or order, with where it was published.")

    class Meta:
        verbose_name = _("law or regulation")
        verbose_name_plural = _("laws and regulations")

    def validation_errors(self):
        """The source reference and link are required; a law cannot take effect before it is enacted."""
        errors = super().validation_errors()
        if not self.source_reference.strip():
            errors.setdefault("source_reference", []).append(SOURCE_REFERENCE_MISSING)
        if not self.source_url:
            errors.setdefault("source_url", []).append(SOURCE_URL_MISSING)
        if self.enacted_on and self.effective_on and self.effective_on < self.enacted_on:
            errors.setdefault("effective_on", []).append(EFFECTIVE_BEFORE_ENACTED)
        return errors
