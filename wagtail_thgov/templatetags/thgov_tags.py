"""Template tags of the public theme: main menu, breadcrumbs, the site-map link, phone links.

``{% load thgov_tags %}`` then ``{% main_menu %}``, ``{% breadcrumbs %}``, ``{% site_root as home %}``,
``{% menu_pages as sections %}``, ``{% site_map_page as site_map %}``, ``{% current_be_year %}``
and ``{{ phone|tel_href }}``.
"""

import re
import unicodedata

from django import template
from django.utils import timezone
from wagtail.models import Page, Site

from wagtail_thgov import thai
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
    """Compute a per-request value once, so header, footer and body share one query."""
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_thgov_theme_cache", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


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
