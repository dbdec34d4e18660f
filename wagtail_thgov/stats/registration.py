"""What the statistics register at start-up (``core.registry``): writing the counters, purging visitor hashes."""

import datetime as dt

from django_q.models import Schedule

from ..core.registry import job

job("thgov: write visitor statistics", "wagtail_thgov.stats.jobs.drain_stats", Schedule.MINUTES, minutes=1)
job(
    "thgov: delete past visitor hashes",
    "wagtail_thgov.stats.jobs.purge_visitor_hashes",
    Schedule.DAILY,
    at=dt.time(0, 30),
)
