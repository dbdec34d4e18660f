"""Who sees the compliance report, and of which sites: superusers everywhere; a user holding
``wagtail_thgov.view_compliance_report`` on the sites where one of their groups is the webmasters group."""

from wagtail.models import Site

REPORT_PERMISSION = "wagtail_thgov.view_compliance_report"


def report_sites(user):
    """The sites whose compliance ``user`` may see (and whose local items and manual evidence they manage)."""
    if not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    if not user.has_perm(REPORT_PERMISSION):
        return Site.objects.none()
    from ..workflows.models import RoleGroup
    from ..workflows.roles import Role

    webmaster_of = RoleGroup.objects.filter(role=Role.WEBMASTER, group__in=user.groups.all()).values(
        "site_id"
    )
    return Site.objects.filter(pk__in=webmaster_of)


def can_view_report(user) -> bool:
    return report_sites(user).exists()


def report_site(request, wanted=""):
    """The site to report on: ``wanted`` (a pk) if allowed, else the request's site if allowed, else the
    first site the user may see; ``None`` when there is none."""
    sites = report_sites(request.user)
    if str(wanted).isdigit() and sites.filter(pk=int(wanted)).exists():
        return sites.get(pk=int(wanted))
    current = Site.find_for_request(request)
    if current is not None and sites.filter(pk=current.pk).exists():
        return current
    return sites.first()
