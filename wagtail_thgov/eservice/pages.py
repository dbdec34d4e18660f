"""e-Services (§1.9): the list of online services and one page per service.

An ``EServicePage`` is a Wagtail form-builder page: the webmaster adds the questions (``form_fields``),
and every form also asks for the citizen's contact details, optional attachments and the PDPA consent,
which cannot be removed. Submissions become ``eservice.ServiceRequest`` rows with a tracking code.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.fields import RichTextField
from wagtail.search import index

from ..pages.base import ThgovIndexPage, ThgovPage
from ..publishing.forms import ThgovPageForm
from .forms import FIXED_FIELDS, EServiceFormBuilder
from .submission import create_request, serve_eservice_page
from .uploads import DEFAULT_EXTENSIONS, DEFAULT_MAX_MB, SUPPORTED, parse_extensions

INTRO_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class EServiceKind(models.TextChoices):
    """What a citizen asks for through an e-Service."""

    COMPLAINT = "complaint", _("Complaint or grievance")
    INFORMATION_REQUEST = "information_request", _("Request for official information (OIA s.11)")
    SERVICE_REQUEST = "service_request", _("Service request")


def validate_extensions(value):
    """Only file types whose content the site can check may be allowed."""
    unknown = [extension for extension in parse_extensions(value) if extension not in SUPPORTED]
    if unknown:
        raise ValidationError(
            _("These file types cannot be accepted: %(unknown)s. Choose from: %(supported)s."),
            params={"unknown": ", ".join(unknown), "supported": ", ".join(SUPPORTED)},
        )


class EServiceFormField(AbstractFormField):
    """One question of an e-Service form (Wagtail's form builder field)."""

    page = ParentalKey("wagtail_thgov.EServicePage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class EServicePageForm(ThgovPageForm, WagtailAdminFormPageForm):
    """The thgov page checks, the form builder's duplicate-field check, and no question may take the
    name of a part every e-Service form has (name, contact, attachments, consent, the robot trap)."""

    def clean(self):

        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset is not None else []:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            name = form.instance.clean_name or form.instance.get_field_clean_name()
            if name in FIXED_FIELDS:
                form.add_error(
                    "label", _("Every e-Service form already has this item: choose another label.")
                )
        return cleaned_data


class EServicePage(FormMixin, ThgovPage):
    """One online service: its form, who handles it, how many working days they promise, what files
    citizens may attach and the privacy notice they consent to."""

    thgov_category = "1.9"
    thgov_required_metadata = ("responsible_department",)
    thgov_checklist_items = ()
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
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_(
            "What personal data this service collects, why, and for how long (PDPA). Citizens must "
            "consent to it before they can send the form."
        ),
    )
    allowed_extensions = models.CharField(
        _("allowed attachment types"),
        max_length=100,
        blank=True,
        default=DEFAULT_EXTENSIONS,
        validators=[validate_extensions],
        help_text=_(
            "File extensions separated by commas, e.g. pdf, jpg, png. Leave empty for no attachments."
        ),
    )
    max_attachment_mb = models.PositiveSmallIntegerField(
        _("largest attachment (MB)"),
        default=DEFAULT_MAX_MB,
        validators=[MinValueValidator(1), MaxValueValidator(25)],
    )
    notify_email = models.EmailField(
        _("notify this e-mail address"),
        blank=True,
        help_text=_(
            "New requests are announced to this address. Leave empty to notify the department's "
            "e-mail address, or else the site's webmasters."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you message"), blank=True, features=INTRO_FEATURES, help_text=_("Shown after sending.")
    )

    base_form_class = EServicePageForm
    content_panels = ThgovPage.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("service_kind"), FieldPanel("promised_days")]),
        FieldPanel("responsible_unit"),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("Form field")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("allowed_extensions"), FieldPanel("max_attachment_mb")]),
                FieldPanel("privacy_notice"),
                FieldPanel("notify_email"),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Attachments, privacy and notification"),
        ),
    ]
    search_fields = ThgovPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("responsible_unit"),
        index.FilterField("service_kind"),
    ]
    parent_page_types = ["wagtail_thgov.EServiceIndexPage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/eservice_page.html"
    landing_page_template = "wagtail_thgov/pages/eservice_page_landing.html"
    page_description = _("An online service: complaint, information request or service request.")

    class Meta:
        verbose_name = _("e-Service")
        verbose_name_plural = _("e-Services")

    form_builder = EServiceFormBuilder

    def get_form_class(self):
        return self.form_builder(self.get_form_fields(), page=self).get_form_class()

    @property
    def extensions(self) -> list[str]:
        return [
            extension for extension in parse_extensions(self.allowed_extensions) if extension in SUPPORTED
        ]

    def serve(self, request, *args, **kwargs):

        return serve_eservice_page(self, request)

    def process_form_submission(self, form):

        return create_request(self, form)


class EServiceIndexPage(ThgovIndexPage):
    """The list of e-Services, in the order the webmaster arranged them."""

    thgov_category = "1.9"
    thgov_checklist_items = ()

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
