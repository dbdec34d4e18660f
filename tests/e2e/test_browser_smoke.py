"""The browser test set-up works end to end: Chromium, the live server, the database, the admin."""

import pytest

pytestmark = pytest.mark.e2e


def test_admin_login_in_chromium(live_server, wagtail_seed, page, screenshot, django_user_model):
    # Created from the test while Playwright's loop runs: needs DJANGO_ALLOW_ASYNC_UNSAFE (see conftest).
    django_user_model.objects.create_superuser("e2e-admin", "e2e@example.com", "e2e-password")

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "e2e-admin")
    page.fill("input[name=password]", "e2e-password")
    with page.expect_navigation() as navigation:
        page.click("button[type=submit]")

    dashboard = navigation.value  # the page the login redirected to
    assert dashboard.url == f"{live_server.url}/admin/"
    assert dashboard.status == 200, f"the admin dashboard answered {dashboard.status}"
    assert page.locator("html").get_attribute("lang") == "th"
    assert screenshot("dashboard").stat().st_size > 0
