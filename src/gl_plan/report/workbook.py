"""``glplan check --output report.xlsx``: the check as an Excel workbook the bureau works in.

Education bureaus keep their supervision lists (督查督办) in Excel and WPS, so the workbook
is laid out to be filtered, forwarded and printed as it is:

- ``要点`` (Summary): the plan's title, the as-of date, the headline and the status counts;
- one sheet per target year (``2025年目标``): the table as on screen, regions as rows and,
  per indicator, value, gap and status; the footnotes and who is behind below it;
- ``任务督办`` (Supervision): every red and amber task with its 时限, due date, status, days
  overdue, progress, 责任单位 and last entry, most urgent first;
- ``数据问题`` (Data issues): file, line, field and message of every problem;
- ``数据`` (Data): the long table, one row per region × indicator × target year, the columns
  of ``check --format csv``.

Every word, count and list comes from :mod:`gl_plan.report.check_summary`, the view-model
the terminal, Markdown, CSV and HTML reports share. A red, amber or green cell carries its
status word too, so a black-and-white print reads the same. Numbers stay numbers, rounded
by the rule of :mod:`gl_plan.numbers` (a value never shown equal to a target it misses, its
gap the shown value minus the target) and shown with those decimals through the cell's
number format. Every sheet prints on A4 landscape, one page wide, its header rows repeated,
the plan's title and 截至 date at the top and page numbers at the foot; the long table
prints its reading columns (:data:`PRINTED_DATA_COLUMNS`), all of them stay in the sheet.

openpyxl is imported here and nowhere else.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gl_plan.assess.check import CheckResult
from gl_plan.assess.tasks import STATUSES as TASK_STATUSES
from gl_plan.assess.tasks import TaskAssessment
from gl_plan.errors import Problem
from gl_plan.i18n import Lang, _, message_text, pgettext
from gl_plan.i18n.labels import label
from gl_plan.numbers import comparison_digits, format_comparison, shown_gap
from gl_plan.plan.models import Plan
from gl_plan.report.check_files import CSV_COLUMNS, check_rows
from gl_plan.report.check_summary import (
    attention_tasks,
    behind_lines,
    footnotes,
    grid,
    headline,
    indicator_keys,
    no_data_regions,
    status_label,
    table_rows,
    target_years,
    value_marks,
    year_heading,
)
from gl_plan.report.format import (
    column_names,
    digits_for,
    display_name,
    indicator_name,
    region_name,
    shown_path,
)
from gl_plan.report.tasks_view import ENTRY_WORDS, progress_text, responsible_text

#: The texts once looked up as ``xlsx.task.*``, by the rest of that key.
_XLSX_TASK = {
    "id": _("ID"),
    "title": _("Task"),
    "deadline": _("Time limit"),
    "due": pgettext("xlsx.task.due", "Due"),
    "rag": _("RAG"),
    "status": _("Status"),
    "days_overdue": _("Days overdue"),
    "progress": _("Progress"),
    "responsible": _("Responsible units"),
    "last_entry": _("Last entry"),
}


#: The texts once looked up as ``xlsx.issue.*``, by the rest of that key.
_XLSX_ISSUE = {
    "file": _("File"),
    "line": _("Line"),
    "field": _("Field"),
    "severity": _("Severity"),
    "message": _("Message"),
}


__all__ = ["PRINTED_DATA_COLUMNS", "RAG_FILLS", "check_workbook", "text_width"]

#: Excel's own "good / neutral / bad" cell styles, light enough to print in grey.
RAG_FILLS: Final = {"red": "FFC7CE", "amber": "FFEB9C", "green": "C6EFCE", "grey": "EDEDED"}

#: Widest a column is made, in characters; longer text wraps.
MAX_WIDTH: Final = 60
#: Excel refuses sheet names over 31 characters and these characters in them.
_SHEET_NAME_CHARS: Final = 31
_SHEET_NAME_BAD: Final = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
#: A header or footer section holds at most 255 characters in Excel.
_HEADER_CHARS: Final = 200

#: The summary's first column, wide enough that a headline line takes two or three rows.
_SUMMARY_TEXT_WIDTH: Final = 48
#: Points per line of 11-point text, for the rows whose text wraps.
_LINE_HEIGHT: Final = 15

_BOLD: Final = Font(bold=True)
_TITLE: Final = Font(bold=True, size=14)
_WRAP: Final = Alignment(wrap_text=True, vertical="top")


def text_width(value: str) -> int:
    """How many columns ``value`` takes in a spreadsheet: an East Asian wide or full-width
    character counts as two (学前 is 4 wide), every other as one."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in value)


