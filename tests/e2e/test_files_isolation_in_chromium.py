"""Each municipality's own file library, as an uploader meets it in Chromium: the documents listing and the
document chooser of the page editor show only the uploader's own site's files; another site's document,
typed into the address bar, is refused."""

from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.factories import PASSWORD, make_site, role_users
from thgov_demo.files import pdf_bytes
from wagtail_thgov.pages.law import LawIndexPage
from wagtail_thgov.sitefiles.libraries import site_collection
from wagtail_thgov.workflows.roles import Role

LOGIN_BUTTON = "ลงชื่อเข้าใช้"
OWN = "ข้อบัญญัติงบประมาณรายจ่าย เทศบาลบ้านนา"
OTHER = "ข้อบัญญัติงบประมาณรายจ่าย เทศบาลหนองบัว"


def document(title, site, filename):
    doc = get_document_model()(title=title, collection=site_collection(site))
    doc.file.save(filename, ContentFile(pdf_bytes("budget", ["Fictional budget."])))
    return doc


def test_uploader_sees_and_chooses_only_their_own_sites_files(live_server, wagtail_seed, page, screenshot):
    a = make_site("localhost", title="เทศบาลตำบลบ้านนา")
    b = make_site("b.localhost", title="เทศบาลตำบลหนองบัว", is_default=False)
    laws = a.root_page.add_child(instance=LawIndexPage(title="กฎหมายและระเบียบ", slug="laws"))
    laws.save_revision().publish()
    document(OWN, a, "budget-banna.pdf")
    other = document(OTHER, b, "budget-nongbua.pdf")
    uploader = role_users(a)[Role.UPLOADER]
    base = live_server.url

    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", uploader.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=LOGIN_BUTTON).click()

    # (1) The documents listing, from the admin menu: the site's own budget act, not the other's.
    page.goto(f"{base}/admin/")
    page.get_by_role("link", name="เอกสาร").first.click()
    page.wait_for_url(f"{base}/admin/documents/")
    listing = page.locator("main").inner_text()
    screenshot("1-documents-listing")
    assert OWN in listing
    assert OTHER not in listing

    # (2) The document chooser of the page editor: the same, and searching the other's title finds nothing.
    page.goto(base + reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "lawpage", laws.pk)))
    page.locator("#id_document-chooser button.action-choose, [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-content")
    modal.get_by_text(OWN).wait_for()
    screenshot("2-document-chooser")
    assert OTHER not in modal.inner_text()
    # Both budget acts begin with the same words: typed by hand, they find the uploader's own act only.
    modal.get_by_role("textbox").first.press_sequentially("ข้อบัญญัติงบประมาณรายจ่าย", delay=20)
    page.wait_for_timeout(1500)  # the chooser searches as you type
    modal.get_by_text(OWN).wait_for()
    screenshot("3-chooser-search")
    assert OTHER not in modal.inner_text()

    # (3) The other site's document, its edit URL typed by hand: refused, its title never shown.
    page.goto(base + reverse("wagtaildocs:edit", args=[other.pk]))
    page.wait_for_url(f"{base}/admin/")  # Wagtail sends the uploader back to the dashboard ...
    refusal = page.locator(".messages li.error")
    refusal.wait_for()  # ... saying, in Thai, that this is not theirs to open
    page.wait_for_timeout(500)  # the message slides in
    screenshot("4-other-sites-document-refused")
    assert refusal.inner_text().strip()
    assert OTHER not in page.content()
    assert get_document_model().objects.get(pk=other.pk).title == OTHER
