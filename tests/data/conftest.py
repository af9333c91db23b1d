"""Fixtures for the indicator-data tests: a small plan, a fixed as-of date, a reader."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from data_support import Reader

from gl_plan.data.read import DataResult, NothingRead, read_indicators
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
    """``read(path, ...)``: read files against the test plan as of 2026-11-28. When every
    file is refused (:class:`NothingRead`, exit 2), the result it carries: the problems
    are what these tests check."""

    def _read(
        *paths: str | Path,
        encoding: str | None = None,
        as_of: date = AS_OF,
        region: str | None = None,
        period: str | None = None,
    ) -> DataResult:
        items: Sequence[str | Path] = list(paths)
        try:
            return read_indicators(
                items, data_plan, as_of=as_of, encoding=encoding, region=region, period=period
            )
        except NothingRead as exc:
            assert exc.result is not None
            return exc.result

    return _read
