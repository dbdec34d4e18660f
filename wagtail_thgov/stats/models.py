"""Daily aggregates of page views and visitors, and satisfaction ratings, scoped per Wagtail Site.

No IP address is stored anywhere: unique visitors are counted through a salted hash whose salt
changes every day; salts and hashes older than today are deleted by ``jobs.purge_visitor_hashes``.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

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
    # The day's salted hash of the address alone (no browser): bounds what one network adds in a day.
    address_hash = models.CharField(_("address hash"), max_length=32, blank=True, default="")
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
        indexes = [models.Index(fields=["site", "date", "address_hash"], name="thgov_rating_address_day")]


# --- The satisfaction survey page (SatisfactionSurveyPage): questions, responses, answers --------------

ANSWER_MAX_LENGTH = COMMENT_MAX_LENGTH


class QuestionKind(models.TextChoices):
    RATING = "rating", _("Rating from 1 to 5")
    TEXT = "text", _("Open answer")


class SurveyQuestion(Orderable):
    """One question of a satisfaction survey page, defined by the webmaster (kept with the page revision)."""

    page = ParentalKey(
        "wagtail_thgov.SatisfactionSurveyPage", on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.RATING
    )
    text = models.CharField(_("question"), max_length=255)
    required = models.BooleanField(_("answer required"), default=True)
    service_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service page"),
        help_text=_("The page of the service this question is about, if any."),
    )
    service_name = models.CharField(
        _("service name"),
        max_length=255,
        blank=True,
        help_text=_("Or the name of the service this question is about, e.g. paying the land tax."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("required"),
        FieldPanel("service_page"),
        FieldPanel("service_name"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self):
        return self.text

    @property
    def service(self) -> str:
        """What the question is about: the service name, else the service page's title, else ``""``."""
        if self.service_name:
            return self.service_name
        return self.service_page.title if self.service_page_id and self.service_page else ""


class SurveyResponse(models.Model):
    """One submission of a survey page, at most one per survey per visitor a day (daily salted hash)."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    page = models.ForeignKey(
        "wagtail_thgov.SatisfactionSurveyPage",
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("survey"),
    )
    date = models.DateField(_("date"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    visitor_hash = models.CharField(_("visitor hash"), max_length=32)
    address_hash = models.CharField(_("address hash"), max_length=32, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # Written by citizens; no cacheable page shows it, so it never empties the page cache.
    thgov_page_cache_ignore = True

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "date", "visitor_hash"], name="thgov_surveyresponse_once_per_day"
            )
        ]
        indexes = [
            models.Index(fields=["page", "fiscal_year"], name="thgov_surveyresponse_page_fy"),
            models.Index(fields=["page", "date", "address_hash"], name="thgov_surveyresponse_address"),
        ]


class Moderation(models.TextChoices):
    PENDING = "pending", pgettext_lazy("moderation", "Waiting for review")
    ACCEPTED = "accepted", pgettext_lazy("moderation", "Accepted")
    REJECTED = "rejected", pgettext_lazy("moderation", "Rejected")


class SurveyAnswer(models.Model):
    """The answer to one question; the question's text is kept so that answers outlive a question's removal."""

    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        SurveyQuestion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("question"),
    )
    question_text = models.CharField(_("question"), max_length=255)
    service = models.CharField(_("service"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind.choices)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        choices=RATING_CHOICES,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    text = models.TextField(_("answer"), blank=True, max_length=ANSWER_MAX_LENGTH)
    # Open answers are shown on the public results only once a webmaster accepts them
    # (``THGOV_SURVEY_MODERATION``, default on); ratings need no moderation.
    moderation = models.CharField(
        _("moderation"), max_length=16, choices=Moderation.choices, default=Moderation.PENDING, db_index=True
    )

    # Written by citizens; no cacheable page shows it, so it never empties the page cache.
    # Accepting an open answer changes the survey page: the moderation screen bumps that page's site.
    thgov_page_cache_ignore = True

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="thgov_surveyanswer_rating_1_to_5",
            )
        ]
