"""The page cache's two middleware, placed like Django's own Update/FetchFromCache pair::

    MIDDLEWARE = [
        "wagtail_thgov.cache.middleware.PageCacheUpdateMiddleware",  # first: sees the final response
        ...,
        "wagtail_thgov.stats.middleware.PageViewCounterMiddleware",
        "wagtail_thgov.cache.middleware.PageCacheFetchMiddleware",  # last: answers before URL resolution
    ]

``PageCacheFetchMiddleware`` decides whether a request may use the cache, reads the generations (before
anything is rendered), and answers a hit. Between the two, the page-view counter sees a hit like a
rendered page (``request.thgov_page_cache_hit``) and counts it with its usual rules.
``PageCacheUpdateMiddleware`` stores a rendered page only if every rule in ``refusal()`` lets it, adds the
validators (``ETag``, ``Last-Modified``) and ``Cache-Control``, and answers conditional GETs with 304.
"""

import logging
import re
from dataclasses import dataclass
from email.utils import formatdate

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response

from . import conf, store

logger = logging.getLogger(__name__)

HEADER = "X-Thgov-Cache"
# Headers not kept with an entry: set per response (validators, caching policy, diagnostics) or by the
# server; the outer middleware set their own headers again on a hit.
UNSTORED_HEADERS = {"set-cookie", "date", "etag", "last-modified", "cache-control", "expires", HEADER.lower()}
VARY_ALLOWED = {"cookie", "accept-language", "accept-encoding"}


@dataclass(frozen=True)
class CachedPage:
    """The page a cached response shows: what the page-view counter needs (``pk`` and its site)."""

    pk: int
    thgov_site_id: int


@dataclass
class Lookup:
    key: str
    site_id: int
    counters: bool = False  # set by the statistics tags when the page shows counters
    hit: store.Entry | None = None
    variants_key: str | None = None  # set for a query-string variant: counted against the cap


# -- deciding whether a request may use the cache -------------------------------------------------


def _cookie_bypass(request) -> bool:
    """A request with a session, messages or language cookie may see a personal page: never cached.

    Checked without a database hit: an anonymous visitor of public pages has no session cookie.
    """
    names = (
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
        settings.LANGUAGE_COOKIE_NAME,
    )
    return any(name in request.COOKIES for name in names)


def _ignored(name, patterns) -> bool:
    return any(name.startswith(p[:-1]) if p.endswith("*") else name == p for p in patterns)


_value_patterns = {}


def _valid_value(name, value) -> bool:
    pattern = _value_patterns.get(name)
    if pattern is None:
        pattern = _value_patterns[name] = re.compile(conf.QUERY_VALUE_PATTERNS.get(name, conf.ANY_VALUE))
    return pattern.fullmatch(value) is not None


def query_part(request) -> str | None:
    """The query string as part of the key, or None when the request must bypass the cache.

    Parameters in ``conf.query_parameters()`` are kept (sorted) when each appears once with a value of
    the expected shape (``conf.QUERY_VALUE_PATTERNS``); tracking parameters are dropped; any other
    parameter, a repeated one or a malformed value makes the request bypass the cache (the page is
    rendered as usual, not stored), so made-up query strings cannot fill the cache.
    """
    if not request.GET:
        return ""
    allowed, ignored = conf.query_parameters(), conf.ignored_parameters()
    kept = []
    for name in sorted(request.GET.keys()):
        if _ignored(name, ignored):
            continue
        values = request.GET.getlist(name)
        if name not in allowed or len(values) != 1 or not _valid_value(name, values[0]):
            return None
        kept.append(f"{name}={values[0]}")
    return "&".join(kept)


DEFAULT_PORTS = {"http": "80", "https": "443"}


def normalised_host(request) -> str:
    """The request's host as one key: lower-case, without a trailing dot or the scheme's default port."""
    host = request._get_raw_host().lower()
    name, colon, port = host.rpartition(":")
    if colon and "]" not in port and port.isdigit():
        host = name
        if port != DEFAULT_PORTS.get(request.scheme):
            return f"{name.rstrip('.')}:{port}"
    elif not colon:
        host = port
    return host.rstrip(".")


_sites = {}  # normalised host -> (global generation, site id); a Site change bumps the global generation


