"""Manuals: staff operating manuals (§1.6) and citizen's manuals with their forms (§1.7).

A citizen's manual follows the format of the Licensing Facilitation Act B.E. 2558
(พ.ร.บ.การอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558): what a citizen must know
before applying — channels and hours, conditions, steps with their durations and the total,
documents, fees and where to complain.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import BODY_BLOCKS, DocumentDownloadsBlock, ProcessStepsBlock
from ..blocks.durations import duration_text
from .base import ThgovIndexPage, ThgovPage

INTRO_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

NO_FEES = _("List the fees, or tick “free of charge” if the service costs nothing.")
FEES_AND_FREE = _("A free service has no fees: remove the fees or untick “free of charge”.")
NO_DOCUMENT_COUNT = _("Say how many originals or copies the applicant brings (at least one).")


class ServiceCategory(models.TextChoices):
    """Kinds of service in the citizen's manual template (หมวดหมู่ของงานบริการ)."""

    LICENCE = "licence", _("Licence or permit")
    REGISTRATION = "registration", _("Registration")
    NOTIFICATION = "notification", _("Notification")
    CERTIFICATION = "certification", _("Certification")
    WELFARE = "welfare", _("Welfare or allowance")
    OTHER = "other", _("Other service")


class ServiceChannelBlock(blocks.StructBlock):
    """Where or how the service is given, and when (ช่องทางการให้บริการ)."""

    place = blocks.CharBlock(
        label=_("Place or channel"),
        max_length=255,
        help_text=_(
            "For example: Civil registration counter, ground floor of the municipal office; or a website."
        ),
    )
    hours = blocks.CharBlock(
        label=_("Service hours"),
        max_length=255,
        help_text=_("For example: Monday to Friday, 08:30–16:30, except public holidays."),
    )
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=255)

    class Meta:
        icon = "site"
        label = _("Service channel")
        label_format = "{place}"


class RequiredDocumentBlock(blocks.StructBlock):
    """One document the applicant brings: who issues it and how many originals and copies."""

    name = blocks.CharBlock(label=_("Document"), max_length=255)
    issuer = blocks.CharBlock(
        label=_("Issued by"),
        required=False,
        max_length=255,
        help_text=_("The agency that issues the document."),
    )
    originals = blocks.IntegerBlock(label=_("Originals"), min_value=0, default=1)
    copies = blocks.IntegerBlock(label=_("Copies"), min_value=0, default=0)
    remark = blocks.CharBlock(label=_("Remark"), required=False, max_length=255)

    class Meta:
        icon = "doc-empty"
        label = _("Required document")
        label_format = "{name}"

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("originals") or value.get("copies")):
            raise StructBlockValidationError(block_errors={"originals": ValidationError(NO_DOCUMENT_COUNT)})
        return value


class FeeBlock(blocks.StructBlock):
    """One fee (ค่าธรรมเนียม) in baht."""

    description = blocks.CharBlock(label=_("Fee for"), max_length=255)
    amount = blocks.DecimalBlock(label=_("Amount (baht)"), min_value=0, decimal_places=2, max_digits=12)
    remark = blocks.CharBlock(label=_("Remark"), required=False, max_length=255)

    class Meta:
        icon = "tag"
        label = _("Fee")
        label_format = "{description}"


def process_field(help_text):
    """A StreamField holding exactly one ProcessStepsBlock (steps with durations and their total)."""
    return StreamField(
        [("process_steps", ProcessStepsBlock())],
        min_num=1,
        max_num=1,
        verbose_name=_("steps and durations"),
        help_text=help_text,
    )


def downloads_field(verbose_name, help_text=""):
    """An optional StreamField of document lists; each file's type and size is shown with its link."""
    return StreamField(
        [("downloads", DocumentDownloadsBlock())], blank=True, verbose_name=verbose_name, help_text=help_text
    )


class ManualPage(ThgovPage):
    """What both kinds of manual share: the responsible unit and the steps with their total duration."""

    thgov_required_metadata = ("source", "responsible_department")
    thgov_schema_type = "HowTo"

    responsible_unit = models.CharField(
        _("responsible unit"),
        max_length=255,
        help_text=_(
            "The office or section that gives this service, e.g. Civil registration, Office of the Clerk."
        ),
    )
    process = process_field(_("Each step with its duration; the total is added up for you."))

    search_fields = ThgovPage.search_fields + [
        index.SearchField("responsible_unit"),
        index.FilterField("responsible_unit"),
    ]

    class Meta:
        abstract = True

    @property
    def process_steps(self):
        """The process steps value (``.steps``, ``.total``), or ``None`` before steps are entered."""
        for block in self.process:
            return block.value
        return None

    @property
    def total_duration_text(self) -> str:
        """The total time of all steps in words, ``"1 day 30 minutes"``; empty when no step has a duration."""
        steps = self.process_steps
        return duration_text(steps.total) if steps else ""


