"""Municipality A's uploader opens the page chooser from the page editor, as when linking to a page, and
searches for a title of municipality B's: nothing is found, while A's own pages are."""

from django.urls import reverse

from tests.factories import PASSWORD, make_user
from thgov_demo.sites import build_demo_sites
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.workflows.roles import Role

LOGIN_BUTTON = "ลงชื่อเข้าใช้"
B_TITLE = "ประกาศลับเฉพาะบ้านบี"
A_TITLE = "ประกาศลับเฉพาะบ้านเอ"


def draft_news(site, title, slug, owner):
    index = NewsIndexPage.objects.child_of(site.root_page).get()
    page = index.add_child(instance=NewsPage(title=title, slug=slug, body="[]", owner=owner, live=False))
    page.save_revision(user=owner)
    return page


def test_uploader_finds_no_page_of_another_municipality_in_the_chooser(
    live_server, wagtail_seed, page, screenshot
):
    a, b = build_demo_sites(2, users=False)["sites"]
    uploader = make_user("a-uploader", Role.UPLOADER, a)
    draft_news(a, A_TITLE, "a-secret", uploader)
    draft_news(b, B_TITLE, "b-secret", make_user("b-uploader", Role.UPLOADER, b))
    news = NewsPage.objects.live().descendant_of(a.root_page).first()
    base = live_server.url

    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", uploader.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=LOGIN_BUTTON).click()

    # In the editor of one of A's news items: add a link list to the body and choose the link's page.
    page.goto(base + reverse("wagtailadmin_pages:edit", args=[news.pk]))
    page.locator("#body-root .c-sf-add-button").last.click()
    page.get_by_role("option", name="รายการลิงก์").click()
    page.get_by_role("button", name="เลือกหน้า").last.click()
    modal = page.locator(".modal")
    modal.get_by_role("textbox").first.wait_for()
    screenshot("1-chooser-opened")
    listing = modal.inner_text()
    assert a.root_page.title in listing
    assert b.root_page.title not in listing

    # B's title, typed by hand: no result.
    search = modal.get_by_role("textbox").first
    search.press_sequentially("ประกาศลับเฉพาะบ้านบี", delay=20)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(600)  # the chooser searches after a pause in typing
    screenshot("2-searched-b-title")
    assert B_TITLE not in modal.inner_text()
    assert b.root_page.title not in modal.inner_text()

    # A's own title is found the same way: the search works, it only keeps to A's site.
    search.fill("")
    search.press_sequentially("ประกาศลับเฉพาะบ้านเอ", delay=20)
    page.wait_for_load_state("networkidle")
    modal.get_by_text(A_TITLE).first.wait_for()
    screenshot("3-searched-a-title")
    assert B_TITLE not in modal.inner_text()
