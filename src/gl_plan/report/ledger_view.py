"""``glplan progress list``: the ledger's entries as people read them, in every format.

One row per entry, in date order (entries of one date in file order): the date, the task's
id and its title in the reader's language, the status, the quantity and value reported, the
region, the reporter, the note and the ledger line the entry is on. JSON and CSV are data:
statuses and regions by their codes in JSON, the ledger's status codes in an English CSV
(the words in a Chinese one, as the Markdown shows them). The table and the Markdown say
so in words when there is nothing to list: the ledger is empty (and how to add an entry),
or no entry matches the filters.
"""

from __future__ import annotations

from typing import Any, Final

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from gl_plan.i18n import Lang, Msg, _
from gl_plan.ledger.listing import LedgerListing
from gl_plan.ledger.model import LedgerEntry
from gl_plan.numbers import format_number
from gl_plan.plan.models import Plan
from gl_plan.report.format import (
    column_names,
    csv_number,
    csv_text,
    csv_word,
    md_table,
    md_text,
    region_name,
)
from gl_plan.report.safe_text import cell

__all__ = [
    "COLUMNS",
    "TABLE_COLUMNS",
    "ledger_csv",
    "ledger_document",
    "ledger_markdown",
    "ledger_renderables",
    "nothing_to_list",
]

#: The columns of every format (the JSON keys; the headers are ``col.ledger.*`` texts).
COLUMNS: Final = (
    "date",
    "task",
    "title",
    "status",
    "metric",
    "value",
    "region",
    "reporter",
    "note",
    "line",
)
#: The terminal table's columns: the title goes after the task's id, the metric under its
#: value and the region under the reporter, and the ledger line is left to the other
#: formats, so that a row fits 80 columns with nothing cut.
TABLE_COLUMNS: Final = tuple(c for c in COLUMNS if c not in ("title", "metric", "region", "line"))
#: Shares of the width left over that the folding columns take, and the least each gets: the
#: least add up, with the fixed columns and the gaps, to under 80 (over it, rich would cut
#: the text of a folded cell instead of folding it).
_FOLDING: Final = {"task": (3, 10), "value": (1, 5), "reporter": (1, 6), "note": (2, 6)}


def nothing_to_list(listing: LedgerListing, lang: Lang) -> str | None:
    """Why there are no rows, in words (None: there are rows): an empty ledger says how to
    add the first entry."""
    if listing.entries:
        return None
    if listing.total == 0:
        return _(
            "The ledger has no entries yet. Add one with `glplan progress add A3.6 "
            "--status in_progress --value 18`, or import the sheets units send back with "
            "`glplan progress import FILE.xlsx`.",
        ).text(lang)
    return _("No entries match (the ledger has {total}).", total=listing.total).text(lang)


def _title(plan: Plan, task: str, lang: Lang) -> str:
    found = plan.task_by_id.get(task)
    return found.title.get(lang) if found else ""


#: The words for a ledger entry's status.
_ENTRY_STATUS: Final[dict[str, Msg]] = {
    "not_started": _("not_started"),
    "in_progress": _("in_progress"),
    "completed": _("completed"),
}


def _status(entry: LedgerEntry, lang: Lang) -> str:
    word = _ENTRY_STATUS.get(entry.status)
    return word.text(lang) if word is not None else str(entry.status)


def _region(plan: Plan, entry: LedgerEntry, lang: Lang) -> str:
    return "" if entry.region is None else region_name(plan, entry.region, lang)


def _cells(listing: LedgerListing, entry: LedgerEntry, lang: Lang) -> list[str]:
    """One row as people read it (table and Markdown)."""
    plan = listing.plan
    return [
        entry.date.isoformat(),
        entry.task,
        _title(plan, entry.task, lang),
        _status(entry, lang),
        entry.metric or "",
        format_number(entry.value),
        _region(plan, entry, lang),
        entry.reporter or "",
        entry.note,
        str(entry.line),
    ]


def ledger_renderables(listing: LedgerListing, lang: Lang) -> list[RenderableType]:
    """A rich table of the entries, or the line saying why there are none. For a terminal
    of 80 columns: the title follows the task's id, the metric its value and the region
    its reporter; the short columns never wrap, the others fold."""
    why = nothing_to_list(listing, lang)
    if why is not None:
        return [Text(why)]
    heads = column_names("ledger", TABLE_COLUMNS, lang)
    table = Table(
        *heads, title=_("Progress ledger").text(lang), box=box.SIMPLE_HEAD, pad_edge=False
    )
    for key, column in zip(TABLE_COLUMNS, table.columns, strict=True):
        if key == "value":
            column.justify = "right"
        if key in _FOLDING:
            column.ratio, column.min_width = _FOLDING[key]
            column.overflow = "fold"
        else:
            column.no_wrap = True
    for entry in listing.ordered():
        row = dict(zip(COLUMNS, _cells(listing, entry, lang), strict=True))
        row["task"] = f"{row['task']} {row['title']}".strip()
        if row["region"]:
            row["reporter"] = "\n".join(filter(None, (row["reporter"], row["region"])))
        if row["metric"]:
            row["value"] = f"{row['value']}\n{row['metric']}" if row["value"] else row["metric"]
        # Notes and reporters are the user's text: shown, never read as markup or escapes.
        table.add_row(*(cell(row[key]) for key in TABLE_COLUMNS))
    return [table]


def ledger_markdown(listing: LedgerListing, lang: Lang) -> str:
    """A Markdown section: a heading, then one table row per entry (or why there is none)."""
    lines = [("## " + md_text(_("Progress ledger").text(lang))), ""]
    why = nothing_to_list(listing, lang)
    if why is not None:
        return "\n".join([*lines, md_text(why)]) + "\n"
    rows = [_cells(listing, entry, lang) for entry in listing.ordered()]
    lines += md_table(
        column_names("ledger", COLUMNS, lang),
        rows,
        right=column_names("ledger", ("value", "line"), lang),
    )
    return "\n".join(lines) + "\n"


def ledger_csv(listing: LedgerListing, lang: Lang) -> str:
    """CSV with a header (only the header when nothing is listed); values stay numbers,
    text cells are guarded against formulas (:func:`~gl_plan.report.format.csv_cell`)."""
    plan = listing.plan
    rows = [
        (
            entry.date.isoformat(),
            entry.task,
            _title(plan, entry.task, lang),
            csv_word(entry.status, _status(entry, lang), lang),
            entry.metric or "",
            csv_number(entry.value),
            _region(plan, entry, lang),
            entry.reporter or "",
            entry.note,
            entry.line,
        )
        for entry in listing.ordered()
    ]
    return csv_text(column_names("ledger", COLUMNS, lang), rows)


def ledger_document(listing: LedgerListing, lang: Lang) -> dict[str, Any]:
    """The JSON document: ``{"ledger", "total", "entries": [...]}``; each entry with the
    ledger's codes (status, region code), the title in ``lang`` and the region's name."""
    plan = listing.plan
    return {
        "ledger": listing.path,
        "total": listing.total,
        "entries": [
            {
                "date": entry.date.isoformat(),
                "task": entry.task,
                "title": _title(plan, entry.task, lang),
                "status": entry.status,
                "metric": entry.metric,
                "value": entry.value,
                "region": entry.region,
                "region_name": _region(plan, entry, lang) or None,
                "reporter": entry.reporter,
                "note": entry.note,
                "line": entry.line,
            }
            for entry in listing.ordered()
        ],
    }
