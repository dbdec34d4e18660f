"""The public ITA/OIT index page: created through the admin, lists every o-item with links to its
live evidence, stays current, and renders in a number of queries that does not grow with the site."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.compliance_support import compliance_site, publish
from tests.factories import PASSWORD, make_user
from wagtail_thgov.compliance.models import ChecklistItem, Standard
from wagtail_thgov.compliance.pages import ItaIndexPage
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage, OrganisationStructurePage
from wagtail_thgov.pages.home import MunicipalityHomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return compliance_site(certification=False)


@pytest.fixture
def admin(client):
    make_user("admin", superuser=True)
    client.login(username="admin", password=PASSWORD)
    return client


def ita_form(**extra):
    data = {
        "title": "การเปิดเผยข้อมูลสาธารณะ (OIT)",
        "slug": "ita",
        "standard": "",
        "intro": rich_text("<p>ข้อมูลตามแบบ OIT</p>"),
        "source_text": "สำนักปลัดเทศบาล",
        "keywords": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "itaindexpage", parent.pk))


def test_ita_index_page_is_created_in_the_admin_and_lists_every_o_item(site, admin, client):
    agency = publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")
    publish(agency, OrganisationStructurePage, "structure", title="โครงสร้างองค์กร")
    ita = Standard.objects.get(code="ita_oit", edition="2568")
    response = admin.post(add_url(site.root_page), {**ita_form(standard=ita.pk), "action-publish": "publish"})
    assert response.status_code == 302, response.content[:3000]
    page = ItaIndexPage.objects.get(slug="ita")
    assert page.live and page.standard == ita

    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "thgov-metadata" in html and "application/ld+json" in html
    for number in range(1, 27):
        assert f'id="ita-o{number}"' in html
    assert 'href="http://localhost/agency/structure/"' in html


def test_empty_year_shows_the_newest_ita_list(site):
    page = publish(site.root_page, ItaIndexPage, "ita", title="ITA")
    assert page.shown_standard() == Standard.objects.get(code="ita_oit", edition="2568")


def test_a_standard_that_is_not_an_ita_list_is_refused_on_its_field(site, admin):
    gws = Standard.objects.get(code="gws")
    response = admin.post(add_url(site.root_page), {**ita_form(standard=gws.pk), "action-publish": "publish"})
    assert response.status_code == 200
    assert "standard" in response.context["form"].errors
    assert not ItaIndexPage.objects.exists()


def test_the_index_follows_what_is_published(site, client):
    agency = publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")
    structure = publish(agency, OrganisationStructurePage, "structure", title="โครงสร้างองค์กร")
    page = publish(site.root_page, ItaIndexPage, "ita", title="ITA")
    assert "/agency/structure/" in client.get(page.url).content.decode()
    structure.unpublish()
    assert "/agency/structure/" not in client.get(page.url).content.decode()


def test_only_live_public_met_evidence_is_linked(site, client):
    agency = publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")
    draft = OrganisationStructurePage(title="ร่างโครงสร้าง", slug="draft-structure", live=False)
    agency.add_child(instance=draft)
    page = publish(site.root_page, ItaIndexPage, "ita", title="ITA")
    assert "draft-structure" not in client.get(page.url).content.decode()


def test_ita_index_allowed_parent_and_subpage_types():
    assert ItaIndexPage.allowed_parent_page_models() == [MunicipalityHomePage]
    assert ItaIndexPage.allowed_subpage_models() == []
    assert ItaIndexPage.thgov_category == "1.5"


@pytest.mark.parametrize("count", [3, 30])
def test_rendering_the_index_runs_the_same_number_of_queries_for_3_and_30_evidence_pages(
    site, client, count, django_assert_max_num_queries
):
    agency = publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")
    o4 = ChecklistItem.objects.get(standard__code="ita_oit", standard__edition="2568", code="O4")
    for n in range(count):
        evidence = publish(agency, AgencyInfoPage, f"info-{n}", kind="general", title=f"ข่าว {n}")
        evidence.checklist_items = [o4]
        evidence.save_revision().publish()
    page = publish(site.root_page, ItaIndexPage, "ita", title="ITA")
    client.get(page.url)  # warm the site-root-paths cache
    with django_assert_max_num_queries(60):
        response = client.get(page.url)
    assert response.status_code == 200
    assert response.content.decode().count("/agency/info-") == min(count, 10)
