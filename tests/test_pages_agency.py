"""Category 1.1 page types (agency section, information, structure, directory, plans, contact), the
per-site Person snippet and the demo of categories 1.1–1.5, through the admin and the public site."""

import io
import json
import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import get_supported_language_variant
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from thgov_demo.files import pdf_bytes, png_bytes
from wagtail_thgov.pages.agency import (
    DOCUMENT_MISSING,
    FISCAL_YEAR_MISSING,
    AgencyIndexPage,
    AgencyInfoPage,
    ContactPage,
    OrganisationStructurePage,
    PersonnelDirectoryPage,
    PlanDocumentPage,
    PlanKind,
)
from wagtail_thgov.pages.home import MunicipalityHomePage
from wagtail_thgov.people.models import Person, Side
from wagtail_thgov.site_settings.models import MunicipalitySettings

pytestmark = pytest.mark.django_db


# Real objects, built through the ORM -------------------------------------------------------------


def make_home(hostname="localhost", is_default=True, title="เทศบาลตำบลทดสอบ"):
    """A municipality home page as the root of a site (the default site unless told otherwise)."""
    Locale.objects.get_or_create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    home = root.add_child(
        instance=MunicipalityHomePage(title=title, slug=f"home-{hostname.replace('.', '-')}")
    )
    site = Site.objects.filter(is_default_site=True).first() if is_default else None
    if site is None:
        Site.objects.create(
            hostname=hostname, port=80, root_page=home, is_default_site=is_default, site_name=title
        )
    else:
        site.root_page, site.hostname, site.site_name = home, hostname, title
        site.save()
    return home


