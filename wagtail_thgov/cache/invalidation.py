"""What makes cached pages stale: one generic rule plus Wagtail's page signals.

The generic rule: saving or deleting an object of any model of the apps in ``WATCHED_APPS`` bumps a
generation, except for the models in ``NOT_WATCHED`` (high-write tables that no page shows, or shows
only as counters with their own bound; see docs/caching.md). A new model of wagtail_thgov is covered
without anyone remembering to add it.

Which generation is bumped:

* a page (any ``Page`` subclass): the sites whose tree contains it, or that it contains (moving or
  deleting a site's root);
* an object with a ``site`` foreign key (site settings, per-site snippets): that site;
* anything else (Site itself, snippets, documents, images, redirects, tags, workflow states): every site
  (the global generation).

Wagtail's ``page_published``, ``page_unpublished`` (also sent by our batched expiry and by
``publish_scheduled``) and ``post_page_move`` signals bump the page's sites too: they are sent when a
page changes without a ``save()`` of the page model (bulk updates).

Each bump happens at once and again after the surrounding transaction commits (see ``store``). With the
generations in the database the bump made at once belongs to the transaction of the change, so the two
commit together: the scheduled expiry (``core.signals.pages_expiring``, sent inside each batch's
transaction) leaves no moment where a page is offline in the database and still served from the cache,
even if the worker is killed right after the commit.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from ..core.signals import pages_expiring
from . import store

logger = logging.getLogger(__name__)

WATCHED_APPS = {
    "wagtail_thgov",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "wagtailforms",
    "taggit",
}

# app_label.ModelName of models whose writes never change what a cached page shows.
NOT_WATCHED = {
    # Statistics: written on every flush; the counters they feed are bounded by the counter lifetime.
    "wagtail_thgov.PageViewDay",
    "wagtail_thgov.SiteVisitDay",
    "wagtail_thgov.VisitorHashDay",
    "wagtail_thgov.DailySalt",
    "wagtail_thgov.SatisfactionRating",
    # Editing that is not publishing: drafts, audit log, comments, subscriptions, the reference index.
    "wagtailcore.Revision",
    "wagtailcore.PageLogEntry",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.PageSubscription",
    "wagtailcore.ReferenceIndex",
    "wagtailcore.UploadedFile",
    # Image renditions are made while rendering a page: bumping on them would undo the render.
    "wagtailimages.Rendition",
    # What visitors submit through forms is not shown on public pages.
    "wagtailforms.FormSubmission",
}


# Page fields that saving a draft, locking or commenting changes: none is shown on the public page.
DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def _label(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def watched(model) -> bool:
    """Whether saving or deleting an object of ``model`` makes cached pages stale.

    A model of a watched app that no public page shows and that is written often (say, what citizens
    submit through an e-Service form) opts out with the class attribute ``thgov_page_cache_ignore = True``.
    """
    return (
        model._meta.app_label in WATCHED_APPS
        and _label(model) not in NOT_WATCHED
        and not getattr(model, "thgov_page_cache_ignore", False)
    )


def _run_now_and_on_commit(function, *args):
    try:
        function(*args)
    except Exception:  # a cache outage must not fail an edit; entries expire by their timeout anyway
        logger.exception("thgov page cache: could not invalidate")
    if transaction.get_connection().in_atomic_block:

        def again():
            try:
                function(*args)
            except Exception:
                logger.exception("thgov page cache: could not invalidate")

        transaction.on_commit(again)


def invalidate_all():
    """Every cached page of every site becomes stale."""
    _run_now_and_on_commit(store.bump_global)


def invalidate_sites(site_ids):
    _run_now_and_on_commit(store.bump_sites, set(site_ids))


def sites_of_paths(url_paths) -> set:
    """Ids of the sites whose root is at or above, or at or below, one of these page url_paths."""
    from wagtail.models import Site

    url_paths = [path for path in url_paths if path]
    found = set()
    for root in Site.get_site_root_paths():
        for path in url_paths:
            if path.startswith(root.root_path) or root.root_path.startswith(path):
                found.add(root.site_id)
    return found


def invalidate_page(page, *extra_paths):
    sites = sites_of_paths([getattr(page, "url_path", ""), *extra_paths])
    if sites:
        invalidate_sites(sites)
    else:  # a page outside every site (or a tree being built): be safe
        invalidate_all()


def _site_id_of(instance):
    from wagtail.models import Site

    field = next(
        (
            f
            for f in instance._meta.concrete_fields
            if f.name == "site" and getattr(f, "related_model", None) is Site
        ),
        None,
    )
    return getattr(instance, field.attname) if field is not None else None


def invalidate_instance(instance):
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate_page(instance)
        return
    site_id = _site_id_of(instance)
    if site_id is not None:
        invalidate_sites([site_id])
    else:
        invalidate_all()


# -- receivers --------------------------------------------------------------------------------------


def on_save_or_delete(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not watched(sender):
        return
    if update_fields and set(update_fields) <= DRAFT_FIELDS:  # a draft saved in the editor
        return
    invalidate_instance(instance)


def on_page_signal(sender, instance, **kwargs):
    invalidate_page(instance)


def on_page_move(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    invalidate_page(instance, url_path_before or "", url_path_after or "")


def on_pages_expiring(sender, url_paths, **kwargs):
    sites = sites_of_paths(url_paths)
    if sites:
        invalidate_sites(sites)
    else:
        invalidate_all()


def connect():
    """Called once from ``WagtailThgovConfig.ready()``."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(on_save_or_delete, dispatch_uid="thgov_page_cache_save")
    post_delete.connect(on_save_or_delete, dispatch_uid="thgov_page_cache_delete")
    page_published.connect(on_page_signal, dispatch_uid="thgov_page_cache_published")
    page_unpublished.connect(on_page_signal, dispatch_uid="thgov_page_cache_unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="thgov_page_cache_moved")
    pages_expiring.connect(on_pages_expiring, dispatch_uid="thgov_page_cache_expiring")
