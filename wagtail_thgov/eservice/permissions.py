"""Who handles e-Service requests, and of which sites: superusers everywhere; a user holding
``wagtail_thgov.view_servicerequest`` on the sites where one of their groups is the webmasters group."""

from ..core.sites import SiteScope, sites_for
from ..workflows.models import RoleGroup
from ..workflows.roles import Role

VIEW_PERMISSION = "wagtail_thgov.view_servicerequest"
CHANGE_PERMISSION = "wagtail_thgov.change_servicerequest"
STATISTICS_PERMISSION = "wagtail_thgov.view_eservice_statistics"
#: Requests belong to the sites whose requests the user may see.
REQUEST_SCOPE = SiteScope(VIEW_PERMISSION)


def request_sites(user, permission=VIEW_PERMISSION):
    """The sites whose requests ``user`` may see (with ``permission``)."""
    return sites_for(user, permission)


def staff_of_site(site_id):
    """Users a request of ``site_id`` may be assigned to: the site's webmasters."""
    from django.contrib.auth import get_user_model

    groups = RoleGroup.objects.filter(site_id=site_id, role=Role.WEBMASTER).values("group_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups)
        .distinct()
        .order_by("first_name", "username")
    )
