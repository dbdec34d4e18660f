"""Public views: the status page and the CSRF failure page; the staff-only attachment download."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from . import ratelimit
from .lookup import find_request
from .models import RequestAttachment
from .permissions import request_sites

NOT_FOUND = _(
    "No request matches this tracking code and this telephone number or e-mail address. Check both and "
    "try again."
)
TOO_MANY = _("Too many attempts from your connection. Please wait a few minutes and try again.")


class StatusLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=32,
        help_text=_("For example CMP-2569-000123-K7QX"),
        error_messages={"required": _("Please fill in this item.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    factor = forms.CharField(
        label=_("Last 4 digits of your telephone number, or your e-mail address"),
        max_length=254,
        error_messages={"required": _("Please fill in this item.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def status_lookup(request):
    """Tracking code + second factor → status history and replies (never internal notes)."""
    site = Site.find_for_request(request)
    context = {"form": StatusLookupForm(), "found": None, "history": [], "message": ""}
    status = 200
    if request.method == "POST" and site is not None:
        form = StatusLookupForm(request.POST)
        context["form"] = form
        limit = ratelimit.lookup_limit()
        if ratelimit.is_limited(limit, request, site.pk):
            context["message"] = TOO_MANY
            status = 429
        elif form.is_valid():
            ratelimit.count(limit, request, site.pk)
            found = find_request(site, form.cleaned_data["code"], form.cleaned_data["factor"])
            if found is None:
                context["message"] = NOT_FOUND
            else:
                context["found"] = found
                context["history"] = [
                    event for event in found.events.all() if event.status_changed or event.message_to_citizen
                ]
    return render(request, "wagtail_thgov/eservice/status.html", context, status=status)


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a plain Thai page saying nothing was stored (not Django's debug page)."""
    return render(request, "wagtail_thgov/eservice/csrf_failure.html", {}, status=403)


@never_cache
def download_attachment(request, pk):
    """An attachment, to staff who may view requests of its site; never a public URL."""
    attachment = get_object_or_404(RequestAttachment.objects.select_related("request"), pk=pk)
    if not request_sites(request.user).filter(pk=attachment.request.site_id).exists():
        raise PermissionDenied
    if not attachment.file:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
