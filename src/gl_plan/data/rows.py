"""One table (a CSV file or a sheet) into observations: its header, then row by row.

Every row that is not used has a located :class:`~gl_plan.errors.Problem` saying why
(frictionless-style codes: ``blank-row``, ``missing-cell``, ``extra-cell``, ``type-error``,
``constraint-error``, ``unknown-region`` ...). Rows arrive as ``(line, cells)``: cells are
text from a CSV file, or text, numbers and dates from a spreadsheet.

**Rates stored as fractions.** A spreadsheet keeps a cell shown as ``98.5%`` as the number
0.985, and the spreadsheet library does not say how a cell is shown. So a rate column of a
sheet (the value column of a long table, an indicator's column of a wide one) is read as
fractions, each number multiplied by 100, when *every* non-zero number in it is a fraction
in the sense of :func:`~gl_plan.data.values.is_fraction` (above 0, at most 1.5, and within
its indicator's plausible range once multiplied by 100), with one warning
(``percent-fraction``) naming the file, sheet and column. A fraction among percentages in
the same column (one cell shown as a percentage, the others typed as numbers) is an error
(``constraint-error``): it cannot be told from a typing mistake. Text cells are read as
typed (``98.5%`` is 98.5), and so is every cell of a CSV file, where 0.985 is 0.985.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from gl_plan.data.cells import CellReader
from gl_plan.data.columns import MAX_HEADER_SEARCH_ROWS, Columns, recognise
from gl_plan.data.observations import Observation
from gl_plan.data.sources import FileInfo
from gl_plan.data.values import FRACTION_MAX, CellError, cell_text, is_fraction, number
from gl_plan.errors import Problem, Severity
from gl_plan.periods import Period
from gl_plan.plan.models import Plan

Cell = object
Rows = Iterable[tuple[int, Sequence[Cell]]]
Report = Callable[[Problem], None]
#: Called with (file, sheet) as each table starts: problems are listed in that order.
Seen = Callable[[str, str | None], None]


@dataclass
class Table:
    """One CSV file or one sheet being read."""

    file: str
    sheet: str | None
    #: The region the file or sheet name says, for rows without a region.
    name_region: str | None
    #: A sheet: rows are short when their last cells are empty (a CSV row must be whole),
    #: and rates may be stored as fractions.
    spreadsheet: bool
    region_cache: dict[object, str | CellError] = field(default_factory=dict)

    @property
    def source(self) -> str:
        """The name observations carry: ``file`` or ``file[sheet]``."""
        return f"{self.file}[{self.sheet}]" if self.sheet else self.file


@dataclass
class TableResult:
    info: FileInfo
    #: Why no usable header was found (not yet reported: the caller decides how).
    failure: list[Problem]
    observations: list[Observation]


def describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _stored_number(cell: Cell) -> float | None:
    """A cell a spreadsheet stores as a number (not text, not a date), else None."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    return None


def _blank(cells: Sequence[Cell]) -> bool:
    return all(isinstance(c, str) and not c.strip() for c in cells)


