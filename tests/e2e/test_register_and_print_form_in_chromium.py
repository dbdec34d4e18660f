"""The webmaster opens the publication register and prints the request-to-publish form of a news page with a
long Thai address, in Chromium: the register reads in Thai and B.E., and the printed form fits an A4 width."""

from urllib.parse import unquote

from django.urls import reverse
from wagtail.models import WorkflowState

from tests.e2e.test_editor_footer_approval_in_chromium import log_in
from tests.factories import make_site, role_users
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.workflows.roles import Role

A4_WIDTH_PX = 794  # 210 mm at 96 px per inch
LONG_TITLE = (
    "ประกาศเทศบาลตำบลบ้านสวนดอกไม้ เรื่อง ขอเชิญชวนประชาชนร่วมกิจกรรมเฉลิมพระเกียรติ"
    " เนื่องในวันพ่อแห่งชาติ ประจำปีงบประมาณ พ.ศ. 2569 ณ ลานอเนกประสงค์ หมู่ที่ 5"
)


def certified_news(site, users):
    index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="ข่าว"))
    index.save_revision().publish()
    news = index.add_child(
        instance=NewsPage(
            title=LONG_TITLE, source_text="กองช่าง", live=False, body=[("paragraph", "<p>ข่าว</p>")]
        )
    )
    news.save_revision(user=users[Role.UPLOADER])
    news.get_workflow().start(news, users[Role.UPLOADER])
    for role in (Role.WEBMASTER, Role.APPROVER):
        news = NewsPage.objects.get(pk=news.pk)
        state = news.current_workflow_task_state
        state.task.specific.on_action(state, users[role], "approve")
    return NewsPage.objects.get(pk=news.pk)


def test_register_in_thai_and_request_form_fits_a4(live_server, wagtail_seed, page, screenshot):
    site = make_site()
    users = role_users(site)
    news = certified_news(site, users)
    assert news.live
    base = live_server.url

    log_in(page, base, users[Role.WEBMASTER])
    page.goto(base + reverse("thgov_workflows:publication_register"))
    table = page.locator("table").first.inner_text()
    screenshot("1-register")
    assert "รับรองและเผยแพร่แล้ว" in table
    assert "2569" in table or "2570" in table
    assert "minutes" not in table and "ที่ผ่านมา" not in table

    state = WorkflowState.objects.get(object_id=str(news.pk))
    page.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
    page.emulate_media(media="print")
    page.goto(base + reverse("thgov_workflows:publication_request_form", args=(state.pk,)))
    link = page.locator("a[href*='/']").filter(has_text="http")
    assert unquote(news.full_url).endswith(link.inner_text().split("/", 3)[-1])
    assert "%E0" not in link.inner_text()
    assert "หมู่ที่-5" in link.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot("2-request-form-a4")
    assert width <= A4_WIDTH_PX
