"""Daily aggregates of page views and visitors, and satisfaction ratings, scoped per Wagtail Site.

No IP address is stored anywhere: unique visitors are counted through a salted hash whose salt
changes every day; salts and hashes older than today are deleted by ``jobs.purge_visitor_hashes``.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000

# The Thai five-point scale: มากที่สุด, มาก, ปานกลาง, น้อย, น้อยที่สุด.
RATING_CHOICES = [
    (5, _("Highest")),
    (4, _("High")),
    (3, _("Moderate")),
    (2, _("Low")),
    (1, _("Lowest")),
]


class PageViewDay(models.Model):
    """Public views of one page on one day (Bangkok date)."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    date = models.DateField(_("date"))
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily page views")
        verbose_name_plural = _("daily page views")
        constraints = [models.UniqueConstraint(fields=["page", "date"], name="thgov_pageviewday_page_date")]
        indexes = [models.Index(fields=["site", "date"], name="thgov_pageviewday_site_date")]


class SiteVisitDay(models.Model):
    """Public page views and distinct visitors of one site on one day."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    date = models.DateField(_("date"))
    views = models.PositiveBigIntegerField(_("views"), default=0)
    uniques = models.PositiveBigIntegerField(_("unique visitors"), default=0)

    class Meta:
        verbose_name = _("daily site visits")
        verbose_name_plural = _("daily site visits")
        constraints = [models.UniqueConstraint(fields=["site", "date"], name="thgov_sitevisitday_site_date")]


class DailySalt(models.Model):
    """The random salt of one day's visitor hashes; deleted once the day is over."""

    date = models.DateField(_("date"), unique=True)
    salt = models.CharField(_("salt"), max_length=64)

    class Meta:
        verbose_name = _("daily salt")
        verbose_name_plural = _("daily salts")


class VisitorHashDay(models.Model):
    """One distinct visitor (salted hash, never the IP address) of one site today; deleted after the day."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    date = models.DateField(_("date"))
    visitor_hash = models.CharField(_("visitor hash"), max_length=32)

    class Meta:
        verbose_name = _("visitor hash")
        verbose_name_plural = _("visitor hashes")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "date", "visitor_hash"], name="thgov_visitorhashday_unique"
            )
        ]


class SatisfactionRating(models.Model):
    """A 1–5 rating of a page (or of the whole site when ``page`` is empty), at most one per visitor a day."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("page"),
    )
    date = models.DateField(_("date"))
    visitor_hash = models.CharField(_("visitor hash"), max_length=32)
    rating = models.PositiveSmallIntegerField(
        _("rating"), choices=RATING_CHOICES, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("satisfaction rating")
        verbose_name_plural = _("satisfaction ratings")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "date", "visitor_hash"],
                condition=Q(page__isnull=False),
                name="thgov_rating_once_per_page_day",
            ),
            models.UniqueConstraint(
                fields=["site", "date", "visitor_hash"],
                condition=Q(page__isnull=True),
                name="thgov_rating_once_per_site_day",
            ),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="thgov_rating_1_to_5"),
        ]
