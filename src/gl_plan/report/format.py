"""Small formatting helpers every report shares: numbers, names, safe CSV and Markdown
cells, consoles.

Numbers are written by :func:`gl_plan.numbers.format_number` (with the indicator's
precision, :func:`digits_for`); the result models keep them whole.

Text from the plan or the data never reaches a file as markup: a CSV text cell that a
spreadsheet would read as a formula gets a leading ``'`` (:func:`csv_cell`), and Markdown
text has its HTML and table characters escaped (:func:`md_text`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from rich.console import Console, RenderableType

from gl_plan.i18n import Lang, Msg, _, pgettext
from gl_plan.numbers import INTEGER_BOUND, comparison_digits, format_number, shown_gap
from gl_plan.plan.models import Plan
from gl_plan.report.safe_text import clean

__all__ = [
    "CJK_RE",
    "CSV_DIGITS",
    "REPORT_WIDTH",
    "csv_cell",
    "csv_comparison",
    "csv_number",
    "csv_text",
    "csv_word",
    "digits_for",
    "display_name",
    "fmt_gap",
    "fmt_num",
    "fmt_target",
    "indicator_name",
    "md_cell",
    "md_table",
    "md_text",
    "plain_text",
    "region_name",
    "shown_path",
]

#: Reports written to a file or a pipe are laid out for an 80-column terminal or page.
REPORT_WIDTH: Final = 80

#: Chinese characters and full-width punctuation: what ``--lang en`` must never print.
CJK_RE: Final = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def fmt_num(value: float | None, digits: int = 1) -> str:
    """A value in a report, ``94.5``; an em dash for no figure."""
    return format_number(value, digits, missing="—")


#: The most decimals a value or a gap is shown with.
MAX_DIGITS: Final = 3


def fmt_gap(value: float | None, digits: int = 1) -> str:
    """A signed gap, ``-6.2`` or ``+0.7``; empty for no figure.

    Shown with ``digits`` decimals, and more (up to :data:`MAX_DIGITS`) while that would
    round a gap to zero: a dropout rate 0.04 points off its target is ``+0.04``, not
    ``+0.0`` (which would read "at the target").

    >>> fmt_gap(-6.24), fmt_gap(0.04), fmt_gap(-0.004), fmt_gap(0.0), fmt_gap(1.25, 2)
    ('-6.2', '+0.04', '-0.004', '0.0', '+1.25')
    """
    if value is None:
        return ""
    if value == 0:
        return format_number(0.0, digits)
    while digits < MAX_DIGITS and round(value, digits) == 0:
        digits += 1
    return format_number(value, digits, signed=True)


def digits_for(target: float) -> int:
    """How many decimals a value compared with ``target`` needs: one, or as many as the
    target is written with (16.25 → 2), at most :data:`MAX_DIGITS`.

    >>> digits_for(113), digits_for(100.7), digits_for(16.25)
    (1, 1, 2)
    """
    written = fmt_target(target)
    decimals = len(written.partition(".")[2]) if "e" not in written else MAX_DIGITS
    return min(max(decimals, 1), MAX_DIGITS)


def fmt_target(value: float) -> str:
    """A target as the plan writes it: ``113``, ``100.7``."""
    return format_number(value)


def shown_path(name: str, root: Path | None) -> str:
    """A file name as a report shows it: relative to the project folder ``root`` when the
    file is inside it (``data/indicators/450321_阳朔县.csv``), else its name alone, never
    an absolute path: a report is printed and forwarded, and the reader's folders (a user
    name in ``/home/...``) are neither theirs to read nor any use to the recipient.

    >>> shown_path("/srv/p/data/plan.yaml", Path("/srv/p")), shown_path("/tmp/x.csv", None)
    ('data/plan.yaml', 'x.csv')
    """
    path = Path(name)
    if root is not None:
        with contextlib.suppress(ValueError):  # outside the project: its name alone
            return path.resolve().relative_to(root.resolve()).as_posix()
    return path.name if path.is_absolute() or path.anchor else path.as_posix()


def region_name(plan: Plan, code: str, lang: Lang) -> str:
    """The region's short name (``阳朔``, ``Yangshuo``); the code if the plan lacks it."""
    region = plan.region_by_code.get(code)
    return region.short.get(lang) if region else code


