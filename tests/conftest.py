"""Fixtures for test infrastructure shared by the whole suite (tools, databases, services).

Locally, a missing tool (Chromium, msgfmt) or service (PostgreSQL, Redis) skips the tests that need it.
Under ``CI=true`` it fails them instead: a CI machine that lost its browser or its database must go red,
not green with a pile of skips.

The demo municipality is built once per test process and restored for the tests that ask for it
(``demo_db``, ``live_demo``; tests/demo_db.py).
"""

import os
import shutil
from pathlib import Path

import pytest

from .demo_db import EN, TH_WITH_USERS, DemoDatabase
from .factories import built_once

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


# --- the demo database (tests/demo_db.py) ------------------------------------------------------------------
_demo_database = []


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, and a snapshot of it right after migrations: the state a module that
    used the demo leaves behind, so that the next module never sees the demo."""
    with django_db_blocker.unblock():
        demo = DemoDatabase()
        demo.save_pristine()
    _demo_database.append(demo)
    yield
    with django_db_blocker.unblock():
        demo.drop_all()
    _demo_database.remove(demo)


@pytest.fixture(scope="session")
def demo_database(django_db_setup):
    """This process's ``DemoDatabase``: the demo's snapshots."""
    return _demo_database[0]


@pytest.fixture(scope="module")
def demo_db(demo_database, django_db_blocker):
    """The demo municipality (English source texts) for a module's tests, each of which sees it pristine.

    Built the first time a module of this process asks for it, restored from its snapshot afterwards.
    The module's tests run inside one transaction; each test's own changes are rolled back after it. At
    the end of the module the database is back to its state after migrations. The tests of a module that
    use ``demo_db`` run after its other tests (``pytest_collection_modifyitems`` below), which never see it.
    """
    with django_db_blocker.unblock():
        demo_database.restore(EN)
    with built_once(django_db_blocker):
        yield demo_database
    with django_db_blocker.unblock():
        demo_database.restore_pristine()


@pytest.fixture
def live_demo(demo_database, live_server, settings):
    """For a browser test: the demo as ``thgov_demo --users`` makes it on a Thai site, served by
    ``live_server`` (which empties the database after the test)."""
    settings.LANGUAGE_CODE = "th"
    demo_database.restore(TH_WITH_USERS)
    return live_server


# Modules that take minutes (real processes, a full browser crawl), measured with ``--durations`` on the
# development machine (seconds per pass, rounded). ``make test`` runs modules on two workers (``--dist
# loadfile``) in the order they are collected: handing out the longest first keeps one worker from
# starting a four-minute module while the other has nothing left.
LONG_MODULES = {
    "tests/test_packaging.py": 530,
    "tests/e2e/test_thai_admin_crawl.py": 310,
    "tests/test_stats_multiprocess.py": 250,
    "tests/e2e/test_accessibility.py": 270,
    "tests/test_reliability_processes.py": 200,
    "tests/test_cache_multiprocess.py": 160,
    "tests/test_publishing_qcluster.py": 150,
    "tests/e2e/test_compliance_in_chromium.py": 150,
    "tests/test_security_permissions.py": 70,
    "tests/test_query_counts.py": 70,
}


def pytest_collection_modifyitems(config, items):
    # Tests marked ``sqlite_pass_only`` read nothing the pass's database changes (the wheel in a project of
    # its own, the words on the admin's screens, the accessibility of the rendered pages): the PostgreSQL +
    # Redis pass of ``make test`` skips them rather than repeat minutes of identical work.
    if os.environ.get("DATABASE_URL"):
        once = pytest.mark.skip(reason="independent of the database: runs in the SQLite pass only")
        for item in items:
            if item.get_closest_marker("sqlite_pass_only"):
                item.add_marker(once)
    # In each module, the tests that use the module's demo run last: the demo stays in the database from
    # the first of them to the end of the module. The sort is stable: the order is otherwise unchanged.
    root = config.rootpath
    modules = {}
    for item in items:
        modules.setdefault(item.module if hasattr(item, "module") else None, len(modules))

    def weight(item):
        module = getattr(item, "module", None)
        path = getattr(module, "__file__", None)
        relative = str(Path(path).resolve().relative_to(root)) if path else ""
        return -LONG_MODULES.get(relative, 0)

    items.sort(
        key=lambda item: (
            weight(item),
            modules[getattr(item, "module", None)],
            "demo_db" in getattr(item, "fixturenames", ()),
        )
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test's fixtures: a database connection this process keeps open between tests that the
    server has ended meanwhile is replaced, not handed to the test.

    Between tests Django keeps this thread's connection open. Restoring a demo snapshot ends the other
    sessions on the test database (``demo_db._PostgreSQLSnapshots.restore``), and the PostgreSQL logs of
    full passes show such sessions ended while idle; a test whose first query met one failed with
    "terminating connection due to administrator command" (CI, test_infrastructure.py). Only a
    connection outside a transaction is checked (inside a module's ``built_once`` transaction nothing can
    be replaced); ``is_usable()`` costs one ``SELECT 1`` per test in the PostgreSQL pass.
    """
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if connection.connection is None or connection.in_atomic_block:
            continue
        if not connection.is_usable():
            print(f"\n[tests] {connection.alias}: a connection the server had ended was replaced")
            connection.close()
