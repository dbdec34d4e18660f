"""The pure core of the checklist: items × evidence → a status per item, with the reason in Thai.

No database here. ``evaluate`` takes the items (anything with ``pk`` and ``fiscal_year_rule``; optionally
``parent_id``, ``review_months`` and ``requires``), an iterable of ``Evidence`` (it may be a generator:
only the best ``limit`` findings per item are kept, so memory does not grow with the site) and today's date.

An item with parts (other items whose ``parent_id`` is its pk) is met only when every part is met; with
some parts met it is "partial". An item's period (``fiscal_year_rule``) says what its evidence must cover:
the current or previous fiscal year, every month or quarter of the fiscal year so far, a period still
open today, or an update within ``review_months`` months; evidence outside it is "out of date".
"""

import datetime as dt
import heapq
import itertools
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _
from pythainlp.util.date import thai_full_months

from ..core.thai import BE_OFFSET, fiscal_year_of, thai_date

MET = "met"
PARTIAL = "partial"
PENDING = "pending"
REVIEW = "review"
STALE = "stale"
MISSING = "missing"

# Best first: an item takes the status of its best evidence.
RANK = {MET: 0, PARTIAL: 1, PENDING: 2, REVIEW: 3, STALE: 4, MISSING: 5}

PAGE = "page"
MANUAL = "manual"
FEATURE = "feature"

# Periods an item's evidence must cover (``ChecklistItem.fiscal_year_rule``).
ANY_PERIOD = ""
CURRENT_YEAR = "current"
PREVIOUS_YEAR = "previous"
EACH_MONTH = "month"
EACH_QUARTER = "quarter"
STILL_OPEN = "open"
RECENT = "recent"

# What a piece of evidence must show besides being current (``ChecklistItem.requires``).
GAZETTE = "gazette"

DEFAULT_LIMIT = 10
DEFAULT_REVIEW_MONTHS = 12


