"""The ten publishing categories of the guideline (§1.1–§1.10) and their page types: the one table.

Each category names its index page type(s), the page(s) the home page offers for it (``index_pages``),
and the default publication periods shipped for its page types (``default_periods``: ``thgov_setup``
copies them into the installation's ``ExpiryDefault`` rows once; webmasters change them from then on).
Every thgov page type names its category with ``thgov_category = "1.8"`` and is registered here when its
class is created (``metadata.models.GovMetadataMixin.__init_subclass__`` calls ``register_page_type``), so
this module imports no page module. Reports, the inventory, search filters, the publication register and
the compliance checklist ask ``page_types_of(code)``; the home page asks ``home_subpage_types()``.

To add a category: add a ``Category`` to ``CATEGORIES`` (its index page type by label, its default
periods if any), and give its page types ``thgov_category = "<code>"``.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

# Where a default publication period starts: the values of ``publishing.models.CountedFrom``.
FROM_PUBLICATION = "publication"  # the day the page goes live
FROM_PERIOD_END = "period_end"  # the end of the page's own period (its ``thgov_period_end_field``)


@dataclass(frozen=True)
class DefaultPeriod:
    """A default publication period shipped with the plugin: a page type of the category (by label), the
    kind of page it is for ("" for every kind), where it starts and its length in days."""

    model: str
    kind: str
    counted_from: str
    days: int | None


@dataclass(frozen=True)
class Category:
    """One publishing category: its code, Thai name, English name and what belongs in it."""

    code: str
    name_th: str
    name: Promise  # translated English name
    description: Promise
    # Labels of the page types that index the category under the home page, in menu order.
    index_pages: tuple[str, ...] = ()
    # Default publication periods of its page types; pages without one stay until replaced.
    default_periods: tuple[DefaultPeriod, ...] = ()

    def __str__(self):
        return f"{self.code} {self.name}"


CATEGORIES = (
    Category(
        "1.1",
        "ข้อมูลหน่วยงาน",
        _("Agency information"),
        _("History, vision, mission, powers and duties, structure, executives, plans, budget and reports."),
        index_pages=("wagtail_thgov.AgencyIndexPage",),
    ),
    Category(
        "1.2",
        "กฎหมาย ระเบียบ ข้อบังคับ",
        _("Laws, regulations and bylaws"),
        _("Acts, regulations, bylaws, announcements and orders, each with its source."),
        index_pages=("wagtail_thgov.LawIndexPage",),
    ),
    Category(
        "1.3",
        "คลังความรู้",
        _("Knowledge base"),
        _("Infographics, multimedia, articles, research and statistics, with source and date."),
        index_pages=("wagtail_thgov.KnowledgeIndexPage",),
    ),
    Category(
        "1.4",
        "เว็บไซต์ที่เกี่ยวข้อง",
        _("Related websites"),
        _("Links to related agencies and websites."),
        index_pages=("wagtail_thgov.RelatedLinksPage",),
    ),
    Category(
        "1.5",
        "ข้อมูลข่าวสารเพื่อการตรวจดู",
        _("Information for public inspection"),
        _("Official information under the Official Information Act s.7 and s.9 and GWS 2.0."),
        index_pages=("wagtail_thgov.PublicInfoIndexPage",),
    ),
    Category(
        "1.6",
        "คู่มือการปฏิบัติงาน",
        _("Operating manuals"),
        _("Standard operating procedures with steps and their durations."),
        index_pages=("wagtail_thgov.OperatingManualIndexPage",),
    ),
    Category(
        "1.7",
        "คู่มือประชาชนและแบบฟอร์ม",
        _("Citizen's manuals and forms"),
        _("Citizen's manuals under the Licensing Facilitation Act and downloadable forms."),
        index_pages=("wagtail_thgov.CitizenManualIndexPage",),
    ),
    Category(
        "1.8",
        "ข่าวสารและประกาศ",
        _("News and announcements"),
        _("News, activity photos, alerts, job recruitment, procurement announcements and results."),
        index_pages=("wagtail_thgov.NewsIndexPage", "wagtail_thgov.AnnouncementIndexPage"),
        default_periods=(
            # Job notices stay up a month after applications close, while candidates check results.
            DefaultPeriod("wagtail_thgov.JobAnnouncementPage", "", FROM_PERIOD_END, 30),
            # A year keeps procurement notices and results visible for the fiscal year (ITA evidence).
            DefaultPeriod("wagtail_thgov.ProcurementAnnouncementPage", "", FROM_PUBLICATION, 365),
            DefaultPeriod("wagtail_thgov.ProcurementResultPage", "", FROM_PUBLICATION, 365),
            # Alerts are short-lived.
            DefaultPeriod("wagtail_thgov.NewsPage", "alert", FROM_PUBLICATION, 7),
        ),
    ),
    Category(
        "1.9",
        "บริการอิเล็กทรอนิกส์",
        _("e-Services"),
        _("Two-way online services for citizens."),
        index_pages=("wagtail_thgov.EServiceIndexPage",),
    ),
    Category(
        "1.10",
        "สถิติผู้เข้าชมและความพึงพอใจ",
        _("Visitor statistics and satisfaction"),
        _("Visitor statistics, satisfaction levels and the satisfaction survey."),
        index_pages=("wagtail_thgov.StatisticsPage", "wagtail_thgov.SatisfactionSurveyPage"),
    ),
)

CATEGORIES_BY_CODE = {category.code: category for category in CATEGORIES}
CATEGORY_CHOICES = [(category.code, f"{category.code} {category.name_th}") for category in CATEGORIES]


def default_periods() -> list[DefaultPeriod]:
    """Every category's shipped default publication periods, in the table's order."""
    return [period for category in CATEGORIES for period in category.default_periods]


def get_category(code: str) -> Category:
    """The category with ``code`` (``"1.1"`` … ``"1.10"``); ``KeyError`` for an unknown code."""
    return CATEGORIES_BY_CODE[code]


def category_of(page_or_model) -> Category | None:
    """The category a page type (or page) belongs to, or ``None`` for pages outside the ten."""
    code = getattr(page_or_model, "thgov_category", None)
    return CATEGORIES_BY_CODE.get(code) if code else None


# Pages the home page offers besides the categories' indexes.
HOME_EXTRA_PAGES = (
    "wagtail_thgov.ContactPage",
    "wagtail_thgov.ItaIndexPage",  # the public ITA/OIT evidence index (compliance/pages.py)
    "wagtail_thgov.SiteMapPage",
)


def home_subpage_types() -> list[str]:
    """What may be created under a municipality's home page: every category's index pages, then the others."""
    return [label for category in CATEGORIES for label in category.index_pages] + list(HOME_EXTRA_PAGES)


_page_types: list[type] = []


def register_page_type(model: type) -> type:
    """Record a thgov page type (called when its class is created; usable as a class decorator)."""
    _page_types.append(model)
    return model


def page_types() -> list[type]:
    """Every concrete, installed thgov page type, in the order their classes were created."""
    return [
        model
        for model in _page_types
        # Abstract bases and the historical models that migrations build are not page types.
        if issubclass(model, Page) and not model._meta.abstract and model._meta.apps is apps
    ]


def page_types_of(code: str) -> list[type]:
    """The page types of category ``code``."""
    return [model for model in page_types() if model.thgov_category == code]
