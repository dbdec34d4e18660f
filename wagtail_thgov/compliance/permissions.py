"""Who sees the compliance report, and of which sites: superusers everywhere; a user holding
``wagtail_thgov.view_compliance_report`` on the sites where one of their groups is the webmasters group."""

from wagtail.models import Site

from ..core.sites import SiteScope, serves_any_site, serves_site, sites_for

REPORT_PERMISSION = "wagtail_thgov.view_compliance_report"
#: Local checklist items and evidence kept elsewhere belong to the sites whose report the user sees.
REPORT_SCOPE = SiteScope(REPORT_PERMISSION)


def report_sites(user):
    """The sites whose compliance ``user`` may see (and whose local items and manual evidence they manage)."""
    return sites_for(user, REPORT_PERMISSION)


def can_view_report(user) -> bool:
    return serves_any_site(user, REPORT_PERMISSION)


def report_site(request, wanted=""):
    """The site to report on: ``wanted`` (a pk) if allowed, else the request's site if allowed, else the
    first site the user may see; ``None`` when there is none."""
    user = request.user
    if str(wanted).isdigit() and serves_site(user, int(wanted), REPORT_PERMISSION):
        site = Site.objects.filter(pk=int(wanted)).first()
        if site is not None:
            return site
    current = Site.find_for_request(request)
    if current is not None and serves_site(user, current.pk, REPORT_PERMISSION):
        return current
    return report_sites(user).first()
