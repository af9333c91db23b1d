"""The shape of the code: one plain path per job, an import graph a reader can follow.

What these tests hold: no numpy or pyarrow and no garbage-collector tuning in ``src/``; no
module over 700 lines; at most 15 imports of glplan's own modules inside functions; ``plan/``
independent of ``data/``; every declared dependency used; and ``check --format json`` (what
CI runs) loading neither the other commands nor rich nor the lock library.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "gl_plan"
MODULES = sorted(SRC.rglob("*.py"))

#: Distribution name → the module it is imported as.
IMPORT_NAMES = {
    "pyyaml": "yaml",
    "python-dateutil": "dateutil",
    "python-calamine": "python_calamine",
}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported(tree: ast.AST) -> set[str]:
    """Every module an ``import`` or ``from ... import`` in ``tree`` names (absolute)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _under_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports_in_functions(tree: ast.Module) -> list[tuple[int, str]]:
    """glplan's own modules imported inside a function body (``TYPE_CHECKING`` blocks aside,
    ``importlib.import_module`` counted)."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _under_type_checking(child):
                continue
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if (
                inside
                and isinstance(child, ast.ImportFrom)
                and (child.level > 0 or (child.module or "").startswith("gl_plan"))
            ):
                found.append((child.lineno, child.module or "."))
            if inside and isinstance(child, ast.Import):
                found.extend(
                    (child.lineno, a.name) for a in child.names if a.name.startswith("gl_plan")
                )
            if (
                inside
                and isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and child.func.attr == "import_module"
            ):
                found.append((child.lineno, "importlib.import_module"))
            visit(child, inside)

    visit(tree, False)
    return found


def test_no_numpy_no_pyarrow_no_gc_tuning() -> None:
    offenders = []
    for path in MODULES:
        tree = _tree(path)
        heavy = {n for n in _imported(tree) if n.split(".")[0] in {"numpy", "pyarrow", "gc"}}
        offenders += [f"{path.relative_to(SRC)}: imports {n}" for n in sorted(heavy)]
    assert offenders == []


def test_no_module_is_over_700_lines() -> None:
    long = {
        str(p.relative_to(SRC)): n
        for p in MODULES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 700
    }
    assert long == {}


def test_at_most_15_of_our_own_imports_sit_inside_functions() -> None:
    inside = [
        f"{path.relative_to(SRC)}:{line}: {name}"
        for path in MODULES
        for line, name in _imports_in_functions(_tree(path))
    ]
    assert len(inside) <= 15, "\n".join(inside)


def test_the_counter_sees_an_import_inside_a_function() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from gl_plan.plan import models\n"
        "def f():\n    from gl_plan.cli import check_views\n    import json\n"
        "    return importlib.import_module(name)\n"
    )
    assert _imports_in_functions(tree) == [
        (5, "gl_plan.cli"),
        (7, "importlib.import_module"),
    ]


def test_plan_does_not_import_data() -> None:
    offenders = [
        f"{path.relative_to(SRC)}: {name}"
        for path in sorted((SRC / "plan").rglob("*.py"))
        for name in _imported(_tree(path))
        if name.startswith("gl_plan.data")
    ]
    assert offenders == []


def test_every_dependency_is_imported_by_src() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        IMPORT_NAMES.get(name, name.replace("-", "_"))
        for spec in project["dependencies"]
        if (name := spec.split(">")[0].split("<")[0].split("=")[0].split("[")[0].strip().lower())
    }
    used = {name.split(".")[0] for path in MODULES for name in _imported(_tree(path))}
    assert declared - used == set()


@pytest.mark.parametrize(
    ("args", "module", "absent"),
    [
        (
            ["check", "--format", "json", "--fail-on", "never", "--as-of", "2026-11-28"],
            "gl_plan.cli.check_cmd",
            ["rich", "filelock", "gl_plan.report.check_terminal", "gl_plan.cli.task_cmds"],
        ),
        (
            ["validate"],
            "gl_plan.cli.plan_cmds",
            ["filelock", "gl_plan.cli.check_cmd", "gl_plan.cli.task_cmds"],
        ),
    ],
    ids=["check-json", "validate"],
)
def test_a_command_loads_only_what_it_uses(args: list[str], module: str, absent: list[str]) -> None:
    """The commands are imported on demand; JSON needs neither rich nor the report views."""
    script = (
        "import json, sys\n"
        "from gl_plan.cli import app\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "GLPLAN_LANG": "en", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert done.stdout, done.stderr  # the command ran and wrote its output
    assert module in loaded
    assert [name for name in absent if name in loaded] == []
