"""Who certified the live version of a page, and when, read from the certification task's state.

Derived, never typed: the certifier is the user who approved the ``CertificationTask`` for the
revision that is live now; editing and republishing without certification leaves no certification.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
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


def certifier_name(user) -> str:
    """How a certifier is named: full name, else user name."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def approved_certifications():
    """The task states that certify a revision: approved states of the certification task. A revision
    approved more than once is certified by the latest approval."""
    return TaskState.objects.filter(
        status=TaskState.STATUS_APPROVED, task__in=CertificationTask.objects.all()
    )


def certifications_for_revisions(revision_ids) -> dict[int, Certification]:
    """Certifications keyed by revision id, in one query."""
    states = (
        approved_certifications()
        .filter(revision_id__in=[pk for pk in revision_ids if pk])
        .select_related("finished_by")
        .order_by("finished_at", "pk")  # the latest approval of a revision is kept
    )
    return {
        state.revision_id: Certification(
            certifier_name(state.finished_by), state.finished_at, state.finished_by_id
        )
        for state in states
    }


def live_certification(column: str):
    """For a query of pages: ``column`` (``"finished_at"``, ``"finished_by_id"``) of the certification of
    each page's live revision, as a subquery; the rule of ``certification_for``, for many pages at once."""
    states = approved_certifications().filter(revision_id=OuterRef("live_revision_id"))
    return Subquery(states.order_by("-finished_at", "-pk").values(column)[:1])


def certifier_names() -> dict[int, str]:
    """Names of everyone who ever certified a revision, by user pk (a short list: the approvers)."""
    certifiers = approved_certifications().values("finished_by_id")
    return {user.pk: certifier_name(user) for user in get_user_model().objects.filter(pk__in=certifiers)}


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