@dataclass(frozen=True)
class Evidence:
    """Something on (or about) a site that may satisfy one checklist item.

    ``fiscal_year`` is the B.E. fiscal year the evidence is for; ``None`` means it is not for a year
    (a feature of the website), and no fiscal-year rule applies to it. ``period_start``/``period_end``
    are the dates its data covers (a monthly summary: that month; a job notice: its application dates).
    Webmaster notes (``MANUAL``) say whether their link leads to a live page of the site (``link_live``,
    ``None`` for no link), whether a file is attached, and who recorded them.
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
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    link_live: bool | None = None
    has_file: bool = False
    recorded_by: str = ""
    cites_gazette: bool = False


@dataclass(frozen=True)
class Finding:
    """One piece of evidence, judged; ``covers`` are the required months or quarters it covers."""

    evidence: Evidence
    status: str
    reason_code: str
    reason: str
    covers: tuple = ()


@dataclass(frozen=True)
class ItemStatus:
    """The status of one item: its best findings (best first, at most ``limit``), how many there were,
    and, for an item with parts, the status of each part."""

    item: object
    status: str
    reason_code: str
    reason: str
    findings: tuple[Finding, ...] = ()
    evidence_count: int = 0
    parts: tuple["ItemStatus", ...] = ()

    @property
    def met(self) -> bool:
        return self.status == MET

    @property
    def evidence_urls(self) -> list[str]:
        return [finding.evidence.url for finding in self.findings if finding.evidence.url]

    @property
    def met_findings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.status == MET]

    @property
    def missing_parts(self) -> list["ItemStatus"]:
        return [part for part in self.parts if not part.met]


@dataclass(frozen=True)
class Period:
    """A span of days evidence must cover, with its name in Thai (``ตุลาคม 2569``)."""

    start: dt.date
    end: dt.date
    label: str


@dataclass(frozen=True)
class Rules:
    """What the evaluator is told about the day it judges."""

    today: dt.date
    current_fiscal_year: int
    require_certification: bool = True

    @cached_property
    def months(self) -> tuple[Period, ...]:
        return required_periods(self.today, 1)

    @cached_property
    def quarters(self) -> tuple[Period, ...]:
        return required_periods(self.today, 3)


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def required_periods(today: dt.date, length: int) -> tuple[Period, ...]:
    """The months (``length`` 1) or quarters (3) of the fiscal year that have ended by ``today``.

    A monthly summary reports a month after it ends: on 4 December the fiscal year's October and November
    are due. In the first month (or quarter) of a fiscal year nothing of it has ended yet, so the last
    month (or quarter) of the previous fiscal year is due instead: the requirement rolls over on 1 October.
    """
    fiscal_start = dt.date(today.year if today.month >= 10 else today.year - 1, 10, 1)
    periods = []
    start = fiscal_start
    while True:
        following = _month_start(start.year, start.month + length)
        if following > today:
            break
        periods.append(_period(start, following, length))
        start = following
    if not periods:
        start = _month_start(fiscal_start.year, fiscal_start.month - length)
        periods.append(_period(start, fiscal_start, length))
    return tuple(periods)


def _period(start: dt.date, following: dt.date, length: int) -> Period:
    end = following - dt.timedelta(days=1)
    if length == 1:
        label = f"{thai_full_months[start.month - 1]} {start.year + BE_OFFSET}"
    else:
        quarter = ((start.month - 10) % 12) // 3 + 1
        label = _("quarter %(number)s of fiscal year %(year)s") % {
            "number": quarter,
            "year": fiscal_year_of(start),
        }
    return Period(start, end, label)


def _months_before(today: dt.date, months: int) -> dt.date:
    start = _month_start(today.year, today.month - months)
    return start.replace(day=min(today.day, 28))


def required_fiscal_year(rule: str, current_fiscal_year: int) -> int | None:
    """The oldest fiscal year evidence may be for: ``current`` → this year, ``previous`` → last year."""
    if rule == CURRENT_YEAR:
        return current_fiscal_year
    if rule == PREVIOUS_YEAR:
        return current_fiscal_year - 1
    return None


def _to_date(value):
    return value.date() if isinstance(value, dt.datetime) else value


def _availability(evidence: Evidence, rules: Rules) -> Finding | None:
    """Why evidence cannot count at all (not published, not certified, not evidence), or ``None``."""
    if evidence.expired:
        return Finding(evidence, STALE, "expired", _("Expired and taken off the website."))
    if not evidence.live:
        return Finding(evidence, PENDING, "not_live", _("Not published yet."))
    if not evidence.public:
        return Finding(
            evidence, PENDING, "not_public", _("Published, but visitors cannot see it (restricted).")
        )
    if evidence.source == MANUAL:
        return _manual_defect(evidence, rules)
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
    return None


def _manual_defect(evidence: Evidence, rules: Rules) -> Finding | None:
    """A webmaster's note counts only with a live link on the site or a file, a recorder and a review date."""
    if not evidence.has_file and evidence.link_live is None:
        return Finding(
            evidence,
            REVIEW,
            "no_link_or_file",
            _("A note is not evidence: link it to a live page of this website or attach the file."),
        )
    if not evidence.has_file and not evidence.link_live:
        return Finding(
            evidence,
            REVIEW,
            "link_not_live",
            _("The link does not lead to a live page of this website: correct it or attach the file."),
        )
    if not evidence.recorded_by:
        return Finding(evidence, REVIEW, "no_recorder", _("Nobody is recorded as having recorded it."))
    if evidence.review_by is None:
        return Finding(evidence, REVIEW, "no_review_date", _("It has no review date."))
    if evidence.review_by < rules.today:
        return Finding(
            evidence,
            REVIEW,
            "review_lapsed",
            _("To review: its review date (%(date)s) has passed.") % {"date": thai_date(evidence.review_by)},
        )
    return None


def _requirement_defect(evidence: Evidence, requires) -> Finding | None:
    if GAZETTE in requires and not evidence.cites_gazette:
        return Finding(
            evidence,
            MISSING,
            "not_in_gazette",
            _(
                "Does not cite its publication in the Royal Gazette (volume, section and page, or a "
                "ratchakitcha.soc.go.th link)."
            ),
        )
    return None


