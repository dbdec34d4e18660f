"""The pure evaluator: items × evidence → met / pending / stale / missing, with a Thai reason. No database."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import translation

from wagtail_thgov.compliance.evaluator import (
    FEATURE,
    MANUAL,
    MET,
    MISSING,
    PARTIAL,
    PENDING,
    REVIEW,
    STALE,
    Evidence,
    evaluate,
    score,
)

TODAY = dt.date(2025, 6, 15)  # fiscal year 2568
CERTIFIED = dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Item:
    pk: int
    fiscal_year_rule: str = ""
    parent_id: int | None = None
    requires: tuple = ()
    review_months: int | None = None
    name_th: str = ""


def page(**overrides):
    values = {
        "item_key": 1,
        "title": "ประวัติความเป็นมา",
        "url": "http://localhost/history/",
        "certified_at": CERTIFIED,
        "certifier_name": "นายสมมุติ ใจดี",
        "last_updated": CERTIFIED,
        "fiscal_year": 2568,
    }
    values.update(overrides)
    return Evidence(**values)


def note(**overrides):
    """A webmaster's note that is evidence: a live link on the site, a recorder and a review date."""
    values = {
        "source": MANUAL,
        "needs_certification": False,
        "certified_at": None,
        "link_live": True,
        "recorded_by": "นางสาวผู้ดูแล เว็บไซต์",
        "review_by": dt.date(2025, 9, 30),
    }
    values.update(overrides)
    return page(**values)


CASES = [
    # (case, item's fiscal-year rule, evidence, expected status, expected reason code)
    ("live certified page", "", [page()], MET, "met"),
    ("no evidence at all", "", [], MISSING, "no_evidence"),
    ("draft never published", "", [page(live=False)], PENDING, "not_live"),
    ("live but not certified", "", [page(certified_at=None)], PENDING, "not_certified"),
    ("live but restricted", "", [page(public=False)], PENDING, "not_public"),
    ("expired", "", [page(live=False, expired=True)], STALE, "expired"),
    ("review date passed", "", [page(review_by=dt.date(2025, 6, 14))], STALE, "review_overdue"),
    ("review date today is fine", "", [page(review_by=TODAY)], MET, "met"),
    ("current-year item, last year's page", "current", [page(fiscal_year=2567)], STALE, "old_fiscal_year"),
    ("current-year item, this year's page", "current", [page(fiscal_year=2568)], MET, "met"),
    ("current-year item, next year's page", "current", [page(fiscal_year=2569)], MET, "met"),
    ("previous-year item, last year's report", "previous", [page(fiscal_year=2567)], MET, "met"),
    (
        "previous-year item, report two years old",
        "previous",
        [page(fiscal_year=2566)],
        STALE,
        "old_fiscal_year",
    ),
    ("any-year item, old page", "", [page(fiscal_year=2550)], MET, "met"),
    (
        "feature of the website",
        "current",
        [page(source=FEATURE, needs_certification=False, certified_at=None, fiscal_year=None)],
        MET,
        "met",
    ),
    ("note with a live link on the site", "", [note()], MET, "met"),
    ("note with a file and no link", "", [note(link_live=None, url="", has_file=True)], MET, "met"),
    ("note without link or file", "", [note(link_live=None, url="")], REVIEW, "no_link_or_file"),
    ("note whose link is dead or elsewhere", "", [note(link_live=False)], REVIEW, "link_not_live"),
    ("note nobody recorded", "", [note(recorded_by="")], REVIEW, "no_recorder"),
    ("note without review date", "", [note(review_by=None)], REVIEW, "no_review_date"),
    ("note past its review date lapses", "", [note(review_by=dt.date(2025, 6, 14))], REVIEW, "review_lapsed"),
    ("note reviewed by today", "", [note(review_by=TODAY)], MET, "met"),
    ("met beats pending", "", [page(live=False), page()], MET, "met"),
    (
        "pending beats stale",
        "",
        [page(live=False, expired=True), page(certified_at=None)],
        PENDING,
        "not_certified",
    ),
    (
        "stale when only old evidence",
        "current",
        [page(fiscal_year=2566), page(fiscal_year=2567)],
        STALE,
        "old_fiscal_year",
    ),
]


