"""The built wheel is complete and works on its own: installed into a fresh virtualenv (dependencies from
the package index, nothing from this checkout), it migrates and sets up a new, minimal Wagtail project.

Slow, so marked ``slow``: measured here, building the sdist and wheel takes about 12 s, the virtualenv 5 s,
the pip install 23 s (pip's cache warm), Wagtail's migrations 35 s and thgov_setup 6 s. It does not depend on
the database of the surrounding test run, so the PostgreSQL + Redis pass of ``make test`` skips it.
"""

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

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
    if os.environ.get("DATABASE_URL"):
        pytest.skip("independent of the database: runs in the SQLite pass only")
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


def test_wheel_installs_and_sets_up_a_fresh_project(wheel, tmp_path):
    venv = tmp_path / "venv"
    python = venv / "bin" / "python"
    run([sys.executable, "-m", "venv", str(venv)], timeout=120)
    # Dependencies come from the package index (pip's cache makes a repeat run quick).
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], timeout=900)

    project = tmp_path / "project"
    (project / "freshsite").mkdir(parents=True)
    (project / "freshsite" / "__init__.py").write_text("")
    (project / "freshsite" / "settings.py").write_text(textwrap.dedent(MINIMAL_SETTINGS))
    (project / "freshsite" / "urls.py").write_text(textwrap.dedent(MINIMAL_URLS))
    # Only the fresh project on the path: nothing may come from this checkout.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "DATABASE_URL", "REDIS_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE="freshsite.settings", PYTHONPATH=str(project))

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
