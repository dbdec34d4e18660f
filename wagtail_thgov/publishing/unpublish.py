"""Scheduled expiry in batches: what Wagtail's ``publish_scheduled`` does for expired pages, in a few
queries per batch instead of a dozen per page.

Same outcome per page as ``UnpublishPageAction(set_expired=True)``: not live, expired, marked as having
unpublished changes, no live revision, pending go-live approvals cleared, its aliases unpublished, one
``wagtail.unpublish.scheduled`` audit-log entry, the search index updated and the ``page_unpublished``
and ``unpublished`` signals sent. Nothing is deleted; revisions are untouched apart from the go-live
approval. ``expire_at`` stays set (as in Wagtail); the page form clears it when the editor republishes.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backends_with_name
from wagtail.signals import page_unpublished, unpublished

from ..core.signals import pages_expiring

logger = logging.getLogger(__name__)

SCHEDULED_UNPUBLISH_ACTION = "wagtail.unpublish.scheduled"

# ``pages_expiring`` (core.signals) is sent inside each batch's transaction with the ``url_paths`` of the
# pages going offline, so that what depends on them (the page cache) changes in the same commit: a worker
# killed between the commit and the ``page_unpublished`` signals leaves nothing stale behind.
BATCH_SIZE = 500


def _claim_due_pages(now, batch_size):
    """Lock and return the next batch of live pages past their expiry (other workers skip locked rows)."""
    due = Page.objects.filter(live=True, expire_at__lt=now).order_by("expire_at", "pk")
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True)
    return list(due.values("pk", "content_type_id", "title", "draft_title", "url_path")[:batch_size])


def _unpublish_rows(page_ids, *, expired):
    """The field changes of ``UnpublishAction`` on many pages at once; returns the ids changed."""
    changes = {"live": False, "has_unpublished_changes": True, "live_revision": None}
    if expired:
        changes["expired"] = True
    Page.objects.filter(pk__in=page_ids).update(**changes)
    Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in page_ids],
        approved_go_live_at__isnull=False,
    ).update(approved_go_live_at=None)


def _log_unpublished(rows):
    log_context = get_active_log_context()
    timestamp = timezone.now()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                page_id=row["pk"],
                content_type_id=row["content_type_id"],
                label=row["draft_title"] or row["title"],
                action=SCHEDULED_UNPUBLISH_ACTION,
                data={},
                timestamp=timestamp,
                uuid=log_context.uuid,
                user=log_context.user,
            )
            for row in rows
        ]
    )


def _reindex(pages):
    """Update the search index of the unpublished pages, one bulk call per page type and backend."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page.pk)
    for model, ids in by_model.items():
        if not getattr(model, "search_auto_update", True):
            continue
        objects = list(model.get_indexed_objects().filter(pk__in=ids))
        if not objects:
            continue
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                backend.add_bulk(model, objects)
            except Exception:
                logger.exception("Could not update the '%s' search index after scheduled expiry", name)
                if not backend.catch_indexing_errors:
                    raise


def _after_unpublish(page_ids):
    """Signals and search index, after the batch is committed (as Wagtail sends them after saving)."""
    pages = list(Page.objects.filter(pk__in=page_ids).specific(defer=True))
    for page in pages:
        page_unpublished.send(sender=type(page), instance=page)
        unpublished.send(sender=type(page), instance=page)
    _reindex(pages)


def expire_due_pages(now=None, batch_size=BATCH_SIZE) -> int:
    """Unpublish every live page whose ``expire_at`` has passed by ``now``; return how many."""
    now = now or timezone.now()
    total = 0
    while True:
        with transaction.atomic():
            rows = _claim_due_pages(now, batch_size)
            if not rows:
                break
            page_ids = [row["pk"] for row in rows]
            _unpublish_rows(page_ids, expired=True)
            _log_unpublished(rows)
            # Aliases follow their original offline, unlogged and not marked expired (as in Wagtail).
            alias_ids = list(
                Page.objects.filter(alias_of_id__in=page_ids, live=True).values_list("pk", flat=True)
            )
            if alias_ids:
                _unpublish_rows(alias_ids, expired=False)
            alias_paths = Page.objects.filter(pk__in=alias_ids).values_list("url_path", flat=True)
            pages_expiring.send(sender=Page, url_paths=[row["url_path"] for row in rows] + list(alias_paths))
        _after_unpublish(page_ids + alias_ids)
        for row in rows:
            logger.info('Unpublished (expired): "%s" pk=%s', row["title"], row["pk"])
        total += len(rows)
    return total
