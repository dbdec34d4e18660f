"""Which sites a user may see or manage: the one place every capability asks.

An installation hosts several municipalities, one Wagtail ``Site`` each. A user works on a site in two ways:

- through the page tree: the sites whose home page the user may edit (``sites_for(user, EDIT)``), which
  is what membership of a site's role groups grants; snippets, reports and choosers that belong to a site
  use this;
- through the site's webmasters group (``workflows.roles``): the sites where one of the user's groups is the
  webmasters group, with a model permission on top (``sites_for(user, "wagtail_thgov.view_…")``, or
  ``sites_for(user)`` without one); statistics, compliance and e-Service requests use this.

In both, an active superuser has every site, and an inactive or anonymous user none.

Rows that belong to one site (a ``site`` foreign key: local checklist items, evidence kept elsewhere,
default publication periods, e-Service requests, information sources, people) are narrowed by a
``SiteScope``; ``core.viewsets`` applies one to every admin view of such a model.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
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


def serves_site(user, site_id, permission=None, *, role=WEBMASTER) -> bool:
    """Whether site ``site_id`` is one of ``sites_for(user, permission, role=role)`` (a model permission or
    ``None``), without a query once the user's role sites were read."""
    if not serves_any_site(user, permission, role=role):
        return False
    return user.is_superuser or int(site_id) in role_site_ids(user, role)


@dataclass(frozen=True)
class SiteScope:
    """Which rows of a model with a ``site`` foreign key a user may see and change.

    A row of a site belongs to the users ``sites_for(user, permission)`` gives that site. With
    ``shared_rows``, a row without a site is shared by every site: every user sees it, only an active
    superuser changes it. Without, a row without a site is outside the scope for everyone (the bundled
    checklist items beside a municipality's local ones).
    """

    permission: str | None = EDIT
    shared_rows: bool = False

    def sites(self, user):
        """The sites whose rows ``user`` may see and change."""
        return sites_for(user, self.permission)

    def writes_shared(self, user) -> bool:
        """Whether ``user`` may create and change rows without a site (and so sees every row)."""
        return self.shared_rows and is_active_superuser(user)

    def visible(self, rows, user):
        """``rows`` (a queryset) narrowed to those ``user`` may see."""
        if self.writes_shared(user):
            return rows
        mine = Q(site__in=self.sites(user))
        if self.shared_rows:
            mine |= Q(site__isnull=True)
        return rows.filter(mine)

    def changeable(self, rows, user):
        """``rows`` (a queryset) narrowed to those ``user`` may change or delete."""
        if self.writes_shared(user):
            return rows
        return rows.filter(site__in=self.sites(user))

    def allows(self, user, row, change=True) -> bool:
        """Whether ``user`` may change (or, with ``change=False``, see) ``row``."""
        if row.site_id is None:
            return self.writes_shared(user) or (self.shared_rows and not change)
        return self.writes_shared(user) or self.sites(user).filter(pk=row.site_id).exists()


#: Rows that pages of a site use (information sources, people, default publication periods): those of
#: the sites whose page tree the user edits, and the shared ones.
EDITED_SITES_AND_SHARED = SiteScope(EDIT, shared_rows=True)