class TableReader:
    """Reads tables against the plan; problems go to ``report`` as they are found."""

    def __init__(self, plan: Plan, as_of: date, report: Report, seen: Seen) -> None:
        self.plan = plan
        self.as_of = as_of
        self.report = report
        self.seen = seen
        self.ranges = {
            i.id: (i.plausible_range.min, i.plausible_range.max) for i in plan.indicators
        }
        self.tolerance = plan.settings.rate_tolerance
        self.resolve = CellReader(plan, as_of)
        #: Data rows (not blank) of the table being read.
        self.counted = 0

    # -- problems -------------------------------------------------------------------------

    def _problem(
        self,
        t: Table,
        line: int | None,
        cols: Columns,
        col: int | None,
        code: str,
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
                code="blank-row",
                sheet=t.sheet,
            )
        )

    # -- the table ------------------------------------------------------------------------

    def read(self, rows: Rows, t: Table, encoding: str) -> TableResult:
        """Find the header, then read the data rows.

        :class:`csv.Error` and :class:`UnicodeDecodeError` from ``rows`` are problems;
        any other exception (a row limit) passes through.
        """
        self.seen(t.file, t.sheet)
        it = iter(rows)
        columns: Columns | None = None
        failure: list[Problem] = []
        nonblank = 0
        header_line = 0
        try:
            for line, cells in it:
                if _blank(cells):
                    continue
                nonblank += 1
                found = recognise(
                    cells,
                    self.plan,
                    file=t.file,
                    line=line,
                    sheet=t.sheet,
                    region_known=t.name_region is not None,
                )
                if found.columns is not None:
                    columns, header_line = found.columns, line
                    for p in found.problems:
                        self.report(p)
                    break
                if not failure:
                    failure = found.problems
                # Only a title line above the table is skipped; a real header with a
                # problem (a missing region column, a duplicate label) stops the search.
                if any(p.code != "no-header" for p in found.problems):
                    break
                if nonblank >= MAX_HEADER_SEARCH_ROWS:
                    break
        except (csv.Error, UnicodeDecodeError) as exc:
            failure = [
                Problem(
                    f"cannot read: {getattr(exc, 'reason', None) or describe(exc)}",
                    file=t.file,
                    line=getattr(exc, "line", None),
                    sheet=t.sheet,
                    code="source-error",
                )
            ]
        if columns is None:
            if nonblank == 0 and not failure:
                if t.sheet is not None:
                    return TableResult(FileInfo(t.file, encoding, 0, "empty", t.sheet), [], [])
                empty = Problem(
                    "the file is empty: no header and no data", file=t.file, code="empty-file"
                )
                return TableResult(FileInfo(t.file, encoding, 0, "empty"), [empty], [])
            return TableResult(FileInfo(t.file, encoding, 0, "unreadable", t.sheet), failure, [])
        if nonblank > 1:
            self.report(
                Problem(
                    f"{nonblank - 1} line(s) above the header skipped (a title?)",
                    file=t.file,
                    line=header_line,
                    severity=Severity.WARNING,
                    code="skipped-rows",
                    sheet=t.sheet,
                )
            )
        out: list[Observation] = []
        try:
            data: Iterator[tuple[int, Sequence[Cell]]] = it
            scaled: set[int] = set()
            if t.spreadsheet:
                rest = list(it)
                scaled = self._fraction_columns(rest, columns, t, header_line)
                data = iter(rest)
            if columns.shape == "long":
                count = self._read_long(data, columns, t, scaled, out)
            else:
                count = self._read_wide(data, columns, t, scaled, out)
        except (csv.Error, UnicodeDecodeError) as exc:
            count = -1
            self.report(
                Problem(
                    f"reading stopped: {getattr(exc, 'reason', None) or describe(exc)}; "
                    "this row and later ones are not used",
                    file=t.file,
                    line=getattr(exc, "line", None),
                    sheet=t.sheet,
                    code="source-error",
                )
            )
        if count == 0:
            self.report(
                Problem(
                    "has a header but no data rows",
                    file=t.file,
                    line=header_line,
                    severity=Severity.WARNING,
                    code="empty-file",
                    sheet=t.sheet,
                )
            )
        info = FileInfo(t.file, encoding, max(count, 0), columns.shape, t.sheet)
        return TableResult(info, [], out)

    # -- rates stored as fractions --------------------------------------------------------

    def _fraction_columns(
        self, rows: list[tuple[int, Sequence[Cell]]], cols: Columns, t: Table, header_line: int
    ) -> set[int]:
        """The rate columns of a sheet whose numbers are all fractions (module docstring);
        each is reported once."""
        rate_columns: list[tuple[int, str | None]] = [(c, ind) for c, ind in cols.wide]
        if cols.shape == "long" and cols.value is not None:
            rate_columns = [(cols.value, None)]
        scaled: set[int] = set()
        for col, fixed in rate_columns:
            fractions = 0
            others = 0
            for _, cells in rows:
                if col >= len(cells):
                    continue
                x = _stored_number(cells[col])
                if not x:
                    continue
                indicator = fixed or self._indicator_of(cells, cols)
                if indicator is None:
                    continue
                if is_fraction(x, *self.ranges[indicator]):
                    fractions += 1
                else:
                    others += 1
            if fractions and not others:
                scaled.add(col)
                self._problem(
                    t,
                    header_line,
                    cols,
                    col,
                    "percent-fraction",
                    f"the numbers in column {cols.label(col)!r} are all fractions (above 0, "
                    f"at most {FRACTION_MAX:g}), as a spreadsheet stores cells shown as "
                    "percentages: read multiplied by 100 (0.985 as 98.5)",
                    Severity.WARNING,
                )
        return scaled

    def _indicator_of(self, cells: Sequence[Cell], cols: Columns) -> str | None:
        if cols.indicator is None or cols.indicator >= len(cells):
            return None
        found = self.resolve.indicator(cells[cols.indicator])
        return found if isinstance(found, str) else None

    def _rate(
        self,
        cell: Cell,
        what: str,
        scaled: bool,
        lone_check: tuple[float, float] | None,
    ) -> float | None:
        """A rate cell: None when empty; raises :class:`CellError`. ``scaled``: the cell's
        column holds fractions; ``lone_check``: the plausible range, when a number that is
        a fraction must be refused (a sheet's column of percentages)."""
        value = number(cell, what, percent=True)
        if value is None or _stored_number(cell) is None:
            return value
        if scaled:
            return round(value * 100, 10)
        if lone_check is not None and is_fraction(value, *lone_check):
            raise CellError(
                "constraint-error",
                f"{what} {value:g} is a fraction (a cell shown as {value * 100:g}%?) among "
                "percentages in this column; type it as a percentage",
            )
        return value

    # -- cells ----------------------------------------------------------------------------

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
                "missing-cell",
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
                    "extra-cell",
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
                    "extra-cell",
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
                self._problem(t, line, cols, col, "unknown-region", f"unknown region {text!r}")
                ok = False
            elif other != region:
                self._problem(
                    t,
                    line,
                    cols,
                    col,
                    "inconsistent-value",
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
            "constraint-error",
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
            self._problem(t, line, cols, col, "missing-cell", message)
        elif num is not None and den is not None and (num < 0 or den < 0):
            self._problem(
                t,
                line,
                cols,
                cols.numerator if num < 0 else cols.denominator,
                "constraint-error",
                f"counts cannot be negative (numerator {num:g}, denominator {den:g})",
            )
        else:
            self._problem(
                t, line, cols, cols.denominator, "constraint-error", "denominator is zero"
            )

    # -- shapes ---------------------------------------------------------------------------

    def _rows(
        self, rows: Iterable[tuple[int, Sequence[Cell]]], cols: Columns, t: Table
    ) -> Iterator[tuple[int, Sequence[Cell]]]:
        """The data rows widened to the header; blank runs and ragged rows reported."""
        blank_run: list[int] = []
        for line, cells in rows:
            if _blank(cells):
                blank_run.append(line)
                continue
            if blank_run:
                self._blank_rows(t, blank_run)
                blank_run = []
            self.counted += 1
            shaped = cells if len(cells) == cols.width else self._shaped(cells, line, cols, t)
            if shaped is not None:
                yield line, shaped

    def _read_long(
        self,
        rows: Iterable[tuple[int, Sequence[Cell]]],
        cols: Columns,
        t: Table,
        scaled: set[int],
        out: list[Observation],
    ) -> int:
        """One row per observation. Returns the number of data rows."""
        rcol, pcol, icol = cols.region, cols.period, cols.indicator
        vcol, ncol, dcol = cols.value, cols.numerator, cols.denominator
        assert icol is not None
        check_ignored = any(not cols.labels[c] for c in cols.ignored)
        problem = self._problem
        self.counted = 0
        for line, cells in self._rows(rows, cols, t):
            ok = True
            period = self.resolve.period(cells[pcol])
            if isinstance(period, CellError):
                problem(t, line, cols, pcol, period.code, period.message)
                ok = False
            if check_ignored and not self._ignored_empty(cells, line, cols, t):
                ok = False
            region = self.resolve.region(
                cells[rcol] if rcol is not None else "", t.name_region, t.region_cache
            )
            indicator = self.resolve.indicator(cells[icol])
            if isinstance(region, CellError):
                problem(t, line, cols, rcol, region.code, region.message)
                ok = False
            if isinstance(indicator, CellError):
                problem(t, line, cols, icol, indicator.code, indicator.message)
                ok = False
            if (
                isinstance(region, str)
                and isinstance(indicator, str)
                and cols.region_alt
                and not self._alt_regions_ok(cells, line, cols, t, region)
            ):
                ok = False
            value = num = den = None
            try:
                if vcol is not None:
                    lone = (
                        self.ranges[indicator]
                        if t.spreadsheet and isinstance(indicator, str)
                        else None
                    )
                    value = self._rate(cells[vcol], "value", vcol in scaled, lone)
            except CellError as exc:
                problem(t, line, cols, vcol, exc.code, exc.message)
                ok = False
            for col, what in ((ncol, "numerator"), (dcol, "denominator")):
                if col is None:
                    continue
                try:
                    count = number(cells[col], what, percent=False)
                except CellError as exc:
                    problem(t, line, cols, col, exc.code, exc.message)
                    ok = False
                    continue
                if what == "numerator":
                    num = count
                else:
                    den = count
            if not ok:
                continue
            assert isinstance(region, str)
            assert isinstance(indicator, str)
            assert isinstance(period, Period)
            if num is not None or den is not None:
                if num is None or den is None or num < 0 or den <= 0:
                    self._bad_counts(t, line, cols, num, den)
                    continue
                # num * 100 / den rounds once: 9850 and 10000 give exactly 98.5.
                rate = num * 100.0 / den
                if value is None:
                    value = rate
                elif abs(value - rate) > self.tolerance:
                    problem(
                        t,
                        line,
                        cols,
                        vcol,
                        "inconsistent-value",
                        f"value {value:g} does not match numerator/denominator × 100 = "
                        f"{rate:.4g} (tolerance {self.tolerance:g} points)",
                    )
                    continue
            elif value is None:
                where = vcol if vcol is not None else ncol
                problem(
                    t,
                    line,
                    cols,
                    where,
                    "missing-cell",
                    "no value, and no numerator and denominator",
                )
                continue
            if self._out_of_range(
                t, line, cols, vcol if vcol is not None else ncol, value, indicator
            ):
                continue
            out.append(Observation(region, period, indicator, value, num, den, t.source, line))
        return self.counted

    def _read_wide(
        self,
        rows: Iterable[tuple[int, Sequence[Cell]]],
        cols: Columns,
        t: Table,
        scaled: set[int],
        out: list[Observation],
    ) -> int:
        """One row per region and period, one column per indicator (values only)."""
        rcol, pcol = cols.region, cols.period
        check_ignored = any(not cols.labels[c] for c in cols.ignored)
        problem = self._problem
        self.counted = 0
        for line, cells in self._rows(rows, cols, t):
            ok = not check_ignored or self._ignored_empty(cells, line, cols, t)
            region = self.resolve.region(
                cells[rcol] if rcol is not None else "", t.name_region, t.region_cache
            )
            if isinstance(region, CellError):
                problem(t, line, cols, rcol, region.code, region.message)
                ok = False
            elif cols.region_alt and not self._alt_regions_ok(cells, line, cols, t, region):
                ok = False
            period = self.resolve.period(cells[pcol])
            if isinstance(period, CellError):
                problem(t, line, cols, pcol, period.code, period.message)
                ok = False
            if not ok:
                continue
            assert isinstance(region, str)
            assert isinstance(period, Period)
            given = 0
            for col, ind in cols.wide:
                lone = self.ranges[ind] if t.spreadsheet else None
                try:
                    value = self._rate(cells[col], ind, col in scaled, lone)
                except CellError as exc:
                    problem(t, line, cols, col, exc.code, exc.message)
                    given += 1
                    continue
                if value is None:
                    continue
                given += 1
                if self._out_of_range(t, line, cols, col, value, ind):
                    continue
                out.append(Observation(region, period, ind, value, None, None, t.source, line))
            if given == 0:
                problem(t, line, cols, None, "missing-cell", "no indicator values in this row")
        return self.counted
