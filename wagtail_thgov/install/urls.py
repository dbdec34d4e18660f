"""``add_thgov_urls(urlpatterns)``: the plugin's URLs in their places in a project's ``urlpatterns``.

- the scoped admin views (``wagtail_thgov.isolation.admin_urls``) just before Wagtail's admin, under the
  same prefix (system check E201);
- the public URLs (``/search/``, ``/sitemap.xml``, ``/robots.txt``, ``/rss.xml``, the e-Service status
  page, Thai slugs) just before Wagtail's page-serving catch-all, or at the end without one.

A route of the project that answers ``/search/`` first (a ``wagtail start`` project's own search page)
still wins: remove it (system check E305 names it).
"""

from django.urls import URLResolver, include, path

ADMIN_URLCONF = "wagtail.admin.urls"
SERVE_URLCONF = "wagtail.urls"
SCOPED_ADMIN_URLCONF = "wagtail_thgov.isolation.admin_urls"
PUBLIC_URLCONF = "wagtail_thgov.urls"


def _urlconf_name(pattern) -> str | None:
    if not isinstance(pattern, URLResolver):
        return None
    urlconf = pattern.urlconf_name
    return urlconf if isinstance(urlconf, str) else getattr(urlconf, "__name__", None)


def _position(patterns, urlconf) -> int | None:
    return next((i for i, pattern in enumerate(patterns) if _urlconf_name(pattern) == urlconf), None)


def add_thgov_urls(urlpatterns) -> list:
    """A copy of ``urlpatterns`` with the plugin's URL includes added where they belong; safe to call again."""
    patterns = list(urlpatterns)
    admin = _position(patterns, ADMIN_URLCONF)
    if admin is not None and _position(patterns, SCOPED_ADMIN_URLCONF) is None:
        # Under Wagtail's own prefix, whether the project wrote it with path() or re_path().
        urlconf, app_name, namespace = include(SCOPED_ADMIN_URLCONF)
        scoped = URLResolver(patterns[admin].pattern, urlconf, app_name=app_name, namespace=namespace)
        patterns.insert(admin, scoped)
    if _position(patterns, PUBLIC_URLCONF) is None:
        serve = _position(patterns, SERVE_URLCONF)
        public = path("", include(PUBLIC_URLCONF))
        patterns.insert(len(patterns) if serve is None else serve, public)
    return patterns
