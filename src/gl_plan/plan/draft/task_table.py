"""Tasks from a task-decomposition table (重点工作任务分解表): ``序号 | 任务 | 责任单位``.

Government work reports are broken down into tables whose rows are tasks: a row number,
the task's words, the units responsible, sometimes a time limit. Copies from web pages
give them one cell to a line (with or without ``|``), and group rows (``一、…``) between
them. Each group with rows is an action (``一``), each row a task numbered as the table
numbers it (``一.68``); rows before any group belong to one action named by the table.
"""

from __future__ import annotations

import re
from typing import Final

from gl_plan.plan.draft.clean import Line
from gl_plan.plan.draft.goals import Cell, cells_of
from gl_plan.plan.draft.structure import PlannedAction, PlannedTask, cn_number

__all__ = ["read_task_table"]

_SERIAL: Final = re.compile(r"^序号$")
_TASK: Final = re.compile(
    r"^(?:重点)?(?:工作)?(?:目标与任务|目标任务|任务|工作任务|工作内容|任务内容|工作措施|"
    r"主要内容|具体任务)$"
)
_RESPONSIBLE: Final = re.compile(r"(?:责任单位|牵头单位|配合单位|责任部门|牵头部门)$")
_LEADER: Final = re.compile(r"领导$")
_LIMIT: Final = re.compile(r"^(?:完成时限|时限|完成时间|时间节点|时限要求)$")
_ROW_NUMBER: Final = re.compile(r"^[0-9]{1,3}$")
_GROUP: Final = re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})[、.．]\s*(?P<title>.+)$")
_TITLE_MAX: Final = 40


def _column(folded: str) -> str | None:
    for name, pattern in (
        ("serial", _SERIAL),
        ("task", _TASK),
        ("limit", _LIMIT),
        ("leader", _LEADER),
        ("responsible", _RESPONSIBLE),
    ):
        if pattern.search(folded):
            return name
    return None


def _title(text: str) -> str:
    first = re.split(r"[。；;，,]", text, maxsplit=1)[0].strip()
    return first if len(first) <= _TITLE_MAX else first[: _TITLE_MAX - 1] + "…"


def read_task_table(lines: list[Line]) -> tuple[list[PlannedAction], set[int], list[Line]]:
    """The table's actions and tasks, the lines it covers, and its groups without rows."""
    cells = cells_of(lines)
    start = next((i for i, c in enumerate(cells) if _SERIAL.match(c.folded)), None)
    if start is None:
        return [], set(), []
    columns: list[str] = []
    i = start
    while i < len(cells) and (kind := _column(cells[i].folded)) is not None:
        columns.append(kind)
        i += 1
    if "task" not in columns:
        return [], set(), []
    caption = cells[start - 1].text if start > 0 else ""
    covered = {c.line.number for c in cells[start:i]}
    actions: list[PlannedAction] = []
    empty: list[Line] = []
    group: PlannedAction | None = None
    row: list[Cell] = []
    for cell in cells[i:]:
        if row:
            row.append(cell)
            covered.add(cell.line.number)
            if len(row) == len(columns):
                group = _add_row(row, columns, group, caption, actions)
                row = []
            continue
        if _ROW_NUMBER.match(cell.folded):
            row = [cell]
            covered.add(cell.line.number)
        elif (found := _GROUP.match(cell.text)) is not None:
            if group is not None and not group.tasks:
                empty.append(Line(group.line, group.title))
            number = cn_number(found["n"])
            group = PlannedAction(found["n"], number, found["title"], cell.line.number)
            covered.add(cell.line.number)
        else:
            break
    if row:
        group = _add_row(row, columns, group, caption, actions)
    if group is not None and not group.tasks:
        empty.append(Line(group.line, group.title))
    return actions, covered, empty


def _add_row(
    row: list[Cell],
    columns: list[str],
    group: PlannedAction | None,
    caption: str,
    actions: list[PlannedAction],
) -> PlannedAction:
    if group is None:
        group = PlannedAction("A1", 1, caption or "", row[0].line.number)
    if not actions or actions[-1] is not group:
        actions.append(group)
    values = dict(zip(columns, row, strict=False))
    task_cell = values.get("task", row[-1])
    words = task_cell.text.rstrip("|｜ ").strip()
    previous = group.tasks[-1].number if group.tasks else 0
    number = int(row[0].folded)
    limit = values.get("limit")
    responsible = [
        unit.strip()
        for kind, cell in zip(columns, row, strict=False)
        if kind == "responsible"
        for unit in re.split(r"[、，,;；]", cell.text.rstrip("|｜ "))
        if unit.strip()
    ]
    group.tasks.append(
        PlannedTask(
            number=number if number > previous else previous + 1,
            title=_title(words),
            text=words,
            deadline=limit.text.rstrip("|｜ ").strip() if limit is not None else None,
            deadline_line=limit.line.number if limit is not None else None,
            line=task_cell.line.number,
            responsible=list(dict.fromkeys(responsible)),
        )
    )
    group.lines |= {c.line.number for c in row}
    return group
