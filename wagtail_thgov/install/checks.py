"""System checks of a broken install (wagtail_thgov.E301–W307), each hint in Thai and English.

The settings checks read only settings and URLs; the checks of each site's root read the database and
are tagged ``database``, so they run with ``migrate`` and ``check --database default``, never in a plain
``check`` (which may have no database).
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from . import settings as thgov_settings
from .bilingual import thai_and_english

PLACEHOLDER_BASE_URLS = {"", "http://example.com", "https://example.com", "http://localhost"}


def app_problems(names) -> list:
    """E301: an app the plugin needs is missing; W302: the plugin comes after Wagtail's apps."""
    problems = []
    missing = [app for app in thgov_settings.REQUIRED_APPS if app not in names]
    if missing:
        problems.append(
            Error(
                "INSTALLED_APPS lacks "
                + ", ".join(missing)
                + ": the plugin's pages or admin fail without it.",
                hint=thai_and_english(
                    _(
                        "Add the missing apps to INSTALLED_APPS (%(apps)s), or write "
                        "INSTALLED_APPS = installed_apps(INSTALLED_APPS) with "
                        "wagtail_thgov.install.settings.installed_apps (README, 'Install')."
                    ),
                    apps=", ".join(missing),
                ),
                id="wagtail_thgov.E301",
            )
        )
    wagtail_apps = [names.index(app) for app in ("wagtail.admin", "wagtail") if app in names]
    if "wagtail_thgov" in names and wagtail_apps and names.index("wagtail_thgov") > min(wagtail_apps):
        problems.append(
            Warning(
                "wagtail_thgov comes after Wagtail's apps in INSTALLED_APPS: Wagtail's templates win over "
                "the plugin's.",
                hint=thai_and_english(
                    _("List wagtail_thgov first in INSTALLED_APPS, before Wagtail's apps.")
                ),
                id="wagtail_thgov.W302",
            )
        )
    return problems


@register()
def check_installed_apps(app_configs, **kwargs):
    """:func:`app_problems` of the installed apps."""
    return app_problems([config.name for config in apps.get_app_configs()])


def middleware_problems(classes) -> tuple[list[str], list[str]]:
    """``(missing, misplaced)``: the middleware ``classes`` lack, and those out of the order that matters."""
    classes = list(classes)
    missing = [name for name in thgov_settings.middleware(classes) if name not in classes]
    position = {name: index for index, name in enumerate(classes)}

    def before(first, then):
        return first not in position or then not in position or position[first] < position[then]

    misplaced = []
    if classes and classes[0] != thgov_settings.CACHE_UPDATE_MIDDLEWARE and not missing:
        misplaced.append(thgov_settings.CACHE_UPDATE_MIDDLEWARE)
    if classes and classes[-1] != thgov_settings.CACHE_FETCH_MIDDLEWARE and not missing:
        misplaced.append(thgov_settings.CACHE_FETCH_MIDDLEWARE)
    if not before(thgov_settings.SECURITY_MIDDLEWARE, thgov_settings.SECURITY_HEADERS_MIDDLEWARE):
        misplaced.append(thgov_settings.SECURITY_HEADERS_MIDDLEWARE)
    for stats in thgov_settings.STATS_MIDDLEWARE:
        if not all(before(earlier, stats) for earlier in thgov_settings.BEFORE_STATS_MIDDLEWARE):
            misplaced.append(stats)
    return missing, misplaced


@register()
def check_middleware(app_configs, **kwargs):
    """W303: the plugin's middleware (or Django's SecurityMiddleware) is missing or in the wrong place."""
    missing, misplaced = middleware_problems(list(settings.MIDDLEWARE))
    if not missing and not misplaced:
        return []
    parts = []
    if missing:
        parts.append("missing: " + ", ".join(missing))
    if misplaced:
        parts.append("in the wrong place: " + ", ".join(misplaced))
    return [
        Warning(
            "MIDDLEWARE of wagtail-thgov " + "; ".join(parts) + ".",
            hint=thai_and_english(
                _(
                    "Write MIDDLEWARE = middleware(MIDDLEWARE) with wagtail_thgov.install.settings.middleware: "
                    "the page cache's update middleware first, its fetch middleware last, the security "
                    "headers after SecurityMiddleware, the statistics middleware after the session and CSRF "
                    "middleware."
                )
            ),
            id="wagtail_thgov.W303",
        )
    ]


@register()
def check_admin_base_url(app_configs, **kwargs):
    """W304: workflow and digest e-mails link to WAGTAILADMIN_BASE_URL: unset, they point nowhere useful."""
    base_url = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    if base_url not in PLACEHOLDER_BASE_URLS:
        return []
    return [
        Warning(
            f"WAGTAILADMIN_BASE_URL is {base_url or 'not set'}: links in workflow e-mails and the daily digest "
            "do not lead to this site.",
            hint=thai_and_english(
                _('Set WAGTAILADMIN_BASE_URL to the address of the site, e.g. "https://www.example.go.th".')
            ),
            id="wagtail_thgov.W304",
        )
    ]


@register(Tags.urls)
def check_search_url(app_configs, **kwargs):
    """E305: another view answers /search/ (a `wagtail start` project's own search page, in English)."""
    from ..search.views import search  # the public search view imports Wagtail's search models

    try:
        match = resolve("/search/")
    except Resolver404:
        match = None
    if match is not None and match.func is search:
        return []
    answered_by = f"{match.func.__module__}.{match.func.__name__}" if match else "no view"
    return [
        Error(
            f"/search/ is answered by {answered_by}, not by the plugin's Thai site search.",
            hint=thai_and_english(
                _(
                    "Remove the project's own search route from urls.py (in a project made by "
                    "`wagtail start`: the search_views lines) and include wagtail_thgov.urls; the search "
                    "form of the plugin sends ?query=."
                )
            ),
            id="wagtail_thgov.E305",
        )
    ]


@register(Tags.database)
def check_site_roots(app_configs, databases=None, **kwargs):
    """W306: a site's root is not a municipality home page; W307: its root lacks the workflow or roles."""
    if not databases:
        return []
    from .roots import root_problems  # reads the page tree: only once the apps are loaded

    try:
        problems = root_problems()
    except DatabaseError:
        return []  # before the first migrate
    messages = []
    for site in problems["not_municipality"]:
        messages.append(
            Warning(
                f"The root page of site {site.hostname}:{site.port} is not a municipality home page: the plugin's sections, "
                "menus and compliance report do not apply to it.",
                hint=thai_and_english(
                    _("Run `manage.py thgov_municipality --site %(site)s`."), site=site.hostname
                ),
                id="wagtail_thgov.W306",
            )
        )
    for site in problems["no_workflow"]:
        messages.append(
            Warning(
                f"The root page of site {site.hostname}:{site.port} is not under the publication workflow or its role groups "
                "have no permissions on it: new pages skip the two-step certification.",
                hint=thai_and_english(_("Run `manage.py thgov_setup`.")),
                id="wagtail_thgov.W307",
            )
        )
    return messages
