"""Which sites a user may see or manage: the one place every capability asks.

An installation hosts several municipalities, one Wagtail ``Site`` each. A user works on a site in two ways:

- through the page tree: the sites whose home page the user may edit (``sites_for(user, EDIT)``), which
  is what membership of a site's role groups grants; snippets, reports and choosers that belong to a site
  use this;
- through the site's webmasters group (``workflows.roles``): the sites where one of the user's groups is the
  webmasters group, with a model permission on top (``sites_for(user, "wagtail_thgov.view_…")``, or
  ``sites_for(user)`` without one); statistics, compliance and e-Service requests use this.

In both, an active superuser has every site, and an inactive or anonymous user none.
"""

from django.apps import apps
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy

EDIT = "change"  # the page permission whose sites are "the sites the user edits"
WEBMASTER = "webmaster"  # the value of workflows.roles.Role.WEBMASTER (core imports no capability)


def is_active_superuser(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_superuser)


def role_site_ids(user, role=WEBMASTER) -> frozenset:
    """Ids of the sites where one of ``user``'s groups is the ``role`` group (none for inactive users),
    read once per request and kept on the user object as Django keeps its permission cache."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault("_thgov_role_site_ids", {})
    if role not in cache:
        # The model by name: it lives in workflows, which core does not import.
        role_group = apps.get_model("wagtail_thgov", "RoleGroup")
        cache[role] = frozenset(
            role_group.objects.filter(role=role, group__in=user.groups.all()).values_list(
                "site_id", flat=True
            )
        )
    return cache[role]


def sites_for(user, permission=None, *, role=WEBMASTER):
    """The sites ``user`` may work on, as a queryset of ``Site`` (see the module's text):

    - ``permission`` a page action (no dot, e.g. ``EDIT``): the sites whose home page ``user`` has it on;
    - ``permission`` a model permission (``"app_label.codename"``) or ``None``: the sites ``user`` serves
      in ``role`` (the webmasters by default), none unless ``user`` holds the permission.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    if permission is not None and "." not in permission:
        pages = PagePermissionPolicy().instances_user_has_permission_for(user, permission)
        return Site.objects.filter(root_page__in=pages.values("pk"))
    if permission is not None and not user.has_perm(permission):
        return Site.objects.none()
    return Site.objects.filter(pk__in=role_site_ids(user, role))


def serves_any_site(user, permission=None, *, role=WEBMASTER) -> bool:
    """Whether ``sites_for(user, permission, role=role)`` (a model permission or ``None``) is not empty,
    without a query once the user's role sites were read."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if permission is not None and not user.has_perm(permission):
        return False
    return bool(role_site_ids(user, role))
