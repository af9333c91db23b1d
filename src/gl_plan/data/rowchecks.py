"""Checks on a table's rows that do not depend on its shape: ragged rows, values under
blank labels, a second region column, plausible ranges, counts."""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.data.columns import Columns
from gl_plan.data.table import Cell, Report, Table
from gl_plan.data.values import cell_text
from gl_plan.data.wording import line_span
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Message, _
from gl_plan.plan.models import Plan

#: What a number cell is called in a message.
_DATA_WHAT = {
    "value": _("value"),
    "numerator": _("numerator"),
    "denominator": _("denominator"),
}


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
                _("blank row ({where}) inside the table", where=line_span(lines)),
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
                _(
                    "row has {n} cells but the header has {width}; row not used",
                    n=n,
                    width=width,
                ),
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
                    _(
                        "row has a value in column {column}, beyond the {width} columns "
                        "of the header; row not used",
                        column=extra[0] + 1,
                        width=width,
                    ),
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
                    _(
                        "value {text!r} in column {column}, which has no label; row not used",
                        text=cell_text(cells[col]),
                        column=col + 1,
                    ),
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
                    _("unknown region {text!r}", text=text),
                )
                ok = False
            elif other != region:
                self._problem(
                    t,
                    line,
                    cols,
                    col,
                    Code.INCONSISTENT_VALUE,
                    _(
                        "{text!r} is region {other}, but column {label!r} says {region}; "
                        "row not used",
                        text=text,
                        other=other,
                        label=cols.label(cols.region or 0),
                        region=region,
                    ),
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
        key = (
            _("value {value:.4g} is negative ({low:g} to {high:g} for this indicator)")
            if value < 0
            else _(
                "value {value:.4g} is outside the plausible range ({low:g} to {high:g} for "
                "this indicator)",
            )
        )
        self._problem(
            t, line, cols, col, Code.CONSTRAINT_ERROR, key.format(value=value, low=lo, high=hi)
        )
        return True

    def _bad_counts(
        self, t: Table, line: int, cols: Columns, num: float | None, den: float | None
    ) -> None:
        if (num is None) != (den is None):
            col, missing = (
                (cols.denominator, "denominator") if den is None else (cols.numerator, "numerator")
            )
            message = _(
                "{what} missing: give both numerator and denominator, or neither",
                what=_DATA_WHAT[missing],
            )
            self._problem(t, line, cols, col, Code.MISSING_CELL, message)
        elif num is not None and den is not None and (num < 0 or den < 0):
            self._problem(
                t,
                line,
                cols,
                cols.numerator if num < 0 else cols.denominator,
                Code.CONSTRAINT_ERROR,
                _(
                    "counts cannot be negative (numerator {numerator:g}, denominator "
                    "{denominator:g})",
                    numerator=num,
                    denominator=den,
                ),
            )
        else:
            self._problem(
                t,
                line,
                cols,
                cols.denominator,
                Code.CONSTRAINT_ERROR,
                _("denominator is zero"),
            )
