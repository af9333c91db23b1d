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

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

__all__ = [
    "CSV_COLUMNS",
    "flag_label",
    "progress_text",
    "render_tasks",
    "summary_line",
    "tasks_csv",
    "tasks_document",
    "tasks_markdown",
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
    lines += [flag_label(f, lang) for f in item.flags if f != "seriously_behind"]
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
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
        show_lines=False,
    )
    table.add_column(_t("id", lang), no_wrap=True)
    table.add_column(_t("rag", lang), no_wrap=True)
    table.add_column(_t("status", lang), max_width=11)
    table.add_column(_t("due", lang), no_wrap=True)
    table.add_column(_t("task", lang), ratio=1, min_width=14, overflow="fold")
    table.add_column(_t("progress", lang), max_width=16)
    for item in items:
        style = _STYLE[item.rag]
        table.add_row(
            item.id,
            Text(label(item.rag, lang), style=style),
            Text(label(item.status, lang), style=style if item.rag != "green" else ""),
            "\n".join(_due_text(item, lang)),
            item.title.get(lang),
            "\n".join(progress_text(item, lang)),
        )
    return table


def render_tasks(
    items: Sequence[TaskAssessment], as_of: date, lang: Lang, console: Console
) -> None:
    """Print the table and a one-line summary to ``console``."""
    if not items:
        console.print(_t("no_tasks", lang))
        return
    console.print(tasks_table(items, as_of, lang))
    console.print(summary_line(items, as_of, lang))


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def tasks_markdown(items: Sequence[TaskAssessment], as_of: date, lang: Lang) -> str:
    """A Markdown section: heading, summary line and one table row per task."""
    head = [_t(k, lang) for k in ("id", "rag", "status", "due", "task", "progress", "last_report")]
    lines = [
        f"## {_t('tasks_as_of', lang, as_of=as_of.isoformat())}",
        "",
        summary_line(items, as_of, lang),
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for item in items:
        cells = [
            item.id,
            label(item.rag, lang),
            label(item.status, lang),
            " ".join(_due_text(item, lang)),
            item.title.get(lang),
            "; ".join(progress_text(item, lang, unit=True)),
            item.last_report.isoformat() if item.last_report else "—",
        ]
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
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
