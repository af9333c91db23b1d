"""Fixtures for the indicator-data tests: a small plan, a fixed as-of date, a reader."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from data_support import Reader

from gl_plan.data.read import DataResult, read_indicators
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

INDICATOR_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "indicators"
AS_OF = date(2026, 11, 28)


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
