"""The public theme's <head>: description, Open Graph and icons from the page and MunicipalitySettings."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from wagtail.images import get_image_model

from tests.factories import make_site
from thgov_demo.files import png_bytes
from wagtail_thgov.metadata.structured import page_summary
from wagtail_thgov.pages.news import NewsIndexPage
from wagtail_thgov.site_settings.models import MunicipalitySettings

pytestmark = pytest.mark.django_db


def head_of(url):
    html = Client().get(url).content.decode()
    return html[: html.index("</head>")]


def meta(head, attribute, name):
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', head)
    return found.group(1) if found else None


@pytest.fixture
def site():
    site = make_site()
    settings = MunicipalitySettings.for_site(site)
    settings.name_th = "เทศบาลตำบลทดสอบ"
    settings.save()
    return site


def test_summary_is_the_search_description_else_the_intro_as_plain_text():
    page = NewsIndexPage(title="ข่าว", intro="<p>ข่าว &amp; กิจกรรม <b>ของเทศบาล</b></p>")
    assert page_summary(page) == "ข่าว & กิจกรรม ของเทศบาล"
    page.search_description = "ข่าวประชาสัมพันธ์ของเทศบาล"
    assert page_summary(page) == "ข่าวประชาสัมพันธ์ของเทศบาล"
    assert len(page_summary(NewsIndexPage(title="x", intro="<p>" + "ก" * 500 + "</p>"))) == 200
    assert page_summary(None) == ""


def test_page_has_description_open_graph_and_the_default_emblem(site):
    news = site.root_page.add_child(
        instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news", intro="<p>ข่าวและกิจกรรม</p>")
    )
    news.save_revision().publish()
    head = head_of(news.url)
    assert meta(head, "name", "description") == "ข่าวและกิจกรรม"
    assert meta(head, "property", "og:description") == "ข่าวและกิจกรรม"
    assert meta(head, "property", "og:title") == "ข่าวประชาสัมพันธ์"
    assert meta(head, "property", "og:site_name") == "เทศบาลตำบลทดสอบ"
    assert meta(head, "property", "og:url") == news.full_url
    assert meta(head, "property", "og:image").endswith("/static/wagtail_thgov/img/emblem-512.png")
    assert meta(head, "property", "og:image").startswith("http")
    assert '<link rel="icon" href="/static/wagtail_thgov/img/emblem.svg" type="image/svg+xml">' in head
    body = Client().get(news.url).content.decode()
    assert 'class="site-brand__logo" src="/static/wagtail_thgov/img/emblem.svg"' in body


def test_a_page_without_a_summary_is_described_as_the_official_website(site):
    head = head_of(site.root_page.url)
    assert meta(head, "name", "description") == "Official website of เทศบาลตำบลทดสอบ"


def test_the_logo_is_the_preview_image_favicon_and_header_emblem(site):
    logo = get_image_model().objects.create(
        title="ตราเทศบาล", file=ImageFile(io.BytesIO(png_bytes((256, 256))), name="logo.png")
    )
    settings = MunicipalitySettings.for_site(site)
    settings.logo = logo
    settings.save()
    head = head_of(site.root_page.url)
    assert "/images/logo" in meta(head, "property", "og:image")
    assert re.search(r'<link rel="icon" href="[^"]*/images/logo[^"]*fill-64x64[^"]*">', head)
    assert "emblem.svg" not in Client().get(site.root_page.url).content.decode()
