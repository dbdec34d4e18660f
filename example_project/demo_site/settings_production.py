"""Production settings: the demo site's settings made safe for the Internet (see docs/deployment.md).

Use with ``DJANGO_SETTINGS_MODULE=demo_site.settings_production``. Everything secret or
site-specific comes from the environment, and the process refuses to start without it:

- ``DJANGO_SECRET_KEY``: a long random string (``python -c "import secrets; print(secrets.token_urlsafe(50))"``);
- ``DJANGO_ALLOWED_HOSTS``: the hostnames served, comma-separated (``www.example.go.th,.example.go.th``);
- ``DATABASE_URL`` (PostgreSQL) and ``REDIS_URL`` (cache and django-q2 broker), as for the demo.

TLS is expected to end at a reverse proxy (nginx, a load balancer) that sets ``X-Forwarded-Proto``;
``SECURE_PROXY_SSL_HEADER`` trusts that header, so the proxy MUST overwrite it on every request.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F403
from .settings import env_flag

DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure-") or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random string of at least 50 characters in production."
    )

ALLOWED_HOSTS = [
    host.strip() for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if host.strip()
]
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must list the hostnames this installation serves.")

# HTTPS only: the proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# One year of HSTS, subdomains included (every municipality of the installation is a subdomain);
# preload only once every subdomain is known to serve HTTPS.
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_flag("DJANGO_SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is a promise for the whole registered domain that is slow to undo; it is the host's
    # decision (DJANGO_SECURE_HSTS_PRELOAD=1), so its reminder is silenced, never the other checks.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Static files collected once per release (``collectstatic``) and served by WhiteNoise with
# far-future cache headers; the finders fallback of the demo is not used.
WHITENOISE_USE_FINDERS = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}")

# Logs to standard error with timestamps: the service manager (systemd-journald, Docker) keeps them;
# docs/deployment.md explains keeping them at least 90 days (Computer-Related Crime Act).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"timestamped": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "timestamped"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.security": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
