"""Admin URLs of the workflow subpackage, registered by wagtail_hooks."""

from django.urls import path

from .views import PublicationRegisterView, publication_request_form

urlpatterns = [
    path(
        "reports/thgov-publication-register/",
        PublicationRegisterView.as_view(),
        name="thgov_publication_register",
    ),
    path(
        "reports/thgov-publication-register/results/",
        PublicationRegisterView.as_view(results_only=True),
        name="thgov_publication_register_results",
    ),
    path(
        "reports/thgov-publication-register/<int:pk>/form/",
        publication_request_form,
        name="thgov_publication_request_form",
    ),
]
