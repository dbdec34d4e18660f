"""One-step currency actions for webmasters: extend a page's expiry, or mark it reviewed.

Both change one scheduling or metadata field of a live page *without* a new revision and without
publishing: the live row is updated, and so are the live, latest and scheduled revisions, so that the
edit form shows the new value and the next publication (of a pending draft, too) keeps it instead of
bringing the old date back. Unreviewed draft content stays unpublished. The audit log records who
changed what, from which value to which.
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_field_value
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Revision

from ..core.thai import thai_date, thai_datetime
from .expiry import bangkok_date
from .models import PublishingSettings

EXTEND_EXPIRY_ACTION = "wagtail_thgov.extend_expiry"
MARK_REVIEWED_ACTION = "wagtail_thgov.mark_reviewed"
EXTEND_DAYS_CHOICES = (7, 30, 90, 365)


def _store(page, field_name, value):
    """Write ``value`` to the page row and to the revisions that could be published or edited next."""
    specific = page.specific
    setattr(specific, field_name, value)
    type(specific).objects.filter(pk=page.pk).update(**{field_name: value})
    serialized = get_field_value(specific._meta.get_field(field_name), specific)
    revision_ids = {page.live_revision_id, page.latest_revision_id} - {None}
    revisions = Revision.page_revisions.filter(object_id=str(page.pk))
    for revision in revisions.filter(pk__in=revision_ids) | revisions.filter(
        approved_go_live_at__isnull=False
    ):
        revision.content[field_name] = serialized
        revision.save(update_fields=["content"])
    return specific


def extend_expiry(page, days: int, user, now=None) -> dt.datetime:
    """Move the expiry of a live page ``days`` later (from now, if it had none or it has passed)."""
    now = now or timezone.now()
    old = page.expire_at
    new = max(old, now) + dt.timedelta(days=days) if old else now + dt.timedelta(days=days)
    _store(page, "expire_at", new)
    log(
        instance=page.specific,
        action=EXTEND_EXPIRY_ACTION,
        user=user,
        data={"old": old.isoformat() if old else None, "new": new.isoformat(), "days": days},
    )
    return new


def mark_reviewed(page, user, now=None) -> dt.date:
    """Record that a page was checked today: its review-by date moves one review interval ahead."""
    now = now or timezone.now()
    site = page.get_site()
    interval = PublishingSettings.for_site(site).review_interval_days if site else 365
    old = page.specific.review_by
    new = bangkok_date(now) + dt.timedelta(days=interval)
    _store(page, "review_by", new)
    log(
        instance=page.specific,
        action=MARK_REVIEWED_ACTION,
        user=user,
        data={"old": old.isoformat() if old else None, "new": new.isoformat()},
    )
    return new


class ExtendExpiryFormatter(LogFormatter):
    label = _("Extend expiry")

    def format_message(self, log_entry):
        new = log_entry.data.get("new")
        return _("Expiry extended to %(date)s") % {
            "date": thai_datetime(dt.datetime.fromisoformat(new)) if new else ""
        }


class MarkReviewedFormatter(LogFormatter):
    label = _("Mark reviewed")

    def format_message(self, log_entry):
        new = log_entry.data.get("new")
        return _("Reviewed; next review by %(date)s") % {
            "date": thai_date(dt.date.fromisoformat(new)) if new else ""
        }


def register_log_actions(actions):
    """For the ``register_log_actions`` hook: the audit-log actions of this subpackage."""
    actions.register_action(EXTEND_EXPIRY_ACTION)(ExtendExpiryFormatter)
    actions.register_action(MARK_REVIEWED_ACTION)(MarkReviewedFormatter)
