"""Reading a progress return (进展填报表) for ``glplan progress import``: a sheet of entries.

Units send the ledger's rows back in a sheet of their own making: a CSV file (in whatever
encoding their Excel saved it, GBK on Chinese Windows; see :mod:`gl_plan.decoding`) or a
workbook (.xlsx, .xls, .ods; :mod:`gl_plan.data.spreadsheet`). What such a sheet looks like,
and how each part is read:

- a title above the header (``秀峰区教育局 任务进展填报表``), maybe merged across the
  columns, and blank rows: the header is the first of the top rows whose labels name the
  date, the task and the status;
- the labels in Chinese or English (任务编号, 填报日期, 进度, 完成值, 填报单位, Task ID, Notes ...):
  the ledger's own spellings (:data:`gl_plan.data.headers.LEDGER_HEADERS`);
- the task's title beside its id (任务编号 and 任务, or 工作任务, 任务名称): the id column is
  the task, the title column is for the clerk and not read; a 序号 column likewise;
- dates as ``2025.3.31``, ``2025年3月31日`` or Excel date cells;
- blank rows, notes and signature lines (``填表人：…``) below the rows: skipped.

Each row is checked by :func:`gl_plan.ledger.append.check_entry`, exactly as ``progress
add`` checks its options, and every problem is located: file, sheet, row, column and the
column's label as the sheet writes it. A row the sheet repeats is a warning, kept once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final

from gl_plan import limits
from gl_plan.data.headers import LEDGER_HEADERS, is_footer, lookup
from gl_plan.data.spreadsheet import WorkbookError, read_sheets
from gl_plan.data.values import cell_text
from gl_plan.decoding import RowError, decode, iter_rows, read_input_file, sniff_delimiter
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Join, Message, _, pgettext
from gl_plan.ledger.append import check_entry, same_report
from gl_plan.ledger.model import REQUIRED, LedgerEntry, column_name
from gl_plan.names import normalise_name
from gl_plan.plan.models import Plan

#: The texts once looked up as ``ledger.missing_*``, by the rest of that key.
_LEDGER_MISSING_ = {
    "columns": _("missing required column(s) {names}"),
    "date": _("missing date"),
    "task": _("missing task id"),
    "status": _("missing status"),
}


__all__ = ["HEADER_SEARCH_ROWS", "SheetEntry", "SheetRead", "read_progress_sheet"]

#: How far down a header is looked for: a title, a subtitle (填报单位、日期) and blank rows
#: come first in the returns units send.
HEADER_SEARCH_ROWS: Final = 10
#: The suffixes read as workbooks; any other file is read as delimited text.
WORKBOOK_SUFFIXES: Final = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

_LABELS: Final[dict[str, str]] = lookup(LEDGER_HEADERS)
#: Labels that name the task's id itself: beside one of them, a plain 任务 is the title.
_ID_LABELS: Final = frozenset(normalise_name(s) for s in ("任务编号", "taskid"))
#: The task's title and the row's number: written for the clerk, not read.
_NOT_READ: Final = frozenset(
    normalise_name(s)
    for s in (
        "任务名称", "工作任务", "任务内容", "title", "tasktitle", "taskname", "序号", "no", "行号",
    )
)  # fmt: skip

Grid = Sequence[tuple[int, Sequence[object]]]


@dataclass(frozen=True)
class SheetEntry:
    """One row of the sheet, checked: the entry it gives and where it was read."""

    entry: LedgerEntry
    line: int
    sheet: str | None = None


@dataclass
class SheetRead:
    """What a return gave: the entries (each row once) and every problem, located."""

    file: str
    entries: list[SheetEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(frozen=True)
class _Layout:
    """The header: its line, each field's column (0-based) and each column's label."""

    line: int
    index: dict[str, int]
    labels: tuple[str, ...]


def read_progress_sheet(
    path: Path,
    plan: Plan,
    *,
    encoding: str | None = None,
    today: date | None = None,
    force: bool = False,
) -> SheetRead:
    """Read a return against the plan: its checked entries and every problem, located.

    ``today`` refuses a date after it and ``force`` takes a value over ten times its
    target, as in ``progress add``. A file that cannot be read
    at all (missing, binary, a workbook refused by its bounds) raises :class:`GlplanError`
    (exit code 2); a sheet without a header, or a row that fails a check, is a problem in
    the result (:attr:`SheetRead.failed`).
    """
    name = str(path)
    result = SheetRead(name)
    grids = _grids(path, name, encoding, result.problems)
    layouts = [(sheet, rows, _find_header(rows)) for sheet, rows in grids]
    found = [(sheet, rows, layout) for sheet, rows, layout in layouts if layout is not None]
    if not found:
        names = pgettext(
            "list.last",
            "{first} and {last}",
            first=Join(tuple(column_name(f) for f in REQUIRED[:-1])),
            last=column_name(REQUIRED[-1]),
        )
        result.problems.append(
            Problem(
                _(
                    "no header in the first {rows} rows: the columns {names} are needed (e.g. "
                    "Date, Task ID, Status, or their Chinese names)",
                    rows=HEADER_SEARCH_ROWS,
                    names=names,
                ),
                file=name,
                code=Code.NO_HEADER,
            )
        )
        return result
    seen: dict[tuple[object, ...], int] = {}
    for sheet, rows, layout in found:
        _warn_labels(layout, name, sheet, result.problems)
        for line, cells in rows:
            if line <= layout.line:
                continue
            texts = [cell_text(c) for c in cells]
            filled = [t for t in texts if t]
            if not filled or is_footer(filled[0]):
                continue  # a blank row, a note or a signature line below the rows
            checked = _row(
                plan, layout, line, cells, name, sheet, result.problems, today=today, force=force
            )
            if checked is None:
                continue
            key = same_report(checked)
            if key in seen:
                result.problems.append(
                    Problem(
                        _(
                            "the same as row {line} of this sheet; imported once",
                            line=seen[key],
                        ),
                        file=name,
                        line=line,
                        severity=Severity.WARNING,
                        code=Code.DUPLICATE_ROW,
                        sheet=sheet,
                    )
                )
                continue
            seen[key] = line
            result.entries.append(SheetEntry(checked, line, sheet))
    return result


def _grids(
    path: Path, name: str, encoding: str | None, problems: list[Problem]
) -> list[tuple[str | None, Grid]]:
    """The file's tables: each worksheet of a workbook, or the one table of a text file."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        # Missing, a folder, a device, too large: refused (exit 2) before the library opens it.
        read_input_file(path, limits.MAX_INDICATOR_FILE_BYTES, _("a progress return"))
        try:
            return [(title, rows) for title, rows in read_sheets(path, name)]
        except WorkbookError as exc:
            raise GlplanError([exc.problem], ExitCode.USAGE) from None
    raw = read_input_file(path, limits.MAX_LEDGER_BYTES, _("a progress return"))
    decoded = decode(raw, name, encoding)
    if any(p.severity is Severity.ERROR for p in decoded.problems):
        raise GlplanError(list(decoded.problems), ExitCode.USAGE)
    problems.extend(decoded.problems)  # read as GBK: said once, as a note
    try:
        rows = list(iter_rows(decoded.text, sniff_delimiter(decoded.text[:4096])))
    except RowError as exc:
        raise GlplanError.single(
            exc.reason, file=name, line=exc.line, code=Code.CSV_ERROR
        ) from None
    return [(None, rows)]


