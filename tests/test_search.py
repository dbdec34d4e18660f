"""Thai site search (wagtail_thgov.search): segmentation, recall on a Thai corpus, and the /search/ page.

Runs on whichever database the suite uses (SQLite, or PostgreSQL in the second pass of ``make test``).
"""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Page

from tests.factories import make_site
from tests.search_corpus import QUERIES, TITLES
from wagtail_thgov.core.thai.words import encode, index_terms, query_text, query_words, subwords
from wagtail_thgov.metadata.models import InformationSource
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.search.engine import search_documents, search_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return make_site()


@pytest.fixture
def news_index(site):
    index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))
    index.save_revision().publish()
    return index


def add_news(parent, title, number, **fields):
    fields.setdefault("news_date", dt.date(2025, 1, 1))
    return parent.add_child(instance=NewsPage(title=title, slug=f"news-{number}", live=True, **fields))


# --- Segmentation ---------------------------------------------------------------------------------------


def test_thai_words_are_segmented_and_compounds_give_their_parts():
    terms = index_terms("แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568 e-GP")
    for word in ("แผนการ", "จัดซื้อจัดจ้าง", "จัดซื้อ", "จัดจ้าง", "ซื้อ", "จ้าง", "งบประมาณ", "2568", "e-gp"):
        assert word in terms
    assert subwords("จัดซื้อจัดจ้าง")[:2] == ("จัดซื้อ", "จัด")
    # A word that is not wholly made of dictionary words brings no fragments.
    assert subwords("ประกาศ") == ()


def test_query_is_encoded_as_whole_ascii_tokens():
    assert query_words("คู่มือ ประชาชน คู่มือ") == ["คู่มือ", "ประชาชน"]
    encoded = encode("คู่มือ")
    assert encoded.startswith("th") and encoded.isalnum() and encoded.isascii()
    assert query_text("ITA 2568 คู่มือ") == f"ita 2568 {encoded}"
    assert query_text("   ") == ""


# --- Recall on the corpus --------------------------------------------------------------------------------


def recall(search, queries):
    found = sum(1 for query, expected in queries if expected in search(query)[:10])
    return found / len(queries)


def test_recall_on_thai_corpus_beats_wagtail_default(site, news_index):
    assert len(TITLES) >= 200 and len(QUERIES) >= 50
    for number, title in enumerate(TITLES):
        add_news(news_index, title, number)

    def thgov(query):
        return [hit.page.title for hit in search_pages(query, site)]

    def default(query):
        return [page.title for page in Page.objects.live().search(query)[:10]]

    thgov_recall, default_recall = recall(thgov, QUERIES), recall(default, QUERIES)
    print(f"recall@10 thgov={thgov_recall:.3f} wagtail-default={default_recall:.3f}")
    assert thgov_recall >= 0.95
    assert thgov_recall > default_recall


def test_title_hits_come_first(site, news_index):
    add_news(news_index, "ข่าวกิจกรรมประจำเดือน", 1, summary="", search_description="มีเรื่องภาษีป้ายด้วย")
    add_news(news_index, "ประกาศ เรื่อง ภาษีป้าย ประจำปี 2568", 2)
    titles = [hit.page.title for hit in search_pages("ภาษีป้าย", site)]
    assert titles == ["ประกาศ เรื่อง ภาษีป้าย ประจำปี 2568", "ข่าวกิจกรรมประจำเดือน"]


def test_metadata_source_and_keywords_are_searchable(site, news_index):
    source = InformationSource.objects.create(site=site, name="กองสาธารณสุขและสิ่งแวดล้อม")
    page = add_news(news_index, "ข่าวประจำสัปดาห์", 1, source_organisation=source)
    page.keywords.add("น้ำท่วมขัง")
    page.save()
    page.save_revision().publish()  # as the admin does: the tags are in the database when it indexes
    assert [hit.page.pk for hit in search_pages("สิ่งแวดล้อม", site)] == [page.pk]
    assert [hit.page.pk for hit in search_pages("น้ำท่วม", site)] == [page.pk]


