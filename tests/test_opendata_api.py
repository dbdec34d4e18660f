"""The CKAN action API of the catalogue, from the outside: a CKAN-style harvest client takes every demo
dataset exactly once and nothing else (no draft, uncertified, restricted or other site's dataset); bad
input gets CKAN's error JSON with a 4xx status, never a 500; one site's answers never reach another's
host, page cache and site-data cache switched on; another municipality's users cannot see or edit the
dataset in the admin."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from thgov_demo.certify import certify
from thgov_demo.sites import build_demo_sites
from thgov_demo.users import role_people
from wagtail_thgov.opendata.models import Dataset, OpenDataSettings
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.workflows.certification import certification_for
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db

API = "/api/3/action/"


class HarvestClient:
    """What ckanext-harvest's CKAN harvester does in its gather stage: page through ``package_search``
    sorted by ``id asc`` (optionally with an ``fq``) until a page comes back empty, then fetch each dataset
    with ``package_show``."""

    def __init__(self, client, host, rows=2):
        self.client, self.host, self.rows = client, host, rows

    def call(self, action, **params):
        response = self.client.get(API + action, params, HTTP_HOST=self.host)
        assert response.status_code == 200, (action, response.status_code, response.content[:300])
        body = response.json()
        assert body["success"] is True and "help" in body
        return body["result"]

    def gather(self, fq=None):
        params = {"rows": self.rows, "start": 0, "sort": "id asc"}
        if fq:
            params["fq"] = fq
        found, previous = [], None
        while True:
            page = self.call("package_search", **params)["results"]
            if not page:
                return found
            assert page != previous, "the paging does not work"
            previous = page
            found.extend(package["id"] for package in page)
            params["start"] += self.rows

    def harvest(self, fq=None):
        ids = self.gather(fq)
        return ids, [self.call("package_show", id=package_id) for package_id in ids]


def _demo_site():
    return Site.objects.get(is_default_site=True)


def _demo_dataset_keys():
    """(page id, file id) of every dataset the demo certified: what a harvest must return."""
    site = _demo_site()
    keys = set()
    for dataset in Dataset.objects.filter(page__path__startswith=site.root_page.path).select_related("page"):
        page = dataset.page
        assert page.live and certification_for(page) is not None
        keys.add((page.pk, dataset.document_id))
    return keys


def _key(package):
    """(page id, file id) from the package's name: ``<organisation>-<page>[-<file>]``."""
    organisation = package["organization"]["name"]
    assert package["name"].startswith(organisation + "-")
    parts = package["name"][len(organisation) + 1 :].split("-")
    return int(parts[0]), (int(parts[1]) if len(parts) > 1 else None)


@pytest.fixture
def extra_items(demo_db):
    """Datasets that must NOT be harvested from the demo site, and a second site with one of its own."""
    site = _demo_site()
    news_index = NewsIndexPage.objects.descendant_of(site.root_page).first()
    expected = _demo_dataset_keys()  # before anything below is added

    # 1. Live but uncertified: a new revision with a dataset, published without the workflow.
    uncertified = NewsPage.objects.descendant_of(site.root_page).live().first()
    uncertified.thgov_datasets.add(Dataset(data_type="ข้อมูลระเบียน"))
    uncertified.save_revision().publish()
    # 2. A draft page that has never been published.
    draft = NewsPage(title="ร่างข่าวชุดข้อมูล (ร่าง)", slug="draft-dataset-news", live=False)
    draft.thgov_datasets.add(Dataset(data_type="ข้อมูลระเบียน"))
    news_index.add_child(instance=draft)
    draft.save_revision()
    # 3. A certified page whose next draft (not published) adds a dataset.
    budget_like = (
        Page.objects.descendant_of(site.root_page).live().type(NewsPage).exclude(pk=uncertified.pk).first()
    )
    budget_like = budget_like.specific
    budget_like.thgov_datasets.add(Dataset(data_type="ข้อมูลสถิติ"))
    budget_like.save_revision()  # a draft only
    # 4. A certified dataset page behind a password: not public, so not listed.
    restricted = Dataset.objects.filter(page__path__startswith=site.root_page.path).first().page
    restricted_key = {(d.page_id, d.document_id) for d in Dataset.objects.filter(page=restricted)}
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")

    # 5. A second municipality with its own certified dataset.
    other = build_demo_sites(1, users=False)["sites"][0]
    other_page = NewsPage.objects.descendant_of(other.root_page).live().first()
    other_page.thgov_datasets.add(Dataset(data_type="ข้อมูลระเบียน", objective="เพื่อการให้บริการประชาชน"))
    other_page.save_revision(user=role_people(other)[Role.UPLOADER])
    assert certify(other_page, role_people(other))
    other_page.refresh_from_db()
    assert other_page.live and certification_for(other_page) is not None
    return {
        "site": site,
        "other": other,
        "other_page": other_page,
        "excluded_pages": {uncertified.pk, draft.pk, budget_like.pk},
        "restricted": restricted_key,
        "expected": expected,
    }


