"""The django-q2 schedules of wagtail-thgov, as a table: ``thgov_setup`` registers each job once.

Other subpackages add their jobs by appending a ``ScheduledJob`` to ``SCHEDULED_JOBS`` (statistics
flush, retention purges, ...). A schedule is found by its name; a second run creates nothing, and
duplicates (django-q2 does not make names unique) are removed.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django_q.models import Schedule

from ..core.thai.dates import BANGKOK


@dataclass(frozen=True)
class ScheduledJob:
    """One recurring job: its schedule name, the dotted path of its function and how often it runs."""

    name: str
    func: str
    schedule_type: str
    minutes: int | None = None
    at: dt.time | None = None  # Bangkok time of the first run, for daily and longer schedules

    def first_run(self, now=None) -> dt.datetime:
        now = now or timezone.now()
        if self.at is None:
            return now
        local = now.astimezone(BANGKOK)
        run = dt.datetime.combine(local.date(), self.at, tzinfo=BANGKOK)
        return run if run > local else run + dt.timedelta(days=1)


SCHEDULED_JOBS = [
    ScheduledJob(
        "thgov: publish and expire scheduled pages",
        "wagtail_thgov.publishing.jobs.run_publish_scheduled",
        Schedule.MINUTES,
        minutes=1,
    ),
    ScheduledJob(
        "thgov: daily currency digest",
        "wagtail_thgov.publishing.jobs.send_daily_digest",
        Schedule.DAILY,
        at=dt.time(7, 0),
    ),
    ScheduledJob(
        "thgov: write visitor statistics",
        "wagtail_thgov.stats.jobs.drain_stats",
        Schedule.MINUTES,
        minutes=1,
    ),
    ScheduledJob(
        "thgov: delete past visitor hashes",
        "wagtail_thgov.stats.jobs.purge_visitor_hashes",
        Schedule.DAILY,
        at=dt.time(0, 30),
    ),
    # e-Service (issue 8): personal data of requests closed longer ago than the site's retention period.
    ScheduledJob(
        "thgov: erase personal data of closed e-Service requests",
        "wagtail_thgov.eservice.jobs.erase_expired_personal_data",
        Schedule.DAILY,
        at=dt.time(1, 15),
    ),
]


def missing_schedules() -> list[ScheduledJob]:
    """The jobs that have no schedule in the database."""
    present = set(
        Schedule.objects.filter(name__in=[job.name for job in SCHEDULED_JOBS]).values_list("name", flat=True)
    )
    return [job for job in SCHEDULED_JOBS if job.name not in present]


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
            next_run=job.first_run(),
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
    """thgov_setup step: every job in ``SCHEDULED_JOBS`` has exactly one schedule (the run time an
    administrator may have changed is kept)."""
    changed = sum(ensure_schedule(job) for job in SCHEDULED_JOBS)
    if changed:
        write(f"scheduled jobs: {changed} created or updated")
    return changed
