"""Settings of the test suite: the demo site's settings plus what makes tests fast and isolated.

Like the demo site, SQLite and local memory by default; ``DATABASE_URL`` and ``REDIS_URL`` switch to
PostgreSQL and Redis (``make test`` runs the suite both ways). pytest-django already swaps in the
locmem e-mail backend.
"""

import atexit
import os
import shutil
import tempfile
import uuid

from demo_site.settings import *

# Hashing with the real (slow on purpose) hasher would dominate tests that create users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Uploaded images and documents go to a throw-away folder, never into example_project/media/.
MEDIA_ROOT = tempfile.mkdtemp(prefix="thgov-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# Nothing is collected in tests (WhiteNoise serves from the finders); an existing, empty STATIC_ROOT
# just stops WhiteNoise warning that example_project/static_collected/ is missing.
STATIC_ROOT = tempfile.mkdtemp(prefix="thgov-test-static-")
atexit.register(shutil.rmtree, STATIC_ROOT, ignore_errors=True)

# Tasks run inline in the calling process, whatever the broker (ORM or Redis) is configured to be.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}

# Connections kept open by live_server's thread would stop PostgreSQL from dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0

if REDIS_URL:
    # One Redis may serve several test runs at once (two checkouts, CI jobs): each process writes under
    # its own prefix so that runs can neither read nor clear each other's keys (ResilientRedisCache.clear()
    # deletes its own prefix only; Django's RedisCache.clear() would FLUSHDB).
    CACHES["default"]["KEY_PREFIX"] = f"thgov-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"

if os.environ.get("THGOV_SCRATCH_MIGRATIONS"):
    # Development only, while models change faster than their committed migration: migrations made
    # into a scratch folder (see scripts/scratch-migrations.sh) replace the package's own.
    import sys

    sys.path.insert(0, os.environ["THGOV_SCRATCH_MIGRATIONS"])
    MIGRATION_MODULES = {"wagtail_thgov": "thgov_scratch_migrations"}

# Assertions read the English source texts (the msgids), which do not change when a Thai translation
# is improved. Tests of the Thai experience itself switch back with ``settings.LANGUAGE_CODE = "th"``
# or ``translation.override("th")`` (tests/test_translations.py, tests/e2e/).
LANGUAGE_CODE = "en"

# Page-view counting writes from a background thread; tests of other features don't want it.
# tests/test_stats*.py switch it on for themselves.
THGOV_STATS_ENABLED = False

# The page cache would serve one test's page to the next; tests/test_cache*.py switch it on for themselves.
THGOV_PAGE_CACHE_ENABLED = False
# The same for the small per-site values kept per generation (cache/sitedata.py); tests/test_query_counts.py
# switches it on for itself.
THGOV_SITE_DATA_CACHE = False
