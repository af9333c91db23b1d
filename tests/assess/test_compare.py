"""``compare``: exactly the status differences between two checks, and data gone or back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gl_plan.api import check
from gl_plan.assess.compare import CHANGE_KEYS, compare, data_states

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def _check(as_of: date) -> dict[str, Any]:
    result = check(DATA / "plan.yaml", [DATA / "indicators"], DATA / "progress.csv", as_of=as_of)
    doc: dict[str, Any] = json.loads(result.to_json_text())
    return doc


def _diff(before: dict[str, Any], after: dict[str, Any], rows: str, key: tuple[str, ...]) -> set:  # type: ignore[type-arg]
    """The status differences, computed here row by row."""
    old = {tuple(r[k] for k in key): r["status"] for r in before[rows]}
    new = {tuple(r[k] for k in key): r["status"] for r in after[rows]}
    return {
        (k, old.get(k), new.get(k)) for k in old.keys() | new.keys() if old.get(k) != new.get(k)
    }


@pytest.mark.parametrize(
    ("since", "as_of"),
    [
        (date(2026, 8, 31), date(2026, 11, 28)),  # one quarter
        (date(2025, 11, 30), date(2026, 2, 15)),  # across the end of 2025: verdicts, overdue
    ],
)
def test_changes_are_exactly_the_status_differences(since: date, as_of: date) -> None:
    before, after = _check(since), _check(as_of)
    changes = compare(before, after).changes
    indicators = {
        ((c.region, c.indicator, c.target_year), c.from_, c.to)
        for c in changes
        if c.kind == "indicator"
    }
    tasks = {((c.task,), c.from_, c.to) for c in changes if c.kind == "task"}
    assert indicators == _diff(before, after, "indicators", ("region", "indicator", "target_year"))
    assert tasks == _diff(before, after, "tasks", ("id",))
    assert indicators  # the bundled data does move
    assert len(indicators) == len([c for c in changes if c.kind == "indicator"])


def test_tasks_becoming_overdue_are_listed() -> None:
    changes = compare(_check(date(2025, 11, 30)), _check(date(2026, 2, 15))).changes
    overdue = {c.task for c in changes if c.kind == "task" and c.to == "overdue"}
    assert "A3.6" in overdue


def test_change_json_keys_and_values() -> None:
    before, after = _check(date(2026, 8, 31)), _check(date(2026, 11, 28))
    comparison = compare(before, after)
    assert (comparison.since, comparison.as_of) == ("2026-08-31", "2026-11-28")
    first = comparison.changes[0].to_json()
    assert tuple(first) == CHANGE_KEYS
    row = next(
        r for r in after["indicators"]
        if (r["region"], r["indicator"], r["target_year"])
        == (first["region"], first["indicator"], first["target_year"])
    )  # fmt: skip
    assert first["value_to"] == row["value"]
    assert first["task"] is None


def test_quanzhou_skipped_a_quarter_and_came_back() -> None:
    """Quanzhou's file has no 2026Q2: as of 2026-08-31 its figures are a quarter old."""
    before, after = _check(date(2026, 8, 31)), _check(date(2026, 11, 28))
    assert data_states(before)[("450324", "preschool_gross_enrollment_rate")][0] == "missing"
    data = [c.to_json() for c in compare(before, after).changes if c.kind == "data"]
    assert data == [
        {"kind": "data", "region": "450324", "indicator": None, "target_year": None,
         "task": None, "from": "missing", "to": "reported", "value_from": None,
         "value_to": None},
    ]  # fmt: skip


def _doc(as_of: str, rows: list[tuple[str, str, float | None, list[str]]]) -> dict[str, Any]:
    return {
        "as_of": as_of,
        "indicators": [
            {
                "region": r,
                "indicator": i,
                "target_year": 2030,
                "status": "on_track",
                "value": v,
                "notes": n,
            }
            for r, i, v, n in rows
        ],
        "tasks": [],
    }


def test_one_indicator_gone_is_named_and_rows_on_one_side_only_count() -> None:
    before = _doc("2026-06-30", [("A", "x", 1.0, []), ("A", "y", 2.0, []), ("B", "x", 3.0, [])])
    after = _doc("2026-09-30", [("A", "x", 1.0, []), ("A", "y", 2.0, ["older_period"])])
    changes = [c.to_json() for c in compare(before, after).changes]
    kinds = [(c["kind"], c["region"], c["indicator"], c["from"], c["to"]) for c in changes]
    assert kinds == [
        ("indicator", "B", "x", "on_track", None),
        ("data", "A", "y", "reported", "missing"),
        ("data", "B", "x", "reported", None),
    ]
