"""Task statuses as a terminal table, Markdown, CSV or a JSON document.

The colour of a task (red, amber, green) always comes with its name in text, so the table
reads the same without colour (``NO_COLOR``, a file, a screen reader).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Final

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table

from gl_plan.assess.tasks import (
    STALE,
    STATUSES,
    QuantityProgress,
    RegionProgress,
    TaskAssessment,
    task_summary,
)
from gl_plan.errors import Problem
from gl_plan.i18n import Lang, _, ngettext, pgettext
from gl_plan.i18n.labels import label
from gl_plan.ledger.model import LedgerEntry
from gl_plan.numbers import format_number
from gl_plan.plan.models import Plan
from gl_plan.report.format import CsvCell, column_names, csv_text, csv_word, md_table, md_text
from gl_plan.report.safe_text import cell

#: The texts once looked up as ``flag.*``, by the rest of that key.
_FLAG = {
    "stale": _("stale"),
    "no_report": _("no report"),
    "quantity_behind": _("behind"),
    "seriously_behind": _("seriously behind"),
    "continuing": _("continuing"),
    "reopened": _("reopened"),
    "completed_by_regions": _("all regions done"),
}


#: A ledger entry's status and field words, by their code.
ENTRY_WORDS: Final = {
    "added": _("added"),
    "not_started": _("not_started"),
    "in_progress": _("in_progress"),
    "completed": _("completed"),
    "value": _("value"),
    "region": pgettext("entry.region", "region"),
    "reporter": _("reporter"),
    "note": _("note"),
}


__all__ = [
    "CSV_COLUMNS",
    "MARKDOWN_COLUMNS",
    "entry_line",
    "flag_label",
    "needs_attention",
    "progress_text",
    "render_tasks",
    "responsible_text",
    "summary_line",
    "tasks_csv",
    "tasks_document",
    "tasks_markdown",
    "tasks_renderables",
    "tasks_table",
]

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
    "responsible",
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
    "responsible",
)


def flag_label(flag: str, lang: Lang) -> str:
    """A flag's name for people (``quantity_behind`` -> ``behind`` / ``进度滞后``)."""
    return _FLAG[flag].text(lang) if flag in _FLAG else flag


def needs_attention(item: TaskAssessment) -> bool:
    """Whether ``glplan tasks`` shows the task by default: red or amber (overdue, due soon,
    behind), or stale (no report for too long)."""
    return item.rag != "green" or STALE in item.flags


def _left_out_line(left_out: int, lang: Lang) -> str:
    return ngettext(
        "{n} green task (on schedule, ongoing or done) not shown; glplan tasks --all "
        "lists every task.",
        "{n} green tasks (on schedule, ongoing or done) not shown; glplan tasks --all "
        "lists every task.",
        left_out,
    ).text(lang)


def _quantity_text(q: QuantityProgress, lang: Lang, *, unit: bool) -> str:
    achieved = "—" if q.achieved is None else format_number(q.achieved)
    amount = f"{achieved}/{format_number(q.goal)}"
    if q.counts_regions:
        return _("{count} regions", count=amount).text(lang)
    if unit:
        amount = _("{amount} {unit}", amount=amount, unit=q.unit.get(lang)).text(lang)
    if q.share is not None and not q.met:
        amount += f" ({format_number(q.share * 100, 0)}%)"
    return amount


def _region_text(r: RegionProgress, lang: Lang) -> str:
    if r.expected is not None:
        return _("{count} regions", count=r.label).text(lang)
    n = len(r.completed)
    return ngettext("{n} region done", "{n} regions done", n).text(lang)


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


def responsible_text(item: TaskAssessment, lang: Lang) -> str:
    """The units responsible (责任单位), ``；``-separated (their own names hold ``、``);
    empty when the task's text names none."""
    return _("; ").text(lang).join(unit.get(lang) for unit in item.responsible)


def _due_text(item: TaskAssessment, lang: Lang) -> list[str]:
    if item.due is None:
        return [_("ongoing").text(lang)]
    lines = [item.due.isoformat()]
    if item.days_left is not None:
        if item.days_left < 0:
            lines.append(_("{n} d late", n=-item.days_left).text(lang))
        else:
            lines.append(_("{n} d left", n=item.days_left).text(lang))
    return lines


def summary_line(items: Iterable[TaskAssessment], as_of: date, lang: Lang) -> str:
    """``As of 2026-11-30, 35 tasks: 5 overdue, ... ; 2 stale``."""
    counts = task_summary(items)
    parts = [
        _("{n} {status}", n=counts[s], status=label(s)).text(lang) for s in STATUSES if counts[s]
    ]
    head = _("As of {as_of}, {total} tasks: ", as_of=as_of.isoformat(), total=counts["total"]).text(
        lang
    )
    stale = _("; {n} stale", n=counts["stale"]).text(lang) if counts["stale"] else ""
    return head + pgettext("sep.counts", ", ").text(lang).join(parts) + stale + _(".").text(lang)


