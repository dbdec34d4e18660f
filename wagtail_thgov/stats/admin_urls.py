"""Admin URLs of the statistics: the satisfaction report and its workbook (registered by this subpackage's wagtail_hooks)."""

from django.urls import path

from .moderation import SurveyAnswerModerationView, moderate_answer
from .report import SatisfactionReportView, export_report

# The namespace of these names: reverse("thgov_stats:satisfaction_report").
app_name = "thgov_stats"

urlpatterns = [
    path("reports/thgov-satisfaction/", SatisfactionReportView.as_view(), name="satisfaction_report"),
    path(
        "reports/thgov-satisfaction/results/",
        SatisfactionReportView.as_view(results_only=True),
        name="satisfaction_report_results",
    ),
    path("reports/thgov-satisfaction/export/", export_report, name="satisfaction_export"),
    path("reports/thgov-survey-answers/", SurveyAnswerModerationView.as_view(), name="survey_moderation"),
    path(
        "reports/thgov-survey-answers/results/",
        SurveyAnswerModerationView.as_view(results_only=True),
        name="survey_moderation_results",
    ),
    path("reports/thgov-survey-answers/<int:pk>/", moderate_answer, name="survey_moderate"),
]
