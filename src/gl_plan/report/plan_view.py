"""``glplan plan`` as staff read it: the goals with their targets, then each action's tasks."""

from __future__ import annotations

from gl_plan.i18n import Lang, label
from gl_plan.plan.models import Plan

_HEAD = {
    "goals": ("总体目标", "Goals"),
    "indicator": ("指标", "Indicator"),
    "task": ("任务", "Task"),
    "deadline": ("完成时限", "Time limit"),
    "due": ("截止日期", "Due"),
    "continues": ("持续", "Continues"),
    "none": ("无", "none"),
    "yes": ("是", "yes"),
    "tasks": ("项任务", "tasks"),
    "actions": ("大行动", "actions"),
}


def _h(key: str, lang: Lang) -> str:
    zh, en = _HEAD[key]
    return zh if lang == "zh" else en


def render_plan(plan: Plan, lang: Lang) -> None:
    """Print the plan with rich: a targets table, then one table of tasks per action."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    years = sorted(g.year for g in plan.goals)
    console.print(f"[bold]{plan.plan.title.get(lang)}[/] ({plan.plan.issued.isoformat()})")
    targets = Table(title=_h("goals", lang), box=box.SIMPLE_HEAD, title_justify="left")
    targets.add_column(_h("indicator", lang), overflow="fold")
    for year in years:
        targets.add_column(str(year), justify="right")
    goal_indicators = [i for i in plan.indicators if any(i.id in g.targets for g in plan.goals)]
    for ind in goal_indicators:
        cells = []
        for year in years:
            goal = plan.goal_for(year)
            value = goal.targets.get(ind.id) if goal else None
            cells.append("—" if value is None else f"{value:g}%")
        targets.add_row(ind.name.get(lang), *cells)
    console.print(targets)

    for action in plan.actions:
        table = Table(
            title=f"{action.id} {action.title.get(lang)}",
            box=box.SIMPLE_HEAD,
            title_justify="left",
            expand=True,
        )
        table.add_column("ID", no_wrap=True)
        table.add_column(_h("task", lang), overflow="fold", ratio=1)
        if lang == "zh":
            table.add_column(_h("deadline", lang), overflow="fold")
        table.add_column(_h("due", lang), no_wrap=True)
        for task in action.tasks:
            sched = task.schedule
            if sched.due is None:
                due = label("ongoing", lang) if sched.ongoing else _h("none", lang)
            else:
                due = sched.due.isoformat() + (
                    f" + {label('ongoing', lang)}" if sched.ongoing else ""
                )
            row = [task.id, task.title.get(lang)]
            if lang == "zh":
                row.append(task.deadline)
            row.append(due)
            table.add_row(*row)
        console.print(table)
    n_tasks = len(plan.tasks)
    console.print(f"{len(plan.actions)} {_h('actions', lang)}, {n_tasks} {_h('tasks', lang)}")
