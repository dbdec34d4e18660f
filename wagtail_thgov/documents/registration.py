"""What the documents capability registers at start-up (``core.registry``): the catch-up of file texts and
the currency report's status for pages whose files citizens cannot read as text."""

from django_q.models import Schedule

from ..core.registry import currency_check, job
from .currency import LABEL, STATUS

job(
    "thgov: read the text of documents",
    "wagtail_thgov.documents.jobs.extract_missing",
    Schedule.HOURLY,
)

# Pages linking a scan without text or a refused file, in the currency report, its panel and digest.
currency_check(STATUS, LABEL, "wagtail_thgov.documents.currency.pages_with_unreadable_files", order=10)
