"""Admin URLs of the statistics: the satisfaction report and its workbook (registered by wagtail_hooks)."""

from django.urls import path

from .moderation import SurveyAnswerModerationView, moderate_answer
from .report import SatisfactionReportView, export_report

urlpatterns = [
    path("reports/thgov-satisfaction/", SatisfactionReportView.as_view(), name="thgov_satisfaction_report"),
    path(
        "reports/thgov-satisfaction/results/",
        SatisfactionReportView.as_view(results_only=True),
        name="thgov_satisfaction_report_results",
    ),
    path("reports/thgov-satisfaction/export/", export_report, name="thgov_satisfaction_export"),
    path(
        "reports/thgov-survey-answers/", SurveyAnswerModerationView.as_view(), name="thgov_survey_moderation"
    ),
    path(
        "reports/thgov-survey-answers/results/",
        SurveyAnswerModerationView.as_view(results_only=True),
        name="thgov_survey_moderation_results",
    ),
    path("reports/thgov-survey-answers/<int:pk>/", moderate_answer, name="thgov_survey_moderate"),
]
