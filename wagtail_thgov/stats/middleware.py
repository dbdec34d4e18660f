"""Counting public page views after the response, with nothing written on the page-serving path."""

import logging
import re
from functools import lru_cache

from . import conf
from .buffer import record
from .satisfaction import FORM_MARKER, RESULT_PARAMETER, same_origin, submit
from .visitors import request_digest, today

logger = logging.getLogger(__name__)

# Searched in the lower-cased user agent (faster than re.IGNORECASE).
BOT_AGENTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|uptime|lighthouse|pingdom"
    r"|curl|wget|python-requests|python-urllib|httpx|aiohttp|go-http-client|java/|libwww|scrapy|feedfetcher"
)


def is_bot(user_agent: str) -> bool:
    """Robots by user agent; an empty user agent counts as a robot too.

    Remembered per user agent (a site sees few distinct ones), so the pattern runs once per browser
    version rather than once per request; unusually long user agents are checked without being kept.
    """
    if len(user_agent) > 512:
        return bool(BOT_AGENTS.search(user_agent.lower()))
    return _is_bot(user_agent)


@lru_cache(maxsize=4096)
def _is_bot(user_agent: str) -> bool:
    return not user_agent or bool(BOT_AGENTS.search(user_agent.lower()))


def countable_page(request, response):
    """The Wagtail page this response is a public view of, or None.

    Counted: GET requests served by ``wagtail.views.serve`` with status 200 from a human browser, and
    the same pages served by the page cache (``request.thgov_page_cache_hit``, see wagtail_thgov.cache).
    Not counted: the admin and previews (other views), HEAD and other methods, redirects and errors,
    robots.
    """
    if request.method != "GET" or response.status_code != 200:
        return None
    hit = getattr(request, "thgov_page_cache_hit", None)  # served by wagtail_thgov.cache: no view ran
    if hit is not None:
        return None if is_bot(request.META.get("HTTP_USER_AGENT", "")) else hit
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve" or getattr(request, "is_preview", False):
        return None
    route = getattr(request, "_wagtail_route_for_request", None)
    if not route:
        return None
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return None
    return route[0]


class PageViewCounterMiddleware:
    """Add to ``MIDDLEWARE`` (anywhere after the session/auth middleware) to count public page views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if conf.enabled():
            try:
                page = countable_page(request, response)
                if page is not None:
                    site = getattr(request, "_wagtail_site", None)
                    site_id = site.pk if site is not None else getattr(page, "thgov_site_id", None)
                    if site_id is not None:
                        record(site_id, page.pk, today(), request_digest(request))
            except Exception:  # counting must never fail a page
                logger.exception("thgov stats: a page view could not be counted")
        return response


class SatisfactionRatingMiddleware:
    """Receives the satisfaction widget's form, posted to the page it is on (no extra URL to include).

    The widget is shown on pages the page cache (wagtail_thgov.cache) serves to everyone, so its form
    carries no CSRF token (a token would make every page personal). Forgery is refused instead by
    checking that the POST comes from this website (OWASP's "verifying origin with standard headers"):
    ``satisfaction.same_origin()``. The form is handled here, before Django's CSRF check runs (that runs
    in ``process_view``), and only this form: anything else posted goes on to that check as before.
    The answer is a redirect back to the page (post/redirect/get) with the outcome in the query string,
    shown by the widget.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a POST to ``<page>?thgov_satisfaction=1`` (the widget's action) is read here.
        if request.method == "POST" and request.GET.get(self.marker()) is not None:
            response = self.handle(request)
            if response is not None:
                return response
        return self.get_response(request)

    @staticmethod
    def marker():

        return FORM_MARKER

    def handle(self, request):
        from django.http import HttpResponseRedirect
        from django.urls import Resolver404, resolve
        from wagtail.models import Page, Site

        if FORM_MARKER not in request.POST:
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.url_name != "wagtail_serve":
            return None
        site = Site.find_for_request(request)
        route = Page.route_for_request(request, match.kwargs.get("path", match.args[0] if match.args else ""))
        if site is None or not route:
            return None
        if not same_origin(request):
            outcome = "forged"
        else:
            page = route[0] if request.POST.get(FORM_MARKER) == "page" else None
            outcome = submit(request, site, page)
        return HttpResponseRedirect(f"{request.path}?{RESULT_PARAMETER}={outcome}#thgov-satisfaction")
