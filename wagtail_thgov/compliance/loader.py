"""Load the bundled standards (``standards/*.json``) into ``Standard`` and ``ChecklistItem`` rows.

A ``thgov_setup`` step: idempotent (a second run changes nothing and returns 0), and each file only
touches its own (code, edition), so a new edition is added without changing the old one.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import transaction

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
        "satisfied_by": list(item.get("satisfied_by", [])),
        "confidence": item["confidence"],
        "note": item.get("note", ""),
        "sort_order": order,
    }


def _update(obj, values: dict) -> bool:
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)


def load_standard(standard_file: StandardFile, write=lambda message: None) -> int:
    """Create or update one standard and its shared items; return how many rows changed."""
    from .models import ChecklistItem, Standard

    data = standard_file.data
    values = {name: data.get(name, "") for name in STANDARD_FIELDS}
    values["data_file"] = standard_file.name
    standard, created = Standard.objects.get_or_create(
        code=standard_file.code, edition=standard_file.edition, defaults=values
    )
    changed = 1 if created else int(_update(standard, values))
    existing = {
        item.code: item for item in ChecklistItem.objects.filter(standard=standard, site__isnull=True)
    }
    new_items = []
    for order, item in enumerate(standard_file.items, start=1):
        fields = item_fields(item, order * 10)
        if item["code"] in existing:
            changed += _update(existing.pop(item["code"]), fields)
        else:
            new_items.append(ChecklistItem(standard=standard, code=item["code"], **fields))
    ChecklistItem.objects.bulk_create(new_items)
    changed += len(new_items)
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
