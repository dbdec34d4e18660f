"""Every admin screen a municipal officer can open on the demo, in Chromium, read for English words.

The uploader, the webmaster and the approver of the demo municipality each log in with the admin in Thai
and walk what their menu offers: the dashboard, every menu item and sub-item (reports, settings,
snippets, documents, images, e-Service requests) with the first item of each listing, the page explorer and
search, the account page, and the editor of each page type with each of its tabs and its action menu opened
(all types for the webmaster, a few for the others), every page type's add form (the uploader creates
pages), and a page waiting at the officer's own workflow step with its "request changes" and "approve with
comment" dialogs; the webmaster also on a phone-size screen. Each screen's visible text is counted for English
words (names, addresses, codes, file names and standard abbreviations left aside; the rest of what may stay
is listed below, each with its reason); the table is printed and every count must be zero.

    python -m pytest tests/e2e/test_thai_admin_crawl.py -p no:xdist -s   # -s prints the table
"""

import json
import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page, Site

from thgov_demo.users import DEMO_PASSWORD, DEMO_USERS, role_people
from wagtail_thgov.workflows.roles import Role

# The words on the screens do not depend on the database: the PostgreSQL + Redis pass skips it.
pytestmark = pytest.mark.sqlite_pass_only

LOGIN_BUTTON = "ลงชื่อเข้าใช้"
ROLES = [username for username, *_ in DEMO_USERS]

# English that is not the admin speaking English: names of things, each with why it may stay.
ALLOWED = {
    "Wagtail": "the name of the software (logo, editor guide, upgrade notice)",
    "No Gift Policy": "the name of the NACC's policy, used as such in Thai ITA criteria and demo titles",
    "Excel": "the name of Microsoft's program, in the compliance workbook's download button",
    "LINE Official Account": "the name of a social-media product in the contact settings",
    "Facebook": "the name of a social-media product in the contact settings",
    "YouTube": "the name of a video service",
    "Open Data Common": "the name of Thailand's open-data licence (DGA), a choice of the licence field",
    # Checklist item names as the GWS 2.0 and ITA/OIT standards write them in Thai (compliance data,
    # wagtail_thgov/compliance/standards/*.json), offered as choices in the Metadata tab:
    "Social Network": "GWS 2.0 item 'ช่องทางติดต่อแบบ Social Network' and ITA/OIT item 'Social Network'",
    "Online Forms": "GWS 2.0 item 'e-Forms / Online Forms'",
    "เก็บ log": "GWS 2.0 item 'การปรับปรุงแพตช์ สำรองข้อมูล ควบคุมสิทธิ์ และเก็บ log'",
    "Root": "the title Wagtail's own migration gives the page tree's root; data, shown as a parent in search",
}
# A Thai term followed by its English original in parentheses, as Thai standards and regulations write
# loanword terms: "การแสดงผลบนอุปกรณ์และเบราว์เซอร์ที่หลากหลาย (Responsive)" in the GWS checklist's names.
THAI_TERM_WITH_ENGLISH_GLOSS = re.compile(
    r"(?<=[\u0E00-\u0E7F]) ?\([^()\u0E00-\u0E7F]*[A-Za-z][^()\u0E00-\u0E7F]*\)"
)
# File extensions named in help texts ("เช่น pdf, jpg, png"): codes.
FILE_EXTENSIONS = {
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "csv",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "svg",
    "webp",
    "zip",
    "txt",
}
# Places where Wagtail writes English that no catalogue reaches, each with why it stays (CSS selectors).
UNTRANSLATABLE = {
    ".w-dashboard form[role=search] input[type=submit]": (
        "the dashboard search's screen-reader-only submit button: Wagtail's home.html hard-codes "
        'value="Search" without a translation tag; fixing it would fork the whole dashboard template'
    ),
}
# Thai e-government service names written with an English "e-" prefix in regulations and ITA criteria
# (e-Service, e-GP, e-bidding, e-market): names, not English sentences.
E_GOVERNMENT_NAME = re.compile(r"^[eE]-[A-Za-z]+$")
# Usernames of the demo people: names, shown where the admin shows who did something.
NAMES = {"admin", *ROLES}
ABBREVIATION = re.compile(r"^[A-Z0-9][A-Z0-9-]*[A-Z0-9]s?$")  # PDF, XLSX, ITA, OIT, GWS, URL, BY-NC
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]")
# Not words: addresses, e-mail addresses, file names, paths, codes (O1, m001, 2568-0001), dotted names (.go.th).
NOT_WORDS = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+|\S+\.(?:pdf|docx?|xlsx?|csv|jpe?g|png|gif|svg|webp|zip|txt|json)\b"
    r"|(?<!\w)/[\w./?=&%-]*|\b[\w-]*\d[\w-]*\b|\S*\w\.\w\S*|(?<!\w)\.\w+(?:\.\w+)*",
    re.IGNORECASE,
)
ALLOWED_PHRASES = re.compile("|".join(re.escape(phrase) for phrase in sorted(ALLOWED, key=len, reverse=True)))
# What the officer reads on the screen: visible text nodes (not the closed options of a drop-down, not what
# was typed into a text box), placeholders and the values of input buttons, and the window title.
VISIBLE_TEXT_JS = """(untranslatable) => {
  const parts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA'].includes(el.tagName)) continue;
    const option = el.closest('option, optgroup');
    if (option) {
      if (option.tagName === 'OPTION' && option.selected) parts.push(node.textContent);
      continue;
    }
    if (!el.checkVisibility({checkVisibilityCSS: true, visibilityProperty: true})) continue;
    parts.push(node.textContent);
  }
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (el.checkVisibility()) parts.push(el.placeholder);
  }
  for (const el of document.querySelectorAll('input[type=submit], input[type=button]')) {
    if (el.checkVisibility() && !untranslatable.some((selector) => el.matches(selector))) parts.push(el.value);
  }
  return parts.join('\\n');
}"""


