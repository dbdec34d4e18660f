"""Admin URLs of the metadata subpackage, registered by wagtail_hooks."""

from django.urls import path

from .reports import InventoryReportView

urlpatterns = [
    path("reports/thgov-inventory/", InventoryReportView.as_view(), name="thgov_inventory"),
    path(
        "reports/thgov-inventory/results/",
        InventoryReportView.as_view(results_only=True),
        name="thgov_inventory_results",
    ),
]
