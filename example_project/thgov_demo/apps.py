from django.apps import AppConfig


class ThgovDemoConfig(AppConfig):
    """The example project's demo municipality: content builders and the ``thgov_demo`` commands."""

    name = "thgov_demo"
    verbose_name = "wagtail-thgov demo"
