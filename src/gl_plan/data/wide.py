"""The wide layout: one row per region and period, one column per indicator or count.

``region, period`` (or a region known from outside the table), then columns named by
indicators (their rates) and by counts (在园幼儿数, 3至5岁人口). Each row's rates and counts
become its figures by :func:`~gl_plan.data.assemble.assemble`. A row label column headed
乡镇 or 学校 lists sub-units of the table's region (:mod:`~gl_plan.data.subunits`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from gl_plan.data.assemble import assemble
from gl_plan.data.columns import Columns
from gl_plan.data.observations import Observation
from gl_plan.data.subunits import SubunitRow, read_subunits
from gl_plan.data.table import Cell, Table
from gl_plan.data.values import CellError, cell_text
from gl_plan.errors import Code, msg
from gl_plan.periods import Period

if TYPE_CHECKING:
    from gl_plan.data.rows import TableReader


def read_wide(
    reader: TableReader,
    rows: Iterable[tuple[int, Sequence[Cell]]],
    cols: Columns,
    t: Table,
    scaled: set[int],
    out: list[Observation],
) -> int:
    """One row per region and period, one column per indicator (values only)."""
    rcol = cols.region
    check_ignored = any(not cols.labels[c] for c in cols.ignored)
    problem = reader._problem
    reader.counted = 0
    subunits: list[SubunitRow] = []
    if cols.subunit:
        t.keep_totals = True
    for line, cells in reader._rows(rows, cols, t):
        ok = not check_ignored or reader._ignored_empty(cells, line, cols, t)
        region = reader.resolve.region(
            cells[rcol] if rcol is not None else "", t.name_region, t.region_cache
        )
        region_is_subunit = cols.subunit and isinstance(region, CellError)
        if region_is_subunit:
            region = t.known.region or region
        if isinstance(region, CellError):
            problem(t, line, cols, rcol, region.code, region.message)
            ok = False
        elif not reader.region_ok(region, line, cols, t, rcol) or (
            cols.region_alt and not reader._alt_regions_ok(cells, line, cols, t, region)
        ):
            ok = False
        period = reader.period_of(cells, cols, t)
        if isinstance(period, CellError):
            problem(t, line, cols, cols.period, period.code, period.message)
            ok = False
        if not ok:
            continue
        assert isinstance(region, str)
        assert isinstance(period, Period)
        if cols.subunit and region_is_subunit:
            region = t.known.region or region
        rates, counts, given = reader._wide_cells(cells, line, cols, t, scaled)
        if given == 0:
            problem(t, line, cols, None, Code.MISSING_CELL, msg("data.row.no_values"))
            continue
        if cols.subunit:
            subunits.append(SubunitRow(line, cell_text(cells[rcol or 0]), rates, counts))
            continue
        out.extend(
            reader._checked(
                t, cols, assemble(reader.plan, region, period, rates, counts, t.source,
                                  reader._sayer(t, cols)),
            )
        )  # fmt: skip
    if cols.subunit:
        read_subunits(reader, t, cols, subunits, out)
    return reader.counted
