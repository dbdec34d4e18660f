"""Visitor statistics and satisfaction (§1.10): the statistics page and the satisfaction survey page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ..core.thai import current_fiscal_year
from ..pages.base import ThgovPage
from . import charts, survey

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
    """The satisfaction survey (แบบสำรวจความพึงพอใจ): questions defined by the webmaster, a public form
    (one response per visitor a day) and the public results of a fiscal year (the current one by default).
    """

    thgov_required_metadata = ()
    thgov_checklist_items = ("GWS-I07",)
    template = "wagtail_thgov/pages/satisfaction_survey_page.html"
    page_description = _("The satisfaction survey and its results.")

    show_results = models.BooleanField(
        _("show the results publicly"),
        default=True,
        help_text=_("Per-question averages, distributions and answers of the fiscal year, below the form."),
    )

    content_panels = StatsSectionPage.content_panels + [
        InlinePanel("questions", heading=_("Questions"), label=_("question"), min_num=1),
        FieldPanel("show_results"),
    ]

    class Meta:
        verbose_name = _("satisfaction survey page")
        verbose_name_plural = _("satisfaction survey pages")

    def serve(self, request, *args, **kwargs):
        from django.http import HttpResponseRedirect

        if request.method == "POST" and survey.FORM_MARKER in request.POST:
            form = survey.SurveyForm(self.questions.all(), request.POST)
            if form.is_valid():
                outcome = survey.submit(request, self, self.get_site(), form)
                return HttpResponseRedirect(
                    f"{request.path}?{survey.RESULT_PARAMETER}={outcome}#thgov-survey"
                )
            request.thgov_survey_form = form  # shown again with its messages and the visitor's input
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        questions = list(self.questions.select_related("service_page"))
        form = getattr(request, "thgov_survey_form", None) or survey.SurveyForm(questions)
        outcome = request.GET.get(survey.RESULT_PARAMETER, "")
        context.update(
            {
                "survey_form": form,
                "survey_marker": survey.FORM_MARKER,
                "survey_message": survey.MESSAGES.get(outcome)
                if outcome in ("thanks", "already", "limit")
                else None,
                "survey_message_ok": outcome == "thanks",
            }
        )
        if self.show_results:
            years = survey.answered_fiscal_years(self)
            current = current_fiscal_year()
            wanted = request.GET.get(survey.FISCAL_YEAR_PARAMETER, "")
            year = int(wanted) if wanted.isdigit() and int(wanted) in years else current
            results = charts.add_question_charts(
                survey.survey_results(self, year, comments_limit=survey.PUBLIC_COMMENTS, public=True)
            )
            context.update(
                {
                    "survey_results": results,
                    "survey_years": sorted(set(years) | {current}, reverse=True),
                    "fiscal_year_parameter": survey.FISCAL_YEAR_PARAMETER,
                }
            )
        return context
