"""The municipality home page, e-Services and the statistics placeholders; helpers for the page-family tests.

Pages are created the way a webmaster creates them: through the Wagtail admin's add view, as a superuser.
"""

import datetime as dt
import io

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from thgov_demo.files import pdf_bytes, png_bytes
from wagtail_thgov.eservice.pages import EServiceIndexPage, EServiceKind, EServicePage
from wagtail_thgov.metadata.completeness import missing_metadata
from wagtail_thgov.pages.home import HOME_SUBPAGE_TYPES, MunicipalityHomePage, SiteMapPage
from wagtail_thgov.pages.news import AnnouncementIndexPage, JobAnnouncementPage, NewsIndexPage, NewsPage
from wagtail_thgov.pages.procurement import ProcurementAnnouncementPage, ProcurementMethod
from wagtail_thgov.stats.pages import SatisfactionSurveyPage, StatisticsPage

pytestmark = pytest.mark.django_db

# --- Helpers shared by tests/test_pages_*.py ------------------------------------------------------------


def tree_root():
    """The root of the page tree (and of collections), made when the test database has none (--nomigrations)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def make_home(title="เทศบาลตำบลทดสอบ", slug="municipality-home", hostname="localhost", default=True):
    """A live municipality home page under the tree root, as the root of a site."""
    root = tree_root()
    home = root.add_child(instance=MunicipalityHomePage(title=title, slug=slug))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() if default else None
    if site is None:
        Site.objects.create(
            hostname=hostname, port=80, root_page=home, is_default_site=default, site_name=title
        )
    else:
        site.root_page = home
        site.save()
    return home


@pytest.fixture
def home():
    return make_home()


def listblock(values):
    """ListBlock form data (as the StreamField helper, without block types)."""
    return {
        str(i): {"value": value, "order": str(i), "deleted": "", "id": ""} for i, value in enumerate(values)
    } | {"count": str(len(values))}


def admin_add(client, parent, model, fields, publish=True):
    """POST the admin's add form for ``model`` under ``parent``; the response."""
    data = {"keywords": "", **fields}
    if publish:
        data["action-publish"] = "publish"
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
    return client.post(url, nested_form_data(data))


def form_errors(response):
    """The field errors of the page form in an admin response (empty when the page was saved)."""
    if response.status_code != 200 or not response.context or "form" not in response.context:
        return {}
    return response.context["form"].errors


def created(client, parent, model, fields):
    """Create and publish a page through the admin; the live page, or a failure listing the form errors."""
    response = admin_add(client, parent, model, fields)
    assert response.status_code == 302, f"not saved: {form_errors(response)!r}"
    page = model.objects.child_of(parent).get(slug=fields["slug"])
    assert page.live
    return page


def assert_public_page(page, *texts):
    """The page renders publicly with its metadata box, JSON-LD and each of ``texts``; the HTML."""
    response = Client().get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "thgov-metadata" in html
    assert "application/ld+json" in html
    for text in texts:
        assert text in html, text
    return html


def make_image(title="ภาพทดสอบ"):
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes(size=(120, 80))), name="test.png")
    )


def make_document(title="เอกสารทดสอบ", filename="test.pdf"):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(pdf_bytes("test", ["line"])), save=False)
    document.save()
    return document


def downloads(document):
    """StreamField data of one DocumentDownloadsBlock holding ``document``."""
    return streamfield(
        [
            (
                "downloads",
                {"heading": "", "documents": listblock([{"document": document.pk, "description": ""}])},
            )
        ]
    )


def child(parent, model, slug, **fields):
    """A live child page made through the ORM, for listings and query counts (published without a revision)."""
    now = timezone.now()
    return parent.add_child(
        instance=model(slug=slug, first_published_at=now, last_published_at=now, **fields)
    )


# Queries of a public page render, whatever the theme adds: constant, and below this ceiling.
QUERY_CEILING = 40


def assert_same_queries_for_3_and_30(url, fill, django_assert_max_num_queries):
    """Render ``url`` with ``fill(3)`` then ``fill(30)`` items: the second render needs no more queries.

    Each count is rendered once first, to warm what is cached once per process or per image
    (content types, image renditions).
    """
    client = Client()
    fill(3)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    with_three = len(captured)  # now: the next request empties the connection's query log
    assert 0 < with_three <= QUERY_CEILING
    fill(30)
    client.get(url)
    with django_assert_max_num_queries(with_three):
        assert client.get(url).status_code == 200


def existing_or_child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    return existing or child(parent, model, slug, **fields)


def news_fields(n, **extra):
    return {"title": f"ข่าวที่ {n}", "body": [("paragraph", "<p>ข่าว</p>")], **extra}


# --- The home page ---------------------------------------------------------------------------------------


