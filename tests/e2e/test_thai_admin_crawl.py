"""Every admin screen a municipal officer can open on the demo, in Chromium, read for English words.

The uploader, the webmaster and the approver of the demo municipality each log in with the admin in Thai
and walk what their menu offers: the dashboard, every menu item and sub-item (reports, settings,
snippets, documents, images), the page explorer and search, the editor of each page type with each of its
tabs and its action menu opened, the add form of each page type, a page in the workflow with its
approve/request-changes dialogs, the history screens and the account page. Each screen's visible text is
counted for English words (names, addresses, codes, file names and standard abbreviations left aside);
the table is printed and every count must be zero, except the entries of ``ALLOWED`` with their reason.
"""

import json
import re
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Page

from wagtail_thgov.demo.users import DEMO_PASSWORD, DEMO_USERS

LOGIN_BUTTON = "ลงชื่อเข้าใช้"
ROLES = [username for username, *_ in DEMO_USERS]

# Words that are English but are not the admin speaking English, each with why it may stay.
ALLOWED = {
    "Wagtail": "the name of the software, shown in the admin's logo and 'about' line",
    "Draftail": "the name of the rich-text editor's component, in an accessibility label",
}
# Usernames of the demo people: names, shown where the admin shows who did something.
NAMES = {"admin", *ROLES}
ABBREVIATION = re.compile(r"^[A-Z0-9]{2,}s?$")  # PDF, XLSX, ITA, OIT, GWS, URL, PNGs
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]")
# Not words: addresses, e-mail addresses, file names, paths and codes (O1, m001, 2568-0001), CSS-ish ids.
NOT_WORDS = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+|\S+\.(?:pdf|docx?|xlsx?|csv|jpe?g|png|gif|svg|webp|zip|txt|json)\b"
    r"|(?<!\w)/[\w./?=&%-]*|\b[\w-]*\d[\w-]*\b|\b\w+\.\w+\.\w+\S*",
    re.IGNORECASE,
)
# The visible text of the screen plus what a user reads without it being element text.
VISIBLE_TEXT_JS = """() => {
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (el.offsetParent !== null) parts.push(el.placeholder);
  }
  for (const el of document.querySelectorAll('input[type=submit], input[type=button]')) {
    if (el.offsetParent !== null) parts.push(el.value);
  }
  return parts.join('\\n');
}"""


def english_words(text):
    """The English words of a screen's text, without names, addresses, codes and abbreviations."""
    text = NOT_WORDS.sub(" ", text)
    words = []
    for word in ENGLISH_WORD.findall(text):
        if word in NAMES or word in ALLOWED or ABBREVIATION.match(word) or len(word) == 1:
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
        words = english_words(self.page.evaluate(VISIBLE_TEXT_JS))
        self.found[f"{self.role}: {name}"] = words
        if words:
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


def crawl(page, base, role, screenshot, home):
    walk = Crawl(page, base, role, screenshot)
    walk.log_in()
    walk.read("dashboard")
    for path in walk.menu_paths():
        if walk.visit(path):
            # The first item of a listing: its edit form.
            first = page.locator("main table tbody tr td a[href*='/edit/']").first
            if first.count():
                href = urlsplit(first.get_attribute("href")).path
                if walk.visit(href, f"{path} › first item"):
                    walk.open_tabs_and_actions(f"{path} › first item")
    walk.visit("/admin/pages/", "page explorer: root")
    walk.visit(f"/admin/pages/{home.pk}/", "page explorer: home")
    walk.visit("/admin/pages/search/?q=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7", "page search")
    walk.visit(f"/admin/pages/{home.pk}/add_subpage/", "add a page: choose its type")
    for specific in page_of_each_type(home):
        kind = type(specific).__name__
        if walk.visit(f"/admin/pages/{specific.pk}/edit/", f"edit {kind}"):
            walk.open_tabs_and_actions(f"edit {kind}")
        walk.visit(f"/admin/pages/{specific.pk}/history/", f"history {kind}")
        parent = specific.get_parent()
        model = type(specific)._meta
        add = f"/admin/pages/add/{model.app_label}/{model.model_name}/{parent.pk}/"
        if walk.visit(add, f"add {kind}"):
            walk.open_tabs_and_actions(f"add {kind}")
    walk.visit("/admin/account/", "account")
    walk.visit("/admin/workflows/list/", "workflows")
    return walk.found


@pytest.fixture
def demo(live_server, wagtail_seed):
    call_command("thgov_demo", "--users", verbosity=0)
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page


def test_every_admin_screen_of_the_municipal_roles_is_thai(live_server, demo, page, screenshot):
    found = {}
    for role in ROLES:
        found.update(crawl(page, live_server.url, role, screenshot, demo))

    counts = defaultdict(int)
    print(f"\n{'screen':<90} english words")
    for screen, words in found.items():
        print(f"{screen[:90]:<90} {len(words):>3}  {' '.join(sorted(set(words)))[:200]}")
        for word in words:
            counts[word] += 1
    print(f"{len(found)} screens, {sum(len(w) for w in found.values())} English words")
    assert len(found) > 60, "the crawl reached too few screens to say anything"
    english = {screen: sorted(set(words)) for screen, words in found.items() if words}
    assert not english, f"English words on {len(english)} screens: {english}"
