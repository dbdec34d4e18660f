"""What one user may see of a multi-site installation: the pages of their sites and the staff of their sites.

"Their sites" are ``core.sites.sites_for(user, EDIT)``: the sites whose home page the user may edit,
which is what membership of a site's role groups grants. Superusers see everything.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Page

from ..core.sites import EDIT, sites_for
from ..metadata.scoping import site_root_paths, under_paths
from ..workflows.models import RoleGroup


def pages_of_user_sites(pages, user, prefix=""):
    """``pages`` narrowed to the trees of the user's sites (``prefix`` reaches the page from a related row)."""
    paths = site_root_paths(user)
    if paths is None:
        return pages
    return pages.filter(under_paths(paths, prefix))


def pages_within_reach(pages, user):
    """``pages`` narrowed to the user's sites and the pages above their home pages (the root), through
    which a chooser reaches them."""
    paths = site_root_paths(user)
    if paths is None:
        return pages
    steplen = Page.steplen
    above = {path[:end] for path in paths for end in range(steplen, len(path), steplen)}
    return pages.filter(under_paths(paths) | Q(path__in=above))


def may_browse(page, user) -> bool:
    """Whether the chooser may open ``page``: inside one of the user's sites, or above one (the root)."""
    paths = site_root_paths(user)
    if paths is None:
        return True
    return any(page.path.startswith(path) or path.startswith(page.path) for path in paths)


def staff_of(sites):
    """Users in any role group (uploader, webmaster, approver) of ``sites``."""
    groups = RoleGroup.objects.filter(site__in=sites).values("group_id")
    return get_user_model().objects.filter(groups__in=groups).distinct()


def visible_users(user):
    """The users whose names ``user`` may see in admin filters: the staff of their own sites (and
    themselves); every user for a superuser."""
    users = get_user_model().objects.all()
    if user.is_active and user.is_superuser:
        return users
    if not hasattr(user, "_thgov_visible_user_ids"):
        user._thgov_visible_user_ids = {
            user.pk,
            *staff_of(sites_for(user, EDIT)).values_list("pk", flat=True),
        }
    return users.filter(pk__in=user._thgov_visible_user_ids)
