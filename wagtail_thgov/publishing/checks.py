"""System checks of the publishing subpackage."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from .schedules import missing_schedules


@register(Tags.database)
def check_schedules(app_configs, databases=None, **kwargs):
    """Without its django-q2 schedules nothing expires and no digest is sent: warn until thgov_setup ran.

    A database check, so it runs with ``migrate`` and ``check --database default``, never at import.
    """
    if not databases:
        return []

    try:
        missing = missing_schedules()
    except DatabaseError:
        return []  # django-q2's tables do not exist yet (before the first migrate)
    if not missing:
        return []
    return [
        Warning(
            "Scheduled jobs are missing: " + ", ".join(job.name for job in missing) + ".",
            hint="Run `manage.py thgov_setup` to register them, and keep `manage.py qcluster` running: "
            "without them pages never expire or go live on schedule and no digest is sent.",
            id="wagtail_thgov.W101",
        )
    ]
