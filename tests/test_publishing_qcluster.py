"""A real django-q2 cluster (ORM broker, SQLite file) expires a live page on its own: nobody runs a command.

The demo site's settings run in subprocesses against a throw-away SQLite file: ``migrate``, then a
small script publishes a page expiring a few seconds ahead and registers the schedules exactly as
``thgov_setup`` does, then ``qcluster`` runs until the page is offline. The test reads the file with
the standard ``sqlite3`` module, so it depends on nothing but the processes it starts.
"""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import stop_group

pytestmark = pytest.mark.slow

MANAGE = Path(__file__).resolve().parent.parent / "example_project" / "manage.py"
WAIT_SECONDS = 90  # django-q2's scheduler looks at the schedules every 30 seconds

SETUP_SCRIPT = """
import datetime as dt, json
from django.utils import timezone
from wagtail.models import Page
from wagtail_thgov.publishing.schedules import ensure_schedules

root = Page.get_first_root_node()
page = root.add_child(instance=Page(title="ประกาศแจ้งเตือนชั่วคราว", slug="temporary-alert"))
page.save_revision().publish()
page.title = "ประกาศแจ้งเตือนชั่วคราว (ร่างแก้ไข)"
page.save_revision()
Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() + dt.timedelta(seconds=5))
created = ensure_schedules(print)
print(json.dumps({"page": page.pk, "revisions": page.revisions.count(), "schedules": created}))
"""


def run_manage(env, *args, timeout=300):
    result = subprocess.run(
        [sys.executable, str(MANAGE), *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def page_state(database, page_id):
    with sqlite3.connect(database, timeout=20) as connection:
        live, expired = connection.execute(
            "SELECT live, expired FROM wagtailcore_page WHERE id = ?", (page_id,)
        ).fetchone()
        revisions = connection.execute(
            "SELECT count(*) FROM wagtailcore_revision WHERE object_id = ?", (str(page_id),)
        ).fetchone()[0]
        logged = connection.execute(
            "SELECT count(*) FROM wagtailcore_pagelogentry WHERE page_id = ? AND action = ?",
            (page_id, "wagtail.unpublish.scheduled"),
        ).fetchone()[0]
    return {"live": bool(live), "expired": bool(expired), "revisions": revisions, "logged": logged}


def test_real_cluster_expires_a_live_page_and_keeps_its_revisions(tmp_path):
    database = tmp_path / "thgov.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "THGOV_Q_WORKERS": "1",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("REDIS_URL", None)  # the embedded ORM broker
    run_manage(env, "migrate", "--noinput")
    setup = json.loads(run_manage(env, "shell", "-c", SETUP_SCRIPT).strip().splitlines()[-1])
    page_id = setup["page"]
    assert setup["revisions"] == 2
    assert page_state(database, page_id)["live"]

    log = (tmp_path / "qcluster.log").open("w")
    cluster = subprocess.Popen(
        [sys.executable, str(MANAGE), "qcluster"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        state = page_state(database, page_id)
        while state["live"] and time.monotonic() < deadline and cluster.poll() is None:
            time.sleep(1)
            state = page_state(database, page_id)
    finally:
        stop_group(cluster)
        log.close()
    output = (tmp_path / "qcluster.log").read_text()
    assert not state["live"], (
        f"the page is still live after {WAIT_SECONDS} s; qcluster said:\n{output[-3000:]}"
    )
    assert state == {"live": False, "expired": True, "revisions": 2, "logged": 1}
