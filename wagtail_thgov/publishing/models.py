"""Default publication periods (per site, per page type and kind) and the per-site publishing settings."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..core.categories import FROM_PERIOD_END, FROM_PUBLICATION, page_types

DIGEST_PERMISSION = "wagtail_thgov.receive_currency_digest"


class CountedFrom(models.TextChoices):
    """Where a default publication period starts."""

    PUBLICATION = FROM_PUBLICATION, _("The day the page goes live")
    PERIOD_END = FROM_PERIOD_END, _("The end of the page's own period (e.g. the application period)")


def thgov_page_type_choices():
    """``limit_choices_to`` of ``ExpiryDefault.page_type``: the page types carrying government metadata."""
    query = Q(pk__in=[])
    for model in page_types():
        query |= Q(app_label=model._meta.app_label, model=model._meta.model_name)
    return query


class ExpiryDefault(models.Model):
    """How long pages of one type (and optionally one kind) stay published when the editor sets no expiry.

    A row without a site is the default of the whole installation; a site's own row overrides it.
    A row without a number of days means "no automatic expiry", so a site can switch a default off.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leave empty for the default of every site on this installation."),
    )
    page_type = models.ForeignKey(
        ContentType,
        verbose_name=_("page type"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=thgov_page_type_choices,
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        blank=True,
        help_text=_("Leave empty for pages of every kind of this type."),
    )
    counted_from = models.CharField(
        _("counted from"), max_length=16, choices=CountedFrom.choices, default=CountedFrom.PUBLICATION
    )
    days = models.PositiveSmallIntegerField(
        _("days published"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3660)],
        help_text=_("Leave empty for no automatic expiry."),
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("page_type"),
        FieldPanel("kind"),
        FieldPanel("counted_from"),
        FieldPanel("days"),
    ]

    class Meta:
        verbose_name = _("default publication period")
        verbose_name_plural = _("default publication periods")
        ordering = ["site", "page_type", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "page_type", "kind"], name="thgov_unique_expiry_default_per_site"
            ),
            models.UniqueConstraint(
                fields=["page_type", "kind"],
                condition=Q(site__isnull=True),
                name="thgov_unique_installation_expiry_default",
            ),
        ]

    def __str__(self):
        model = self.page_type.model_class() if self.page_type_id else None
        name = str(model._meta.verbose_name) if model else str(self.page_type_id)
        return f"{name} ({self.get_kind_display()})" if self.kind else name

    def get_kind_display(self) -> str:
        from .expiry import kind_choices  # late: expiry imports this module's ExpiryDefault

        model = self.page_type.model_class() if self.page_type_id else None
        return str(dict(kind_choices(model)).get(self.kind, self.kind)) if model else self.kind

    def clean(self):
        """The kind must be one of the page type's kinds; "end of period" needs a page type with a period."""
        from .expiry import kind_choices, period_end_field  # late, as in get_kind_display

        super().clean()
        model = self.page_type.model_class() if self.page_type_id else None
        if model is None:
            return
        errors = {}
        if self.kind and self.kind not in dict(kind_choices(model)):
            errors["kind"] = _("This page type has no such kind.")
        if self.counted_from == CountedFrom.PERIOD_END and not period_end_field(model):
            errors["counted_from"] = _(
                "This page type has no period of its own: count from the day it goes live."
            )
        duplicates = ExpiryDefault.objects.filter(site=self.site, page_type=self.page_type, kind=self.kind)
        if duplicates.exclude(pk=self.pk).exists():
            errors["page_type"] = _("There is already a default for this site, page type and kind.")
        if errors:
            raise ValidationError(errors)


@register_setting(icon="time")
class PublishingSettings(BaseSiteSetting):
    """Per-site publishing settings: how often information is reviewed."""

    review_interval_days = models.PositiveSmallIntegerField(
        _("review interval (days)"),
        default=365,
        validators=[MinValueValidator(1), MaxValueValidator(3660)],
        help_text=_('"Mark reviewed" sets the next review date this many days ahead.'),
    )

    panels = [FieldPanel("review_interval_days")]

    class Meta:
        verbose_name = _("publishing and review")
        verbose_name_plural = _("publishing and review")
        permissions = [
            (
                "receive_currency_digest",
                _("Can receive the daily e-mail about expiring and out-of-date pages"),
            ),
        ]
