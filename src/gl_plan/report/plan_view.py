"""``glplan plan`` as staff read it: the goals with their targets, then every task.

One table holds all the tasks, so every action is laid out alike: a bold row names the
action, its tasks follow, a rule closes it. The columns fit 80 terminal columns in both
languages: the time-limit phrase (Chinese only: it is the source's own wording) breaks
after its comma, the due date puts "+ ongoing" on a second line, and task titles wrap
between words.
"""

from __future__ import annotations

import re
from typing import Final

from rich import box
from rich.console import RenderableType
from rich.table import Table

from gl_plan.i18n import Join, Lang, _, ngettext, pgettext
from gl_plan.numbers import format_number
from gl_plan.plan.models import Plan, Task, Unit
from gl_plan.report.safe_text import cell

__all__ = ["plan_renderables"]

#: Where a time-limit phrase may break: after a comma or an enumeration mark.
_BREAK: Final = re.compile(r"([,,、;;])\s*")


def plan_size(plan: Plan) -> Join:
    """``3 actions, 12 tasks`` / ``3 项行动，12 项任务``."""
    actions = ngettext("{n} action", "{n} actions", len(plan.actions))
    tasks = ngettext("{n} task", "{n} tasks", len(plan.tasks))
    return Join((actions, tasks), pgettext("sep.counts", ", "))


def _due(task: Task, lang: Lang) -> str:
    sched = task.schedule
    if sched.due is None:
        return _("ongoing").text(lang) if sched.ongoing else _("none").text(lang)
    due = sched.due.isoformat()
    if sched.ongoing:
        due += "\n+ " + _("ongoing").text(lang)
    return due


def plan_renderables(plan: Plan, lang: Lang) -> list[RenderableType]:
    """The plan's title, its goals table and one table of every action's tasks."""
    out: list[RenderableType] = [
        cell(
            plan.plan.title.get(lang)
            + _(" ({items})", items=plan.plan.issued.isoformat()).text(lang),
            style="bold",
        ),
        cell(""),
    ]
    years = sorted(g.year for g in plan.goals)
    targets = Table(
        title=_("Goals").text(lang),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    targets.add_column(_("Indicator").text(lang), overflow="fold")
    for year in years:
        targets.add_column(str(year), justify="right", no_wrap=True)
    goal_ids = {i for g in plan.goals for i in g.targets}
    for ind in (i for i in plan.indicators if i.id in goal_ids):
        cells = []
        for year in years:
            goal = plan.goal_for(year)
            if goal is None or ind.id not in goal.targets:
                cells.append("—")
                continue
            # A qualified target as the plan words it (不低于95%, 2-4所), else the figure.
            target = goal.target(ind.id)
            sign = "%" if ind.unit is Unit.PERCENT else ""
            figure = f"{format_number(target.figure(ind.direction))}{sign}"
            cells.append(target.wording or figure)
        targets.add_row(cell(ind.name.get(lang)), *map(cell, cells))
    out += [targets, cell("")]

    tasks = Table(
        title=_("Actions and tasks").text(lang),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
    )
    tasks.add_column(_("ID").text(lang), no_wrap=True)
    tasks.add_column(_("Task").text(lang), ratio=1, overflow="fold")
    if lang == "zh":
        tasks.add_column(_("Time limit").text(lang), no_wrap=True)
    tasks.add_column(pgettext("plan.due", "Due").text(lang), no_wrap=True)
    for action in plan.actions:
        head = [cell(action.id, style="bold"), cell(action.title.get(lang), style="bold")]
        tasks.add_row(*head, *([""] * (len(tasks.columns) - 2)))
        for i, task in enumerate(action.tasks):
            # Text, not markup: a title with "[...]" in it prints as it is.
            row = [cell(task.id), cell(task.title.get(lang))]
            if lang == "zh":
                row.append(cell(_BREAK.sub(r"\1\n", task.deadline).strip()))
            row.append(cell(_due(task, lang)))
            tasks.add_row(*row, end_section=i + 1 == len(action.tasks))
    out.append(tasks)
    out.append(cell(plan_size(plan).text(lang)))
    return out
