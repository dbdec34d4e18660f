"""The built wheel is complete and works on its own: installed into a fresh virtualenv (dependencies from
the package index, nothing from this checkout), it migrates and sets up a new, minimal Wagtail project;
and the README's install section, applied as written to a project made by ``wagtail start``, gives a
municipal site on which the three roles certify a page that is then served with its metadata box.

Slow, so marked ``slow``: measured here, building the sdist and wheel takes about 12 s, the virtualenv 5 s,
the pip install 23 s (pip's cache warm), Wagtail's migrations 35 s and thgov_setup 6 s. It does not depend on
the database of the surrounding test run, so the PostgreSQL + Redis pass of ``make test`` skips it.
"""

import os
import re
import shlex
import socket
import subprocess
import sys
import tarfile
import textwrap
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_pass_only]

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "wagtail_thgov"

MINIMAL_SETTINGS = """
    # A new project that follows the plugin's installation instructions and nothing more.
    from pathlib import Path

    BASE_DIR = Path(__file__).resolve().parent.parent
    SECRET_KEY = "packaging-test"
    DEBUG = True
    ALLOWED_HOSTS = ["*"]
    INSTALLED_APPS = [
        "wagtail_thgov",
        "wagtail_thgov.thai_admin",
        "wagtail.contrib.settings",
        "wagtail.contrib.forms",
        "wagtail.contrib.redirects",
        "wagtail.contrib.sitemaps",
        "wagtail.contrib.search_promotions",
        "wagtail.contrib.table_block",
        "wagtail.embeds",
        "wagtail.sites",
        "wagtail.users",
        "wagtail.snippets",
        "wagtail.documents",
        "wagtail.images",
        "wagtail.search",
        "wagtail.admin",
        "wagtail",
        "modelcluster",
        "taggit",
        "django_q",
        "django.contrib.admin",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "django.contrib.staticfiles",
        "django.contrib.sitemaps",
    ]
    MIDDLEWARE = [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ]
    ROOT_URLCONF = "freshsite.urls"
    TEMPLATES = [{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": [
            "django.template.context_processors.request",
            "django.contrib.auth.context_processors.auth",
            "django.contrib.messages.context_processors.messages",
            "wagtail.contrib.settings.context_processors.settings",
        ]},
    }]
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
    DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
    LANGUAGE_CODE = "th"
    TIME_ZONE = "Asia/Bangkok"
    USE_TZ = True
    STATIC_URL = "/static/"
    MEDIA_ROOT = BASE_DIR / "media"
    WAGTAIL_SITE_NAME = "Fresh municipality"
    WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    Q_CLUSTER = {"name": "fresh", "orm": "default", "timeout": 60, "retry": 90}
"""

MINIMAL_URLS = """
    from django.urls import include, path
    from wagtail import urls as wagtail_urls
    from wagtail.admin import urls as wagtailadmin_urls

    urlpatterns = [
        path("admin/", include("wagtail_thgov.isolation.admin_urls")),
        path("admin/", include(wagtailadmin_urls)),
        path("", include("wagtail_thgov.urls")),
        path("", include(wagtail_urls)),
    ]
"""


