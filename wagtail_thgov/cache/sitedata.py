"""Small per-site values (the municipality's settings, the menu, restricted sections) kept per generation.

Every public page shows the same header and footer: the municipality's settings with its logo and social
links, the main menu, the site-map link. Reading them costs a handful of queries on every render, the same
answer each time until an editor changes something. ``per_site(request, name, compute)`` keeps the value
of ``compute()`` in the page cache's Django cache under the *current* global and site generations
(``store.generations``), so that any change that would make a cached page stale (a page published,
moved or unpublished, a setting or an image saved; see ``invalidation``) makes these values stale at
the same moment, on every process, whether the page cache itself is switched on or not.

As for pages, the generations are read *before* the value is computed: a value computed from data that
changes meanwhile is stored under generations that are already stale, never under the new ones.

Values must pickle (model instances and lists of them do). Each is also kept on the request, so one
render asks the cache once per name. A cache that fails is skipped: the value is computed as usual.
"""

import logging

from django.db.models import Q
from wagtail.models import PageViewRestriction, Site

from . import conf, store

logger = logging.getLogger(__name__)

KEY = "thgov_site_data:{name}:{site_id}:{generation}:{site_generation}"
MISSING = object()


def _request_site_id(request):
    site = Site.find_for_request(request)
    return site.pk if site is not None else None


def per_site(request, name, compute, site_id=None, timeout=None):
    """``compute()`` for the request's site, kept until the site's or the global generation changes.

    ``site_id`` may be given when known (saves the site lookup); ``timeout`` defaults to the page
    cache's entry lifetime (``THGOV_PAGE_CACHE_SECONDS``).
    """
    if site_id is None and request is not None:
        site_id = _request_site_id(request)
    memo = request.__dict__.setdefault("_thgov_site_data", {}) if request is not None else {}
    if (name, site_id) in memo:
        return memo[name, site_id]
    if site_id is None or not conf.site_data_enabled():
        value = compute()
        memo[name, site_id] = value
        return value
    key = None
    try:
        generation, site_generation = _generations(request, site_id)
        key = KEY.format(name=name, site_id=site_id, generation=generation, site_generation=site_generation)
        value = store.cache().get(key, MISSING)
    except Exception:  # the cache must never fail a page
        logger.exception("thgov site data: read failed")
        value = MISSING
    if value is MISSING:
        value = compute()
        if key is not None:
            try:
                store.cache().set(key, value, timeout=timeout or conf.seconds())
            except Exception:
                logger.exception("thgov site data: write failed")
    memo[name, site_id] = value
    return value


def _generations(request, site_id):
    """The generations of ``site_id``, read once per request."""
    if request is None:
        return store.generations(site_id)
    read = request.__dict__.setdefault("_thgov_site_generations", {})
    if site_id not in read:
        read[site_id] = store.generations(site_id)
    return read[site_id]


# -- what every public page asks: restricted sections ---------------------------------------------------


def restricted_paths(request) -> tuple[str, ...]:
    """The tree paths of every page with a view restriction (password, log-in, groups), per generation.

    A restriction is neither a page nor a per-site object, so adding, changing or removing one bumps the
    global generation; moving a restricted page bumps its site's.
    """

    def compute():
        return tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))))

    return per_site(request, "restricted_paths", compute)


def public(queryset, request):
    """``queryset.public()`` without its query: the restricted sections come from ``restricted_paths``.

    The same condition as Wagtail's ``PageQuerySet.public()``: a page is private when it or one of its
    ancestors has a view restriction, that is when its path starts with a restricted page's path.
    """
    if request is None:
        return queryset.public()
    paths = restricted_paths(request)
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def per_page(request, page, name, compute):
    """``compute()`` for the live version of ``page``, kept per generation like ``per_site``.

    Only for a page served as published: a preview (``request.is_preview``) or a page that is not live
    shows a draft, so it is computed afresh every time. The key holds the live revision too.
    """
    if (
        request is None
        or getattr(request, "is_preview", False)
        or not getattr(page, "live", False)
        or page.pk is None
    ):
        return compute()
    return per_site(request, f"{name}:{page.pk}:{page.live_revision_id}", compute)


class KnownRestrictionsMixin:
    """For page models: Wagtail's view-restriction check without its two queries when routing has
    already found, from ``restricted_paths``, that no restriction covers the page.

    ``MunicipalityHomePage.route`` marks the page it serves with ``_thgov_unrestricted``; any other
    way of getting the page (preview, admin, another router) asks the database as Wagtail does.
    """

    def get_view_restrictions(self):
        if getattr(self, "_thgov_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def mark_unrestricted(request, page):
    """Mark ``page`` (about to be served for ``request``) when no view restriction covers it."""
    if not any(page.path.startswith(path) for path in restricted_paths(request)):
        page._thgov_unrestricted = True
    return page
