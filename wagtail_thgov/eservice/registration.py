"""What the e-Service registers at start-up (``core.registry``)."""

import datetime as dt

from django_q.models import Schedule

from ..core.registry import job

# Personal data of requests closed longer ago than the site's retention period.
job(
    "thgov: erase personal data of closed e-Service requests",
    "wagtail_thgov.eservice.jobs.erase_expired_personal_data",
    Schedule.DAILY,
    at=dt.time(1, 15),
)
