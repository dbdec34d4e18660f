"""Admin URLs of the publishing subpackage, registered by wagtail_hooks."""

from django.urls import path

from .views import CurrencyReportView, extend_expiry_view, mark_reviewed_view

urlpatterns = [
    path("reports/thgov-currency/", CurrencyReportView.as_view(), name="thgov_currency_report"),
    path(
        "reports/thgov-currency/results/",
        CurrencyReportView.as_view(results_only=True),
        name="thgov_currency_report_results",
    ),
    path("reports/thgov-currency/<int:page_id>/extend/", extend_expiry_view, name="thgov_currency_extend"),
    path(
        "reports/thgov-currency/<int:page_id>/reviewed/",
        mark_reviewed_view,
        name="thgov_currency_mark_reviewed",
    ),
]
