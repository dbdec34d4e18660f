"""News, announcements, job notices and procurement (§1.8), created through the Wagtail admin."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from wagtail.test.utils.form_data import rich_text, streamfield

from wagtail_thgov.pages.home import MunicipalityHomePage
from wagtail_thgov.pages.news import (
    ACTIVITY_NEEDS_GALLERY,
    END_BEFORE_START,
    AnnouncementIndexPage,
    JobAnnouncementPage,
    ListingFilters,
    NewsIndexPage,
    NewsKind,
    NewsPage,
    fiscal_year_param,
)
from wagtail_thgov.pages.procurement import (
    EGP_NUMBER_NEEDED,
    EGP_PROJECT_NUMBER,
    MONTH_AFTER_ANNOUNCEMENT,
    ProcurementAnnouncementPage,
    ProcurementMethod,
    ProcurementResultPage,
    ProcurementSummaryPage,
    latest_month_start,
    month_start_in_fiscal_year,
)

from .test_pages_home import (
    admin_add,
    assert_public_page,
    assert_same_queries_for_3_and_30,
    child,
    created,
    downloads,
    form_errors,
    listblock,
    make_document,
    make_home,
    make_image,
    news_fields,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return make_home()


def errors_on(response, field):
    """The messages on ``field`` of the page form, in the admin's language (Thai)."""
    return [str(message) for message in form_errors(response).get(field, [])]


def message(text):
    """A message as the site shows it, in the site's language."""
    return str(text)


@pytest.fixture
def news_index(home):
    return child(home, NewsIndexPage, "news", title="ข่าวประชาสัมพันธ์")


@pytest.fixture
def announcement_index(home):
    return child(home, AnnouncementIndexPage, "announcements", title="ประกาศ")


def gallery(image):
    return streamfield(
        [
            (
                "gallery",
                {
                    "heading": "",
                    "images": listblock(
                        [
                            {
                                "image": image.pk,
                                "alt_text": "ชาวบ้านร่วมกันปลูกต้นไม้ริมถนน",
                                "caption": "",
                                "credit": "",
                            }
                        ]
                    ),
                },
            )
        ]
    )


def body(text):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


# --- News ----------------------------------------------------------------------------------------------


def test_news_index_and_news_created_in_admin(home, admin_client):
    index = created(
        admin_client,
        home,
        NewsIndexPage,
        {"title": "ข่าวสาร", "slug": "news", "intro": rich_text("<p>ข่าวล่าสุด</p>")},
    )
    news = created(
        admin_client,
        index,
        NewsPage,
        {
            "title": "เทศบาลรณรงค์ป้องกันไข้เลือดออก",
            "slug": "dengue",
            "kind": NewsKind.PR,
            "news_date": "2025-06-12",
            "summary": "เชิญชวนประชาชนกำจัดแหล่งเพาะพันธุ์ยุงลาย",
            "body": body("ทุกวันศุกร์ เก็บบ้าน เก็บขยะ เก็บน้ำ"),
            "gallery": streamfield([]),
            "attachments": downloads(make_document("แผ่นพับรณรงค์")),
            "source_text": "งานประชาสัมพันธ์ สำนักปลัดเทศบาล",
        },
    )

    assert news.fiscal_year == 2568  # from the news date, 12 June 2025
    html = assert_public_page(news, "ทุกวันศุกร์ เก็บบ้าน เก็บขยะ เก็บน้ำ", "12 มิถุนายน 2568", "แผ่นพับรณรงค์")
    assert '"@type":"NewsArticle"' in html
    assert_public_page(index, "เทศบาลรณรงค์ป้องกันไข้เลือดออก", "เชิญชวนประชาชนกำจัดแหล่งเพาะพันธุ์ยุงลาย")


