"""Admin URLs of the compliance checklist, registered by this subpackage's wagtail_hooks."""

from django.urls import path

from .views import ComplianceReportView, LoadEditionView, export_workbook

# The namespace of these names: reverse("thgov_compliance:report").
app_name = "thgov_compliance"

urlpatterns = [
    path("reports/thgov-compliance/", ComplianceReportView.as_view(), name="report"),
    path(
        "reports/thgov-compliance/results/",
        ComplianceReportView.as_view(results_only=True),
        name="report_results",
    ),
    path("reports/thgov-compliance/export/", export_workbook, name="export"),
    path(
        "reports/thgov-compliance/load-edition/",
        LoadEditionView.as_view(),
        name="load_edition",
    ),
]