def test_home_page_created_in_admin_under_the_tree_root(admin_client):
    root = tree_root()
    response = admin_add(
        admin_client,
        root,
        MunicipalityHomePage,
        {
            "title": "เทศบาลตำบลใหม่",
            "slug": "new-home",
            "intro": rich_text("<p>ยินดีต้อนรับ</p>"),
            "quick_links": streamfield(
                [
                    (
                        "link",
                        {
                            "page": "",
                            "url": "https://www.example.go.th/",
                            "title": "ศูนย์ราชการ",
                            "description": "",
                        },
                    )
                ]
            ),
        },
    )
    assert response.status_code == 302, form_errors(response)
    home = MunicipalityHomePage.objects.get(slug="new-home")
    assert home.live
    Site.objects.update_or_create(
        hostname="localhost", port=80, defaults={"root_page": home, "is_default_site": True}
    )

    html = Client().get("/").content.decode()

    assert "ศูนย์ราชการ" in html
    assert "https://www.example.go.th/" in html


def build_home_content(home, count):
    """Up to ``count`` news, announcements of mixed kinds and e-Services under ``home`` (adds what is missing)."""
    news_index = existing_or_child(home, NewsIndexPage, "news", title="ข่าว")
    announcements = existing_or_child(home, AnnouncementIndexPage, "announcements", title="ประกาศ")
    eservices = existing_or_child(home, EServiceIndexPage, "e-services", title="e-Service")
    for n in range(news_index.get_children().count(), count):
        child(
            news_index,
            NewsPage,
            f"news-{n}",
            **news_fields(n, news_date=dt.date(2025, 1, 1) + dt.timedelta(days=n)),
        )
        if n % 2:
            child(
                announcements,
                JobAnnouncementPage,
                f"job-{n}",
                title=f"รับสมัครงาน {n}",
                positions="ครู",
                application_start=dt.date(2025, 1, 1),
                application_end=dt.date(2025, 1, 31),
                announcement_date=dt.date(2025, 1, 1) + dt.timedelta(days=n),
            )
        else:
            child(
                announcements,
                ProcurementAnnouncementPage,
                f"procurement-{n}",
                title=f"จัดซื้อ {n}",
                method=ProcurementMethod.SPECIFIC,
                budget=1000 + n,
                announcement_date=dt.date(2025, 1, 1) + dt.timedelta(days=n),
            )
        child(
            eservices,
            EServicePage,
            f"service-{n}",
            title=f"บริการ {n}",
            service_kind=EServiceKind.COMPLAINT,
            responsible_unit="สำนักปลัด",
            promised_days=7,
        )
    return news_index, announcements, eservices


def test_home_shows_the_five_latest_news_and_announcements_and_the_eservices(home):
    build_home_content(home, 7)

    response = Client().get("/")

    assert response.status_code == 200
    context = response.context
    assert [news.slug for news in context["latest_news"]] == [
        "news-6",
        "news-5",
        "news-4",
        "news-3",
        "news-2",
    ]
    assert [page.slug for page in context["latest_announcements"]] == [
        "procurement-6",
        "job-5",
        "procurement-4",
        "job-3",
        "procurement-2",
    ]
    assert len(context["eservices"]) == 7
    html = response.content.decode()
    assert "ข่าวที่ 6" in html and "ข่าวที่ 1" not in html
    assert "รับสมัครงาน 5" in html and "จัดซื้อ 6" in html
    assert "บริการ 0" in html


def test_home_shows_only_its_own_sites_news(home):
    build_home_content(home, 2)
    other = make_home(title="อบต.อื่น", slug="other", hostname="other.example.test", default=False)
    other_news = child(other, NewsIndexPage, "news", title="ข่าว")
    child(other_news, NewsPage, "other-news", **news_fields(99, title="ข่าวของที่อื่น"))

    html = Client().get("/").content.decode()

    assert "ข่าวของที่อื่น" not in html


def test_home_page_queries_do_not_grow_with_content(home, django_assert_max_num_queries):
    assert_same_queries_for_3_and_30(
        "/", lambda count: build_home_content(home, count), django_assert_max_num_queries
    )


def test_home_allowed_subpage_types_are_the_category_indexes():
    subpage_names = {model.__name__ for model in MunicipalityHomePage.allowed_subpage_models()}

    assert {name.split(".")[1] for name in HOME_SUBPAGE_TYPES} == subpage_names
    for name in (
        "OperatingManualIndexPage",
        "CitizenManualIndexPage",
        "NewsIndexPage",
        "AnnouncementIndexPage",
    ):
        assert name in subpage_names
    assert MunicipalityHomePage.allowed_parent_page_models() == [Page]
    call_command("check")


def test_site_map_lists_the_category_indexes(home):
    child(home, NewsIndexPage, "news", title="ข่าวสาร")
    child(home, EServiceIndexPage, "e-services", title="บริการออนไลน์")
    site_map = child(home, SiteMapPage, "site-map", title="แผนผังเว็บไซต์")

    html = Client().get(site_map.url).content.decode()

    assert "ข่าวสาร" in html and "บริการออนไลน์" in html


