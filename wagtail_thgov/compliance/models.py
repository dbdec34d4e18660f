"""Standards and their checklist items (shared, loaded from data files), a site's local items and
manual evidence, and the per-site compliance settings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..categories import CATEGORY_CHOICES


class Layout(models.TextChoices):
    """How a standard is laid out in the workbook."""

    CHECKLIST = "checklist", _("Checklist")
    OIT = "oit", _("ITA/OIT submission")


class Standard(models.Model):
    """One edition of a publishing standard (GWS 2.0, OIA s.7, ITA/OIT 2568 …), loaded from a data file."""

    code = models.CharField(_("code"), max_length=32)
    edition = models.CharField(_("edition"), max_length=32)
    short_name = models.CharField(_("short name"), max_length=31)
    title_th = models.CharField(_("title (Thai)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    fiscal_years = models.JSONField(_("fiscal years it applies to (B.E.)"), default=list, blank=True)
    layout = models.CharField(_("layout"), max_length=16, choices=Layout.choices, default=Layout.CHECKLIST)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    note = models.TextField(_("note"), blank=True)
    sources = models.JSONField(_("sources"), default=list, blank=True)
    data_file = models.CharField(_("data file"), max_length=100, blank=True, editable=False)

    class Meta:
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        ordering = ["position", "code", "-edition"]
        constraints = [
            models.UniqueConstraint(fields=["code", "edition"], name="thgov_unique_standard_edition")
        ]
        permissions = [("view_compliance_report", _("Can view the compliance report"))]

    def __str__(self):
        return self.short_name or f"{self.code} {self.edition}"

    @property
    def key(self) -> str:
        """``code:edition``, as the command line and page-type declarations name it."""
        return f"{self.code}:{self.edition}"


class FiscalYearRule(models.TextChoices):
    """Which fiscal year the evidence of an item must be for."""

    ANY = "", _("Any year")
    CURRENT = "current", _("Current fiscal year")
    PREVIOUS = "previous", _("Previous fiscal year or later")


class Confidence(models.TextChoices):
    """How sure the bundled data is about an item (from the reference sheet)."""

    SOURCE = "src", _("Confirmed by a source")
    PARTIAL = "partial", _("source only partly seen")
    RECALL = "recall", _("not found in a source")


class ChecklistItemQuerySet(models.QuerySet):
    def for_site(self, site):
        """Shared items plus the local items of ``site``."""
        return self.filter(Q(site__isnull=True) | Q(site=site))

    def local(self):
        return self.filter(site__isnull=False)


class ChecklistItem(models.Model):
    """One item of a standard. Items from data files are shared (no site); local items belong to one site."""

    standard = models.ForeignKey(
        Standard, verbose_name=_("standard"), on_delete=models.CASCADE, related_name="items"
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The municipality website this local item belongs to."),
    )
    code = models.CharField(_("code"), max_length=64)
    name_th = models.CharField(_("name (Thai)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)
    requirement = models.TextField(_("requirement"), blank=True)
    mandatory = models.BooleanField(
        _("mandatory"), null=True, blank=True, help_text=_("Leave unknown if unsure.")
    )
    fiscal_year_rule = models.CharField(
        _("fiscal year of the evidence"), max_length=16, choices=FiscalYearRule.choices, blank=True
    )
    seed_category = models.CharField(_("category"), max_length=5, choices=CATEGORY_CHOICES, blank=True)
    also_categories = models.JSONField(_("also in categories"), default=list, blank=True)
    satisfied_by = models.JSONField(_("satisfied by default"), default=list, blank=True, editable=False)
    confidence = models.CharField(_("confidence"), max_length=16, choices=Confidence.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    objects = ChecklistItemQuerySet.as_manager()

    panels = [
        FieldPanel("standard"),
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
        FieldPanel("name_th"),
        FieldPanel("name_en"),
        FieldPanel("requirement"),
        FieldRowPanel([FieldPanel("mandatory"), FieldPanel("fiscal_year_rule")]),
        FieldPanel("seed_category"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["standard__position", "standard__code", "-standard__edition", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["standard", "code"], condition=Q(site__isnull=True), name="thgov_unique_shared_item"
            ),
            models.UniqueConstraint(
                fields=["standard", "site", "code"],
                condition=Q(site__isnull=False),
                name="thgov_unique_local_item",
            ),
        ]

    def __str__(self):
        return f"{self.standard} {self.code} {self.name_th}"

    @property
    def is_local(self) -> bool:
        return self.site_id is not None

    @property
    def is_confirmed(self) -> bool:
        """Local items and items seen in a source are confirmed; partial and recall items are not."""
        return self.is_local or self.confidence == Confidence.SOURCE

    @property
    def current_fiscal_year_only(self) -> bool:
        return self.fiscal_year_rule == FiscalYearRule.CURRENT

    def clean(self):
        super().clean()
        if not self.site_id:
            raise ValidationError({"site": _("A local item must belong to a site.")})
        clash = ChecklistItem.objects.filter(standard_id=self.standard_id, code=self.code).filter(
            Q(site__isnull=True) | Q(site_id=self.site_id)
        )
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if self.standard_id and clash.exists():
            raise ValidationError({"code": _("This standard already has an item with this code.")})


class ManualEvidence(models.Model):
    """Evidence that lives elsewhere (a social-media page, a system of another agency), recorded by a webmaster."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    item = models.ForeignKey(
        ChecklistItem,
        verbose_name=_("checklist item"),
        on_delete=models.CASCADE,
        related_name="manual_evidence",
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("What the evidence is, e.g. เพจ Facebook ของเทศบาล.")
    )
    url = models.URLField(_("address (URL)"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2500), MaxValueValidator(2700)],
        help_text=_("The fiscal year the evidence is for, if it is for one year."),
    )
    review_by = models.DateField(_("review by"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("item"),
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("note"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("review_by")])], heading=_("Period")
        ),
    ]

    class Meta:
        verbose_name = _("manual evidence")
        verbose_name_plural = _("manual evidence")
        ordering = ["item__standard__position", "item__sort_order", "-updated_at"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if not self.url and not self.note.strip():
            errors["url"] = _("Give the address of the evidence or describe it in the note.")
        if self.item_id and self.site_id and self.item.site_id not in (None, self.site_id):
            errors["item"] = _("This local item belongs to another site.")
        if errors:
            raise ValidationError(errors)


@register_setting(icon="tasks")
class ComplianceSettings(BaseSiteSetting):
    """How the compliance checklist judges this site."""

    require_certification = models.BooleanField(
        _("evidence must be certified"),
        default=True,
        help_text=_(
            "Count a page as evidence only when its live version was certified by the certifying approver."
        ),
    )

    panels = [FieldPanel("require_certification")]

    class Meta:
        verbose_name = _("compliance checklist")
        verbose_name_plural = _("compliance checklist")
