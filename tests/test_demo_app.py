"""The demo is the example project's own app (example_project/thgov_demo), apart from the package.

Read from the source (no database): the package never imports the demo; the demo's modules import each
other one way (no cycle); every capability's demo builder is one of ``content.DEMO_STEPS``, each once.
"""

import ast
import importlib
import inspect
from pathlib import Path

from thgov_demo import content

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "wagtail_thgov"
DEMO_APP = REPO / "example_project" / "thgov_demo"


def module_name(path: Path, root: Path) -> str:
    """``root/a/b.py`` → ``<root's name>.a.b``; a package's ``__init__.py`` is the package."""
    return ".".join([root.name, *path.relative_to(root).with_suffix("").parts]).removesuffix(".__init__")


def imported_modules(path: Path, root: Path) -> set[str]:
    """Absolute names of what ``path`` imports (``from . import a`` gives both the package and ``.a``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = module_name(path, root).split(".")
    if path.name == "__init__.py":
        parts.append("__init__")  # relative imports of a package start from the package itself
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(parts[: len(parts) - node.level])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_the_package_never_imports_the_demo():
    offenders = {
        str(path.relative_to(REPO)): sorted(
            name
            for name in imported_modules(path, PACKAGE)
            if name.split(".")[0] == "thgov_demo" or "demo" in name.split(".")
        )
        for path in PACKAGE.rglob("*.py")
    }
    offenders = {path: names for path, names in offenders.items() if names}
    assert not offenders, f"the package imports demo code: {offenders}"
    assert not (PACKAGE / "demo").exists()
    assert not list(PACKAGE.glob("**/demo.py")), "a capability's demo belongs in example_project/thgov_demo"


def test_the_demo_modules_import_each_other_one_way():
    modules = {module_name(path, DEMO_APP): path for path in DEMO_APP.rglob("*.py")}
    graph = {
        name: {imported for imported in imported_modules(path, DEMO_APP) if imported in modules} - {name}
        for name, path in modules.items()
    }
    # Depth-first search; a module met again while still on the path closes a cycle.
    state, cycles = {}, []

    def visit(name, path):
        state[name] = "open"
        for imported in sorted(graph[name]):
            if state.get(imported) == "open":
                cycles.append([*path[path.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*path, imported])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, f"import cycles in the demo app: {cycles}"
    # content lists the capability demos; none of them imports it back.
    importers = {name for name, imports in graph.items() if "thgov_demo.content" in imports}
    assert importers == {"thgov_demo.sites", "thgov_demo.management.commands.thgov_demo"}, importers


def test_every_capability_demo_is_a_step_once():
    builders = set()
    for path in DEMO_APP.glob("*.py"):
        module = importlib.import_module(module_name(path, DEMO_APP))
        builders.update(
            function
            for name, function in inspect.getmembers(module, inspect.isfunction)
            if name.startswith("build_") and name.endswith("_demo") and function.__module__ == module.__name__
        )
    builders.discard(content.build_demo)  # the whole demo, not a step of it
    assert len(content.DEMO_STEPS) == len(set(content.DEMO_STEPS)), "a step is listed twice"
    assert set(content.DEMO_STEPS) == builders, sorted(f"{f.__module__}.{f.__name__}" for f in builders)
    # The e-Service step gives every e-Service page its form: it runs after every step that makes one.
    order = [step.__module__.rsplit(".", 1)[-1] for step in content.DEMO_STEPS]
    assert order.index("eservice") > max(order.index("manuals"), order.index("compliance"))
