"""What is kept per site generation (``cache.sitedata``) is never stale and never another site's: a change
to the settings, the menu, a page's metadata or a view restriction shows on the very next request."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from wagtail_thgov.cache import store
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.site_settings.models import MunicipalitySettings

from .test_pages_home import make_home

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_data_cache(settings):
    settings.THGOV_SITE_DATA_CACHE = True
    store.DATABASE.forget()


@pytest.fixture
def home():
    return make_home()


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_settings_and_menu_changes_show_at_once(home):
    settings = MunicipalitySettings.for_site(home.get_site())
    settings.name_th = "เทศบาลตำบลต้นแบบ"
    settings.save()
    client = Client()
    assert "เทศบาลตำบลต้นแบบ" in client.get("/").content.decode()
    assert "เทศบาลตำบลต้นแบบ" in client.get("/").content.decode()  # now from the kept value

    settings.name_th = "เทศบาลตำบลเปลี่ยนชื่อ"
    settings.save()
    body = client.get("/").content.decode()
    assert "เทศบาลตำบลเปลี่ยนชื่อ" in body and "เทศบาลตำบลต้นแบบ" not in body

    add(home, NewsIndexPage(title="ข่าวสารในเมนู", slug="menu-news", show_in_menus=True))
    assert "ข่าวสารในเมนู" in client.get("/").content.decode()


def test_a_restriction_added_after_a_view_applies_to_the_next_view(home):
    index = add(home, NewsIndexPage(title="ข่าว", slug="news"))
    item = add(index, NewsPage(title="ข่าวทดสอบการจำกัดสิทธิ์", slug="item", body="[]"))
    client = Client()
    assert client.get(item.url).status_code == 200
    assert "ข่าวทดสอบการจำกัดสิทธิ์" in client.get(index.url).content.decode()

    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(item.url).status_code == 302  # to the log-in page
    assert "ข่าวทดสอบการจำกัดสิทธิ์" not in client.get(index.url).content.decode()


def test_keywords_of_a_republished_page_show_at_once(home):
    index = add(home, NewsIndexPage(title="ข่าว", slug="news"))
    item = add(index, NewsPage(title="ข่าวมีคำสำคัญ", slug="item", body="[]"))
    client = Client()
    client.get(item.url)
    item.keywords.add("น้ำท่วม")
    item.save_revision().publish()
    assert "น้ำท่วม" in client.get(item.url).content.decode()
