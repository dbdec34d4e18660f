"""News and announcements (§1.8): news of four kinds, and the announcements index with job notices.

Procurement announcements, results and monthly summaries are in ``procurement.py``; they share
``AnnouncementPage`` from here. Both index pages filter by kind and B.E. fiscal year from the
query string (``?kind=pr&fiscal_year=2568``); a malformed value is ignored, never an error page.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BODY_BLOCKS, DocumentDownloadsBlock, GalleryBlock
from ..cache.sitedata import public
from ..core.thai import fiscal_year_of, thai_date
from .base import ThgovIndexPage, ThgovPage

INTRO_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
FISCAL_YEAR_RANGE = range(2500, 2701)  # the bounds of GovMetadataMixin.fiscal_year

ACTIVITY_NEEDS_GALLERY = _("Activity news needs a photo gallery: add one, or choose another kind of news.")
END_BEFORE_START = _("The closing date must not be before the opening date.")


# --- Listing filters: pure functions of the query string ---------------------------------------


@dataclass(frozen=True)
class ListingFilters:
    """The filters of an index page's listing; ``None`` means "all"."""

    kind: str | None = None
    fiscal_year: int | None = None

    @property
    def active(self) -> bool:
        return self.kind is not None or self.fiscal_year is not None


def choice_param(value, allowed) -> str | None:
    """``value`` when it is one of ``allowed``, else ``None``."""
    value = (value or "").strip()
    return value if value in allowed else None


def fiscal_year_param(value) -> int | None:
    """A B.E. fiscal year from the query string (Thai digits too), or ``None`` when malformed or out of range."""
    value = (value or "").strip()
    if not value.isdecimal() or len(value) != 4:
        return None
    year = int(value)
    return year if year in FISCAL_YEAR_RANGE else None


def listing_filters(request, kinds) -> ListingFilters:
    """Read ``kind`` and ``fiscal_year`` from ``request.GET``, dropping what is not valid."""
    return ListingFilters(
        kind=choice_param(request.GET.get("kind"), kinds),
        fiscal_year=fiscal_year_param(request.GET.get("fiscal_year")),
    )


class FilteredIndexPage(ThgovIndexPage):
    """An index page whose listing is filtered by kind and fiscal year, with the choices for its form."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ThgovIndexPage.content_panels + [FieldPanel("intro")]
    search_fields = ThgovIndexPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def kind_choices(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def filters(self, request) -> ListingFilters:
        """The valid filters of this request, read once per request."""
        if getattr(request, "_thgov_listing_filters", None) is None:
            kinds = [value for value, _label in self.kind_choices()]
            request._thgov_listing_filters = listing_filters(request, kinds)
        return request._thgov_listing_filters

    def available_fiscal_years(self, request) -> list[int]:
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.filters(request)
        fiscal_years = self.available_fiscal_years(request)
        if filters.fiscal_year and filters.fiscal_year not in fiscal_years:
            fiscal_years = sorted([*fiscal_years, filters.fiscal_year], reverse=True)
        query = {"kind": filters.kind, "fiscal_year": filters.fiscal_year}
        context.update(
            {
                "filters": filters,
                "filter_query": urlencode({key: value for key, value in query.items() if value}),
                "kind_choices": self.kind_choices(),
                "fiscal_years": fiscal_years,
            }
        )
        return context


# --- News --------------------------------------------------------------------------------------


class NewsKind(models.TextChoices):
    """Kinds of news a municipality publishes."""

    PR = "pr", _("Public relations news")
    GENERAL = "general", _("General news")
    ACTIVITY = "activity", _("Activity photo news")
    ALERT = "alert", _("Alert or urgent news")


class NewsPage(ThgovPage):
    """One news item: PR, general, activity photos (with a gallery) or an alert."""

    thgov_category = "1.8"
    thgov_required_metadata = ("source",)
    thgov_document_date_field = "news_date"
    thgov_checklist_items = ("GWS-B10",)
    thgov_schema_type = "NewsArticle"

    kind = models.CharField(_("kind of news"), max_length=16, choices=NewsKind.choices, default=NewsKind.PR)
    news_date = models.DateField(
        _("news date"), default=timezone.localdate, help_text=_("The date of the news or of the activity.")
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in news lists and on the home page."),
    )
    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("list image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A small picture for news lists. It is decorative there: put meaningful photos in the body."
        ),
    )
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"))
    gallery = StreamField(
        [("gallery", GalleryBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("photo gallery"),
        help_text=_("Required for activity news."),
    )
    attachments = StreamField(
        [("downloads", DocumentDownloadsBlock())], blank=True, verbose_name=_("documents to download")
    )

    content_panels = ThgovPage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("news_date")]),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        FieldPanel("gallery"),
        FieldPanel("attachments"),
    ]
    search_fields = ThgovPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("news_date"),
    ]
    parent_page_types = ["wagtail_thgov.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/news_page.html"
    page_description = _("News: public relations, general, activity photos or an alert.")

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")

    @property
    def is_alert(self) -> bool:
        return self.kind == NewsKind.ALERT

    def clean(self):
        """The fiscal year defaults from the news date; activity news must have its photos."""
        if self.fiscal_year is None:
            self.fiscal_year = fiscal_year_of(self.news_date)
        errors = {}
        if self.kind == NewsKind.ACTIVITY and len(self.gallery) == 0:
            errors["gallery"] = [ValidationError(ACTIVITY_NEEDS_GALLERY)]
        raise_with(errors, super().clean)


class NewsIndexPage(FilteredIndexPage):
    """The news list, filtered by kind and fiscal year, newest first."""

    thgov_category = "1.8"
    subpage_types = ["wagtail_thgov.NewsPage"]
    template = "wagtail_thgov/pages/news_index_page.html"
    page_description = _("The list of news, filtered by kind and fiscal year.")
    listing_image_filter = "fill-400x300"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def kind_choices(self):
        return NewsKind.choices

    def news(self, request=None):
        """The live public news under this index; with ``request``, without a query for the restrictions."""
        return public(NewsPage.objects.child_of(self).live(), request)

    def listing_queryset(self, request):
        """One query for the news and one for their list images' renditions, however many news there are."""
        filters = self.filters(request)
        news = self.news(request)
        if filters.kind:
            news = news.filter(kind=filters.kind)
        if filters.fiscal_year:
            news = news.filter(fiscal_year=filters.fiscal_year)
        return (
            news.select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .defer_streamfields()  # a card shows the title, date, summary and image, not the body
            .order_by("-news_date", "-first_published_at", "-pk")
        )

    def available_fiscal_years(self, request):
        years = (
            self.news(request)
            .exclude(fiscal_year=None)
            .order_by("-fiscal_year")
            .values_list("fiscal_year", flat=True)
        )
        return list(years.distinct())


