"""Features the plugin gives a site, as checklist evidence: ``{"feature": "<name>"}`` in a data file.

A feature check takes a ``FeatureContext`` (the site, with its municipality settings loaded once) and
returns ``(title, url)`` or ``(title, url, last updated)`` tuples, empty when the site lacks the feature.
Features are measured on the site itself, never read from a setting: https and the .go.th domain from
the root URL the site is served at, the last-updated date from the dates of its live pages. Other subpackages add their own
with ``@register_feature("name", label)``; each check runs a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from ..eservice.pages import EServiceKind, EServicePage
from ..pages.home import SiteMapPage
from ..pages.news import NewsPage
from ..site_settings.models import MunicipalitySettings


@dataclass(frozen=True)
class Feature:
    """A feature of the website that can satisfy checklist items."""

    name: str
    label: str
    check: Callable


FEATURES: dict[str, Feature] = {}


def register_feature(name: str, label):
    """Decorator: register ``check(context) -> [(title, url), …]`` as feature ``name``."""

    def decorator(check):
        FEATURES[name] = Feature(name, label, check)
        return check

    return decorator


class FeatureContext:
    """What feature checks read about one site, each fetched at most once."""

    def __init__(self, site):
        self.site = site

    @property
    def root_url(self) -> str:
        return self.site.root_url

    @cached_property
    def municipality(self):

        return MunicipalitySettings.objects.filter(site=self.site).first()

    def url(self, path: str) -> str:
        return self.root_url + path


def feature_evidence(name: str, context: FeatureContext) -> list[tuple[str, str]]:
    """``(title, url)`` pairs of feature ``name`` on the context's site; empty for an unknown feature."""
    feature = FEATURES.get(name)
    return list(feature.check(context)) if feature else []


def _url_or_none(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


@register_feature("site_map", _("Site map page"))
def site_map(context):

    page = (
        SiteMapPage.objects.live()
        .public()
        .descendant_of(context.site.root_page, inclusive=True)
        .order_by("path")
        .first()
    )
    return [(page.title, page.get_full_url())] if page else []


@register_feature("sitemap_xml", _("sitemap.xml for search engines"))
def sitemap_xml(context):
    path = _url_or_none("thgov_sitemap")
    return [("sitemap.xml", context.url(path))] if path else []


@register_feature("search", _("Site search"))
def search(context):
    path = _url_or_none("thgov_search")
    if path is None:
        try:
            match = resolve("/search/")
        except Resolver404:
            return []
        if match.url_name == "wagtail_serve":
            return []
        path = "/search/"
    return [(str(_("Site search")), context.url(path))]


@register_feature("contact_channels", _("Contact channels in the municipality settings"))
def contact_channels(context):
    municipality = context.municipality
    if (
        municipality is None
        or not municipality.address.strip()
        or not (municipality.phone or municipality.email)
    ):
        return []
    return [(str(_("Contact channels in the website footer")), context.url("/"))]


@register_feature("location_map", _("Map of the office location"))
def location_map(context):
    municipality = context.municipality
    link = municipality.map_link if municipality else ""
    return [(str(_("Map of the office location")), link)] if link else []


@register_feature("social_media", _("Social-media channels in the municipality settings"))
def social_media(context):
    municipality = context.municipality
    if municipality is None:
        return []
    return [(str(link), link.url) for link in municipality.social_links.all()]


@register_feature("last_updated_date", _("Last-updated date shown on every page"))
def last_updated_date(context):
    # Every thgov page template shows the date its live version was published (metadata box); met when
    # every live page of the site has such a date, with the newest as the evidence.
    from wagtail.models import Page

    pages = Page.objects.live().descendant_of(context.site.root_page, inclusive=True)
    if not pages.exists() or pages.filter(last_published_at__isnull=True).exists():
        return []
    newest = pages.order_by("-last_published_at").values_list("title", "url_path", "last_published_at")[0]
    title, url_path, published = newest
    root_path = context.site.root_page.url_path
    return [
        (
            str(_("Last updated: %(title)s")) % {"title": title},
            context.url("/" + url_path[len(root_path) :]),
            published,
        )
    ]


@register_feature("https", _("Served over https"))
def https(context):
    # The root URL the site is served at (its hostname and port in Wagtail's Sites).
    if context.root_url.startswith("https://"):
        return [(str(_("Served over https")), context.url("/"))]
    return []


@register_feature("go_th_domain", _("Government domain name (.go.th)"))
def go_th_domain(context):
    if context.site.hostname.lower().rstrip(".").endswith(".go.th"):
        return [(context.site.hostname, context.url("/"))]
    return []


@register_feature("request_tracking", _("Status tracking of complaints"))
def request_tracking(context):
    # Citizens follow a complaint with its tracking code: the status page, once a complaint service is live.

    path = _url_or_none("thgov_eservice_status")
    has_complaints = (
        EServicePage.objects.live()
        .public()
        .descendant_of(context.site.root_page)
        .filter(service_kind=EServiceKind.COMPLAINT)
        .exists()
    )
    return [(str(_("Status tracking of complaints")), context.url(path))] if path and has_complaints else []


@register_feature("rss_feed", _("RSS feed of the news"))
def rss_feed(context):
    # Measured: the feed's URL is installed and the site has live, public news to put in it.

    path = _url_or_none("thgov_news_feed")
    newest = (
        NewsPage.objects.live()
        .public()
        .descendant_of(context.site.root_page)
        .order_by("-last_published_at")
        .values_list("last_published_at", flat=True)
        .first()
    )
    return [(str(_("RSS feed of the news")), context.url(path), newest)] if path and newest else []
