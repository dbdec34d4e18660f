"""The page editor's form as staff meet it: an unchanged submission is not an edit (so approving from the
editor's footer does not restart the workflow), and a Thai title gives a slug with every mark kept."""

from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.blocks import StreamValue

from tests.factories import make_site, make_user
from wagtail_thgov.core.thai.slugs import is_thai_slug, thai_slugify
from wagtail_thgov.metadata.inventory import thgov_page_models
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    site = make_site()
    index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าว", slug="news"))
    return index.add_child(
        instance=NewsPage(
            title="ข่าวทดสอบ", source_text="กองช่าง", body=[("paragraph", "<p>ขอเชิญร่วมกิจกรรม</p>")]
        )
    )


def edit_form(page, data=None):
    form_class = type(page).get_edit_handler().get_form_class()
    return form_class(data, instance=page, parent_page=page.get_parent(), for_user=_editor())


def _editor():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username="editor").first() or make_user("editor", superuser=True)


def test_no_page_form_renders_a_hidden_initial_twin_the_editor_would_omit(news):
    parent = news.get_parent()
    for model in thgov_page_models():
        form_class = model.get_edit_handler().get_form_class()
        form = form_class(instance=model(), parent_page=parent, for_user=_editor())
        assert not [name for name, field in form.fields.items() if field.show_hidden_initial], model


def test_news_date_submitted_as_shown_is_not_a_change(news):
    shown = edit_form(news)["news_date"]
    text = shown.field.widget.format_value(shown.value())
    assert not edit_form(news, {"news_date": text})["news_date"]._has_changed()
    other_day = ("02" if text[:2] == "01" else "01") + text[2:]
    assert edit_form(news, {"news_date": other_day})["news_date"]._has_changed()


def test_rich_text_differing_only_by_draftail_block_keys_is_unchanged(news):
    field = edit_form(news).fields["body"]
    stored = news.body
    from_editor = StreamValue(
        stored.stream_block,
        [("paragraph", '<p data-block-key="yctqo">ขอเชิญร่วมกิจกรรม</p>', stored[0].id)],
        is_lazy=False,
    )
    assert not field.has_changed(stored, from_editor)
    edited = StreamValue(
        stored.stream_block,
        [("paragraph", '<p data-block-key="yctqo">ขอเชิญร่วมกิจกรรมวันพ่อ</p>', stored[0].id)],
        is_lazy=False,
    )
    assert field.has_changed(stored, edited)


@pytest.mark.parametrize(
    "title,slug",
    [("หมู่ที่ 5", "หมู่ที่-5"), ("วันพ่อแห่งชาติ", "วันพ่อแห่งชาติ"), ("ประกาศ ฉบับที่ 1/2569", "ประกาศ-ฉบับที่-12569")],
)
def test_thai_slug_keeps_every_vowel_and_tone_mark(title, slug):
    assert thai_slugify(title) == slug
    assert is_thai_slug(slug)


def test_slug_with_url_unsafe_characters_is_refused():
    assert not is_thai_slug("หมู่ที่/5")
    assert not is_thai_slug("หมู่ ที่")


def test_page_saved_without_a_slug_gets_the_full_thai_slug(news):
    parent = news.get_parent()
    page = parent.add_child(instance=NewsPage(title="ขอเชิญร่วมงานวันพ่อแห่งชาติ หมู่ที่ 5", source_text="กองช่าง"))
    assert page.slug == "ขอเชิญร่วมงานวันพ่อแห่งชาติ-หมู่ที่-5"
    page.save_revision().publish()
    url = page.relative_url(page.get_site())
    assert unquote(url).endswith("/ขอเชิญร่วมงานวันพ่อแห่งชาติ-หมู่ที่-5/")
    assert Client().get(url).status_code == 200


def test_draft_saved_without_a_slug_gets_the_full_thai_slug(news):
    draft = news.get_parent().add_child(
        instance=NewsPage(title="วันพ่อแห่งชาติ", source_text="กองช่าง", live=False)
    )
    assert draft.slug == "วันพ่อแห่งชาติ"


def test_the_admin_slug_field_accepts_a_thai_slug_and_refuses_a_slash(news):
    assert edit_form(news).fields["slug"].clean("หมู่ที่-5") == "หมู่ที่-5"
    with pytest.raises(ValidationError):
        edit_form(news).fields["slug"].clean("หมู่ที่/5")
