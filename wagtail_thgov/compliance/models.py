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

from ..core.categories import CATEGORY_CHOICES
from ..core.thai import current_fiscal_year, fiscal_year_bounds
from .features import FEATURES


class Layout(models.TextChoices):
    """How a standard is laid out in the workbook."""

    CHECKLIST = "checklist", _("Checklist")
    OIT = "oit", _("ITA/OIT submission")


class StandardQuerySet(models.QuerySet):
    def for_site(self, site):
        """The bundled standards plus the editions ``site``'s webmasters loaded themselves."""
        return self.filter(Q(site__isnull=True) | Q(site=site))


class Standard(models.Model):
    """One edition of a publishing standard (GWS 2.0, OIA s.7, ITA/OIT 2568 …), loaded from a data file
    shipped with the plugin, or from a file a municipality's webmaster loaded in the admin (``site``)."""

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
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("loaded by the municipality of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("loaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    loaded_at = models.DateTimeField(_("loaded at"), null=True, blank=True, editable=False)

    objects = StandardQuerySet.as_manager()

    class Meta:
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        ordering = ["position", "code", "-edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "edition"],
                condition=Q(site__isnull=True),
                name="thgov_unique_standard_edition",
            ),
            models.UniqueConstraint(
                fields=["code", "edition", "site"],
                condition=Q(site__isnull=False),
                name="thgov_unique_loaded_edition",
            ),
        ]
        permissions = [("view_compliance_report", _("Can view the compliance report"))]

    def __str__(self):
        return self.short_name or f"{self.code} {self.edition}"

    @property
    def key(self) -> str:
        """``code:edition``, as the command line and page-type declarations name it."""
        return f"{self.code}:{self.edition}"

    @property
    def loaded_by_municipality(self) -> bool:
        return self.site_id is not None


class FiscalYearRule(models.TextChoices):
    """The period the evidence of an item must cover (judged by ``evaluator``)."""

    ANY = "", _("Any year")
    CURRENT = "current", _("Current fiscal year")
    PREVIOUS = "previous", _("Previous fiscal year or later")
    MONTH = "month", _("Each month of the fiscal year so far")
    QUARTER = "quarter", _("Each quarter of the fiscal year so far")
    OPEN = "open", _("Still open")
    RECENT = "recent", _("Updated within the review period")


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

    def tickable(self):
        """Items evidence can serve: an item with parts is met through its parts."""
        return self.filter(parts__isnull=True)


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
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="parts",
    )
    code = models.CharField(_("code"), max_length=64)
    name_th = models.CharField(_("name (Thai)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)
    requirement = models.TextField(_("requirement"), blank=True)
    mandatory = models.BooleanField(
        _("mandatory"), null=True, blank=True, help_text=_("Leave unknown if unsure.")
    )
    fiscal_year_rule = models.CharField(
        _("period the evidence must cover"), max_length=16, choices=FiscalYearRule.choices, blank=True
    )
    review_months = models.PositiveSmallIntegerField(
        _("review period (months)"),
        null=True,
        blank=True,
        help_text=_("For evidence that must be updated within a number of months."),
    )
    requires = models.JSONField(_("evidence must show"), default=list, blank=True, editable=False)
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
        """Items seen in a source and a municipality's own items are confirmed; partial and recall items
        (bundled or in an edition the municipality loaded) are not."""
        if self.confidence:
            return self.confidence == Confidence.SOURCE
        return self.is_local

    @property
    def measured_features(self) -> tuple[str, ...]:
        """Labels of the features that alone can meet this item (every default rule is a feature)."""
        rules = self.satisfied_by or []
        if not rules or not all("feature" in rule for rule in rules):
            return ()
        return tuple(str(FEATURES[rule["feature"]].label) for rule in rules if rule["feature"] in FEATURES)

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
    url = models.URLField(
        _("address on this website (URL)"),
        max_length=500,
        blank=True,
        help_text=_("A page of this website that shows the evidence; it is checked to be live."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Or the evidence itself as a file, such as a signed report or a screenshot."),
    )
    note = models.TextField(_("note"), blank=True)
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2500), MaxValueValidator(2700)],
        help_text=_("The fiscal year the evidence is for, if it is for one year."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "Left empty: the end of the current fiscal year. After it the evidence lapses to be reviewed."
        ),
    )
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
        FieldPanel("document"),
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
        if not self.url and not self.document_id:
            errors["url"] = _(
                "Give the address of a page of this website that shows the evidence, or attach the file."
            )
        if self.item_id and self.site_id and self.item.site_id not in (None, self.site_id):
            errors["item"] = _("This local item belongs to another site.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.review_by is None:
            # Evidence recorded once does not count for ever: by default it is due for review at the end
            # of the fiscal year it was recorded in.
            self.review_by = fiscal_year_bounds(current_fiscal_year())[1]
        super().save(*args, **kwargs)


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