def english_words(text):
    """The English words of a screen's text, without names, addresses, codes and abbreviations."""
    text = NOT_WORDS.sub(" ", ALLOWED_PHRASES.sub(" ", THAI_TERM_WITH_ENGLISH_GLOSS.sub(" ", text)))
    words = []
    for word in ENGLISH_WORD.findall(text):
        if word in NAMES or word in FILE_EXTENSIONS or len(word) == 1:
            continue
        if ABBREVIATION.match(word) or E_GOVERNMENT_NAME.match(word):
            continue
        words.append(word)
    return words


class Crawl:
    """One officer's walk: screens visited, and the English words met on each."""

    def __init__(self, page, base, role, screenshot):
        self.page, self.base, self.role, self.screenshot = page, base, role, screenshot
        self.found = {}
        self.visited = set()

    def log_in(self):
        self.page.context.clear_cookies()
        self.page.goto(f"{self.base}/admin/login/")
        self.read("login")
        self.page.fill("input[name=username]", self.role)
        self.page.fill("input[name=password]", DEMO_PASSWORD)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=LOGIN_BUTTON).click()
        assert self.page.url == f"{self.base}/admin/"

    def read(self, name):
        """Count the English words the screen shows now, under ``name``."""
        self.page.wait_for_load_state("load")
        words = english_words(self.page.evaluate(VISIBLE_TEXT_JS, list(UNTRANSLATABLE)))
        self.found[f"{self.role}: {name}"] = words
        if words:
            print(f"{self.role}: {name}: {' '.join(sorted(set(words)))}", flush=True)
            self.screenshot(re.sub(r"\W+", "-", f"{self.role}-{name}")[:80])
        return words

    def visit(self, path, name=None):
        """Open an admin screen; False when the officer may not (redirected to the dashboard or refused)."""
        if path in self.visited:
            return False
        self.visited.add(path)
        response = self.page.goto(self.base + path)
        if response is None or response.status >= 400 or urlsplit(self.page.url).path != urlsplit(path).path:
            return False
        self.read(name or path)
        return True

    def menu_paths(self):
        """Every admin address the sidebar menu offers this officer, submenus included."""
        props = self.page.locator("#wagtail-sidebar-props").text_content()
        paths = re.findall(r'"(/admin/[^"#?]*)"', json.dumps(json.loads(props)))
        return [p for p in dict.fromkeys(paths) if "logout" not in p]

    def open_tabs_and_actions(self, name):
        """On an edit form: each tab, then the footer's action menu (publish, submit, approve...)."""
        tabs = self.page.get_by_role("tab")
        for index in range(tabs.count()):
            tab = tabs.nth(index)
            if tab.is_visible():
                label = tab.inner_text().strip()
                tab.click()
                self.read(f"{name} › tab {label}")
        toggle = self.page.locator("footer .w-dropdown__toggle")
        if toggle.count() and toggle.first.is_visible():
            toggle.first.click()
            self.page.wait_for_timeout(300)
            self.read(f"{name} › action menu")
            self.page.keyboard.press("Escape")


