"""``manage.py thgov_compliance``: JSON for scripts and the workbook for cron jobs."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.compliance_support import compliance_site, publish
from tests.test_compliance_data import REFERENCE_COUNTS
from wagtail_thgov.compliance.models import Standard
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    site = compliance_site(certification=False)
    agency = publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")
    publish(agency, AgencyInfoPage, "history", kind="history", title="ประวัติความเป็นมา")
    return site


def run_json(*args):
    out = StringIO()
    call_command("thgov_compliance", "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_json_lists_every_standard_with_its_items_status_reason_and_evidence(site):
    data = run_json()
    assert data["site"]["hostname"] == "localhost"
    counts = {(s["standard"], s["edition"]): s["item_count"] for s in data["standards"]}
    assert counts == REFERENCE_COUNTS
    gws = next(s for s in data["standards"] if s["standard"] == "gws")
    history = next(item for item in gws["items"] if item["code"] == "GWS-B01")
    assert history["status"] == "met"
    assert history["reason"]
    assert history["evidence_urls"] == ["http://localhost/agency/history/"]
    vision = next(item for item in gws["items"] if item["code"] == "GWS-B02")
    assert (vision["status"], vision["reason_code"], vision["evidence_urls"]) == (
        "missing",
        "no_part_met",
        [],
    )
    assert [(part["code"], part["status"]) for part in vision["parts"]] == [
        ("GWS-B02.1", "missing"),
        ("GWS-B02.2", "missing"),
    ]
    assert history["met_evidence"][0]["source"] == "page" and history["parts"] == []


def test_standard_option_takes_a_code_or_a_code_and_edition(site):
    editions = [(s["standard"], s["edition"]) for s in run_json("--standard", "ita_oit")["standards"]]
    assert editions == [("ita_oit", "2568"), ("ita_oit", "2567")]
    assert [s["edition"] for s in run_json("--standard", "ita_oit:2567")["standards"]] == ["2567"]


def test_site_option_chooses_the_site(site):
    other = compliance_site("other.example", title="เทศบาลอื่น", is_default=False, certification=False)
    data = run_json("--site", "other.example")
    assert data["site"]["hostname"] == other.hostname
    gws = next(s for s in data["standards"] if s["standard"] == "gws")
    assert next(item for item in gws["items"] if item["code"] == "GWS-B01")["status"] == "missing"


def test_xlsx_is_written_to_the_output_file(site, tmp_path):
    path = tmp_path / "compliance.xlsx"
    call_command("thgov_compliance", "--format", "xlsx", "--output", str(path), stderr=StringIO())
    assert len(load_workbook(path).sheetnames) == 1 + Standard.objects.count()


def test_json_can_be_written_to_a_file(site, tmp_path):
    path = tmp_path / "compliance.json"
    call_command("thgov_compliance", "--format", "json", "--output", str(path))
    assert json.loads(path.read_text(encoding="utf-8"))["standards"]


def test_bad_options_are_refused_clearly(site):
    with pytest.raises(CommandError, match="--output"):
        call_command("thgov_compliance", "--format", "xlsx")
    with pytest.raises(CommandError, match="No standard"):
        call_command("thgov_compliance", "--format", "json", "--standard", "nonexistent")
    with pytest.raises(CommandError, match="No site"):
        call_command("thgov_compliance", "--format", "json", "--site", "nowhere.example")
