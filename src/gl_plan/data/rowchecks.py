"""Checks on a table's rows that do not depend on its shape: ragged rows, values under
blank labels, a second region column, plausible ranges, counts."""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.data.columns import Columns
from gl_plan.data.table import Cell, Report, Table
from gl_plan.data.values import cell_text
from gl_plan.errors import Code, Problem, Severity
from gl_plan.plan.models import Plan


class RowChecks:
    """The checks, with the problems they report (see :class:`~gl_plan.data.rows.TableReader`)."""

    plan: Plan
    report: Report
    ranges: dict[str, tuple[float, float]]

    # -- problems -------------------------------------------------------------------------

    def _problem(
        self,
        t: Table,
        line: int | None,
        cols: Columns,
        col: int | None,
        code: Code,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.report(
            Problem(
                message,
                file=t.file,
                line=line,
                column=None if col is None else col + 1,
                field=None if col is None else cols.label(col),
                severity=severity,
                code=code,
                sheet=t.sheet,
            )
        )

    def _blank_rows(self, t: Table, lines: list[int]) -> None:
        where = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}-{lines[-1]}"
        self.report(
            Problem(
                f"blank row ({where}) inside the table",
                file=t.file,
                line=lines[0],
                severity=Severity.WARNING,
                code=Code.BLANK_ROW,
                sheet=t.sheet,
            )
        )

    # -- row checks -----------------------------------------------------------------------

    def _shaped(
        self, cells: Sequence[Cell], line: int, cols: Columns, t: Table
    ) -> Sequence[Cell] | None:
        """The row widened to the header, or None (reported) when it is ragged."""
        n = len(cells)
        width = cols.width
        if n < width:
            if t.spreadsheet:
                return [*cells, *([""] * (width - n))]
            self._problem(
                t,
                line,
                cols,
                None,
                Code.MISSING_CELL,
                f"row has {n} cells but the header has {width}; row not used",
            )
            return None
        if n > width:
            extra = [i for i in range(width, n) if cell_text(cells[i])]
            if extra:
                self._problem(
                    t,
                    line,
                    cols,
                    None,
                    Code.EXTRA_CELL,
                    f"row has a value in column {extra[0] + 1}, beyond the {width} columns of "
                    "the header; row not used",
                )
                return None
        return cells

    def _ignored_empty(self, cells: Sequence[Cell], line: int, cols: Columns, t: Table) -> bool:
        """Cells under a blank label must be empty (a number there would be lost)."""
        ok = True
        for col in sorted(cols.ignored):
            if not cols.labels[col] and cell_text(cells[col]):
                self._problem(
                    t,
                    line,
                    cols,
                    col,
                    Code.EXTRA_CELL,
                    f"value {cell_text(cells[col])!r} in column {col + 1}, which has no label; "
                    "row not used",
                )
                ok = False
        return ok

    def _alt_regions_ok(
        self, cells: Sequence[Cell], line: int, cols: Columns, t: Table, region: str
    ) -> bool:
        ok = True
        for col in cols.region_alt:
            text = cell_text(cells[col])
            if not text:
                continue
            other = self.plan.resolve_region(text)
            if other is None:
                self._problem(t, line, cols, col, Code.UNKNOWN_REGION, f"unknown region {text!r}")
                ok = False
            elif other != region:
                self._problem(
                    t,
                    line,
                    cols,
                    col,
                    Code.INCONSISTENT_VALUE,
                    f"{text!r} is region {other}, but column {cols.label(cols.region or 0)!r} "
                    f"says {region}; row not used",
                )
                ok = False
        return ok

    def _out_of_range(
        self, t: Table, line: int, cols: Columns, col: int | None, value: float, indicator: str
    ) -> bool:
        """Whether ``value`` is outside the indicator's plausible range (reported if so)."""
        lo, hi = self.ranges[indicator]
        if lo <= value <= hi:
            return False
        what = "negative" if value < 0 else "outside the plausible range"
        self._problem(
            t,
            line,
            cols,
            col,
            Code.CONSTRAINT_ERROR,
            f"value {value:.4g} is {what} ({lo:g} to {hi:g} for this indicator)",
        )
        return True

    def _bad_counts(
        self, t: Table, line: int, cols: Columns, num: float | None, den: float | None
    ) -> None:
        if (num is None) != (den is None):
            col, missing = (
                (cols.denominator, "denominator") if den is None else (cols.numerator, "numerator")
            )
            message = f"{missing} missing: give both numerator and denominator, or neither"
            self._problem(t, line, cols, col, Code.MISSING_CELL, message)
        elif num is not None and den is not None and (num < 0 or den < 0):
            self._problem(
                t,
                line,
                cols,
                cols.numerator if num < 0 else cols.denominator,
                Code.CONSTRAINT_ERROR,
                f"counts cannot be negative (numerator {num:g}, denominator {den:g})",
            )
        else:
            self._problem(
                t, line, cols, cols.denominator, Code.CONSTRAINT_ERROR, "denominator is zero"
            )