# --- Announcements ------------------------------------------------------------------------------


class AnnouncementPage(ThgovPage):
    """What every announcement has: its date (the fiscal year defaults from it), details and documents."""

    thgov_category = "1.8"
    thgov_required_metadata = ("source", "fiscal_year", "files")
    thgov_document_date_field = "announcement_date"

    announcement_date = models.DateField(_("announcement date"), default=timezone.localdate)
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("details"))
    documents = StreamField(
        [("downloads", DocumentDownloadsBlock())],
        blank=True,
        verbose_name=_("documents"),
        help_text=_("The signed announcement and its attachments, e.g. as PDF."),
    )

    search_fields = ThgovPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("announcement_date"),
    ]
    parent_page_types = ["wagtail_thgov.AnnouncementIndexPage"]
    subpage_types: list[str] = []
    # Kind code for the announcements index filter (``?kind=job``).
    announcement_kind = ""

    class Meta:
        abstract = True

    @property
    def listing_facts(self) -> list[tuple[str, str]]:
        """``(label, text)`` pairs that sum the announcement up in lists; each type adds its own."""
        return []

    def default_fiscal_year(self):
        """The fiscal year an announcement belongs to when the uploader leaves it empty."""
        return fiscal_year_of(self.announcement_date)

    def announcement_errors(self) -> dict:
        """Field errors of the specific announcement type; override to add checks."""
        return {}

    def clean(self):
        if self.fiscal_year is None:
            self.fiscal_year = self.default_fiscal_year()
        raise_with(self.announcement_errors(), super().clean)


class ApplicationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet open")
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Closed")


class JobAnnouncementPage(AnnouncementPage):
    """A job recruitment notice (ประกาศรับสมัครงาน) with its application period."""

    thgov_checklist_items = ("GWS-B12",)
    announcement_kind = "job"
    # A default publication period may count from the close of applications (core.categories).
    thgov_period_end_field = "application_end"

    positions = models.TextField(
        _("positions"), help_text=_("Each position and how many people are hired, one per line.")
    )
    application_start = models.DateField(_("applications open"))
    application_end = models.DateField(_("applications close"))

    content_panels = ThgovPage.content_panels + [
        FieldPanel("announcement_date"),
        FieldPanel("positions"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("application_start"), FieldPanel("application_end")])],
            heading=_("Application period"),
        ),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    search_fields = AnnouncementPage.search_fields + [index.SearchField("positions")]
    template = "wagtail_thgov/pages/job_announcement_page.html"
    page_description = _("A job recruitment notice with its application period.")

    class Meta:
        verbose_name = _("job announcement")
        verbose_name_plural = _("job announcements")

    def application_status(self, today=None) -> str:
        """Whether applications are not yet open, open or closed on ``today`` (Bangkok time)."""
        today = today or timezone.localdate()
        if today < self.application_start:
            return ApplicationStatus.UPCOMING
        if today > self.application_end:
            return ApplicationStatus.CLOSED
        return ApplicationStatus.OPEN

    @property
    def application_status_label(self):
        return ApplicationStatus(self.application_status()).label

    @property
    def listing_facts(self):
        period = f"{thai_date(self.application_start)} – {thai_date(self.application_end)}"
        return [(_("Application period"), period), (_("Status"), self.application_status_label)]

    def announcement_errors(self):
        if self.application_start and self.application_end and self.application_end < self.application_start:
            return {"application_end": [ValidationError(END_BEFORE_START)]}
        return {}


