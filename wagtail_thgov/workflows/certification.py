"""Who certified the live version of a page, and when, read from the certification task's state.

Derived, never typed: the certifier is the user who approved the ``CertificationTask`` for the
revision that is live now; editing and republishing without certification leaves no certification.
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail.models import TaskState
from wagtail.signals import task_approved

from ..metadata.certified_files import record_certified_files
from .models import CertificationTask


@dataclass(frozen=True)
class Certification:
    """The certification of one live revision."""

    certifier_name: str
    certified_at: datetime
    certifier_id: int | None


def _name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def certifications_for_revisions(revision_ids) -> dict[int, Certification]:
    """Certifications keyed by revision id, in one query."""
    states = (
        TaskState.objects.filter(
            revision_id__in=[pk for pk in revision_ids if pk],
            status=TaskState.STATUS_APPROVED,
            task__in=CertificationTask.objects.all(),
        )
        .select_related("finished_by")
        .order_by("finished_at")
    )
    return {
        state.revision_id: Certification(_name(state.finished_by), state.finished_at, state.finished_by_id)
        for state in states
    }


def certification_for(page) -> Certification | None:
    """The certification of ``page``'s live revision, or ``None``."""
    if not page.live_revision_id:
        return None
    return certifications_for_revisions([page.live_revision_id]).get(page.live_revision_id)


def record_files_when_certified(sender, instance, user=None, **kwargs):
    """``task_approved`` receiver: a certification writes down the files of the revision it covered.

    Runs inside ``TaskState.approve``'s transaction, whichever route approved the task (admin modal,
    edit view, the demo builder), so a certification never exists without its file record.
    """

    if isinstance(instance.task.specific, CertificationTask):
        record_certified_files(instance)


def connect():
    """Connect the receiver (from ``AppConfig.ready``)."""
    task_approved.connect(record_files_when_certified, dispatch_uid="thgov_record_certified_files")
