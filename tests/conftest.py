"""Fixtures for test infrastructure shared by the whole suite (tools, databases, services).

Locally, a missing tool (Chromium, msgfmt) or service (PostgreSQL, Redis) skips the tests that need it.
Under ``CI=true`` it fails them instead: a CI machine that lost its browser or its database must go red,
not green with a pile of skips.
"""

import os
import shutil

import pytest

IN_CI = os.environ.get("CI", "").strip().lower() == "true"


def skip_or_fail(reason):
    """Skip the current test locally; fail it under CI=true."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this is required, not optional)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def require_tool():
    """``require_tool("msgfmt")`` or ``require_tool("/usr/bin/chromium")``: the tool's path, or skip/fail."""

    def require(name_or_path):
        path = shutil.which(name_or_path)  # also checks that an absolute path is an executable file
        if path is None:
            skip_or_fail(f"{name_or_path} is not installed")
        return path

    return require


@pytest.fixture
def postgres_and_redis_pass():
    """Only in the PostgreSQL + Redis pass of ``make test``: returns ``(DATABASE_URL, REDIS_URL)``.

    The SQLite pass skips, unless CI=true and CI was not given the URLs of the second pass at all (then
    ``make test`` has already failed; this catches running pytest by hand with CI=true).
    """
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url:
        missing = [
            name for name in ("THGOV_TEST_DATABASE_URL", "THGOV_TEST_REDIS_URL") if not os.environ.get(name)
        ]
        if IN_CI and missing:
            pytest.fail(f"CI=true but {' and '.join(missing)} not set: PostgreSQL + Redis are never tested")
        pytest.skip("SQLite pass: DATABASE_URL is not set")
    if not redis_url:
        skip_or_fail("DATABASE_URL is set but REDIS_URL is not: the second pass needs both")
    return database_url, redis_url