def test_admin_add_form_of_every_page_type_opens(home, admin_client):
    from thgov_demo import manuals, news  # noqa: PLC0415 - the page types of this family

    parents = {MunicipalityHomePage: home}
    for model in (*manuals.DEMO_PAGE_TYPES, *news.DEMO_PAGE_TYPES):
        parent_model = model.allowed_parent_page_models()[0]
        parent = parents.get(parent_model) or child(
            home, parent_model, parent_model.__name__.lower(), title="x"
        )
        parents[parent_model] = parent
        url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", model._meta.model_name, parent.pk))
        response = admin_client.get(url)
        assert response.status_code == 200, model.__name__
        # Each field is in exactly one panel: a field shown twice would be posted twice.
        form = response.context["form"]
        html = response.content.decode()
        assert html.count('name="title"') == 1
        for name in form.fields:
            assert html.count(f'name="{name}"') <= 1, (model.__name__, name)


# --- e-Services ------------------------------------------------------------------------------------------


def test_eservice_index_and_page_created_in_admin(home, admin_client):
    index = created(admin_client, home, EServiceIndexPage, {"title": "บริการออนไลน์", "slug": "e-services"})
    service = created(
        admin_client,
        index,
        EServicePage,
        {
            "title": "แจ้งเรื่องร้องเรียน",
            "slug": "complaint",
            "intro": rich_text("<p>แจ้งปัญหาไฟฟ้าสาธารณะ ถนนชำรุด</p>"),
            "service_kind": EServiceKind.COMPLAINT,
            "responsible_unit": "ศูนย์รับเรื่องร้องเรียน สำนักปลัด",
            "promised_days": "15",
            # The e-Service form (issue 8): attachment size and the (here empty) form-builder fields.
            "max_attachment_mb": "10",
            "form_fields-TOTAL_FORMS": "0",
            "form_fields-INITIAL_FORMS": "0",
            "form_fields-MIN_NUM_FORMS": "0",
            "form_fields-MAX_NUM_FORMS": "1000",
        },
    )

    assert_public_page(service, "ศูนย์รับเรื่องร้องเรียน สำนักปลัด", "15")
    assert_public_page(index, "แจ้งเรื่องร้องเรียน")


def test_eservice_promises_at_least_one_day(home, admin_client):
    index = child(home, EServiceIndexPage, "e-services", title="บริการออนไลน์")

    response = admin_add(
        admin_client,
        index,
        EServicePage,
        {
            "title": "ขอข้อมูลข่าวสาร",
            "slug": "oia",
            "service_kind": EServiceKind.INFORMATION_REQUEST,
            "responsible_unit": "ศูนย์ข้อมูลข่าวสาร",
            "promised_days": "0",
        },
    )

    assert "promised_days" in form_errors(response)
    assert not EServicePage.objects.exists()


def test_eservice_index_queries_do_not_grow(home, django_assert_max_num_queries):
    index = child(home, EServiceIndexPage, "e-services", title="e-Service")

    def add_services(count):
        for n in range(index.get_children().count(), count):
            child(
                index,
                EServicePage,
                f"service-{n}",
                title=f"บริการ {n}",
                service_kind=EServiceKind.COMPLAINT,
                responsible_unit="สำนักปลัด",
                promised_days=7,
            )

    assert_same_queries_for_3_and_30(index.url, add_services, django_assert_max_num_queries)


def test_eservice_allowed_parent_and_subpage_types():
    assert EServiceIndexPage.allowed_parent_page_models() == [MunicipalityHomePage]
    assert EServiceIndexPage.allowed_subpage_models() == [EServicePage]
    assert EServicePage.allowed_parent_page_models() == [EServiceIndexPage]
    assert EServicePage.allowed_subpage_models() == []


# --- Statistics and satisfaction (placeholders) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "slug"), [(StatisticsPage, "statistics"), (SatisfactionSurveyPage, "satisfaction-survey")]
)
def test_statistics_pages_created_in_admin(home, admin_client, model, slug):
    fields = {"title": "สถิติและความพึงพอใจ", "slug": slug, "intro": rich_text("<p>ข้อมูลสถิติของเว็บไซต์</p>")}
    if model is SatisfactionSurveyPage:  # a survey has at least one question
        fields["questions"] = inline_formset(
            [{"kind": "rating", "text": "ท่านพึงพอใจต่อบริการโดยรวมเพียงใด", "required": "on"}], min=1
        )
    page = created(admin_client, home, model, fields)

    assert_public_page(page, "ข้อมูลสถิติของเว็บไซต์")
    assert page.thgov_category == "1.10"


def test_stats_allowed_parent_and_subpage_types():
    for model in (StatisticsPage, SatisfactionSurveyPage):
        assert model.allowed_parent_page_models() == [MunicipalityHomePage]
        assert model.allowed_subpage_models() == []


# --- Demo ------------------------------------------------------------------------------------------------


def test_demo_builds_every_page_type_and_every_page_renders(demo_db):
    from thgov_demo import manuals, news  # noqa: PLC0415 - the modules under test

    for model in (*manuals.DEMO_PAGE_TYPES, *news.DEMO_PAGE_TYPES):
        pages = model.objects.live()
        assert pages.exists(), model.__name__
        for page in pages:
            assert Client().get(page.url).status_code == 200, page.url
            assert missing_metadata(page) == [], page.title
    assert Client().get("/").status_code == 200
