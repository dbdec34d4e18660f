"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's ``live_server``.

Every test under tests/e2e/ gets the ``e2e`` marker, so ``pytest -m "not e2e"`` leaves them out.
Never run ``playwright install``: the system Chromium at /usr/bin/chromium is used instead.

``live_server`` makes a test transactional: its data is flushed afterwards, including the rows migrations
create (Wagtail's root page, default Site). Build what a test needs inside the test (e.g. run
``thgov_setup`` with ``call_command``; the demo: the ``live_demo`` fixture of tests/conftest.py).
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop running in the main thread; Django would then refuse
# ORM calls from the test itself ("You cannot call this from an async context"). The tests are plain
# synchronous code, so that guard is a false alarm here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test item, so that the ``page`` fixture can tell a failed test.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def browser(require_tool):
    # Package scope: one Chromium for all browser tests, closed (with Playwright's event loop) before
    # the rest of the suite runs.
    executable = require_tool(CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _artifact_path(request, label):
    name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}-{label}.png"


@pytest.fixture
def page(browser, request):
    """A fresh browser context and page per test, Thai locale and Bangkok time like a visitor's."""
    context = browser.new_context(
        locale="th-TH", timezone_id="Asia/Bangkok", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        page.screenshot(path=_artifact_path(request, "failure"), full_page=True)
    context.close()


@pytest.fixture
def screenshot(page, request):
    """``screenshot("after-login")`` saves test-artifacts/<test id>-after-login.png and returns its path."""

    def take(label="page"):
        path = _artifact_path(request, label)
        page.screenshot(path=path, full_page=True)
        return path

    return take


@pytest.fixture(autouse=True)
def thai_site(settings):
    """Browser tests see the site as a Thai citizen or officer does: in Thai (the product's default)."""
    settings.LANGUAGE_CODE = "th"


@pytest.fixture
def wagtail_seed(live_server, settings):
    """Recreate what Wagtail's migrations seed (locale, root page, root collection), which live_server's
    flush between transactional tests removes."""
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
