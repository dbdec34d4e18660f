"""The django-q2 schedules of wagtail-thgov: ``thgov_setup`` keeps exactly one per registered job.

Each capability registers its jobs in its ``registration`` module (``core.registry.job``: statistics
flush, retention purges, ...); nothing here names them. A schedule is found by its name; a second run
creates nothing, and duplicates (django-q2 does not make names unique) are removed.
"""

import datetime as dt

from django.utils import timezone
from django_q.models import Schedule

from ..core.registry import ScheduledJob, jobs
from ..core.thai.dates import BANGKOK


def first_run(job: ScheduledJob, now=None) -> dt.datetime:
    """When ``job`` first runs: now, or the next ``job.at`` in Bangkok time."""
    now = now or timezone.now()
    if job.at is None:
        return now
    local = now.astimezone(BANGKOK)
    run = dt.datetime.combine(local.date(), job.at, tzinfo=BANGKOK)
    return run if run > local else run + dt.timedelta(days=1)


def missing_schedules() -> list[ScheduledJob]:
    """The jobs that have no schedule in the database."""
    registered = jobs()
    present = set(
        Schedule.objects.filter(name__in=[job.name for job in registered]).values_list("name", flat=True)
    )
    return [job for job in registered if job.name not in present]


def ensure_schedule(job: ScheduledJob) -> int:
    """Exactly one schedule for ``job``, with its function and interval; return rows created or changed."""
    existing = list(Schedule.objects.filter(name=job.name).order_by("pk"))
    if not existing:
        Schedule.objects.create(
            name=job.name,
            func=job.func,
            schedule_type=job.schedule_type,
            minutes=job.minutes,
            repeats=-1,
            next_run=first_run(job),
        )
        return 1
    schedule, duplicates = existing[0], existing[1:]
    changed = len(duplicates)
    if duplicates:
        Schedule.objects.filter(pk__in=[duplicate.pk for duplicate in duplicates]).delete()
    wanted = {"func": job.func, "schedule_type": job.schedule_type, "minutes": job.minutes}
    updates = {name: value for name, value in wanted.items() if getattr(schedule, name) != value}
    if updates:
        Schedule.objects.filter(pk=schedule.pk).update(**updates)
        changed += 1
    return changed


def ensure_schedules(write) -> int:
    """thgov_setup step: every registered job has exactly one schedule (the run time an administrator may
    have changed is kept)."""
    changed = sum(ensure_schedule(job) for job in jobs())
    if changed:
        write(f"scheduled jobs: {changed} created or updated")
    return changed
