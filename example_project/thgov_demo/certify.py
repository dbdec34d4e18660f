"""Certify the demo's pages through the real publication workflow, as its fictional staff would.

Every live metadata page of the demo whose live revision carries no certification is submitted by the
uploader, approved by the webmaster (the completeness check: a page with missing metadata is refused
here exactly as in the admin) and certified by the approver. Finishing the workflow publishes the
certified revision through ``WAGTAIL_FINISH_WORKFLOW_ACTION``. So the demo's compliance score counts
certified pages only, as a real site's does.
"""

from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_submitted

from wagtail_thgov.metadata.models import GovMetadataMixin
from wagtail_thgov.workflows.certification import certifications_for_revisions
from wagtail_thgov.workflows.roles import Role

from .users import role_people

# Wagtail's e-mail notifiers (wagtail.admin.signal_handlers): hundreds of demo certifications would
# otherwise print hundreds of e-mails to the demo server's console.
_NOTIFIERS = (
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
)


@contextmanager
def _without_notification_emails():
    from wagtail.admin import signal_handlers

    receivers = {
        "group_approval_task_submitted_email_notification": signal_handlers.task_submission_email_notifier,
        "workflow_state_submitted_email_notification": signal_handlers.workflow_submission_email_notifier,
        "workflow_state_approved_email_notification": signal_handlers.workflow_approval_email_notifier,
    }
    disconnected = [
        (signal, sender, uid)
        for signal, sender, uid in _NOTIFIERS
        if signal.disconnect(sender=sender, dispatch_uid=uid)
    ]
    try:
        yield
    finally:
        for signal, sender, uid in disconnected:
            signal.connect(receivers[uid], sender=sender, dispatch_uid=uid)


def uncertified_pages(home):
    """Live metadata pages under ``home`` whose live revision has no certification (a few queries)."""
    pages = [
        page
        for page in Page.objects.descendant_of(home, inclusive=True).live().specific()
        if isinstance(page, GovMetadataMixin)
    ]
    certified = certifications_for_revisions([page.live_revision_id for page in pages])
    in_workflow = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
        )
        .values_list("object_id", flat=True)
    )
    return [
        page for page in pages if page.live_revision_id not in certified and str(page.pk) not in in_workflow
    ]


def certify(page, people) -> bool:
    """Take ``page``'s latest revision through its workflow; True if it ended certified and live."""
    workflow = page.get_workflow()
    if workflow is None:
        return False
    if page.get_latest_revision() is None:
        page.save_revision(user=people[Role.UPLOADER])
    workflow_state = workflow.start(page, people[Role.UPLOADER])
    approvers = [people[Role.WEBMASTER], people[Role.APPROVER]]
    for user in approvers:
        workflow_state.refresh_from_db()
        task_state = workflow_state.current_task_state
        if task_state is None:
            break
        task_state.task.specific.on_action(task_state.specific, user, "approve")
    workflow_state.refresh_from_db()
    return workflow_state.status == WorkflowState.STATUS_APPROVED


def certify_demo_pages(builder, home, site) -> None:
    """Certify every uncertified live page of the demo site; idempotent (a second run certifies none)."""
    people = role_people(site)
    with _without_notification_emails():
        for page in uncertified_pages(home):
            with transaction.atomic():
                if certify(page, people):
                    builder.created += 1