def test_a_harvest_takes_every_demo_dataset_exactly_once_and_nothing_else(extra_items, client):
    expected = extra_items["expected"] - extra_items["restricted"]
    assert len(expected) >= 4
    harvester = HarvestClient(client, "localhost", rows=2)
    ids, packages = harvester.harvest()
    assert len(ids) == len(set(ids)), "a dataset came twice"
    assert {_key(package) for package in packages} == expected
    assert not {_key(p)[0] for p in packages} & extra_items["excluded_pages"]
    assert extra_items["other_page"].pk not in {_key(p)[0] for p in packages}
    assert [p["id"] for p in packages] == ids
    # package_list says the same; organization_show counts them.
    names = harvester.call("package_list")
    assert sorted(names) == sorted(p["name"] for p in packages)
    organization = harvester.call("organization_show", id="bansuandokmai", include_datasets="true")
    assert organization["package_count"] == len(packages)
    assert {p["id"] for p in organization["packages"]} == set(ids)
    status = harvester.call("status_show")
    assert status["site_title"] == organization["title"] and status["locale_default"] == "th"


def test_the_other_site_harvests_only_its_own(extra_items, client):
    other = extra_items["other"]
    harvester = HarvestClient(client, other.hostname, rows=1)
    ids, packages = harvester.harvest()
    assert len(packages) == 1
    assert _key(packages[0])[0] == extra_items["other_page"].pk
    assert packages[0]["organization"]["name"] == "m001-localhost"
    # A demo dataset is not found through the other site's address, by id or by name.
    demo = HarvestClient(client, "localhost").call("package_search", rows=1)["results"][0]
    for key in (demo["id"], demo["name"]):
        response = client.get(API + "package_show", {"id": key}, HTTP_HOST=other.hostname)
        assert response.status_code == 404
        assert response.json()["error"]["__type"] == "Not Found Error"


def test_an_incremental_harvest_asks_only_what_changed(demo_db, client):
    harvester = HarvestClient(client, "localhost", rows=100)
    all_ids = harvester.gather()
    newest = max(harvester.call("package_show", id=i)["metadata_modified"] for i in all_ids)
    since = (dt.datetime.fromisoformat(newest) + dt.timedelta(seconds=1)).isoformat()
    assert harvester.gather(fq=f"metadata_modified:[{since}Z TO *]") == []
    earlier = (dt.datetime.fromisoformat(newest) - dt.timedelta(hours=1)).isoformat()
    changed = harvester.gather(fq=f"+dataset_type:dataset metadata_modified:[{earlier}Z TO *]")
    assert changed and set(changed) <= set(all_ids)
    assert harvester.gather(fq="-organization:bansuandokmai") == []
    assert set(harvester.gather(fq="organization:bansuandokmai")) == set(all_ids)


def test_search_finds_thai_words(demo_db, client):
    harvester = HarvestClient(client, "localhost")
    result = harvester.call("package_search", q="ขยะ")
    assert result["count"] == 1 and "ขยะ" in result["results"][0]["title"]
    assert harvester.call("package_search", q="ไม่มีคำนี้ในบัญชีข้อมูล")["count"] == 0
    everything = harvester.call("package_search", q="*:*", rows=1000)
    assert everything["count"] == len(everything["results"]) >= 5


@pytest.mark.parametrize(
    "action, params, status, kind",
    [
        ("no_such_action", {}, 400, "Bad Request"),
        ("package_create", {}, 400, "Bad Request"),
        ("package_search", {"rows": "-1"}, 409, "Validation Error"),
        ("package_search", {"rows": "abc"}, 409, "Validation Error"),
        ("package_search", {"rows": "100000"}, 409, "Validation Error"),
        ("package_search", {"rows": "9" * 5000}, 409, "Validation Error"),
        ("package_search", {"start": "abc"}, 409, "Validation Error"),
        ("package_search", {"start": "-5"}, 409, "Validation Error"),
        ("package_search", {"q": "ข" * 10_000}, 409, "Validation Error"),
        ("package_search", {"fq": "metadata_modified:[yesterday TO *]"}, 409, "Search Query Error"),
        ("package_search", {"fq": "((("}, 409, "Search Query Error"),
        ("package_search", {"fq": "secret_field:1"}, 409, "Search Query Error"),
        ("package_search", {"sort": "password desc"}, 409, "Search Query Error"),
        ("package_show", {}, 409, "Validation Error"),
        ("package_show", {"id": "no-such-dataset"}, 404, "Not Found Error"),
        ("package_show", {"id": "x" * 10_000}, 404, "Not Found Error"),
        ("package_list", {"limit": "many"}, 409, "Validation Error"),
        ("organization_show", {"id": "another-municipality"}, 404, "Not Found Error"),
        ("organization_show", {}, 409, "Validation Error"),
        ("help_show", {"name": "nothing"}, 404, "Not Found Error"),
    ],
)
def test_bad_input_gets_ckan_error_json_never_500(demo_db, client, action, params, status, kind):
    response = client.get(API + action, params)
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert body["success"] is False
    assert body["error"]["__type"] == kind
    assert body["error"]["message"]
    assert "help" in body


