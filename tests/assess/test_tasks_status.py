"""Task status at an as-of date: boundaries, ledger order, quantities, regions, colours."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from gl_plan.assess.tasks import (
    BEHIND_MARGIN,
    SERIOUS_MARGIN,
    TaskAssessment,
    assess_tasks,
    attention_order,
    expected_regions,
    select_tasks,
    task_summary,
)
from gl_plan.ledger.model import Ledger, LedgerEntry, LedgerStatus
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

DUE = date(2022, 12, 31)  # A1.1, A1.2
ISSUED = date(2022, 3, 16)


@pytest.fixture(scope="module")
def plan(fixtures_dir: Path) -> Plan:
    return load_plan(fixtures_dir / "tasks" / "plan.yaml")


_line = iter(range(2, 10**6))


def entry(
    day: date,
    task: str,
    status: LedgerStatus,
    *,
    value: float | None = None,
    region: str | None = None,
    metric: str | None = None,
    line: int | None = None,
) -> LedgerEntry:
    return LedgerEntry(
        date=day,
        task=task,
        status=status,
        value=value,
        region=region,
        metric=metric,
        line=next(_line) if line is None else line,
    )


def one(plan: Plan, entries: list[LedgerEntry], as_of: date, task: str) -> TaskAssessment:
    return next(t for t in assess_tasks(plan, entries, as_of) if t.id == task)


# --------------------------------------------------------------------------- due-date edges


def test_on_the_due_date_a_task_is_due_soon_not_overdue(plan: Plan) -> None:
    item = one(plan, [], DUE, "A1.1")
    assert item.status == "due_soon"
    assert item.days_left == 0
    assert item.rag == "amber"


def test_the_day_after_the_due_date_it_is_overdue(plan: Plan) -> None:
    item = one(plan, [], DUE + timedelta(days=1), "A1.1")
    assert item.status == "overdue"
    assert item.days_left == -1
    assert item.rag == "red"


def test_no_report_counts_as_not_completed(plan: Plan) -> None:
    item = one(plan, [], date(2023, 6, 1), "A1.1")
    assert item.status == "overdue"
    assert item.latest_status is None
    assert "no_report" in item.flags


def test_in_progress_past_due_is_overdue(plan: Plan) -> None:
    entries = [entry(date(2022, 12, 1), "A1.1", "in_progress")]
    assert one(plan, entries, date(2023, 1, 1), "A1.1").status == "overdue"


@pytest.mark.parametrize(
    ("days_before_due", "status"),
    [(0, "due_soon"), (1, "due_soon"), (90, "due_soon"), (91, "on_schedule"), (400, "on_schedule")],
)
def test_warning_window_edges(plan: Plan, days_before_due: int, status: str) -> None:
    assert plan.settings.warning_window_days == 90
    item = one(plan, [], DUE - timedelta(days=days_before_due), "A1.1")
    assert item.status == status
    assert item.days_left == days_before_due
    assert item.rag == ("amber" if status == "due_soon" else "green")


def test_warning_window_comes_from_the_plan(plan: Plan) -> None:
    narrow = plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"warning_window_days": 10})}
    )
    assert one(narrow, [], DUE - timedelta(days=11), "A1.1").status == "on_schedule"
    assert one(narrow, [], DUE - timedelta(days=10), "A1.1").status == "due_soon"


def test_completed_on_the_due_date_is_done(plan: Plan) -> None:
    entries = [entry(DUE, "A1.1", "completed")]
    item = one(plan, entries, date(2024, 1, 1), "A1.1")
    assert (item.status, item.rag, item.completed_on) == ("done", "green", DUE)
    assert item.days_left is None


def test_completed_the_day_after_is_done_late_and_green(plan: Plan) -> None:
    entries = [entry(DUE + timedelta(days=1), "A1.1", "completed")]
    item = one(plan, entries, date(2024, 1, 1), "A1.1")
    assert (item.status, item.rag) == ("done_late", "green")
    assert item.completed_on == DUE + timedelta(days=1)


def test_completed_early_is_done_even_before_due(plan: Plan) -> None:
    entries = [entry(date(2022, 5, 1), "A1.1", "completed")]
    assert one(plan, entries, date(2022, 6, 1), "A1.1").status == "done"


# --------------------------------------------------------------------------- ledger order


def test_entries_after_as_of_are_ignored(plan: Plan) -> None:
    entries = [
        entry(date(2022, 9, 1), "A1.1", "in_progress"),
        entry(date(2023, 1, 5), "A1.1", "completed"),
    ]
    before = one(plan, entries, DUE, "A1.1")
    assert before.status == "due_soon"
    assert before.last_report == date(2022, 9, 1)
    assert before.latest_status == "in_progress"
    assert one(plan, entries, date(2023, 1, 4), "A1.1").status == "overdue"
    assert one(plan, entries, date(2023, 1, 5), "A1.1").status == "done_late"


def test_same_date_the_later_line_wins(plan: Plan) -> None:
    day = date(2022, 12, 1)
    done_then_open = [
        entry(day, "A1.1", "completed", line=5),
        entry(day, "A1.1", "in_progress", line=6),
    ]
    assert one(plan, done_then_open, date(2023, 2, 1), "A1.1").status == "overdue"
    # Line numbers decide, not the order of the list.
    reversed_lines = [
        entry(day, "A1.1", "completed", line=6),
        entry(day, "A1.1", "in_progress", line=5),
    ]
    assert one(plan, reversed_lines, date(2023, 2, 1), "A1.1").status == "done"


def test_file_order_does_not_matter_across_dates(plan: Plan) -> None:
    entries = [
        entry(date(2022, 12, 20), "A1.1", "completed", line=2),
        entry(date(2022, 11, 1), "A1.1", "in_progress", line=3),
    ]
    assert one(plan, entries, date(2023, 1, 10), "A1.1").status == "done"


def test_a_reopened_task_is_not_completed(plan: Plan) -> None:
    entries = [
        entry(date(2022, 11, 1), "A1.1", "completed"),
        entry(date(2022, 12, 1), "A1.1", "in_progress"),
    ]
    assert one(plan, entries, date(2022, 11, 15), "A1.1").status == "done"
    reopened = one(plan, entries, date(2023, 1, 10), "A1.1")
    assert reopened.status == "overdue"
    assert reopened.completed_on is None
    assert "reopened" in reopened.flags
    # Closing it again after the due date makes it late.
    again = [*entries, entry(date(2023, 2, 1), "A1.1", "completed")]
    assert one(plan, again, date(2023, 3, 1), "A1.1").status == "done_late"


def test_a_repeated_completion_keeps_the_first_date(plan: Plan) -> None:
    entries = [
        entry(date(2022, 12, 20), "A1.1", "completed"),
        entry(date(2023, 1, 10), "A1.1", "completed"),
    ]
    item = one(plan, entries, date(2023, 2, 1), "A1.1")
    assert (item.status, item.completed_on) == ("done", date(2022, 12, 20))
    assert item.last_report == date(2023, 1, 10)


def test_a_ledger_object_and_a_list_give_the_same_result(plan: Plan) -> None:
    entries = [entry(date(2022, 12, 1), "A1.1", "completed")]
    ledger = Ledger("x.csv", entries)
    assert assess_tasks(plan, ledger, DUE) == assess_tasks(plan, entries, DUE)


def test_entries_for_unknown_tasks_are_ignored(plan: Plan) -> None:
    entries = [entry(date(2022, 12, 1), "A9.9", "completed")]
    assert assess_tasks(plan, entries, DUE) == assess_tasks(plan, [], DUE)


def test_every_task_in_plan_order(plan: Plan) -> None:
    items = assess_tasks(plan, [], DUE)
    assert [i.id for i in items] == [t.id for t in plan.tasks]


# --------------------------------------------------------------------------- ongoing


def test_due_and_ongoing_is_judged_by_its_due_date(plan: Plan) -> None:
    assert one(plan, [], DUE + timedelta(days=1), "A1.2").status == "overdue"
    entries = [entry(date(2022, 12, 1), "A1.2", "completed")]
    item = one(plan, entries, date(2030, 1, 1), "A1.2")
    assert item.status == "done"
    assert "continuing" in item.flags


def test_ongoing_alone_is_never_overdue(plan: Plan) -> None:
    item = one(plan, [], date(2040, 1, 1), "A1.3")
    assert (item.status, item.rag, item.due, item.days_left) == ("ongoing", "green", None, None)
    assert item.ongoing


# --------------------------------------------------------------------------- stale


def test_stale_after_the_configured_days(plan: Plan) -> None:
    last = date(2022, 6, 1)
    entries = [entry(last, "A1.3", "in_progress")]
    days = plan.settings.stale_after_days
    assert "stale" not in one(plan, entries, last + timedelta(days=days), "A1.3").flags
    assert "stale" in one(plan, entries, last + timedelta(days=days + 1), "A1.3").flags


def test_never_reported_is_stale_once_the_window_has_passed_since_issue(plan: Plan) -> None:
    days = plan.settings.stale_after_days
    early = one(plan, [], ISSUED + timedelta(days=days), "A1.3")
    assert early.flags == ["no_report"]
    late = one(plan, [], ISSUED + timedelta(days=days + 1), "A1.3")
    assert late.flags == ["stale", "no_report"]


def test_done_tasks_are_not_stale(plan: Plan) -> None:
    entries = [entry(date(2022, 6, 1), "A1.1", "completed")]
    assert one(plan, entries, date(2030, 1, 1), "A1.1").flags == []


def test_stale_does_not_change_the_colour(plan: Plan) -> None:
    item = one(plan, [], date(2030, 1, 1), "A1.3")
    assert "stale" in item.flags
    assert item.rag == "green"


# --------------------------------------------------------------------------- quantities


def _at_share(share: float, by: date = date(2025, 12, 31)) -> date:
    return ISSUED + timedelta(days=round(share * (by - ISSUED).days))


def test_18_of_30_with_a_fifth_of_the_time_left_is_behind(plan: Plan) -> None:
    as_of = _at_share(0.8)
    entries = [entry(as_of - timedelta(days=5), "A2.1", "in_progress", value=18)]
    item = one(plan, entries, as_of, "A2.1")
    (q,) = item.quantities
    assert (q.achieved, q.goal) == (18, 30)
    assert q.share == pytest.approx(0.6)
    assert q.expected_share == pytest.approx(0.8, abs=0.001)
    assert q.behind
    assert not q.seriously_behind
    assert item.status == "on_schedule"
    assert item.rag == "amber"
    assert "quantity_behind" in item.flags


def test_seriously_behind_is_red(plan: Plan) -> None:
    as_of = _at_share(0.8)
    entries = [entry(as_of, "A2.1", "in_progress", value=9)]
    item = one(plan, entries, as_of, "A2.1")
    assert item.quantities[0].seriously_behind
    assert item.rag == "red"
    assert item.flags == ["quantity_behind", "seriously_behind"]


@pytest.mark.parametrize(
    ("value", "behind", "serious"),
    [(24, False, False), (21.1, False, False), (20.9, True, False), (14.9, True, True)],
)
def test_behind_margins(plan: Plan, value: float, behind: bool, serious: bool) -> None:
    # elapsed 0.8: behind below 0.7 (21 of 30), seriously below 0.5 (15 of 30)
    assert (BEHIND_MARGIN, SERIOUS_MARGIN) == (0.10, 0.30)
    as_of = _at_share(0.8)
    entries = [entry(as_of, "A2.1", "in_progress", value=value)]
    q = one(plan, entries, as_of, "A2.1").quantities[0]
    assert (q.behind, q.seriously_behind) == (behind, serious)


def test_a_met_quantity_is_not_behind_and_the_task_stays_open(plan: Plan) -> None:
    entries = [entry(date(2024, 1, 1), "A2.1", "in_progress", value=31)]
    item = one(plan, entries, date(2024, 1, 2), "A2.1")
    assert item.quantities[0].met
    assert not item.quantities[0].behind
    assert item.status == "on_schedule"


def test_no_value_reported_is_not_judged(plan: Plan) -> None:
    item = one(plan, [], date(2025, 6, 1), "A2.1")
    q = item.quantities[0]
    assert (q.achieved, q.share, q.met, q.behind) == (None, None, None, False)


def test_closed_tasks_are_not_behind(plan: Plan) -> None:
    entries = [entry(date(2025, 12, 1), "A2.1", "completed", value=12)]
    item = one(plan, entries, date(2025, 12, 2), "A2.1")
    assert item.status == "done"
    assert not item.quantities[0].behind
    assert item.rag == "green"


def test_the_latest_value_counts_and_later_values_are_ignored(plan: Plan) -> None:
    entries = [
        entry(date(2023, 1, 1), "A2.1", "in_progress", value=5),
        entry(date(2024, 1, 1), "A2.1", "in_progress"),  # no value: keeps 5
        entry(date(2025, 1, 1), "A2.1", "in_progress", value=20),
    ]
    q = one(plan, entries, date(2024, 6, 1), "A2.1").quantities[0]
    assert (q.achieved, q.reported_on) == (5, date(2023, 1, 1))


def test_metric_column_picks_the_quantity(plan: Plan) -> None:
    entries = [
        entry(date(2023, 1, 1), "A2.4", "in_progress", value=1),  # no metric: first (zones)
        entry(date(2023, 2, 1), "A2.4", "in_progress", value=3, metric="bases"),
    ]
    zones, bases = one(plan, entries, date(2023, 3, 1), "A2.4").quantities
    assert (zones.metric, zones.achieved, zones.met) == ("zones", 1, True)
    assert (bases.metric, bases.achieved, bases.goal, bases.met) == ("bases", 3, 5, False)


def test_at_most_is_only_missed_after_its_date(plan: Plan) -> None:
    entries = [entry(date(2023, 1, 1), "A2.5", "in_progress", value=7)]
    before = one(plan, entries, date(2024, 12, 31), "A2.5").quantities[0]
    assert (before.met, before.behind) == (False, False)
    after = one(plan, entries, date(2025, 1, 1), "A2.5")
    assert after.quantities[0].seriously_behind
    assert after.rag == "red"


# --------------------------------------------------------------------------- regions


def test_expected_regions(plan: Plan) -> None:
    counted = plan.task_by_id["A2.2"].quantities[0]
    listed = plan.task_by_id["A2.3"].quantities[0]
    assert expected_regions(counted) == 6  # "the 6 counties", not named
    assert expected_regions(listed) == 2
    one_each = listed.model_copy(update={"regions": []})
    assert expected_regions(one_each) is None  # one school per region, regions unknown


def test_region_entries_count_completed_regions(plan: Plan) -> None:
    entries = [
        entry(date(2022, 7, 1), "A2.2", "completed", region="450321"),
        entry(date(2022, 7, 2), "A2.2", "completed", region="450323"),
        entry(date(2022, 7, 3), "A2.2", "in_progress", region="450381"),
        entry(date(2022, 9, 1), "A2.2", "completed", region="450381"),  # after as_of
    ]
    item = one(plan, entries, date(2022, 8, 31), "A2.2")
    (regions,) = item.regions
    assert regions.label == "2/6"
    assert regions.completed == ["450321", "450323"]
    assert regions.pending == ["450381"]
    (q,) = item.quantities
    assert (q.counts_regions, q.achieved, q.goal) == (True, 2, 6)
    # Region reports are reports, but not the task's own state.
    assert item.last_report == date(2022, 7, 3)
    assert item.latest_status is None
    assert item.status == "due_soon"
    assert item.rag == "red"  # 2 of 6 with all the time gone: seriously behind


def test_a_reopened_region_does_not_count(plan: Plan) -> None:
    entries = [
        entry(date(2022, 7, 1), "A2.2", "completed", region="450321"),
        entry(date(2022, 7, 2), "A2.2", "in_progress", region="450321"),
    ]
    assert one(plan, entries, date(2022, 8, 1), "A2.2").regions[0].label == "0/6"


def test_the_city_itself_is_a_task_level_entry(plan: Plan) -> None:
    entries = [entry(date(2022, 8, 1), "A1.1", "completed", region="450300")]
    item = one(plan, entries, date(2022, 8, 2), "A1.1")
    assert item.status == "done"


def test_all_listed_regions_done_completes_the_task(plan: Plan) -> None:
    entries = [
        entry(date(2024, 3, 1), "A2.3", "completed", region="450321"),
        entry(date(2024, 5, 1), "A2.3", "completed", region="450323"),  # not listed
        entry(date(2026, 2, 1), "A2.3", "completed", region="450381"),
    ]
    mid = one(plan, entries, date(2025, 1, 1), "A2.3")
    assert mid.regions[0].label == "1/2"
    assert mid.regions[0].completed == ["450321"]
    done = one(plan, entries, date(2026, 3, 1), "A2.3")
    assert (done.status, done.completed_on) == ("done_late", date(2026, 2, 1))
    assert "completed_by_regions" in done.flags


def test_a_later_task_level_entry_reopens_a_region_completion(plan: Plan) -> None:
    entries = [
        entry(date(2024, 3, 1), "A2.3", "completed", region="450321"),
        entry(date(2024, 4, 1), "A2.3", "completed", region="450381"),
        entry(date(2024, 6, 1), "A2.3", "in_progress"),
    ]
    assert one(plan, entries, date(2024, 5, 1), "A2.3").status == "done"
    assert one(plan, entries, date(2024, 7, 1), "A2.3").status == "on_schedule"
    # An earlier task-level entry does not.
    earlier = [entry(date(2024, 1, 1), "A2.3", "in_progress"), *entries[:2]]
    assert one(plan, earlier, date(2024, 7, 1), "A2.3").status == "done"


# --------------------------------------------------------------------------- lists


def test_summary_ordering_and_selection(plan: Plan) -> None:
    as_of = date(2023, 1, 10)
    entries = [
        entry(date(2022, 12, 1), "A1.2", "completed"),
        entry(date(2022, 12, 1), "A2.2", "completed"),
    ]
    items = assess_tasks(plan, entries, as_of)
    counts = task_summary(items)
    assert counts["total"] == 8
    assert counts["overdue"] == 1  # A1.1
    assert counts["done"] == 1  # A1.2
    assert counts["done_late"] == 1  # A2.2
    assert counts["red"] + counts["amber"] + counts["green"] == 8
    assert set(counts) >= {"due_soon", "on_schedule", "ongoing", "done", "stale"}

    ordered = attention_order(items)
    assert ordered[0].id == "A1.1"
    assert [i.id for i in ordered][-1] == "A1.3"  # no due date: last
    assert sorted(i.id for i in ordered) == sorted(i.id for i in items)

    assert [i.id for i in select_tasks(items, statuses=["overdue"])] == ["A1.1"]
    assert [i.id for i in select_tasks(items, statuses=["red"])] == ["A1.1"]
    assert {i.id for i in select_tasks(items, actions=["a1"])} == {"A1.1", "A1.2", "A1.3"}
    assert select_tasks(items) == items


def test_due_soon_comes_before_other_amber_and_green(plan: Plan) -> None:
    as_of = _at_share(0.8)
    entries = [entry(as_of, "A2.1", "in_progress", value=18)]  # amber (behind), not due soon
    items = attention_order(assess_tasks(plan, entries, as_of))
    statuses = [(i.id, i.status, i.rag) for i in items]
    overdue = [s for s in statuses if s[1] == "overdue"]
    assert statuses[: len(overdue)] == overdue
    amber_rest = statuses.index(("A2.1", "on_schedule", "amber"))
    assert all(s[2] == "green" for s in statuses[amber_rest + 1 :])


def test_results_are_json_serialisable(plan: Plan) -> None:
    entries = [entry(date(2022, 7, 1), "A2.2", "completed", region="450321")]
    items = assess_tasks(plan, entries, date(2022, 8, 1))
    data = json.loads(json.dumps([i.model_dump(mode="json") for i in items]))
    a22 = next(d for d in data if d["id"] == "A2.2")
    assert a22["title"] == {"zh": "县管校聘", "en": "County reform"}
    assert a22["due"] == "2022-08-31"
    assert a22["regions"][0]["completed"] == ["450321"]
    assert {
        "id",
        "action",
        "deadline",
        "ongoing",
        "status",
        "rag",
        "completed_on",
        "last_report",
        "flags",
        "quantities",
    } <= set(a22)