def run(command, **kwargs):
    """Run a command; on failure, show its output in the assertion message."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def source_files(require_tool):
    """Files under wagtail_thgov/ that git tracks or would add (untracked, not ignored): the package source."""
    git = require_tool("git")
    listed = run([git, "ls-files", "--cached", "--others", "--exclude-standard", PACKAGE], cwd=REPO).stdout
    # A tracked file deleted in the working tree is not part of the source any more.
    return {path for path in listed.splitlines() if (REPO / path).is_file()}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    # sdist first, then the wheel from the unpacked sdist (python -m build's default): checks the sdist
    # too, and a stale build/ folder in the checkout can't smuggle files into the wheel.
    run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], timeout=600)
    (wheel,) = out.glob("*.whl")
    return wheel


def test_wheel_contains_everything_the_package_needs(wheel, require_tool):
    names = set(zipfile.ZipFile(wheel).namelist())
    package_files = {name for name in names if name.startswith(f"{PACKAGE}/")}

    top_level = {name.split("/")[0] for name in names} - {PACKAGE}
    assert len(top_level) == 1 and top_level.pop().endswith(".dist-info"), (
        "the wheel must hold the package and its metadata only (no tests, no example project)"
    )
    assert f"{PACKAGE}/migrations/0001_initial.py" in package_files
    assert f"{PACKAGE}/locale/th/LC_MESSAGES/django.mo" in package_files, "run `make messages`"
    for domain in ("django", "djangojs"):
        assert f"{PACKAGE}/thai_admin/locale/th/LC_MESSAGES/{domain}.mo" in package_files
    assert any(name.startswith(f"{PACKAGE}/templates/") for name in package_files)
    assert any(name.startswith(f"{PACKAGE}/static/") for name in package_files)

    # The demo municipality belongs to the example project (example_project/thgov_demo): no demo module,
    # data file or management command ships in the package.
    demo = sorted(name for name in names if any("demo" in part.lower() for part in name.split("/")))
    assert not demo, f"demo content in the wheel: {demo}"
    commands = {Path(name).stem for name in package_files if "/management/commands/" in name} - {"__init__"}
    assert {"thgov_setup", "thgov_compliance", "thgov_inventory"} <= commands, sorted(commands)

    # Every source file (Python or data: templates, static, .po, YAML, ...) ships. This catches
    # package-data globs that miss a new kind of file, and subpackages without __init__.py.
    missing = sorted(source_files(require_tool) - package_files)
    assert not missing, f"source files missing from the wheel: {missing}"


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    """A fresh virtualenv with the wheel installed (shared by the tests of this module)."""
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", str(venv)], timeout=120)
    # Dependencies come from the package index (pip's cache makes a repeat run quick).
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], timeout=900)
    return venv


def clean_env(**extra):
    """The environment without this checkout or the test run's database: nothing may leak in."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(extra)
    return env


def test_wheel_installs_and_sets_up_a_fresh_project(venv, tmp_path):
    python = venv / "bin" / "python"
    project = tmp_path / "project"
    (project / "freshsite").mkdir(parents=True)
    (project / "freshsite" / "__init__.py").write_text("")
    (project / "freshsite" / "settings.py").write_text(textwrap.dedent(MINIMAL_SETTINGS))
    (project / "freshsite" / "urls.py").write_text(textwrap.dedent(MINIMAL_URLS))
    # Only the fresh project on the path: nothing may come from this checkout.
    env = clean_env(DJANGO_SETTINGS_MODULE="freshsite.settings", PYTHONPATH=str(project))

    def django(*args):
        return run([str(python), "-m", "django", *args], cwd=project, env=env, timeout=600)

    location = run(
        [str(python), "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"], cwd=project, env=env
    ).stdout.strip()
    assert Path(location).is_relative_to(venv), f"{PACKAGE} imported from {location}, not the fresh venv"

    django("migrate", "--noinput")  # runs the system checks first
    setup = django("thgov_setup")
    assert "thgov_setup" in setup.stdout
    # The installed plugin offers its own commands and no demo (that lives in the example project).
    commands = django("help", "--commands").stdout.split()
    assert "thgov_setup" in commands and not [name for name in commands if "demo" in name], commands


def test_wheel_ships_the_licence_and_project_urls(wheel):
    archive = zipfile.ZipFile(wheel)
    (dist_info,) = {name.split("/")[0] for name in archive.namelist() if ".dist-info/" in name}
    assert "BSD 3-Clause" in archive.read(f"{dist_info}/licenses/LICENSE").decode()
    metadata = archive.read(f"{dist_info}/METADATA").decode()
    assert "License-Expression: BSD-3-Clause" in metadata
    urls = [line for line in metadata.splitlines() if line.startswith("Project-URL: ")]
    assert {url.split(",")[0] for url in urls} >= {"Project-URL: Documentation", "Project-URL: Source"}
    # The README is the long description: a relative link to docs/ would be broken on the package index.
    assert "](docs/" not in metadata
    # The sdist (built beside the wheel) carries the licence and the documentation the README links to.
    (sdist,) = wheel.parent.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "docs/install.md", "docs/deployment.md", "docs/images/demo-home.png"} <= names


# --- The integrator's path (issue 23): the README's install section, as written, in a `wagtail start` project.

README_BLOCK = re.compile(
    r"<!-- install:(?P<name>[\w-]+) -->\s*```\w*\n(?P<code>.*?)```\s*<!-- /install:(?P=name) -->", re.S
)