def _covered(evidence: Evidence, periods) -> tuple:
    start, end = evidence.period_start, evidence.period_end
    if start is None or end is None:
        return ()
    return tuple(period for period in periods if start <= period.start and end >= period.end)


def _met(evidence: Evidence, rules: Rules, covers=()) -> Finding:
    if evidence.source == FEATURE:
        return Finding(evidence, MET, "met", _("Measured on the website."), covers)
    if evidence.source == MANUAL:
        return Finding(
            evidence,
            MET,
            "met",
            _("Recorded by %(name)s; to be reviewed by %(date)s.")
            % {"name": evidence.recorded_by, "date": thai_date(evidence.review_by)},
            covers,
        )
    if not evidence.needs_certification or not rules.require_certification:
        return Finding(evidence, MET, "met", _("Published."), covers)
    return Finding(evidence, MET, "met", _("Published and certified."), covers)


def judge(
    evidence: Evidence, fiscal_year_rule: str, rules: Rules, requires=(), review_months=None
) -> Finding:
    """Judge one piece of evidence for an item with ``fiscal_year_rule`` (its period) and ``requires``."""
    defect = _availability(evidence, rules) or _requirement_defect(evidence, requires)
    if defect is not None:
        return defect
    required = required_fiscal_year(fiscal_year_rule, rules.current_fiscal_year)
    if required is not None and evidence.fiscal_year is not None and evidence.fiscal_year < required:
        return Finding(
            evidence,
            STALE,
            "old_fiscal_year",
            _("The evidence is for fiscal year %(year)s; fiscal year %(required)s or later is required.")
            % {"year": evidence.fiscal_year, "required": required},
        )
    if fiscal_year_rule in (EACH_MONTH, EACH_QUARTER) and evidence.source != FEATURE:
        periods = rules.months if fiscal_year_rule == EACH_MONTH else rules.quarters
        covers = _covered(evidence, periods)
        if not covers:
            return Finding(
                evidence,
                STALE,
                "outside_period",
                _("Out of date: it covers none of the periods now due (%(periods)s).")
                % {"periods": ", ".join(period.label for period in periods)},
            )
        return _met(evidence, rules, covers)
    if fiscal_year_rule == STILL_OPEN and evidence.source != FEATURE:
        if evidence.period_end is None or evidence.period_end < rules.today:
            return Finding(
                evidence,
                STALE,
                "closed",
                _("Out of date: it closed on %(date)s.") % {"date": thai_date(evidence.period_end)}
                if evidence.period_end
                else _("Out of date: it has no closing date."),
            )
    if fiscal_year_rule == RECENT:
        months = review_months or DEFAULT_REVIEW_MONTHS
        updated = _to_date(evidence.last_updated)
        if updated is None or updated < _months_before(rules.today, months):
            return Finding(
                evidence,
                STALE,
                "not_recent",
                _("Out of date: not updated in the last %(months)s months.") % {"months": months},
            )
    return _met(evidence, rules)


def _worst_first_key(finding: Finding, counter: int):
    # heapq keeps the smallest at the top: make the worst finding the smallest.
    updated = finding.evidence.last_updated
    return (-RANK[finding.status], updated.timestamp() if updated else float("-inf"), -counter)


def _no_evidence(item) -> ItemStatus:
    measured = getattr(item, "measured_features", ())
    if measured:
        # Only the website itself can meet it (https, the domain…): say what was measured, not "publish a page".
        return ItemStatus(
            item,
            MISSING,
            "not_measured",
            _("Measured on the website and not found: %(features)s.") % {"features": ", ".join(measured)},
        )
    return ItemStatus(
        item,
        MISSING,
        "no_evidence",
        _("No evidence: publish a page for this item or record evidence kept elsewhere."),
    )


def _periodic_status(item, findings, covered, periods, count) -> ItemStatus:
    """An item due every month or quarter: met when every due period is covered, else partial."""
    missing = [period for period in periods if period not in covered]
    if not missing:
        return ItemStatus(item, MET, "met", _("Every period now due is covered."), findings, count)
    labels = ", ".join(period.label for period in missing)
    if covered:
        return ItemStatus(
            item,
            PARTIAL,
            "periods_missing",
            _("Missing for: %(periods)s.") % {"periods": labels},
            findings,
            count,
        )
    best = findings[0]
    return ItemStatus(item, best.status, best.reason_code, best.reason, findings, count)


