"""Fixtures for the indicator-data tests: a small plan, a fixed as-of date, a reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest

from gl_plan.data.read import DataResult, read_indicators
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

INDICATOR_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "indicators"
AS_OF = date(2026, 11, 28)

Reader = Callable[..., DataResult]


@pytest.fixture(scope="session")
def data_plan() -> Plan:
    return load_plan(INDICATOR_FIXTURES / "plan.yaml")


@pytest.fixture(scope="session")
def indicator_fixtures() -> Path:
    return INDICATOR_FIXTURES


@pytest.fixture
def read(data_plan: Plan) -> Reader:
    """``read(path, ...)``: read files against the test plan as of 2026-11-28."""

    def _read(*paths: str | Path, encoding: str | None = None, as_of: date = AS_OF) -> DataResult:
        items: Sequence[str | Path] = list(paths)
        return read_indicators(items, data_plan, as_of=as_of, encoding=encoding)

    return _read


def file_issues(result: DataResult) -> list[str]:
    """``code@line`` of each issue except completeness (a one-file test leaves 16 regions
    unreported, which is right but beside the point)."""
    return [
        f"{p.code}@{p.line}" if p.line is not None else p.code
        for p in result.issues
        if not (p.code == "incomplete-reporting" and p.file is None)
    ]
