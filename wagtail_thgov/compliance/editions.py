"""A municipality loads a new fiscal year's ITA/OIT list itself, from a spreadsheet (.xlsx) or a JSON file,
so that a new year needs no new release of the plugin.

``parse_edition`` reads and checks the whole file first (every problem with its row, in Thai and English)
and ``store_edition`` writes nothing unless all of it is valid. The edition belongs to the municipality's
site only and is shown as "loaded by the municipality", each item with the confidence the file gives.
Items whose Thai name matches an item of the newest bundled edition inherit its default evidence rules.
"""

import io
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .models import ChecklistItem, Confidence, FiscalYearRule, Layout, Standard
from .panels import latest_editions

OIT_CODE = "ita_oit"
COLUMNS = ("code", "name_th", "name_en", "requirement", "period", "confidence", "note")
REQUIRED_COLUMNS = ("code", "name_th", "confidence")
MAX_ITEMS = 200
MAX_BYTES = 2 * 1024 * 1024


class EditionError(ValueError):
    """The file cannot be loaded; ``messages`` says why, one problem each."""

    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = list(messages)


@dataclass(frozen=True)
class EditionItem:
    code: str
    name_th: str
    name_en: str = ""
    requirement: str = ""
    period: str = ""
    confidence: str = Confidence.PARTIAL
    note: str = ""


def _rows_from_xlsx(content: bytes) -> list[dict]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise EditionError([_("The file is not a readable .xlsx workbook.")]) from error
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    if not rows:
        raise EditionError([_("The workbook's first sheet is empty.")])
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise EditionError(
            [
                _("The first row must name the columns; missing: %(columns)s.")
                % {"columns": ", ".join(missing)}
            ]
        )
    return [
        {
            "_row": number,
            **{
                name: ("" if value is None else str(value).strip())
                for name, value in zip(header, row, strict=False)
            },
        }
        for number, row in enumerate(rows[1:], start=2)
        if any(value not in (None, "") for value in row)
    ]


def _rows_from_json(content: bytes) -> list[dict]:
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EditionError([_("The file is not valid JSON (UTF-8).")]) from error
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise EditionError([_('The JSON file must hold a list of items, or an object with "items".')])
    return [
        {"_row": number, **{name: str(item.get(name) or "").strip() for name in COLUMNS}}
        for number, item in enumerate(items, start=1)
    ]


def parse_edition(filename: str, content: bytes) -> list[EditionItem]:
    """The items of an uploaded file, or ``EditionError`` with every problem found."""
    if len(content) > MAX_BYTES:
        raise EditionError([_("The file is larger than 2 MB.")])
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _rows_from_xlsx(content)
    elif name.endswith(".json"):
        rows = _rows_from_json(content)
    else:
        raise EditionError([_("Upload a .xlsx spreadsheet or a .json file.")])
    if not rows:
        raise EditionError([_("The file has no items.")])
    if len(rows) > MAX_ITEMS:
        raise EditionError([_("The file has more than %(count)s items.") % {"count": MAX_ITEMS}])
    problems, items, seen = [], [], set()
    periods = set(FiscalYearRule.values)
    for row in rows:
        code, name_th = row.get("code", ""), row.get("name_th", "")
        confidence, period = row.get("confidence", "").lower(), row.get("period", "").lower()
        where = _("Row %(number)s") % {"number": row["_row"]}
        if not code:
            problems.append(_("%(where)s: the code is empty.") % {"where": where})
        elif code in seen:
            problems.append(_("%(where)s: code %(code)s appears twice.") % {"where": where, "code": code})
        elif len(code) > 64:
            problems.append(_("%(where)s: the code is longer than 64 characters.") % {"where": where})
        if not name_th:
            problems.append(_("%(where)s: the Thai name is empty.") % {"where": where})
        if confidence not in Confidence.values:
            problems.append(
                _("%(where)s: confidence must be src, partial or recall (how sure the source is).")
                % {"where": where}
            )
        if period not in periods:
            problems.append(
                _("%(where)s: period must be empty or one of: %(periods)s.")
                % {"where": where, "periods": ", ".join(value for value in FiscalYearRule.values if value)}
            )
        seen.add(code)
        items.append(
            EditionItem(
                code=code,
                name_th=name_th[:500],
                name_en=row.get("name_en", "")[:500],
                requirement=row.get("requirement", ""),
                period=period,
                confidence=confidence,
                note=row.get("note", ""),
            )
        )
    if problems:
        raise EditionError(problems)
    return items


def store_edition(site, edition: int, items: list[EditionItem], user, filename: str) -> Standard:
    """Create the site's edition and its items in one transaction; refuse an edition already installed."""
    if Standard.objects.for_site(site).filter(code=OIT_CODE, edition=str(edition)).exists():
        raise EditionError(
            [
                _("The ITA/OIT list for fiscal year %(year)s is already installed for this site.")
                % {"year": edition}
            ]
        )
    bundled = latest_editions(Standard.objects.filter(site__isnull=True, code=OIT_CODE))
    template = bundled[0] if bundled else None
    rules = {}
    if template is not None:
        for item in template.items.filter(parent__isnull=True, parts__isnull=True):
            rules.setdefault(item.name_th.strip(), item.satisfied_by)
    with transaction.atomic():
        standard = Standard.objects.create(
            code=OIT_CODE,
            edition=str(edition),
            site=site,
            short_name=f"ITA/OIT {edition}",
            title_th=f"แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ITA ปีงบประมาณ พ.ศ. {edition}",
            title_en=f"Open Data Integrity and Transparency Assessment (OIT), ITA fiscal year B.E. {edition}",
            issuer=template.issuer if template else "",
            fiscal_years=[edition],
            layout=Layout.OIT,
            position=template.position if template else 10,
            data_file=filename[:100],
            loaded_by=user,
            loaded_at=timezone.now(),
        )
        ChecklistItem.objects.bulk_create(
            ChecklistItem(
                standard=standard,
                site=site,
                code=item.code,
                name_th=item.name_th,
                name_en=item.name_en,
                requirement=item.requirement,
                fiscal_year_rule=item.period,
                confidence=item.confidence,
                note=item.note,
                satisfied_by=list(rules.get(item.name_th, [])),
                sort_order=order * 10,
            )
            for order, item in enumerate(items, start=1)
        )
    return standard
