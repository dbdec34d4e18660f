"""Accessibility and Content-Security-Policy sweep of the demo municipality in Chromium.

Every page of the demo's /sitemap.xml, the search page with and without results, a 404 page and the
satisfaction widget's result states are checked with axe-core: no serious or critical violation is
allowed. The same visits listen for Content-Security-Policy violations, proving that the public theme
satisfies the policy of ``wagtail_thgov.security.middleware.SecurityHeadersMiddleware``.
A summary table (URL -> violations by impact) is printed and saved in test-artifacts/.
"""

import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import urlparse

import pytest

from tests.e2e.conftest import ARTIFACTS

# The rendered pages do not depend on the database: the PostgreSQL + Redis pass skips it.
pytestmark = pytest.mark.sqlite_pass_only

BLOCKING = ("serious", "critical")
IMPACTS = ("minor", "moderate", "serious", "critical")
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

# Every plugin widget must have been checked on at least one page of the sweep.
WIDGETS = {
    "site counter": ".thgov-counter",
    "satisfaction widget": "#thgov-satisfaction",
    "downloads": ".document-downloads",
    "process steps": ".process-steps",
    "people": ".people",
    "gallery": ".gallery",
    "table": ".table-block",
    "image": ".image-block",
    "infographic": ".infographic",
    "contact card": ".contact-card",
    "link list": ".link-list",
    "main menu": ".main-nav",
    "breadcrumbs": "nav.breadcrumbs, .breadcrumbs",
}

