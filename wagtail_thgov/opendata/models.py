"""The dataset facet of a page and the site's catalogue defaults.

A page becomes a catalogue entry when its editor adds a dataset in the page's Metadata tab: the dataset
row is a child of the page (a ``ParentalKey``), so it is saved in the page's revisions, goes through the
same completeness check and certification as the page, and is published with it. It holds only what the
page does not already say; every field left empty takes the site's default (``OpenDataSettings``). Title,
description, keywords, source, formats, dates and the organisation come from the page (docs/opendata.md).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from . import schema

CHOICE_LENGTH = 64
FROM_SETTINGS = _("Leave empty to use the site's default (Settings › Open data catalogue).")
# Shown beside the fields whose standing in the schema is not confirmed (schema.PARTIAL / UNCONFIRMED).
NOT_CONFIRMED = _("Not confirmed against the DGA's schema: see docs/opendata.md.")


# The empty choice of a list: the dataset takes the site's default, the site a common value of the list.
NOT_CHOSEN = _("— not chosen: the default —")


def _choice(verbose_name, values, help_text=FROM_SETTINGS, **kwargs):
    kwargs.setdefault("blank", True)
    return models.CharField(
        verbose_name,
        max_length=CHOICE_LENGTH,
        choices=[("", NOT_CHOSEN), *schema.choices(values)],
        help_text=help_text,
        **kwargs,
    )


def _other(verbose_name):
    return models.CharField(
        verbose_name, max_length=255, blank=True, help_text=_("Fill in when you chose “อื่นๆ” (other).")
    )


class CatalogueFields(models.Model):
    """The catalogue fields a page cannot give, shared by a dataset and the site's defaults."""

    data_type = _choice(_("data type (ประเภทชุดข้อมูล)"), schema.DATA_TYPES)
    data_type_other = _other(_("other data type"))
    objective = _choice(_("objective (วัตถุประสงค์)"), schema.OBJECTIVES)
    objective_other = _other(_("other objective"))
    update_frequency_unit = _choice(
        _("update frequency (หน่วยความถี่ของการปรับปรุงข้อมูล)"), schema.UPDATE_FREQUENCY_UNITS
    )
    update_frequency_unit_other = _other(_("other update frequency"))
    update_frequency_interval = models.PositiveSmallIntegerField(
        _("updates per unit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("How many times per unit of time the data is updated, e.g. 1 (once a year)."),
    )
    geo_coverage = _choice(_("geographic coverage (ขอบเขตเชิงภูมิศาสตร์)"), schema.GEO_COVERAGES)
    geo_coverage_other = _other(_("other geographic coverage"))
    data_category = _choice(
        _("data category under data governance (หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ)"),
        schema.DATA_CATEGORIES,
    )
    license_id = _choice(_("licence (License)"), schema.LICENSES)
    license_id_other = _other(_("other licence"))
    maintainer = models.CharField(
        _("contact person (ชื่อผู้ติดต่อ)"),
        max_length=255,
        blank=True,
        help_text=_(
            "A person or a division. Empty: the page's responsible department, else the site's default."
        ),
    )
    maintainer_email = models.EmailField(
        _("contact e-mail (อีเมลผู้ติดต่อ)"),
        blank=True,
        help_text=_("Empty: the responsible department's e-mail, else the site's default."),
    )

    class Meta:
        abstract = True

    def other_text_errors(self) -> dict:
        """A choice of "อื่นๆ" (other) needs its text."""
        errors = {}
        pairs = {name: other for name, other in schema.OTHER_FIELDS.items() if hasattr(self, other)}
        for name, other in pairs.items():
            value = getattr(self, name)
            asks = value == schema.OTHER or (name == "data_type" and value == schema.DATA_TYPE_OTHER)
            if asks and not getattr(self, other).strip():
                errors[other] = [_("Say what the other value is.")]
        return errors

    def clean(self):
        super().clean()
        errors = self.other_text_errors()
        if errors:
            raise ValidationError(errors)


class Dataset(Orderable, CatalogueFields):
    """A page (or one file on it) listed in the site's open data catalogue (issue 22)."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="thgov_datasets")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Empty: the whole page with every file on it is the dataset. Or choose one file of the page."
        ),
    )
    title = models.CharField(
        _("dataset title"),
        max_length=255,
        blank=True,
        help_text=_("Empty: the page's title (and the file's, when a file is chosen)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("document")]),
        FieldRowPanel([FieldPanel("data_type"), FieldPanel("data_type_other")]),
        FieldRowPanel([FieldPanel("objective"), FieldPanel("objective_other")]),
        FieldRowPanel(
            [
                FieldPanel("update_frequency_unit"),
                FieldPanel("update_frequency_interval"),
                FieldPanel("update_frequency_unit_other"),
            ]
        ),
        FieldRowPanel([FieldPanel("geo_coverage"), FieldPanel("geo_coverage_other")]),
        FieldPanel("data_category"),
        FieldRowPanel([FieldPanel("license_id"), FieldPanel("license_id_other")]),
        FieldRowPanel([FieldPanel("maintainer"), FieldPanel("maintainer_email")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self):
        return self.title or str(self.page)


@register_setting(icon="table")
class OpenDataSettings(BaseSiteSetting, CatalogueFields):
    """The site's open data catalogue: its defaults for every dataset, and how it is offered."""

    organisation_name = models.SlugField(
        _("organisation name in the catalogue"),
        max_length=100,
        blank=True,
        help_text=_(
            "Latin letters, digits and hyphens, e.g. bansuandokmai. Empty: made from the site's host name."
        ),
    )
    allow_harvest = models.BooleanField(
        _("allow the GD-Catalog to take the dataset names (allow_harvest)"),
        default=True,
        help_text=NOT_CONFIRMED,
    )
    data_language = _choice(
        _("language of the data (ภาษาที่ใช้)"), schema.DATA_LANGUAGES, help_text="", default=schema.THAI
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("allow_harvest"), FieldPanel("data_language")],
            heading=_("The catalogue"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("data_type"), FieldPanel("data_type_other")]),
                FieldRowPanel([FieldPanel("objective"), FieldPanel("objective_other")]),
                FieldRowPanel(
                    [
                        FieldPanel("update_frequency_unit"),
                        FieldPanel("update_frequency_interval"),
                        FieldPanel("update_frequency_unit_other"),
                    ]
                ),
                FieldRowPanel([FieldPanel("geo_coverage"), FieldPanel("geo_coverage_other")]),
                FieldPanel("data_category"),
                FieldRowPanel([FieldPanel("license_id"), FieldPanel("license_id_other")]),
                FieldRowPanel([FieldPanel("maintainer"), FieldPanel("maintainer_email")]),
            ],
            heading=_("Defaults for every dataset"),
            help_text=_(
                "A dataset takes these values where its editor left a field empty. Left empty here: a "
                "common value of the schema's list (docs/opendata.md)."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("open data catalogue")
        verbose_name_plural = _("open data catalogue")

    # The fallback of each default the site leaves empty: safe values of the schema's lists.
    FALLBACKS = {
        "data_type": "ข้อมูลระเบียน",
        "objective": "พันธกิจหน่วยงาน",
        "update_frequency_unit": "ปี",
        "geo_coverage": schema.MUNICIPALITY_COVERAGE,
        "data_category": schema.PUBLIC_DATA,
        "license_id": schema.OPEN_DATA_COMMON,
        "data_language": schema.THAI,
    }

    def default(self, name):
        """The site's value of catalogue field ``name``, else its fallback."""
        return getattr(self, name) or self.FALLBACKS.get(name, "")
