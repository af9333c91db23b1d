"""Scoring a draft against a blind truth file (``tests/fixtures/plans/draft_blind``).

The truth files were written by someone who did not see the reader; they are compared as
they are. A truth task is found when the first words of its title appear in a draft task;
its time limit is right when the draft's due date is the truth's reading. A truth target is
found when a draft target has its year and value and an indicator name that shares four
characters with the truth's (or holds it).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from gl_plan.plan.models import Plan

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "draft_blind"


def _fold(text: str) -> str:
    normal = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"[\s\W_]+", "", normal)


def _shares(a: str, b: str, n: int = 4) -> bool:
    a, b = _fold(a), _fold(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return any(a[i : i + n] in b for i in range(len(a) - n + 1))


@dataclass
class Score:
    name: str
    actions_found: int
    actions_truth: int
    tasks_found: int
    tasks_right: int
    tasks_truth: int
    deadlines_right: int
    deadlines_truth: int
    targets_found: int
    targets_right: int
    targets_truth: int

    def row(self) -> str:
        return (
            f"{self.name:<32} actions {self.actions_found}/{self.actions_truth}  "
            f"tasks found {self.tasks_found} right {self.tasks_right} missed "
            f"{self.tasks_truth - self.tasks_right}  deadlines right {self.deadlines_right}/"
            f"{self.deadlines_truth}  targets found {self.targets_found} right "
            f"{self.targets_right} missed {self.targets_truth - self.targets_right}"
        )


def truth_of(text_file: Path) -> dict:
    stem = text_file.name.removesuffix(".txt").removesuffix(".gbk")
    return json.loads((BLIND / f"{stem}.truth.json").read_text(encoding="utf-8"))


def score(name: str, plan: Plan, truth: dict, *, placeholder_actions: bool) -> Score:
    tasks = [] if placeholder_actions else plan.tasks
    used: set[int] = set()
    tasks_right = deadlines_right = deadlines_truth = 0
    for item in truth["tasks"]:
        words = item.get("title") or item.get("first_words") or ""
        key = _fold(words)[:6]
        reading = item.get("deadline_reading")
        if item.get("deadline_phrase"):
            deadlines_truth += 1
        match = next(
            (
                i
                for i, task in enumerate(tasks)
                if i not in used and key and key in _fold(task.title.zh + task.text)
            ),
            None,
        )
        if match is None:
            continue
        used.add(match)
        tasks_right += 1
        if item.get("deadline_phrase"):
            due = tasks[match].due
            if (due is None and reading in (None, "ongoing")) or (
                due is not None and str(reading).startswith(due.isoformat())
            ):
                deadlines_right += 1
    found = [
        (plan.indicator_by_id[ind].name.zh, goal.year, goal.target(ind))
        for goal in plan.goals
        for ind in goal.targets
    ]
    taken: set[int] = set()
    targets_right = 0
    for item in truth["targets"]:
        for i, (indicator, year, target) in enumerate(found):
            value = target.value if target.value is not None else target.min
            if (
                i not in taken
                and year == item.get("target_year")
                and value is not None
                and item.get("target_value") is not None
                and abs(value - float(item["target_value"])) < 1e-9
                and _shares(indicator, item.get("indicator") or "")
            ):
                taken.add(i)
                targets_right += 1
                break
    with_tasks = [s for s in truth["sections"] if isinstance(s.get("tasks"), int) and s["tasks"]]
    return Score(
        name=name,
        actions_found=0 if placeholder_actions else len(plan.actions),
        actions_truth=len(with_tasks),
        tasks_found=len(tasks),
        tasks_right=tasks_right,
        tasks_truth=len(truth["tasks"]),
        deadlines_right=deadlines_right,
        deadlines_truth=deadlines_truth,
        targets_found=len(found),
        targets_right=targets_right,
        targets_truth=len(truth["targets"]),
    )
