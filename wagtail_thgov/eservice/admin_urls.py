"""Admin URLs of the e-Service (under /admin/): attachment download and the monthly statistics."""

from django.urls import path

from .staff import MonthlyStatisticsView
from .views import download_attachment

urlpatterns = [
    path("thgov/eservice/attachments/<int:pk>/", download_attachment, name="thgov_eservice_attachment"),
    path("thgov/eservice/statistics/", MonthlyStatisticsView.as_view(), name="thgov_eservice_statistics"),
    path(
        "thgov/eservice/statistics/results/",
        MonthlyStatisticsView.as_view(results_only=True),
        name="thgov_eservice_statistics_results",
    ),
]
