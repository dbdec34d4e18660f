"""The import-linter contracts (pyproject.toml, ``[tool.importlinter]``) would fail on the old cycles.

``tests/test_quality.py`` runs ``lint-imports`` on the package as it is. Here each test copies the package's
Python files to a temporary folder, puts back one import that the layering removed (or adds one that it
forbids), runs ``lint-imports`` there with the same contracts, and expects the named contract to break:
a contract that passed whatever the code did would fail these tests.
"""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "wagtail_thgov"
# The same interpreter's entry point: the venv's bin/ in CI and with `make`.
LINT_IMPORTS = [
    sys.executable,
    "-c",
    "from importlinter.cli import lint_imports_command; lint_imports_command()",
]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    # The package is found from the working directory (lint-imports puts it first on sys.path).
    # Wide enough that no contract's name is wrapped in the report.
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [*LINT_IMPORTS, "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def package_copy(tmp_path):
    """A copy of the package's Python files and of pyproject.toml in ``tmp_path``."""
    shutil.copytree(
        PACKAGE,
        tmp_path / "wagtail_thgov",
        ignore=shutil.ignore_patterns("static", "templates", "locale", "__pycache__", "*.pyc", "files"),
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_line(path: Path, line: str):
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n" + line + "  # noqa\n", encoding="utf-8")


def test_the_copy_itself_keeps_every_contract(package_copy):
    # Without it, the tests below could pass because the copy is broken rather than because of the import.
    result = lint_imports(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "contract", "message"),
    [
        # The old cycle: metadata -> compliance.panels -> results -> evidence -> metadata.inventory -> metadata.
        (
            "metadata/models.py",
            "from ..compliance.panels import ChecklistItemsPanel",
            "Layers:",
            "wagtail_thgov.metadata is not allowed to import wagtail_thgov.compliance",
        ),
        # The same import inside a function is no way out.
        (
            "metadata/models.py",
            "def _panel():\n    from ..compliance.panels import ChecklistItemsPanel\n    return ChecklistItemsPanel",
            "Layers:",
            "wagtail_thgov.metadata is not allowed to import wagtail_thgov.compliance",
        ),
        # The second old cycle went through pages importing e-Service page types: pages import no capability.
        (
            "pages/home.py",
            "from ..eservice.pages import EServicePage",
            "Layers:",
            "wagtail_thgov.pages is not allowed to import wagtail_thgov.eservice",
        ),
        # The foundation imports nothing above it.
        (
            "core/categories.py",
            "from ..pages.base import ThgovPage",
            "core/ is the foundation",
            "wagtail_thgov.core is not allowed to import wagtail_thgov.pages",
        ),
        # Nothing imports the wiring.
        (
            "compliance/views.py",
            "from .. import wagtail_hooks",
            "Nothing imports wagtail_hooks",
            "wagtail_thgov.compliance is not allowed to import wagtail_thgov.wagtail_hooks",
        ),
    ],
)
def test_a_reversed_import_breaks_its_contract(package_copy, module, line, contract, message):
    add_line(package_copy / "wagtail_thgov" / module, line)
    result = lint_imports(package_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "BROKEN" in output and message in output, output
    broken = [row for row in output.splitlines() if " BROKEN" in row]
    assert any(row.startswith(contract) for row in broken), output


def test_the_foundation_contract_names_every_other_top_level_module():
    """A new subpackage must be added to the list of what core may not import (or it would be allowed)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (foundation,) = [contract for contract in config["contracts"] if contract["id"] == "core-is-foundation"]
    top_level = {
        f"wagtail_thgov.{path.stem}"
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and (path / "__init__.py").exists())
    }
    assert set(foundation["forbidden_modules"]) == top_level - {"wagtail_thgov.core"}
