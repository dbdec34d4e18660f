"""Category 1.3, the knowledge base (คลังความรู้): infographics, multimedia, articles, research and
statistics, each with its source and the date and time of that source."""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import BODY_BLOCKS
from .base import ThgovIndexPage, ThgovPage


class KnowledgeKind(models.TextChoices):
    """The kinds of knowledge item the guideline names."""

    INFOGRAPHIC = "infographic", _("Infographic")
    MULTIMEDIA = "multimedia", _("Multimedia")
    ARTICLE = "article", _("Article")
    RESEARCH = "research", _("Research")
    STATISTICS = "statistics", _("Statistics")


class KnowledgeIndexPage(ThgovIndexPage):
    """The knowledge base: its items as cards, newest first, filterable by kind (``?kind=``)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = ThgovIndexPage.content_panels + [FieldPanel("intro")]
    search_fields = ThgovIndexPage.search_fields + [index.SearchField("intro")]

    thgov_category = "1.3"
    thgov_checklist_items = ()
    thgov_schema_type = "CollectionPage"
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    subpage_types = ["wagtail_thgov.KnowledgePage"]
    template = "wagtail_thgov/pages/knowledge_index_page.html"
    page_description = _("The knowledge base: infographics, multimedia, articles, research and statistics.")

    class Meta:
        verbose_name = _("knowledge base")
        verbose_name_plural = _("knowledge bases")

    def listing_queryset(self, request):
        """Cards with their images: one query for the pages, one for the images' renditions."""
        items = (
            KnowledgePage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .defer_streamfields()
            .order_by("-source_datetime", "-pk")
        )
        kind = request.GET.get("kind")
        if kind in KnowledgeKind.values:
            items = items.filter(kind=kind)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kinds"] = KnowledgeKind.choices
        kind = request.GET.get("kind", "")
        context["selected_kind"] = kind
        context["filter_query"] = urlencode({"kind": kind}) if kind in KnowledgeKind.values else ""
        return context


SOURCE_MISSING = _("Give the source of this item: choose an organisation above or type the source here.")
SOURCE_DATETIME_MISSING = _("Give the date and time of the source, such as when the data was released.")


class KnowledgePage(ThgovPage):
    """One knowledge item: what it is, where it comes from and when, and its content."""

    kind = models.CharField(_("kind"), max_length=16, choices=KnowledgeKind.choices)
    source_datetime = models.DateTimeField(
        _("date and time of the source"),
        null=True,
        blank=True,
        help_text=_("When the source published or last updated this information."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in the list.")
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("list image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A small picture for the list of items; describe images in the body with alt text."),
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("content"))

    content_panels = ThgovPage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("source_datetime")]),
        MultiFieldPanel([FieldPanel("summary"), FieldPanel("listing_image")], heading=_("In the list")),
        FieldPanel("body"),
    ]
    search_fields = ThgovPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    thgov_category = "1.3"
    thgov_required_metadata = ("source", "source_datetime")
    thgov_checklist_items = ()
    thgov_schema_type = "Article"
    parent_page_types = ["wagtail_thgov.KnowledgeIndexPage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/knowledge_page.html"
    page_description = _("An infographic, multimedia item, article, research or statistics, with its source.")

    class Meta:
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")

    def validation_errors(self):
        """Every knowledge item names its source and the date and time of that source."""
        errors = super().validation_errors()
        if not (self.source_organisation_id or self.source_text.strip()):
            errors.setdefault("source_text", []).append(SOURCE_MISSING)
        if self.source_datetime is None:
            errors.setdefault("source_datetime", []).append(SOURCE_DATETIME_MISSING)
        return errors
