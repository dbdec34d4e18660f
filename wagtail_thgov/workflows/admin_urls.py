"""Admin URLs of the workflow subpackage, registered by this subpackage's wagtail_hooks."""

from django.urls import path

from .views import PublicationRegisterView, publication_request_form

# The namespace of these names: reverse("thgov_workflows:publication_register").
app_name = "thgov_workflows"

urlpatterns = [
    path(
        "reports/thgov-publication-register/",
        PublicationRegisterView.as_view(),
        name="publication_register",
    ),
    path(
        "reports/thgov-publication-register/results/",
        PublicationRegisterView.as_view(results_only=True),
        name="publication_register_results",
    ),
    path(
        "reports/thgov-publication-register/<int:pk>/form/",
        publication_request_form,
        name="publication_request_form",
    ),
]
