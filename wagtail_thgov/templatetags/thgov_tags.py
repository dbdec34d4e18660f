"""Template tags of the public theme: main menu, breadcrumbs, the site-map link, phone links.

``{% load thgov_tags %}`` then ``{% main_menu %}``, ``{% breadcrumbs %}``, ``{% site_root as home %}``,
``{% menu_pages as sections %}``, ``{% site_map_page as site_map %}``, ``{% current_be_year %}``
and ``{{ phone|tel_href }}``.
"""

import re
import unicodedata

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page, Site

from wagtail_thgov.cache.sitedata import per_site
from wagtail_thgov.core import thai
from wagtail_thgov.metadata.structured import page_summary
from wagtail_thgov.pages.home import SiteMapPage

register = template.Library()

# The first number in "0 5312 3456 ต่อ 101, ...": digits, spaces and hyphens, four or more
# characters so that hotlines such as 1111 link too.
PHONE_NUMBER = re.compile(r"\+?\d[\d\s-]{2,}\d")


def site_root_for(request):
    """The root page of the request's site, or ``None`` outside a site."""
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def current_page(context):
    """The page being rendered, if any."""
    page = context.get("page") or context.get("self")
    return page if isinstance(page, Page) else None


def cached_on_request(request, name, compute):
    """A value of the request's site, computed once per site generation (``cache.sitedata.per_site``).

    The header, footer and body of one render share it; later renders read it from the cache until a
    change to the site (a page published, moved or unpublished, a setting saved) bumps the generation.
    """
    if request is None:
        return compute()
    return per_site(request, name, compute)


@register.simple_tag(takes_context=True)
def site_root(context):
    """The root page of the request's site (its home page), or ``None``."""
    return site_root_for(context.get("request"))


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The site root's live children marked "show in menus", in one query."""
    request = context.get("request")

    def compute():
        root = site_root_for(request)
        return list(root.get_children().live().in_menu()) if root else []

    return cached_on_request(request, "menu_pages", compute)


def aria_current(item, page):
    """``"page"`` for the page itself, ``"true"`` for the section it is in, else ``""``."""
    if page is None:
        return ""
    if page.pk == item.pk:
        return "page"
    if page.path.startswith(item.path):
        return "true"
    return ""


@register.inclusion_tag("wagtail_thgov/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The main navigation: the home page, then the site root's menu pages."""
    request = context.get("request")
    page = current_page(context)
    root = site_root_for(request)
    items = [{"page": item, "current": aria_current(item, page)} for item in menu_pages(context)]
    home_current = "page" if root and page and page.pk == root.pk else ""
    return {"request": request, "home": root, "home_current": home_current, "items": items}


@register.inclusion_tag("wagtail_thgov/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the site root down to the current page; empty on the home page."""
    request = context.get("request")
    page = current_page(context)
    root = site_root_for(request)
    if page is None or root is None or page.depth <= root.depth or not page.path.startswith(root.path):
        return {"request": request, "ancestors": [], "page": page}
    trail = getattr(request, "_thgov_route_trail", None)
    if trail and trail[-1].pk == page.pk and trail[0].depth <= root.depth:
        # The pages the router walked through to this one (``MunicipalityHomePage.route``): no query.
        ancestors = [item for item in trail[:-1] if item.depth >= root.depth and item.live]
    else:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gte=root.depth).live().order_by("depth")
    return {"request": request, "ancestors": list(ancestors), "page": page}


@register.simple_tag(takes_context=True)
def site_map_page(context):
    """The live site-map page of the request's site, or ``None``."""
    request = context.get("request")

    def compute():
        root = site_root_for(request)
        if root is None:
            return None
        return SiteMapPage.objects.live().descendant_of(root).order_by("depth", "path").first()

    return cached_on_request(request, "site_map_page", compute)


@register.simple_tag
def current_be_year():
    """This year in the Buddhist Era, Bangkok time."""
    return thai.be_year(timezone.now())


@register.filter
def tel_href(value):
    """A ``tel:`` link for the first number in a free-text phone field, or ``""``."""
    match = PHONE_NUMBER.search(str(value or ""))
    if not match:
        return ""
    # Thai digits (๐–๙) count as digits too; dialers need ASCII ones.
    kept = (c for c in match.group() if c.isdigit() or c == "+")
    number = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in kept)
    return f"tel:{number}"


# --- <head>: description, Open Graph and icons from the page and MunicipalitySettings ---------------------

DEFAULT_EMBLEM = "wagtail_thgov/img/emblem.svg"  # shown when the municipality has not uploaded a logo
DEFAULT_EMBLEM_PNG = "wagtail_thgov/img/emblem-512.png"  # link previews do not show SVG
DEFAULT_TOUCH_ICON = "wagtail_thgov/img/emblem-180.png"


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


@register.inclusion_tag("wagtail_thgov/includes/page_meta.html", takes_context=True)
def thgov_page_meta(context, municipality=None):
    """``<meta name="description">``, the canonical link and Open Graph tags of the page being shown.

    The description is the page's own summary (search description, else intro or summary); without one,
    "Official website of <municipality>". The preview image is the municipality's logo, else the default emblem.
    """
    request = context.get("request")
    page = current_page(context)
    name = getattr(municipality, "display_name", "") or ""
    description = page_summary(page) or (
        gettext("Official website of %(name)s") % {"name": name} if name else ""
    )
    logo = getattr(municipality, "logo", None)
    image = logo.get_rendition("max-1200x630").url if logo else static(DEFAULT_EMBLEM_PNG)
    url = (
        page.get_full_url(request)
        if page is not None
        else (_absolute(request, request.path) if request else "")
    )
    return {
        "description": description,
        "title": (page.seo_title or page.title) if page is not None else name,
        "site_name": name,
        "url": url,
        "image": _absolute(request, image),
        "is_page": page is not None,
    }


@register.inclusion_tag("wagtail_thgov/includes/site_icons.html", takes_context=True)
def thgov_site_icons(context, municipality=None):
    """The browser tab and home-screen icons: the municipality's logo, else the default emblem."""
    logo = getattr(municipality, "logo", None)
    if logo:
        return {
            "icon": logo.get_rendition("fill-64x64").url,
            "icon_type": "",
            "touch_icon": logo.get_rendition("fill-180x180").url,
        }
    return {
        "icon": static(DEFAULT_EMBLEM),
        "icon_type": "image/svg+xml",
        "touch_icon": static(DEFAULT_TOUCH_ICON),
    }


@register.simple_tag
def default_emblem_url():
    """The default emblem, for the header of a municipality without a logo."""
    return static(DEFAULT_EMBLEM)