def test_activity_news_with_its_gallery_created_in_admin(news_index, admin_client):
    news = created(
        admin_client,
        news_index,
        NewsPage,
        {
            "title": "กิจกรรมปลูกต้นไม้เฉลิมพระเกียรติ",
            "slug": "tree-planting",
            "kind": NewsKind.ACTIVITY,
            "news_date": "2024-12-05",
            "body": body("ผู้บริหารและประชาชนร่วมปลูกต้นไม้ 500 ต้น"),
            "gallery": gallery(make_image()),
            "attachments": streamfield([]),
        },
    )

    html = assert_public_page(news, "ชาวบ้านร่วมกันปลูกต้นไม้ริมถนน", "gallery__thumbnail")
    assert "5 ธันวาคม 2567" in html


def test_activity_news_needs_a_gallery(news_index, admin_client):
    response = admin_add(
        admin_client,
        news_index,
        NewsPage,
        {
            "title": "กิจกรรมวันเด็ก",
            "slug": "children-day",
            "kind": NewsKind.ACTIVITY,
            "news_date": "2025-01-11",
            "body": body("งานวันเด็กแห่งชาติ"),
            "gallery": streamfield([]),
            "attachments": streamfield([]),
        },
    )

    assert errors_on(response, "gallery") == [message(ACTIVITY_NEEDS_GALLERY)]
    assert not NewsPage.objects.exists()


def test_an_explicit_fiscal_year_is_kept(news_index):
    news = child(
        news_index, NewsPage, "n", **news_fields(1, news_date=dt.date(2025, 10, 2), fiscal_year=2568)
    )

    assert news.fiscal_year == 2568


def test_news_fiscal_year_changes_on_the_first_of_october(news_index):
    september = child(news_index, NewsPage, "september", **news_fields(1, news_date=dt.date(2025, 9, 30)))
    october = child(news_index, NewsPage, "october", **news_fields(2, news_date=dt.date(2025, 10, 1)))

    assert (september.fiscal_year, october.fiscal_year) == (2568, 2569)


def test_news_index_filters_by_kind_and_fiscal_year(news_index):
    child(news_index, NewsPage, "pr-2567", **news_fields(1, kind=NewsKind.PR, news_date=dt.date(2024, 5, 1)))
    child(news_index, NewsPage, "pr-2568", **news_fields(2, kind=NewsKind.PR, news_date=dt.date(2025, 5, 1)))
    child(
        news_index,
        NewsPage,
        "alert-2568",
        **news_fields(3, kind=NewsKind.ALERT, news_date=dt.date(2025, 5, 2)),
    )

    def listed(query):
        response = Client().get(news_index.url + query)
        assert response.status_code == 200
        return [page.slug for page in response.context["listing"]]

    assert listed("") == ["alert-2568", "pr-2568", "pr-2567"]
    assert listed("?kind=pr") == ["pr-2568", "pr-2567"]
    assert listed("?fiscal_year=2568") == ["alert-2568", "pr-2568"]
    assert listed("?kind=pr&fiscal_year=2567") == ["pr-2567"]
    assert listed("?kind=pr&fiscal_year=%E0%B9%92%E0%B9%95%E0%B9%96%E0%B9%97") == [
        "pr-2567"
    ]  # Thai digits ๒๕๖๗


@pytest.mark.parametrize(
    "query",
    [
        "?kind=nonsense",
        "?fiscal_year=abc",
        "?fiscal_year=99999",
        "?fiscal_year=-1",
        "?kind=<script>",
        "?page=zz",
    ],
)
def test_news_index_ignores_malformed_filters(news_index, query):
    child(news_index, NewsPage, "a", **news_fields(1, news_date=dt.date(2024, 5, 1)))
    child(news_index, NewsPage, "b", **news_fields(2, news_date=dt.date(2025, 5, 1)))

    response = Client().get(news_index.url + query)

    assert response.status_code == 200
    assert len(response.context["listing"]) == 2
    assert response.context["filters"] == ListingFilters()
    assert "<script>" not in response.content.decode().split("</header>", 1)[1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2568", 2568),
        (" 2568 ", 2568),
        ("๒๕๖๘", 2568),
        ("2499", None),
        ("2701", None),
        ("", None),
        (None, None),
        ("25.6", None),
        ("68", None),
        ("²⁵⁶⁸", None),
    ],
)
def test_fiscal_year_param(value, expected):
    assert fiscal_year_param(value) == expected


