"""A clerk adds a news page in Chromium the way staff do: a Thai title typed by hand gives a slug with every
vowel and tone mark; the news date (a plugin field) and the data period are typed in Buddhist Era; the
public page shows them right; then Wagtail's own go-live and expiry are typed in B.E. in the schedule
dialog, stored right, and shown in B.E. in the status side panel."""

import datetime as dt
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from django.urls import reverse

from tests.e2e.test_editor_footer_approval_in_chromium import log_in
from tests.factories import make_site, make_user
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage

BANGKOK = ZoneInfo("Asia/Bangkok")
TITLE = "ขอเชิญร่วมงานวันพ่อแห่งชาติ หมู่ที่ 5"
SLUG = "ขอเชิญร่วมงานวันพ่อแห่งชาติ-หมู่ที่-5"


def type_date(page, selector, text):
    field = page.locator(selector)
    # Focus, as a clerk tabbing through the form does: the calendar still open from the field before may
    # cover this one, so a pointer click would land on the calendar.
    field.focus()
    field.fill("")
    field.type(text)
    page.keyboard.press("Tab")  # on to the next field, as a clerk does (Escape would close a dialog)


def open_footer_and_press(page, name):
    page.wait_for_load_state("networkidle")
    page.locator("footer .w-dropdown__toggle").click()
    button = page.locator(f"footer button[name={name}]")
    button.wait_for(state="visible")
    with page.expect_navigation():
        button.click()
    page.wait_for_load_state("networkidle")  # the editor's session pings done before the test reads the DB


def test_clerk_types_thai_title_and_buddhist_era_dates(live_server, wagtail_seed, page, screenshot):
    site = make_site()
    index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))
    index.save_revision().publish()
    base = live_server.url
    log_in(page, base, make_user("clerk", superuser=True))

    page.goto(base + reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "newspage", index.pk)))
    page.locator("#id_title").type(TITLE)
    page.locator("#id_title").blur()
    type_date(page, "#id_news_date", "05/12/2569")
    page.locator("#id_summary").click()
    page.locator("#id_news_date").click()
    calendar = page.locator(".xdsoft_datetimepicker:visible").first
    calendar.wait_for(state="visible")
    assert "2569" in calendar.inner_text()
    screenshot("1-news-date-calendar-in-be")
    page.keyboard.press("Escape")
    page.locator("#body-root .c-sf-add-button").first.click()
    page.get_by_role("option", name="ย่อหน้า").first.click()
    page.locator("#body-root [contenteditable=true]").first.type("ขอเชิญประชาชนร่วมงาน")
    page.get_by_role("tab", name="ข้อมูลกำกับ", exact=True).click()
    page.locator("#id_source_text").fill("กองสาธารณสุขและสิ่งแวดล้อม")
    type_date(page, "#id_data_period_start", "01/10/2568")
    type_date(page, "#id_data_period_end", "2569-09-30")
    page.get_by_role("tab", name="การแสดงผลและการค้นหา").click()
    assert page.locator("#id_slug").input_value() == SLUG
    screenshot("2-thai-slug")
    open_footer_and_press(page, "action-publish")
    screenshot("3-published")

    news = NewsPage.objects.get(title=TITLE)
    assert news.live and news.slug == SLUG
    assert news.news_date == dt.date(2026, 12, 5)
    assert news.data_period_start == dt.date(2025, 10, 1)
    assert news.data_period_end == dt.date(2026, 9, 30)

    # The citizen's view: the Thai URL works and the dates read in B.E.
    page.context.clear_cookies()
    assert unquote(news.relative_url(site)).endswith(f"/{SLUG}/")
    response = page.goto(base + news.relative_url(site))
    assert response.status == 200
    text = page.locator("main").inner_text()
    assert "5 ธันวาคม 2569" in text
    assert "1 ตุลาคม 2568 – 30 กันยายน 2569" in text
    assert "3112" not in text
    screenshot("4-public-page")

    # Wagtail's own go-live and expiry, typed in B.E. in the schedule dialog.
    log_in(page, base, make_user("clerk2", superuser=True))
    page.goto(base + reverse("wagtailadmin_pages:edit", args=(news.pk,)))
    page.locator("[data-side-panel-toggle='status']").click()
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    type_date(page, "#schedule-publishing-dialog [name=go_live_at]", "01/01/2570 09:00")
    type_date(page, "#schedule-publishing-dialog [name=expire_at]", "31/12/2570 17:00")
    screenshot("5-schedule-dialog")
    assert page.locator("#schedule-publishing-dialog [name=go_live_at]").input_value() == "01/01/2570 09:00"
    # The calendar of the last field may still cover the button: the clerk clicks the dialog's title first.
    page.locator("#schedule-publishing-dialog .w-dialog__title").click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for(state="hidden")
    page.locator("#schedule-publishing-dialog").get_by_role("button", name="บันทึกกำหนดเวลา").click()
    open_footer_and_press(page, "action-publish")
    revision = NewsPage.objects.get(pk=news.pk).get_latest_revision()
    assert revision.approved_go_live_at == dt.datetime(2027, 1, 1, 9, 0, tzinfo=BANGKOK)
    assert revision.as_object().expire_at == dt.datetime(2027, 12, 31, 17, 0, tzinfo=BANGKOK)
    page.goto(base + reverse("wagtailadmin_pages:edit", args=(news.pk,)))
    page.locator("[data-side-panel-toggle='status']").click()
    panel = page.locator("[data-side-panel='status']")
    panel.wait_for(state="visible")
    assert "1 มกราคม 2570 เวลา 09:00 น." in panel.inner_text()
    assert "31 ธันวาคม 2570 เวลา 17:00 น." in panel.inner_text()
    # Wagtail's own banner above a page scheduled for publication, also in B.E.
    banner = page.get_by_text("ตั้งเวลาเผยแพร่ไว้เมื่อ").first.inner_text()
    assert "1 มกราคม 2570 เวลา 09:00 น." in banner and "2027" not in banner
    screenshot("6-status-panel-in-be")
