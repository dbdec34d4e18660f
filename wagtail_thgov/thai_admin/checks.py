"""System checks: the override catalogues are installed, and early enough in INSTALLED_APPS to win.

Registered by the main app (``wagtail_thgov``), so that forgetting ``wagtail_thgov.thai_admin`` is reported too.
"""

from django.apps import apps
from django.core import checks

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
    "django.contrib.auth",
    "django.contrib.admin",
)


@checks.register(checks.Tags.translation)
def check_thai_admin_comes_first(app_configs=None, **kwargs):
    """Warn when an overridden app is listed before ``wagtail_thgov.thai_admin``: its own Thai would win."""
    names = [config.name for config in apps.get_app_configs()]
    if "wagtail_thgov.thai_admin" not in names:
        return [
            checks.Warning(
                "wagtail_thgov.thai_admin is not in INSTALLED_APPS, so much of Wagtail's admin shows in English "
                "to Thai users.",
                hint='Add "wagtail_thgov.thai_admin" to INSTALLED_APPS, before Wagtail\'s apps.',
                id="wagtail_thgov.W200",
            )
        ]
    position = names.index("wagtail_thgov.thai_admin")
    earlier = [name for name in OVERRIDDEN_APPS if name in names and names.index(name) < position]
    if not earlier:
        return []
    return [
        checks.Warning(
            f"wagtail_thgov.thai_admin comes after {', '.join(earlier)} in INSTALLED_APPS, so their own Thai "
            "texts win over the plugin's corrections.",
            hint='List "wagtail_thgov" and "wagtail_thgov.thai_admin" before Wagtail\'s apps in INSTALLED_APPS.',
            id="wagtail_thgov.W201",
        )
    ]
