"""What the publishing registers at start-up (``core.registry``): expiry defaults, the django-q2 schedules
of every registered job, and its own jobs (scheduled publication and expiry, the daily digest)."""

import datetime as dt

from django_q.models import Schedule

from ..core.registry import job, setup_step

setup_step(400, "expiry defaults", "wagtail_thgov.publishing.expiry.ensure_expiry_defaults")
# After every other capability registered its jobs (registration happens at start-up, steps run later).
setup_step(500, "scheduled jobs", "wagtail_thgov.publishing.schedules.ensure_schedules")

job(
    "thgov: publish and expire scheduled pages",
    "wagtail_thgov.publishing.jobs.run_publish_scheduled",
    Schedule.MINUTES,
    minutes=1,
)
job(
    "thgov: daily currency digest",
    "wagtail_thgov.publishing.jobs.send_daily_digest",
    Schedule.DAILY,
    at=dt.time(7, 0),
)