class ManualIndexPage(ThgovIndexPage):
    """A paginated list of manuals of one kind, each with its responsible unit and total duration."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ThgovIndexPage.content_panels + [FieldPanel("intro")]
    search_fields = ThgovIndexPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    max_count_per_parent = 1
    manual_model: type[ManualPage]

    class Meta:
        abstract = True

    def listing_queryset(self, request):
        """Live manuals of this index in one query, alphabetical: readers look a service up by name."""
        return self.manual_model.objects.child_of(self).live().public().order_by("title", "pk")


class OperatingManualPage(ManualPage):
    """A staff operating manual or standard operating procedure (คู่มือการปฏิบัติงาน, §1.6)."""

    thgov_category = "1.6"
    thgov_checklist_items = ("s9(4)",)

    purpose = RichTextField(
        _("purpose and scope"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("What the work is for and which cases this manual covers."),
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("further details"))
    documents = downloads_field(_("documents"), _("The manual as a file, and forms the staff use."))

    content_panels = ThgovPage.content_panels + [
        FieldPanel("responsible_unit"),
        FieldPanel("purpose"),
        FieldPanel("process"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    search_fields = ManualPage.search_fields + [index.SearchField("purpose"), index.SearchField("body")]
    parent_page_types = ["wagtail_thgov.OperatingManualIndexPage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/operating_manual_page.html"
    page_description = _("A staff operating manual: steps with durations and the total time.")

    class Meta:
        verbose_name = _("operating manual")
        verbose_name_plural = _("operating manuals")


class CitizenManualPage(ManualPage):
    """A citizen's manual in the format of the Licensing Facilitation Act B.E. 2558 (คู่มือสำหรับประชาชน, §1.7).

    The page title is the service name (ชื่อกระบวนงาน).
    """

    thgov_category = "1.7"
    thgov_checklist_items = ("s9(4)",)

    central_agency = models.CharField(
        _("central agency owning the process"),
        max_length=255,
        blank=True,
        help_text=_("For example the Department of Provincial Administration, for civil registration."),
    )
    service_category = models.CharField(
        _("kind of service"), max_length=16, choices=ServiceCategory.choices, blank=True
    )
    legal_basis = models.TextField(
        _("legal basis"),
        help_text=_("The laws and regulations that give the power to grant this service, one per line."),
    )
    channels = StreamField(
        [("channel", ServiceChannelBlock())],
        min_num=1,
        verbose_name=_("service channels and hours"),
        help_text=_("Where people apply, and when."),
    )
    criteria = RichTextField(
        _("criteria, methods and conditions"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("Who may apply and under which conditions; leave empty if there are none."),
    )
    required_documents = StreamField(
        [("document", RequiredDocumentBlock())],
        min_num=1,
        verbose_name=_("required documents"),
        help_text=_("Every document the applicant brings, with who issues it and how many."),
    )
    free_of_charge = models.BooleanField(_("free of charge"), default=False)
    fees = StreamField(
        [("fee", FeeBlock())],
        blank=True,
        verbose_name=_("fees"),
        help_text=_("Each fee in baht; tick “free of charge” instead if the service costs nothing."),
    )
    complaint_channels = RichTextField(
        _("complaint and suggestion channels"),
        features=["bold", "ol", "ul", "link"],
        help_text=_("Where to complain or make a suggestion about this service: office, telephone, website."),
    )
    forms = downloads_field(
        _("forms and samples"), _("Application forms, filled-in samples and guides to filling them in.")
    )
    remarks = models.TextField(_("remarks"), blank=True)

    content_panels = [
        TitleFieldPanel("title", heading=_("Service name")),
        MultiFieldPanel(
            [
                FieldPanel("responsible_unit"),
                FieldPanel("central_agency"),
                FieldPanel("service_category"),
                FieldPanel("legal_basis"),
            ],
            heading=_("The service"),
        ),
        FieldPanel("channels"),
        FieldPanel("criteria"),
        FieldPanel("process"),
        FieldPanel("required_documents"),
        MultiFieldPanel([FieldPanel("free_of_charge"), FieldPanel("fees")], heading=_("Fees")),
        FieldPanel("complaint_channels"),
        FieldPanel("forms"),
        FieldPanel("remarks"),
    ]
    search_fields = ManualPage.search_fields + [
        index.SearchField("legal_basis"),
        index.SearchField("criteria"),
        index.FilterField("service_category"),
    ]
    parent_page_types = ["wagtail_thgov.CitizenManualIndexPage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/citizen_manual_page.html"
    page_description = _("A citizen's manual: channels, steps and total time, documents, fees and forms.")

    class Meta:
        verbose_name = _("citizen's manual")
        verbose_name_plural = _("citizen's manuals")

    @property
    def fee_items(self):
        """The fees as block values, in order."""
        return [block.value for block in self.fees]

    def clean(self):
        """Fees are stated either way: a list of fees, or "free of charge" — never neither, never both."""
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        has_fees = len(self.fees) > 0
        if not self.free_of_charge and not has_fees:
            errors.setdefault("fees", []).append(ValidationError(NO_FEES))
        if self.free_of_charge and has_fees:
            errors.setdefault("free_of_charge", []).append(ValidationError(FEES_AND_FREE))
        if errors:
            raise ValidationError(errors)


class OperatingManualIndexPage(ManualIndexPage):
    """The list of staff operating manuals (§1.6)."""

    thgov_category = "1.6"
    manual_model = OperatingManualPage
    subpage_types = ["wagtail_thgov.OperatingManualPage"]
    template = "wagtail_thgov/pages/manual_index_page.html"  # Wagtail does not inherit a page template
    page_description = _("The list of staff operating manuals.")

    class Meta:
        verbose_name = _("operating manuals index")
        verbose_name_plural = _("operating manuals indexes")


class CitizenManualIndexPage(ManualIndexPage):
    """The list of citizen's manuals and forms (§1.7)."""

    thgov_category = "1.7"
    manual_model = CitizenManualPage
    subpage_types = ["wagtail_thgov.CitizenManualPage"]
    template = "wagtail_thgov/pages/manual_index_page.html"
    page_description = _("The list of citizen's manuals and their forms.")

    class Meta:
        verbose_name = _("citizen's manuals index")
        verbose_name_plural = _("citizen's manuals indexes")
