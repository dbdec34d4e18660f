"""Admin URLs of the metadata subpackage, registered by this subpackage's wagtail_hooks."""

from django.urls import path

from .reports import InventoryReportView

# The namespace of these names: reverse("thgov_metadata:inventory").
app_name = "thgov_metadata"

urlpatterns = [
    path("reports/thgov-inventory/", InventoryReportView.as_view(), name="inventory"),
    path(
        "reports/thgov-inventory/results/",
        InventoryReportView.as_view(results_only=True),
        name="inventory_results",
    ),
]
