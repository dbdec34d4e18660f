"""System checks: the override catalogues are installed, and early enough in INSTALLED_APPS to win.

Registered by the main app (``wagtail_thgov``), so that forgetting ``wagtail_thgov.thai_admin`` is reported too.
"""

from django.apps import apps
from django.core import checks

APP = "wagtail_thgov.thai_admin"

# Apps whose Thai texts the override catalogues replace; each must come after this app.
OVERRIDDEN_APPS = (
    "wagtail",
    "wagtail.admin",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.snippets",
    "wagtail.users",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "taggit",
)


def placement_problems(app_names):
    """Warnings for an ``INSTALLED_APPS`` order (a list of app names) in which the overrides would not win."""
    if APP not in app_names:
        return [
            checks.Warning(
                f"{APP} is not in INSTALLED_APPS, so much of Wagtail's admin shows in English to Thai users.",
                hint=f'Add "{APP}" to INSTALLED_APPS, before Wagtail\'s apps.',
                id="wagtail_thgov.W200",
            )
        ]
    position = app_names.index(APP)
    earlier = [name for name in OVERRIDDEN_APPS if name in app_names and app_names.index(name) < position]
    if not earlier:
        return []
    return [
        checks.Warning(
            f"{APP} comes after {', '.join(earlier)} in INSTALLED_APPS, so their own Thai texts win over the "
            "plugin's corrections.",
            hint=f'List "wagtail_thgov" and "{APP}" before Wagtail\'s apps in INSTALLED_APPS.',
            id="wagtail_thgov.W201",
        )
    ]


@checks.register(checks.Tags.translation)
def check_thai_admin_comes_first(app_configs=None, **kwargs):
    """Run :func:`placement_problems` on the installed apps."""
    return placement_problems([config.name for config in apps.get_app_configs()])
