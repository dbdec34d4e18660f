"""What the documents capability registers at start-up (``core.registry``): the catch-up of file texts."""

from django_q.models import Schedule

from ..core.registry import job

job(
    "thgov: read the text of documents",
    "wagtail_thgov.documents.jobs.extract_missing",
    Schedule.HOURLY,
)
