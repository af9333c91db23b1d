"""Helpers the indicator-data tests import by name.

A module of its own, not conftest.py: ``from conftest import ...`` finds whichever
conftest.py was imported first, which depends on which test folders a run collects.
"""

from __future__ import annotations

from collections.abc import Callable

from gl_plan.data.read import DataResult

Reader = Callable[..., DataResult]


def file_issues(result: DataResult) -> list[str]:
    """``code@line`` of each issue except completeness (a one-file test leaves 16 regions
    unreported, which is right but beside the point)."""
    return [
        f"{p.code}@{p.line}" if p.line is not None else p.code
        for p in result.issues
        if not (p.code == "incomplete-reporting" and p.file is None)
    ]
