"""The compliance checklist in a real browser: the webmaster sees an item that is only partly met with the
part that is missing, a citizen sees the edition and its warning on the public ITA/OIT page (phone size),
and the webmaster loads a new fiscal year's list through the admin form (a malformed file first)."""

import io

from openpyxl import Workbook

from tests.e2e.conftest import ARTIFACTS
from wagtail_thgov.compliance.models import Standard
from wagtail_thgov.core.thai import current_fiscal_year
from wagtail_thgov.pages.public_info import PublicInfoPage

HEADER = ["code", "name_th", "name_en", "requirement", "period", "confidence", "note"]


def xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def view(page, name):
    """A screenshot of what is on screen (the tests' full-page shots of long pages are hard to read)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"compliance-{name}.png")


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "webmaster")
    page.fill("input[name=password]", "thgov-demo")
    with page.expect_navigation():
        page.get_by_role("button", name="ลงชื่อเข้าใช้").click()


def test_webmaster_sees_missing_parts_and_loads_a_new_edition(
    live_server, live_demo, page, screenshot, tmp_path
):
    year = current_fiscal_year()
    # The No Gift culture activity of this year is withdrawn: ITA 2568 O21 is now only partly met.
    PublicInfoPage.objects.get(slug=f"no-gift-culture-{year}").unpublish()

    # A citizen on a phone: the public ITA/OIT page names its edition and warns that it is not this year's.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/ita/")
    assert "ฉบับปี 2568" in page.locator(".thgov-ita__edition").inner_text()
    assert str(year) in page.locator(".thgov-ita__warning").inner_text()
    o21 = page.locator("#ita-o21")
    assert "ยังไม่ได้เผยแพร่" in o21.inner_text() and "เผยแพร่แล้วบางส่วน" in o21.inner_text()
    page.locator(".thgov-ita__warning").scroll_into_view_if_needed()
    view(page, "public-ita-phone-edition-warning")
    o21.scroll_into_view_if_needed()
    view(page, "public-ita-phone-partial-item")
    page.set_viewport_size({"width": 1280, "height": 900})

    log_in(page, live_server)
    ita_2568 = Standard.objects.get(code="ita_oit", edition="2568", site__isnull=True)
    page.goto(f"{live_server.url}/admin/reports/thgov-compliance/?standard={ita_2568.pk}")
    row = page.locator("tr", has=page.locator("strong", has_text="O21"))
    assert "ผ่านบางส่วน" in row.inner_text()
    parts = row.locator(".thgov-compliance-part--unmet")
    assert parts.count() == 1
    assert "กิจกรรมสร้างวัฒนธรรม No Gift Policy" in parts.inner_text()
    assert "ยังขาด:" in parts.inner_text()
    row.scroll_into_view_if_needed()
    view(page, "report-partial-item")

    # Load the next fiscal year's list: the header button, then the form.
    page.get_by_role("link", name="นำเข้ารายการฉบับใหม่").click()
    page.wait_for_load_state()
    view(page, "load-edition-form")
    page.fill("input[name=edition]", str(year))
    page.set_input_files(
        "input[name=file]",
        xlsx(tmp_path / "broken.xlsx", [["O1", "โครงสร้างและอำนาจหน้าที่", "", "", "", "แน่นอน", ""]]),
    )
    with page.expect_navigation():
        page.get_by_role("button", name="ตรวจสอบและนำเข้า").click()
    body = page.locator("main").inner_text()
    assert "ระบบไม่ได้บันทึกข้อมูลใด ๆ" in body and "แถวที่ 2" in body
    assert not Standard.objects.filter(edition=str(year)).exists()
    view(page, "load-edition-refused")

    rows = [
        ["O1", "โครงสร้างและอำนาจหน้าที่", "Structure and powers", "", "", "src", ""],
        ["O2", "ข้อมูลผู้บริหาร", "Executives", "", "", "src", ""],
        ["O3", "ข้อมูลการติดต่อ", "Contact", "", "", "partial", ""],
    ]
    page.fill("input[name=edition]", str(year))
    page.set_input_files("input[name=file]", xlsx(tmp_path / f"ita-{year}.xlsx", rows))
    with page.expect_navigation():
        page.get_by_role("button", name="ตรวจสอบและนำเข้า").click()
    page.wait_for_load_state()
    assert f"ฉบับปี {year} เทศบาลนำเข้าเอง" in page.locator("main").inner_text()
    assert Standard.objects.get(edition=str(year)).items.count() == 3
    view(page, "load-edition-done")

    # The public page now shows the municipality's own list for this year, without the warning.
    page.goto(f"{live_server.url}/ita/")
    assert f"ฉบับปี {year} เทศบาลนำเข้าเอง" in page.locator(".thgov-ita__edition").inner_text()
    assert page.locator(".thgov-ita__warning").count() == 0
    view(page, "public-ita-new-edition")
