"""django-q2 schedules: registered by thgov_setup exactly once per job, checked by a system check, and
run by django-q2's scheduler (here inline, ``sync``; tests/test_publishing_qcluster.py runs a real cluster)."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule, Task
from django_q.scheduler import scheduler
from wagtail.models import Page

from tests.test_publishing_expiry import make_municipality_site, make_news, make_news_index, make_tree
from wagtail_thgov.core import registry
from wagtail_thgov.core.registry import jobs, setup_steps
from wagtail_thgov.core.thai.dates import BANGKOK
from wagtail_thgov.publishing.checks import check_schedules
from wagtail_thgov.publishing.schedules import ensure_schedules

pytestmark = pytest.mark.django_db


def schedules_by_job():
    return {job.name: Schedule.objects.filter(name=job.name).count() for job in jobs()}


def test_schedules_are_a_thgov_setup_step():
    assert "wagtail_thgov.publishing.schedules.ensure_schedules" in [step.path for step in setup_steps()]


def test_thgov_setup_twice_leaves_exactly_one_schedule_per_job():
    make_tree()
    call_command("thgov_setup", stdout=io.StringIO())
    second = io.StringIO()
    call_command("thgov_setup", stdout=second)
    assert schedules_by_job() == {job.name: 1 for job in jobs()}
    assert "nothing changed" in second.getvalue()


def test_publish_scheduled_runs_every_minute_and_digest_daily():
    ensure_schedules(lambda message: None)
    publish = Schedule.objects.get(func="wagtail_thgov.publishing.jobs.run_publish_scheduled")
    assert (publish.schedule_type, publish.minutes, publish.repeats) == (Schedule.MINUTES, 1, -1)
    digest = Schedule.objects.get(func="wagtail_thgov.publishing.jobs.send_daily_digest")
    assert digest.schedule_type == Schedule.DAILY
    assert digest.next_run.astimezone(BANGKOK).time() == dt.time(7, 0)


def test_duplicate_schedules_are_removed_and_changed_ones_restored():
    ensure_schedules(lambda message: None)
    job = next(job for job in jobs() if job.func.endswith("run_publish_scheduled"))  # every minute
    Schedule.objects.create(name=job.name, func=job.func, schedule_type=job.schedule_type, minutes=1)
    Schedule.objects.filter(name=job.name).update(minutes=5)
    assert ensure_schedules(lambda message: None) == 2
    [schedule] = Schedule.objects.filter(name=job.name)
    assert schedule.minutes == 1
    assert ensure_schedules(lambda message: None) == 0


def test_administrators_run_time_is_kept():
    ensure_schedules(lambda message: None)
    digest = Schedule.objects.get(func="wagtail_thgov.publishing.jobs.send_daily_digest")
    later = digest.next_run + dt.timedelta(hours=2)
    Schedule.objects.filter(pk=digest.pk).update(next_run=later)
    ensure_schedules(lambda message: None)
    assert Schedule.objects.get(pk=digest.pk).next_run == later


def test_other_subpackages_can_add_jobs(monkeypatch):
    before = len(jobs())
    monkeypatch.setattr(registry, "_jobs", dict(registry._jobs))  # the registration is undone afterwards
    registry.job("thgov: stats flush", "wagtail_thgov.publishing.jobs.send_daily_digest", Schedule.HOURLY)
    assert ensure_schedules(lambda message: None) == before + 1
    assert Schedule.objects.filter(name="thgov: stats flush").count() == 1


def test_system_check_warns_until_schedules_exist():
    [warning] = check_schedules(None, databases=["default"])
    assert warning.id == "wagtail_thgov.W101"
    assert "thgov_setup" in warning.hint
    ensure_schedules(lambda message: None)
    assert check_schedules(None, databases=["default"]) == []


def test_system_check_is_a_database_check_that_skips_without_databases():
    assert check_schedules(None, databases=None) == []


def test_django_q_scheduler_runs_the_publish_job():
    news_index = make_news_index(make_municipality_site())
    page = make_news(news_index, "due", expire_at=timezone.now() + dt.timedelta(seconds=1))
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - dt.timedelta(seconds=1))
    ensure_schedules(lambda message: None)
    Schedule.objects.filter(func="wagtail_thgov.publishing.jobs.run_publish_scheduled").update(
        next_run=timezone.now() - dt.timedelta(seconds=1)
    )
    scheduler()  # django-q2's own scheduler; Q_CLUSTER["sync"] runs the task inline
    assert not Page.objects.get(pk=page.pk).live
    task = Task.objects.get(func="wagtail_thgov.publishing.jobs.run_publish_scheduled")
    assert task.success and "expired pages: 1" in task.result


def test_make_demo_runs_the_worker():
    run_demo = (Path(__file__).resolve().parent.parent / "example_project" / "run_demo.py").read_text()
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    assert '"qcluster"' in run_demo
    assert "thgov_setup" in makefile and "run_demo.py" in makefile
