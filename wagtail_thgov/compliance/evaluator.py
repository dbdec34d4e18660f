"""The pure core of the checklist: items × evidence → a status per item, with the reason in Thai.

No database here. ``evaluate`` takes the items (anything with ``pk`` and ``fiscal_year_rule``), an
iterable of ``Evidence`` (it may be a generator: only the best ``limit`` findings per item are kept,
so memory does not grow with the site) and today's date.
"""

import datetime as dt
import heapq
import itertools
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..thai import fiscal_year_of, thai_date

MET = "met"
PENDING = "pending"
STALE = "stale"
MISSING = "missing"

# Best first: an item takes the status of its best evidence.
RANK = {MET: 0, PENDING: 1, STALE: 2, MISSING: 3}

PAGE = "page"
MANUAL = "manual"
FEATURE = "feature"

DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class Evidence:
    """Something on (or about) a site that may satisfy one checklist item.

    ``fiscal_year`` is the B.E. fiscal year the evidence is for; ``None`` means it is not for a year
    (a feature of the website), and no fiscal-year rule applies to it.
    """

    item_key: Hashable
    title: str
    url: str = ""
    source: str = PAGE
    live: bool = True
    public: bool = True
    expired: bool = False
    needs_certification: bool = True
    certified_at: dt.datetime | None = None
    certifier_name: str = ""
    last_updated: dt.datetime | None = None
    fiscal_year: int | None = None
    review_by: dt.date | None = None
    object_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Finding:
    """One piece of evidence, judged."""

    evidence: Evidence
    status: str
    reason_code: str
    reason: str


@dataclass(frozen=True)
class ItemStatus:
    """The status of one item: its best findings (best first, at most ``limit``) and how many there were."""

    item: object
    status: str
    reason_code: str
    reason: str
    findings: tuple[Finding, ...] = ()
    evidence_count: int = 0

    @property
    def met(self) -> bool:
        return self.status == MET

    @property
    def evidence_urls(self) -> list[str]:
        return [finding.evidence.url for finding in self.findings if finding.evidence.url]


@dataclass(frozen=True)
class Rules:
    """What the evaluator is told about the day it judges."""

    today: dt.date
    current_fiscal_year: int
    require_certification: bool = True


def required_fiscal_year(rule: str, current_fiscal_year: int) -> int | None:
    """The oldest fiscal year evidence may be for: ``current`` → this year, ``previous`` → last year."""
    if rule == "current":
        return current_fiscal_year
    if rule == "previous":
        return current_fiscal_year - 1
    return None


def judge(evidence: Evidence, fiscal_year_rule: str, rules: Rules) -> Finding:
    """Judge one piece of evidence for an item with ``fiscal_year_rule``."""
    if evidence.expired:
        return Finding(evidence, STALE, "expired", _("Expired and taken off the website."))
    if not evidence.live:
        return Finding(evidence, PENDING, "not_live", _("Not published yet."))
    if not evidence.public:
        return Finding(
            evidence, PENDING, "not_public", _("Published, but visitors cannot see it (restricted).")
        )
    if evidence.needs_certification and rules.require_certification and evidence.certified_at is None:
        return Finding(
            evidence, PENDING, "not_certified", _("Published, but the live version has not been certified.")
        )
    if evidence.review_by is not None and evidence.review_by < rules.today:
        return Finding(
            evidence,
            STALE,
            "review_overdue",
            _("The review date (%(date)s) has passed.") % {"date": thai_date(evidence.review_by)},
        )
    required = required_fiscal_year(fiscal_year_rule, rules.current_fiscal_year)
    if required is not None and evidence.fiscal_year is not None and evidence.fiscal_year < required:
        return Finding(
            evidence,
            STALE,
            "old_fiscal_year",
            _("The evidence is for fiscal year %(year)s; fiscal year %(required)s or later is required.")
            % {"year": evidence.fiscal_year, "required": required},
        )
    if evidence.source == FEATURE:
        return Finding(evidence, MET, "met", _("Provided by the website."))
    if evidence.source == MANUAL:
        return Finding(evidence, MET, "met", _("Recorded by the webmaster."))
    if not evidence.needs_certification or not rules.require_certification:
        return Finding(evidence, MET, "met", _("Published."))
    return Finding(evidence, MET, "met", _("Published and certified."))


def _worst_first_key(finding: Finding, counter: int):
    # heapq keeps the smallest at the top: make the worst finding the smallest.
    updated = finding.evidence.last_updated
    return (-RANK[finding.status], updated.timestamp() if updated else float("-inf"), -counter)


def evaluate(
    items: Iterable,
    evidence: Iterable[Evidence],
    today: dt.date,
    require_certification: bool = True,
    current_fiscal_year: int | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[ItemStatus]:
    """A status per item, in the order of ``items``.

    met: live, public, certified (when required), not past review, for the right fiscal year;
    pending: evidence exists but is not live, not public or not certified;
    stale: expired, past its review date, or for an earlier fiscal year than the item needs;
    missing: no evidence at all.
    """
    items = list(items)
    rules = Rules(today, current_fiscal_year or fiscal_year_of(today), require_certification)
    fiscal_rules = {item.pk: item.fiscal_year_rule for item in items}
    kept: dict = {item.pk: [] for item in items}
    counts = dict.fromkeys(fiscal_rules, 0)
    counter = itertools.count()
    for piece in evidence:
        if piece.item_key not in fiscal_rules:
            continue
        finding = judge(piece, fiscal_rules[piece.item_key], rules)
        counts[piece.item_key] += 1
        heap = kept[piece.item_key]
        entry = (_worst_first_key(finding, next(counter)), finding)
        if len(heap) < limit:
            heapq.heappush(heap, entry)
        elif entry[0] > heap[0][0]:
            heapq.heapreplace(heap, entry)
    results = []
    for item in items:
        findings = tuple(finding for _key, finding in sorted(kept[item.pk], reverse=True))
        if not findings:
            results.append(
                ItemStatus(
                    item,
                    MISSING,
                    "no_evidence",
                    _("No evidence: publish a page for this item or record evidence kept elsewhere."),
                )
            )
            continue
        best = findings[0]
        results.append(
            ItemStatus(item, best.status, best.reason_code, best.reason, findings, counts[item.pk])
        )
    return results


@dataclass(frozen=True)
class Score:
    """How many items are met, of how many."""

    met: int
    total: int
    by_status: dict = field(default_factory=dict)

    @property
    def percent(self) -> int:
        """Whole percent met, rounded down (100 only when every item is met); 0 for no items."""
        return (100 * self.met) // self.total if self.total else 0


def score(statuses: Iterable[ItemStatus]) -> Score:
    """The score of a list of item statuses."""
    by_status = dict.fromkeys(RANK, 0)
    for status in statuses:
        by_status[status.status] += 1
    total = sum(by_status.values())
    return Score(by_status[MET], total, by_status)