def test_news_index_paginates_and_keeps_the_filters(news_index):
    for n in range(25):
        child(
            news_index, NewsPage, f"n{n}", **news_fields(n, kind=NewsKind.PR, news_date=dt.date(2025, 1, 1))
        )

    response = Client().get(news_index.url + "?kind=pr&page=2")

    assert len(response.context["listing"]) == 5
    assert "?kind=pr&amp;page=1" in response.content.decode()


def test_news_index_queries_do_not_grow(news_index, django_assert_max_num_queries):
    image = make_image()

    def add_news(count):
        for n in range(news_index.get_children().count(), count):
            child(news_index, NewsPage, f"news-{n}", **news_fields(n, listing_image=image))

    assert_same_queries_for_3_and_30(news_index.url, add_news, django_assert_max_num_queries)


def test_news_allowed_parent_and_subpage_types():
    assert NewsIndexPage.allowed_parent_page_models() == [MunicipalityHomePage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsPage.allowed_subpage_models() == []
    assert AnnouncementIndexPage.allowed_parent_page_models() == [MunicipalityHomePage]
    assert set(AnnouncementIndexPage.allowed_subpage_models()) == {
        JobAnnouncementPage,
        ProcurementAnnouncementPage,
        ProcurementResultPage,
        ProcurementSummaryPage,
    }
    for model in AnnouncementIndexPage.allowed_subpage_models():
        assert model.allowed_parent_page_models() == [AnnouncementIndexPage]
        assert model.allowed_subpage_models() == []


# --- Job announcements ---------------------------------------------------------------------------------


def job_fields(**extra):
    return {
        "title": "ประกาศรับสมัครบุคคลเพื่อสรรหาเป็นพนักงานจ้าง",
        "slug": "job",
        "announcement_date": "2025-03-01",
        "positions": "ผู้ช่วยนักวิชาการเงินและบัญชี 1 อัตรา\nพนักงานขับรถยนต์ 2 อัตรา",
        "application_start": "2025-03-10",
        "application_end": "2025-03-21",
        "body": streamfield([]),
        "documents": streamfield([]),
        **extra,
    }


def test_job_announcement_created_in_admin(announcement_index, admin_client):
    document = make_document("ประกาศรับสมัคร")
    job = created(
        admin_client, announcement_index, JobAnnouncementPage, job_fields(documents=downloads(document))
    )

    assert job.fiscal_year == 2568
    assert job.application_status(dt.date(2025, 3, 15)) == "open"
    assert job.application_status(dt.date(2025, 3, 22)) == "closed"
    assert job.application_status(dt.date(2025, 3, 9)) == "upcoming"
    assert_public_page(job, "พนักงานขับรถยนต์ 2 อัตรา", "10 มีนาคม 2568", "21 มีนาคม 2568", "ประกาศรับสมัคร")


def test_job_application_cannot_close_before_it_opens(announcement_index, admin_client):
    response = admin_add(
        admin_client,
        announcement_index,
        JobAnnouncementPage,
        job_fields(application_start="2025-03-21", application_end="2025-03-10"),
    )

    assert errors_on(response, "application_end") == [message(END_BEFORE_START)]
    assert not JobAnnouncementPage.objects.exists()


# --- Procurement ---------------------------------------------------------------------------------------


def procurement_fields(**extra):
    return {
        "title": "ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
        "slug": "road",
        "announcement_date": "2024-11-15",
        "method": ProcurementMethod.E_BIDDING,
        "budget": "2500000.00",
        "reference_price": "2480000.00",
        "egp_project_number": "67119012345",
        "body": streamfield([]),
        "documents": streamfield([]),
        **extra,
    }


def test_procurement_announcement_created_in_admin(announcement_index, admin_client):
    page = created(
        admin_client,
        announcement_index,
        ProcurementAnnouncementPage,
        procurement_fields(documents=downloads(make_document("ประกาศประกวดราคา"))),
    )

    assert page.fiscal_year == 2568  # 15 November 2024 is in fiscal year 2568
    assert_public_page(page, "2,500,000.00", "2,480,000.00", "67119012345", "15 พฤศจิกายน 2567")


@pytest.mark.parametrize(
    "number", ["6711901234", "671190123456", "6711-9012345", "67119O12345", "๖๗๑๑๙๐๑๒๓๔๕"]
)
def test_egp_project_number_is_eleven_digits(announcement_index, admin_client, number):
    response = admin_add(
        admin_client,
        announcement_index,
        ProcurementAnnouncementPage,
        procurement_fields(egp_project_number=number),
    )

    assert errors_on(response, "egp_project_number") == [message(EGP_PROJECT_NUMBER.message)]


@pytest.mark.parametrize("method", [ProcurementMethod.E_BIDDING, ProcurementMethod.E_MARKET])
def test_e_bidding_and_e_market_need_the_egp_number(announcement_index, admin_client, method):
    response = admin_add(
        admin_client,
        announcement_index,
        ProcurementAnnouncementPage,
        procurement_fields(method=method, egp_project_number=""),
    )

    assert errors_on(response, "egp_project_number") == [message(EGP_NUMBER_NEEDED)]


def test_specific_method_may_have_no_egp_number(announcement_index, admin_client):
    created(
        admin_client,
        announcement_index,
        ProcurementAnnouncementPage,
        procurement_fields(method=ProcurementMethod.SPECIFIC, egp_project_number="", reference_price=""),
    )


def test_procurement_result_links_to_its_announcement(announcement_index, admin_client):
    announcement = child(
        announcement_index,
        ProcurementAnnouncementPage,
        "road",
        title="ประกวดราคาจ้างก่อสร้างถนน",
        method=ProcurementMethod.E_BIDDING,
        budget=Decimal("2500000"),
        egp_project_number="67119012345",
        announcement_date=dt.date(2024, 11, 15),
    )
    result = created(
        admin_client,
        announcement_index,
        ProcurementResultPage,
        {
            "title": "ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างถนน",
            "slug": "road-winner",
            "announcement_date": "2024-12-20",
            "procurement": announcement.pk,
            "winner": "ห้างหุ้นส่วนจำกัด ดอกไม้การโยธา (สมมุติ)",
            "price": "2390000",
            "body": streamfield([]),
            "documents": streamfield([]),
        },
    )

    assert_public_page(result, "ห้างหุ้นส่วนจำกัด ดอกไม้การโยธา (สมมุติ)", "2,390,000.00", announcement.url)


def summary_row(item="จัดซื้อวัสดุสำนักงาน", budget="12000", method=ProcurementMethod.SPECIFIC, price="11500"):
    return {
        "item": item,
        "budget": budget,
        "method": method,
        "winner": "ร้านสวนดอกไม้พาณิชย์ (สมมุติ)",
        "price": price,
        "reason": "ราคาต่ำสุด",
        "contract": "",
    }


def summary_fields(**extra):
    return {
        "title": "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน 2568",
        "slug": "summary-september",
        "month": "9",
        "fiscal_year": "",
        "announcement_date": "2025-10-05",
        "rows": streamfield(
            [("row", summary_row()), ("row", summary_row("จ้างซ่อมรถบรรทุกขยะ", "45000", price="44000"))]
        ),
        "body": streamfield([]),
        "documents": streamfield([]),
        **extra,
    }


def test_monthly_procurement_summary_created_in_admin_as_a_table(announcement_index, admin_client):
    summary = created(admin_client, announcement_index, ProcurementSummaryPage, summary_fields())

    # September's summary, announced in October, belongs to the fiscal year that just ended.
    assert summary.fiscal_year == 2568
    assert (summary.data_period_start, summary.data_period_end) == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))
    assert summary.total_budget == Decimal("57000")
    html = assert_public_page(
        summary, "<caption", '<th scope="col">', '<th scope="row">จ้างซ่อมรถบรรทุกขยะ</th>'
    )
    assert "57,000.00" in html and "55,500.00" in html  # totals
    assert "กันยายน 2568" in html


