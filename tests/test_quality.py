"""Repository hygiene that would otherwise only be noticed by a user: lint, migrations, translations."""

import gettext
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[1]
THAI_PO = REPO / "wagtail_thgov" / "locale" / "th" / "LC_MESSAGES" / "django.po"
# The plugin's own catalogue and the Thai overrides of Wagtail's admin texts (wagtail_thgov.thai_admin).
THAI_ADMIN = REPO / "wagtail_thgov" / "thai_admin" / "locale" / "th" / "LC_MESSAGES"
THAI_CATALOGUES = [THAI_PO, THAI_ADMIN / "django.po", THAI_ADMIN / "djangojs.po"]


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_are_kept():
    """The layers of pyproject.toml's import-linter contracts (tests/test_import_contracts.py shows that
    they break on a reversed import)."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db  # makemigrations checks the migration history in the (test) database
def test_no_model_change_lacks_a_migration(settings):
    # The package's own migrations, even when THGOV_SCRATCH_MIGRATIONS (tests/settings.py) swaps them out.
    settings.MIGRATION_MODULES = {}
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"models changed without a migration (run makemigrations):\n{out.getvalue()}")


def _catalog(mo_path):
    with open(mo_path, "rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


@pytest.mark.parametrize("THAI_PO", THAI_CATALOGUES, ids=lambda path: str(path.relative_to(REPO)))
def test_thai_mo_is_compiled_from_the_current_po(require_tool, tmp_path, THAI_PO):
    msgfmt = require_tool("msgfmt")
    assert THAI_PO.is_file(), f"{THAI_PO.relative_to(REPO)} is missing (run `make messages`)"
    mo = THAI_PO.with_suffix(".mo")
    assert mo.is_file(), f"{mo.relative_to(REPO)} is missing (run `make messages`)"

    # Compile the .po the way compilemessages does and compare what the two catalogs translate (not the
    # bytes: another gettext version may lay out an identical catalog differently).
    fresh = tmp_path / "django.mo"
    subprocess.run([msgfmt, "--check-format", "-o", fresh, THAI_PO], check=True, capture_output=True)
    assert _catalog(mo) == _catalog(fresh), "django.mo is older than django.po: run `make messages`"


@pytest.mark.parametrize("THAI_PO", THAI_CATALOGUES, ids=lambda path: str(path.relative_to(REPO)))
def test_thai_po_has_no_untranslated_or_fuzzy_messages(require_tool, tmp_path, THAI_PO):
    msgfmt = require_tool("msgfmt")
    assert THAI_PO.is_file(), f"{THAI_PO.relative_to(REPO)} is missing (run `make messages`)"
    # msgfmt --statistics prints e.g. "41 translated messages, 2 fuzzy translations, 1 untranslated message."
    result = subprocess.run(
        [msgfmt, "--statistics", "-o", tmp_path / "django.mo", THAI_PO],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C"},  # English statistics, whatever the machine's locale
        check=True,
    )
    statistics = result.stderr.strip()
    assert "fuzzy" not in statistics and "untranslated" not in statistics, (
        f"{THAI_PO.relative_to(REPO)}: {statistics} (fuzzy and untranslated messages show in English)"
    )
