"""The wide layout: one row per region and period, one column per indicator or count.

``region, period`` (or a region known from outside the table), then columns named by
indicators (their rates) and by counts (在园幼儿数, 3至5岁人口). Each row's rates and counts
become its figures by :func:`~gl_plan.data.assemble.assemble`. A row label column headed
乡镇 or 学校 lists sub-units of the table's region (:mod:`~gl_plan.data.subunits`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gl_plan.data.assemble import Given, assemble
from gl_plan.data.body import Kind, Row
from gl_plan.data.grid import Cell
from gl_plan.data.observations import Observation
from gl_plan.data.rowchecks import alt_regions_ok, ignored_empty, in_range, region_ok
from gl_plan.data.subunits import RowFigures, SubunitRow, read_subunits
from gl_plan.data.table import Reading, Records, Table, TableCells, report_at, sayer
from gl_plan.data.values import CellError, cell_text, number
from gl_plan.errors import Code
from gl_plan.i18n import _
from gl_plan.periods import Period


def read_wide(rows: Iterable[Row], t: Table, cells_of: TableCells, r: Reading) -> Records:
    """One row per region and period, one column per indicator (values only). A table of
    sub-units cut short (:attr:`Kind.STOPPED`) gives no figure: its sum would be a part."""
    cols = t.columns
    rcol = cols.region
    check_ignored = any(not cols.labels[c] for c in cols.ignored)
    out: list[Observation] = []
    subunits: list[SubunitRow] = []
    totals: list[Row] = []
    stopped = False
    for row in rows:
        if row.kind is not Kind.DATA:
            stopped = stopped or row.kind is Kind.STOPPED
            if row.kind is Kind.TOTAL:
                totals.append(row)
            continue
        line, cells = row.line, row.cells
        ok = not check_ignored or ignored_empty(r, t, cells, line)
        region = cells_of.region(cells[rcol] if rcol is not None else "")
        region_is_subunit = cols.subunit and isinstance(region, CellError)
        if region_is_subunit:
            region = t.known.region or region
        if isinstance(region, CellError):
            report_at(r, t, line, rcol, region.code, region.message)
            ok = False
        elif not region_ok(r, t, region, line, rcol) or (
            cols.region_alt and not alt_regions_ok(r, t, cells, line, region)
        ):
            ok = False
        period = cells_of.period(cells)
        if isinstance(period, CellError):
            report_at(r, t, line, cols.period, period.code, period.message)
            ok = False
        if not ok:
            continue
        assert isinstance(region, str)
        assert isinstance(period, Period)
        figures = row_figures(r, t, cells, line, t.scaled)
        if figures.given == 0:
            report_at(r, t, line, None, Code.MISSING_CELL, _("no indicator values in this row"))
            continue
        if cols.subunit:
            subunits.append(SubunitRow(line, cell_text(cells[rcol or 0]), figures))
            continue
        assembled = assemble(r.plan, region, period, figures.rates, figures.counts, t.source,
                             sayer(r, t))  # fmt: skip
        out.extend(in_range(r, t, assembled))
    own, when = t.known.region, t.known.period
    if not cols.subunit or stopped or own is None or when is None:
        return Records(tuple(out))
    total = None
    if totals:
        first = totals[0]
        total = row_figures(r, t, first.cells, first.line, frozenset())
    out.extend(read_subunits(r, t, own, when, subunits, total))
    return Records(tuple(out), totals_read=True)


def row_figures(
    r: Reading, t: Table, cells: Sequence[Cell], line: int, scaled: frozenset[int]
) -> RowFigures:
    """A wide row's rates (by indicator) and counts (by count), and how many cells were
    given; unreadable cells are reported."""
    cols = t.columns
    rates: dict[str, Given] = {}
    counts: dict[str, Given] = {}
    given = 0
    for col, ind in cols.wide:
        try:
            value = r.rate(cells[col], ind, col in scaled, ind)
        except CellError as exc:
            report_at(r, t, line, col, exc.code, exc.message)
            given += 1
            continue
        if value is not None:
            given += 1
            rates[ind] = Given(value, line, col, cols.label(col))
    for col, count in cols.count_cols:
        try:
            value = number(cells[col], cols.label(col), percent=False)
        except CellError as exc:
            report_at(r, t, line, col, exc.code, exc.message)
            given += 1
            continue
        if value is not None:
            given += 1
            counts[count] = Given(value, line, col, cols.label(col))
    return RowFigures(line, rates, counts, given)
