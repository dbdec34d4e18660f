"""The demo municipality in tests: built once per test process, then restored wherever a test needs it.

Building the full demo (every category's pages, documents and images, e-Service requests, survey
answers, statistics, the certification workflow) is the slowest thing the suite does. Before this module,
about ten test modules built it for themselves, several of them twice or once per test. Now each test
process (each pytest-xdist worker) builds each flavour of the demo at most once, saves the database and
media files as a snapshot, and restores that snapshot for every module or test that asks for it:

- ``demo_db`` (tests/conftest.py, module scope): the English-source demo of ``build_demo()``, restored
  once for the module; each test runs inside the module's transaction, so every test sees the pristine
  demo, and the database returns to its state after migrations when the module ends.
- ``live_demo`` (tests/conftest.py, per test): the demo as ``manage.py thgov_demo --users`` makes it for
  a Thai site, restored before each browser test; ``live_server`` empties the database afterwards.

The snapshots are the database's own copies: SQLite's online backup of the in-memory test database,
PostgreSQL's ``CREATE DATABASE ... TEMPLATE``. The demo's own promises (it creates objects, a second run
creates none) are asserted once, in tests/test_demo_build.py.

Tests build the demo only through ``build_demo_content`` below (the ``thgov_demo`` command): when the
demo's code moves, nothing here changes.
"""

import re
import shutil
import sqlite3
import tempfile
import time
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test.utils import override_settings
from django.utils import translation
from wagtail.models import Collection, Locale, Page

# The English-source demo that most tests read (tests/settings.py: LANGUAGE_CODE = "en"), and the Thai
# demo with its log-ins that browser tests show to a Thai citizen or officer (tests/e2e/conftest.py).
EN = "demo-en"
TH_WITH_USERS = "demo-th-users"
PRISTINE = "pristine"


def build_demo_content(users=False):
    """Build (or complete) the demo in the current database; return how many objects were created.

    ``users``: also the demo log-ins, exactly as ``manage.py thgov_demo --users`` makes them.
    """
    out = StringIO()
    call_command("thgov_demo", *(["--users"] if users else []), stdout=out)
    # The command's last line: "thgov_demo: <n> objects created."
    return int(re.search(r"thgov_demo: (\d+) objects created", out.getvalue())[1])


class _SQLiteSnapshots:
    """Copies of the in-memory test database, kept in private in-memory databases of this process."""

    def __init__(self):
        self.saved = {}

    def take(self, name):
        connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        self.saved[name] = copy

    def restore(self, name):
        connection.ensure_connection()
        # The live server thread shares this very connection (in-memory SQLite), so it sees the copy too.
        self.saved[name].backup(connection.connection)

    def drop_all(self):
        for copy in self.saved.values():
            copy.close()
        self.saved.clear()


class _PostgreSQLSnapshots:
    """Copies of the test database as sibling databases, restored with ``CREATE DATABASE ... TEMPLATE``."""

    def __init__(self):
        self.saved = {}

    def _name(self, name):
        return f"{connection.settings_dict['NAME']}_{name.replace('-', '_')}"

    def _run(self, *statements):
        # CREATE/DROP DATABASE cannot run in a transaction nor while anyone is connected to the database
        # copied or dropped: from the maintenance database, with this process's connection closed.
        connection.close()
        with connection._nodb_cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def take(self, name):
        copy = self._name(name)
        test_db = connection.settings_dict["NAME"]
        self._run(f'DROP DATABASE IF EXISTS "{copy}"', f'CREATE DATABASE "{copy}" TEMPLATE "{test_db}"')
        self.saved[name] = copy

    def restore(self, name):
        test_db = connection.settings_dict["NAME"]
        connection.close()
        with connection._nodb_cursor() as cursor:
            # End this role's other sessions on the test database (the live server thread's idle
            # connections, if any). Not DROP ... WITH (FORCE): that refuses to run while an autovacuum
            # worker (the superuser's) is in the database, which happens after the demo's many writes;
            # a plain DROP DATABASE stops such a worker itself.
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND usename = current_user AND pid <> pg_backend_pid()",
                [test_db],
            )
            for attempt in range(50):
                try:
                    cursor.execute(f'DROP DATABASE "{test_db}"')
                    break
                except OperationalError:  # a terminated session not gone yet: "being accessed by other users"
                    if attempt == 49:
                        raise
                    time.sleep(0.1)
            cursor.execute(f'CREATE DATABASE "{test_db}" TEMPLATE "{self.saved[name]}"')

    def drop_all(self):
        if self.saved:
            self._run(*(f'DROP DATABASE IF EXISTS "{copy}"' for copy in self.saved.values()))
        self.saved.clear()


class DemoDatabase:
    """Snapshots of this process's test database (and media files) before and after building the demo."""

    def __init__(self):
        self.snapshots = _SQLiteSnapshots() if connection.vendor == "sqlite" else _PostgreSQLSnapshots()
        self.media = {}
        self.created = {}  # flavour -> objects the build created (None when not counted)
        self.build_seconds = {}
        self.page_count = {}  # snapshot -> pages in it, for tests of the snapshots themselves
        self._media_dir = Path(tempfile.mkdtemp(prefix="thgov-test-demo-media-"))

    def save_pristine(self):
        """Right after migrations: the state every module that does not ask for the demo starts from."""
        self._take(PRISTINE)

    def restore_pristine(self):
        self._restore(PRISTINE)

    def restore(self, flavour):
        """Put the demo ``flavour`` in the database (building it the first time); no transaction may be open."""
        if flavour not in self.snapshots.saved:
            self._build(flavour)
        else:
            self._restore(flavour)

    def drop_all(self):
        self.snapshots.drop_all()
        shutil.rmtree(self._media_dir, ignore_errors=True)

    def _build(self, flavour):
        started = time.perf_counter()
        self._restore(PRISTINE)
        if flavour == EN:
            self.created[flavour] = build_demo_content()
        elif flavour == TH_WITH_USERS:
            # As browser tests built it before: on the emptied database live_server leaves, re-seeded with
            # what Wagtail's migrations create (tests/e2e/conftest.py ``wagtail_seed``), then in Thai.
            call_command("flush", interactive=False, verbosity=0)
            ContentType.objects.clear_cache()
            with override_settings(LANGUAGE_CODE="th"), translation.override("th"):
                Locale.objects.get_or_create(language_code="th")
                Collection.get_first_root_node() or Collection.add_root(name="Root")
                Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
                self.created[flavour] = build_demo_content(users=True)
        else:
            raise ValueError(f"unknown demo flavour {flavour!r}")
        cache.clear()
        self._take(flavour)
        self.build_seconds[flavour] = time.perf_counter() - started

    def _take(self, name):
        self.page_count[name] = Page.objects.count()
        self.snapshots.take(name)
        media = self._media_dir / name
        shutil.rmtree(media, ignore_errors=True)
        if Path(settings.MEDIA_ROOT).exists():
            shutil.copytree(settings.MEDIA_ROOT, media)
        self.media[name] = media

    def _restore(self, name):
        self.snapshots.restore(name)
        # The files the snapshot's rows point to (a test may have deleted them, e.g. the private storage).
        if self.media[name].exists():
            shutil.copytree(self.media[name], settings.MEDIA_ROOT, dirs_exist_ok=True)
        # Ids of content types may differ between snapshots (live_server's flush recreates them); Wagtail
        # caches the site root paths.
        ContentType.objects.clear_cache()
        cache.clear()
