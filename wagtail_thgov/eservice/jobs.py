"""django-q2 job: erase personal data of requests closed longer ago than each site's retention period.

Name, e-mail, telephone, the answers, messages and notes, and attachments (files and rows) go; the
service, kind, department, status and dates stay, so the monthly statistics do not change.
"""

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from .models import CLOSED_STATUSES, EServiceSettings, RequestAttachment, RequestEvent, ServiceRequest

logger = logging.getLogger(__name__)


def erase_request(service_request, now=None) -> None:
    """Blank the personal data of one request and delete its attachment files (after the commit)."""
    now = now or timezone.now()
    files = list(RequestAttachment.objects.filter(request=service_request).values_list("file", flat=True))
    with transaction.atomic():
        ServiceRequest.objects.filter(pk=service_request.pk).update(
            citizen_name="", citizen_email="", citizen_phone="", submitted_data=[], erased_at=now
        )
        RequestEvent.objects.filter(request=service_request).update(message_to_citizen="", internal_note="")
        RequestAttachment.objects.filter(request=service_request).delete()
        transaction.on_commit(lambda: _delete_files(files))


def _delete_files(names):
    storage = RequestAttachment._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except Exception:
            logger.exception("thgov e-service: attachment %s could not be deleted", name)


def erase_expired_personal_data(now=None) -> int:
    """The daily job: every site, its own retention period; return the number of requests erased."""
    now = now or timezone.now()
    erased = 0
    for site in Site.objects.all():
        days = EServiceSettings.for_site(site).retention_days
        cutoff = now - dt.timedelta(days=days)
        due = ServiceRequest.objects.filter(
            site=site, status__in=CLOSED_STATUSES, closed_at__lt=cutoff, erased_at__isnull=True
        )
        for service_request in due.iterator():
            erase_request(service_request, now)
            erased += 1
    if erased:
        logger.info("thgov e-service: personal data of %d closed requests erased", erased)
    return erased
