"""The base of every thgov page type: Wagtail's Page plus the government metadata tab."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index

from ..blocks.downloads import file_label
from ..metadata.models import GovMetadataMixin
from ..metadata.panels import MetadataStatusPanel
from ..publishing.forms import ThgovPageForm
from ..workflows.certification import certification_for


class _ThgovEditHandler:
    """Builds each page type's tabs from its own panel lists: Content, Metadata, Promote, Settings."""

    def __get__(self, instance, owner):
        tabs = [
            ObjectList(owner.content_panels, heading=_("Content")),
            ObjectList([MetadataStatusPanel(), *owner.metadata_panels], heading=_("Metadata")),
            ObjectList(owner.promote_panels, heading=_("Promote")),
            ObjectList(owner.settings_panels, heading=_("Settings")),
        ]
        return TabbedInterface(tabs, base_form_class=owner.base_form_class)


class ThgovPage(GovMetadataMixin, Page):
    """Abstract base of all thgov page types."""

    edit_handler = _ThgovEditHandler()
    # Expiry defaults, schedule and review-date checks, and the fix for wagtail#13896 (publishing/forms.py).
    base_form_class = ThgovPageForm
    # The page cache (wagtail_thgov.cache) may store this page type's public responses for anonymous
    # visitors; a page type whose output depends on the visitor sets this to False.
    thgov_page_cache = True
    search_fields = Page.search_fields + [
        index.SearchField("source_text"),
        index.FilterField("fiscal_year"),
        # Thai-segmented, compound-aware words of the title and metadata (wagtail_thgov.search.thai).
        index.SearchField("thgov_search_text"),
    ]

    class Meta:
        abstract = True

    def thgov_search_text(self):
        """What a citizen searches by, as Thai-segmented index words: see ``wagtail_thgov.search.thai``."""
        from ..search.thai import index_text

        labels = []
        # What the page is (its type and kind) in Thai, whatever language it is indexed in: a citizen
        # searching for "จัดซื้อจัดจ้าง" wants every procurement notice, whose title may only say
        # "ประกวดราคาจ้างก่อสร้างถนน…" (the type's Thai name is "ประกาศจัดซื้อจัดจ้าง").
        for language in dict.fromkeys(("th", translation.get_language() or "th")):
            with translation.override(language):
                labels.append(str(self._meta.verbose_name))
                labels += [
                    str(getattr(self, f"get_{name}_display")())
                    for name in ("kind", "oia_section")
                    if getattr(self, name, None) and hasattr(self, f"get_{name}_display")
                ]
        # Keywords read afresh: ``keyword_names`` may have been cached before the tags changed.
        keywords = [tag.name for tag in self.keywords.all()]
        return index_text(
            self.title, self.search_description, self.source_name, *keywords, *dict.fromkeys(labels)
        )

    @property
    def thgov_certification(self):
        """Who certified the live revision and when (from the certification task), or ``None``."""
        try:
            return self._thgov_certification
        except AttributeError:
            self._thgov_certification = certification_for(self)
            return self._thgov_certification


class ThgovIndexPage(ThgovPage):
    """Abstract base of a category's index page: lists its live children, newest first, paginated."""

    thgov_required_metadata = ()
    listing_per_page = 20
    listing_order = ("-first_published_at", "-pk")

    class Meta:
        abstract = True

    def listing_queryset(self, request):
        """Live public children as their specific types, filtered by the request; override to filter more."""
        return self.get_children().live().public().specific().order_by(*self.listing_order)

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, self.listing_per_page)
        try:
            return paginator.page(request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage):
            return paginator.page(1)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.paginate(request, self.listing_queryset(request))
        return context


class SingleDocumentMixin:
    """For page types whose one main file is a ``document`` foreign key (plans, laws)."""

    @property
    def document_label(self) -> str:
        """``"PDF · 1.2 MB"`` of the document, read from the stored file."""
        return file_label(self.document) if self.document else ""