def display_name(plan: Plan, code: str, lang: Lang) -> str:
    """The short name; the root and any city by the full name in Chinese (桂林市 rather than
    桂林), except the nation (全国 rather than 中华人民共和国)."""
    region = plan.region_by_code.get(code)
    if region is None:
        return code
    root = code == plan.region_tree.root and region.kind != "nation"
    if lang == "zh" and (region.kind == "city" or root):
        return region.name.zh
    return region.short.get(lang)


def indicator_name(plan: Plan, indicator_id: str, lang: Lang) -> str:
    """The indicator's short name if it has one (``Preschool GER``), else its name."""
    ind = plan.indicator_by_id.get(indicator_id)
    if ind is None:
        return indicator_id
    return (ind.short or ind.name).get(lang)


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV injection").
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")

CsvCell = str | int | float


def csv_cell(value: CsvCell) -> CsvCell:
    """A CSV cell a spreadsheet shows as it is: text starting like a formula gets a ``'``.

    Numbers are passed as numbers and stay as they are (``-1.3``); only text is guarded.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_number(value: float | None, digits: int | None = None) -> CsvCell:
    """A number in a CSV cell, kept a number for the spreadsheet: rounded to ``digits``
    decimals (as Python writes a float: ``3.0``), or, with no ``digits``, as written (an
    integer when whole: a target ``113``); empty for no figure."""
    if value is None:
        return ""
    if digits is None:
        return int(value) if value.is_integer() and abs(value) < INTEGER_BOUND else value
    return round(value, digits)


#: Decimals of a value and a gap in a CSV file or the workbook's long table: more than a
#: report shows, for the scripts that read them.
CSV_DIGITS: Final = 3


def csv_comparison(value: float | None, target: float) -> tuple[CsvCell, CsvCell]:
    """A value and its gap as CSV numbers, by the rule of :mod:`gl_plan.numbers`: rounded
    to :data:`CSV_DIGITS` decimals, more when fewer would make it equal to a target it is
    not equal to; the gap is the rounded value minus the target. Empty for no figure.

    >>> csv_comparison(94.9996, 95), csv_comparison(94.46, 95), csv_comparison(None, 95)
    ((94.9996, -0.0004), (94.46, -0.54), ('', ''))
    """
    if value is None:
        return "", ""
    digits = comparison_digits(value, target, CSV_DIGITS)
    return csv_number(value, digits), csv_number(shown_gap(value, target, digits), digits)


def csv_word(code: str, label: str, lang: Lang) -> str:
    """A CSV cell naming a status, a colour, a level or a flag: in English the code
    itself, as the JSON writes it (``off_track``, ``red``), for scripts; in Chinese the
    word people read (``进度滞后``, ``红``), as the Markdown shows it."""
    return code if lang == "en" else label


def csv_text(columns: Iterable[str], rows: Iterable[Iterable[CsvCell]]) -> str:
    """CSV with a header row, ``\\n`` line ends, every cell through :func:`csv_cell`."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def _md_escape(text: str) -> str:
    # HTML passes through Markdown untouched: entities for <, > and &; a backslash
    # for the table pipe (and for a backslash, so that it cannot escape the pipe).
    # Cleaned first: no escape sequence for a terminal showing the file, and a lone \r
    # (a line break to Markdown, which would split a table row) becomes \n.
    return (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\\", "\\\\")
        .replace("|", "\\|")
    )


