"""Requests citizens send through an e-Service page, their attachments and their history."""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

PRIVATE_STORAGE_ALIAS = "thgov_private"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk that have no URL: they are served only through the permission-checked admin view."""

    def url(self, name):
        raise ValueError("e-Service attachments have no public URL")


def private_storage():
    """Where attachments are kept: the ``thgov_private`` storage if configured (recommended: outside
    MEDIA_ROOT or a private bucket), else a folder under MEDIA_ROOT with unguessable names and no URL."""
    if PRIVATE_STORAGE_ALIAS in getattr(settings, "STORAGES", {}):
        return storages[PRIVATE_STORAGE_ALIAS]
    location = (
        getattr(settings, "THGOV_ESERVICE_PRIVATE_ROOT", None) or f"{settings.MEDIA_ROOT}/thgov-private"
    )
    return PrivateFileSystemStorage(location=location)


def attachment_path(instance, filename):
    """A random, unguessable name: the citizen's file name is kept only in ``original_name``."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"eservice/{instance.request.site_id}/{secrets.token_urlsafe(24)}.{extension}"


class RequestStatus(models.TextChoices):
    """received → in progress → completed or rejected."""

    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    REJECTED = "rejected", _("Rejected")


OPEN_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)
CLOSED_STATUSES = (RequestStatus.COMPLETED, RequestStatus.REJECTED)
# Which status may follow which: a closed request stays closed (a new request is opened instead).
NEXT_STATUSES = {
    RequestStatus.RECEIVED: (RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED, RequestStatus.REJECTED),
    RequestStatus.IN_PROGRESS: (RequestStatus.COMPLETED, RequestStatus.REJECTED),
    RequestStatus.COMPLETED: (),
    RequestStatus.REJECTED: (),
}


class TrackingCounter(models.Model):
    """The last sequence number given on one site in one Buddhist-Era year (one row, locked to allocate)."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    # Written by citizens; no cacheable page shows it, so it never empties the page cache.
    thgov_page_cache_ignore = True

    class Meta:
        verbose_name = _("tracking code counter")
        verbose_name_plural = _("tracking code counters")
        constraints = [
            models.UniqueConstraint(fields=["site", "year"], name="thgov_one_counter_per_site_year")
        ]


class ServiceRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Still open after the due date, or closed after it."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(status__in=OPEN_STATUSES, due_date__lt=today)
            | models.Q(status__in=CLOSED_STATUSES, closed_on__gt=models.F("due_date"))
        )

    def annotate_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.annotate(
            is_overdue=models.Case(
                models.When(status__in=OPEN_STATUSES, due_date__lt=today, then=models.Value(True)),
                models.When(
                    status__in=CLOSED_STATUSES, closed_on__gt=models.F("due_date"), then=models.Value(True)
                ),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )


class ServiceRequest(models.Model):
    """One request or complaint: who sent it (erasable), what they asked, and where it stands.

    The statistics fields (site, page, kind, department, status, dates) survive erasure of the personal
    data, so the ITA complaint statistics stay complete.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtail_thgov.EServicePage",
        verbose_name=_("e-Service"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    service_title = models.CharField(_("service"), max_length=255)
    kind = models.CharField(_("kind of service"), max_length=32)
    department = models.ForeignKey(
        "wagtail_thgov.InformationSource",
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tracking_code = models.CharField(_("tracking code"), max_length=32, unique=True)
    year = models.PositiveSmallIntegerField(_("year (B.E.)"))
    sequence = models.PositiveIntegerField(_("sequence"))
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    due_date = models.DateField(_("due date"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The Bangkok date of closing, so "closed late" is a plain column comparison on every database.
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Personal data: blanked by the retention job (``erased_at`` says when).
    citizen_name = models.CharField(_("name"), max_length=200, blank=True)
    citizen_email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    citizen_phone = models.CharField(_("telephone"), max_length=20, blank=True)
    # The answers to the page's own fields: ``[{"name": ..., "label": ..., "value": ...}, ...]``.
    submitted_data = models.JSONField(_("answers"), default=list, blank=True, encoder=DjangoJSONEncoder)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    objects = ServiceRequestQuerySet.as_manager()

    # Written by citizens; no cacheable page shows it, so it never empties the page cache.
    thgov_page_cache_ignore = True

    class Meta:
        verbose_name = _("e-Service request")
        verbose_name_plural = _("e-Service requests")
        ordering = ["-submitted_at", "-pk"]
        default_permissions = ("view", "change")
        permissions = [("view_eservice_statistics", _("Can view e-Service statistics"))]
        constraints = [
            models.UniqueConstraint(fields=["site", "year", "sequence"], name="thgov_unique_request_sequence")
        ]
        indexes = [models.Index(fields=["site", "status"], name="thgov_request_site_status")]

    def __str__(self):
        return self.tracking_code

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def overdue_on(self, today=None) -> bool:
        today = today or timezone.localdate()
        if self.is_open:
            return self.due_date < today
        return bool(self.closed_on and self.closed_on > self.due_date)

    def handling_days(self):
        """Calendar days from submission to closing (None while open)."""
        if self.closed_at is None:
            return None
        return (self.closed_at - self.submitted_at).total_seconds() / 86400


class RequestAttachment(models.Model):
    """A file a citizen sent: stored under a random name, served only to staff."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("content type"), max_length=100)

    # Written by citizens; no cacheable page shows it, so it never empties the page cache.
    thgov_page_cache_ignore = True

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]
        default_permissions = ()

    def __str__(self):
        return self.original_name


class RequestEvent(models.Model):
    """One step in a request's history: who did what, when, what the citizen was told, internal notes."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_status = models.CharField(_("old status"), max_length=16, choices=RequestStatus.choices, blank=True)
    new_status = models.CharField(_("new status"), max_length=16, choices=RequestStatus.choices, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message_to_citizen = models.TextField(_("message to the citizen"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)

    # Written by citizens; no cacheable page shows it, so it never empties the page cache.
    thgov_page_cache_ignore = True

    class Meta:
        verbose_name = _("request history entry")
        verbose_name_plural = _("request history")
        ordering = ["created_at", "pk"]
        default_permissions = ()

    def __str__(self):
        return f"{self.request_id} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def status_changed(self):
        return bool(self.new_status) and self.new_status != self.old_status


@register_setting(icon="mail")
class EServiceSettings(BaseSiteSetting):
    """Per-site e-Service settings: how long personal data of closed requests is kept."""

    retention_days = models.PositiveSmallIntegerField(
        _("erase personal data after (days)"),
        default=365,
        validators=[MinValueValidator(30), MaxValueValidator(3650)],
        help_text=_(
            "Days after a request is closed before the citizen's name, contact details, answers and "
            "attachments are erased. Statistics are kept."
        ),
    )

    panels = [FieldPanel("retention_days")]

    class Meta:
        verbose_name = _("e-Service settings")
        verbose_name_plural = _("e-Service settings")
