"""What a Wagtail project's settings need for the plugin, as lists and functions that add what is missing.

Imports nothing from Django or Wagtail: a project's ``settings.py`` imports this module before Django is
configured. The order that matters is kept here, not left to the reader:

- ``wagtail_thgov`` and ``wagtail_thgov.thai_admin`` come before Wagtail's apps (their templates and Thai
  texts win);
- the page cache's update middleware is first, its fetch middleware last; the security headers follow
  Django's ``SecurityMiddleware``; the statistics middleware come after the session and CSRF middleware.
"""

# Before every other app (their templates and catalogues override Wagtail's).
THGOV_APPS = ["wagtail_thgov", "wagtail_thgov.thai_admin"]

# Apps the plugin's models, pages and templates use, besides the ones every Wagtail project has.
REQUIRED_APPS = [
    "wagtail.contrib.forms",  # e-Service pages are form-builder pages
    "wagtail.contrib.settings",  # the municipality's settings, read by every public page
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",  # site search records its queries
    "wagtail.contrib.table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_q",  # django-q2: the schedules (expiry, digests, publishing)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

SECURITY_MIDDLEWARE = "django.middleware.security.SecurityMiddleware"
CSRF_MIDDLEWARE = "django.middleware.csrf.CsrfViewMiddleware"
CACHE_UPDATE_MIDDLEWARE = "wagtail_thgov.cache.middleware.PageCacheUpdateMiddleware"
CACHE_FETCH_MIDDLEWARE = "wagtail_thgov.cache.middleware.PageCacheFetchMiddleware"
SECURITY_HEADERS_MIDDLEWARE = "wagtail_thgov.security.middleware.SecurityHeadersMiddleware"
# After the session, CSRF and authentication middleware, before the cache's fetch middleware.
STATS_MIDDLEWARE = [
    "wagtail_thgov.stats.middleware.SatisfactionRatingMiddleware",  # the 1–5 satisfaction widget
    "wagtail_thgov.stats.middleware.PageViewCounterMiddleware",  # cookie-less visitor statistics
]
BEFORE_STATS_MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    CSRF_MIDDLEWARE,
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
THGOV_MIDDLEWARE = [
    CACHE_UPDATE_MIDDLEWARE,
    SECURITY_HEADERS_MIDDLEWARE,
    *STATS_MIDDLEWARE,
    CACHE_FETCH_MIDDLEWARE,
]

SETTINGS_CONTEXT_PROCESSOR = "wagtail.contrib.settings.context_processors.settings"


def installed_apps(apps) -> list[str]:
    """``apps`` with the plugin's apps first and every app it needs added at the end; safe to call again."""
    rest = [app for app in apps if app not in THGOV_APPS]
    return [*THGOV_APPS, *rest, *(app for app in REQUIRED_APPS if app not in rest)]


def middleware(classes) -> list[str]:
    """``classes`` with the plugin's middleware (and Django's ``SecurityMiddleware``) in their places.

    The plugin's own entries are taken out and put back where they belong, so calling it again, or on a
    list that already names some of them in the wrong place, gives the same result.
    """
    rest = [name for name in classes if name not in THGOV_MIDDLEWARE]
    if SECURITY_MIDDLEWARE not in rest:
        rest.insert(0, SECURITY_MIDDLEWARE)
    security = rest.index(SECURITY_MIDDLEWARE)
    rest.insert(security + 1, SECURITY_HEADERS_MIDDLEWARE)
    return [CACHE_UPDATE_MIDDLEWARE, *rest, *STATS_MIDDLEWARE, CACHE_FETCH_MIDDLEWARE]


def context_processors(processors) -> list[str]:
    """``processors`` with Wagtail's settings context processor (the municipality's details on every page)."""
    return [*processors, *([] if SETTINGS_CONTEXT_PROCESSOR in processors else [SETTINGS_CONTEXT_PROCESSOR])]
