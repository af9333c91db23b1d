"""One table (a CSV file or a sheet) into observations: the steps of
:mod:`~gl_plan.data.grid` run in order.

grid → header (:func:`~gl_plan.data.header.find_header`) → body
(:func:`~gl_plan.data.body.body`) → records (the layout's module: long, wide or form) →
checks (total rows, then the notes on what was skipped). Every row that is not used has a
located :class:`~gl_plan.errors.Problem` saying why (frictionless-style codes:
``blank-row``, ``missing-cell``, ``extra-cell``, ``type-error``, ``constraint-error``,
``unknown-region`` ...). Rates typed or stored as fractions: :mod:`~gl_plan.data.rates`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from gl_plan.data.body import Kind, Row, body
from gl_plan.data.form import read_form
from gl_plan.data.grid import Cell, Grid, TableResult
from gl_plan.data.header import find_header
from gl_plan.data.long import read_long
from gl_plan.data.notes import context_note, skipped_note
from gl_plan.data.rates import fraction_column
from gl_plan.data.sources import FileInfo
from gl_plan.data.table import Reading, Records, Table, TableCells, report_at
from gl_plan.data.totals import check_totals
from gl_plan.data.values import FRACTION_MAX
from gl_plan.data.wide import read_wide
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import _

#: The records step of each layout.
Layout = Callable[[Iterable[Row], Table, TableCells, Reading], Records]
LAYOUTS: dict[str, Layout] = {"long": read_long, "wide": read_wide, "form": read_form}


def read_table(g: Grid, r: Reading) -> TableResult:
    """What one table gave. Its problems are reported as they are found, except why no
    usable header was found (``failure``: the caller decides how, a workbook's other
    sheets may have data). :class:`csv.Error` and :class:`UnicodeDecodeError` from the
    rows are problems; any other exception (a row limit) passes through."""
    r.seen(g.file, g.sheet)
    stream = iter(g.rows)
    search = find_header(stream, g, r)
    t = search.table
    if t is None:
        if search.nonblank == 0 and not search.failure:
            if g.sheet is not None:
                return TableResult(FileInfo(g.file, g.encoding, 0, "empty", g.sheet), (), ())
            empty = Problem(
                _("the file is empty: no header and no data"), file=g.file, code=Code.EMPTY_FILE
            )
            return TableResult(FileInfo(g.file, g.encoding, 0, "empty"), (empty,), ())
        info = FileInfo(g.file, g.encoding, 0, "unreadable", g.sheet)
        return TableResult(info, search.failure, ())
    for p in search.problems:
        r.report(p)
    context_note(r, t)
    rows: Iterator[tuple[int, Sequence[Cell]]] = stream
    if t.spreadsheet:
        rest = list(stream)
        t = replace(t, scaled=_fraction_columns(r, t, rest))
        rows = iter(rest)
    cells_of = TableCells(r, t)
    walked: list[Row] = []
    records = LAYOUTS[t.columns.shape](_kept(body(rows, t, r), walked), t, cells_of, r)
    stop = next((row.problem for row in walked if row.kind is Kind.STOPPED), None)
    if stop is not None:
        r.report(stop)
    totals = [] if records.totals_read else [w for w in walked if w.kind is Kind.TOTAL]
    check_totals(r, t, cells_of, [(w.line, w.cells) for w in totals], records.observations)
    below = [w.line for w in walked if w.kind is Kind.NOTE]
    skipped_note(r, t, below, [w.line for w in totals])
    counted = sum(w.kind in (Kind.DATA, Kind.TOTAL, Kind.RAGGED) for w in walked)
    if stop is not None:
        counted = 0  # a table cut short: no count of its rows is claimed
    elif counted == 0:
        report_at(r, t, t.header_line, None, Code.EMPTY_FILE, _("has a header but no data rows"),
                  Severity.WARNING)  # fmt: skip
    info = FileInfo(g.file, g.encoding, counted, t.columns.shape, g.sheet)
    return TableResult(info, (), records.observations)


def _kept(rows: Iterable[Row], walked: list[Row]) -> Iterator[Row]:
    """``rows`` as they pass to the layout, each also kept in ``walked`` for the checks
    after it (total rows, notes, the count of rows)."""
    for row in rows:
        walked.append(row)
        yield row


def _fraction_columns(
    r: Reading, t: Table, rows: list[tuple[int, Sequence[Cell]]]
) -> frozenset[int]:
    """The rate columns of a sheet whose numbers are all fractions (see
    :mod:`~gl_plan.data.rates`); each is reported once."""
    cols = t.columns
    rate_columns: list[tuple[int, str | None]] = [(c, ind) for c, ind in cols.wide]
    if cols.shape != "wide" and cols.value is not None:
        rate_columns = [(cols.value, None)]
    scaled: set[int] = set()
    for col, of_column in rate_columns:

        def range_of(
            cells: Sequence[Cell], of_column: str | None = of_column
        ) -> tuple[float, float] | None:
            indicator = of_column or _indicator_of(r, t, cells)
            return None if indicator is None else r.percent_ranges.get(indicator)

        if fraction_column(rows, col, range_of):
            scaled.add(col)
            message = _(
                "the numbers in column {label!r} are all fractions (above 0, at most "
                "{max:g}), as a spreadsheet stores cells shown as percentages: read "
                "multiplied by 100 (0.985 as 98.5)",
                label=cols.label(col),
                max=FRACTION_MAX,
            )
            report_at(r, t, t.header_line, col, Code.PERCENT_FRACTION, message, Severity.WARNING)
    return frozenset(scaled)


def _indicator_of(r: Reading, t: Table, cells: Sequence[Cell]) -> str | None:
    cols = t.columns
    if cols.indicator is None or cols.indicator >= len(cells):
        return None
    found = r.cells.indicator(cells[cols.indicator])
    return found if isinstance(found, str) else None