# Kinds of announcement: filter code -> model label. Procurement models live in procurement.py,
# which imports this module, so they are named here and resolved when a listing runs.
ANNOUNCEMENT_KINDS = (
    ("job", "wagtail_thgov.JobAnnouncementPage"),
    ("procurement", "wagtail_thgov.ProcurementAnnouncementPage"),
    ("result", "wagtail_thgov.ProcurementResultPage"),
    ("summary", "wagtail_thgov.ProcurementSummaryPage"),
)


def announcement_models(kind=None) -> list[type[AnnouncementPage]]:
    """The announcement page models, or the one of ``kind``."""
    return [apps.get_model(label) for code, label in ANNOUNCEMENT_KINDS if kind in (None, code)]


def announcements(pages):
    """``pages`` narrowed to announcements, annotated with their date and fiscal year, newest first.

    One query whatever the mix of types: the date and fiscal year come from the child tables
    through joins, and the same joins bring each page's own fields (``select_related`` of the child
    links), so ``typed_announcements`` turns a slice of it into the typed pages without another query.
    """
    models_ = announcement_models()

    def across_types(field):
        return Coalesce(*[F(f"{model._meta.model_name}__{field}") for model in models_])

    return (
        pages.type(*models_)
        .select_related(*[model._meta.model_name for model in models_])
        .annotate(
            announced_on=across_types("announcement_date"),
            announced_fiscal_year=across_types("fiscal_year"),
        )
        .order_by("-announced_on", "-first_published_at", "-pk")
    )


def _typed_from_join(page, models_):
    """The typed page that ``announcements()``'s joins brought along with ``page``, or ``None``."""
    for model in models_:
        child = page._state.fields_cache.get(model._meta.model_name)
        if child is not None:
            return child
    return None


def typed_announcements(pages) -> list:
    """The announcement pages of ``pages`` as their own types, in order.

    Pages from ``announcements()`` carry their typed row already (no query); any other page is typed
    with one query per announcement type, so the number of queries never depends on the mix of types.
    """
    pages = list(pages)
    if not pages:
        return []
    models_ = announcement_models()
    typed = {}
    for page in pages:
        child = _typed_from_join(page, models_)
        if child is not None:
            typed[page.pk] = child
    missing = [page.pk for page in pages if page.pk not in typed]
    if missing:
        for model in models_:
            typed.update(model.objects.in_bulk(missing))
    return [typed[pk] for pk in (page.pk for page in pages) if pk in typed]


class AnnouncementIndexPage(FilteredIndexPage):
    """Announcements (ประกาศ): jobs, procurement, procurement results and monthly summaries."""

    thgov_category = "1.8"
    subpage_types = [label for _code, label in ANNOUNCEMENT_KINDS]
    template = "wagtail_thgov/pages/announcement_index_page.html"
    page_description = _("The list of announcements: jobs, procurement, results and monthly summaries.")

    class Meta:
        verbose_name = _("announcements index")
        verbose_name_plural = _("announcements indexes")

    def kind_choices(self):
        return [(code, apps.get_model(label)._meta.verbose_name_plural) for code, label in ANNOUNCEMENT_KINDS]

    def announcements(self, request=None):
        return announcements(public(Page.objects.child_of(self).live(), request))

    def listing_queryset(self, request):
        """Announcements of the chosen kind and fiscal year, as base pages (``paginate`` types them)."""
        filters = self.filters(request)
        pages = self.announcements(request)
        if filters.kind:
            pages = pages.type(*announcement_models(filters.kind))
        if filters.fiscal_year:
            pages = pages.filter(announced_fiscal_year=filters.fiscal_year)
        return pages

    def paginate(self, request, queryset):
        listing = super().paginate(request, queryset)
        listing.object_list = typed_announcements(listing.object_list)
        return listing

    def available_fiscal_years(self, request):
        years = (
            self.announcements(request)
            .exclude(announced_fiscal_year=None)
            .order_by("-announced_fiscal_year")
            .values_list("announced_fiscal_year", flat=True)
        )
        return list(years.distinct())


def raise_with(errors: dict, super_clean):
    """Run ``super_clean`` and raise its field errors together with ``errors``, so that all show at once."""
    try:
        super_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