def page_of_each_type(home):
    """One page of each page type under the demo home, the home page included."""
    pages = {}
    for page in Page.objects.descendant_of(home, inclusive=True).specific().order_by("path"):
        pages.setdefault(type(page), page)
    return list(pages.values())


def put_in_workflow(page, people, approvals):
    """Submit ``page`` as the uploader and approve ``approvals`` steps, leaving it at the next step."""
    page.save_revision(user=people[Role.UPLOADER])
    state = page.get_workflow().start(page, people[Role.UPLOADER])
    for user in [people[Role.WEBMASTER], people[Role.APPROVER]][:approvals]:
        state.refresh_from_db()
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state.specific, user, "approve")
    return page


def open_editor(walk, page, name, everything=True):
    """A page's edit form, each tab and the action menu; then its history screens."""
    if walk.visit(f"/admin/pages/{page.pk}/edit/", f"edit {name}"):
        walk.open_tabs_and_actions(f"edit {name}")
    if everything:
        walk.visit(f"/admin/pages/{page.pk}/history/", f"history {name}")
        walk.visit(f"/admin/pages/{page.pk}/workflow_history/", f"workflow history {name}")


def open_workflow_dialog(walk, page, label, name):
    """From the editor's action menu, the workflow action ``label`` (it opens a dialog for a comment)."""
    walk.page.goto(f"{walk.base}/admin/pages/{page.pk}/edit/")
    walk.page.locator("footer .w-dropdown__toggle").first.click()
    walk.page.locator("footer").get_by_role("button", name=label).click()
    walk.page.locator(".modal.fade.in, .modal[aria-hidden=false], dialog[open]").first.wait_for()
    walk.read(f"{name} › dialog '{label}'")
    walk.screenshot(f"{walk.role}-dialog-{'approve' if 'อนุมัติ' in label else 'request-changes'}")
    walk.page.keyboard.press("Escape")


