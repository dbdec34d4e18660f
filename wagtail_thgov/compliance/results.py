"""A site's compliance per standard: gather evidence, evaluate, score. Shared by the admin report,
the dashboard panel, the workbook, the public ITA/OIT index page and ``thgov_compliance``."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from ..core.thai import current_fiscal_year, fiscal_year_of
from .evaluator import DEFAULT_LIMIT, ItemStatus, Score, evaluate, score
from .evidence import gather_evidence
from .models import ChecklistItem, ComplianceSettings, Layout, Standard
from .panels import latest_editions


@dataclass(frozen=True)
class StandardResult:
    """One standard (edition) on one site: a status per item and the score."""

    standard: Standard
    statuses: list[ItemStatus]
    score: Score

    @property
    def unconfirmed_count(self) -> int:
        return sum(1 for status in self.statuses if not status.item.is_confirmed)

    @property
    def edition_warning(self) -> str:
        return edition_warning(self.standard)


def edition_label(standard) -> str:
    """Which edition this is and where it came from, in words."""
    if standard.loaded_by_municipality:
        return _("Edition %(edition)s, loaded by the municipality") % {"edition": standard.edition}
    return _("Edition %(edition)s, bundled with the plugin") % {"edition": standard.edition}


def edition_warning(standard, fiscal_year=None) -> str:
    """A warning when an edition made for given fiscal years (ITA/OIT) is used in a fiscal year it was not
    made for; ``""`` when it applies or the standard is not per year."""
    fiscal_year = fiscal_year or current_fiscal_year()
    if not standard.fiscal_years or fiscal_year in standard.fiscal_years:
        return ""
    return _(
        "This list is for fiscal year %(years)s; no list for the current fiscal year %(year)s is installed. "
        "Load the new list (Reports › Compliance checklist › Load a new edition) once it is published."
    ) % {"years": ", ".join(str(year) for year in standard.fiscal_years), "year": fiscal_year}


def require_certification(site) -> bool:
    """The site's setting, without creating its settings row (reading never writes)."""
    value = (
        ComplianceSettings.objects.filter(site=site).values_list("require_certification", flat=True).first()
    )
    return True if value is None else value


def site_results(site, standards=None, today=None, limit: int = DEFAULT_LIMIT) -> list[StandardResult]:
    """Evaluate ``standards`` (default: all) on ``site`` in one pass over its evidence."""
    today = today or timezone.localdate()
    standards = list(standards if standards is not None else Standard.objects.for_site(site))
    items = list(
        ChecklistItem.objects.for_site(site).filter(standard__in=standards).select_related("standard")
    )
    statuses = evaluate(
        items,
        gather_evidence(site, items),
        today,
        require_certification=require_certification(site),
        current_fiscal_year=fiscal_year_of(today),
        limit=limit,
    )
    by_standard = {standard.pk: [] for standard in standards}
    for status in statuses:
        if status.item.parent_id is None:  # parts are inside their item's status
            by_standard[status.item.standard_id].append(status)
    return [
        StandardResult(standard, by_standard[standard.pk], score(by_standard[standard.pk]))
        for standard in standards
    ]


def standard_result(site, standard, today=None, limit: int = DEFAULT_LIMIT) -> StandardResult:
    """One standard on ``site``."""
    return site_results(site, [standard], today, limit)[0]


def newest_oit_standard(site):
    """The newest ITA/OIT edition for ``site`` (bundled or loaded by its webmasters), or ``None``."""
    editions = latest_editions(Standard.objects.for_site(site).filter(layout=Layout.OIT))
    return editions[0] if editions else None


def find_standards(selector: str | None, site=None):
    """Standards named by ``CODE`` (every edition) or ``CODE:EDITION``; all standards for ``None``."""
    standards = Standard.objects.for_site(site)
    if not selector:
        return standards
    code, _sep, edition = selector.partition(":")
    standards = standards.filter(code=code)
    return standards.filter(edition=edition) if edition else standards