def add_live_child(parent, page):
    """``page`` as a live, published child of ``parent``."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_document(title="เอกสารทดสอบ", filename="test.pdf"):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(pdf_bytes(title, ["test"])), save=False)
    document.save()
    return document


def make_image(title="รูปทดสอบ"):
    image = get_image_model()(title=title)
    image.file.save(
        "photo.png", ImageFile(io.BytesIO(png_bytes(size=(60, 75))), name="photo.png"), save=False
    )
    image.save()
    return image


def make_person(site, name, side=Side.PERMANENT, unit="กองคลัง", photo=None, order=0):
    return Person.objects.create(
        site=site,
        name=name,
        position="นักวิชาการเงินและบัญชี",
        unit=unit,
        side=side,
        photo=photo,
        phone="0 9999 0000 ต่อ 130",
        email="finance@example.test",
        sort_order=order,
    )


@pytest.fixture
def home():
    return make_home()


@pytest.fixture
def site(home):
    return Site.objects.get(root_page=home)


@pytest.fixture
def agency_index(home):
    return add_live_child(home, AgencyIndexPage(title="ข้อมูลหน่วยงาน", slug="agency"))


# Admin and public-page helpers, shared with tests/test_pages_law_knowledge.py ------------------


def page_form(title, slug, **fields):
    """Admin add-form data: the page's own fields plus the metadata tab, published."""
    data = {
        "title": title,
        "slug": slug,
        "source_text": "สำนักปลัดเทศบาล",
        "data_period_start": "2024-10-01",
        "data_period_end": "2025-09-30",
        "keywords": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def admin_add(client, parent, model, data):
    """POST the admin add view of ``model`` under ``parent``; the response."""
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
    return client.post(url, data)


def admin_create(client, parent, model, data):
    """Create and publish a page through the admin; the created page."""
    response = admin_add(client, parent, model, data)
    assert response.status_code == 302, form_errors(response)
    page = model.objects.get(slug=data["slug"])
    assert page.live
    assert page.get_parent().pk == parent.pk
    return page


def form_errors(response):
    """The form's field errors of an admin response, to read in a failing assertion."""
    form = response.context["form"] if response.context else None
    return dict(form.errors) if form is not None else response.content[:1000]


def field_errors(response, field):
    """The messages shown on one field of the admin form."""
    assert response.status_code == 200, "the admin accepted the page"
    return [str(message) for message in response.context["form"].errors.get(field, [])]


def assert_public_page(client, page, *texts):
    """The live page renders with its metadata box and JSON-LD; returns the HTML."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "thgov-metadata" in html
    assert "application/ld+json" in html
    for text in texts:
        assert text in html
    return html


def json_ld_of(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def queries_to_render(client, url):
    """Queries of a warm render (site root paths and image renditions already cached or stored)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def assert_constant_queries(client, url, add_more, django_assert_max_num_queries):
    """Rendering ``url`` takes no more queries after ``add_more()`` (3 → 30 items) than before."""
    bound = queries_to_render(client, url)
    add_more()
    client.get(url)  # warm the new items' renditions
    with django_assert_max_num_queries(bound):
        response = client.get(url)
    assert response.status_code == 200
    return response


# Agency section ---------------------------------------------------------------------------------


def test_agency_index_is_created_in_the_admin_and_shown(admin_client, client, home):
    page = admin_create(
        admin_client,
        home,
        AgencyIndexPage,
        page_form("ข้อมูลหน่วยงาน", "agency", intro=rich_text("<p>ข้อมูลพื้นฐานของเทศบาล</p>")),
    )
    html = assert_public_page(client, page, "ข้อมูลพื้นฐานของเทศบาล", "Plans, budgets and reports")
    assert json_ld_of(html)["@type"] == "CollectionPage"


def test_agency_info_page_is_created_in_the_admin_with_sections(admin_client, client, agency_index):
    data = page_form(
        "ประวัติความเป็นมา",
        "history",
        kind="history",
        body=streamfield(
            [("heading", "ความเป็นมา"), ("paragraph", rich_text("<p>ยกฐานะเป็นเทศบาลเมื่อ พ.ศ. 2550</p>"))]
        ),
    )
    page = admin_create(admin_client, agency_index, AgencyInfoPage, data)
    assert page.kind == "history"
    html = assert_public_page(client, page, "ความเป็นมา", "ยกฐานะเป็นเทศบาลเมื่อ พ.ศ. 2550")
    assert json_ld_of(html)["@type"] == "AboutPage"


def test_organisation_structure_groups_its_sites_people_by_side_and_office(
    admin_client, client, site, agency_index
):
    make_person(site, "นายปลัด ตัวอย่าง", unit="สำนักปลัดเทศบาล", order=10)
    make_person(site, "นายนายก ตัวอย่าง", side=Side.POLITICAL, unit="คณะผู้บริหาร", order=20)
    other_home = make_home("other.example.test", is_default=False, title="เทศบาลอื่น")
    make_person(Site.objects.get(root_page=other_home), "นางคนอื่น ต่างเทศบาล")
    data = page_form(
        "โครงสร้างองค์กร",
        "structure",
        intro=rich_text("<p>ฝ่ายการเมืองและฝ่ายประจำ</p>"),
        chart=streamfield([]),
    )
    page = admin_create(admin_client, agency_index, OrganisationStructurePage, data)

    html = assert_public_page(client, page, "นายปลัด ตัวอย่าง", "นายนายก ตัวอย่าง", "สำนักปลัดเทศบาล")
    assert "นางคนอื่น ต่างเทศบาล" not in html
    # The political side comes first even though its person sorts later.
    assert html.index("Political side") < html.index("Permanent side")
    assert html.index("นายนายก ตัวอย่าง") < html.index("นายปลัด ตัวอย่าง")


def test_organisation_structure_chart_needs_alt_text(admin_client, agency_index):
    chart = make_image("แผนภูมิ")
    data = page_form(
        "โครงสร้างองค์กร",
        "structure",
        intro=rich_text(""),
        chart=streamfield([("image", {"image": chart.pk, "alt_text": "", "caption": "", "credit": ""})]),
    )
    response = admin_add(admin_client, agency_index, OrganisationStructurePage, data)
    assert response.status_code == 200
    assert not OrganisationStructurePage.objects.exists()
    assert "chart" in response.context["form"].errors


def test_personnel_directory_lists_only_its_own_sites_people(admin_client, client, site, agency_index):
    make_person(site, "นางสาวบุคลากร หนึ่ง", photo=make_image())
    make_person(site, "นายผู้บริหาร สอง", side=Side.POLITICAL, unit="คณะผู้บริหาร")
    other_home = make_home("other.example.test", is_default=False, title="เทศบาลอื่น")
    make_person(Site.objects.get(root_page=other_home), "นางคนอื่น ต่างเทศบาล")

    page = admin_create(
        admin_client,
        agency_index,
        PersonnelDirectoryPage,
        page_form("ทำเนียบบุคลากร", "directory", intro=rich_text("<p>รายชื่อ</p>"), side=""),
    )
    html = assert_public_page(client, page, "นางสาวบุคลากร หนึ่ง", "นายผู้บริหาร สอง", 'href="tel:099990000"')
    assert "นางคนอื่น ต่างเทศบาล" not in html
    assert "mailto:finance@example.test" in html


def test_personnel_directory_of_one_side_shows_only_that_side(client, site, agency_index):
    make_person(site, "นางสาวบุคลากร หนึ่ง")
    make_person(site, "นายผู้บริหาร สอง", side=Side.POLITICAL, unit="คณะผู้บริหาร")
    page = add_live_child(
        agency_index, PersonnelDirectoryPage(title="คณะผู้บริหาร", slug="executives", side=Side.POLITICAL)
    )
    html = assert_public_page(client, page, "นายผู้บริหาร สอง")
    assert "นางสาวบุคลากร หนึ่ง" not in html


def test_personnel_directory_queries_do_not_grow_with_people(
    client, site, agency_index, django_assert_max_num_queries
):
    page = add_live_child(agency_index, PersonnelDirectoryPage(title="ทำเนียบบุคลากร", slug="directory"))
    for number in range(3):
        make_person(site, f"บุคลากร {number}", photo=make_image(), order=number)

    def add_more():
        for number in range(3, 30):
            make_person(site, f"บุคลากร {number}", photo=make_image(), unit=f"กอง {number % 4}", order=number)

    response = assert_constant_queries(client, page.url, add_more, django_assert_max_num_queries)
    assert response.content.decode().count('class="thgov-directory__photo"') == 30


def test_structure_page_queries_do_not_grow_with_people(
    client, site, agency_index, django_assert_max_num_queries
):
    page = add_live_child(agency_index, OrganisationStructurePage(title="โครงสร้าง", slug="structure"))
    for number in range(3):
        make_person(site, f"บุคลากร {number}", photo=make_image(), order=number)

    def add_more():
        for number in range(3, 30):
            make_person(site, f"บุคลากร {number}", photo=make_image(), unit=f"กอง {number % 4}", order=number)

    assert_constant_queries(client, page.url, add_more, django_assert_max_num_queries)


def test_person_snippet_is_created_in_the_admin_for_a_site(admin_client, site):
    response = admin_client.post(
        reverse("wagtailsnippets_wagtail_thgov_person:add"),
        {
            "site": site.pk,
            "name": "นายสมมุติ ใจดีตัวอย่าง",
            "position": "นายกเทศมนตรี",
            "side": Side.POLITICAL,
            "unit": "คณะผู้บริหาร",
            "phone": "",
            "email": "",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.site, person.side, str(person)) == (site, "political", "นายสมมุติ ใจดีตัวอย่าง (นายกเทศมนตรี)")


# Plans and reports ------------------------------------------------------------------------------


def plan_form(document=None, fiscal_year="2568", **extra):
    fields = {
        "kind": "budget",
        "document": document.pk if document else "",
        "approved_on": "2024-09-10",
        "summary": rich_text("<p>งบประมาณรายจ่ายทั้งสิ้น 45 ล้านบาท</p>"),
        "extra_documents": streamfield([]),
        "fiscal_year": fiscal_year,
        **extra,
    }
    return page_form("เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568", "budget-2568", **fields)


def test_plan_document_is_created_in_the_admin_with_its_file(admin_client, client, agency_index):
    document = make_document("เทศบัญญัติงบประมาณ 2568", "budget-2568.pdf")
    annex = make_document("ตารางงบประมาณ", "annex.pdf")
    data = plan_form(
        document,
        extra_documents=streamfield([("document", {"document": annex.pk, "description": "ภาคผนวก"})]),
    )
    page = admin_create(admin_client, agency_index, PlanDocumentPage, data)
    assert (page.kind, page.fiscal_year, page.document_id) == ("budget", 2568, document.pk)

    html = assert_public_page(client, page, "ปีงบประมาณ พ.ศ. 2568", document.url, "ตารางงบประมาณ", "PDF · ")
    ld = json_ld_of(html)
    assert ld["@type"] == "DigitalDocument"
    assert ld["datePublished"] == "2024-09-10"
    assert {item["name"] for item in ld["encoding"]} == {document.title, annex.title}


def test_plan_document_refuses_a_missing_fiscal_year_and_document_on_their_fields(admin_client, agency_index):
    response = admin_add(
        admin_client, agency_index, PlanDocumentPage, plan_form(document=None, fiscal_year="")
    )
    assert field_errors(response, "fiscal_year") == [str(FISCAL_YEAR_MISSING)]
    assert field_errors(response, "document") == [str(DOCUMENT_MISSING)]
    assert not PlanDocumentPage.objects.exists()


def test_plan_document_requires_fiscal_year_and_files_metadata():
    assert {"fiscal_year", "files"} <= set(PlanDocumentPage.thgov_required_metadata)


def add_plans(agency_index, count, start=0):
    document = make_document()
    kinds = list(PlanKind)
    for number in range(start, start + count):
        plan = PlanDocumentPage(
            title=f"แผน {number}",
            slug=f"plan-{number}",
            kind=kinds[number % len(kinds)],
            fiscal_year=2560 + number % 9,
            document=document,
        )
        # Live without a revision: quicker, and the listing needs no more.
        agency_index.add_child(instance=plan)


def test_agency_index_lists_plans_in_constant_queries(client, agency_index, django_assert_max_num_queries):
    add_live_child(agency_index, AgencyInfoPage(title="ประวัติ", slug="history", kind="history"))
    add_plans(agency_index, 3)
    response = assert_constant_queries(
        client, agency_index.url, lambda: add_plans(agency_index, 27, start=3), django_assert_max_num_queries
    )
    html = response.content.decode()
    assert "ประวัติ" in html
    assert html.count('<th scope="row">') == AgencyIndexPage.listing_per_page


def test_agency_index_filters_plans_by_kind_and_fiscal_year(client, agency_index):
    document = make_document()
    for slug, kind, year in [("a", "budget", 2568), ("b", "budget", 2567), ("c", "action_plan", 2568)]:
        add_live_child(
            agency_index,
            PlanDocumentPage(title=f"แผน-{slug}", slug=slug, kind=kind, fiscal_year=year, document=document),
        )
    html = client.get(agency_index.url, {"kind": "budget", "year": "2568"}).content.decode()
    assert "แผน-a" in html
    assert "แผน-b" not in html
    assert "แผน-c" not in html


# Contact ----------------------------------------------------------------------------------------


def test_contact_page_shows_the_municipality_contact_card(admin_client, client, site, agency_index):
    settings_row = MunicipalitySettings.for_site(site)
    settings_row.name_th = "เทศบาลตำบลทดสอบ"
    settings_row.phone = "0 5312 3456"
    settings_row.email = "saraban@example.test"
    settings_row.save()
    data = page_form(
        "ติดต่อเรา",
        "contact",
        intro=rich_text("<p>ติดต่อได้ในวันเวลาราชการ</p>"),
        map_link="https://maps.example.test/office",
        offices=streamfield(
            [
                (
                    "contact",
                    {
                        "heading": "ศูนย์บริการสาธารณสุข",
                        "address": "",
                        "phone": "0 5312 9999",
                        "fax": "",
                        "email": "",
                        "office_hours": "",
                        "map_link": "",
                    },
                )
            ]
        ),
    )
    page = admin_create(admin_client, agency_index, ContactPage, data)
    html = assert_public_page(
        client,
        page,
        'id="contact-page-office"',
        "saraban@example.test",
        "ติดต่อได้ในวันเวลาราชการ",
        "https://maps.example.test/office",
        "ศูนย์บริการสาธารณสุข",
    )
    assert json_ld_of(html)["@type"] == "ContactPage"


# Structure of the tree --------------------------------------------------------------------------


def test_agency_allowed_parent_and_subpage_types():
    assert AgencyIndexPage.allowed_parent_page_models() == [MunicipalityHomePage]
    assert set(AgencyIndexPage.allowed_subpage_models()) == {
        AgencyInfoPage,
        OrganisationStructurePage,
        PersonnelDirectoryPage,
        PlanDocumentPage,
        ContactPage,
    }
    for model in (AgencyInfoPage, OrganisationStructurePage, PersonnelDirectoryPage, PlanDocumentPage):
        assert model.allowed_parent_page_models() == [AgencyIndexPage]
        assert model.allowed_subpage_models() == []
    assert set(ContactPage.allowed_parent_page_models()) == {AgencyIndexPage, MunicipalityHomePage}
    for model in (AgencyIndexPage, AgencyInfoPage, PlanDocumentPage, ContactPage):
        assert model.thgov_category == "1.1"
        assert model.thgov_checklist_items == ()


# Demo -------------------------------------------------------------------------------------------


def test_demo_builds_categories_1_1_to_1_5_and_every_page_renders(client, demo_db):
    from wagtail_thgov.metadata.completeness import missing_metadata
    from wagtail_thgov.pages.knowledge import KnowledgePage
    from wagtail_thgov.pages.law import LawPage
    from wagtail_thgov.pages.links import RelatedLinksPage
    from wagtail_thgov.pages.public_info import PublicInfoIndexPage, PublicInfoPage

    models = [
        AgencyIndexPage,
        AgencyInfoPage,
        OrganisationStructurePage,
        PersonnelDirectoryPage,
        PlanDocumentPage,
        ContactPage,
        LawPage,
        KnowledgePage,
        RelatedLinksPage,
        PublicInfoIndexPage,
        PublicInfoPage,
    ]
    for model in models:
        pages = model.objects.live()
        assert pages.exists(), model.__name__
        for page in pages:
            assert missing_metadata(page) == [], (page.title, missing_metadata(page))
            assert_public_page(client, page)
    assert Person.objects.filter(site__is_default_site=True, photo__isnull=False).count() >= 5
    assert all(plan.document_label.startswith("PDF") for plan in PlanDocumentPage.objects.all())


def test_every_page_type_opens_in_the_admin_add_form(admin_client, home, agency_index):
    from wagtail_thgov.pages.knowledge import KnowledgeIndexPage, KnowledgePage
    from wagtail_thgov.pages.law import LawIndexPage, LawPage
    from wagtail_thgov.pages.links import RelatedLinksPage
    from wagtail_thgov.pages.public_info import PublicInfoIndexPage, PublicInfoPage

    law_index = add_live_child(home, LawIndexPage(title="กฎหมาย", slug="laws"))
    knowledge_index = add_live_child(home, KnowledgeIndexPage(title="คลังความรู้", slug="knowledge"))
    info_centre = add_live_child(home, PublicInfoIndexPage(title="ศูนย์ข้อมูลข่าวสาร", slug="info"))
    cases = [
        (home, LawIndexPage),
        (home, KnowledgeIndexPage),
        (home, RelatedLinksPage),
        (home, ContactPage),
        (agency_index, AgencyInfoPage),
        (agency_index, OrganisationStructurePage),
        (agency_index, PersonnelDirectoryPage),
        (agency_index, PlanDocumentPage),
        (law_index, LawPage),
        (knowledge_index, KnowledgePage),
        (info_centre, PublicInfoPage),
    ]
    for parent, model in cases:
        url = reverse(
            "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
        )
        response = admin_client.get(url)
        assert response.status_code == 200, model.__name__
    # One agency section and one information centre per site: the home page offers no second one.
    for model in (AgencyIndexPage, PublicInfoIndexPage):
        assert not model.can_create_at(home)