def tasks_table(
    items: Sequence[TaskAssessment], as_of: date, lang: Lang, *, titled: bool = True
) -> Table:
    """A rich table that fits 80 columns (titles wrap); colour plus the colour's name.
    ``titled``: with the "Tasks as of DATE" title (not under a heading that says it)."""
    table = Table(
        title=_("Tasks as of {as_of}", as_of=as_of.isoformat()).text(lang) if titled else None,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    table.add_column(_("ID").text(lang), no_wrap=True)
    table.add_column(_("RAG").text(lang), no_wrap=True)
    table.add_column(_("Status").text(lang), no_wrap=True)
    table.add_column(_("Due").text(lang), no_wrap=True)
    # Titles wrap between words; only a word longer than the column is cut.
    table.add_column(_("Task").text(lang), ratio=2, min_width=12, overflow="fold")
    table.add_column(_("Progress").text(lang), max_width=14)
    table.add_column(_("Responsible").text(lang), ratio=1, min_width=8, overflow="fold")
    for item in items:
        style = _STYLE[item.rag]
        table.add_row(
            cell(item.id),
            cell(label(item.rag).text(lang), style=style),
            cell(label(item.status).text(lang), style=style if item.rag != "green" else ""),
            # Text, not markup: a title with "[...]" in it prints as it is.
            cell("\n".join(_due_text(item, lang))),
            cell(item.title.get(lang)),
            cell("\n".join(progress_text(item, lang))),
            cell("\n".join(unit.get(lang) for unit in item.responsible)),
        )
    return table


def tasks_renderables(
    items: Sequence[TaskAssessment],
    as_of: date,
    lang: Lang,
    *,
    summary_of: Sequence[TaskAssessment] | None = None,
    left_out: int = 0,
) -> list[RenderableType]:
    """The table and a one-line summary (or a line saying no task matches).

    The summary counts ``summary_of`` (all tasks) when the rows are a selection;
    ``left_out`` tasks not shown are counted on a last line that says how to see them.
    """
    if not items and not left_out:
        return [cell(_("No tasks match.").text(lang))]
    table = tasks_table(items, as_of, lang) if items else cell(_("No tasks match.").text(lang))
    out: list[RenderableType] = [table, cell("")]
    out.append(cell(summary_line(items if summary_of is None else summary_of, as_of, lang)))
    if left_out:
        out.append(cell(_left_out_line(left_out, lang), style="dim"))
    return out


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
    left_out: int = 0,
) -> str:
    """A Markdown section: heading, summary line and one table row per task.

    Columns are named like the JSON keys (:data:`MARKDOWN_COLUMNS`) in English, with
    labels in Chinese; the cells are in ``lang``. The summary counts ``summary_of`` (all
    tasks) when the rows are a selection; ``left_out`` tasks not shown are counted on a
    last line that says how to see them.
    """
    rows = [
        [
            item.id,
            label(item.rag).text(lang),
            label(item.status).text(lang),
            *[*_due_text(item, lang), ""][:2],
            item.title.get(lang),
            "; ".join(progress_text(item, lang, unit=True)),
            responsible_text(item, lang),
            item.last_report.isoformat() if item.last_report else "—",
        ]
        for item in items
    ]
    summary = summary_line(items if summary_of is None else summary_of, as_of, lang)
    lines = [
        ("## " + md_text(_("Tasks as of {as_of}", as_of=as_of.isoformat()).text(lang))),
        "",
        md_text(summary),
        "",
    ]
    if rows:
        lines += md_table(column_names("tasks_md", MARKDOWN_COLUMNS, lang), rows)
    if left_out:
        lines += ["", md_text(_left_out_line(left_out, lang))]
    return "\n".join(lines) + "\n"


def _latest_status(status: str | None, lang: Lang) -> str:
    if not status:
        return ""
    known = status in ENTRY_WORDS
    return csv_word(status, ENTRY_WORDS[status].text(lang) if known else status, lang)


def tasks_csv(items: Sequence[TaskAssessment], lang: Lang) -> str:
    """One row per task, with task and action ids.

    In English the status, colour, latest reported status and flags are codes
    (``overdue``, ``red``, ``in_progress``, ``stale``) and ``ongoing`` is ``true`` or
    ``false``, as in the JSON; in Chinese they are the words people read (已逾期, 红,
    进行中, 久未报送; 是/否)."""
    rows: list[list[CsvCell]] = [
        [
            item.id,
            item.action,
            item.title.get(lang),
            item.title.zh,
            item.title.en,
            item.deadline,
            item.due.isoformat() if item.due else "",
            (_("true") if item.ongoing else _("false")).text(lang),
            csv_word(item.status, label(item.status).text(lang), lang),
            csv_word(item.rag, label(item.rag).text(lang), lang),
            item.completed_on.isoformat() if item.completed_on else "",
            item.last_report.isoformat() if item.last_report else "",
            "" if item.days_left is None else item.days_left,
            _latest_status(item.latest_status, lang),
            ";".join(csv_word(f, flag_label(f, lang), lang) for f in item.flags),
            "; ".join(progress_text(item, lang, unit=True)),
            responsible_text(item, lang),
        ]
        for item in items
    ]
    return csv_text(column_names("tasks_csv", CSV_COLUMNS, lang), rows)


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


def entry_line(entry: LedgerEntry, plan: Plan, lang: Lang) -> str:
    """What ``glplan progress add`` confirms: ``added 2026-03-31 A3.6 in_progress value=18``.

    The words and the region's name are in ``lang``; the reporter and the note are shown
    as they were typed.
    """

    def word(key: str) -> str:
        return ENTRY_WORDS[key].text(lang)

    known = entry.status in ENTRY_WORDS
    status = word(entry.status) if known else str(entry.status)
    parts = [word("added"), entry.date.isoformat(), entry.task, status]
    if entry.value is not None:
        parts.append(f"{entry.metric or word('value')}={format_number(entry.value)}")
    if entry.region:
        region = plan.region_by_code.get(entry.region)
        parts.append(f"{word('region')}={region.name.get(lang) if region else entry.region}")
    if entry.reporter:
        parts.append(f"{word('reporter')}={entry.reporter}")
    if entry.note:
        parts.append(f"{word('note')}={entry.note!r}")
    return " ".join(parts)
