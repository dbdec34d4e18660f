"""Load the bundled standards (``standards/*.json``) into ``Standard`` and ``ChecklistItem`` rows.

A ``thgov_setup`` step: idempotent (a second run changes nothing and returns 0), and each file only
touches its own (code, edition), so a new edition is added without changing the old one.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import transaction

from .models import ChecklistItem, Standard

STANDARDS_DIR = Path(__file__).resolve().parent / "standards"

STANDARD_FIELDS = (
    "short_name",
    "title_th",
    "title_en",
    "issuer",
    "fiscal_years",
    "layout",
    "position",
    "note",
    "sources",
)
MANDATORY_VALUES = {True: True, False: False, "unknown": None}


@dataclass(frozen=True)
class StandardFile:
    """One parsed data file."""

    name: str
    data: dict

    @property
    def code(self) -> str:
        return self.data["code"]

    @property
    def edition(self) -> str:
        return self.data["edition"]

    @property
    def items(self) -> list[dict]:
        return self.data["items"]


@cache
def standard_files() -> tuple[StandardFile, ...]:
    """Every bundled data file, parsed and checked for duplicate codes and a wrong item count."""
    files = []
    for path in sorted(STANDARDS_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        codes = [item["code"] for item in data["items"]]
        part_codes = [part["code"] for item in data["items"] for part in part_entries(item)]
        if len(part_codes + codes) != len(set(part_codes + codes)):
            raise ValueError(f"{path.name}: duplicate item or part codes")
        if len(codes) != len(set(codes)):
            raise ValueError(f"{path.name}: duplicate item codes")
        if data.get("item_count") is not None and data["item_count"] != len(codes):
            raise ValueError(f"{path.name}: item_count {data['item_count']} but {len(codes)} items")
        files.append(StandardFile(path.name, data))
    return tuple(files)


def item_fields(item: dict, order: int) -> dict:
    """Model field values of one item of a data file."""
    return {
        "name_th": item["name_th"],
        "name_en": item.get("name_en", ""),
        "requirement": item.get("requirement", ""),
        "mandatory": MANDATORY_VALUES[item.get("mandatory", "unknown")],
        "fiscal_year_rule": item.get("fiscal_year") or "",
        "seed_category": item.get("seed_category") or "",
        "also_categories": list(item.get("also_categories", [])),
        "satisfied_by": [] if item.get("parts") else list(item.get("satisfied_by", [])),
        "requires": list(item.get("requires", [])),
        "review_months": item.get("review_months"),
        "confidence": item["confidence"],
        "note": item.get("note", ""),
        "sort_order": order,
    }


def part_entries(item: dict) -> list[dict]:
    """The parts of an item as items of their own: code ``CODE.KEY``, the item's confidence and category."""
    return [
        {
            "confidence": item["confidence"],
            "mandatory": item.get("mandatory", "unknown"),
            "seed_category": item.get("seed_category"),
            **part,
            "code": f"{item['code']}.{part['key']}",
        }
        for part in item.get("parts", [])
    ]


def flattened_items(items: list[dict]):
    """``(entry, parent code or None, sort order)`` for every item and its parts, in file order."""
    for order, item in enumerate(items, start=1):
        yield item, None, order * 10
        for number, part in enumerate(part_entries(item), start=1):
            yield part, item["code"], order * 10 + number


def _update(obj, values: dict) -> bool:
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)


def load_standard(standard_file: StandardFile, write=lambda message: None) -> int:
    """Create or update one standard and its shared items; return how many rows changed."""

    data = standard_file.data
    values = {name: data.get(name, "") for name in STANDARD_FIELDS}
    values["data_file"] = standard_file.name
    standard, created = Standard.objects.get_or_create(
        code=standard_file.code, edition=standard_file.edition, site=None, defaults=values
    )
    changed = 1 if created else int(_update(standard, values))
    existing = {
        item.code: item for item in ChecklistItem.objects.filter(standard=standard, site__isnull=True)
    }
    saved = {}
    for entry, parent_code, order in flattened_items(standard_file.items):
        fields = item_fields(entry, order)
        fields["parent"] = saved[parent_code] if parent_code else None
        if entry["code"] in existing:
            row = existing.pop(entry["code"])
            changed += _update(row, fields)
        else:
            row = ChecklistItem.objects.create(standard=standard, code=entry["code"], **fields)
            changed += 1
        saved[entry["code"]] = row
    for code in existing:
        # Never delete: pages and manual evidence may point at it. Say so instead.
        write(f"standard {standard}: item {code} is no longer in {standard_file.name}; kept in the database")
    if changed:
        write(f"standard {standard}: {changed} rows created or updated")
    return changed


def load_standards(write=lambda message: None) -> int:
    """``thgov_setup`` step: load every bundled standard; return how many rows changed."""
    with transaction.atomic():
        return sum(load_standard(standard_file, write) for standard_file in standard_files())
