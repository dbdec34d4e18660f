"""The metadata every thgov page carries (guideline: source/owner, data period, publication date,
file type and file size), and the snippet of organisations and departments it points to."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from ..core.categories import register_page_type


class SourceKind(models.TextChoices):
    """Whether a source is part of the municipality or outside it."""

    DEPARTMENT = "department", _("Department of this municipality")
    AGENCY = "agency", _("Other government agency")
    OTHER = "other", _("Other organisation")


class InformationSource(index.Indexed, models.Model):
    """An organisation or department that owns or supplies information (a reusable snippet).

    ``site`` scopes a municipality's own departments; a source without a site (for example
    the Royal Gazette) is shared by every municipality on the installation.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leave empty for a source shared by every site on this installation."),
    )
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(
        _("kind"), max_length=16, choices=SourceKind.choices, default=SourceKind.DEPARTMENT
    )
    url = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telephone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("url"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("information source")
        verbose_name_plural = _("information sources")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="thgov_unique_source_per_site")]

    def __str__(self):
        return self.name


class PageKeyword(TaggedItemBase):
    """Keywords (django-taggit) of any thgov page."""

    content_object = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="thgov_keyword_items"
    )

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")


class Licence(models.TextChoices):
    """Licences Thai agencies publish under; Open Data Common is DGA's default for open data."""

    OPEN_DATA_COMMON = "odc", _("Open Data Common")
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    ALL_RIGHTS_RESERVED = "reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
}


def publication_date(document_date, first_published_at, go_live_at):
    """The publication date of a page: the document's own date (announced on, enacted on…) where the page
    type has one and it is filled, else when the page was first published, else when it is due to go
    live. ``GovMetadataMixin.publication_date`` and the compliance evidence (from rows) both use this."""
    return document_date or first_published_at or go_live_at


class GovMetadataMixin(models.Model):
    """Fields every thgov page type has; derived facts (dates, files) live in ``metadata.files``.

    Class attributes a page type sets:
    ``thgov_category`` (``"1.1"`` … ``"1.10"``), ``thgov_required_metadata`` (rule names from
    ``metadata.completeness.RULES`` or names of the page's own fields), ``thgov_document_date_field``
    (a field holding the document's own date, used as the publication date), and
    ``thgov_checklist_items`` (checklist item codes the page type serves by default).
    """

    thgov_category: str | None = None
    thgov_required_metadata: tuple[str, ...] = ("source", "data_period")
    thgov_document_date_field: str | None = None
    thgov_checklist_items: tuple[str, ...] = ()
    thgov_schema_type = "WebPage"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        register_page_type(cls)  # core.categories keeps the table of page types by category

    source_organisation = models.ForeignKey(
        InformationSource,
        verbose_name=_("source or owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_text = models.CharField(
        _("source or owner (free text)"),
        max_length=255,
        blank=True,
        help_text=_("Use when the source is not in the list, or to add detail such as a document number."),
    )
    data_period_start = models.DateField(_("data period from"), null=True, blank=True)
    data_period_end = models.DateField(_("data period to"), null=True, blank=True)
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2500), MaxValueValidator(2700)],
        help_text=_("Buddhist-Era fiscal year, 1 October – 30 September, e.g. 2568."),
    )
    responsible_department = models.ForeignKey(
        InformationSource,
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.CharField(
        _("contact"), max_length=255, blank=True, help_text=_("Name, telephone or e-mail.")
    )
    keywords = ClusterTaggableManager(through=PageKeyword, blank=True, verbose_name=_("keywords"))
    review_by = models.DateField(
        _("review by"), null=True, blank=True, help_text=_("When this information should be checked again.")
    )
    licence = models.CharField(_("licence"), max_length=16, choices=Licence.choices, blank=True)
    checklist_items = ParentalManyToManyField(
        "wagtail_thgov.ChecklistItem",
        verbose_name=_("checklist items"),
        blank=True,
        related_name="+",
        help_text=_(
            "Tick the checklist items this page is evidence for, besides those its page type serves."
        ),
    )

    metadata_panels = [
        MultiFieldPanel(
            [FieldPanel("source_organisation"), FieldPanel("source_text")],
            heading=_("Source or owner of the information"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("data_period_start"), FieldPanel("data_period_end")]),
                FieldPanel("fiscal_year"),
            ],
            heading=_("Period the data covers"),
        ),
        MultiFieldPanel(
            [FieldPanel("responsible_department"), FieldPanel("contact")], heading=_("Responsible department")
        ),
        FieldPanel("keywords"),
        FieldRowPanel([FieldPanel("review_by"), FieldPanel("licence")]),
    ]

    class Meta:
        abstract = True

    @property
    def source_name(self) -> str:
        """The source as one line: the organisation, the free text, or both."""
        parts = [
            str(self.source_organisation) if self.source_organisation_id else "",
            self.source_text.strip(),
        ]
        return " – ".join(part for part in parts if part)

    @property
    def keyword_names(self) -> list[str]:
        """The keywords as text, read once per page instance (the box, JSON-LD and Dublin Core share them)."""
        try:
            return self._thgov_keyword_names
        except AttributeError:
            self._thgov_keyword_names = [tag.name for tag in self.keywords.all()]
            return self._thgov_keyword_names

    @property
    def publication_date(self):
        """The document's own date where the page type has one, else when the page was first published
        (``publication_date``)."""
        document_date = (
            getattr(self, self.thgov_document_date_field, None) if self.thgov_document_date_field else None
        )
        return publication_date(document_date, self.first_published_at, self.go_live_at)

    @property
    def last_updated(self):
        """When the live version was last published."""
        return self.last_published_at or self.latest_revision_created_at

    def validation_errors(self) -> dict[str, list]:
        """Errors per field; a page type adds its own rules by extending ``super().validation_errors()``."""
        errors = {}
        if self.data_period_start and self.data_period_end and self.data_period_end < self.data_period_start:
            errors["data_period_end"] = [_("The end of the data period must not be before its start.")]
        return errors

    def clean(self):
        """Every rule of ``validation_errors`` at once, each message on its own field."""
        super().clean()
        errors = self.validation_errors()
        if errors:
            raise ValidationError(errors)
