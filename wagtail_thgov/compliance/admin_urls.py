"""Admin URLs of the compliance checklist, registered by wagtail_hooks."""

from django.urls import path

from .views import ComplianceReportView, LoadEditionView, export_workbook

urlpatterns = [
    path("reports/thgov-compliance/", ComplianceReportView.as_view(), name="thgov_compliance_report"),
    path(
        "reports/thgov-compliance/results/",
        ComplianceReportView.as_view(results_only=True),
        name="thgov_compliance_report_results",
    ),
    path("reports/thgov-compliance/export/", export_workbook, name="thgov_compliance_export"),
    path(
        "reports/thgov-compliance/load-edition/",
        LoadEditionView.as_view(),
        name="thgov_compliance_load_edition",
    ),
]
