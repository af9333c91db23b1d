"""The third step: the rows below a table's header, sorted before any layout reads them.

Below the data, as a county office makes it, come blank rows, notes (``注：…``) and the
form's signature lines (``填表人：… 审核人：…``): these (and the blank rows before them)
are notes, not data. Rows that total the table (``合计``, ``全县``) are not any region's
figures: they are set apart for :mod:`~gl_plan.data.totals` (or, in a table of
sub-units, :mod:`~gl_plan.data.subunits`). A run of blank rows between data rows is a
warning; a row wider or narrower than the header is an error (``extra-cell``,
``missing-cell``), except that a sheet's row is short when its last cells are empty.

A row the file cannot give (text that does not decode, a line the csv module cannot
split) ends the table: it is the last row, of kind :attr:`Kind.STOPPED`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from gl_plan.data.grid import Cell, blank, read_error
from gl_plan.data.headers import is_footer
from gl_plan.data.table import Reading, Table, report_at, total_label
from gl_plan.data.values import cell_text
from gl_plan.data.wording import line_span
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import _


class Kind(Enum):
    #: A row of figures, as wide as the header.
    DATA = "data"
    #: A total row (合计, 全县), as wide as the header.
    TOTAL = "total"
    #: Counted as a data row but not read: too short or too wide (reported).
    RAGGED = "ragged"
    #: A note or signature line below the data, or a blank line before one.
    NOTE = "note"
    #: The file could not give the next row: the table ends here (``reason`` says why).
    STOPPED = "stopped"


@dataclass(frozen=True)
class Row:
    line: int
    cells: Sequence[Cell]
    kind: Kind
    #: Why the table stopped here (:attr:`Kind.STOPPED`; its line is 0, the problem's
    #: the reader's when it knows one).
    problem: Problem | None = None


def body(rows: Iterable[tuple[int, Sequence[Cell]]], t: Table, r: Reading) -> Iterator[Row]:
    """The rows below the header, in order; blank runs between data rows and ragged rows
    reported as they are met."""
    blank_run: list[int] = []
    try:
        for line, cells in rows:
            if blank(cells):
                blank_run.append(line)
                continue
            first = next((text for c in cells if (text := cell_text(c))), "")
            if is_footer(first):
                for n in [*blank_run, line]:
                    yield Row(n, (), Kind.NOTE)
                blank_run = []
                continue
            if blank_run:
                _blank_rows(r, t, blank_run)
                blank_run = []
            shaped = cells if len(cells) == t.columns.width else _shaped(r, t, cells, line)
            if shaped is None:
                yield Row(line, cells, Kind.RAGGED)
            elif total_label(shaped, t.columns) is not None:
                yield Row(line, shaped, Kind.TOTAL)
            else:
                yield Row(line, shaped, Kind.DATA)
    except (csv.Error, UnicodeDecodeError) as exc:
        stop = Problem(
            _(
                "reading stopped: {reason}; this row and later ones are not used",
                reason=read_error(exc),
            ),
            file=t.file,
            line=getattr(exc, "line", None),
            sheet=t.sheet,
            code=Code.SOURCE_ERROR,
        )
        yield Row(0, (), Kind.STOPPED, stop)


def _blank_rows(r: Reading, t: Table, lines: list[int]) -> None:
    r.report(
        Problem(
            _("blank row ({where}) inside the table", where=line_span(lines)),
            file=t.file,
            line=lines[0],
            severity=Severity.WARNING,
            code=Code.BLANK_ROW,
            sheet=t.sheet,
        )
    )


def _shaped(r: Reading, t: Table, cells: Sequence[Cell], line: int) -> Sequence[Cell] | None:
    """The row widened to the header, or None (reported) when it is ragged."""
    n = len(cells)
    width = t.columns.width
    if n < width:
        if t.spreadsheet:
            return [*cells, *([""] * (width - n))]
        message = _("row has {n} cells but the header has {width}; row not used", n=n, width=width)
        report_at(r, t, line, None, Code.MISSING_CELL, message)
        return None
    if n > width:
        extra = [i for i in range(width, n) if cell_text(cells[i])]
        if extra:
            message = _(
                "row has a value in column {column}, beyond the {width} columns of the "
                "header; row not used",
                column=extra[0] + 1,
                width=width,
            )
            report_at(r, t, line, None, Code.EXTRA_CELL, message)
            return None
    return cells
