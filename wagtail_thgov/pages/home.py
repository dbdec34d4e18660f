"""The municipality home page and the site-map page."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import LinkBlock
from ..cache.sitedata import KnownRestrictionsMixin, mark_unrestricted, public
from ..core.categories import home_subpage_types
from .news import AnnouncementIndexPage, NewsIndexPage, NewsPage, announcements, typed_announcements

# The index page of every publishing category, plus the single pages that live under the home page:
# the category table of core.categories. Named lazily: each family's module registers its own models.
HOME_SUBPAGE_TYPES = home_subpage_types()


class MunicipalityHomePage(KnownRestrictionsMixin, Page):
    """The root page of one municipality's site: latest news and announcements, e-Services, quick links.

    Each section costs a fixed number of queries, however many pages the site has.
    """

    intro = RichTextField(_("welcome text"), blank=True, features=["bold", "italic", "link"])
    quick_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("quick links"),
        help_text=_("Links shown on the home page, to pages of this site or to other websites."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("quick_links")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = HOME_SUBPAGE_TYPES
    max_count_per_parent = 1
    # The theme's home_page.html with this page's sections (includes/home_sections.html) in its home_sections block.
    template = "wagtail_thgov/pages/municipality_home_page.html"
    latest_count = 5
    eservice_count = 12

    class Meta:
        verbose_name = _("municipality home page")
        verbose_name_plural = _("municipality home pages")

    def route(self, request, path_components):
        """Wagtail's routing in two queries, not two per level of the address.

        Wagtail's ``Page.route`` reads each level's child by its slug and then that child's own type:
        a news item three levels down costs six queries. Here every page along the address comes from
        one query (by slug and depth, under this page), and only the page finally served is read as its
        own type. A page on the way whose type routes by itself (``RoutablePageMixin``, any override
        of ``route``) gets the rest of the address, as in Wagtail; so does a level not found, which
        ends in Wagtail's 404. The pages on the way are kept on the request for the breadcrumbs.
        """
        if not path_components:
            mark_unrestricted(request, self)
            return super().route(request, path_components)
        depth = self.depth
        candidates = Page.objects.filter(
            slug__in=set(path_components),
            depth__gt=depth,
            depth__lte=depth + len(path_components),
            path__startswith=self.path,
        )
        by_level = {(page.depth, page.slug, page.path[: -Page.steplen]): page for page in candidates}
        current, trail = self, []
        for index, slug in enumerate(path_components):
            page = by_level.get((current.depth + 1, slug, current.path))
            if page is None:  # not there: Wagtail's own lookup answers (404)
                return Page.route(current, request, path_components[index:])
            page._cached_parent_obj = current
            trail.append(page)
            page_class = page.specific_class
            if page_class is None or page_class.route is not Page.route:
                return page.specific.route(request, path_components[index + 1 :])
            current = page
        request._thgov_route_trail = [self, *trail]
        served = mark_unrestricted(request, current.specific)
        served._cached_parent_obj = current._cached_parent_obj
        return Page.route(served, request, [])

    def live_descendants(self, model=Page, request=None):
        """Live public pages of ``model`` under this one; with ``request``, the restricted sections come
        from the per-generation cache (``cache.sitedata.public``) instead of one query per list."""
        return public(model.objects.descendant_of(self).live(), request)

    def latest_news(self, request=None):
        """The newest live news of this site (one query)."""
        news = (
            self.live_descendants(NewsPage, request)
            .defer_streamfields()  # the cards show the title, date and summary, not the body
            .order_by("-news_date", "-first_published_at", "-pk")
        )
        return list(news[: self.latest_count])

    def latest_announcements(self, request=None):
        """The newest live announcements of every kind, as their own types (one query)."""
        return typed_announcements(announcements(self.live_descendants(request=request))[: self.latest_count])

    def eservices(self, request=None):
        """The live e-Services of this site in menu order (one query)."""
        # By name: pages do not import the eservice capability.
        eservice_page = apps.get_model("wagtail_thgov", "EServicePage")
        services = self.live_descendants(eservice_page, request).defer_streamfields().order_by("path")
        return list(services[: self.eservice_count])

    def section_indexes(self, *models, request=None) -> dict:
        """The first live child of each of ``models``, found in one query: ``{model: page or None}``."""
        first = {}
        for page in public(self.get_children().live(), request).type(*models).order_by("path"):
            first.setdefault(page.specific_class, page)
        return {model: first.get(model) for model in models}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        eservice_index_page = apps.get_model(
            "wagtail_thgov", "EServiceIndexPage"
        )  # by name, as in eservices()
        indexes = self.section_indexes(
            NewsIndexPage, AnnouncementIndexPage, eservice_index_page, request=request
        )
        context.update(
            {
                "latest_news": self.latest_news(request),
                "news_index": indexes[NewsIndexPage],
                "latest_announcements": self.latest_announcements(request),
                "announcement_index": indexes[AnnouncementIndexPage],
                "eservices": self.eservices(request),
                "eservice_index": indexes[eservice_index_page],
            }
        )
        return context


class SiteMapPage(KnownRestrictionsMixin, Page):
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
