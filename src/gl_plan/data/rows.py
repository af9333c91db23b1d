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
from gl_plan.data.wording import SEMICOLON, joined, lines_text
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Foreign, Message, _, pgettext
from gl_plan.io import RowError
from gl_plan.periods import Period
from gl_plan.plan.models import Plan, Unit

#: An indicator's unit as a message names it.
_DATA_UNIT = {
    "percent": _("percent"),
    "ratio": pgettext("data.unit.ratio", "ratio"),
    "per_thousand": _("per_thousand"),
    "count": _("count"),
    "years": _("years"),
    "amount": _("amount"),
}


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
                    _("cannot read: {reason}", reason=_reason(exc)),
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
                empty = Problem(
                    _("the file is empty: no header and no data"), file=t.file, code=Code.EMPTY_FILE
                )
                return TableResult(FileInfo(t.file, encoding, 0, "empty"), [empty], [])
            return TableResult(FileInfo(t.file, encoding, 0, "unreadable", t.sheet), failure, [])
        self._context_note(t, columns, header_line)
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
                count = self._read_wide(data, columns, t, scaled, out)
        except (csv.Error, UnicodeDecodeError) as exc:
            count = -1
            self.report(
                Problem(
                    _(
                        "reading stopped: {reason}; this row and later ones are not used",
                        reason=_reason(exc),
                    ),
                    file=t.file,
                    line=getattr(exc, "line", None),
                    sheet=t.sheet,
                    code=Code.SOURCE_ERROR,
                )
            )
        check_totals(self, t, columns, out)
        self._skipped_note(t, header_line)
        if count == 0:
            self.report(
                Problem(
                    _("has a header but no data rows"),
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

        def errors(r: HeaderResult) -> tuple[int, int]:
            bad = sum(p.severity is Severity.ERROR for p in r.problems)
            return (r.columns is None, bad)

        if both.columns is not None and errors(both) < errors(alone):
            return both, 1
        return alone, 0

    def _context_note(self, t: Table, cols: Columns, line: int) -> None:
        """One note saying where the region and period of a table without their columns
        came from. A region from the file or sheet name alone goes without saying."""
        k = t.known
        parts: list[Message] = []
        named = k.region_from in ("file name", "sheet name")
        if cols.region is None and k.region is not None and not named:
            parts.append(self._from(k.region, k.region_from))
        if cols.period is None and k.period is not None:
            parts.append(
                _("period {period} from {where}", period=k.period, where=the(k.period_from))
            )
            if k.period_note:
                parts.append(k.period_note)
        if cols.period is None and cols.region is None and k.region is not None and named and parts:
            parts.insert(0, self._from(k.region, the(k.region_from)))
        if parts:
            message = (
                _("no region or period column: {parts}")
                if cols.region is None and cols.period is None
                else _("no region column: {parts}")
                if cols.region is None
                else _("no period column: {parts}")
            )
            self.report(
                Problem(
                    message.format(parts=joined(parts, SEMICOLON)),
                    file=t.file,
                    line=line,
                    severity=Severity.INFO,
                    code=Code.CONTEXT,
                    sheet=t.sheet,
                )
            )

    def _from(self, region: str, where: Message | None) -> Message:
        return _(
            "region {region} from {where}", region=describe_region(region, self.plan), where=where
        )

    def _skipped_note(self, t: Table, header_line: int) -> None:
        """The one note for the lines around the table that are not data."""
        parts: list[Message] = []
        if t.above:
            parts.append(_("title {lines} above the header", lines=lines_text(t.above)))
        if t.below:
            parts.append(
                _("notes and signatures on {lines} below the data", lines=lines_text(t.below))
            )
        if t.totals:
            parts.append(
                _(
                    "total rows on {lines} (not any region's)",
                    lines=lines_text([n for n, _ in t.totals]),
                )
            )
        if not parts:
            return
        first = min([*t.above, *t.below, *(n for n, _ in t.totals)], default=header_line)
        self.report(
            Problem(
                _("skipped, not data: {parts}", parts=joined(parts, SEMICOLON)),
                file=t.file,
                line=first,
                severity=Severity.INFO,
                code=Code.SKIPPED_ROWS,
                sheet=t.sheet,
            )
        )

    def period_of(self, cells: Sequence[Cell], cols: Columns, t: Table) -> Period | CellError:
        """A row's period: its period cell, else the table's (from outside it)."""
        known = t.known.period
        raw = cells[cols.period] if cols.period is not None else ""
        if known is not None and not cell_text(raw):
            if known.end > self.as_of:
                return CellError(
                    Code.FUTURE_PERIOD,
                    _(
                        "period {period} (from {where}) ends on {end}, after the as-of "
                        "date {as_of}",
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
            _(
                "this row is for {region}, but {where} says {expected}; row not used (is "
                "this the right file?)",
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
            rate_columns = [(cols.value, cols.fixed_indicator)]
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
                    _(
                        "the numbers in column {label!r} are all fractions (above 0, at "
                        "most {max:g}), as a spreadsheet stores cells shown as "
                        "percentages: read multiplied by 100 (0.985 as 98.5)",
                        label=cols.label(col),
                        max=FRACTION_MAX,
                    ),
                    Severity.WARNING,
                )
        return scaled

    def _indicator_of(self, cells: Sequence[Cell], cols: Columns) -> str | None:
        if cols.indicator is None or cols.indicator >= len(cells):
            return None
        found = self.resolve.indicator(cells[cols.indicator])
        return found if isinstance(found, str) else None

    def rate(self, cell: Cell, what: Message, scaled: bool, indicator: str | None) -> float | None:
        """A rate cell of ``indicator`` (see :func:`~gl_plan.data.rates.rate`)."""
        bounds = None if indicator is None else self.percent_ranges.get(indicator)
        return rate(cell, what, scaled, bounds)

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
                else cols.fixed_indicator or CellError(Code.MISSING_CELL, _("no indicator"))
            )
            if isinstance(region, CellError):
                problem(t, line, cols, rcol, region.code, region.message)
                ok = False
            elif not self.region_ok(region, line, cols, t, rcol):
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
                    _(
                        "columns {numerator!r} and {denominator!r} are the counts of "
                        "{indicators}, not of {indicator}; row not used",
                        numerator=cols.label(ncol or 0),
                        denominator=cols.label(dcol or 0),
                        indicators=joined(sorted(cols.count_for)),
                        indicator=indicator,
                    ),
                )
                continue
            value = self.value_of(t, line, cols, indicator, value, num, den)
            if value is None:
                continue
            if self._out_of_range(
                t, line, cols, vcol if vcol is not None else ncol, value, indicator
            ):
                continue
            out.append(Observation(region, period, indicator, value, num, den, t.source, line))
        return self.counted

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
                message = _("no value, and no numerator and denominator")
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
                _(
                    "{indicator} is a {unit}, not a rate: it has no numerator and "
                    "denominator; row not used",
                    indicator=indicator,
                    unit=_DATA_UNIT[self.plan.indicator_by_id[indicator].unit.value],
                ),
            )
            return None
        # num * scale / den rounds once: 9850 and 10000 give exactly 98.5.
        computed = num * scale / den
        if value is None:
            return computed
        if abs(value - computed) > self.tolerance:
            self._problem(
                t,
                line,
                cols,
                vcol,
                Code.INCONSISTENT_VALUE,
                _(
                    "value {value:g} does not match numerator/denominator × {scale:g} = "
                    "{computed:.4g} (tolerance {tolerance:g})",
                    value=value,
                    scale=scale,
                    computed=computed,
                    tolerance=self.tolerance,
                ),
            )
            return None
        return value

    def _read_wide(
        self,
        rows: Iterable[tuple[int, Sequence[Cell]]],
        cols: Columns,
        t: Table,
        scaled: set[int],
        out: list[Observation],
    ) -> int:
        """One row per region and period, one column per indicator (values only)."""
        rcol = cols.region
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
            elif not self.region_ok(region, line, cols, t, rcol) or (
                cols.region_alt and not self._alt_regions_ok(cells, line, cols, t, region)
            ):
                ok = False
            period = self.period_of(cells, cols, t)
            if isinstance(period, CellError):
                problem(t, line, cols, cols.period, period.code, period.message)
                ok = False
            if not ok:
                continue
            assert isinstance(region, str)
            assert isinstance(period, Period)
            given = 0
            for col, ind in cols.wide:
                try:
                    value = self.rate(cells[col], ind, col in scaled, ind)
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
                problem(
                    t, line, cols, None, Code.MISSING_CELL, _("no indicator values in this row")
                )
        return self.counted


#: What number cells are called in messages.
_VALUE = _("value")
_COUNT_NAMES: dict[str, Message] = {
    "numerator": _("numerator"),
    "denominator": _("denominator"),
}


def _reason(exc: csv.Error | UnicodeDecodeError) -> Message:
    """Why a table could not be read on: a row the csv module could not split, or text
    that does not decode."""
    if isinstance(exc, RowError):
        return exc.reason
    if isinstance(exc, UnicodeDecodeError):
        return Foreign(str(exc.reason), _("the text does not decode in the file's encoding"))
    return Foreign(describe(exc), _("malformed CSV"))
