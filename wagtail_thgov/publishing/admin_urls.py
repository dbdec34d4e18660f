"""Admin URLs of the publishing subpackage, registered by this subpackage's wagtail_hooks."""

from django.urls import path

from .views import CurrencyReportView, extend_expiry_view, mark_reviewed_view

# The namespace of these names: reverse("thgov_publishing:currency_report").
app_name = "thgov_publishing"

urlpatterns = [
    path("reports/thgov-currency/", CurrencyReportView.as_view(), name="currency_report"),
    path(
        "reports/thgov-currency/results/",
        CurrencyReportView.as_view(results_only=True),
        name="currency_report_results",
    ),
    path("reports/thgov-currency/<int:page_id>/extend/", extend_expiry_view, name="currency_extend"),
    path(
        "reports/thgov-currency/<int:page_id>/reviewed/",
        mark_reviewed_view,
        name="currency_mark_reviewed",
    ),
]
