"""Categories 1.2–1.5: laws, the knowledge base, related websites and the official information centre,
through the admin and the public site."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text, streamfield

from tests.test_pages_agency import (
    add_live_child,
    admin_add,
    admin_create,
    assert_constant_queries,
    assert_public_page,
    field_errors,
    json_ld_of,
    make_document,
    make_home,
    make_image,
    page_form,
)
from wagtail_thgov.pages.home import MunicipalityHomePage
from wagtail_thgov.pages.knowledge import (
    SOURCE_DATETIME_MISSING,
    SOURCE_MISSING,
    KnowledgeIndexPage,
    KnowledgeKind,
    KnowledgePage,
)
from wagtail_thgov.pages.law import (
    EFFECTIVE_BEFORE_ENACTED,
    SOURCE_REFERENCE_MISSING,
    SOURCE_URL_MISSING,
    LawIndexPage,
    LawKind,
    LawPage,
)
from wagtail_thgov.pages.links import RelatedLinksPage
from wagtail_thgov.pages.public_info import OIA_SECTIONS, PublicInfoIndexPage, PublicInfoPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return make_home()


@pytest.fixture
def law_index(home):
    return add_live_child(home, LawIndexPage(title="กฎหมาย ระเบียบ ข้อบังคับ", slug="laws"))


@pytest.fixture
def knowledge_index(home):
    return add_live_child(home, KnowledgeIndexPage(title="คลังความรู้", slug="knowledge"))


@pytest.fixture
def info_centre(home):
    return add_live_child(home, PublicInfoIndexPage(title="ศูนย์ข้อมูลข่าวสาร", slug="information-centre"))


# 1.2 Laws ---------------------------------------------------------------------------------------


def law_form(**fields):
    data = {
        "kind": "bylaw",
        "issuing_authority": "สภาเทศบาลตำบลทดสอบ",
        "source_reference": "ราชกิจจานุเบกษา เล่ม 141 ตอนพิเศษ 80 ง หน้า 25",
        "source_url": "https://ratchakitcha.example/2567/E/080/T_0025.PDF",
        "enacted_on": "2024-03-15",
        "effective_on": "2024-04-16",
        "document": "",
        "summary": rich_text("<p>ค่าธรรมเนียมเก็บขนมูลฝอย</p>"),
        **fields,
    }
    return page_form("เทศบัญญัติ เรื่อง การจัดการมูลฝอย พ.ศ. 2567", "waste-bylaw", **data)


def test_law_index_is_created_in_the_admin_and_shown(admin_client, client, home):
    page = admin_create(
        admin_client,
        home,
        LawIndexPage,
        page_form("กฎหมาย", "laws", intro=rich_text("<p>กฎหมายที่เกี่ยวข้อง</p>")),
    )
    assert_public_page(client, page, "กฎหมายที่เกี่ยวข้อง")


def test_law_is_created_in_the_admin_with_its_source_and_shown_as_legislation(
    admin_client, client, law_index
):
    document = make_document("ตัวบท", "bylaw.pdf")
    page = admin_create(admin_client, law_index, LawPage, law_form(document=document.pk))
    assert (page.kind, page.enacted_on, page.document_id) == ("bylaw", dt.date(2024, 3, 15), document.pk)

    html = assert_public_page(
        client,
        page,
        "ราชกิจจานุเบกษา เล่ม 141 ตอนพิเศษ 80 ง หน้า 25",
        'href="https://ratchakitcha.example/2567/E/080/T_0025.PDF"',
        "15 มีนาคม 2567",
        "สภาเทศบาลตำบลทดสอบ",
        document.url,
    )
    ld = json_ld_of(html)
    assert ld["@type"] == "Legislation"
    assert ld["datePublished"] == "2024-03-15"  # the enacted date is the document's date


def test_law_without_source_reference_or_link_is_refused_on_those_fields(admin_client, law_index):
    response = admin_add(admin_client, law_index, LawPage, law_form(source_reference="", source_url=""))
    assert field_errors(response, "source_reference") == [str(SOURCE_REFERENCE_MISSING)]
    assert field_errors(response, "source_url") == [str(SOURCE_URL_MISSING)]
    assert not LawPage.objects.exists()


def test_law_taking_effect_before_it_was_enacted_is_refused_on_the_effective_date(admin_client, law_index):
    response = admin_add(admin_client, law_index, LawPage, law_form(effective_on="2024-03-01"))
    assert field_errors(response, "effective_on") == [str(EFFECTIVE_BEFORE_ENACTED)]


def add_laws(law_index, count, start=0):
    kinds = list(LawKind)
    for number in range(start, start + count):
        law = LawPage(
            title=f"กฎหมาย {number}",
            slug=f"law-{number}",
            kind=kinds[number % len(kinds)],
            source_reference=f"อ้างอิง {number}",
            source_url="https://example.test/law",
            enacted_on=dt.date(2020, 1, 1) + dt.timedelta(days=number),
            document=make_document(f"ตัวบท {number}", f"law-{number}.pdf") if number % 2 else None,
        )
        law_index.add_child(instance=law)


def test_law_index_lists_laws_newest_first_in_constant_queries(
    client, law_index, django_assert_max_num_queries
):
    add_laws(law_index, 3)
    response = assert_constant_queries(
        client, law_index.url, lambda: add_laws(law_index, 27, start=3), django_assert_max_num_queries
    )
    html = response.content.decode()
    assert html.index("กฎหมาย 29") < html.index("กฎหมาย 28")


def test_law_index_filters_by_kind_and_keeps_the_filter_when_paging(client, law_index, monkeypatch):
    monkeypatch.setattr(LawIndexPage, "listing_per_page", 2)
    add_laws(law_index, 30)  # kinds in turn: 5 acts
    html = client.get(law_index.url, {"kind": "act"}).content.decode()
    assert "กฎหมาย 24<" in html
    assert "กฎหมาย 29<" not in html
    assert "?kind=act&amp;page=2" in html
    html = client.get(law_index.url, {"kind": "not-a-kind"}).content.decode()
    assert "?page=2" in html


# 1.3 Knowledge ----------------------------------------------------------------------------------


def knowledge_form(**fields):
    data = {
        "kind": "infographic",
        "source_datetime": "2025-05-02 10:00",
        "summary": "เก็บบ้าน เก็บขยะ เก็บน้ำ",
        "listing_image": "",
        "body": streamfield([("paragraph", rich_text("<p>ป้องกันยุงลาย</p>"))]),
        **fields,
    }
    return page_form("ป้องกันไข้เลือดออก", "dengue", **data)


def test_knowledge_item_is_created_in_the_admin_and_shown_as_an_article(
    admin_client, client, knowledge_index
):
    page = admin_create(admin_client, knowledge_index, KnowledgePage, knowledge_form())
    assert page.kind == KnowledgeKind.INFOGRAPHIC
    assert timezone.localtime(page.source_datetime).hour == 10
    html = assert_public_page(client, page, "ป้องกันยุงลาย", "สำนักปลัดเทศบาล", "2 พฤษภาคม 2568")
    assert json_ld_of(html)["@type"] == "Article"


def test_knowledge_item_without_source_or_source_date_is_refused_on_those_fields(
    admin_client, knowledge_index
):
    response = admin_add(
        admin_client, knowledge_index, KnowledgePage, knowledge_form(source_text="", source_datetime="")
    )
    assert field_errors(response, "source_text") == [str(SOURCE_MISSING)]
    assert field_errors(response, "source_datetime") == [str(SOURCE_DATETIME_MISSING)]
    assert not KnowledgePage.objects.exists()


def test_knowledge_index_is_created_in_the_admin_and_shown(admin_client, client, home):
    page = admin_create(
        admin_client,
        home,
        KnowledgeIndexPage,
        page_form("คลังความรู้", "knowledge", intro=rich_text("<p>ความรู้</p>")),
    )
    assert_public_page(client, page, "ความรู้")


def add_knowledge(knowledge_index, count, start=0):
    kinds = list(KnowledgeKind)
    for number in range(start, start + count):
        item = KnowledgePage(
            title=f"ความรู้ {number}",
            slug=f"item-{number}",
            kind=kinds[number % len(kinds)],
            source_text="กรมควบคุมโรค",
            source_datetime=timezone.now() - dt.timedelta(days=number),
            listing_image=make_image(f"ภาพ {number}"),
        )
        knowledge_index.add_child(instance=item)


def test_knowledge_index_shows_cards_with_images_in_constant_queries(
    client, knowledge_index, django_assert_max_num_queries
):
    add_knowledge(knowledge_index, 3)
    response = assert_constant_queries(
        client,
        knowledge_index.url,
        lambda: add_knowledge(knowledge_index, 27, start=3),
        django_assert_max_num_queries,
    )
    assert response.content.decode().count('class="thgov-card__image"') == KnowledgeIndexPage.listing_per_page


def test_knowledge_index_filters_by_kind(client, knowledge_index):
    add_knowledge(knowledge_index, 5)
    html = client.get(knowledge_index.url, {"kind": "statistics"}).content.decode()
    assert "ความรู้ 4<" in html
    assert "ความรู้ 0<" not in html


# 1.4 Related websites ---------------------------------------------------------------------------


def link(title, url):
    return {"page": "", "url": url, "title": title, "description": ""}


def links(*items):
    return {
        "count": str(len(items)),
        **{
            str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
            for index, item in enumerate(items)
        },
    }


def test_related_links_page_is_created_in_the_admin_with_link_groups(admin_client, client, home):
    data = page_form(
        "เว็บไซต์ที่เกี่ยวข้อง",
        "related-websites",
        intro=rich_text("<p>ลิงก์</p>"),
        link_groups=streamfield(
            [
                (
                    "group",
                    {
                        "heading": "หน่วยงานกรมส่งเสริมการปกครองท้องถิ่น",
                        "links": links(link("กรมส่งเสริมการปกครองท้องถิ่น", "https://www.dla.go.th/")),
                    },
                ),
                (
                    "group",
                    {"heading": "หน่วยงานราชการอื่น", "links": links(link("สขร.", "https://www.oic.go.th/"))},
                ),
            ]
        ),
    )
    page = admin_create(admin_client, home, RelatedLinksPage, data)
    assert [group.value["heading"] for group in page.link_groups] == [
        "หน่วยงานกรมส่งเสริมการปกครองท้องถิ่น",
        "หน่วยงานราชการอื่น",
    ]
    html = assert_public_page(client, page, 'href="https://www.dla.go.th/"', "หน่วยงานราชการอื่น")
    assert html.index("หน่วยงานกรมส่งเสริมการปกครองท้องถิ่น") < html.index("หน่วยงานราชการอื่น")


def test_related_link_without_title_is_refused(admin_client, home):
    data = page_form(
        "เว็บไซต์ที่เกี่ยวข้อง",
        "related-websites",
        intro=rich_text(""),
        link_groups=streamfield(
            [("group", {"heading": "อื่น ๆ", "links": links(link("", "https://www.dla.go.th/"))})]
        ),
    )
    response = admin_add(admin_client, home, RelatedLinksPage, data)
    assert response.status_code == 200
    assert "link_groups" in response.context["form"].errors


# 1.5 Official information centre ----------------------------------------------------------------


def test_official_information_item_is_created_in_the_admin_with_documents(admin_client, client, info_centre):
    document = make_document("สขร.1 ตุลาคม 2567", "procurement-2567-10.pdf")
    data = page_form(
        "สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2567",
        "procurement-2567-10",
        oia_section="s9_8",
        body=streamfield([("paragraph", rich_text("<p>สรุปผลประจำเดือน</p>"))]),
        documents=streamfield([("document", {"document": document.pk, "description": "แบบ สขร.1"})]),
    )
    page = admin_create(admin_client, info_centre, PublicInfoPage, data)
    assert page.oia_section == "s9_8"
    assert_public_page(
        client, page, "มาตรา 9 (8) ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด", "สรุปผลประจำเดือน", document.url
    )


def test_official_information_centre_is_created_in_the_admin(admin_client, client, home):
    page = admin_create(
        admin_client,
        home,
        PublicInfoIndexPage,
        page_form("ศูนย์ข้อมูลข่าวสาร", "information-centre", intro=rich_text("<p>ตรวจดูได้</p>")),
    )
    assert_public_page(client, page, "ตรวจดูได้")


def add_info(info_centre, sections):
    for number, code in enumerate(sections):
        info_centre.add_child(
            instance=PublicInfoPage(title=f"ข้อมูล {code} {number}", slug=f"info-{number}", oia_section=code)
        )


def test_official_information_centre_groups_items_by_section_in_the_acts_order(client, info_centre):
    add_info(info_centre, ["gws", "s9_8", "s7", "s9_3", "s7"])
    html = assert_public_page(client, info_centre)
    headings = ["มาตรา 7 ", "มาตรา 9 (3) ", "มาตรา 9 (8) ", "GWS 2.0 "]
    positions = [html.index(f">{heading}") for heading in headings]
    assert positions == sorted(positions)
    assert "มาตรา 9 (1) " not in html  # empty sections are left out
    assert html.index("ข้อมูล s7 2") < html.index("ข้อมูล s9_3 3") < html.index("ข้อมูล gws 0")


def test_official_information_centre_groups_in_constant_queries(
    client, info_centre, django_assert_max_num_queries
):
    codes = [section.code for section in OIA_SECTIONS]
    add_info(info_centre, codes[:3])

    def add_more():
        for number in range(3, 30):
            code = codes[number % len(codes)]
            info_centre.add_child(
                instance=PublicInfoPage(
                    title=f"ข้อมูล {code} {number}", slug=f"info-{number}", oia_section=code
                )
            )

    assert_constant_queries(client, info_centre.url, add_more, django_assert_max_num_queries)


def test_oia_sections_use_the_acts_thai_wording():
    names = {section.code: section.label_th for section in OIA_SECTIONS}
    assert names["s9_3"] == "มาตรา 9 (3) แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่กำลังดำเนินการ"
    assert names["s9_5"] == "มาตรา 9 (5) สิ่งพิมพ์ที่ได้มีการอ้างอิงถึงตามมาตรา 7 วรรคสอง"
    assert list(names) == ["s7", *(f"s9_{number}" for number in range(1, 9)), "gws"]


# Structure of the tree --------------------------------------------------------------------------


def test_law_knowledge_links_public_info_allowed_parent_and_subpage_types():
    for index_model, page_model in [
        (LawIndexPage, LawPage),
        (KnowledgeIndexPage, KnowledgePage),
        (PublicInfoIndexPage, PublicInfoPage),
    ]:
        assert index_model.allowed_parent_page_models() == [MunicipalityHomePage]
        assert index_model.allowed_subpage_models() == [page_model]
        assert page_model.allowed_parent_page_models() == [index_model]
        assert page_model.allowed_subpage_models() == []
        assert page_model.thgov_checklist_items == ()
    assert RelatedLinksPage.allowed_parent_page_models() == [MunicipalityHomePage]
    assert RelatedLinksPage.allowed_subpage_models() == []
    assert [model.thgov_category for model in (LawPage, KnowledgePage, RelatedLinksPage, PublicInfoPage)] == [
        "1.2",
        "1.3",
        "1.4",
        "1.5",
    ]
