"""Who a site's webmasters are, for the currency digest: found by permission, never by group name."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import GroupPagePermission

from .models import DIGEST_PERMISSION


def webmaster_users(site):
    """Active users with an e-mail address who hold ``receive_currency_digest`` (directly or through a
    group) and belong to a group with page permissions in ``site`` (on its root, a page inside it, or
    an ancestor such as the tree root). Superusers are included only if granted the permission
    explicitly, so that an installation's administrators do not get every site's digest."""
    root = site.root_page
    in_site = Q(page__path__startswith=root.path) | Q(page__in=root.get_ancestors())
    site_groups = GroupPagePermission.objects.filter(in_site).values("group_id")
    users = get_user_model().objects.with_perm(DIGEST_PERMISSION, include_superusers=False)
    return users.filter(is_active=True, groups__in=site_groups).exclude(email="").distinct().order_by("pk")