def _number_format(digits: int) -> str:
    return "0" if digits <= 0 else "0." + "0" * digits


def _gap_format(digits: int) -> str:
    """A signed format with the value's decimals (``+0.04``; a zero gap unsigned)."""
    plain = _number_format(digits)
    return f"+{plain};-{plain};{plain}"


def _header_text(value: str) -> str:
    # "&" starts a code in a header (&P, &D): a literal one is doubled.
    return value[:_HEADER_CHARS].replace("&", "&&")


@dataclass
class _Sheet:
    """A worksheet being filled row by row, remembering how wide each column must be."""

    ws: Worksheet
    header_rows: int = 1
    widths: dict[int, int] = field(default_factory=dict)
    #: Columns whose text wraps, and the width each is held to.
    wrap: dict[int, int] = field(default_factory=dict)
    #: Rows of text spanning the table (row, text), laid out once the widths are known.
    paragraphs: list[tuple[int, str, bool]] = field(default_factory=list)
    #: Whether the sheet prints on one page (the summary) rather than one page wide.
    one_page: bool = False

    def put(
        self,
        row: int,
        col: int,
        value: object,
        *,
        shown: str | None = None,
        bold: bool = False,
        fill: str | None = None,
        number_format: str | None = None,
        measure: bool = True,
    ) -> Cell:
        cell: Cell = self.ws.cell(row=row, column=col, value=value)
        if bold:
            cell.font = _BOLD
        if fill is not None:
            cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
        if number_format is not None:
            cell.number_format = number_format
        if col in self.wrap:
            cell.alignment = _WRAP
        if measure and value is not None:
            width = text_width(shown if shown is not None else str(value))
            self.widths[col] = max(self.widths.get(col, 0), width)
        return cell

    def line(self, row: int, value: str, *, bold: bool = False) -> None:
        """A line of text across the table's width, wrapped within it."""
        self.put(row, 1, value, bold=bold, measure=False)
        self.paragraphs.append((row, value, bold))

    def header(self, row: int, names: Sequence[str]) -> None:
        for col, name in enumerate(names, start=1):
            self.put(row, col, name, bold=True)

    def finish(self, title: str, lang: Lang, *, freeze: str | None = None) -> None:
        """Column widths, frozen header rows and the print set-up."""
        final = {}
        for col, width in self.widths.items():
            final[col] = min(width + 2, self.wrap.get(col, MAX_WIDTH))
            self.ws.column_dimensions[get_column_letter(col)].width = final[col]
        span = max(final, default=1)
        total = sum(final.values()) or MAX_WIDTH
        for row, value, bold in self.paragraphs:
            if span > 1:
                self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
            cell = self.ws.cell(row=row, column=1)
            cell.alignment = _WRAP
            lines = max(1, -(-text_width(value) // total))
            self.ws.row_dimensions[row].height = _LINE_HEIGHT * lines * (1.1 if bold else 1)
        for row in range(self.header_rows + 1, self.ws.max_row + 1):
            tallest = max(
                (
                    -(-text_width(str(self.ws.cell(row=row, column=c).value or "")) // (w - 1))
                    for c, w in final.items()
                    if c in self.wrap
                ),
                default=1,
            )
            if tallest > 1:
                self.ws.row_dimensions[row].height = _LINE_HEIGHT * tallest
        # A row whose text wraps is taller: every cell of it reads from the top, as the
        # wrapped ones do, instead of the short ones sinking to the bottom line.
        for cells in self.ws.iter_rows(min_row=self.header_rows + 1):
            for cell in cells:
                if cell.value is not None and cell.alignment.vertical is None:
                    a = cell.alignment
                    cell.alignment = Alignment(horizontal=a.horizontal, indent=a.indent,
                                               wrap_text=a.wrap_text, vertical="top")  # fmt: skip
        self.ws.freeze_panes = freeze or f"A{self.header_rows + 1}"
        setup = self.ws.page_setup
        setup.paperSize = self.ws.PAPERSIZE_A4
        setup.orientation = self.ws.ORIENTATION_LANDSCAPE
        setup.fitToWidth = 1
        setup.fitToHeight = 1 if self.one_page else 0  # 0: as many pages down as it takes
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_title_rows = f"1:{self.header_rows}"
        self.ws.print_options.gridLines = not self.one_page
        self.ws.oddHeader.center.text = _header_text(title)
        self.ws.oddFooter.center.text = _("Page &P of &N").text(lang)


def _sheet_name(name: str) -> str:
    return name.translate(_SHEET_NAME_BAD)[:_SHEET_NAME_CHARS]


def _new_sheet(book: Workbook, name: str, *, first: bool = False) -> _Sheet:
    ws = book.active if first else book.create_sheet()
    assert ws is not None
    ws.title = _sheet_name(name)
    return _Sheet(ws)


def check_workbook(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    problems: Sequence[Problem] = (),
    *,
    root: Path | None = None,
) -> bytes:
    """The check as an .xlsx file's bytes (see the module docstring for the sheets).

    ``problems`` are the data issues to list, with their messages in ``lang`` (the result's
    own ``data_issues`` when none are given); file names are shown relative to ``root``
    (the project folder) when they are inside it.
    """
    title = _("{title} · as of {as_of}", title=plan.plan.title.get(lang), as_of=result.as_of).text(
        lang
    )
    book = Workbook()
    summary = pgettext("xlsx.sheet.summary", "Summary").text(lang)
    _summary_sheet(_new_sheet(book, summary, first=True), result, plan, lang, title)
    for year in target_years(result):
        sheet = _new_sheet(book, _("{year} targets", year=year).text(lang))
        _year_sheet(sheet, result, plan, year, lang, title)
    _tasks_sheet(_new_sheet(book, _("Task supervision").text(lang)), result, lang, title)
    issues = list(problems) or [_problem_of(d) for d in result.data_issues]
    _issues_sheet(_new_sheet(book, _("Data issues").text(lang)), issues, lang, title, root)
    _data_sheet(_new_sheet(book, _("Data").text(lang)), result, plan, lang, title)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary_sheet(sheet: _Sheet, result: CheckResult, plan: Plan, lang: Lang, title: str) -> None:
    """The headline and, per target year, how many figures have each status and colour;
    the tasks by status; the data issues by severity."""
    sheet.put(1, 1, plan.plan.title.get(lang), measure=False).font = _TITLE
    sheet.put(2, 1, _("As of {as_of}", as_of=result.as_of).text(lang), measure=False)
    sheet.header_rows = 2
    sheet.one_page = True
    head, lines = headline(result, plan, lang)
    row = 4
    sheet.line(row, head, bold=True)
    for line in lines:
        row += 1
        sheet.line(row, line)
    years = target_years(result)
    row += 2
    heads = [_("{year} targets", year=y).text(lang) for y in years]
    sheet.header(row, [_("Status of the figures").text(lang), *heads])
    by_year = result.summary.by_target_year
    statuses = [
        s
        for s in _indicator_statuses(result)
        if any(by_year[str(y)].by_status.get(s) for y in years)
    ]
    for status in statuses:
        row += 1
        sheet.put(row, 1, status_label(status, lang))
        for col, year in enumerate(years, start=2):
            sheet.put(row, col, by_year[str(year)].by_status.get(status, 0))
    for rag in ("red", "amber", "green", "grey"):
        row += 1
        sheet.put(row, 1, label(rag).text(lang), fill=RAG_FILLS[rag])
        for col, year in enumerate(years, start=2):
            sheet.put(row, col, by_year[str(year)].by_rag.get(rag, 0))
    row += 1
    sheet.put(row, 1, _("Total").text(lang), bold=True)
    for col, year in enumerate(years, start=2):
        sheet.put(row, col, by_year[str(year)].total, bold=True)
    tasks = result.summary.tasks
    if tasks:
        row += 2
        sheet.header(row, [_("Task status").text(lang), _("Number").text(lang)])
        for status in TASK_STATUSES:
            row += 1
            sheet.put(row, 1, label(status).text(lang))
            sheet.put(row, 2, tasks.get(status, 0))
        row += 1
        sheet.put(row, 1, _("Total").text(lang), bold=True)
        sheet.put(row, 2, tasks.get("total", 0), bold=True)
    row += 2
    sheet.header(row, [_("Data issues").text(lang), _("Number").text(lang)])
    for severity, n in result.summary.data_issues.items():
        row += 1
        sheet.put(row, 1, label(severity).text(lang))
        sheet.put(row, 2, n)
    # The headline reads as prose above the counts: a wide first column gives it room.
    sheet.widths[1] = max(sheet.widths.get(1, 0), _SUMMARY_TEXT_WIDTH)
    sheet.finish(title, lang)


def _indicator_statuses(result: CheckResult) -> list[str]:
    """Every indicator status in the order of the result's counts."""
    return list(result.summary.indicators.by_status)


def _year_sheet(
    sheet: _Sheet, result: CheckResult, plan: Plan, year: int, lang: Lang, title: str
) -> None:
    """Regions as rows (every region, those without data too), per indicator value, gap
    and status; a notes column for the footnote marks; then the footnotes and the lists of
    who is behind."""
    indicators, regions, cells = grid(result, year)
    keys = indicator_keys(plan, indicators, lang)
    sheet.line(1, year_heading(result, plan, year, lang), bold=True)
    sheet.header_rows = 3
    sheet.put(2, 1, _("Region").text(lang), bold=True)
    sheet.put(3, 1, None)
    col = 2
    for ind in indicators:
        sheet.put(2, col, indicator_name(plan, ind, lang), bold=True, measure=False)
        sheet.ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + 2)
        for k, head in enumerate((_("Value"), _("Gap"), _("Status"))):
            sheet.put(3, col + k, head.text(lang), bold=True)
        col += 3
    notes_col = col
    sheet.put(3, notes_col, _("Notes").text(lang), bold=True)
    row = 3
    for region, indent in table_rows(plan, regions):
        row += 1
        level = cells[(region, indicators[0])].region_level
        name_cell = sheet.put(row, 1, display_name(plan, region, lang), bold=level != "county",
                          shown="  " * indent + display_name(plan, region, lang))  # fmt: skip
        if indent:
            name_cell.alignment = Alignment(indent=indent)
        col = 2
        marks = []
        for ind in indicators:
            a = cells[(region, ind)]
            if a.value is not None:
                # The value as the other reports round it, and its gap as that value
                # minus the target (gl_plan.numbers): the cell, its format and what
                # Excel shows agree with the status beside them.
                digits = comparison_digits(a.value, a.target, digits_for(a.target))
                shown, gap = format_comparison(a.value, a.target, digits_for(a.target))
                value = a.value if digits is None else round(a.value, digits)
                value_fmt = "General" if digits is None else _number_format(digits)
                gap_fmt = "General" if digits is None else _gap_format(digits)
                sheet.put(row, col, value, number_format=value_fmt, shown=shown)
                sheet.put(row, col + 1, shown_gap(a.value, a.target, digits),
                          number_format=gap_fmt, shown=gap)  # fmt: skip
            sheet.put(row, col + 2, status_label(a.status.value, lang),
                      fill=RAG_FILLS[a.rag.value])  # fmt: skip
            mark = value_marks(a)
            if mark:
                marks.append(f"{keys[ind]} {mark}")
            col += 3
        if marks:
            sheet.put(row, notes_col, _(", ").text(lang).join(marks))
    row += 1
    sep = _(", ").text(lang)
    notes = []
    missing = [region_name(plan, r, lang) for r in no_data_regions(result, year)]
    if missing:
        notes.append(_("No data: ").text(lang) + sep.join(missing))
    notes += footnotes(result, plan, year, lang)
    notes += [head + sep.join(items) for head, items in behind_lines(result, plan, year, lang)]
    for note in notes:
        row += 1
        sheet.line(row, note)
    sheet.finish(title, lang, freeze="B4")


TASK_COLUMNS: Final = (
    "id",
    "title",
    "deadline",
    "due",
    "rag",
    "status",
    "days_overdue",
    "progress",
    "responsible",
    "last_entry",
)


def _last_entry(item: TaskAssessment, lang: Lang) -> str:
    """``2026-10-15 进行中：已建成18所``: the last report's date, the latest task-level
    status and its note, as much as there is."""
    parts = [item.last_report.isoformat()] if item.last_report else []
    if item.latest_status is not None:
        parts.append(ENTRY_WORDS[item.latest_status].text(lang))
    line = " ".join(parts)
    if item.latest_note:
        line += _(": ").text(lang) + item.latest_note
    return line or _("no report").text(lang)


def _tasks_sheet(sheet: _Sheet, result: CheckResult, lang: Lang, title: str) -> None:
    """Every red and amber task, most urgent first (:func:`attention_tasks`)."""
    sheet.wrap = {2: 34, 8: 18, 9: 26, 10: 34}
    sheet.header(1, [_XLSX_TASK[c].text(lang) for c in TASK_COLUMNS])
    items = attention_tasks(result)
    for row, item in enumerate(items, start=2):
        overdue = -item.days_left if item.status == "overdue" and item.days_left else None
        values: list[tuple[object, str | None]] = [
            (item.id, None),
            (item.title.get(lang), None),
            (item.deadline, None),
            (item.due, None),
            (label(item.rag).text(lang), RAG_FILLS[item.rag]),
            (label(item.status).text(lang), None),
            (overdue, None),
            ("\n".join(progress_text(item, lang, unit=True)), None),
            (responsible_text(item, lang), None),
            (_last_entry(item, lang), None),
        ]
        for col, (value, fill) in enumerate(values, start=1):
            fmt = "yyyy-mm-dd" if isinstance(value, date) else None
            shown = value.isoformat() if isinstance(value, date) else None
            sheet.put(row, col, value, fill=fill, number_format=fmt, shown=shown)
    if not items:
        sheet.line(2, _("No red or amber tasks.").text(lang))
    sheet.finish(title, lang, freeze="C2")


def _problem_of(data: dict[str, object]) -> Problem:
    """A problem back from the result's JSON form (its message in English)."""
    line = data.get("line")
    return Problem(
        str(data.get("message", "")),
        file=str(data["file"]) if data.get("file") else None,
        line=line if isinstance(line, int) else None,
        field=str(data["field"]) if data.get("field") else None,
        sheet=str(data["sheet"]) if data.get("sheet") else None,
    )


def _file_label(name: str | None, sheet_name: str | None, root: Path | None) -> str:
    if not name:
        return ""
    shown = shown_path(name, root)
    return f"{shown}[{sheet_name}]" if sheet_name else shown


def _issues_sheet(
    sheet: _Sheet, problems: Iterable[Problem], lang: Lang, title: str, root: Path | None
) -> None:
    columns = ("file", "line", "field", "severity", "message")
    sheet.wrap = {1: 40, 5: 70}
    sheet.header(1, [_XLSX_ISSUE[c].text(lang) for c in columns])
    row = 1
    for p in problems:
        row += 1
        field_name = "" if p.field is None else message_text(p.field, lang)
        sheet.put(row, 1, _file_label(p.file, p.sheet, root))
        sheet.put(row, 2, p.line)
        sheet.put(row, 3, field_name or None)
        sheet.put(row, 4, label(p.severity.value).text(lang))
        sheet.put(row, 5, p.text(lang))
    if row == 1:
        sheet.line(2, _("No data issues.").text(lang))
    sheet.finish(title, lang)


#: The long table's columns a printout keeps (up to the colour): who, what, when, the value,
#: the gap and the status. All 26 on one A4 page wide print too small to read; the rest
#: (growth rates, projections, coverage) stay in the sheet for filtering and formulas.
PRINTED_DATA_COLUMNS: Final = CSV_COLUMNS.index("rag") + 1


def _data_sheet(sheet: _Sheet, result: CheckResult, plan: Plan, lang: Lang, title: str) -> None:
    """The long table: the rows and columns of ``check --format csv``, numbers as numbers;
    printed, its first :data:`PRINTED_DATA_COLUMNS` columns."""
    sheet.header(1, column_names("check_csv", CSV_COLUMNS, lang))
    for row, values in enumerate(check_rows(result, plan, lang), start=2):
        for col, value in enumerate(values, start=1):
            sheet.put(row, col, value if value != "" else None)
    last = max(sheet.ws.max_row, 1)
    sheet.ws.auto_filter.ref = f"A1:{get_column_letter(len(CSV_COLUMNS))}{last}"
    sheet.finish(title, lang, freeze="C2")
    sheet.ws.print_area = f"A1:{get_column_letter(PRINTED_DATA_COLUMNS)}{last}"
