"""Settings of the demo municipality site.

Embedded defaults: SQLite, local-memory cache, django-q2 ORM broker. Set ``DATABASE_URL``
(e.g. ``postgres://user:pass@127.0.0.1:5432/thgov``) and ``REDIS_URL``
(e.g. ``redis://127.0.0.1:6379/0``) to scale out; see docs/deployment.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    """A boolean from the environment: 1/true/yes/on are true."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-demo-key-change-me-in-production")
DEBUG = env_flag("DJANGO_DEBUG", True)
ALLOWED_HOSTS = [
    h
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,testserver").split(",")
    if h
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "wagtail_thgov",
    "wagtail_thgov.thai_admin",  # before Wagtail's apps: its Thai catalogue overrides theirs
    "thgov_demo",  # the demo municipality of this example project (not in the pip package)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
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
    "django_q",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "wagtail_thgov.cache.middleware.PageCacheUpdateMiddleware",  # page cache: first (see docs/caching.md)
    "django.middleware.security.SecurityMiddleware",
    "wagtail_thgov.security.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wagtail_thgov.stats.middleware.SatisfactionRatingMiddleware",
    "wagtail_thgov.stats.middleware.PageViewCounterMiddleware",
    "wagtail_thgov.cache.middleware.PageCacheFetchMiddleware",  # page cache: last
]

ROOT_URLCONF = "demo_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "demo_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "demo_site.wsgi.application"

# Database: SQLite file by default; PostgreSQL (or anything dj-database-url reads) from DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A connection broken by a database restart is replaced at the next request, not reused.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions let the site and the django-q2 worker share one SQLite file.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and django-q2 broker: local memory and the ORM by default; Redis for both when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
Q_CLUSTER = {
    "name": "thgov",
    "workers": int(os.environ.get("THGOV_Q_WORKERS", "2")),
    "timeout": 600,
    "retry": 720,
    "max_attempts": 3,
    "catch_up": False,
    "label": _("Scheduled jobs"),
}
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, except that a stopped Redis is an empty cache, not a server error.
            "BACKEND": "wagtail_thgov.cache.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("THGOV_CACHE_PREFIX", "thgov"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 2},
        }
    }
    Q_CLUSTER["redis"] = REDIS_URL
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "thgov"}}
    Q_CLUSTER["orm"] = "default"
    Q_CLUSTER["poll"] = 1

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", str(BASE_DIR / "static_collected"))
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")

WAGTAIL_SITE_NAME = "เทศบาลตำบลบ้านสวนดอกไม้ (ตัวอย่าง)"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "csv",
    "txt",
    "zip",
    "jpg",
    "png",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# wagtail-thgov: the certification task publishes; approvers need no "publish" permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "wagtail_thgov.workflows.actions.publish_certified"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# wagtail-thgov e-Service: a Thai page for a refused (expired or forged) form, saying nothing was stored.
CSRF_FAILURE_VIEW = "wagtail_thgov.eservice.views.csrf_failure"

# wagtail-thgov page cache (docs/caching.md): anonymous visitors get public pages from the cache above
# (local memory per process, or Redis shared by every app server when REDIS_URL is set).
# THGOV_PAGE_CACHE_ENABLED=0 in the environment switches it off.
THGOV_PAGE_CACHE_ENABLED = env_flag("THGOV_PAGE_CACHE_ENABLED", True)
THGOV_PAGE_CACHE_SECONDS = int(os.environ.get("THGOV_PAGE_CACHE_SECONDS", "300"))

# --- wagtail-thgov security (docs/security.md): uploads checked by content, frames from this site only ---
# (the forms also refuse changes to certified files outside the workflow: docs/certified-files.md)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_thgov.certifiedfiles.forms.CertifiedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "wagtail_thgov.certifiedfiles.forms.CertifiedImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp"]
X_FRAME_OPTIONS = "SAMEORIGIN"

# --- benchmarks/load_bench.py: a plain Wagtail page type to compare with, only when asked for ---------
if env_flag("THGOV_BENCH_PAGES"):
    INSTALLED_APPS = [*INSTALLED_APPS, "benchpages"]
