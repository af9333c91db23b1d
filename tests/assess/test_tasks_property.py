"""Invariants of task status over random ledgers and as-of dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gl_plan.assess.tasks import assess_tasks
from gl_plan.ledger.model import LedgerEntry
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "tasks" / "plan.yaml"
START = date(2022, 3, 16)
END = date(2027, 12, 31)
TASKS = ("A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3")
REGIONS = (None, None, "450300", "450321", "450323", "450381")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(FIXTURE)


days = st.dates(min_value=START, max_value=END)


@st.composite
def ledgers(draw: st.DrawFn) -> list[LedgerEntry]:
    rows = draw(
        st.lists(
            st.tuples(
                days,
                st.sampled_from(TASKS),
                st.sampled_from(("not_started", "in_progress", "completed")),
                st.none() | st.integers(min_value=0, max_value=40),
                st.sampled_from(REGIONS),
            ),
            max_size=25,
        )
    )
    return [
        LedgerEntry(
            date=d,
            task=t,
            status=s,  # type: ignore[arg-type]
            value=None if v is None else float(v),
            region=r,
            line=i + 2,
        )
        for i, (d, t, s, v, r) in enumerate(rows)
    ]


# The plan is loaded once per module; hypothesis must not see it as a per-example fixture.
_PLAN: list[Plan] = []


def _plan() -> Plan:
    if not _PLAN:
        _PLAN.append(load_plan(FIXTURE))
    return _PLAN[0]


@settings(max_examples=200, deadline=None)
@given(entries=ledgers(), first=days, gap=st.integers(min_value=0, max_value=2000))
def test_overdue_only_ends_with_a_completion_in_between(
    entries: list[LedgerEntry], first: date, gap: int
) -> None:
    """Moving as-of later never turns an overdue task back to not overdue unless a
    completion entry (task-level or a region's) dated in between arrives."""
    plan = _plan()
    later = min(first + timedelta(days=gap), date.max - timedelta(days=1))
    before = {t.id: t for t in assess_tasks(plan, entries, first)}
    after = {t.id: t for t in assess_tasks(plan, entries, later)}
    for task_id, item in before.items():
        if item.status != "overdue" or after[task_id].status == "overdue":
            continue
        arrived = [
            e
            for e in entries
            if e.task == task_id and e.status == "completed" and first < e.date <= later
        ]
        assert arrived, (task_id, after[task_id].status)
        assert after[task_id].status == "done_late"


@settings(max_examples=200, deadline=None)
@given(entries=ledgers(), as_of=days)
def test_entries_after_as_of_change_nothing(entries: list[LedgerEntry], as_of: date) -> None:
    plan = _plan()
    known = [e for e in entries if e.date <= as_of]
    assert assess_tasks(plan, entries, as_of) == assess_tasks(plan, known, as_of)


@settings(max_examples=100, deadline=None)
@given(entries=ledgers(), as_of=days)
def test_colour_follows_status_and_flags(entries: list[LedgerEntry], as_of: date) -> None:
    for item in assess_tasks(_plan(), entries, as_of):
        if item.status == "overdue" or "seriously_behind" in item.flags:
            assert item.rag == "red"
        elif item.status == "due_soon" or "quantity_behind" in item.flags:
            assert item.rag == "amber"
        else:
            assert item.rag == "green"
        if item.status in ("done", "done_late"):
            assert item.completed_on is not None
            assert item.days_left is None
            assert "stale" not in item.flags


def test_fixture_plan_loads(plan: Plan) -> None:
    assert [t.id for t in plan.tasks][: len(TASKS)] == list(TASKS)
