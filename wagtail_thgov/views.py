"""Small public views of the plugin."""

import sys

from django.db import DatabaseError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """robots.txt that keeps crawlers out of the admin and points them at the sitemap."""
    return render(
        request,
        "wagtail_thgov/robots.txt",
        {"sitemap_url": request.build_absolute_uri("/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """``handler500``: when the database cannot be reached, a 503 in Thai that says nothing was stored and
    to try again in a minute (rendered without the database); any other error as Django's 500 page."""
    from django.http import HttpResponse

    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        response = HttpResponse(render_to_string("wagtail_thgov/outage/database.html"), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request, template_name)