def test_a_month_without_procurement_is_still_published(announcement_index, admin_client):
    summary = created(
        admin_client, announcement_index, ProcurementSummaryPage, summary_fields(rows=streamfield([]))
    )

    assert_public_page(summary)
    assert "<table" not in Client().get(summary.url).content.decode().split("thgov-metadata")[0]


def test_summary_month_cannot_start_after_the_announcement(announcement_index, admin_client):
    response = admin_add(
        admin_client,
        announcement_index,
        ProcurementSummaryPage,
        summary_fields(month="11", fiscal_year="2569"),
    )

    assert errors_on(response, "month") == [message(MONTH_AFTER_ANNOUNCEMENT)]


@pytest.mark.parametrize(
    ("fiscal_year", "month", "start"),
    [
        (2568, 10, dt.date(2024, 10, 1)),
        (2568, 12, dt.date(2024, 12, 1)),
        (2568, 1, dt.date(2025, 1, 1)),
        (2568, 9, dt.date(2025, 9, 1)),
    ],
)
def test_month_start_in_fiscal_year(fiscal_year, month, start):
    assert month_start_in_fiscal_year(fiscal_year, month) == start


@pytest.mark.parametrize(
    ("month", "announced", "start"),
    [
        (9, dt.date(2025, 10, 5), dt.date(2025, 9, 1)),
        (10, dt.date(2025, 10, 31), dt.date(2025, 10, 1)),
        (12, dt.date(2025, 1, 10), dt.date(2024, 12, 1)),
    ],
)
def test_latest_month_start(month, announced, start):
    assert latest_month_start(month, announced) == start


