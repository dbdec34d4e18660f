"""A site's compliance per standard: gather evidence, evaluate, score. Shared by the admin report,
the dashboard panel, the workbook, the public ITA/OIT index page and ``thgov_compliance``."""

from dataclasses import dataclass

from django.utils import timezone

from ..thai import fiscal_year_of
from .evaluator import DEFAULT_LIMIT, ItemStatus, Score, evaluate, score
from .evidence import gather_evidence
from .models import ChecklistItem, ComplianceSettings, Standard


@dataclass(frozen=True)
class StandardResult:
    """One standard (edition) on one site: a status per item and the score."""

    standard: Standard
    statuses: list[ItemStatus]
    score: Score

    @property
    def unconfirmed_count(self) -> int:
        return sum(1 for status in self.statuses if not status.item.is_confirmed)


def require_certification(site) -> bool:
    """The site's setting, without creating its settings row (reading never writes)."""
    value = (
        ComplianceSettings.objects.filter(site=site).values_list("require_certification", flat=True).first()
    )
    return True if value is None else value


def site_results(site, standards=None, today=None, limit: int = DEFAULT_LIMIT) -> list[StandardResult]:
    """Evaluate ``standards`` (default: all) on ``site`` in one pass over its evidence."""
    today = today or timezone.localdate()
    standards = list(standards if standards is not None else Standard.objects.all())
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
        by_standard[status.item.standard_id].append(status)
    return [
        StandardResult(standard, by_standard[standard.pk], score(by_standard[standard.pk]))
        for standard in standards
    ]


def standard_result(site, standard, today=None, limit: int = DEFAULT_LIMIT) -> StandardResult:
    """One standard on ``site``."""
    return site_results(site, [standard], today, limit)[0]


def find_standards(selector: str | None):
    """Standards named by ``CODE`` (every edition) or ``CODE:EDITION``; all standards for ``None``."""
    standards = Standard.objects.all()
    if not selector:
        return standards
    code, _sep, edition = selector.partition(":")
    standards = standards.filter(code=code)
    return standards.filter(edition=edition) if edition else standards
