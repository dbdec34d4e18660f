"""Category 1.1, agency information (ข้อมูลหน่วยงาน): history, vision, mission, powers and duties,
structure, people, plans, budget, reports and contact channels."""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import BODY_BLOCKS, ContactCardBlock, DocumentLinkBlock, ImageWithCaptionBlock
from ..people.models import Person, Side, group_people
from .base import SingleDocumentMixin, ThgovIndexPage, ThgovPage

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]
HOME = "wagtail_thgov.MunicipalityHomePage"
AGENCY_INDEX = "wagtail_thgov.AgencyIndexPage"


class AgencyIndexPage(ThgovIndexPage):
    """The agency section: its pages about the municipality, then its plans and reports in a table."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ThgovIndexPage.content_panels + [FieldPanel("intro")]
    search_fields = ThgovIndexPage.search_fields + [index.SearchField("intro")]

    thgov_category = "1.1"
    thgov_checklist_items = ()
    thgov_schema_type = "CollectionPage"
    parent_page_types = [HOME]
    subpage_types = [
        "wagtail_thgov.AgencyInfoPage",
        "wagtail_thgov.OrganisationStructurePage",
        "wagtail_thgov.PersonnelDirectoryPage",
        "wagtail_thgov.PlanDocumentPage",
        "wagtail_thgov.ContactPage",
    ]
    max_count_per_parent = 1
    template = "wagtail_thgov/pages/agency_index_page.html"
    page_description = _("The agency information section (ข้อมูลหน่วยงาน).")

    class Meta:
        verbose_name = _("agency information section")
        verbose_name_plural = _("agency information sections")

    def listing_queryset(self, request):
        """Plans and reports, newest fiscal year first, optionally of one kind or year (``?kind=``, ``?year=``)."""
        plans = (
            PlanDocumentPage.objects.child_of(self)
            .live()
            .public()
            .select_related("document")
            .defer_streamfields()
            .order_by("-fiscal_year", "kind", "title")
        )
        kind = request.GET.get("kind")
        if kind in PlanKind.values:
            plans = plans.filter(kind=kind)
        year = request.GET.get("year", "")
        if year.isdigit():
            plans = plans.filter(fiscal_year=int(year))
        return plans

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The section's other pages in the editor's tree order; titles and links need no specific fields.
        context["sections"] = self.get_children().live().public().not_type(PlanDocumentPage).order_by("path")
        context["fiscal_years"] = (
            PlanDocumentPage.objects.child_of(self)
            .live()
            .public()
            .exclude(fiscal_year=None)
            .order_by("-fiscal_year")
            .values_list("fiscal_year", flat=True)
            .distinct()
        )
        context["plan_kinds"] = PlanKind.choices
        filters = {name: request.GET.get(name, "") for name in ("kind", "year")}
        context["selected_kind"], context["selected_year"] = filters["kind"], filters["year"]
        context["filter_query"] = urlencode({name: value for name, value in filters.items() if value})
        return context


class AgencyInfoKind(models.TextChoices):
    """What an agency information page is about."""

    HISTORY = "history", _("History")
    GENERAL = "general", _("General information")
    VISION = "vision", _("Vision")
    MISSION = "mission", _("Mission")
    POWERS_AND_DUTIES = "powers_duties", _("Powers and duties")
    POLICY = "policy", _("Executives' policy")


class AgencyInfoPage(ThgovPage):
    """History, vision, mission, powers and duties or policy, written as sections."""

    kind = models.CharField(_("kind"), max_length=16, choices=AgencyInfoKind.choices)
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("sections"))

    content_panels = ThgovPage.content_panels + [FieldPanel("kind"), FieldPanel("body")]
    search_fields = ThgovPage.search_fields + [index.SearchField("body"), index.FilterField("kind")]

    thgov_category = "1.1"
    thgov_required_metadata = ("source",)
    thgov_checklist_items = ()
    thgov_schema_type = "AboutPage"
    parent_page_types = [AGENCY_INDEX]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/agency_info_page.html"
    page_description = _("History, vision, mission, powers and duties or policy of the municipality.")

    class Meta:
        verbose_name = _("agency information page")
        verbose_name_plural = _("agency information pages")


class PeopleListingMixin:
    """Lists the people of the page's own site (of one side if the page has a ``side``) in two queries:
    the people with their photos, then the photos' renditions."""

    def people(self):
        site = self.get_site()
        if site is None:
            return []
        people = Person.objects.for_site(site).with_photos()
        side = getattr(self, "side", "")
        if side:
            people = people.filter(side=side)
        return list(people)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people_groups"] = group_people(self.people())
        return context


