"""E-mails of the e-Service: receipt and replies to the citizen, notice of a new request to staff.

Sent in the site's language (``LANGUAGE_CODE``), as plain text rendered from templates that can be
overridden under ``wagtail_thgov/eservice/mail/``.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ..workflows.models import RoleGroup
from ..workflows.roles import Role


def status_url(site) -> str:
    return site.root_url.rstrip("/") + reverse("thgov_eservice_status")


def admin_url(service_request) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("thgov_eservice_requests:edit", args=[service_request.pk])


def staff_recipients(service_request) -> list[str]:
    """The service's notification address, else the department's, else the site's webmasters."""
    page = service_request.page
    if page is not None and page.notify_email:
        return [page.notify_email]
    if service_request.department is not None and service_request.department.email:
        return [service_request.department.email]
    groups = RoleGroup.objects.filter(site_id=service_request.site_id, role=Role.WEBMASTER).values("group_id")
    users = get_user_model().objects.filter(is_active=True, groups__in=groups).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _send(template, context, recipients):
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(
            render_to_string(f"wagtail_thgov/eservice/mail/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"wagtail_thgov/eservice/mail/{template}.txt", context)
    send_mail(subject, body, None, recipients, fail_silently=False)


def notify_citizen_received(service_request):
    if service_request.citizen_email:
        context = {"request": service_request, "status_url": status_url(service_request.site)}
        _send("received", context, [service_request.citizen_email])


def notify_staff_new_request(service_request):
    recipients = staff_recipients(service_request)
    if recipients:
        _send(
            "new_request", {"request": service_request, "admin_url": admin_url(service_request)}, recipients
        )


def notify_citizen_update(service_request, event):
    """A status change or a message: the citizen is told if they gave an e-mail address."""
    if service_request.citizen_email and (event.message_to_citizen or event.status_changed):
        context = {"request": service_request, "event": event, "status_url": status_url(service_request.site)}
        _send("update", context, [service_request.citizen_email])