# --- The announcements index ----------------------------------------------------------------------------


def make_announcements(index, count):
    """Announcements of every kind, round robin, one day apart from 1 January 2025 (adds what is missing)."""
    for n in range(index.get_children().count(), count):
        date = dt.date(2025, 1, 1) + dt.timedelta(days=n)
        common = {"title": f"ประกาศ {n}", "announcement_date": date}
        kind = n % 4
        if kind == 0:
            child(
                index,
                JobAnnouncementPage,
                f"a{n}",
                positions="ครู",
                application_start=date,
                application_end=date,
                **common,
            )
        elif kind == 1:
            child(
                index,
                ProcurementAnnouncementPage,
                f"a{n}",
                method=ProcurementMethod.SPECIFIC,
                budget=1000,
                **common,
            )
        elif kind == 2:
            child(index, ProcurementResultPage, f"a{n}", winner="ร้านค้า", price=900, **common)
        else:
            child(index, ProcurementSummaryPage, f"a{n}", month=12, rows=[("row", summary_row())], **common)


def test_announcement_index_lists_all_kinds_newest_first(announcement_index):
    make_announcements(announcement_index, 4)

    response = Client().get(announcement_index.url)

    assert [page.slug for page in response.context["listing"]] == ["a3", "a2", "a1", "a0"]
    html = response.content.decode()
    for text in ("ประกาศ 0", "ประกาศ 1", "ประกาศ 2", "ประกาศ 3", "1,000.00"):
        assert text in html


def test_announcement_index_filters_by_kind_and_fiscal_year(announcement_index):
    make_announcements(announcement_index, 4)
    child(
        announcement_index,
        ProcurementAnnouncementPage,
        "old",
        title="ประกาศเก่า",
        method=ProcurementMethod.SELECTION,
        budget=1,
        announcement_date=dt.date(2023, 5, 1),
    )

    def listed(query):
        response = Client().get(announcement_index.url + query)
        assert response.status_code == 200
        return [page.slug for page in response.context["listing"]]

    assert listed("?kind=procurement") == ["a1", "old"]
    assert listed("?fiscal_year=2566") == ["old"]
    assert listed("?kind=procurement&fiscal_year=2568") == ["a1"]
    assert listed("?kind=summary") == ["a3"]
    assert listed("?kind=other&fiscal_year=x") == ["a3", "a2", "a1", "a0", "old"]
    assert Client().get(announcement_index.url).context["fiscal_years"] == [2568, 2566]


def test_announcement_index_queries_do_not_grow(announcement_index, django_assert_max_num_queries):
    assert_same_queries_for_3_and_30(
        announcement_index.url,
        lambda count: make_announcements(announcement_index, count),
        django_assert_max_num_queries,
    )
