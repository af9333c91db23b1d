"""Task statuses as a terminal table, Markdown, CSV or a JSON document.

The colour of a task (red, amber, green) always comes with its name in text, so the table
reads the same without colour (``NO_COLOR``, a file, a screen reader).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from gl_plan.assess.tasks import (
    STATUSES,
    QuantityProgress,
    RegionProgress,
    TaskAssessment,
    task_summary,
)
from gl_plan.errors import Problem
from gl_plan.i18n import Lang, label
from gl_plan.report.format import md_table

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table

    from gl_plan.ledger.model import LedgerEntry
    from gl_plan.plan.models import Plan

__all__ = [
    "CSV_COLUMNS",
    "MARKDOWN_COLUMNS",
    "entry_line",
    "flag_label",
    "progress_text",
    "render_tasks",
    "summary_line",
    "tasks_csv",
    "tasks_document",
    "tasks_markdown",
    "tasks_renderables",
    "tasks_table",
]

_TEXT: Final[dict[str, tuple[str, str]]] = {
    # flags
    "stale": ("久未报送", "stale"),
    "no_report": ("未报送", "no report"),
    "quantity_behind": ("进度滞后", "behind"),
    "seriously_behind": ("严重滞后", "seriously behind"),
    "continuing": ("持续实施中", "continuing"),
    "reopened": ("重新开启", "reopened"),
    "completed_by_regions": ("各县区已完成", "all regions done"),
    # headers and phrases
    "id": ("编号", "ID"),
    "rag": ("预警", "RAG"),
    "status": ("状态", "Status"),
    "due": ("时限", "Due"),
    "task": ("任务", "Task"),
    "progress": ("进展", "Progress"),
    "last_report": ("最近报送", "Last report"),
    "tasks_as_of": ("任务完成情况(截至 {as_of})", "Tasks as of {as_of}"),
    "no_due": ("持续实施", "ongoing"),
    "days_left": ("剩 {n} 天", "{n} d left"),
    "days_late": ("逾期 {n} 天", "{n} d late"),
    "regions": ("个县区", " regions"),
    "regions_done": ("个县区已完成", " regions done"),
    "no_tasks": ("没有符合条件的任务。", "No tasks match."),
}

_STYLE: Final = {"red": "bold red", "amber": "bold yellow", "green": "green"}

#: The columns of the Markdown table, named like the JSON keys.
MARKDOWN_COLUMNS: Final = (
    "id",
    "rag",
    "status",
    "due",
    "days_left",
    "title",
    "progress",
    "last_report",
)

CSV_COLUMNS: Final = (
    "id",
    "action",
    "title",
    "title_zh",
    "title_en",
    "deadline",
    "due",
    "ongoing",
    "status",
    "rag",
    "completed_on",
    "last_report",
    "days_left",
    "latest_status",
    "flags",
    "progress",
)


def _t(key: str, lang: Lang, **values: object) -> str:
    zh, en = _TEXT[key]
    return (zh if lang == "zh" else en).format(**values)


def flag_label(flag: str, lang: Lang) -> str:
    """A flag's name for people (``quantity_behind`` -> ``behind`` / ``进度滞后``)."""
    return _t(flag, lang) if flag in _TEXT else flag


