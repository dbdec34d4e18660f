from django.urls import path

from .views import DocumentTextReportView

app_name = "thgov_documents"
urlpatterns = [
    path("reports/thgov-document-text/", DocumentTextReportView.as_view(), name="report"),
    path(
        "reports/thgov-document-text/results/",
        DocumentTextReportView.as_view(results_only=True),
        name="report_results",
    ),
]
