"""The publication register (ทะเบียนการขอเผยแพร่ข้อมูล): who asked to publish what, who checked
and who certified it, and when, read from Wagtail's workflow and task states.

Rows are built for a page of workflow states in a constant number of queries.
"""

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, TaskState, WorkflowState

from ..core.categories import category_of
from ..metadata.certified_files import CertifiedFile, certified_files_by_task_state
from .models import CertificationTask, CompletenessCheckTask


def readable_url(url) -> str:
    """``https://…/ข่าว/วันพ่อแห่งชาติ/`` rather than ``https://…/%E0%B8%82…``: for print and spreadsheets."""
    return unquote(url or "")


# Wagtail's own status names are not in its Thai catalogue; the register names them itself.
STATUS_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: pgettext_lazy("publication request", "Awaiting check or certification"),
    WorkflowState.STATUS_APPROVED: pgettext_lazy("publication request", "Certified and published"),
    WorkflowState.STATUS_NEEDS_CHANGES: pgettext_lazy("publication request", "Sent back for changes"),
    WorkflowState.STATUS_CANCELLED: pgettext_lazy("publication request", "Withdrawn"),
}


@dataclass
class Step:
    """One person's part in a publication: who and when."""

    user: object | None
    at: datetime | None

    @property
    def name(self) -> str:
        if self.user is None:
            return ""
        return self.user.get_full_name() or self.user.get_username()


@dataclass
class RegisterEntry:
    """One request to publish, as the register and the printable form show it."""

    workflow_state: WorkflowState
    page: Page | None
    requested: Step
    checked: Step
    certified: Step
    files: list[CertifiedFile] = field(default_factory=list)  # the file versions the certification covered

    @property
    def files_label(self) -> str:
        """Each certified file as name, size and SHA-256, for the register and its export."""
        return "; ".join(record.label for record in self.files)

    @property
    def pk(self):
        return self.workflow_state.pk

    @property
    def title(self) -> str:
        return self.page.title if self.page else ""

    @property
    def category(self):
        return category_of(self.page) if self.page else None

    @property
    def category_label(self) -> str:
        return f"{self.category.code} {self.category.name_th}" if self.category else ""

    @property
    def status(self) -> str:
        status = self.workflow_state.status
        return str(STATUS_LABELS.get(status, self.workflow_state.get_status_display()))

    @property
    def go_live_at(self):
        """When this request's page went (or goes) live: its scheduled go-live, else, for a certified
        request, the certification that published it."""
        if not self.page:
            return None
        if self.page.go_live_at:
            return self.page.go_live_at
        if self.workflow_state.status == WorkflowState.STATUS_APPROVED:
            return self.certified.at
        return None

    @property
    def expire_at(self):
        return self.page.expire_at if self.page else None

    @property
    def url(self) -> str:
        return (self.page.get_url() or "") if self.page else ""

    @property
    def address(self) -> str:
        """The page's full web address as people read it: Thai slugs decoded, not percent-encoded."""
        return readable_url(self.page.get_full_url()) if self.page else ""


def page_workflow_states():
    """Workflow states of pages (not snippets), newest first."""
    return WorkflowState.objects.filter(base_content_type=ContentType.objects.get_for_model(Page)).order_by(
        "-created_at", "-pk"
    )


def build_entries(workflow_states) -> list[RegisterEntry]:
    """Register entries for ``workflow_states``: pages, users and task states fetched in bulk."""
    states = list(workflow_states.select_related("requested_by"))
    pages = {
        page.pk: page for page in Page.objects.filter(pk__in=[int(s.object_id) for s in states]).specific()
    }
    check_ids = set(CompletenessCheckTask.objects.values_list("pk", flat=True))
    certification_ids = set(CertificationTask.objects.values_list("pk", flat=True))
    approved = {}
    certification_states = {}
    for task_state in (
        TaskState.objects.filter(
            workflow_state__in=[state.pk for state in states], status=TaskState.STATUS_APPROVED
        )
        .select_related("finished_by")
        .order_by("finished_at")
    ):
        kind = (
            "check"
            if task_state.task_id in check_ids
            else "certify"
            if task_state.task_id in certification_ids
            else None
        )
        if kind:
            approved[(task_state.workflow_state_id, kind)] = Step(
                task_state.finished_by, task_state.finished_at
            )
        if kind == "certify":
            certification_states[task_state.workflow_state_id] = task_state.pk
    files = certified_files_by_task_state(certification_states.values())
    empty = Step(None, None)
    return [
        RegisterEntry(
            workflow_state=state,
            page=pages.get(int(state.object_id)),
            requested=Step(state.requested_by, state.created_at),
            checked=approved.get((state.pk, "check"), empty),
            certified=approved.get((state.pk, "certify"), empty),
            files=files.get(certification_states.get(state.pk), []),
        )
        for state in states
    ]