def _combined_status(item, parts: list[ItemStatus]) -> ItemStatus:
    """An item with parts: met when every part is met, partial when some are."""
    findings = tuple(finding for part in parts for finding in part.findings)
    count = sum(part.evidence_count for part in parts)
    missing = [part for part in parts if not part.met]
    if not missing:
        return ItemStatus(item, MET, "met", _("Every part is met."), findings, count, tuple(parts))
    names = "; ".join(getattr(part.item, "name_th", str(part.item.pk)) for part in missing)
    if len(missing) < len(parts) or any(part.status == PARTIAL for part in parts):
        return ItemStatus(
            item,
            PARTIAL,
            "parts_missing",
            _("Partly met. Missing: %(parts)s.") % {"parts": names},
            findings,
            count,
            tuple(parts),
        )
    best = min(parts, key=lambda part: RANK[part.status])
    return ItemStatus(
        item,
        best.status,
        "no_part_met",
        _("No part is met. Missing: %(parts)s.") % {"parts": names},
        findings,
        count,
        tuple(parts),
    )


def evaluate(
    items: Iterable,
    evidence: Iterable[Evidence],
    today: dt.date,
    require_certification: bool = True,
    current_fiscal_year: int | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[ItemStatus]:
    """A status per item, in the order of ``items`` (parts included; an item with parts from its parts).

    met: live, public, certified (when required), within its period, for every part;
    partial: some parts, or some due months or quarters, are met;
    pending: evidence exists but is not live, not public or not certified;
    review: a webmaster's note that lapsed or is not yet evidence (no live link or file, no recorder);
    stale: expired, past its review date, or outside the period the item needs ("out of date");
    missing: no evidence at all, or only evidence of the wrong kind.
    """
    items = list(items)
    rules = Rules(today, current_fiscal_year or fiscal_year_of(today), require_certification)
    by_pk = {item.pk: item for item in items}
    kept: dict = {item.pk: [] for item in items}
    counts = dict.fromkeys(by_pk, 0)
    covered: dict = {item.pk: set() for item in items}
    counter = itertools.count()
    for piece in evidence:
        item = by_pk.get(piece.item_key)
        if item is None:
            continue
        finding = judge(
            piece,
            item.fiscal_year_rule,
            rules,
            getattr(item, "requires", None) or (),
            getattr(item, "review_months", None),
        )
        counts[item.pk] += 1
        if finding.status == MET:
            covered[item.pk].update(finding.covers)
        heap = kept[item.pk]
        entry = (_worst_first_key(finding, next(counter)), finding)
        if len(heap) < limit:
            heapq.heappush(heap, entry)
        elif entry[0] > heap[0][0]:
            heapq.heapreplace(heap, entry)
    own = {}
    for item in items:
        findings = tuple(finding for _key, finding in sorted(kept[item.pk], reverse=True))
        if not findings:
            own[item.pk] = _no_evidence(item)
        elif item.fiscal_year_rule in (EACH_MONTH, EACH_QUARTER) and findings[0].status in (MET, STALE):
            periods = rules.months if item.fiscal_year_rule == EACH_MONTH else rules.quarters
            own[item.pk] = _periodic_status(item, findings, covered[item.pk], periods, counts[item.pk])
        else:
            best = findings[0]
            own[item.pk] = ItemStatus(
                item, best.status, best.reason_code, best.reason, findings, counts[item.pk]
            )
    parts = {}
    for item in items:
        parent = getattr(item, "parent_id", None)
        if parent in by_pk:
            parts.setdefault(parent, []).append(own[item.pk])
    return [_combined_status(item, parts[item.pk]) if item.pk in parts else own[item.pk] for item in items]


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
    """The score of a list of item statuses (pass only top-level items: parts are inside their item)."""
    by_status = dict.fromkeys(RANK, 0)
    for status in statuses:
        by_status[status.status] += 1
    total = sum(by_status.values())
    return Score(by_status[MET], total, by_status)
