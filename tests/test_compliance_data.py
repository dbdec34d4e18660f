"""The bundled standards: item counts as in the reference sheet, rules that name real page types and
features, and the loader that ``thgov_setup`` runs (idempotent, editions kept apart)."""

import dataclasses
import json

import pytest
from django.apps import apps

from wagtail_thgov.compliance.features import FEATURES
from wagtail_thgov.compliance.loader import (
    STANDARDS_DIR,
    StandardFile,
    load_standard,
    load_standards,
    part_entries,
    standard_files,
)
from wagtail_thgov.compliance.models import ChecklistItem, FiscalYearRule, Standard
from wagtail_thgov.core.registry import setup_steps
from wagtail_thgov.metadata.inventory import thgov_page_models

# From the project's reference sheet (checklists.yaml): items per standard.
REFERENCE_COUNTS = {
    ("gws", "2.0"): 42,
    ("oia_s7", "2540"): 5,
    ("oia_s9", "2540"): 8,
    ("oia_s9_8", "2558-2560"): 8,
    ("ita_oit", "2567"): 43,
    ("ita_oit", "2568"): 26,
}


def all_items():
    return [(standard_file, item) for standard_file in standard_files() for item in standard_file.items]


def all_parts():
    return [(standard_file, part) for standard_file, item in all_items() for part in part_entries(item)]


PART_COUNT = len(all_parts())


def test_one_data_file_per_standard_and_edition_with_the_reference_item_counts():
    counts = {(f.code, f.edition): len(f.items) for f in standard_files()}
    assert counts == REFERENCE_COUNTS


def test_ita_oit_lists_are_numbered_o1_upwards_without_gaps():
    for standard_file in standard_files():
        if standard_file.code == "ita_oit":
            codes = [item["code"] for item in standard_file.items]
            assert codes == [f"O{n}" for n in range(1, len(codes) + 1)]


def test_every_item_has_the_fields_the_report_shows():
    for _file, item in all_items():
        assert item["name_th"] and item["name_en"] and item["requirement"], item["code"]
        assert item["mandatory"] in (True, False, "unknown"), item["code"]
        assert item["confidence"] in ("src", "partial", "recall"), item["code"]
        assert (item["fiscal_year"] or "") in FiscalYearRule.values, item["code"]
    for _file, part in all_parts():
        assert part["name_th"] and part["name_en"], part["code"]
        assert (part["fiscal_year"] or "") in FiscalYearRule.values, part["code"]


# Items whose wording names several things: each thing is a part, and the item is met only with all.
ITEMS_WITH_PARTS = {
    ("ita_oit", "2568", "O1"): 2,
    ("ita_oit", "2568", "O12"): 2,
    ("ita_oit", "2568", "O16"): 2,
    ("ita_oit", "2568", "O21"): 2,
    ("oia_s9_8", "2558-2560", "s9(8)-TR-1"): 6,
    ("oia_s9_8", "2558-2560", "s9(8)-TR-2"): 7,
    ("oia_s9_8", "2558-2560", "s9(8)-TR-4"): 3,
    ("oia_s9_8", "2558-2560", "s9(8)-TR-5"): 6,
    ("gws", "2.0", "GWS-B02"): 2,
    ("gws", "2.0", "GWS-B06"): 2,
    ("gws", "2.0", "GWS-B07"): 2,
    ("gws", "2.0", "GWS-B14"): 8,
    ("gws", "2.0", "GWS-I06"): 2,
    ("gws", "2.0", "GWS-SEC03"): 4,
}


def test_items_with_several_parts_have_them_and_no_rules_of_their_own():
    found = {
        (f.code, f.edition, item["code"]): len(item["parts"]) for f, item in all_items() if item.get("parts")
    }
    assert found == ITEMS_WITH_PARTS
    for _file, item in all_items():
        if item.get("parts"):
            assert item["satisfied_by"] == [], item["code"]


def test_monthly_procurement_progress_is_due_every_month():
    parts = {(f.edition, part["code"]): part for f, part in all_parts()}
    assert parts[("2568", "O12.2")]["fiscal_year"] == "month"
    assert parts[("2558-2560", "s9(8)-TR-1.5")]["fiscal_year"] == "month"


def test_2568_items_have_the_fiscal_year_rules_of_their_2567_twins():
    rules = {(f.edition, item["code"]): item["fiscal_year"] for f, item in all_items() if f.code == "ita_oit"}
    twins = {"O11": "O16", "O19": "O29", "O23": "O34", "O26": "O38"}
    for new, old in twins.items():
        assert rules[("2568", new)] == rules[("2567", old)] and rules[("2568", new)], new


