"""Admin URLs of the e-Service (under /admin/): attachment download and the monthly statistics."""

from django.urls import path

from .staff import MonthlyStatisticsView
from .views import download_attachment

# The namespace of these names: reverse("thgov_eservice:attachment").
app_name = "thgov_eservice"

urlpatterns = [
    path("thgov/eservice/attachments/<int:pk>/", download_attachment, name="attachment"),
    path("thgov/eservice/statistics/", MonthlyStatisticsView.as_view(), name="statistics"),
    path(
        "thgov/eservice/statistics/results/",
        MonthlyStatisticsView.as_view(results_only=True),
        name="statistics_results",
    ),
]