def _find_site_id(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return site.pk if site is not None else None


def generations_and_site(request):
    """((global, site) generations, site id) of the request: usually one round trip to the cache."""
    memo_key = normalised_host(request)
    memo = _sites.get(memo_key)
    if memo is not None:
        generation = store.generations(memo[1])
        if generation[0] == memo[0]:
            return generation, memo[1]
    site_id = _find_site_id(request)
    if site_id is None:
        return None, None
    generation = store.generations(site_id)
    if len(_sites) > 1000:
        _sites.clear()
    _sites[memo_key] = (generation[0], site_id)
    return generation, site_id


def lookup_for(request) -> Lookup | None:
    if request.method not in ("GET", "HEAD") or not conf.enabled() or _cookie_bypass(request):
        return None
    admin_prefix = _admin_prefix()
    if admin_prefix and request.path_info.startswith(admin_prefix):
        return None
    query = query_part(request)
    if query is None:
        return None
    generation, site_id = generations_and_site(request)
    if site_id is None:
        return None
    parts = [request.scheme, normalised_host(request), request.path, query, translation.get_language() or ""]
    return Lookup(
        key=store.entry_key(generation, site_id, parts),
        site_id=site_id,
        variants_key=store.variants_key(generation, site_id, request.path) if query else None,
    )


_admin = []


def _admin_prefix():
    if not _admin:
        from django.urls import NoReverseMatch, reverse

        try:
            _admin.append(reverse("wagtailadmin_home"))
        except NoReverseMatch:
            _admin.append("")
    return _admin[0]


def mark_counters(request):
    """Called by the statistics tags: this page shows counters, so it lives ``conf.counter_seconds()``."""
    lookup = getattr(request, "_thgov_page_cache", None)
    if lookup is not None:
        lookup.counters = True


# -- deciding whether a response may be stored ------------------------------------------------------


def served_page(request):
    """The Wagtail page a response of ``wagtail.views.serve`` shows (not a preview), or None."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve" or getattr(request, "is_preview", False):
        return None
    route = getattr(request, "_wagtail_route_for_request", None)
    return route[0] if route else None


def refusal(request, response) -> str | None:
    """Why this response must not be stored, or None when it may be. Every rule is one line here."""
    if response.status_code != 200:
        return "status"
    if response.streaming:
        return "streaming"
    if response.cookies:  # includes the CSRF cookie of a page that used {% csrf_token %}
        return "sets a cookie"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "uses a CSRF token"
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - VARY_ALLOWED:
        return "varies"
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return "private"
    if response.has_header("Content-Encoding"):
        return "encoded"
    page = served_page(request)
    if page is None:
        return "not a public page"
    if not getattr(page, "thgov_page_cache", True):
        return "page type says not to cache"
    if page.get_view_restrictions().exists():
        return "restricted"
    return None


# -- the middleware ---------------------------------------------------------------------------------


def _validated(request, response, etag, stored_at):
    response["ETag"] = etag
    response["Last-Modified"] = formatdate(int(stored_at), usegmt=True)
    response["Cache-Control"] = f"public, max-age={conf.max_age()}"
    conditional = get_conditional_response(
        request, etag=etag, last_modified=int(stored_at), response=response
    )
    return conditional


class PageCacheFetchMiddleware:
    """Last in ``MIDDLEWARE``: answer cacheable requests from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = None
        try:
            lookup = lookup_for(request)
        except Exception:  # the cache must never fail a page
            logger.exception("thgov page cache: lookup failed")
        if lookup is None:
            return self.get_response(request)
        request._thgov_page_cache = lookup
        try:
            entry = store.get(lookup.key)
        except Exception:
            logger.exception("thgov page cache: read failed")
            entry = None
        if entry is None:
            return self.get_response(request)
        lookup.hit = entry
        request.thgov_page_cache_hit = CachedPage(pk=entry.page_id, thgov_site_id=entry.site_id)
        response = HttpResponse(entry.content(), status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        return response


class PageCacheUpdateMiddleware:
    """First in ``MIDDLEWARE``: store cacheable rendered pages; validators and 304s for cached ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        lookup = getattr(request, "_thgov_page_cache", None)
        if lookup is None:
            return response
        if lookup.hit is not None:
            response[HEADER] = "hit"
            return _validated(request, response, lookup.hit.etag, lookup.hit.stored_at)
        try:
            reason = refusal(request, response)
        except Exception:
            logger.exception("thgov page cache: could not decide")
            reason = "error"
        if reason is not None:
            logger.debug("thgov page cache: not stored (%s): %s", reason, request.path)
            return response
        page = served_page(request)
        expires_at = page.expire_at.timestamp() if getattr(page, "expire_at", None) else None
        entry = store.make_entry(response, page.pk, lookup.site_id, expires_at)
        entry.headers = [(k, v) for k, v in entry.headers if k.lower() not in UNSTORED_HEADERS]
        timeout = conf.seconds()
        if lookup.counters:
            timeout = min(timeout, conf.counter_seconds())
        try:
            if lookup.variants_key and not store.take_variant(lookup.variants_key, conf.seconds()):
                logger.debug("thgov page cache: not stored (too many variants): %s", request.path)
                return response
            store.put(lookup.key, entry, timeout)
        except Exception:
            logger.exception("thgov page cache: write failed")
            return response
        response[HEADER] = "miss"
        return _validated(request, response, entry.etag, entry.stored_at)
