"""The municipality home page and the site-map page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class MunicipalityHomePage(Page):
    """The root page of one municipality's site."""

    intro = RichTextField(_("welcome text"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "wagtail_thgov/pages/home_page.html"

    class Meta:
        verbose_name = _("municipality home page")
        verbose_name_plural = _("municipality home pages")


class SiteMapPage(Page):
    """A human-readable site map of the whole site, as the Government Website Standard expects."""

    template = "wagtail_thgov/pages/site_map_page.html"
    max_count_per_parent = 1
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("site map page")
        verbose_name_plural = _("site map pages")

    max_children_shown = 30

    def get_context(self, request, *args, **kwargs):
        """Adds the live tree two levels below the site root, fetched in one query."""
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        site_root = site.root_page if site else self.get_parent()
        pages = (
            site_root.get_descendants(inclusive=True)
            .live()
            .public()
            .filter(depth__lte=site_root.depth + 2)
            .order_by("path")
        )
        context["site_map"] = nest_pages(pages, self.max_children_shown)
        return context


def nest_pages(pages, max_children):
    """Nest pages ordered by path into ``[{"page", "children", "more"}]``; long lists are cut."""
    roots, stack, skipped = [], [], None
    for page in pages:
        if skipped and page.path.startswith(skipped):
            continue
        while stack and not page.path.startswith(stack[-1]["page"].path):
            stack.pop()
        siblings = stack[-1]["children"] if stack else roots
        node = {"page": page, "children": [], "more": False}
        if stack and len(siblings) >= max_children:
            stack[-1]["more"] = True
            skipped = page.path
            continue
        siblings.append(node)
        stack.append(node)
    return roots
