"""Which sites a user serves in a role: the one place the capabilities (statistics, compliance, e-Service)
ask, read once per request and kept on the user object as Django keeps its permission cache."""

from wagtail.models import Site

from .models import RoleGroup
from .roles import Role


def role_site_ids(user, role=Role.WEBMASTER) -> frozenset:
    """Ids of the sites where one of ``user``'s groups is the ``role`` group (none for inactive users)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault("_thgov_role_site_ids", {})
    if role not in cache:
        cache[role] = frozenset(
            RoleGroup.objects.filter(role=role, group__in=user.groups.all()).values_list("site_id", flat=True)
        )
    return cache[role]


def role_sites(user, role=Role.WEBMASTER, permission=None):
    """The sites ``user`` serves in ``role`` (every site for an active superuser), as a queryset;
    with ``permission``, none unless the user holds it."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    if permission is not None and not user.has_perm(permission):
        return Site.objects.none()
    return Site.objects.filter(pk__in=role_site_ids(user, role))


def serves_any_site(user, role=Role.WEBMASTER, permission=None) -> bool:
    """Whether ``role_sites(user, role, permission)`` is not empty, without a query once read."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if permission is not None and not user.has_perm(permission):
        return False
    return bool(role_site_ids(user, role))