def _find_header(rows: Grid) -> _Layout | None:
    """The first of the top rows that names the date, the task and the status."""
    looked = 0
    for line, cells in rows:
        labels = tuple(cell_text(c) for c in cells)
        if not any(labels):
            continue
        looked += 1
        if looked > HEADER_SEARCH_ROWS:
            return None
        index = _columns(labels)
        if all(f in index for f in REQUIRED):
            return _Layout(line, index, labels)
    return None


def _columns(labels: Sequence[str]) -> dict[str, int]:
    """Each field's column. Two task columns are the id and the title: the one labelled
    as an id (任务编号, Task ID) is the task."""
    index: dict[str, int] = {}
    for col, label in enumerate(labels):
        key = normalise_name(label)
        fld = _LABELS.get(key)
        if fld is None or key in _NOT_READ:
            continue
        if fld in index:
            if fld == "task" and key in _ID_LABELS:
                index[fld] = col  # 任务 came first: it was the title
            continue  # a second spelling of a field already placed (e.g. the title)
        index[fld] = col
    return index


def _warn_labels(layout: _Layout, file: str, sheet: str | None, problems: list[Problem]) -> None:
    """A column glplan does not read, named once: a figure must not vanish unsaid."""
    used = set(layout.index.values())
    for col, label in enumerate(layout.labels):
        key = normalise_name(label)
        if col in used or not label or key in _NOT_READ:
            continue
        if _LABELS.get(key) == "task":
            continue  # the task's title beside its id
        problems.append(
            Problem(
                _("unknown column {name!r} is not imported", name=label),
                file=file,
                line=layout.line,
                column=col + 1,
                severity=Severity.WARNING,
                code=Code.UNKNOWN_LABEL,
                sheet=sheet,
            )
        )


def _row(
    plan: Plan,
    layout: _Layout,
    line: int,
    cells: Sequence[object],
    file: str,
    sheet: str | None,
    problems: list[Problem],
    *,
    today: date | None,
    force: bool,
) -> LedgerEntry | None:
    """One row checked as ``progress add`` checks one entry; its problems located."""

    def raw(fld: str) -> object:
        i = layout.index.get(fld)
        return cells[i] if i is not None and i < len(cells) else None

    def located(message: Message, fld: str | None, code: Code) -> Problem:
        col = layout.index.get(fld) if fld is not None else None
        label = layout.labels[col] if col is not None else None
        return Problem(
            message,
            file=file,
            line=line,
            column=None if col is None else col + 1,
            field=label or (column_name(fld) if fld else None),
            code=code,
            sheet=sheet,
        )

    missing = [f for f in REQUIRED if not cell_text(raw(f))]
    for fld in missing:
        problems.append(located(_LEDGER_MISSING_[fld], fld, Code.MISSING_CELL))
    if missing:
        return None
    when = raw("date")
    entry_date = when.date() if isinstance(when, datetime) else when
    entry, found = check_entry(
        plan,
        task=cell_text(raw("task")),
        status=cell_text(raw("status")),
        entry_date=entry_date if isinstance(entry_date, date) else cell_text(entry_date),
        value=cell_text(raw("value")),
        note=cell_text(raw("note")),
        region=cell_text(raw("region")) or None,
        reporter=cell_text(raw("reporter")) or None,
        metric=cell_text(raw("metric")) or None,
        today=today,
        force=force,
    )
    for p in found:
        problems.append(located(p.message, _field_of(p), p.code))
    return entry


_FIELD_BY_NAME: Final[dict[object, str]] = {column_name(f): f for f in LEDGER_HEADERS}


def _field_of(problem: Problem) -> str | None:
    """The ledger field a check's problem names (:func:`column_name` of it)."""
    return _FIELD_BY_NAME.get(problem.field)
