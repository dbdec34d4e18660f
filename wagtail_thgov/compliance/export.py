"""The compliance workbook (openpyxl, write-only so memory stays flat): a summary sheet and one sheet
per standard; ITA/OIT sheets laid out like the OIT submission (item, URLs, explanation).

Every text cell is a ``core.spreadsheets.Sheet`` text cell: text that a spreadsheet would run as a
formula is always written as text.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from ..core.spreadsheets import (
    NO_WRAP,
    Sheet,
    new_workbook,
    sheet_title,
)
from ..core.thai import current_fiscal_year, thai_date, thai_datetime
from .evaluator import MET, MISSING, PARTIAL, PENDING, REVIEW, STALE
from .models import Confidence, FiscalYearRule, Layout
from .results import edition_label

HEADER_ROW = 3
OIT_URL_COLUMNS = 5


def status_labels():
    return {
        MET: _("Met"),
        PARTIAL: _("Partly met"),
        PENDING: _("Pending"),
        REVIEW: _("To review"),
        STALE: _("Out of date"),
        MISSING: _("Missing"),
    }


def mandatory_label(value) -> str:
    return {True: _("Yes"), False: _("No"), None: _("Not stated")}[value]


def confidence_label(item) -> str:
    """Where the fact comes from; partial and recall items say they are unconfirmed."""
    if item.standard.loaded_by_municipality:
        label = _("Loaded by the municipality")
        if item.confidence and item.confidence != Confidence.SOURCE:
            label += " · " + _("Unconfirmed: %(detail)s") % {"detail": Confidence(item.confidence).label}
        return label
    if item.is_local:
        return _("Local item")
    if item.confidence == Confidence.SOURCE:
        return _("Confirmed by a source")
    return _("Unconfirmed: %(detail)s") % {"detail": Confidence(item.confidence).label}


def parts_text(status) -> str:
    """Each part of an item and whether it is met, one a line."""
    labels = status_labels()
    return "\n".join(f"{labels[part.status]}: {part.item.name_th}" for part in status.parts)


class SheetWriter(Sheet):
    """One checklist sheet: a title line, an information line, the header row, then the rows."""

    def __init__(self, workbook, title, headings_and_widths, info_lines, row_count):
        super().__init__(workbook, title, [width for _heading, width in headings_and_widths], HEADER_ROW)
        last_column = get_column_letter(self.columns)
        self.sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{HEADER_ROW + max(row_count, 1)}"
        title_line, *other_lines = info_lines
        self.title(title_line)
        self.sheet.append([self.text(" · ".join(other_lines), alignment=NO_WRAP)])
        self.header(*(heading for heading, _width in headings_and_widths))


@dataclass(frozen=True)
class WorkbookContext:
    site_name: str
    generated_at: object
    fiscal_year: int

    @property
    def lines(self) -> list[str]:
        return [
            _("Site: %(site)s") % {"site": self.site_name},
            _("Generated on %(when)s") % {"when": thai_datetime(self.generated_at)},
            _("Current fiscal year: B.E. %(year)s") % {"year": self.fiscal_year},
        ]


def write_summary(workbook, results, context, title):
    columns = [
        (_("Standard"), 44),
        (_("Edition"), 12),
        (_("Sheet"), 24),
        (_("Items"), 10),
        (_("Met"), 10),
        (_("Partly met"), 12),
        (_("Pending"), 12),
        (_("To review"), 12),
        (_("Out of date"), 12),
        (_("Missing"), 10),
        (_("Score (%)"), 12),
        (_("Unconfirmed items"), 16),
        (_("Edition"), 40),
    ]
    writer = SheetWriter(
        workbook,
        title,
        columns,
        [_("Compliance checklist"), *context.lines],
        len(results),
    )
    for result in results:
        score = result.score
        writer.append(
            [
                writer.text(result.standard.title_th),
                writer.text(result.standard.edition),
                writer.text(result.sheet_title),
                writer.number(score.total),
                writer.number(score.met),
                writer.number(score.by_status[PARTIAL]),
                writer.number(score.by_status[PENDING]),
                writer.number(score.by_status[REVIEW]),
                writer.number(score.by_status[STALE]),
                writer.number(score.by_status[MISSING]),
                writer.number(score.percent),
                writer.number(result.unconfirmed_count),
                writer.text(" ".join(filter(None, [edition_label(result.standard), result.edition_warning]))),
            ]
        )


def evidence_text(finding) -> str:
    """One piece of evidence in words: title, certifier and dates (B.E.)."""
    evidence = finding.evidence
    parts = [evidence.title]
    if evidence.certifier_name:
        parts.append(_("certified by %(name)s") % {"name": evidence.certifier_name})
    if evidence.certified_at and evidence.needs_certification:
        parts.append(_("on %(date)s") % {"date": thai_date(evidence.certified_at)})
    if evidence.last_updated:
        parts.append(_("updated %(date)s") % {"date": thai_date(evidence.last_updated)})
    if evidence.note:
        parts.append(evidence.note)
    return " – ".join(parts)


def write_checklist_sheet(workbook, result, context, title):
    labels = status_labels()
    rules = dict(FiscalYearRule.choices)
    columns = [
        (_("Code"), 18),
        (_("Item"), 40),
        (_("Item (English)"), 32),
        (_("Requirement"), 44),
        (_("Mandatory"), 11),
        (_("Evidence year"), 18),
        (_("Status"), 13),
        (_("Reason"), 40),
        (_("Data confidence"), 26),
        (_("Evidence"), 40),
        (_("URL"), 40),
        (_("Certified by"), 22),
        (_("Certified on"), 18),
        (_("Last updated"), 18),
        (_("Other evidence"), 50),
        (_("Pieces of evidence"), 12),
        (_("Parts"), 50),
    ]
    writer = SheetWriter(
        workbook,
        title,
        columns,
        [result.standard.title_th, *edition_lines(result), *context.lines],
        len(result.statuses),
    )
    for status in result.statuses:
        item = status.item
        best = status.findings[0].evidence if status.findings else None
        others = "\n".join(finding.evidence.url or finding.evidence.title for finding in status.findings[1:])
        writer.append(
            [
                writer.text(item.code),
                writer.text(item.name_th),
                writer.text(item.name_en),
                writer.text(item.requirement),
                writer.text(mandatory_label(item.mandatory)),
                writer.text(rules.get(item.fiscal_year_rule, "")),
                writer.text(labels[status.status]),
                writer.text(status.reason),
                writer.text(confidence_label(item)),
                writer.text(best.title if best else ""),
                writer.text(best.url if best else "", link=best.url if best and best.url else None),
                writer.text(best.certifier_name if best else ""),
                writer.text(thai_date(best.certified_at) if best and best.needs_certification else ""),
                writer.text(thai_date(best.last_updated) if best else ""),
                writer.text(others),
                writer.number(status.evidence_count),
                writer.text(parts_text(status)),
            ]
        )


def write_oit_sheet(workbook, result, context, title):
    """Laid out like the OIT submission: item, topic, URL(s), explanation; then the checklist's own columns."""
    labels = status_labels()
    columns = [
        (_("Item"), 8),
        (_("Topic"), 48),
        *[(_("URL %(number)s") % {"number": n}, 36) for n in range(1, OIT_URL_COLUMNS + 1)],
        (_("Explanation"), 60),
        (_("Status"), 13),
        (_("Reason"), 40),
        (_("Data confidence"), 26),
        (_("Parts"), 50),
    ]
    writer = SheetWriter(
        workbook,
        title,
        columns,
        [result.standard.title_th, *edition_lines(result), *context.lines],
        len(result.statuses),
    )
    for status in result.statuses:
        met = [finding for finding in status.met_findings if finding.evidence.url]
        urls = [finding.evidence.url for finding in met][:OIT_URL_COLUMNS]
        urls += [""] * (OIT_URL_COLUMNS - len(urls))
        explanation = "\n".join(evidence_text(finding) for finding in met[:OIT_URL_COLUMNS])
        writer.append(
            [
                writer.text(status.item.code),
                writer.text(status.item.name_th),
                *[writer.text(url, link=url or None) for url in urls],
                writer.text(explanation),
                writer.text(labels[status.status]),
                writer.text(status.reason),
                writer.text(confidence_label(status.item)),
                writer.text(parts_text(status)),
            ]
        )


def edition_lines(result) -> list[str]:
    """The edition and, when it is not for the current fiscal year, the warning."""
    return [edition_label(result.standard), *filter(None, [result.edition_warning])]


@dataclass(frozen=True)
class TitledResult:
    """A standard's result with the title of its sheet."""

    result: object
    sheet_title: str

    def __getattr__(self, name):
        return getattr(self.result, name)


def write_workbook(output, results, site_name: str, generated_at=None):
    """Write the workbook of ``results`` (``results.StandardResult`` list) to ``output`` (a path or file)."""
    generated_at = generated_at or timezone.now()
    context = WorkbookContext(site_name, generated_at, current_fiscal_year(generated_at))
    workbook = new_workbook(_("Compliance checklist"), site_name)
    titles = set()
    summary_title = sheet_title(_("Summary"), set())
    titles.add(summary_title.lower())
    titled = [TitledResult(result, sheet_title(str(result.standard), titles)) for result in results]
    write_summary(workbook, titled, context, summary_title)
    for entry in titled:
        writer = write_oit_sheet if entry.standard.layout == Layout.OIT else write_checklist_sheet
        writer(workbook, entry.result, context, entry.sheet_title)
    workbook.save(output)
