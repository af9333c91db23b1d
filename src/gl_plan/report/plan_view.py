"""``glplan plan`` as staff read it: the goals with their targets, then every task.

One table holds all the tasks, so every action is laid out alike: a bold row names the
action, its tasks follow, a rule closes it. The columns fit 80 terminal columns in both
languages: the time-limit phrase (Chinese only: it is the source's own wording) breaks
after its comma, the due date puts "+ ongoing" on a second line, and task titles wrap
between words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from gl_plan.i18n import Lang, label
from gl_plan.plan.models import Plan, Task

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["plan_renderables", "render_plan"]

_HEAD: Final[dict[str, tuple[str, str]]] = {
    "goals": ("总体目标", "Goals"),
    "indicator": ("指标", "Indicator"),
    "actions_title": ("十大行动及任务", "Actions and tasks"),
    "id": ("编号", "ID"),
    "task": ("任务", "Task"),
    "deadline": ("完成时限", "Time limit"),
    "due": ("截止日期", "Due"),
    "none": ("无", "none"),
    "count": ("{actions} 大行动,{tasks} 项任务", "{actions} actions, {tasks} tasks"),
}

#: Where a time-limit phrase may break: after a comma or an enumeration mark.
_BREAK: Final = re.compile(r"([,,、;;])\s*")


def _h(key: str, lang: Lang, **values: object) -> str:
    zh, en = _HEAD[key]
    return (zh if lang == "zh" else en).format(**values)


def _due(task: Task, lang: Lang) -> str:
    sched = task.schedule
    if sched.due is None:
        return label("ongoing", lang) if sched.ongoing else _h("none", lang)
    text = sched.due.isoformat()
    if sched.ongoing:
        text += f"\n+ {label('ongoing', lang)}"
    return text


def plan_renderables(plan: Plan, lang: Lang) -> list[RenderableType]:
    """The plan's title, its goals table and one table of every action's tasks."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = [
        Text(f"{plan.plan.title.get(lang)} ({plan.plan.issued.isoformat()})", style="bold"),
        Text(""),
    ]
    years = sorted(g.year for g in plan.goals)
    targets = Table(
        title=_h("goals", lang),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    targets.add_column(_h("indicator", lang), overflow="fold")
    for year in years:
        targets.add_column(str(year), justify="right", no_wrap=True)
    goal_ids = {i for g in plan.goals for i in g.targets}
    for ind in (i for i in plan.indicators if i.id in goal_ids):
        cells = []
        for year in years:
            goal = plan.goal_for(year)
            value = goal.targets.get(ind.id) if goal else None
            cells.append("—" if value is None else f"{value:g}%")
        targets.add_row(Text(ind.name.get(lang)), *cells)
    out += [targets, Text("")]

    tasks = Table(
        title=_h("actions_title", lang),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
    )
    tasks.add_column(_h("id", lang), no_wrap=True)
    tasks.add_column(_h("task", lang), ratio=1, overflow="fold")
    if lang == "zh":
        tasks.add_column(_h("deadline", lang), no_wrap=True)
    tasks.add_column(_h("due", lang), no_wrap=True)
    for action in plan.actions:
        head = [Text(action.id, style="bold"), Text(action.title.get(lang), style="bold")]
        tasks.add_row(*head, *([""] * (len(tasks.columns) - 2)))
        for i, task in enumerate(action.tasks):
            # Text, not markup: a title with "[...]" in it prints as it is.
            row = [Text(task.id), Text(task.title.get(lang))]
            if lang == "zh":
                row.append(Text(_BREAK.sub(r"\1\n", task.deadline).strip()))
            row.append(Text(_due(task, lang)))
            tasks.add_row(*row, end_section=i + 1 == len(action.tasks))
    out.append(tasks)
    out.append(Text(_h("count", lang, actions=len(plan.actions), tasks=len(plan.tasks))))
    return out


def render_plan(plan: Plan, lang: Lang) -> None:
    """Print the plan to the terminal (plain text when stdout is a pipe)."""
    from rich.console import Console

    from gl_plan.report.format import plain_text

    console = Console(highlight=False, emoji=False)
    items = plan_renderables(plan, lang)
    if console.is_terminal:
        for item in items:
            console.print(item)
    else:
        console.file.write(plain_text(items, width=console.width))