class OrganisationStructurePage(PeopleListingMixin, ThgovPage):
    """The organisation structure: units of the political and the permanent side with their people.

    People are the site's Person snippets, grouped by their side and office, so a change of
    position is made once and shows here and in the directory alike.
    """

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    chart = StreamField(
        [("image", ImageWithCaptionBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("organisation chart"),
        help_text=_("An optional picture of the structure chart, with alt text describing it."),
    )

    content_panels = ThgovPage.content_panels + [FieldPanel("intro"), FieldPanel("chart")]
    search_fields = ThgovPage.search_fields + [index.SearchField("intro")]

    thgov_category = "1.1"
    thgov_checklist_items = ()
    thgov_schema_type = "AboutPage"
    parent_page_types = [AGENCY_INDEX]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "wagtail_thgov/pages/organisation_structure_page.html"
    page_description = _(
        "The structure of the municipality: political and permanent side, offices and people."
    )

    class Meta:
        verbose_name = _("organisation structure page")
        verbose_name_plural = _("organisation structure pages")


class PersonnelDirectoryPage(PeopleListingMixin, ThgovPage):
    """A directory of executives and personnel with photo, position and contact, from the site's people."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    side = models.CharField(
        _("people shown"),
        max_length=16,
        choices=Side.choices,
        blank=True,
        help_text=_(
            "Leave empty to list everyone; choose a side for a page of executives or of officers only."
        ),
    )

    content_panels = ThgovPage.content_panels + [FieldPanel("intro"), FieldPanel("side")]
    search_fields = ThgovPage.search_fields + [index.SearchField("intro")]

    thgov_category = "1.1"
    thgov_checklist_items = ()
    parent_page_types = [AGENCY_INDEX]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/personnel_directory_page.html"
    page_description = _("A directory of executives and personnel, with photos and contact details.")

    class Meta:
        verbose_name = _("personnel directory page")
        verbose_name_plural = _("personnel directory pages")


class PlanKind(models.TextChoices):
    """Plans, budgets and reports a local administration must publish."""

    STRATEGY = "strategy", _("Strategic plan")
    DEVELOPMENT_PLAN = "development_plan", _("Local development plan")
    ACTION_PLAN = "action_plan", _("Action plan")
    BUDGET = "budget", _("Annual budget ordinance")
    PROCUREMENT_PLAN = "procurement_plan", _("Procurement plan")
    PERFORMANCE_AGREEMENT = "performance_agreement", _("Performance agreement")
    SIX_MONTH_REPORT = "six_month_report", _("Six-month performance report")
    ANNUAL_REPORT = "annual_report", _("Annual performance report")


FISCAL_YEAR_MISSING = _("Give the fiscal year (B.E.) this plan or report is for, for example 2568.")
DOCUMENT_MISSING = _("Attach the plan or report itself, for example its PDF.")


class PlanDocumentPage(SingleDocumentMixin, ThgovPage):
    """A plan, budget ordinance or performance report of one fiscal year, with its document."""

    kind = models.CharField(_("kind"), max_length=24, choices=PlanKind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The plan or report itself."),
    )
    approved_on = models.DateField(
        _("date approved or announced"),
        null=True,
        blank=True,
        help_text=_("Shown as the publication date of the document."),
    )
    summary = RichTextField(_("summary"), blank=True, features=INTRO_FEATURES)
    extra_documents = StreamField(
        [("document", DocumentLinkBlock())],
        blank=True,
        verbose_name=_("other documents"),
        help_text=_("Annexes, spreadsheets or earlier versions to download."),
    )

    content_panels = ThgovPage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("approved_on")]),
        FieldPanel("document"),
        FieldPanel("summary"),
        FieldPanel("extra_documents"),
    ]
    search_fields = ThgovPage.search_fields + [index.SearchField("summary"), index.FilterField("kind")]

    thgov_category = "1.1"
    thgov_required_metadata = ("source", "fiscal_year", "files")
    thgov_document_date_field = "approved_on"
    thgov_checklist_items = ()
    thgov_schema_type = "DigitalDocument"
    parent_page_types = [AGENCY_INDEX]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/plan_document_page.html"
    page_description = _("A plan, budget ordinance or performance report of one fiscal year, with its file.")

    class Meta:
        verbose_name = _("plan or report")
        verbose_name_plural = _("plans and reports")

    def validation_errors(self):
        """A plan is always of a fiscal year and always has its document."""
        errors = super().validation_errors()
        if self.fiscal_year is None:
            errors.setdefault("fiscal_year", []).append(FISCAL_YEAR_MISSING)
        if self.document_id is None:
            errors.setdefault("document", []).append(DOCUMENT_MISSING)
        return errors


class ContactPage(ThgovPage):
    """How to reach the municipality: its contact card from the site settings, offices and a map link."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    map_link = models.URLField(
        _("map link"),
        blank=True,
        help_text=_("Leave empty to use the map link of the municipality settings."),
    )
    offices = StreamField(
        [("contact", ContactCardBlock())],
        blank=True,
        verbose_name=_("other offices"),
        help_text=_(
            "Contact cards of offices with their own telephone or address, such as the health centre."
        ),
    )

    content_panels = ThgovPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("map_link"),
        FieldPanel("offices"),
    ]
    search_fields = ThgovPage.search_fields + [index.SearchField("intro")]

    thgov_category = "1.1"
    thgov_required_metadata = ("source",)
    thgov_checklist_items = ()
    thgov_schema_type = "ContactPage"
    parent_page_types = [AGENCY_INDEX, HOME]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "wagtail_thgov/pages/contact_page.html"
    page_description = _("Contact channels of the municipality, from its settings, and a map link.")

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")