# Runs inside the new project (`manage.py shell -c`): the three role users, and a page certified through
# the two-step workflow by them, over HTTP through the admin (Django's test client). Prints the page's URL.
CERTIFY_THROUGH_THE_ADMIN = """
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

site = Site.objects.get(is_default_site=True)
users = {}
for role in (Role.UPLOADER, Role.WEBMASTER, Role.APPROVER):
    user = get_user_model().objects.create_user(role.value, f"{role.value}@example.go.th", "thgov-install-1")
    user.groups.add(role_group(site, role))
    users[role] = Client()
    assert users[role].login(username=role.value, password="thgov-install-1")

agency = AgencyIndexPage.objects.descendant_of(site.root_page).get()
form = nested_form_data({
    "title": "ประวัติความเป็นมา", "slug": "history", "kind": "history", "body": streamfield([]),
    "source_text": "สำนักปลัดเทศบาล", "data_period_start": "2025-10-01", "data_period_end": "2026-09-30",
    "keywords": "", "comments": inline_formset([]),
})
add = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "agencyinfopage", agency.pk))
response = users[Role.UPLOADER].post(add, {**form, "action-submit": "submit"})
assert response.status_code == 302, response.content.decode()[:3000]
page = AgencyInfoPage.objects.get(slug="history")
assert not page.live, "the uploader cannot publish"
for role in (Role.WEBMASTER, Role.APPROVER):
    state = page.current_workflow_task_state
    action = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))
    assert users[role].post(action, {}).status_code == 302
    page.refresh_from_db()
assert page.live and page.thgov_certification is not None, "certified and published by the approver"
print("CERTIFIED", page.url)
"""

# What an existing project already has before the plugin: a page of its own below its home page.
EXISTING_CONTENT = """
from home.models import HomePage
home = HomePage.objects.get(depth=2)
about = home.add_child(instance=HomePage(title="About us", slug="about"))
about.save_revision().publish()
"""


def readme_blocks():
    blocks = {
        match["name"]: match["code"] for match in README_BLOCK.finditer((REPO / "README.md").read_text())
    }
    assert {"pip", "settings", "urls", "commands"} <= set(blocks), "the README lost an install block marker"
    return blocks


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_readme_install_section_as_written_gives_a_certified_municipal_site(venv, tmp_path):
    python = venv / "bin" / "python"
    blocks = readme_blocks()
    assert blocks["pip"].strip() == "pip install wagtail-thgov"  # the venv fixture installed the wheel

    # A new project from Wagtail's own starter template, with the CLI the wheel's dependencies installed.
    run([str(venv / "bin" / "wagtail"), "start", "mysite", str(tmp_path)], timeout=120)
    project = tmp_path
    with open(project / "mysite" / "settings" / "base.py", "a") as settings:
        settings.write("\n" + blocks["settings"])
    with open(project / "mysite" / "urls.py", "a") as urls:
        urls.write("\n" + blocks["urls"])
    env = clean_env()

    def manage(*args, timeout=600):
        return run([str(python), "manage.py", *args], cwd=project, env=env, timeout=timeout)

    for line in blocks["commands"].strip().splitlines():
        command = shlex.split(line)
        assert command[:2] == ["python", "manage.py"], line
        result = manage(*command[2:])
        if command[2] == "migrate":
            manage("shell", "-c", EXISTING_CONTENT)
        if command[2] == "check":
            assert "wagtail_thgov." not in result.stdout + result.stderr, result.stderr

    certified = manage("shell", "-c", CERTIFY_THROUGH_THE_ADMIN).stdout
    (page_url,) = [line.split()[1] for line in certified.splitlines() if line.startswith("CERTIFIED ")]

    port = free_port()
    server = subprocess.Popen(
        [str(python), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = fetch(base + "/django-admin/login/")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "runserver did not start"
                time.sleep(0.5)
        assert status == 200, "the project's own Django admin still serves"

        status, html = fetch(base + urllib.parse.quote(page_url))
        assert status == 200
        assert 'id="thgov-metadata-heading"' in html, "the metadata box of the certified page"
        assert "สำนักปลัดเทศบาล" in html

        status, html = fetch(base + "/")
        assert status == 200 and "เทศบาลตำบลตัวอย่าง" in html
        for section in ("ข้อมูลหน่วยงาน", "ข่าวประชาสัมพันธ์", "บริการออนไลน์"):
            assert section in html, f"the section {section} is in the menu"

        status, html = fetch(base + "/about/")
        assert status == 200 and "About us" in html, "the project's own page still serves"

        status, html = fetch(base + "/search/?query=" + urllib.parse.quote("ประวัติ"))
        assert status == 200 and 'lang="th"' in html, "/search/ is the plugin's Thai search"
    finally:
        server.terminate()
        server.wait(timeout=30)
