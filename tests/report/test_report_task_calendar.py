"""``tasks --format ics`` read back with icalendar, and ``tasks --by responsible``: checked
against ``tasks --format json``."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from report_fixtures import PLAN, fixture_args, run
from typer.testing import CliRunner

from gl_plan.assess.tasks import assess_tasks
from gl_plan.cli import app
from gl_plan.plan.load import load_plan
from gl_plan.report.task_calendar import tasks_calendar, uid_of


def _tasks_json() -> dict[str, object]:
    return json.loads(run(*fixture_args("tasks"), "--format", "json").stdout)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_dated_task_is_an_event_on_its_due_date(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "tasks.ics"
    run(*fixture_args("tasks"), "--lang", lang, "--output", str(out))
    cal = Calendar.from_ical(out.read_bytes())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    doc = _tasks_json()
    plan = load_plan(PLAN)
    dated = [t for t in doc["tasks"] if t["due"]]  # type: ignore[index, union-attr]
    assert len(events) == len(dated)
    for task in dated:
        event = events[uid_of(plan, task["id"])]
        assert event.decoded("dtstart") == date.fromisoformat(task["due"])
        assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(days=1)
        description = str(event["description"])
        assert task["id"] in description
        assert task["deadline"] in description
        for unit in task["responsible"]:
            assert unit[lang] in description
        alarm = event.walk("VALARM")[0]
        assert alarm.decoded("trigger") == -timedelta(days=plan.settings.warning_window_days)
    undated = [t["id"] for t in doc["tasks"] if not t["due"]]  # type: ignore[index, union-attr]
    assert str(cal["x-glplan-undated"]) == str(len(undated))
    for task_id in undated:
        assert task_id in str(cal["comment"])


def test_the_calendar_is_the_same_for_the_same_inputs() -> None:
    plan = load_plan(PLAN)
    items = assess_tasks(plan, [], date(2025, 10, 15))
    assert tasks_calendar(plan, items, date(2025, 10, 15), "zh") == tasks_calendar(
        plan, items, date(2025, 10, 15), "zh"
    )


def test_a_yearly_task_recurs(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace(
        "deadline: 持续实施\n", "deadline: 2023年起,每年\n", 1
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    recurring = next(t for t in plan.tasks if t.deadline == "2023年起,每年")
    items = assess_tasks(plan, [], date(2025, 10, 15))
    cal = Calendar.from_ical(tasks_calendar(plan, items, date(2025, 10, 15), "en"))
    event = next(e for e in cal.walk("VEVENT") if str(e["uid"]) == uid_of(plan, recurring.id))
    assert event.decoded("dtstart") == date(2023, 12, 31)
    assert event["rrule"]["FREQ"] == ["YEARLY"]


def test_by_responsible_lists_every_task_and_counts_each_once() -> None:
    doc = json.loads(run(*fixture_args("tasks"), "--by", "responsible", "--format", "json").stdout)
    every = _tasks_json()["tasks"]  # type: ignore[index]
    listed = [i for unit in doc["units"] for i in unit["task_ids"]]
    assert set(listed) == {t["id"] for t in every}  # type: ignore[index]
    assert doc["summary"]["total"] == len(every)  # type: ignore[arg-type]
    by_id = {t["id"]: t for t in every}  # type: ignore[index]
    for unit in doc["units"]:
        for task_id in unit["task_ids"]:
            names = by_id[task_id]["responsible"]
            assert (unit["unit"] in names) if unit["unit"] else not names
        flags = [by_id[i]["rag"] != "green" for i in unit["task_ids"]]
        assert flags == sorted(flags, reverse=True)  # red and amber first
    assert doc["units"][-1]["unit"] is None  # tasks naming no unit come last
    shared = sum(1 for t in every if len(t["responsible"]) > 1)  # type: ignore[index]
    assert len(listed) == len(every) + sum(
        len(t["responsible"]) - 1
        for t in every
        if t["responsible"]  # type: ignore[index]
    )
    assert shared > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_by_responsible_says_the_total_counts_each_task_once(lang: str) -> None:
    out = run(*fixture_args("tasks"), "--by", "responsible", "--lang", lang).stdout
    assert ("未明确责任单位" if lang == "zh" else "no unit named") in out
    assert ("每项只计一次" if lang == "zh" else "each counted once") in out


def test_by_responsible_refuses_a_format_it_does_not_write() -> None:
    result = CliRunner().invoke(app, [*fixture_args("tasks"), "--by", "responsible", "-f", "ics"])
    assert result.exit_code == 2
