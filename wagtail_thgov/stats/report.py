"""The satisfaction report (Reports menu): one survey, one fiscal year, for webmasters and superusers of
the survey's site. Per question: average, number of answers, share satisfied, level and the distribution
as an SVG chart with its numbers; then the open answers, and the satisfaction widget's ratings of the same
fiscal year. "Download the annual report (.xlsx)" writes the workbook of ``export.write_report``."""

import io

import django_filters
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton

from ..core.thai import current_fiscal_year
from ..core.thai.fiscal import fiscal_year_choices
from ..site_settings.models import MunicipalitySettings
from . import charts, survey
from .export import write_report
from .models import SurveyResponse
from .permissions import request_site, site_of, stats_sites, surveys_of


def site_display_name(site) -> str:

    settings = MunicipalitySettings.objects.filter(site=site).first()
    return (
        (settings.display_name if settings else "") or site.site_name or site.root_page.title or site.hostname
    )


class SatisfactionFilterSet(WagtailFilterSet):
    survey = django_filters.ModelChoiceFilter(
        label=_("Survey"), queryset=SurveyResponse.objects.none(), method="keep", empty_label=None
    )
    fiscal_year = django_filters.ChoiceFilter(
        label=_("Fiscal year (B.E.)"), choices=[], method="keep", empty_label=None
    )

    class Meta:
        model = SurveyResponse
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["survey"].queryset = surveys_of(stats_sites(request.user))
        self.filters["fiscal_year"].extra["choices"] = fiscal_year_choices()

    def keep(self, queryset, name, value):
        return queryset  # the view reads the chosen values itself


class QuestionColumn(Column):
    cell_template_name = "wagtail_thgov/stats/report_cells/question.html"


class DistributionColumn(Column):
    cell_template_name = "wagtail_thgov/stats/report_cells/distribution.html"


def _if_rating(attribute):
    def value(result):
        if not result.is_rating or not result.ratings.count:
            return ""
        return getattr(result.ratings, attribute)

    return value


class SatisfactionReportView(ReportView):
    page_title = _("Satisfaction survey results")
    header_icon = "pick"
    index_url_name = "thgov_stats:satisfaction_report"
    index_results_url_name = "thgov_stats:satisfaction_report_results"
    results_template_name = "wagtail_thgov/stats/report_results.html"
    filterset_class = SatisfactionFilterSet
    paginate_by = 500
    no_results_message = _("There is no satisfaction survey page on your website yet.")
    columns = [
        QuestionColumn("text", label=_("Question")),
        Column("answers", label=_("Answers")),
        Column("average", label=_("Average (out of 5)"), accessor=_if_rating("average")),
        Column("satisfied", label=_("Satisfied (4–5), percent"), accessor=_if_rating("satisfied_percent")),
        Column("level", label=_("Level"), accessor=_if_rating("level")),
        DistributionColumn("chart", label=_("Distribution")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not self.sites:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def sites(self):
        return list(stats_sites(self.request.user).select_related("root_page"))

    def choice(self, name):
        if self.filters is not None and self.filters.is_valid():
            return self.filters.form.cleaned_data.get(name)
        return None

    @cached_property
    def survey(self):
        chosen = self.choice("survey")
        if chosen is not None:
            return chosen
        surveys = list(surveys_of(self.sites))
        site = request_site(self.request, self.sites)
        mine = [page for page in surveys if site_of(page, self.sites) == site]
        return (mine or surveys or [None])[0]

    @cached_property
    def fiscal_year(self):
        chosen = self.choice("fiscal_year")
        return int(chosen) if chosen else current_fiscal_year()

    @cached_property
    def site(self):
        return site_of(self.survey, self.sites) if self.survey is not None else None

    @cached_property
    def results(self):
        if self.survey is None:
            return None
        return charts.add_question_charts(
            survey.survey_results(self.survey, self.fiscal_year), "thgov-report-chart"
        )

    @cached_property
    def widget(self):
        return survey.widget_ratings(self.site, self.fiscal_year) if self.site is not None else None

    def get_queryset(self):
        return self.results.questions if self.results is not None else []

    def get_filtered_queryset(self):
        return self.get_queryset()

    @cached_property
    def header_buttons(self):
        if self.survey is None:
            return []
        query = urlencode({"survey": self.survey.pk, "fiscal_year": self.fiscal_year})
        return [
            HeaderButton(
                _("Download the annual report (.xlsx)"),
                url=f"{reverse('thgov_stats:satisfaction_export')}?{query}",
                icon_name="download",
            )
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        widget = self.widget
        site_chart = None
        if widget is not None:
            site_chart = charts.distribution_chart_svg(
                widget.site.distribution,
                _("Satisfaction widget: the whole website"),
                charts.distribution_description(widget.site.distribution),
                "thgov-report-widget-chart",
            )
        context.update(
            {
                "results": self.results,
                "report_site": self.site,
                "report_site_name": site_display_name(self.site) if self.site is not None else "",
                "widget": widget,
                "widget_chart": site_chart,
            }
        )
        return context


def export_report(request):
    """Download the annual satisfaction report of ``?survey=`` for ``?fiscal_year=`` (B.E.)."""
    sites = list(stats_sites(request.user).select_related("root_page"))
    wanted = request.GET.get("survey", "")
    page = surveys_of(sites).filter(pk=int(wanted)).first() if wanted.isdigit() else None
    if page is None:
        return permission_denied(request)
    year = request.GET.get("fiscal_year", "")
    fiscal_year = int(year) if year.isdigit() and 2400 < int(year) < 2800 else current_fiscal_year()
    site = site_of(page, sites)
    generated_at = timezone.now()
    output = io.BytesIO()
    write_report(
        output,
        survey.survey_results(page, fiscal_year),
        survey.widget_ratings(site, fiscal_year),
        site_display_name(site),
        generated_at,
    )
    response = HttpResponse(
        output.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"thgov-satisfaction-{site.hostname}-{page.slug}-{fiscal_year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
