"""Every dataset of the demo's catalogue against the facts of the DGA's schema (opendata/schema.py;
/work/shared/reference/gd-catalog-fields.md): required fields present, values in the allowed lists."""

from urllib.parse import urlsplit

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


# CKAN's own package keys: with the schema's fields and their ``_other`` texts, all a package may carry,
# so that a harvester creating the dataset on a schema'd CKAN meets no unexpected field.
CKAN_KEYS = {
    "id",
    "name",
    "title",
    "type",
    "state",
    "private",
    "owner_org",
    "organization",
    "notes",
    "url",
    "author",
    "author_email",
    "maintainer",
    "maintainer_email",
    "license_id",
    "license_title",
    "tags",
    "num_tags",
    "metadata_created",
    "metadata_modified",
    "groups",
    "extras",
    "relationships_as_object",
    "relationships_as_subject",
    "resources",
    "num_resources",
}


def test_packages_carry_only_ckan_and_schema_fields(demo_db, client):
    allowed = CKAN_KEYS | set(schema.FIELDS_BY_NAME) | set(schema.OTHER_FIELDS.values())
    for package in _search(client)["results"]:
        assert set(package) <= allowed, set(package) - allowed


def test_the_public_catalogue_page_lists_every_dataset_in_thai(demo_db, client, settings):
    settings.LANGUAGE_CODE = "th"
    packages = _search(client)["results"]
    response = client.get("/opendata/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "บัญชีข้อมูลเปิด" in html and 'name="viewport"' in html
    for package in packages:
        assert f'id="{package["name"]}"' in html
        # The page links by path (the CKAN record carries the site's full address for harvesters).
        assert f'href="{urlsplit(package["url"]).path}"' in html
        for resource in package["resources"]:
            assert f'href="{urlsplit(resource["url"]).path}"' in html
    assert html.count('class="thgov-search__result thgov-opendata__dataset"') == len(packages)
    assert 'href="/catalog.ttl"' in html and 'href="/catalog.jsonld"' in html
    assert "รับรอง" in html  # each entry says when it was certified
