"""Receiving a citizen's request: validate, store everything in one transaction, then e-mail.

Files reach storage only after the whole form is valid; if anything fails while saving, the database
rolls back and the files already written are deleted, so a failed submission leaves nothing behind.
E-mails are sent after the commit; a mail failure is logged and never loses the request.
"""

import logging

from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from . import ratelimit
from .deadlines import add_working_days
from .forms import MESSAGES
from .mail import notify_citizen_received, notify_staff_new_request
from .models import RequestAttachment, RequestEvent, RequestStatus, ServiceRequest
from .tracking import allocate
from .uploads import SUPPORTED, extension_of

logger = logging.getLogger(__name__)


def create_request(page, form, site=None) -> ServiceRequest:
    """Store a valid form as a ServiceRequest with its attachments and first history entry."""
    site = site or page.get_site()
    data = form.cleaned_data
    written = []
    try:
        with transaction.atomic():
            now = timezone.now()
            code, be_year, sequence = allocate(site, page.service_kind, now)
            service_request = ServiceRequest.objects.create(
                site=site,
                page=page,
                service_title=page.title,
                kind=page.service_kind,
                department_id=page.responsible_department_id,
                tracking_code=code,
                year=be_year,
                sequence=sequence,
                submitted_at=now,
                due_date=add_working_days(timezone.localdate(now), page.promised_days),
                citizen_name=data["thgov_name"],
                citizen_email=data.get("thgov_email") or "",
                citizen_phone=data.get("thgov_phone") or "",
                submitted_data=form.answers(),
            )
            for upload in data.get("thgov_files") or []:
                attachment = RequestAttachment(
                    request=service_request,
                    original_name=upload.name[:255],
                    size=upload.size,
                    content_type=SUPPORTED[extension_of(upload.name)],
                )
                upload.seek(0)
                attachment.file.save(upload.name, upload, save=False)
                written.append(attachment.file)
                attachment.save()
            RequestEvent.objects.create(
                request=service_request, created_at=now, new_status=RequestStatus.RECEIVED
            )
            transaction.on_commit(lambda: send_new_request_mail(service_request.pk))
    except BaseException:
        for stored in written:
            try:
                stored.storage.delete(stored.name)
            except Exception:  # the original error matters more
                logger.exception(
                    "thgov e-service: could not delete %s after a failed submission", stored.name
                )
        raise
    return service_request


def send_new_request_mail(request_pk):
    """After the commit: the citizen's receipt and the staff notice (each failure logged, not raised)."""

    service_request = (
        ServiceRequest.objects.select_related("site", "page", "department").filter(pk=request_pk).first()
    )
    if service_request is None:
        return
    for send in (notify_citizen_received, notify_staff_new_request):
        try:
            send(service_request)
        except Exception:
            logger.exception(
                "thgov e-service: e-mail about %s could not be sent", service_request.tracking_code
            )


def serve_eservice_page(page, request):
    """GET shows the form; POST checks the rate limit and the form, stores the request and shows the
    tracking code, or shows the form again with the citizen's input and a message on each field."""
    site = page.get_site()
    status = 200
    if request.method == "POST":
        form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
        limit = ratelimit.submit_limit()
        if ratelimit.is_limited(limit, request, site.pk):
            form.is_valid()  # so that the input is shown back, with its own messages
            form.add_error(None, MESSAGES["rate_limited"])
            status = 429
        elif form.is_valid():
            service_request = create_request(page, form, site=site)
            ratelimit.count(limit, request, site.pk)
            try:
                context = page.get_context(request)
                context["service_request"] = service_request
                response = TemplateResponse(request, page.get_landing_page_template(request), context)
                response.render()
            except DatabaseError:  # stored and committed: the citizen must still get the code
                logger.exception("thgov e-service: %s stored; its page could not be shown", service_request)
                response = HttpResponse(
                    render_to_string(
                        "wagtail_thgov/outage/eservice_stored.html",
                        {"tracking_code": service_request.tracking_code},
                    )
                )
            add_never_cache_headers(response)
            return response
        elif form.honeypot_tripped:
            ratelimit.count(limit, request, site.pk)
    else:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request)
    context["form"] = form
    context["form_message"] = MESSAGES["form_errors"] if form.is_bound and form.errors else ""
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    add_never_cache_headers(response)
    return response
