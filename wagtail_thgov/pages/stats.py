"""Visitor statistics and satisfaction (§1.10): placeholders that the statistics issue completes."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import ThgovPage

INTRO_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class StatsSectionPage(ThgovPage):
    """A single page of the statistics section, directly under the home page."""

    thgov_category = "1.10"

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ThgovPage.content_panels + [FieldPanel("intro")]
    search_fields = ThgovPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class StatisticsPage(StatsSectionPage):
    """Visitor statistics of the website (สถิติผู้เข้าชม)."""

    thgov_required_metadata = ("source",)
    thgov_checklist_items = ("GWS-F05", "GWS-S04")
    template = "wagtail_thgov/pages/statistics_page.html"
    page_description = _("Visitor statistics of this website.")

    class Meta:
        verbose_name = _("visitor statistics page")
        verbose_name_plural = _("visitor statistics pages")


class SatisfactionSurveyPage(StatsSectionPage):
    """The satisfaction survey (แบบสำรวจความพึงพอใจ) and its results."""

    thgov_required_metadata = ()
    thgov_checklist_items = ("GWS-I07",)
    template = "wagtail_thgov/pages/satisfaction_survey_page.html"
    page_description = _("The satisfaction survey and its results.")

    class Meta:
        verbose_name = _("satisfaction survey page")
        verbose_name_plural = _("satisfaction survey pages")