@pytest.mark.parametrize(
    "rule, evidence, expected, reason_code", [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_item_status(rule, evidence, expected, reason_code):
    [status] = evaluate([Item(1, rule)], evidence, TODAY)
    assert (status.status, status.reason_code) == (expected, reason_code)
    assert status.evidence_count == len(evidence)


def test_uncertified_page_is_met_when_the_site_does_not_require_certification():
    [status] = evaluate([Item(1)], [page(certified_at=None)], TODAY, require_certification=False)
    assert status.status == MET


def test_reasons_are_in_thai_under_the_thai_language():
    with translation.override("th"):
        if translation.gettext("Not published yet.") == "Not published yet.":
            pytest.skip("the Thai catalog does not have the compliance messages yet")
        [missing, pending] = evaluate([Item(1), Item(2)], [page(item_key=2, live=False)], TODAY)
    assert missing.reason.startswith("ไม่มีหลักฐาน")
    assert pending.reason == "ยังไม่ได้เผยแพร่"


def test_old_fiscal_year_reason_names_both_years():
    [status] = evaluate([Item(1, "current")], [page(fiscal_year=2566)], TODAY)
    assert "2566" in status.reason and "2568" in status.reason


def test_fiscal_year_starts_on_first_of_october():
    [status] = evaluate([Item(1, "current")], [page(fiscal_year=2568)], dt.date(2025, 10, 1))
    assert status.status == STALE


def test_evidence_for_unknown_items_is_ignored():
    [status] = evaluate([Item(1)], [page(item_key=99)], TODAY)
    assert status.status == MISSING


def test_only_the_best_findings_are_kept_newest_first():
    evidence = [page(title=f"ข่าว {n}", last_updated=CERTIFIED + dt.timedelta(days=n)) for n in range(50)]
    evidence.append(page(title="ร่าง", live=False))
    [status] = evaluate([Item(1)], iter(evidence), TODAY, limit=3)
    assert [finding.evidence.title for finding in status.findings] == ["ข่าว 49", "ข่าว 48", "ข่าว 47"]
    assert status.evidence_count == 51


def test_statuses_keep_the_order_of_items():
    items = [Item(3), Item(1), Item(2)]
    assert [status.item.pk for status in evaluate(items, [page(item_key=2)], TODAY)] == [3, 1, 2]


def test_score_counts_met_items_and_rounds_down():
    statuses = evaluate([Item(1), Item(2), Item(3)], [page(item_key=1), page(item_key=2)], TODAY)
    result = score(statuses)
    assert (result.met, result.total, result.percent) == (2, 3, 66)
    assert result.by_status[MISSING] == 1


def test_score_of_no_items_is_zero():
    assert score([]).percent == 0


def month(year, number, **overrides):
    """A monthly summary (สขร.1) of a C.E. month, certified."""
    start = dt.date(year, number, 1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return page(title=f"สขร.1 {number}/{year}", period_start=start, period_end=end, **overrides)


def quarter(year, first_month):
    start = dt.date(year, first_month, 1)
    end = (start + dt.timedelta(days=95)).replace(day=1) - dt.timedelta(days=1)
    return page(title=f"ไตรมาส {first_month}/{year}", period_start=start, period_end=end)


# (case, period rule, today, evidence, expected status, expected reason code)
CURRENCY_CASES = [
    ("every month so far", "month", dt.date(2025, 12, 4), [month(2025, 10), month(2025, 11)], MET, "met"),
    ("one month of two", "month", dt.date(2025, 12, 4), [month(2025, 11)], PARTIAL, "periods_missing"),
    ("only last year's months", "month", dt.date(2025, 12, 4), [month(2024, 11)], STALE, "outside_period"),
    ("month not ended yet is not due", "month", dt.date(2025, 11, 30), [month(2025, 10)], MET, "met"),
    ("roll-over: 1 October wants September", "month", dt.date(2025, 10, 1), [month(2025, 9)], MET, "met"),
    (
        "roll-over: August is not enough",
        "month",
        dt.date(2025, 10, 1),
        [month(2025, 8)],
        STALE,
        "outside_period",
    ),
    (
        "a summary of the whole year so far",
        "month",
        dt.date(2025, 12, 4),
        [page(period_start=dt.date(2025, 10, 1), period_end=dt.date(2025, 11, 30))],
        MET,
        "met",
    ),
    ("summary without a period", "month", dt.date(2025, 12, 4), [page()], STALE, "outside_period"),
    (
        "uncertified months are pending",
        "month",
        dt.date(2025, 12, 4),
        [month(2025, 10, certified_at=None)],
        PENDING,
        "not_certified",
    ),
    (
        "every quarter so far",
        "quarter",
        dt.date(2026, 4, 2),
        [quarter(2025, 10), quarter(2026, 1)],
        MET,
        "met",
    ),
    ("one quarter of two", "quarter", dt.date(2026, 4, 2), [quarter(2026, 1)], PARTIAL, "periods_missing"),
    (
        "roll-over: first quarter wants the last",
        "quarter",
        dt.date(2025, 11, 15),
        [quarter(2025, 7)],
        MET,
        "met",
    ),
    ("fiscal year: this year's", "current", dt.date(2025, 9, 30), [page(fiscal_year=2568)], MET, "met"),
    (
        "fiscal year: roll-over on 1 October",
        "current",
        dt.date(2025, 10, 1),
        [page(fiscal_year=2568)],
        STALE,
        "old_fiscal_year",
    ),
    ("still open", "open", TODAY, [page(period_end=TODAY)], MET, "met"),
    ("closed in March 2025", "open", TODAY, [page(period_end=dt.date(2025, 3, 31))], STALE, "closed"),
    ("no closing date", "open", TODAY, [page()], STALE, "closed"),
    ("updated within 12 months", "recent", TODAY, [page(last_updated=CERTIFIED)], MET, "met"),
    (
        "not updated for 13 months",
        "recent",
        TODAY,
        [page(last_updated=CERTIFIED - dt.timedelta(days=400))],
        STALE,
        "not_recent",
    ),
]


@pytest.mark.parametrize(
    "rule, today, evidence, expected, reason_code",
    [case[1:] for case in CURRENCY_CASES],
    ids=[case[0] for case in CURRENCY_CASES],
)
def test_currency(rule, today, evidence, expected, reason_code):
    [status] = evaluate([Item(1, rule)], evidence, today)
    assert (status.status, status.reason_code) == (expected, reason_code)


def test_missing_months_are_named_in_thai():
    with translation.override("th"):
        [status] = evaluate([Item(1, "month")], [month(2025, 11)], dt.date(2025, 12, 4))
    assert "ตุลาคม 2568" in status.reason and "พฤศจิกายน" not in status.reason


def test_recent_rule_uses_the_items_own_months():
    [status] = evaluate(
        [Item(1, "recent", review_months=3)], [page(last_updated=CERTIFIED - dt.timedelta(days=120))], TODAY
    )
    assert status.status == STALE


def parts_of(*rules):
    """An item (pk 1) with a part per rule (pks 10, 11, …)."""
    return [Item(1, name_th="ทั้งข้อ")] + [
        Item(10 + n, rule, parent_id=1, name_th=f"ส่วนที่ {n + 1}") for n, rule in enumerate(rules)
    ]


# (case, part rules, evidence (item keys 10, 11, …), expected status, reason code, met parts)
PART_CASES = [
    ("every part met", ("", ""), [page(item_key=10), page(item_key=11)], MET, "met", 2),
    ("one part of two", ("", ""), [page(item_key=10)], PARTIAL, "parts_missing", 1),
    ("no part", ("", ""), [], MISSING, "no_part_met", 0),
    ("parts pending", ("", ""), [page(item_key=10, live=False)], PENDING, "no_part_met", 0),
    (
        "a part out of date",
        ("current", ""),
        [page(item_key=10, fiscal_year=2566), page(item_key=11)],
        PARTIAL,
        "parts_missing",
        1,
    ),
    (
        "evidence for the whole item does not meet a part",
        ("", ""),
        [page(item_key=1)],
        MISSING,
        "no_part_met",
        0,
    ),
]


@pytest.mark.parametrize(
    "rules, evidence, expected, reason_code, met_parts",
    [case[1:] for case in PART_CASES],
    ids=[case[0] for case in PART_CASES],
)
def test_items_with_parts_need_every_part(rules, evidence, expected, reason_code, met_parts):
    statuses = evaluate(parts_of(*rules), evidence, TODAY)
    whole = statuses[0]
    assert (whole.status, whole.reason_code) == (expected, reason_code)
    assert len(whole.parts) == len(rules)
    assert sum(part.met for part in whole.parts) == met_parts
    assert [part.item.name_th for part in whole.missing_parts] == [
        part.item.name_th for part in whole.parts if not part.met
    ]


def test_partial_reason_names_the_missing_part():
    [whole, *_parts] = evaluate(parts_of("", ""), [page(item_key=10)], TODAY)
    assert "ส่วนที่ 2" in whole.reason and "ส่วนที่ 1" not in whole.reason
    assert score([whole]).by_status[PARTIAL] == 1 and score([whole]).met == 0


def test_gazette_items_need_evidence_that_cites_the_gazette():
    item = Item(1, requires=("gazette",))
    [notice] = evaluate([item], [page(title="ประกาศ ณ สำนักงานเทศบาล")], TODAY)
    [gazette] = evaluate([item], [page(cites_gazette=True)], TODAY)
    assert (notice.status, notice.reason_code) == (MISSING, "not_in_gazette")
    assert gazette.status == MET


def test_an_item_only_the_website_can_meet_says_what_was_measured():
    @dataclass(frozen=True)
    class MeasuredItem(Item):
        measured_features: tuple = ("Served over https",)

    [status] = evaluate([MeasuredItem(1)], [], TODAY)
    assert (status.status, status.reason_code) == (MISSING, "not_measured")
    assert "Served over https" in status.reason