def test_writing_is_not_offered(demo_db, client):
    response = client.post(API + "package_search", {"q": "x"})
    assert response.status_code == 405


def test_answers_follow_the_host_with_every_cache_on(extra_items, client, settings):
    settings.THGOV_PAGE_CACHE_ENABLED = True
    settings.THGOV_SITE_DATA_CACHE = True
    other = extra_items["other"]
    answers = {}
    for _round in range(2):  # the second round may be answered from the caches
        for host in ("localhost", other.hostname):
            response = client.get(API + "package_list", HTTP_HOST=host)
            assert response.status_code == 200
            assert "X-Thgov-Cache" not in response  # the page cache never stores an API answer
            answers.setdefault(host, []).append(response.json()["result"])
            response = client.get("/catalog.ttl", HTTP_HOST=host)
            answers.setdefault(f"ttl:{host}", []).append(response.content)
    for key, rounds in answers.items():
        assert rounds[0] == rounds[1], key
    assert not set(answers["localhost"][0]) & set(answers[other.hostname][0])
    assert other.hostname.encode() in answers[f"ttl:{other.hostname}"][0]
    assert b"m001.localhost" not in answers["ttl:localhost"][0]


def test_another_municipality_can_neither_see_nor_edit_the_dataset(extra_items, client):
    site, other = extra_items["site"], extra_items["other"]
    demo_page = Dataset.objects.filter(page__path__startswith=site.root_page.path).first().page
    outsider = role_people(other)[Role.WEBMASTER]
    client.force_login(outsider)
    response = client.get(f"/admin/pages/{demo_page.pk}/edit/")
    assert response.status_code in (302, 403, 404)
    settings_url = f"/admin/settings/wagtail_thgov/opendatasettings/{site.pk}/"
    response = client.get(settings_url)
    assert response.status_code in (302, 403, 404)
    response = client.post(settings_url, {"organisation_name": "taken-over"})
    assert response.status_code in (302, 403, 404)
    assert OpenDataSettings.for_site(site).organisation_name == "bansuandokmai"
    # Their own site's catalogue settings they may edit, and their own page's dataset panel they see.
    response = client.get(f"/admin/settings/wagtail_thgov/opendatasettings/{other.pk}/")
    assert response.status_code == 200
    response = client.get(f"/admin/pages/{extra_items['other_page'].pk}/edit/")
    assert response.status_code == 200
    assert b"thgov_datasets" in response.content


def _agency_page_data(**extra):
    data = {
        "title": "ข้อมูลสถิติประชากรในเขตเทศบาล",
        "slug": "population-statistics",
        "kind": "general",
        "body": streamfield([]),
        "source_text": "สำนักทะเบียนท้องถิ่น",
        "keywords": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
        **extra,
    }
    return nested_form_data(data)


def test_an_editor_adds_a_dataset_in_the_metadata_tab_and_it_waits_for_certification(demo_db, client):
    admin = get_user_model().objects.create_superuser("opendata-admin", "a@example.invalid", "x")
    client.force_login(admin)
    agency = AgencyIndexPage.objects.get(url_path__startswith=_demo_site().root_page.url_path)
    add_url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", agency.pk))
    form = {"data_type": "ข้อมูลสถิติ", "objective": "", "update_frequency_unit": "ปี", "ORDER": "1"}
    response = client.post(add_url, _agency_page_data(thgov_datasets=inline_formset([form])))
    assert response.status_code == 302, response.content[:2000]
    page = AgencyInfoPage.objects.get(slug="population-statistics")
    assert page.live
    (dataset,) = page.thgov_datasets.all()
    assert dataset.data_type == "ข้อมูลสถิติ" and dataset.update_frequency_unit == "ปี"
    # Live but not certified: not in the catalogue.
    names = client.get(API + "package_list").json()["result"]
    assert not any(name.endswith(f"-{page.pk}") for name in names)
    # A choice of "อื่นๆ" needs its text.
    other = {"data_type": "", "license_id": "อื่นๆ", "license_id_other": "", "ORDER": "1"}
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        _agency_page_data(
            thgov_datasets=inline_formset([{"id": dataset.pk, **form}, other], initial=1),
            **{"action-publish": ""},
        ),
    )
    assert response.status_code == 200 and "license_id_other" in response.content.decode()
    # A client that does not send the dataset formset at all changes no dataset.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), _agency_page_data(title="ชื่อใหม่")
    )
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    assert page.title == "ชื่อใหม่" and list(page.thgov_datasets.all()) == [dataset]
