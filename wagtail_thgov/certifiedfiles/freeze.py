"""The rule: which documents and images are frozen, and why (the pages that carry them)."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex, WorkflowState

from ..metadata.certified_files import was_certified
from ..metadata.files import referenced_file_ids
from ..workflows.models import CertificationTask


@dataclass(frozen=True)
class Freeze:
    """Why a file may not change outside the workflow: the live certified pages carrying it, or its record."""

    pages: list = field(default_factory=list)
    certified: bool = False
    pending_pages: list = field(default_factory=list)  # submitted revisions carrying it, not yet certified

    def __bool__(self):
        return bool(self.pages) or self.certified or bool(self.pending_pages)


def _requires_certification(page, cache) -> bool:
    """Whether publishing ``page`` goes through a certification task (its site's workflow has one)."""
    workflow = page.get_workflow()
    if workflow is None:
        return False
    if workflow.pk not in cache:
        cache[workflow.pk] = CertificationTask.objects.filter(
            workflow_tasks__workflow=workflow, active=True
        ).exists()
    return cache[workflow.pk]


def live_certified_pages_using(obj) -> list:
    """Live pages under certification that carry ``obj`` now (the reference index holds live content)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.live().filter(pk__in=[int(pk) for pk in set(page_ids)]).order_by("path")
    cache = {}
    return [page for page in pages if _requires_certification(page, cache)]


def pages_in_moderation_using(obj) -> list:
    """Pages whose revision in the workflow now carries ``obj``: what the webmaster checked is certified.

    Reads the in-progress page revisions whose content mentions the file's key (the reference index only
    knows live content).
    """
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            current_task_state__revision__isnull=False,
            # Any reference to the file spells its primary key in the revision's JSON: a safe pre-filter
            # that spares deserialising the revisions of every other municipality.
            current_task_state__revision__content__icontains=str(obj.pk),
        )
        .select_related("current_task_state__revision")
        .order_by("pk")
    )
    model, pk = obj._meta.concrete_model, str(obj.pk)
    page_ids = [
        int(state.object_id)
        for state in states
        if pk in map(str, referenced_file_ids(state.current_task_state.revision.as_object()).get(model, []))
    ]
    return list(Page.objects.filter(pk__in=page_ids).order_by("path"))


def freeze_of(obj) -> Freeze:
    """The freeze on a document or image; falsy when it may be changed freely."""
    if obj is None or obj.pk is None:
        return Freeze()
    return Freeze(
        pages=live_certified_pages_using(obj),
        certified=was_certified(obj),
        pending_pages=pages_in_moderation_using(obj),
    )


def may_change_freely(user, obj) -> bool:
    """Superusers may (their changes are in the audit log); everyone else only on an unfrozen file."""
    return bool(user and user.is_active and user.is_superuser) or not freeze_of(obj)