def md_text(text: str) -> str:
    """Text from the plan or the data, safe in a Markdown heading or list item.

    ``<``, ``>`` and ``&`` become entities, ``\\`` and ``|`` are backslash-escaped, and a
    line break becomes a space (it would end the heading or the item).
    """
    return _md_escape(text).replace("\n", " ")


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: escaped as :func:`md_text`, line breaks as
    ``<br>``."""
    return _md_escape(text).replace("\n", "<br>")


#: The headers of the Markdown and CSV tables by view and column: in English the JSON keys
#: themselves, in Chinese labels.
_COLUMNS: Final[dict[str, dict[str, Msg]]] = {
    "check_md": {
        "region": _("region"),
        "period": _("period"),
        "value": _("value"),
        "gap": _("gap"),
        "projected": _("projected"),
        "status": _("status"),
        "rag": _("rag"),
    },
    "check_csv": {
        "region": pgettext("col.check_csv.region", "region"),
        "region_name": _("region_name"),
        "region_level": _("region_level"),
        "indicator": _("indicator"),
        "target_year": _("target_year"),
        "target": _("target"),
        "period": _("period"),
        "value": _("value"),
        "gap": _("gap"),
        "status": _("status"),
        "rag": _("rag"),
        "baseline_period": _("baseline_period"),
        "baseline_value": _("baseline_value"),
        "baseline_source": _("baseline_source"),
        "growth_method": _("growth_method"),
        "observed_growth": _("observed_growth"),
        "required_growth": _("required_growth"),
        "ratio": _("ratio"),
        "projected": pgettext("col.check_csv.projected", "projected"),
        "projected_gap": _("projected_gap"),
        "path_value": _("path_value"),
        "path_gap": _("path_gap"),
        "coverage_reporting": _("coverage_reporting"),
        "coverage_expected": _("coverage_expected"),
        "coverage_missing": _("coverage_missing"),
        "notes": _("notes"),
    },
    "tasks_md": {
        "id": _("id"),
        "rag": _("rag"),
        "status": _("status"),
        "due": _("due"),
        "days_left": _("days_left"),
        "title": _("title"),
        "progress": _("progress"),
        "responsible": _("responsible"),
        "last_report": _("last_report"),
    },
    "tasks_csv": {
        "id": _("id"),
        "action": _("action"),
        "title": _("title"),
        "title_zh": _("title_zh"),
        "title_en": _("title_en"),
        "deadline": _("deadline"),
        "due": pgettext("col.tasks_csv.due", "due"),
        "ongoing": _("ongoing"),
        "status": _("status"),
        "rag": _("rag"),
        "completed_on": _("completed_on"),
        "last_report": _("last_report"),
        "days_left": pgettext("col.tasks_csv.days_left", "days_left"),
        "latest_status": _("latest_status"),
        "flags": _("flags"),
        "progress": _("progress"),
        "responsible": _("responsible"),
    },
    "data_md": {
        "region": _("region"),
        "period": _("period"),
        "indicator": pgettext("col.data_md.indicator", "indicator"),
        "value": _("value"),
        "numerator": _("numerator"),
        "denominator": _("denominator"),
        "source": _("source"),
        "line": _("line"),
    },
    "ledger": {
        "date": _("date"),
        "task": pgettext("col.ledger.task", "task"),
        "title": _("title"),
        "status": _("status"),
        "metric": _("metric"),
        "value": _("value"),
        "region": _("region"),
        "reporter": pgettext("col.ledger.reporter", "reporter"),
        "note": _("note"),
        "line": _("line"),
    },
}


def column_names(view: str, columns: Iterable[str], lang: Lang) -> list[str]:
    """The headers of a Markdown or CSV table in ``lang``: in English the JSON keys
    themselves (``region``, ``status``), in Chinese labels (地区, 状态)."""
    headers = _COLUMNS[view]
    return [headers[c].text(lang) for c in columns]


def md_table(
    columns: Iterable[str], rows: Iterable[Iterable[str]], right: Iterable[str] = ()
) -> list[str]:
    """A Markdown table's lines; columns named in ``right`` are right-aligned."""
    names = list(columns)
    align = set(right)
    lines = [
        "| " + " | ".join(md_cell(c) for c in names) + " |",
        "|" + "|".join("---:" if c in align else "---" for c in names) + "|",
    ]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return lines


def plain_text(renderables: Iterable[RenderableType], width: int = REPORT_WIDTH) -> str:
    """Render for a file or a pipe: no colour codes, a fixed width, no trailing blanks."""
    buffer = io.StringIO()
    console: Console = Console(
        file=buffer,
        width=width,
        no_color=True,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for item in renderables:
        console.print(item)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
