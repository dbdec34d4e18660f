"""The test infrastructure itself: the second pass of ``make test`` really uses PostgreSQL and Redis."""

import subprocess
import uuid

import pytest
import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection


@pytest.mark.django_db
def test_postgres_pass_uses_postgresql_and_redis(postgres_and_redis_pass):
    _, redis_url = postgres_and_redis_pass

    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone()[0].startswith("test_")  # pytest-django's copy, not the real database

    # The cache is Redis: a round trip through Django's cache, and the key is visible to a plain client.
    assert isinstance(caches["default"], RedisCache)
    key = f"infrastructure-check-{uuid.uuid4().hex}"
    cache.set(key, "ทดสอบ", timeout=60)
    try:
        assert cache.get(key) == "ทดสอบ"
        assert redis.Redis.from_url(redis_url).exists(cache.make_key(key)) == 1
    finally:
        cache.delete(key)

    # django-q2 uses Redis as its broker in this pass too (tests run its tasks synchronously).
    assert settings.Q_CLUSTER["redis"] == redis_url
    assert settings.Q_CLUSTER["sync"] is True


def test_chromium_runs(require_tool):
    chromium = require_tool("/usr/bin/chromium")
    result = subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Chromium" in result.stdout


def test_a_connection_the_server_ended_between_tests_is_replaced_before_the_next(
    postgres_and_redis_pass, django_db_setup, django_db_blocker
):
    """tests/conftest.py ``pytest_runtest_setup``: what a snapshot restore or a server's end of an idle
    session leaves behind is not handed to the next test (CI failed once on exactly that)."""
    import time

    import psycopg

    from tests.conftest import pytest_runtest_setup

    database_url, _ = postgres_and_redis_pass
    with django_db_blocker.unblock():
        connection.ensure_connection()
        assert not connection.in_atomic_block
        backend = connection.connection.info.backend_pid
        with psycopg.connect(database_url, autocommit=True) as other:
            assert other.execute("SELECT pg_terminate_backend(%s)", [backend]).fetchone()[0]
        deadline = time.monotonic() + 5
        while connection.is_usable() and time.monotonic() < deadline:
            time.sleep(0.05)  # the backend ends shortly after the signal
        assert not connection.is_usable()
        pytest_runtest_setup(None)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            assert cursor.fetchone()[0] != backend
        connection.close()
