"""Every dataset of the demo's catalogue against the facts of the DGA's schema (opendata/schema.py;
/work/shared/reference/gd-catalog-fields.md): required fields present, values in the allowed lists."""

import pytest

from wagtail_thgov.opendata import schema

pytestmark = pytest.mark.django_db

# The demo marks these pages as datasets (thgov_demo/opendata.py); each must be listed.
DEMO_DATASET_TITLES = (
    "ตารางรายจ่ายตามแผนงาน",  # the budget ordinance's spreadsheet
    "แผนพัฒนาท้องถิ่น",
    "สรุปผลการดำเนินการจัดซื้อจัดจ้าง",
    "สถิติปริมาณขยะมูลฝอย",
    "สถิติผู้เข้าชมเว็บไซต์",
)


def _search(client, **params):
    response = client.get("/api/3/action/package_search", {"rows": 1000, **params})
    assert response.status_code == 200, response.content
    return response.json()["result"]


def test_the_allowed_lists_are_the_schemas():
    assert schema.FIELDS_BY_NAME["data_category"].choices == (
        "ข้อมูลสาธารณะ",
        "ข้อมูลส่วนบุคคล",
        "ข้อมูลความมั่นคง",
        "ข้อมูลความลับทางราชการ",
    )
    assert set(schema.REQUIRED) >= {
        "data_type",
        "title",
        "maintainer",
        "maintainer_email",
        "tag_string",
        "notes",
        "objective",
        "update_frequency_unit",
        "geo_coverage",
        "data_source",
        "data_format",
        "data_category",
        "license_id",
    }


def test_problems_finds_what_breaks_the_schema():
    assert schema.problems({"data_type": "ไม่มีประเภทนี้"})  # required missing, value not allowed
    found = schema.problems({"license_id": schema.OTHER})
    assert "license_id_other: required when license_id is อื่นๆ" in found
    assert "data_type: required" in found


def test_every_demo_dataset_keeps_the_schema(demo_db, client):
    result = _search(client)
    packages = result["results"]
    assert result["count"] == len(packages) >= len(DEMO_DATASET_TITLES)
    for title in DEMO_DATASET_TITLES:
        assert any(p["title"].startswith(title) for p in packages), title
    for package in packages:
        assert schema.problems(package) == [], package["title"]
        for name in schema.REQUIRED:
            assert package[name] not in (None, "", []), (package["title"], name)
        # Multiple choices are lists, as ckanext-scheming's multiple_choice answers them.
        assert isinstance(package["objective"], list) and isinstance(package["data_format"], list)
        assert package["resources"] and all(resource["name"] for resource in package["resources"])
        assert package["organization"]["name"] == "bansuandokmai"
        # The texts are Thai.
        assert any("\u0e00" <= char <= "\u0e7f" for char in package["title"] + package["notes"])


def test_statistics_datasets_say_their_years(demo_db, client):
    statistics = [p for p in _search(client)["results"] if p["data_type"] == schema.STATISTICAL]
    assert len(statistics) >= 2
    for package in statistics:
        assert package["first_year_of_data"].isdigit() and int(package["first_year_of_data"]) > 2500


def test_the_budget_dataset_is_its_spreadsheet(demo_db, client):
    (budget,) = [p for p in _search(client)["results"] if p["title"].startswith("ตารางรายจ่ายตามแผนงาน")]
    assert budget["data_format"] == ["XLS"]
    assert [r["format"] for r in budget["resources"]] == ["XLSX"]
    assert budget["resources"][0]["url"].endswith(".xlsx")
    assert budget["data_source"]  # the finance department of the page
    assert budget["tags"] and budget["tag_string"]
