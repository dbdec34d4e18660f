"""The demo municipality's score is honest: every met item rests on current, certified evidence (a page, a
file, a measured feature or a note with a live link), what the demo cannot truly show (https and a .go.th
domain on http://127.0.0.1) is unmet and says why, and unpublishing one evidence page turns exactly its
items to pending or missing."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from tests.test_compliance_data import REFERENCE_COUNTS
from thgov_demo.certify import uncertified_pages
from thgov_demo.users import role_people
from wagtail_thgov.compliance.features import FeatureContext, feature_evidence
from wagtail_thgov.compliance.pages import ItaIndexPage
from wagtail_thgov.compliance.results import require_certification
from wagtail_thgov.core.thai import current_fiscal_year
from wagtail_thgov.pages.public_info import PublicInfoPage
from wagtail_thgov.workflows.certification import certification_for
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db


def plan_page():
    return PublicInfoPage.objects.get(slug=f"anti-corruption-plan-{current_fiscal_year()}")


def compliance_json():
    out = StringIO()
    call_command("thgov_compliance", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def statuses(data):
    return {
        (standard["standard"], standard["edition"], item["code"]): item["status"]
        for standard in data["standards"]
        for item in standard["items"]
    }


def assert_rests_on_current_certified_evidence(item):
    """A met item names evidence an auditor can open: a certified page, a file, a measured feature, or a
    note whose link leads to a live page of the site; never a bare note. Its parts say the same."""
    assert item["met_evidence"], item["code"]
    for evidence in item["met_evidence"]:
        if evidence["source"] == "page":
            assert evidence["certified_at"] and evidence["certified_by"], (item["code"], evidence)
        elif evidence["source"] == "manual":
            assert evidence["has_file"] or evidence["link_live"], (item["code"], evidence)
            assert evidence["recorded_by"] and evidence["review_by"], (item["code"], evidence)
        else:
            assert evidence["source"] == "feature" and evidence["url"], (item["code"], evidence)
    for part in item["parts"]:
        assert part["status"] == "met", (item["code"], part["code"])
        assert_rests_on_current_certified_evidence(part)


def test_demo_meets_every_item_and_unpublishing_one_page_changes_exactly_its_items(client, demo_db):
    data = compliance_json()
    counts = {
        (standard["standard"], standard["edition"]): standard["item_count"] for standard in data["standards"]
    }
    assert counts == REFERENCE_COUNTS
    site = Site.objects.get(is_default_site=True)
    # The demo's pages went through the real workflow: the site requires certification, and every live
    # metadata page's live revision was approved by the site's approver.
    assert require_certification(site)
    assert uncertified_pages(site.root_page) == []
    approver = role_people(site)[Role.APPROVER]
    certification = certification_for(plan_page())
    assert certification.certifier_id == approver.pk
    # The demo is served over plain http on a test host name: https and the .go.th domain are measured
    # from that address and honestly unmet. Site search is a feature of the theme's search view; until one
    # is installed, GWS-I02 cannot be met either.
    gaps = {("gws", "2.0", "GWS-N01"), ("gws", "2.0", "GWS-SEC01")}
    if not feature_evidence("search", FeatureContext(site)):
        gaps.add(("gws", "2.0", "GWS-I02"))
    not_met = {key for key, status in statuses(data).items() if status != "met"}
    assert not_met == gaps
    gws = next(standard for standard in data["standards"] if standard["standard"] == "gws")
    assert gws["score_percent"] == (100 * (42 - len(gaps))) // 42
    for standard in data["standards"]:
        if standard["standard"] != "gws":
            assert standard["score_percent"] == 100, standard["standard"]
        for item in standard["items"]:
            if item["status"] == "met":
                assert_rests_on_current_certified_evidence(item)
            else:
                assert item["reason"] and not item["met_evidence"]
    # Every edition is named, and the ITA/OIT lists warn that they were made for earlier fiscal years.
    ita = next(standard for standard in data["standards"] if standard["edition"] == "2568")
    assert ita["edition_label"] and str(current_fiscal_year()) in ita["edition_warning"]

    plan = plan_page()
    plan.unpublish()
    after = statuses(compliance_json())
    before = statuses(data)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {("ita_oit", "2568", "O25"), ("ita_oit", "2567", "O36")}
    assert {after[key] for key in changed} <= {"pending", "missing"}

    ita = ItaIndexPage.objects.get()
    assert client.get(ita.url).status_code == 200


def test_every_demo_page_renders(client, demo_db):
    site = Site.objects.get(is_default_site=True)
    pages = site.root_page.get_descendants(inclusive=True).live().specific()
    assert pages.type(ItaIndexPage).exists()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