CSP_LISTENER = """
window.__thgovCspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__thgovCspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


class Sweep:
    """Runs axe on pages and collects violations and CSP reports per URL."""

    def __init__(self, page, base_url):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.page = page
        self.base_url = base_url
        self.rows = []
        self.blocking = []
        self.minor = []
        self.csp = []
        self.console_csp = []
        self.widgets_seen = set()
        page.add_init_script(CSP_LISTENER)
        page.on(
            "console",
            lambda message: (
                self.console_csp.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )

    def visit(self, path, label=None, expect_status=200):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status == expect_status, (
            f"{path}: {response and response.status}"
        )
        self.check(label or path)

    def check(self, label):
        self.page.wait_for_load_state("load")
        for widget, selector in WIDGETS.items():
            if widget not in self.widgets_seen and self.page.locator(selector).count():
                self.widgets_seen.add(widget)
        violations = self.axe.run(self.page).response["violations"]
        counts = Counter(v.get("impact") or "minor" for v in violations)
        self.rows.append((label, counts))
        for violation in violations:
            if violation.get("impact") not in BLOCKING:
                targets = [", ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                self.minor.append(f"{label}: [{violation.get('impact')}] {violation['id']} {targets}")
            if violation.get("impact") in BLOCKING:
                targets = [", ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                self.blocking.append(
                    f"{label}: [{violation['impact']}] {violation['id']}: {violation['help']} {targets}"
                )
        reports = self.page.evaluate("window.__thgovCspViolations || []")
        self.csp.extend(f"{label}: {report}" for report in reports)

    def table(self):
        width = max(len(label) for label, _ in self.rows)
        lines = [f"{'URL':{width}}  " + "  ".join(f"{impact:>8}" for impact in IMPACTS)]
        for label, counts in self.rows:
            lines.append(
                f"{label:{width}}  " + "  ".join(f"{counts.get(impact, 0):>8}" for impact in IMPACTS)
            )
        total = sum((counts for _, counts in self.rows), Counter())
        lines.append(
            f"{'TOTAL (' + str(len(self.rows)) + ' pages)':{width}}  "
            + "  ".join(f"{total.get(i, 0):>8}" for i in IMPACTS)
        )
        return "\n".join(lines)


def sitemap_paths(page, base_url):
    xml = page.request.get(f"{base_url}/sitemap.xml").text()
    locations = [loc.text for loc in ET.fromstring(xml).findall("sm:url/sm:loc", SITEMAP_NS)]
    return [urlparse(location).path for location in locations]


def add_people_block():
    """The demo shows its people through the directory pages; add the StreamField people block to one
    live page so that the widget is checked too."""
    from wagtail.models import Page

    for page in Page.objects.live().specific().order_by("path"):
        body = getattr(page, "body", None)
        if body is not None and "people" in getattr(body.stream_block, "child_blocks", {}):
            block = body.stream_block.child_blocks["people"]
            raw = {"heading": "ผู้บริหาร", "people": [{"name": "นายสมชาย ใจดี", "position": "นายกเทศมนตรี"}]}
            body.append(("people", block.to_python(raw)))
            page.save_revision().publish()
            return page
    raise AssertionError("no demo page has a body that takes a people block")


@pytest.fixture
def demo(live_server, live_demo, settings):
    settings.THGOV_STATS_ENABLED = True
    add_people_block()
    return live_server


def test_demo_sitemap_and_widgets_pass_axe_and_the_csp(demo, page, capsys):
    sweep = Sweep(page, demo.url)
    paths = sitemap_paths(page, demo.url)
    assert len(paths) > 20, paths
    for path in paths:
        sweep.visit(path)

    sweep.visit("/search/?query=%E0%B9%80%E0%B8%97%E0%B8%A8%E0%B8%9A%E0%B8%B2%E0%B8%A5", "/search/ (results)")
    assert page.locator(".search-results li, .thgov-search-results li, main li").count() > 0
    sweep.visit("/search/?query=zzqqxxnothing", "/search/ (no results)")
    sweep.visit("/search/", "/search/ (empty form)")
    sweep.visit("/no-such-page/", "404 page", expect_status=404)

    # The satisfaction widget: its "thanks" state after a rating, then "already rated" on a second try.
    survey = next(
        (p for p in paths if page.goto(demo.url + p) and page.locator("#thgov-satisfaction").count()), None
    )
    assert survey is not None, "no demo page shows the satisfaction widget"
    for label in ("thanks", "already"):
        page.goto(demo.url + survey)
        page.locator("#thgov-satisfaction input[name=rating]").first.check()
        page.locator("#thgov-satisfaction-comment").fill("บริการดีมาก")
        with page.expect_navigation():
            page.locator("#thgov-satisfaction button[type=submit]").click()
        assert page.locator(".thgov-satisfaction__message").count() == 1
        sweep.check(f"{survey} (satisfaction {label})")

    # Counts of the visits are written now, while the test database still exists.
    from wagtail_thgov.stats.buffer import flush

    flush()
    summary = sweep.table()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-summary.txt").write_text(
        summary + "\n\n" + "\n".join(sweep.blocking + sweep.minor) + "\n", encoding="utf-8"
    )
    with capsys.disabled():
        print(
            "\n\naxe-core over the demo (violations by impact)\n"
            + summary
            + "\n"
            + "\n".join(sweep.minor)
            + "\n"
        )
    assert not set(WIDGETS) - sweep.widgets_seen, (
        f"widgets never checked: {set(WIDGETS) - sweep.widgets_seen}"
    )
    assert not sweep.blocking, "serious/critical accessibility violations:\n" + "\n".join(sweep.blocking)
    assert not sweep.csp and not sweep.console_csp, "CSP violations:\n" + "\n".join(
        sweep.csp + sweep.console_csp
    )


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_main(live_server, wagtail_seed, page):
    from tests.security_support import security_site

    security_site()
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "th"
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip-link", "#main-content"]
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_menu_opens_and_its_links_are_reached_by_keyboard_without_javascript(
    live_server, wagtail_seed, browser
):
    from tests.security_support import security_site

    security_site()
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 400, "height": 800}, locale="th-TH"
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        summary = page.locator(".main-nav__summary")
        summary.focus()
        assert not page.locator(".main-nav__toggle").evaluate("el => el.open")
        page.keyboard.press("Enter")
        assert page.locator(".main-nav__toggle").evaluate("el => el.open")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "main-nav__link"
        with page.expect_navigation():
            page.keyboard.press("Enter")
    finally:
        context.close()