def crawl(page, base, role, screenshot, home, pages_by_type, in_review):
    walk = Crawl(page, base, role, screenshot)
    walk.log_in()
    walk.read("dashboard")
    screenshot(f"{role}-dashboard")
    # The admin's JavaScript texts: the plugin's Thai, merged after Wagtail's catalogue, is what gettext returns.
    assert page.evaluate("() => window.django.gettext('No results')") == "ไม่พบผลลัพธ์"
    for path in walk.menu_paths():
        if walk.visit(path):
            # The first item of a listing that is not a page (pages have their own round below).
            first = page.locator("main table tbody tr td a[href*='/edit/']").first
            if first.count():
                href = urlsplit(first.get_attribute("href")).path
                if not href.startswith("/admin/pages/") and walk.visit(href, f"{path} › first item"):
                    walk.open_tabs_and_actions(f"{path} › first item")
    walk.visit("/admin/pages/", "page explorer: root")
    walk.visit(f"/admin/pages/{home.pk}/", "page explorer: home")
    walk.visit("/admin/pages/search/?q=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7", "page search")
    walk.visit(f"/admin/pages/{home.pk}/add_subpage/", "add a page: choose its type")
    walk.visit("/admin/account/", "account")
    # Every page type's editor for the webmaster; the other roles see the same forms, so a few suffice.
    for specific in pages_by_type if role == "webmaster" else pages_by_type[:3]:
        open_editor(walk, specific, type(specific).__name__, everything=role == "webmaster")
    # The uploader creates pages: every page type's add form.
    if role == "uploader":
        for specific in pages_by_type:
            model, parent = type(specific)._meta, specific.get_parent()
            add = f"/admin/pages/add/{model.app_label}/{model.model_name}/{parent.pk}/"
            if walk.visit(add, f"add {type(specific).__name__}"):
                walk.open_tabs_and_actions(f"add {type(specific).__name__}")
    # The page waiting for this officer's step: its editor with the workflow actions and their dialogs.
    if role in in_review:
        reviewed = in_review[role]
        open_editor(walk, reviewed, f"{type(reviewed).__name__} awaiting review")
        walk.page.goto(f"{walk.base}/admin/pages/{reviewed.pk}/edit/")
        walk.page.locator("footer .w-dropdown__toggle").first.click()
        screenshot(f"{role}-awaiting-review-action-menu")
        for label in ("ส่งกลับให้แก้ไข", "อนุมัติพร้อมความคิดเห็น"):
            open_workflow_dialog(walk, reviewed, label, "page awaiting review")
    # On a phone: the dashboard, the sidebar opened, and an editor's action menu.
    if role == "webmaster":
        page.set_viewport_size({"width": 390, "height": 844})
        walk.visited.discard("/admin/")
        walk.visit("/admin/", "phone: dashboard")
        page.get_by_role("button", name="แสดง/ซ่อนแถบเมนูด้านข้าง").first.click()
        walk.read("phone: sidebar")
        screenshot("phone-sidebar")
        walk.visited.discard(f"/admin/pages/{pages_by_type[1].pk}/edit/")
        open_editor(walk, pages_by_type[1], "phone: editor", everything=False)
        screenshot("phone-editor")
        page.set_viewport_size({"width": 1280, "height": 900})
    return walk.found


@pytest.fixture
def demo(live_server, live_demo):
    """The demo municipality with its log-ins, one page at the webmaster's step and one at the approver's."""
    site = Site.objects.get(is_default_site=True)
    people = role_people(site)
    home = site.root_page
    pages = page_of_each_type(home)
    documents = [page for page in pages if page.get_workflow() is not None]
    in_review = {
        "webmaster": put_in_workflow(documents[-1], people, approvals=0),
        "approver": put_in_workflow(documents[-2], people, approvals=1),
    }
    return home, pages, in_review


def test_every_admin_screen_of_the_municipal_roles_is_thai(live_server, demo, page, screenshot):
    home, pages_by_type, in_review = demo
    found = {}
    for role in ROLES:
        found.update(crawl(page, live_server.url, role, screenshot, home, pages_by_type, in_review))
    # Leave the last editor while the server still runs: its editing session is released by a request sent
    # as the page unloads, which must not arrive while the test database is being flushed.
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_load_state("networkidle")

    print(f"\n{'screen':<90} english words")
    for screen, words in found.items():
        print(f"{screen[:90]:<90} {len(words):>3}  {' '.join(sorted(set(words)))[:200]}")
    print(f"{len(found)} screens, {sum(len(w) for w in found.values())} English words")
    assert len(found) > 100, "the crawl reached too few screens to say anything"
    english = {screen: sorted(set(words)) for screen, words in found.items() if words}
    assert not english, f"English words on {len(english)} screens: {english}"
