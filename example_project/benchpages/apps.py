from django.apps import AppConfig


class BenchPagesConfig(AppConfig):
    name = "benchpages"
    label = "benchpages"
    default_auto_field = "django.db.models.BigAutoField"
