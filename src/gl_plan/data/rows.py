"""One table (a CSV file or a sheet) into observations: its header, then row by row.

Every row that is not used has a located :class:`~gl_plan.errors.Problem` saying why
(frictionless-style codes: ``blank-row``, ``missing-cell``, ``extra-cell``, ``type-error``,
``constraint-error``, ``unknown-region`` ...). Rows arrive as ``(line, cells)``: cells are
text from a CSV file, or text, numbers and dates from a spreadsheet.

Around the table, as a county office makes it: a title above the header (possibly merged
across the columns, possibly naming the region and period, see
:mod:`~gl_plan.data.context`), and below the data blank rows, notes (``注：…``) and the
form's signature lines (``填表人：… 审核人：…``). These are skipped with one note
(``skipped-rows``, info) naming the lines. Rows that total the table (``合计``, ``全县``)
are not any region's figures: they are checked against the rows above
(:mod:`~gl_plan.data.totals`) and not used. Rates typed or stored as fractions:
:mod:`~gl_plan.data.rates`. The statistical form's rows: :mod:`~gl_plan.data.form`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from gl_plan.data.assemble import Given, Say, assemble
from gl_plan.data.cells import CellReader
from gl_plan.data.columns import (
    MAX_HEADER_SEARCH_ROWS,
    Columns,
    HeaderResult,
    combine_rows,
    looks_like_labels,
    recognise,
)
from gl_plan.data.context import Known, describe_region, first_known, from_title, within
from gl_plan.data.form import read_form
from gl_plan.data.headers import is_footer
from gl_plan.data.notes import context_note, skipped_note
from gl_plan.data.observations import Observation
from gl_plan.data.rates import fraction_column, rate
from gl_plan.data.rowchecks import RowChecks
from gl_plan.data.sources import FileInfo
from gl_plan.data.table import (
    Cell,
    Report,
    Rows,
    Seen,
    Table,
    TableResult,
    blank,
    describe,
    the,
    total_label,
)
from gl_plan.data.totals import check_totals
from gl_plan.data.values import FRACTION_MAX, CellError, cell_text, number
from gl_plan.data.wide import read_wide
from gl_plan.data.wording import joined
from gl_plan.errors import Code, Message, Problem, Severity, msg
from gl_plan.io import RowError
from gl_plan.periods import Period
from gl_plan.plan.models import Plan, Unit

__all__ = ["Cell", "Rows", "Table", "TableReader", "TableResult", "describe"]


class TableReader(RowChecks):
    """Reads tables against the plan; problems go to ``report`` as they are found."""

    def __init__(
        self, plan: Plan, as_of: date, report: Report, seen: Seen, stated: Known | None = None
    ) -> None:
        self.plan = plan
        self.as_of = as_of
        self.report = report
        self.seen = seen
        #: The region and period the caller states for every file (--region, --period).
        self.stated = stated or Known()
        self.ranges = {
            i.id: (i.plausible_range.min, i.plausible_range.max) for i in plan.indicators
        }
        #: The plausible ranges of percentages, whose fractions are refused.
        self.percent_ranges = {
            i.id: self.ranges[i.id] for i in plan.indicators if i.unit is Unit.PERCENT
        }
        self.scales = {i.id: i.unit.scale for i in plan.indicators}
        self.tolerance = plan.settings.rate_tolerance
        self.resolve = CellReader(plan, as_of)
        #: Data rows (not blank) of the table being read.
        self.counted = 0
        #: Whether value_of found the row's numerator and denominator swapped.
        self.swapped = False

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
        above: list[tuple[int, Sequence[Cell]]] = []
        try:
            for line, cells in it:
                if blank(cells):
                    continue
                nonblank += 1
                known = first_known(self.stated, from_title(above, self.plan), t.named)
                found, two_rows = self._header(cells, above[-1] if above else None, t, line, known)
                if found.columns is not None:
                    columns, header_line = found.columns, line
                    t.known = known
                    t.expected, t.expected_from = (
                        (self.stated.region, self.stated.region_from)
                        if self.stated.region is not None
                        else (t.named.region, the(t.named.region_from))
                    )
                    t.above = [n for n, _ in above[: len(above) - two_rows]]
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
                above.append((line, cells))
        except (csv.Error, UnicodeDecodeError) as exc:
            failure = [
                Problem(
                    msg("data.file.cannot_read", reason=_reason(exc)),
                    file=t.file,
                    line=getattr(exc, "line", None),
                    sheet=t.sheet,
                    code=Code.SOURCE_ERROR,
                )
            ]
        if columns is None:
            if nonblank == 0 and not failure:
                if t.sheet is not None:
                    return TableResult(FileInfo(t.file, encoding, 0, "empty", t.sheet), [], [])
                empty = Problem(msg("data.table.empty"), file=t.file, code=Code.EMPTY_FILE)
                return TableResult(FileInfo(t.file, encoding, 0, "empty"), [empty], [])
            return TableResult(FileInfo(t.file, encoding, 0, "unreadable", t.sheet), failure, [])
        context_note(self, t, columns, header_line)
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
            elif columns.shape == "form":
                count = read_form(self, data, columns, t, scaled, out)
            else:
                count = read_wide(self, data, columns, t, scaled, out)
        except (csv.Error, UnicodeDecodeError) as exc:
            count = -1
            self.report(
                Problem(
                    msg("data.table.stopped", reason=_reason(exc)),
                    file=t.file,
                    line=getattr(exc, "line", None),
                    sheet=t.sheet,
                    code=Code.SOURCE_ERROR,
                )
            )
        check_totals(self, t, columns, out)
        skipped_note(self, t, header_line)
        if count == 0:
            self.report(
                Problem(
                    msg("data.table.no_rows"),
                    file=t.file,
                    line=header_line,
                    severity=Severity.WARNING,
                    code=Code.EMPTY_FILE,
                    sheet=t.sheet,
                )
            )
        info = FileInfo(t.file, encoding, max(count, 0), columns.shape, t.sheet)
        return TableResult(info, [], out)

    def _header(
        self,
        cells: Sequence[Cell],
        top: tuple[int, Sequence[Cell]] | None,
        t: Table,
        line: int,
        known: Known,
    ) -> tuple[HeaderResult, int]:
        """The row read as a header, or with the row above it as a two-row header (a group
        name over its measures), whichever has fewer errors (the row alone on a tie).
        Returns the result and how many rows above it belong to the header (0 or 1)."""

        def attempt(labels: Sequence[object]) -> HeaderResult:
            return recognise(
                labels,
                self.plan,
                file=t.file,
                line=line,
                sheet=t.sheet,
                region_known=known.region is not None,
                period_known=known.period is not None,
            )

        alone = attempt(cells)
        if top is None or top[0] != line - 1 or not looks_like_labels(cells, self.plan):
            return alone, 0
        both = attempt(combine_rows(top[1], cells, self.plan))

        def errors(r: HeaderResult) -> tuple[int, int, int]:
            bad = sum(p.severity is Severity.ERROR for p in r.problems)
            return (r.columns is None, bad, len(r.problems))

        if both.columns is not None and errors(both) < errors(alone):
            return both, 1
        return alone, 0

    def period_of(self, cells: Sequence[Cell], cols: Columns, t: Table) -> Period | CellError:
        """A row's period: its period cell, else the table's (from outside it)."""
        known = t.known.period
        raw = cells[cols.period] if cols.period is not None else ""
        if known is not None and not cell_text(raw):
            if known.end > self.as_of:
                return CellError(
                    Code.FUTURE_PERIOD,
                    msg(
                        "data.cell.future_known_period",
                        period=known,
                        where=the(t.known.period_from),
                        end=known.end,
                        as_of=self.as_of,
                    ),
                )
            return known
        period = self.resolve.period(raw)
        if isinstance(period, Period):
            note = self.resolve.period_note(raw)
            if note is not None and note not in t.period_notes:
                t.period_notes.add(note)
                self.report(
                    Problem(
                        note,
                        file=t.file,
                        severity=Severity.INFO,
                        code=Code.PERIOD_READ_AS,
                        sheet=t.sheet,
                        field=None if cols.period is None else cols.label(cols.period),
                    )
                )
        return period

    def region_ok(self, region: str, line: int, cols: Columns, t: Table, col: int | None) -> bool:
        """Whether ``region`` belongs to the file: the file or sheet name (or --region)
        names one region, the rows must be for it or the regions within it."""
        if t.expected is None or within(region, t.expected, self.plan):
            return True
        self._problem(
            t,
            line,
            cols,
            col,
            Code.WRONG_REGION,
            msg(
                "data.row.wrong_region",
                region=describe_region(region, self.plan),
                where=t.expected_from,
                expected=describe_region(t.expected, self.plan),
            ),
        )
        return False

    # -- rates stored as fractions --------------------------------------------------------

    def _fraction_columns(
        self, rows: list[tuple[int, Sequence[Cell]]], cols: Columns, t: Table, header_line: int
    ) -> set[int]:
        """The rate columns of a sheet whose numbers are all fractions (see
        :mod:`~gl_plan.data.rates`); each is reported once."""
        rate_columns: list[tuple[int, str | None]] = [(c, ind) for c, ind in cols.wide]
        if cols.shape != "wide" and cols.value is not None:
            rate_columns = [(cols.value, None)]
        scaled: set[int] = set()
        for col, fixed in rate_columns:

            def range_of(
                cells: Sequence[Cell], fixed: str | None = fixed
            ) -> tuple[float, float] | None:
                indicator = fixed or self._indicator_of(cells, cols)
                return None if indicator is None else self.percent_ranges.get(indicator)

            if fraction_column(rows, col, range_of):
                scaled.add(col)
                self._problem(
                    t,
                    header_line,
                    cols,
                    col,
                    Code.PERCENT_FRACTION,
                    msg("data.row.fraction_column", label=cols.label(col), max=FRACTION_MAX),
                    Severity.WARNING,
                )
        return scaled

    def _indicator_of(self, cells: Sequence[Cell], cols: Columns) -> str | None:
        if cols.indicator is None or cols.indicator >= len(cells):
            return None
        found = self.resolve.indicator(cells[cols.indicator])
        return found if isinstance(found, str) else None

    def rate(self, cell: Cell, what: Message, scaled: bool, indicator: str | None) -> float | None:
        """A rate cell of ``indicator`` (see :func:`~gl_plan.data.rates.rate`). A lone
        fraction (0.953 where the rate is about 95) is refused with the percentage it may
        mean: one fraction among percentages cannot be told from a typing mistake, so it is
        never scaled silently; a whole column of fractions is (``scaled``)."""
        bounds = None if indicator is None else self.percent_ranges.get(indicator)
        return rate(cell, what, scaled, bounds)

    def _wide_cells(
        self, cells: Sequence[Cell], line: int, cols: Columns, t: Table, scaled: set[int]
    ) -> tuple[dict[str, Given], dict[str, Given], int]:
        """A wide row's rates (by indicator) and counts (by count), and how many cells were
        given; unreadable cells are reported."""
        rates: dict[str, Given] = {}
        counts: dict[str, Given] = {}
        given = 0
        for col, ind in cols.wide:
            try:
                value = self.rate(cells[col], ind, col in scaled, ind)
            except CellError as exc:
                self._problem(t, line, cols, col, exc.code, exc.message)
                given += 1
                continue
            if value is not None:
                given += 1
                rates[ind] = Given(value, line, col, cols.label(col))
        for col, count in cols.count_cols:
            try:
                value = number(cells[col], cols.label(col), percent=False)
            except CellError as exc:
                self._problem(t, line, cols, col, exc.code, exc.message)
                given += 1
                continue
            if value is not None:
                given += 1
                counts[count] = Given(value, line, col, cols.label(col))
        return rates, counts, given

    def _sayer(self, t: Table, cols: Columns) -> Say:
        def say(line: int, col: int | None, code: Code, message: Message, sev: Severity) -> None:
            self._problem(t, line, cols, col, code, message, sev)

        return say

    def _checked(self, t: Table, cols: Columns, figures: list[Observation]) -> list[Observation]:
        """The figures within their indicators' plausible ranges (the others reported)."""
        kept = []
        for o in figures:
            col = next((c for c, ind in cols.wide if ind == o.indicator), None)
            if not self._out_of_range(t, o.line or 0, cols, col, o.value, o.indicator):
                kept.append(o)
        return kept

    # -- shapes ---------------------------------------------------------------------------

    def _rows(
        self, rows: Iterable[tuple[int, Sequence[Cell]]], cols: Columns, t: Table
    ) -> Iterator[tuple[int, Sequence[Cell]]]:
        """The data rows widened to the header; blank runs and ragged rows reported. Notes
        and signature lines (and the blank rows before them) are set aside in ``t.below``,
        total rows in ``t.totals``."""
        blank_run: list[int] = []
        for line, cells in rows:
            if blank(cells):
                blank_run.append(line)
                continue
            first = next((text for c in cells if (text := cell_text(c))), "")
            if is_footer(first):
                t.below.extend(blank_run)
                t.below.append(line)
                blank_run = []
                continue
            if blank_run:
                self._blank_rows(t, blank_run)
                blank_run = []
            self.counted += 1
            shaped = cells if len(cells) == cols.width else self._shaped(cells, line, cols, t)
            if shaped is None:
                continue
            if total_label(shaped, cols) is not None:
                t.totals.append((line, shaped))
                continue
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
        rcol, icol = cols.region, cols.indicator
        vcol, ncol, dcol = cols.value, cols.numerator, cols.denominator
        check_ignored = any(not cols.labels[c] for c in cols.ignored)
        problem = self._problem
        self.counted = 0
        #: Rows naming a count (荔浦 | 幼儿园在园人数 | 11523), gathered by region and period.
        named: dict[tuple[str, Period], dict[str, Given]] = {}
        for line, cells in self._rows(rows, cols, t):
            ok = True
            period = self.period_of(cells, cols, t)
            if isinstance(period, CellError):
                problem(t, line, cols, cols.period, period.code, period.message)
                ok = False
            if check_ignored and not self._ignored_empty(cells, line, cols, t):
                ok = False
            region = self.resolve.region(
                cells[rcol] if rcol is not None else "", t.name_region, t.region_cache
            )
            indicator: str | CellError = (
                self.resolve.indicator(cells[icol])
                if icol is not None
                else CellError(Code.MISSING_CELL, msg("data.cell.no_indicator"))
            )
            if isinstance(region, CellError):
                problem(t, line, cols, rcol, region.code, region.message)
                ok = False
            elif not self.region_ok(region, line, cols, t, rcol):
                ok = False
            count_id = (
                self.plan.count_table.resolve(cell_text(cells[icol]))
                if isinstance(indicator, CellError) and icol is not None and vcol is not None
                else None
            )
            if count_id is not None and ok and isinstance(region, str):
                assert vcol is not None
                assert isinstance(period, Period)
                try:
                    amount = number(cells[vcol], cell_text(cells[icol or 0]), percent=False)
                except CellError as exc:
                    problem(t, line, cols, vcol, exc.code, exc.message)
                    continue
                if amount is not None:
                    label = cell_text(cells[icol or 0])
                    given = Given(amount, line, vcol, label)
                    named.setdefault((region, period), {})[count_id] = given
                continue
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
                    ind = indicator if isinstance(indicator, str) else None
                    value = self.rate(cells[vcol], _VALUE, vcol in scaled, ind)
            except CellError as exc:
                problem(t, line, cols, vcol, exc.code, exc.message)
                ok = False
            for col, what in ((ncol, "numerator"), (dcol, "denominator")):
                if col is None:
                    continue
                try:
                    count = number(cells[col], _COUNT_NAMES[what], percent=False)
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
            if cols.count_for and indicator not in cols.count_for and (num, den) != (None, None):
                problem(
                    t,
                    line,
                    cols,
                    ncol,
                    Code.INCONSISTENT_VALUE,
                    msg(
                        "data.row.counts_of_others",
                        numerator=cols.label(ncol or 0),
                        denominator=cols.label(dcol or 0),
                        indicators=joined(sorted(cols.count_for)),
                        indicator=indicator,
                    ),
                )
                continue
            self.swapped = False
            value = self.value_of(t, line, cols, indicator, value, num, den)
            if value is None:
                continue
            if self.swapped:
                num, den = den, num
            where = vcol if vcol is not None else ncol
            if self._out_of_range(t, line, cols, where, value, indicator, (num, den)):
                continue
            out.append(Observation(region, period, indicator, value, num, den, t.source, line))
        self._named_counts(t, cols, named, out)
        return self.counted

    def _named_counts(
        self,
        t: Table,
        cols: Columns,
        named: dict[tuple[str, Period], dict[str, Given]],
        out: list[Observation],
    ) -> None:
        """A long table's count rows joined to its rate rows, by region and period: each
        indicator's figure from its rate and counts (see :mod:`~gl_plan.data.assemble`)."""
        for (region, period), counts in named.items():
            rates: dict[str, Given] = {}
            for o in [o for o in out if o.region == region and o.period == period]:
                if not o.has_counts:
                    out.remove(o)
                    rates[o.indicator] = Given(o.value, o.line or 0, cols.value, o.indicator)
            figures = assemble(
                self.plan, region, period, rates, counts, t.source, self._sayer(t, cols)
            )
            out.extend(self._checked(t, cols, figures))
        out.sort(key=lambda o: o.line or 0)

    def value_of(
        self,
        t: Table,
        line: int,
        cols: Columns,
        indicator: str,
        value: float | None,
        num: float | None,
        den: float | None,
    ) -> float | None:
        """The row's value: as given, or from its counts with the indicator's unit
        (percent ×100, ratio ×1, per thousand ×1000), checked against each other; None
        (reported) when the row cannot be used."""
        vcol = cols.value
        if num is None and den is None:
            if value is None:
                where = vcol if vcol is not None else cols.numerator
                message = msg("data.row.no_value")
                self._problem(t, line, cols, where, Code.MISSING_CELL, message)
            return value
        if num is None or den is None or num < 0 or den <= 0:
            self._bad_counts(t, line, cols, num, den)
            return None
        scale = self.scales[indicator]
        if scale is None:
            self._problem(
                t,
                line,
                cols,
                cols.numerator,
                Code.CONSTRAINT_ERROR,
                msg(
                    "data.row.not_a_rate",
                    indicator=indicator,
                    unit=msg(f"data.unit.{self.plan.indicator_by_id[indicator].unit.value}"),
                ),
            )
            return None
        # num * scale / den rounds once: 9850 and 10000 give exactly 98.5.
        computed = num * scale / den
        if value is None:
            return computed
        if abs(value - computed) > self.tolerance and num > 0:
            inverse = den * scale / num
            if abs(value - inverse) <= self.tolerance:
                message = msg(
                    "data.counts.swapped", indicator=indicator, numerator=num, denominator=den,
                    computed=computed, inverse=inverse, value=value,
                    nlabel=cols.label(cols.numerator or 0),
                    dlabel=cols.label(cols.denominator or 0),
                )  # fmt: skip
                self._problem(t, line, cols, cols.numerator, Code.INCONSISTENT_VALUE, message,
                              Severity.WARNING)  # fmt: skip
                self.swapped = True
                return value
        if abs(value - computed) > self.tolerance:
            self._problem(
                t,
                line,
                cols,
                vcol,
                Code.INCONSISTENT_VALUE,
                msg(
                    "data.row.value_mismatch",
                    value=value,
                    scale=scale,
                    computed=computed,
                    tolerance=self.tolerance,
                ),
            )
            return None
        return value


#: What number cells are called in messages.
_VALUE = msg("data.what.value")
_COUNT_NAMES: dict[str, Message] = {
    "numerator": msg("data.what.numerator"),
    "denominator": msg("data.what.denominator"),
}


def _reason(exc: csv.Error | UnicodeDecodeError) -> Message:
    """Why a table could not be read on: a row the csv module could not split, or text
    that does not decode."""
    if isinstance(exc, RowError):
        return exc.reason
    if isinstance(exc, UnicodeDecodeError):
        return msg("data.decode_error", reason=str(exc.reason))
    return msg("data.csv.other", reason=describe(exc))
