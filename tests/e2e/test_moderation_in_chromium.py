"""A citizen's open survey answer appears on the public results only after the site's webmaster accepts it
in the admin (Reports → Survey open answers), walked in Chromium as each of them does; the public page is
checked at a phone's size."""

import re

import pytest
from django.utils import translation
from wagtail.models import Site

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_satisfaction_in_chromium import build_site

pytestmark = pytest.mark.e2e

ANSWER = "อยากให้เปิดรับชำระภาษีวันเสาร์"
SPAM = "สินเชื่อด่วน อนุมัติไว โทรเลย"


def answer_survey(page, url, text):
    page.goto(url)
    page.locator("#thgov-survey input[type=radio][value='5']").check()
    page.fill("#thgov-survey textarea", text)
    with page.expect_navigation():
        page.click("#thgov-survey button[type=submit]")
    assert page.locator(".thgov-survey__message--ok").is_visible()


def test_webmaster_accepts_one_answer_and_rejects_spam(live_server, wagtail_seed, browser, page, screenshot):
    from tests.factories import PASSWORD, role_users
    from wagtail_thgov.installation import run_setup

    _rated, survey = build_site(wagtail_seed)
    run_setup()
    site = Site.objects.get(is_default_site=True)
    webmaster = role_users(site)["webmaster"]
    url = f"{live_server.url}{survey.url}"

    phone = browser.new_context(
        locale="th-TH", timezone_id="Asia/Bangkok", viewport={"width": 390, "height": 844}
    )
    spammer = browser.new_context(
        locale="th-TH", timezone_id="Asia/Bangkok", user_agent="Mozilla/5.0 spammer"
    )
    try:
        citizen = phone.new_page()
        answer_survey(citizen, url, ANSWER)
        answer_survey(spammer.new_page(), url, SPAM)
        shown = citizen.locator("#thgov-survey-results").inner_text()
        assert ANSWER not in shown and SPAM not in shown  # nothing public before a webmaster decides

        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", webmaster.username)
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.click("button[type=submit]")
        with translation.override("th"):
            menu_label = str(translation.gettext("Survey open answers"))
            reports_label = str(translation.gettext("Reports"))
            accept = str(translation.pgettext("moderation", "Accept"))
            reject = str(translation.pgettext("moderation", "Reject"))
        page.get_by_role("button", name=reports_label).click()  # the admin's sidebar menu
        with page.expect_navigation():
            page.get_by_role("link", name=menu_label).click()
        rows = page.locator("table.listing tbody tr")
        assert rows.count() == 2
        screenshot("waiting")
        with page.expect_navigation():
            rows.filter(has_text=ANSWER).get_by_role("button", name=re.compile(f"^{accept}")).click()
        with page.expect_navigation():
            page.locator("table.listing tbody tr").filter(has_text=SPAM).get_by_role(
                "button", name=reject
            ).click()
        screenshot("decided")

        citizen.goto(url)
        shown = citizen.locator("#thgov-survey-results").inner_text()
        assert ANSWER in shown and SPAM not in shown
        citizen.locator("#thgov-survey-results").scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        citizen.screenshot(path=ARTIFACTS / "moderation-public-results-phone.png", full_page=True)
    finally:
        phone.close()
        spammer.close()