def test_results_only_from_the_requests_site(site, news_index):
    add_news(news_index, "ประกาศรับสมัครพนักงานจ้าง", 1)
    other = make_site(hostname="other.example.test", title="อบต.อื่น", is_default=False)
    other_index = other.root_page.add_child(instance=NewsIndexPage(title="ข่าว", slug="news"))
    add_news(other_index, "ประกาศรับสมัครพนักงานจ้าง อบต.อื่น", 2)
    assert [hit.page.title for hit in search_pages("พนักงานจ้าง", site)] == ["ประกาศรับสมัครพนักงานจ้าง"]
    assert [hit.page.title for hit in search_pages("พนักงานจ้าง", other)] == ["ประกาศรับสมัครพนักงานจ้าง อบต.อื่น"]


def test_unpublished_pages_are_not_found(site, news_index):
    page = add_news(news_index, "ประกาศเรื่องลับ", 1)
    page.unpublish()
    assert search_pages("ประกาศเรื่องลับ", site) == []


# --- The search page -------------------------------------------------------------------------------------


def test_search_page_lists_ranked_results_with_category_and_be_date(client, site, news_index):
    add_news(news_index, "แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568", 1, fiscal_year=2568)
    add_news(news_index, "สรุปผลการจัดซื้อจัดจ้างประจำเดือนมีนาคม", 2, fiscal_year=2567)
    response = client.get("/search/", {"query": "จัดซื้อ"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<ol class="thgov-search__results"' in html
    assert 'role="status"' in html and 'for="thgov-search-query"' in html
    assert "แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ" in html and "สรุปผลการจัดซื้อจัดจ้าง" in html
    assert "1.8" in html  # the result's category
    assert "2568" in html  # B.E. year in the date / fiscal year
    assert Query.get("จัดซื้อ").hits == 1


def test_search_page_filters_by_fiscal_year_and_category(client, site, news_index):
    add_news(news_index, "แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568", 1, fiscal_year=2568)
    add_news(news_index, "สรุปผลการจัดซื้อจัดจ้างประจำเดือนมีนาคม", 2, fiscal_year=2567)
    html = client.get("/search/", {"query": "จัดซื้อ", "year": "2567"}).content.decode()
    assert "สรุปผลการจัดซื้อจัดจ้าง" in html and "แผนการจัดซื้อจัดจ้าง" not in html
    html = client.get("/search/", {"query": "จัดซื้อ", "category": "1.8"}).content.decode()
    assert "สรุปผลการจัดซื้อจัดจ้าง" in html
    html = client.get("/search/", {"query": "จัดซื้อ", "category": "1.1"}).content.decode()
    assert "สรุปผลการจัดซื้อจัดจ้าง" not in html and "thgov-search__help" in html


def test_search_page_paginates(client, site, news_index):
    for number in range(13):
        add_news(news_index, f"ประกาศรับสมัครพนักงานจ้าง รอบที่ {number + 1}", number)
    first = client.get("/search/", {"query": "พนักงานจ้าง"}).content.decode()
    second = client.get("/search/", {"query": "พนักงานจ้าง", "page": "2"}).content.decode()
    assert first.count('class="thgov-search__result"') == 10
    assert second.count('class="thgov-search__result"') == 3
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert client.get("/search/", {"query": "พนักงานจ้าง", "page": "x"}).status_code == 200


def test_search_page_without_results_helps(client, site, news_index):
    html = client.get("/search/", {"query": "ไม่มีคำนี้แน่นอน"}).content.decode()
    assert "thgov-search__help" in html
    assert client.get("/search/").status_code == 200


def test_search_promotions_come_first(client, site, news_index):
    promoted = add_news(news_index, "ช่องทางการชำระภาษีออนไลน์", 1)
    add_news(news_index, "ประกาศ เรื่อง การชำระภาษีที่ดิน", 2)
    SearchPromotion.objects.create(query=Query.get("ภาษี"), page=promoted, description="ชำระภาษีได้ที่นี่")
    html = client.get("/search/", {"query": "ภาษี"}).content.decode()
    assert html.index("thgov-search__promotions") < html.index("ประกาศ เรื่อง การชำระภาษีที่ดิน")
    assert html.count("ช่องทางการชำระภาษีออนไลน์") == 1  # not repeated among the results


def make_document(title, name="form.pdf"):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(name, ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    return document


def link_document(parent, document, number, title="แบบฟอร์มสำหรับประชาชน"):
    body = [("paragraph", f'<p>ดาวน์โหลด <a linktype="document" id="{document.pk}">แบบฟอร์ม</a></p>')]
    return add_news(parent, title, number, body=body)


def test_search_page_lists_documents_with_type_and_size(client, site, news_index):
    document = make_document("แบบคำร้องขออนุญาตก่อสร้างอาคาร (ข.1)")
    link_document(news_index, document, 1)
    html = client.get("/search/", {"query": "ขออนุญาตก่อสร้าง"}).content.decode()
    assert "แบบคำร้องขออนุญาตก่อสร้างอาคาร" in html
    assert '<span class="thgov-search__file">(PDF, 13' in html


def test_documents_are_found_only_through_the_sites_live_pages(site, news_index):
    ours = make_document("แบบคำร้องขอรับเบี้ยยังชีพผู้สูงอายุ")
    link_document(news_index, ours, 1)
    theirs = make_document("แบบคำร้องขอรับเบี้ยยังชีพ อบต.อื่น")
    other = make_site(hostname="other.example.test", title="อบต.อื่น", is_default=False)
    other_index = other.root_page.add_child(instance=NewsIndexPage(title="ข่าว", slug="news"))
    link_document(other_index, theirs, 2)
    draft_only = make_document("แบบคำร้องขอรับเบี้ยยังชีพ ฉบับร่าง")
    link_document(news_index, draft_only, 3, title="ร่างแบบฟอร์ม").unpublish()
    make_document("แบบคำร้องขอรับเบี้ยยังชีพ ไม่มีหน้าใดลิงก์")

    assert search_documents("เบี้ยยังชีพ", site) == [ours]
    assert search_documents("เบี้ยยังชีพ", other) == [theirs]


def test_filters_apply_before_ranking_so_no_result_is_lost_beyond_the_candidates(site, news_index):
    # More pages share the word than the engine ranks; the one of fiscal year 2566 must still be found.
    for number in range(12):
        add_news(news_index, f"ประกาศรับสมัครพนักงานจ้าง รอบที่ {number + 1}", number, fiscal_year=2568)
    wanted = add_news(news_index, "ประกาศรับสมัครพนักงานจ้าง ปีเก่า", 99, fiscal_year=2566)
    hits = search_pages("พนักงานจ้าง", site, fiscal_year=2566, limit=5)
    assert [hit.page.pk for hit in hits] == [wanted.pk]
    assert len(search_pages("พนักงานจ้าง", site, category="1.8", limit=5)) == 5
    assert search_pages("พนักงานจ้าง", site, category="1.1", limit=5) == []


# --- What a page is, in the words citizens use ----------------------------------------------------------


def test_procurement_notices_are_found_by_the_word_for_procurement(site):
    """A tender's title rarely says "จัดซื้อจัดจ้าง"; its page type (ประกาศจัดซื้อจัดจ้าง) does, in Thai,
    even when the index is built in another language (this suite runs in English)."""
    from wagtail_thgov.pages.news import AnnouncementIndexPage
    from wagtail_thgov.pages.procurement import ProcurementAnnouncementPage, ProcurementMethod

    index = site.root_page.add_child(instance=AnnouncementIndexPage(title="ประกาศ", slug="announcements"))
    road = index.add_child(
        instance=ProcurementAnnouncementPage(
            title="ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
            slug="road",
            announcement_date=dt.date(2026, 11, 20),
            method=ProcurementMethod.E_BIDDING,
            egp_project_number="69119012345",
            budget="2500000.00",
            live=True,
        )
    )
    supplies = index.add_child(
        instance=ProcurementAnnouncementPage(
            title="ประกาศซื้อวัสดุสำนักงาน โดยวิธีเฉพาะเจาะจง",
            slug="supplies",
            announcement_date=dt.date(2026, 11, 25),
            method=ProcurementMethod.SPECIFIC,
            budget="12000.00",
            live=True,
        )
    )
    news_index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))
    add_news(news_index, "โครงการปลูกต้นไม้ร่วมกับชุมชน", 1)
    found = {hit.page.pk for hit in search_pages("จัดซื้อจัดจ้าง", site)}
    assert {road.pk, supplies.pk} <= found
    assert all(type(hit.page.specific) is not NewsPage for hit in search_pages("จัดซื้อจัดจ้าง", site))
    # A part of the compound still finds them too, and the whole phrase a citizen types.
    assert road.pk in {hit.page.pk for hit in search_pages("ประกาศจัดซื้อจัดจ้าง", site)}
