"""The table reader's shape: named steps, frozen step results, one module per layout, and
no module of ``data/`` reaching into another's private names."""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path

from gl_plan.data import body, grid, header, pipeline, table

DATA = Path(__file__).resolve().parents[2] / "src" / "gl_plan" / "data"


def _private(name: str) -> bool:
    """A private name; ``_`` alone is gettext's message function, public by convention."""
    return name.startswith("_") and not name.startswith("__") and name != "_"


def _foreign_private(path: Path) -> list[str]:
    """``from gl_plan.x import _name``, and ``thing._name`` on anything but ``self``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gl_plan"):
            found += [f"{node.module}.{a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id == "self"):
                found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return found


def test_no_module_reaches_into_another_modules_private_names() -> None:
    found = [f for path in sorted(DATA.glob("*.py")) for f in _foreign_private(path)]
    assert found == []


def test_each_layout_is_a_plain_function_of_its_own_module() -> None:
    assert set(pipeline.LAYOUTS) == {"long", "wide", "form"}
    modules = {fn.__module__ for fn in pipeline.LAYOUTS.values()}
    assert modules == {"gl_plan.data.long", "gl_plan.data.wide", "gl_plan.data.form"}
    for fn in pipeline.LAYOUTS.values():
        assert inspect.isfunction(fn)
        assert list(inspect.signature(fn).parameters) == ["rows", "t", "cells_of", "r"]


def test_step_results_are_frozen() -> None:
    for cls in (
        grid.Grid,
        grid.TableResult,
        header.HeaderSearch,
        table.Reading,
        table.Table,
        table.Records,
        body.Row,
    ):
        assert dataclasses.is_dataclass(cls)
        assert cls.__dataclass_params__.frozen, cls.__name__  # type: ignore[attr-defined]


def test_no_reader_class_or_mixin_is_left() -> None:
    names = {p.stem for p in DATA.glob("*.py")}
    assert "rows" not in names
    source = (DATA / "rowchecks.py").read_text(encoding="utf-8")
    assert "class " not in source
