"""The demo municipality in a real browser: the Thai admin log-in and the public home page."""


def test_demo_home_page_and_thai_admin_login(live_server, live_demo, page, screenshot):
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("h1").first.inner_text().strip() == "เทศบาลตำบลบ้านสวนดอกไม้"
    assert page.get_by_role("link", name="ข้ามไปยังเนื้อหาหลัก").count() == 1
    screenshot("home")

    page.goto(f"{live_server.url}/admin/login/")
    assert page.get_by_role("button", name="ลงชื่อเข้าใช้").count() == 1
    page.fill("input[name=username]", "webmaster")
    page.fill("input[name=password]", "thgov-demo")
    with page.expect_navigation():
        page.get_by_role("button", name="ลงชื่อเข้าใช้").click()
    assert page.url == f"{live_server.url}/admin/"
    screenshot("webmaster-dashboard")
