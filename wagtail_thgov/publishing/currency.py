"""Is the published information current? One function, ``currency_report``, decides for a site which
pages expire soon, which are past their review date ("stale") and which yearly items exist only for an
earlier fiscal year ("out of date"), plus the statuses that capabilities above this layer register with
``core.registry.currency_check`` (the documents capability: pages whose files citizens cannot read as
text). The e-mail digest, the dashboard panel and the admin report all show its result, so they always
list the same pages.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..core.registry import currency_checks
from ..core.thai import current_fiscal_year, fiscal_year_of
from ..metadata.inventory import thgov_page_models
from .expiry import bangkok_date, kind_choices

EXPIRING_SOON_DAYS = 7


@dataclass(frozen=True)
class FiscalYearRequirement:
    """A page type and kind that must exist for the fiscal year in force (e.g. the procurement plan)."""

    model: str  # "app_label.ModelName"
    kind: str

    def resolve(self):
        try:
            return apps.get_model(self.model)
        except LookupError:
            return None

    @property
    def label(self) -> str:
        model = self.resolve()
        return str(dict(kind_choices(model)).get(self.kind, self.kind)) if model else self.kind


# Yearly items of the Official Information Act s.9 and the ITA "current fiscal year" items (see the
# reference sheet): a plan of fiscal year N is out of date from 1 October of year N. Multi-year plans
# (development, strategic) are not here: they are current while their data period covers the year.
FISCAL_YEAR_REQUIREMENTS = [
    FiscalYearRequirement("wagtail_thgov.PlanDocumentPage", "action_plan"),
    FiscalYearRequirement("wagtail_thgov.PlanDocumentPage", "budget"),
    FiscalYearRequirement("wagtail_thgov.PlanDocumentPage", "procurement_plan"),
]


def fiscal_years_covered(fiscal_year, period_start=None, period_end=None) -> set[int]:
    """The B.E. fiscal years a page is for: its fiscal year, and every year its data period touches."""
    years = {fiscal_year} if fiscal_year else set()
    if period_start or period_end:
        first = fiscal_year_of(period_start or period_end)
        last = fiscal_year_of(period_end or period_start)
        years.update(range(first, last + 1))
    return years


class Status:
    EXPIRING = "expiring"
    STALE = "stale"
    OUT_OF_DATE = "out_of_date"

    LABELS = {
        EXPIRING: _("Expires soon"),
        STALE: _("Past its review date"),
        OUT_OF_DATE: _("Out of date for this fiscal year"),
    }

    @classmethod
    def labels(cls) -> dict:
        """Every status the report knows: its own, then those registered by capabilities."""
        return {**cls.LABELS, **{check.name: check.label for check in currency_checks()}}

    @classmethod
    def choices(cls) -> list:
        return list(cls.labels().items())


@dataclass(frozen=True)
class OutOfDate:
    """A yearly item whose newest page is for an earlier fiscal year than the one in force."""

    page: Page
    requirement: FiscalYearRequirement
    latest_fiscal_year: int


@dataclass
class CurrencyRow:
    """Everything the currency check says about one page."""

    page: Page
    expire_at: dt.datetime | None = None
    review_by: dt.date | None = None
    out_of_date: OutOfDate | None = None
    statuses: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # what a registered check says (which files)

    @property
    def pk(self):
        return self.page.pk

    @property
    def title(self):
        return self.page.get_admin_display_title()

    @property
    def url(self):
        return self.page.full_url or ""

    @property
    def page_type(self):
        return capfirst(self.page.specific_class._meta.verbose_name) if self.page.specific_class else ""

    @property
    def status_labels(self) -> list[str]:
        labels = Status.labels()
        return [str(labels.get(status, status)) for status in self.statuses]

    @property
    def requirement_label(self) -> str:
        return self.out_of_date.requirement.label if self.out_of_date else ""

    @property
    def latest_fiscal_year(self):
        return self.out_of_date.latest_fiscal_year if self.out_of_date else None


@dataclass
class CurrencyReport:
    """The result of the currency check for one site at one moment."""

    now: dt.datetime
    fiscal_year: int
    expiring: list[Page]
    stale: list[Page]
    out_of_date: list[OutOfDate]
    # status of a registered check -> [(page, detail), ...]
    extra: dict[str, list[tuple[Page, str]]] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        return {
            Status.EXPIRING: len(self.expiring),
            Status.STALE: len(self.stale),
            Status.OUT_OF_DATE: len(self.out_of_date),
            **{status: len(pages) for status, pages in self.extra.items()},
        }

    @property
    def extra_sections(self) -> list[tuple[str, list[tuple[Page, str]]]]:
        """``[(label, [(page, detail), ...]), ...]`` of the registered checks that list a page."""
        labels = Status.labels()
        return [(str(labels.get(status, status)), pages) for status, pages in self.extra.items() if pages]

    @property
    def is_empty(self) -> bool:
        return not any(self.counts.values())

    def page_ids(self, status=None) -> list[int]:
        """Ids of the pages listed (under ``status``, or any), in the order of ``rows``."""
        return [row.pk for row in self.rows if status is None or status in row.statuses]

    @cached_property
    def rows(self) -> list[CurrencyRow]:
        """One row per page, soonest expiry first, then oldest review date, then out-of-date items."""
        rows = {}
        for page in self.expiring:
            rows.setdefault(page.pk, CurrencyRow(page)).expire_at = page.expire_at
            rows[page.pk].statuses.append(Status.EXPIRING)
        for page in self.stale:
            rows.setdefault(page.pk, CurrencyRow(page)).review_by = page.review_by
            rows[page.pk].statuses.append(Status.STALE)
        for item in self.out_of_date:
            rows.setdefault(item.page.pk, CurrencyRow(item.page)).out_of_date = item
            rows[item.page.pk].statuses.append(Status.OUT_OF_DATE)
        for status, pages in self.extra.items():
            for page, detail in pages:
                row = rows.setdefault(page.pk, CurrencyRow(page))
                row.statuses.append(status)
                if detail:
                    row.details.append(detail)
        return list(rows.values())


def _site_pages(site, editable):
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    if editable is not None:
        pages = pages.filter(pk__in=editable.values("pk"))
    return pages


def expiring_pages(site, now, editable=None) -> list[Page]:
    """Live pages that expire within ``EXPIRING_SOON_DAYS`` of ``now``, soonest first."""
    soon = now + dt.timedelta(days=EXPIRING_SOON_DAYS)
    return list(
        _site_pages(site, editable).filter(expire_at__gte=now, expire_at__lt=soon).order_by("expire_at", "pk")
    )


def stale_pages(site, now, editable=None) -> list[Page]:
    """Live thgov pages whose review-by date has passed (Bangkok date), oldest first.

    Two queries whatever the number of pages and page types: the review dates of every type in one
    ``UNION ALL`` (each type keeps ``review_by`` in its own table), then the pages themselves, as
    ``Page`` objects carrying their ``review_by`` (the report, the panel and the digest show the title,
    the type, the address and the date). It used to be one query per page type present in the site,
    29 on the demo municipality's dashboard.
    """
    today = bangkok_date(now)
    queries = []
    for model in thgov_page_models():
        pages = model.objects.live().descendant_of(site.root_page, inclusive=True).filter(review_by__lt=today)
        if editable is not None:
            pages = pages.filter(pk__in=editable.values("pk"))
        queries.append(pages.order_by().values_list("pk", "review_by"))
    if not queries:
        return []
    review_by = dict(queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0])
    if not review_by:
        return []
    stale = list(Page.objects.filter(pk__in=list(review_by)))
    for page in stale:
        page.review_by = review_by[page.pk]
    return sorted(stale, key=lambda page: (page.review_by, page.pk))


def out_of_date_pages(site, now, editable=None) -> list[OutOfDate]:
    """Yearly items (``FISCAL_YEAR_REQUIREMENTS``) whose live pages in the site are all for earlier fiscal
    years than the one in force at ``now``; the newest such page stands for the item.

    Decided on all the site's pages (a current page the user cannot edit still counts), then narrowed
    to ``editable``. An item with no page at all is the compliance checklist's concern, not this one.
    """
    fiscal_year = current_fiscal_year(now)
    by_model = {}
    for requirement in FISCAL_YEAR_REQUIREMENTS:
        model = requirement.resolve()
        if model is not None:
            by_model.setdefault(model, []).append(requirement)
    editable_ids = set(editable.values_list("pk", flat=True)) if editable is not None else None
    found = []
    for model, requirements in by_model.items():
        pages = (
            model.objects.live()
            .descendant_of(site.root_page, inclusive=True)
            .filter(kind__in=[requirement.kind for requirement in requirements])
            .defer_streamfields()
            .order_by("pk")
        )
        covered, newest_earlier = set(), {}  # kind -> (fiscal year, page) of its newest earlier page
        for page in pages:
            years = fiscal_years_covered(page.fiscal_year, page.data_period_start, page.data_period_end)
            if fiscal_year in years:
                covered.add(page.kind)
            earlier = [year for year in years if year < fiscal_year]
            if earlier and max(earlier) >= newest_earlier.get(page.kind, (0, None))[0]:
                newest_earlier[page.kind] = (max(earlier), page)
        for requirement in requirements:
            if requirement.kind in covered or requirement.kind not in newest_earlier:
                continue
            latest, page = newest_earlier[requirement.kind]
            if editable_ids is None or page.pk in editable_ids:
                found.append(OutOfDate(page, requirement, latest))
    return found


def currency_report(site, now=None, editable=None) -> CurrencyReport:
    """The currency check of ``site`` at ``now``; ``editable`` (a Page queryset) narrows what is listed."""
    now = now or timezone.now()
    return CurrencyReport(
        now=now,
        fiscal_year=current_fiscal_year(now),
        expiring=expiring_pages(site, now, editable),
        stale=stale_pages(site, now, editable),
        out_of_date=out_of_date_pages(site, now, editable),
        extra={check.name: check.run(site, now, editable) for check in currency_checks()},
    )
