"""e-Services (§1.9): the list of online services and one page per service.

A placeholder for now: the e-Service issue turns ``EServicePage`` into a request form with
tracking codes; the fields here are what a citizen needs to know before asking.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import ThgovIndexPage, ThgovPage

INTRO_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class EServiceKind(models.TextChoices):
    """What a citizen asks for through an e-Service."""

    COMPLAINT = "complaint", _("Complaint or grievance")
    INFORMATION_REQUEST = "information_request", _("Request for official information (OIA s.11)")
    SERVICE_REQUEST = "service_request", _("Service request")


class EServicePage(ThgovPage):
    """One online service: what it is for, who handles it and how many days they promise."""

    thgov_category = "1.9"
    thgov_required_metadata = ("responsible_department",)
    thgov_checklist_items = ("GWS-I06",)
    thgov_schema_type = "WebPage"

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    service_kind = models.CharField(_("kind of service"), max_length=32, choices=EServiceKind.choices)
    responsible_unit = models.CharField(
        _("responsible unit"), max_length=255, help_text=_("The office or section that handles the requests.")
    )
    promised_days = models.PositiveSmallIntegerField(
        _("promised working days"),
        validators=[MinValueValidator(1)],
        help_text=_("Within how many working days the citizen gets an answer."),
    )

    content_panels = ThgovPage.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("service_kind"), FieldPanel("promised_days")]),
        FieldPanel("responsible_unit"),
    ]
    search_fields = ThgovPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("responsible_unit"),
        index.FilterField("service_kind"),
    ]
    parent_page_types = ["wagtail_thgov.EServiceIndexPage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/eservice_page.html"
    page_description = _("An online service: complaint, information request or service request.")

    class Meta:
        verbose_name = _("e-Service")
        verbose_name_plural = _("e-Services")


class EServiceIndexPage(ThgovIndexPage):
    """The list of e-Services, in the order the webmaster arranged them."""

    thgov_category = "1.9"
    thgov_checklist_items = ("GWS-I06",)

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ThgovIndexPage.content_panels + [FieldPanel("intro")]
    search_fields = ThgovIndexPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    subpage_types = ["wagtail_thgov.EServicePage"]
    max_count_per_parent = 1
    template = "wagtail_thgov/pages/eservice_index_page.html"
    page_description = _("The list of online services for citizens.")

    class Meta:
        verbose_name = _("e-Services index")
        verbose_name_plural = _("e-Services indexes")

    def listing_queryset(self, request):
        """Live e-Services in menu order, in one query."""
        return EServicePage.objects.child_of(self).live().public().order_by("path")
