"""Who sees visitor statistics and satisfaction results in the admin, and of which sites: superusers
everywhere; a user on the sites where one of their groups is the site's webmasters group."""

from django.db.models import Q
from wagtail.models import Site

from ..core.sites import serves_any_site, sites_for
from .pages import SatisfactionSurveyPage


def stats_sites(user):
    """The sites whose statistics and survey results ``user`` may see in the admin."""
    return sites_for(user)


def can_view_stats(user) -> bool:
    return serves_any_site(user)


def request_site(request, sites):
    """Of ``sites`` (a list), the request's site if there, else the first; ``None`` when empty."""
    current = Site.find_for_request(request)
    for site in sites:
        if current is not None and site.pk == current.pk:
            return site
    return sites[0] if sites else None


def surveys_of(sites):
    """Live or draft satisfaction survey pages under the root pages of ``sites``."""

    sites = list(sites.select_related("root_page")) if hasattr(sites, "select_related") else list(sites)
    if not sites:
        return SatisfactionSurveyPage.objects.none()
    condition = Q()
    for site in sites:
        condition |= Q(path__startswith=site.root_page.path)
    return SatisfactionSurveyPage.objects.filter(condition).order_by("path")


def site_of(page, sites):
    """The site of ``sites`` whose tree holds ``page`` (the deepest root wins), without a query."""
    owners = [site for site in sites if page.path.startswith(site.root_page.path)]
    return max(owners, key=lambda site: len(site.root_page.path), default=None)
