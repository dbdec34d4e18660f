"""The published-information inventory and the metadata every demo page shows to people and machines."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model

from wagtail_thgov.core.categories import CATEGORIES

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def inventory(demo_db):
    out = StringIO()
    call_command("thgov_inventory", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_every_category_has_a_complete_live_demo_page(inventory):
    categories = {row["category"] for row in inventory}
    assert categories >= {category.code for category in CATEGORIES}
    incomplete = [(row["url"], row["missing"]) for row in inventory if not row["complete"]]
    assert incomplete == []


def test_inventory_files_carry_the_stored_extension_and_byte_size(inventory):
    documents = {document.url: document for document in get_document_model().objects.all()}
    files = [file for row in inventory for file in row["files"]]
    assert files, "the demo attaches real files"
    for file in files:
        document = documents[file["url"]]
        assert file["extension"] == document.file_extension.lower()
        assert file["size"] == document.file.size


def test_every_inventory_page_shows_metadata_box_and_json_ld(inventory, client):
    for row in inventory:
        response = client.get(row["url"])
        assert response.status_code == 200, row["url"]
        html = response.content.decode()
        assert "thgov-metadata" in html, row["url"]
        assert '<meta name="DC.title"' in html, row["url"]
        data = json.loads(LD_JSON.search(html).group(1))
        assert data["datePublished"] and data["dateModified"], row["url"]
        assert data["publisher"]["name"] == "เทศบาลตำบลบ้านสวนดอกไม้"
        if row["files"]:
            encodings = {
                item["contentUrl"].split("://", 1)[-1].split("/", 1)[-1]: item for item in data["encoding"]
            }
            for file in row["files"]:
                item = encodings[file["url"].lstrip("/")]
                assert item["contentSize"] == str(file["size"])
                assert item["fileFormat"] == file["extension"]


def test_inventory_report_lists_pages_and_exports(inventory, admin_client):
    response = admin_client.get(reverse("thgov_metadata:inventory"))
    assert response.status_code == 200
    assert inventory[0]["title"] in response.content.decode()
    export = admin_client.get(reverse("thgov_metadata:inventory") + "?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode()
    assert inventory[-1]["url"] in body


def test_inventory_report_needs_page_permissions(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="x")
    client.force_login(user)
    response = client.get(reverse("thgov_metadata:inventory"))
    assert response.status_code in (302, 403)