def test_royal_gazette_items_require_a_gazette_citation():
    for f, item in all_items():
        if f.code == "oia_s7":
            assert item["requires"] == ["gazette"], item["code"]


def test_data_files_document_their_format():
    for path in STANDARDS_DIR.glob("*.json"):
        about = " ".join(json.loads(path.read_text(encoding="utf-8"))["about"])
        assert "satisfied_by" in about and "feature" in about and "confidence" in about


def test_satisfied_by_names_installed_page_types_with_real_field_values():
    page_models = set(thgov_page_models())
    for _file, item in all_items() + all_parts():
        for rule in item["satisfied_by"]:
            if "feature" in rule:
                assert rule["feature"] in FEATURES, (item["code"], rule)
                continue
            model = apps.get_model(rule["page_type"])
            assert model in page_models, (item["code"], rule)
            for name, value in rule.items():
                if name == "page_type":
                    continue
                field = model._meta.get_field(name)
                allowed = {str(choice) for choice, _label in field.choices} | ({""} if field.blank else set())
                values = value if isinstance(value, list) else [value]
                assert set(values) <= allowed, (item["code"], name, values)


def test_page_type_declarations_name_items_that_exist():
    codes = {item["code"] for _file, item in all_items() + all_parts()}
    keyed = {f"{f.code}:{item['code']}" for f, item in all_items()} | {
        f"{f.code}:{f.edition}:{item['code']}" for f, item in all_items()
    }
    for model in thgov_page_models():
        for declaration in model.thgov_checklist_items:
            assert declaration in codes or declaration in keyed, (model, declaration)


def test_loader_is_a_setup_step():
    assert "wagtail_thgov.compliance.loader.load_standards" in [step.path for step in setup_steps()]


@pytest.mark.django_db
def test_loading_twice_creates_everything_once_then_changes_nothing():
    created = load_standards()
    assert created == len(REFERENCE_COUNTS) + sum(REFERENCE_COUNTS.values()) + PART_COUNT
    assert load_standards() == 0
    for (code, edition), count in REFERENCE_COUNTS.items():
        items = ChecklistItem.objects.filter(
            standard__code=code, standard__edition=edition, parent__isnull=True
        )
        assert items.count() == count
    o12 = ChecklistItem.objects.get(standard__edition="2568", code="O12")
    assert [part.code for part in o12.parts.order_by("sort_order")] == ["O12.1", "O12.2"]


@pytest.mark.django_db
def test_loaded_items_carry_confidence_mandatory_and_fiscal_year_rule():
    load_standards()
    o1 = ChecklistItem.objects.get(standard__code="ita_oit", standard__edition="2568", code="O1")
    o6 = ChecklistItem.objects.get(standard__code="ita_oit", standard__edition="2568", code="O6")
    gws = ChecklistItem.objects.get(standard__code="gws", code="GWS-B08")
    assert (o1.confidence, o1.mandatory, o1.is_confirmed) == ("src", True, True)
    assert (o6.confidence, o6.is_confirmed, o6.fiscal_year_rule) == ("recall", False, "current")
    assert gws.mandatory is None  # "unknown" in the reference sheet


@pytest.mark.django_db
def test_a_new_edition_is_added_without_touching_the_old_one():
    load_standards()
    old_items = {item.pk: item.name_th for item in ChecklistItem.objects.filter(standard__edition="2568")}
    base = next(f for f in standard_files() if (f.code, f.edition) == ("ita_oit", "2568"))
    data = dict(base.data, edition="2569", short_name="ITA/OIT 2569", item_count=None)
    data["items"] = [dict(item, name_th=item["name_th"] + " (ฉบับใหม่)") for item in base.items]
    changed = load_standard(StandardFile("ita_oit_2569.json", data))
    assert changed == 1 + len(base.items) + sum(len(item.get("parts", [])) for item in base.items)
    assert {
        item.pk: item.name_th for item in ChecklistItem.objects.filter(standard__edition="2568")
    } == old_items
    assert Standard.objects.filter(code="ita_oit").count() == 3


@pytest.mark.django_db
def test_a_corrected_item_is_updated_in_place():
    load_standards()
    base = next(f for f in standard_files() if f.code == "oia_s7")
    items = [dict(item) for item in base.items]
    items[0]["requirement"] = "ปรับถ้อยคำ"
    item_pk = ChecklistItem.objects.get(standard__code="oia_s7", code=items[0]["code"]).pk
    assert load_standard(dataclasses.replace(base, data=dict(base.data, items=items))) == 1
    assert ChecklistItem.objects.get(pk=item_pk).requirement == "ปรับถ้อยคำ"
