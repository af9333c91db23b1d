"""Checks on a table's rows that do not depend on its shape: ragged rows, values under
blank labels, a second region column, plausible ranges, counts."""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.data.columns import Columns
from gl_plan.data.rates import out_of_range_cause
from gl_plan.data.table import Cell, Report, Table
from gl_plan.data.values import cell_text
from gl_plan.data.wording import line_span
from gl_plan.errors import Code, Message, Problem, Severity, msg
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
        message: Message,
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
        self.report(
            Problem(
                msg("data.row.blank", where=line_span(lines)),
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
                msg("data.row.short", n=n, width=width),
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
                    msg("data.row.beyond", column=extra[0] + 1, width=width),
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
                    msg("data.row.unlabelled", text=cell_text(cells[col]), column=col + 1),
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
                self._problem(
                    t,
                    line,
                    cols,
                    col,
                    Code.UNKNOWN_REGION,
                    msg("data.row.unknown_region", text=text),
                )
                ok = False
            elif other != region:
                self._problem(
                    t,
                    line,
                    cols,
                    col,
                    Code.INCONSISTENT_VALUE,
                    msg(
                        "data.row.regions_differ",
                        text=text,
                        other=other,
                        label=cols.label(cols.region or 0),
                        region=region,
                    ),
                )
                ok = False
        return ok

    def _out_of_range(
        self,
        t: Table,
        line: int,
        cols: Columns,
        col: int | None,
        value: float,
        indicator: str,
        counts: tuple[float | None, float | None] = (None, None),
    ) -> bool:
        """Whether ``value`` is outside the indicator's plausible range (reported if so,
        with the likely cause when the row's ``counts`` tell one)."""
        lo, hi = self.ranges[indicator]
        if lo <= value <= hi:
            return False
        cause = out_of_range_cause(self.plan.indicator_by_id[indicator], value, *counts)
        if cause is not None:
            self._problem(t, line, cols, col, *cause)
            return True
        key = "data.row.negative" if value < 0 else "data.row.out_of_range"
        self._problem(
            t, line, cols, col, Code.CONSTRAINT_ERROR, msg(key, value=value, low=lo, high=hi)
        )
        return True

    def _bad_counts(
        self, t: Table, line: int, cols: Columns, num: float | None, den: float | None
    ) -> None:
        if (num is None) != (den is None):
            col, missing = (
                (cols.denominator, "denominator") if den is None else (cols.numerator, "numerator")
            )
            message = msg("data.row.count_missing", what=msg(f"data.what.{missing}"))
            self._problem(t, line, cols, col, Code.MISSING_CELL, message)
        elif num is not None and den is not None and (num < 0 or den < 0):
            self._problem(
                t,
                line,
                cols,
                cols.numerator if num < 0 else cols.denominator,
                Code.CONSTRAINT_ERROR,
                msg("data.row.negative_counts", numerator=num, denominator=den),
            )
        else:
            self._problem(
                t,
                line,
                cols,
                cols.denominator,
                Code.CONSTRAINT_ERROR,
                msg("data.row.zero_denominator"),
            )