def _num(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _quantity_text(q: QuantityProgress, lang: Lang, *, unit: bool) -> str:
    achieved = "—" if q.achieved is None else _num(q.achieved)
    text = f"{achieved}/{_num(q.goal)}"
    if q.counts_regions:
        return text + _t("regions", lang)
    if unit:
        text += ("" if lang == "zh" else " ") + q.unit.get(lang)
    if q.share is not None and not q.met:
        text += f" ({q.share:.0%})"
    return text


def _region_text(r: RegionProgress, lang: Lang) -> str:
    if r.expected is not None:
        return f"{r.label}{_t('regions', lang)}"
    if lang == "en" and len(r.completed) == 1:
        return "1 region done"
    return f"{r.label}{_t('regions_done', lang)}"


def progress_text(item: TaskAssessment, lang: Lang, *, unit: bool = False) -> list[str]:
    """Short lines on quantities, regions and flags, e.g. ``18/30 (60%)``, ``4/6 regions``."""
    # A per-region figure nobody reported says less than the region count below it.
    lines = [
        _quantity_text(q, lang, unit=unit)
        for q in item.quantities
        if not (q.per_region and q.achieved is None)
    ]
    counted = {q.metric for q in item.quantities if q.counts_regions}
    lines += [_region_text(r, lang) for r in item.regions if r.metric not in counted]
    # "no report" says all "stale" would; "seriously behind" shows as the red colour.
    hidden = {"seriously_behind"} | ({"stale"} if "no_report" in item.flags else set())
    lines += [flag_label(f, lang) for f in item.flags if f not in hidden]
    return lines


def _due_text(item: TaskAssessment, lang: Lang) -> list[str]:
    if item.due is None:
        return [_t("no_due", lang)]
    lines = [item.due.isoformat()]
    if item.days_left is not None:
        if item.days_left < 0:
            lines.append(_t("days_late", lang, n=-item.days_left))
        else:
            lines.append(_t("days_left", lang, n=item.days_left))
    return lines


def summary_line(items: Iterable[TaskAssessment], as_of: date, lang: Lang) -> str:
    """``As of 2026-11-30, 35 tasks: 5 overdue, ... ; 2 stale``."""
    counts = task_summary(items)
    parts = [f"{counts[s]} {label(s, lang)}" for s in STATUSES if counts[s]]
    sep = "，" if lang == "zh" else ", "
    if lang == "zh":
        head = f"截至 {as_of},共 {counts['total']} 项任务:"
        tail = f";{counts['stale']} 项久未报送" if counts["stale"] else ""
        return head + sep.join(parts) + tail + "。"
    tail = f"; {counts['stale']} stale" if counts["stale"] else ""
    return f"As of {as_of}, {counts['total']} tasks: " + sep.join(parts) + tail + "."


def tasks_table(items: Sequence[TaskAssessment], as_of: date, lang: Lang) -> Table:
    """A rich table that fits 80 columns (titles wrap); colour plus the colour's name."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=_t("tasks_as_of", lang, as_of=as_of.isoformat()),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    table.add_column(_t("id", lang), no_wrap=True)
    table.add_column(_t("rag", lang), no_wrap=True)
    table.add_column(_t("status", lang), no_wrap=True)
    table.add_column(_t("due", lang), no_wrap=True)
    # Titles wrap between words; only a word longer than the column is cut.
    table.add_column(_t("task", lang), ratio=1, min_width=16, overflow="fold")
    table.add_column(_t("progress", lang), max_width=16)
    for item in items:
        style = _STYLE[item.rag]
        table.add_row(
            Text(item.id),
            Text(label(item.rag, lang), style=style),
            Text(label(item.status, lang), style=style if item.rag != "green" else ""),
            # Text, not markup: a title with "[...]" in it prints as it is.
            Text("\n".join(_due_text(item, lang))),
            Text(item.title.get(lang)),
            Text("\n".join(progress_text(item, lang))),
        )
    return table


def tasks_renderables(
    items: Sequence[TaskAssessment], as_of: date, lang: Lang
) -> list[RenderableType]:
    """The table and a one-line summary (or a line saying no task matches)."""
    from rich.text import Text

    if not items:
        return [Text(_t("no_tasks", lang))]
    return [tasks_table(items, as_of, lang), Text(""), Text(summary_line(items, as_of, lang))]


def render_tasks(
    items: Sequence[TaskAssessment], as_of: date, lang: Lang, console: Console
) -> None:
    """Print the table and a one-line summary to ``console``."""
    for renderable in tasks_renderables(items, as_of, lang):
        console.print(renderable)


def tasks_markdown(
    items: Sequence[TaskAssessment],
    as_of: date,
    lang: Lang,
    *,
    summary_of: Sequence[TaskAssessment] | None = None,
) -> str:
    """A Markdown section: heading, summary line and one table row per task.

    Columns are named like the JSON keys (:data:`MARKDOWN_COLUMNS`); the cells are in
    ``lang``. The summary counts ``summary_of`` (all tasks) when the rows are a selection.
    """
    rows = [
        [
            item.id,
            label(item.rag, lang),
            label(item.status, lang),
            *[*_due_text(item, lang), ""][:2],
            item.title.get(lang),
            "; ".join(progress_text(item, lang, unit=True)),
            item.last_report.isoformat() if item.last_report else "—",
        ]
        for item in items
    ]
    lines = [
        f"## {_t('tasks_as_of', lang, as_of=as_of.isoformat())}",
        "",
        summary_line(items if summary_of is None else summary_of, as_of, lang),
        "",
    ]
    if rows:
        lines += md_table(MARKDOWN_COLUMNS, rows)
    return "\n".join(lines) + "\n"


def tasks_csv(items: Sequence[TaskAssessment], lang: Lang) -> str:
    """One row per task; codes (``overdue``, ``red``) rather than labels, for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow(
            [
                item.id,
                item.action,
                item.title.get(lang),
                item.title.zh,
                item.title.en,
                item.deadline,
                item.due.isoformat() if item.due else "",
                "true" if item.ongoing else "false",
                item.status,
                item.rag,
                item.completed_on.isoformat() if item.completed_on else "",
                item.last_report.isoformat() if item.last_report else "",
                "" if item.days_left is None else str(item.days_left),
                item.latest_status or "",
                ";".join(item.flags),
                "; ".join(progress_text(item, lang, unit=True)),
            ]
        )
    return out.getvalue()


def tasks_document(
    items: Sequence[TaskAssessment],
    as_of: date,
    *,
    summary: dict[str, int] | None = None,
    ledger: str | None = None,
    problems: Sequence[Problem] = (),
) -> dict[str, Any]:
    """The JSON document: ``{"as_of", "ledger", "tasks": [...], "summary", "problems"}``.

    Each task is :class:`TaskAssessment` in JSON form; ``title`` is ``{"zh", "en"}``.
    ``summary`` counts the tasks given unless another summary is passed.
    """
    return {
        "as_of": as_of.isoformat(),
        "ledger": ledger,
        "tasks": [item.model_dump(mode="json") for item in items],
        "summary": summary if summary is not None else task_summary(items),
        "problems": [p.to_dict() for p in problems],
    }


_ENTRY: Final[dict[str, tuple[str, str]]] = {
    "added": ("已记录", "added"),
    # English keeps the ledger's own codes: they are what the file holds.
    "not_started": ("未开始", "not_started"),
    "in_progress": ("进行中", "in_progress"),
    "completed": ("已完成", "completed"),
    "value": ("数值", "value"),
    "region": ("县区", "region"),
    "reporter": ("报送人", "reporter"),
    "note": ("备注", "note"),
}


def entry_line(entry: LedgerEntry, plan: Plan, lang: Lang) -> str:
    """What ``glplan progress add`` confirms: ``added 2026-03-31 A3.6 in_progress value=18``.

    The words and the region's name are in ``lang``; the reporter and the note are shown
    as they were typed.
    """

    def word(key: str) -> str:
        zh, en = _ENTRY[key]
        return zh if lang == "zh" else en

    status = word(entry.status) if entry.status in _ENTRY else str(entry.status)
    parts = [word("added"), entry.date.isoformat(), entry.task, status]
    if entry.value is not None:
        parts.append(f"{entry.metric or word('value')}={_num(entry.value)}")
    if entry.region:
        region = plan.region_by_code.get(entry.region)
        parts.append(f"{word('region')}={region.name.get(lang) if region else entry.region}")
    if entry.reporter:
        parts.append(f"{word('reporter')}={entry.reporter}")
    if entry.note:
        parts.append(f"{word('note')}={entry.note!r}")
    return " ".join(parts)
