"""Read the counties' indicator files (CSV and XLSX, long or wide) into observations.

Each quarter one file per county arrives, made in Excel by different people. This module
reads them as they are and never drops or misreads a number silently: every row it does not
use has a located :class:`~gl_plan.errors.Problem` saying why (frictionless-style codes:
``blank-row``, ``missing-cell``, ``extra-cell``, ``type-error``, ``constraint-error``,
``unknown-region``, ``conflicting-value`` ...). Everything is checked before anything is
reported; a path that does not exist is the only thing that raises.

Reading is streaming and frugal: CSV text is decoded line by line, Excel sheets row by row
(a plain workbook by :mod:`~gl_plan.data.xlsxlite` without importing openpyxl, any other by
openpyxl's read-only mode), repeated region/period/indicator strings are normalised once
and cached, and accepted values go straight into the typed arrays of
:class:`~gl_plan.data.observations.Series` (about 50 bytes a row), not into objects.

>>> result = read_indicators(["data/indicators"], plan, as_of=date(2026, 11, 28))  # doctest: +SKIP
>>> result.errors  # doctest: +SKIP
[]
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from gl_plan.data.columns import MAX_HEADER_SEARCH_ROWS, Columns, recognise
from gl_plan.data.observations import ObservationSet, Series
from gl_plan.data.quality import check_quality
from gl_plan.data.values import CellError, cell_text, number, region_from_name
from gl_plan.data.xlsxguard import RowLimit, TooManyRows, check_workbook
from gl_plan.errors import ExitCode, GlplanError, Problem, Severity
from gl_plan.io import detect_encoding, iter_rows
from gl_plan.limits import MAX_INDICATOR_FILE_BYTES as MAX_FILE_BYTES
from gl_plan.limits import MAX_PROBLEMS_PER_KIND
from gl_plan.periods import Period, PeriodError, parse_period
from gl_plan.plan.models import Plan

#: File types read from a folder; a file named explicitly is read whatever its suffix.
TABLE_SUFFIXES = (".csv", ".xlsx")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")

NAN = math.nan
Cell = object
#: Bound appends of one series' arrays (ordinals, values, numerators, denominators, sources,
#: lines), then the plausible range and the region code.
_Target = tuple[
    Callable[[int], None],
    Callable[[float], None],
    Callable[[float], None],
    Callable[[float], None],
    Callable[[int], None],
    Callable[[int], None],
    float,
    float,
    str,
]
#: A region × indicator pair: where its values go, or why it cannot be used.
_Pair = _Target | list[tuple[int | None, CellError]]
Shape = Literal["long", "wide", "empty", "unreadable"]


@dataclass
class FileInfo:
    """What was read from one file (one entry per sheet for a workbook)."""

    path: str
    encoding: str
    rows: int
    shape: Shape
    sheet: str | None = None


@dataclass
class DataResult:
    """Accepted observations, every problem found, and what each file turned out to be."""

    observations: ObservationSet
    issues: list[Problem] = field(default_factory=list)
    files: list[FileInfo] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.issues if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.issues if p.severity is Severity.WARNING]


def read_indicators(
    paths: Sequence[str | Path],
    plan: Plan,
    *,
    as_of: date,
    encoding: str | None = None,
    completeness: bool | None = None,
) -> DataResult:
    """Read indicator files and folders against the plan.

    A folder contributes its ``*.csv`` and ``*.xlsx`` files, sorted by name (not
    recursively; hidden files and Excel ``~$`` lock files are skipped). ``encoding`` forces
    the encoding of CSV files. A path that does not exist raises :class:`GlplanError` (exit
    2); everything else is a problem in the result. Rows with errors are not used;
    conflicting values for the same region, period and indicator are all rejected; periods
    ending after ``as_of`` are errors.

    ``completeness`` (which regions did not report the latest period) is checked by default
    when a folder is read: a quarter's set of county files. Checking one county's file, the
    other sixteen are not missing, just not asked about.
    """
    if completeness is None:
        completeness = any(Path(p).is_dir() for p in paths)
    files, listing_problems = expand_paths(paths)
    reader = _Reader(plan, as_of, encoding)
    reader.completeness = completeness
    for problem in listing_problems:
        reader.report(problem)
    for path, display in files:
        reader.read_file(path, display)
    return reader.result()


def expand_paths(paths: Sequence[str | Path]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The files to read, as (path, name shown in messages); folders are listed.

    Raises :class:`GlplanError` naming every path that does not exist.
    """
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise GlplanError(
            [Problem("no such file or folder", file=m, code="usage") for m in missing],
            ExitCode.USAGE,
        )
    out: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            out.append((path, str(path)))

    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            add(path)
            continue
        try:
            children = sorted(path.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            problems.append(Problem(f"cannot list folder: {exc.strerror}", file=str(path)))
            continue
        tables = [
            child
            for child in children
            if child.suffix.lower() in TABLE_SUFFIXES
            and not child.name.startswith((".", "~$"))
            and child.is_file()
        ]
        if not tables:
            problems.append(
                Problem(
                    "no .csv or .xlsx files in this folder",
                    file=str(path),
                    severity=Severity.WARNING,
                    code="empty-file",
                )
            )
        for child in tables:
            add(child)
    return out, problems


@dataclass
class _Table:
    """One CSV file or one sheet being read."""

    file: str
    sheet: str | None
    source: int
    name_region: str | None
    #: Excel rows are short when their last cells are empty; CSV rows must be whole.
    pad: bool
    region_cache: dict[Cell, str | CellError] = field(default_factory=dict)


class _Reader:
    """Reads files one after another into shared series, then checks them together."""

    def __init__(self, plan: Plan, as_of: date, encoding: str | None) -> None:
        self.plan = plan
        self.as_of = as_of
        self.forced = encoding
        self.completeness = True
        self.problems: list[Problem] = []
        self.counts: dict[tuple[str | None, str | None, str, Severity], int] = {}
        self.files: list[FileInfo] = []
        self.sources: list[tuple[str, str | None]] = []
        self.rank: dict[tuple[str | None, str | None], int] = {}
        self.series: dict[tuple[str, str], Series] = {}
        self.period_cache: dict[Cell, int | CellError] = {}
        self.ranges = {
            i.id: (i.plausible_range.min, i.plausible_range.max) for i in plan.indicators
        }
        self.tolerance = plan.settings.rate_tolerance

    # -- problems -------------------------------------------------------------------------

    def report(self, problem: Problem) -> None:
        key = (problem.file, problem.sheet, problem.code, problem.severity)
        n = self.counts.get(key, 0) + 1
        self.counts[key] = n
        if n <= MAX_PROBLEMS_PER_KIND:
            self.problems.append(problem)

    def _cell_problem(
        self,
        t: _Table,
        line: int,
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

    # -- files ----------------------------------------------------------------------------

    def read_file(self, path: Path, display: str) -> None:
        self.rank.setdefault((display, None), len(self.rank))
        try:
            size = path.stat().st_size
        except OSError as exc:
            self._unreadable(display, f"cannot read: {exc.strerror}", "unknown")
            return
        if size > MAX_FILE_BYTES:
            self._unreadable(
                display,
                f"file is {size / 2**20:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB are "
                "refused (split it, or check that this is the right file)",
                "unknown",
                code="file-too-large",
            )
            return
        if path.suffix.lower() in EXCEL_SUFFIXES:
            # Not paused: openpyxl, which reads what xlsxlite declines, makes objects that
            # refer to each other and need the collector.
            self._read_xlsx(path, display)
            return
        if not self._read_csv_fast(path, display, size):
            self._read_csv(path, display)

    def _read_csv_fast(self, path: Path, display: str, size: int) -> bool:
        """The columnar path for a large clean long file (:mod:`gl_plan.data.fastcsv`)."""
        from gl_plan.data import fastcsv

        if size < fastcsv.FAST_MIN_BYTES or self.forced is not None or not fastcsv.available():
            return False
        first_source, first_file = len(self.sources), len(self.files)
        done = fastcsv.read_long_csv(
            self,
            path,
            display,
            lambda file, sheet, region: self._new_table(file, sheet, region, pad=False),
            min_bytes=fastcsv.FAST_MIN_BYTES,
        )
        if done:
            # The header line counts, as it does in the reference reader's row limit.
            over = RowLimit(display).check_count(self.files[-1].rows + 1)
            if over is not None:
                self._refuse(over, first_source, first_file, "utf-8")
        return done

    def _unreadable(
        self, display: str, message: str, encoding: str, code: str = "io-error"
    ) -> None:
        self.report(Problem(message, file=display, code=code))
        self.files.append(FileInfo(display, encoding, 0, "unreadable"))

    def _refuse(self, problem: Problem, first_source: int, first_file: int, encoding: str) -> None:
        """Report why a file is refused and take back all it added: its sources from
        ``first_source`` on (and their values), its entries in ``files`` from ``first_file``."""
        for key, s in list(self.series.items()):
            # Files are read one after another, so a file's values end every series.
            sources = s.sources
            keep = len(sources)
            while keep and sources[keep - 1] >= first_source:
                keep -= 1
            if keep == 0:
                del self.series[key]
            elif keep < len(sources):
                for values in (s.ordinals, s.values, s.numerators, s.denominators, s.lines):
                    del values[keep:]
                del sources[keep:]
        del self.sources[first_source:]
        del self.files[first_file:]
        self.report(problem)
        self.files.append(FileInfo(problem.file or "", encoding, 0, "unreadable"))

    def _read_csv(self, path: Path, display: str) -> None:
        name_region = region_from_name(path.name, self.plan)
        try:
            with path.open("rb") as fh:
                detected = detect_encoding(fh, display, self.forced)
                for p in detected.problems:
                    self.report(p)
                if not detected.readable:
                    self.files.append(FileInfo(display, detected.encoding, 0, "unreadable"))
                    return
                fh.seek(0)
                text = io.TextIOWrapper(fh, encoding=detected.encoding, newline="")
                table = self._new_table(display, None, name_region, pad=False)
                rows = RowLimit(display).rows(iter_rows(text))
                try:
                    info, failure = self._read_table(rows, table, detected.encoding)
                except TooManyRows as exc:
                    self._refuse(exc.problem, table.source, len(self.files), detected.encoding)
                    return
                for p in failure:
                    self.report(p)
                self.files.append(info)
        except OSError as exc:
            self._unreadable(display, f"cannot read: {exc.strerror or exc}", "unknown")

    def _read_xlsx(self, path: Path, display: str) -> None:
        from gl_plan.data import xlsxlite

        refusal = check_workbook(path)  # before anything inflates the parts
        if refusal is not None:
            self._unreadable(display, refusal.message, "xlsx", code=refusal.code)
            return
        try:
            sheets = xlsxlite.read_workbook(path)
        except xlsxlite.Unsupported:
            self._read_xlsx_openpyxl(path, display)
            return
        self._read_sheets(path, display, ((title, iter(rows)) for title, rows in sheets))

    def _read_xlsx_openpyxl(self, path: Path, display: str) -> None:
        """Workbooks :mod:`gl_plan.data.xlsxlite` leaves to openpyxl: large, unusual or
        damaged ones (whose messages are openpyxl's)."""
        import warnings

        openpyxl = _import_openpyxl()
        # openpyxl warns about styles and extensions it ignores; they do not concern the data.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            except Exception as exc:  # damaged workbooks raise many types (zip, XML, KeyError)
                self._unreadable(
                    display, f"cannot open as an Excel workbook: {_describe(exc)}", "xlsx"
                )
                return

            def sheets() -> Iterator[tuple[str, Iterator[tuple[int, list[Cell]]]]]:
                for ws in book.worksheets:
                    ws.reset_dimensions()  # a wrong stored size would pad every row
                    yield str(ws.title), _sheet_rows(ws)

            try:
                self._read_sheets(path, display, sheets())
            finally:
                book.close()

    def _read_sheets(
        self,
        path: Path,
        display: str,
        sheets: Iterator[tuple[str, Iterator[tuple[int, list[Cell]]]]],
    ) -> None:
        """A workbook's sheets, each a table of its own; a blank sheet is skipped, and a
        sheet without a usable header only warns when another sheet has data."""
        file_region = region_from_name(path.name, self.plan)
        failures: list[list[Problem]] = []
        used = 0
        broken = False
        limit = RowLimit(display)
        first_source, first_file = len(self.sources), len(self.files)
        refused: Problem | None = None
        try:
            for sheet, cells in sheets:
                region = region_from_name(sheet, self.plan) or file_region
                table = self._new_table(display, sheet, region, pad=True)
                rows = limit.rows(cells, sheet)
                info, failure = self._read_table(rows, table, "xlsx")
                if info.shape == "empty":
                    continue  # blank sheets are common and harmless
                if failure:
                    failures.append(failure)
                else:
                    used += 1
                self.files.append(info)
        except TooManyRows as exc:
            refused = exc.problem
        except Exception as exc:  # a damaged sheet's XML fails while it is iterated
            broken = True
            self.report(
                Problem(
                    f"cannot read the workbook: {_describe(exc)}", file=display, code="io-error"
                )
            )
        if refused is not None:
            self._refuse(refused, first_source, first_file, "xlsx")
            return
        if used == 0 and not failures and not broken:
            self.report(
                Problem("workbook has no data in any sheet", file=display, code="empty-file")
            )
            self.files.append(FileInfo(display, "xlsx", 0, "empty"))
        for failure in failures:
            for p in failure:
                if used and p.severity is Severity.ERROR:
                    # An instructions sheet beside the data sheet is normal.
                    p = Problem(
                        f"sheet skipped: {p.message}",
                        file=p.file,
                        line=p.line,
                        column=p.column,
                        field=p.field,
                        severity=Severity.WARNING,
                        code=p.code,
                        sheet=p.sheet,
                    )
                self.report(p)

    def _new_table(self, file: str, sheet: str | None, region: str | None, *, pad: bool) -> _Table:
        self.rank.setdefault((file, sheet), len(self.rank))
        source = len(self.sources)
        self.sources.append((file, sheet))
        return _Table(file, sheet, source, region, pad)

    # -- tables ---------------------------------------------------------------------------

    def _read_table(
        self, rows: Iterable[tuple[int, Sequence[Cell]]], t: _Table, encoding: str
    ) -> tuple[FileInfo, list[Problem]]:
        """Find the header, then read the data rows; returns the file info and, when no
        usable header was found, the problems saying why (not yet reported)."""
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
                    f"cannot read: {getattr(exc, 'reason', None) or _describe(exc)}",
                    file=t.file,
                    line=getattr(exc, "line", None),
                    sheet=t.sheet,
                    code="source-error",
                )
            ]
        if columns is None:
            if nonblank == 0 and not failure:
                if t.sheet is not None:
                    return FileInfo(t.file, encoding, 0, "empty", t.sheet), []
                return FileInfo(t.file, encoding, 0, "empty"), [
                    Problem(
                        "the file is empty: no header and no data", file=t.file, code="empty-file"
                    )
                ]
            return FileInfo(t.file, encoding, 0, "unreadable", t.sheet), failure
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
        try:
            if columns.shape == "long":
                count = self._read_long(it, columns, t)
            else:
                count = self._read_wide(it, columns, t)
        except (csv.Error, UnicodeDecodeError) as exc:
            count = -1
            self.report(
                Problem(
                    f"reading stopped: {getattr(exc, 'reason', None) or _describe(exc)}; "
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
        return FileInfo(t.file, encoding, max(count, 0), columns.shape, t.sheet), []

    def _resolve_region(self, raw: Cell, t: _Table) -> str | CellError:
        text = cell_text(raw)
        if not text:
            if t.name_region is not None:
                return t.name_region
            return CellError("missing-cell", "no region")
        code = self.plan.resolve_region(text)
        if code is None:
            return CellError(
                "unknown-region",
                f"unknown region {text!r}: not a code, name, short name or former name in the plan",
            )
        return code

    def _resolve_period(self, raw: Cell) -> int | CellError:
        text = cell_text(raw)
        if not text:
            return CellError("missing-cell", "no period")
        try:
            period = parse_period(text)
        except PeriodError as exc:
            return CellError("type-error", str(exc))
        if period.end > self.as_of:
            return CellError(
                "future-period",
                f"period {period} ends on {period.end}, after the as-of date {self.as_of}",
            )
        return period.ordinal

    def _resolve_indicator(self, raw: Cell) -> str | CellError:
        text = cell_text(raw)
        if not text:
            return CellError("missing-cell", "no indicator")
        ind = self.plan.resolve_indicator(text)
        if ind is None:
            return CellError(
                "unknown-indicator", f"unknown indicator {text!r}: not an id or name in the plan"
            )
        return ind

    def _row_shape_ok(
        self, cells: Sequence[Cell], line: int, cols: Columns, t: _Table
    ) -> Sequence[Cell] | None:
        """The row widened to the header, or None (reported) when it is ragged."""
        n = len(cells)
        width = cols.width
        if n < width:
            if t.pad:
                return [*cells, *([""] * (width - n))]
            self._cell_problem(
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
                self._cell_problem(
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

    def _check_ignored(self, cells: Sequence[Cell], line: int, cols: Columns, t: _Table) -> bool:
        """Cells under a blank label must be empty (a number there would be lost)."""
        ok = True
        for col in cols.ignored:
            if not cols.labels[col] and cell_text(cells[col]):
                self._cell_problem(
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
        self, cells: Sequence[Cell], line: int, cols: Columns, t: _Table, region: str
    ) -> bool:
        ok = True
        for col in cols.region_alt:
            text = cell_text(cells[col])
            if not text:
                continue
            other = self.plan.resolve_region(text)
            if other is None:
                self._cell_problem(t, line, cols, col, "unknown-region", f"unknown region {text!r}")
                ok = False
            elif other != region:
                self._cell_problem(
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

    def _target(self, region: str, indicator: str) -> _Target:
        """Where accepted values of one region and indicator go (bound appends, range)."""
        s = self.series.get((region, indicator))
        if s is None:
            s = self.series[(region, indicator)] = Series(region, indicator)
        lo, hi = self.ranges[indicator]
        return (
            s.ordinals.append,
            s.values.append,
            s.numerators.append,
            s.denominators.append,
            s.sources.append,
            s.lines.append,
            lo,
            hi,
            region,
        )

    def _pair(self, raw_region: Cell, raw_indicator: Cell, t: _Table, cols: Columns) -> _Pair:
        region = self._resolve_region(raw_region, t)
        indicator = self._resolve_indicator(raw_indicator)
        errors: list[tuple[int | None, CellError]] = []
        if isinstance(region, CellError):
            errors.append((cols.region, region))
        if isinstance(indicator, CellError):
            errors.append((cols.indicator, indicator))
        if errors or isinstance(region, CellError) or isinstance(indicator, CellError):
            return errors
        return self._target(region, indicator)

    def _number(
        self, cell: Cell, what: str, percent: bool, t: _Table, line: int, cols: Columns, col: int
    ) -> float | None:
        """The slow path for a number: NaN when empty, None (reported) when unreadable."""
        try:
            return number(cell, what, percent=percent)
        except CellError as exc:
            self._cell_problem(t, line, cols, col, exc.code, exc.message)
            return None

    def _read_long(
        self, rows: Iterator[tuple[int, Sequence[Cell]]], cols: Columns, t: _Table
    ) -> int:
        """The hot loop: one row per observation. Returns the number of data rows.

        Per row it costs a few microseconds: region and indicator are looked up together
        (as raw cells, in a dict of the few distinct pairs), the period likewise, numbers
        go through ``float()`` first, and accepted values are appended to typed arrays.
        Everything unusual leaves the fast path for a slower function that reports it.
        """
        rcol, pcol, icol = cols.region, cols.period, cols.indicator
        vcol, ncol, dcol = cols.value, cols.numerator, cols.denominator
        assert icol is not None
        width = cols.width
        check_ignored = any(not cols.labels[c] for c in cols.ignored)
        pairs: dict[tuple[Cell, Cell], _Pair] = {}
        pcache = self.period_cache
        tol = self.tolerance
        source = t.source
        problem, slow_number = self._cell_problem, self._number
        blank_run: list[int] = []
        count = 0
        for line, cells in rows:
            # A blank row is cheap to spot: it is short (CSV gives [] for an empty line) or
            # has no period; a row of spaces is caught below when its period is missing.
            if (len(cells) != width or cells[pcol] == "") and _blank(cells):
                blank_run.append(line)
                continue
            if len(cells) != width:
                if blank_run:
                    self._blank_rows(t, blank_run)
                    blank_run = []
                count += 1
                shaped = self._row_shape_ok(cells, line, cols, t)
                if shaped is None:
                    continue
                cells = shaped
                count -= 1  # counted again below
            ok = True

            raw = cells[pcol]
            ordinal = pcache.get(raw)
            if ordinal is None:
                ordinal = pcache[raw] = self._resolve_period(raw)
            if isinstance(ordinal, CellError):
                if _blank(cells):
                    blank_run.append(line)
                    continue
                problem(t, line, cols, pcol, ordinal.code, ordinal.message)
                ok = False
            else:
                period = ordinal
            if blank_run:
                self._blank_rows(t, blank_run)
                blank_run = []
            count += 1
            if check_ignored and not self._check_ignored(cells, line, cols, t):
                ok = False

            key = (cells[rcol] if rcol is not None else "", cells[icol])
            pair = pairs.get(key)
            if pair is None:
                pair = pairs[key] = self._pair(key[0], key[1], t, cols)
            if isinstance(pair, list):
                for col, err in pair:
                    problem(t, line, cols, col, err.code, err.message)
                ok = False
            else:
                target = pair
                if cols.region_alt and not self._alt_regions_ok(cells, line, cols, t, pair[8]):
                    ok = False

            value = num = den = NAN
            if vcol is not None:
                c = cells[vcol]
                try:
                    value = NAN if c == "" else float(c)  # type: ignore[arg-type]
                    if value - value != 0:  # inf or NaN
                        raise ValueError
                except (ValueError, TypeError):
                    got = slow_number(c, "value", True, t, line, cols, vcol)
                    if got is None:
                        ok = False
                    else:
                        value = got
            if ncol is not None:
                c = cells[ncol]
                try:
                    num = NAN if c == "" else float(c)  # type: ignore[arg-type]
                    if num - num != 0:
                        raise ValueError
                except (ValueError, TypeError):
                    got = slow_number(c, "numerator", False, t, line, cols, ncol)
                    if got is None:
                        ok = False
                    else:
                        num = got
            if dcol is not None:
                c = cells[dcol]
                try:
                    den = NAN if c == "" else float(c)  # type: ignore[arg-type]
                    if den - den != 0:
                        raise ValueError
                except (ValueError, TypeError):
                    got = slow_number(c, "denominator", False, t, line, cols, dcol)
                    if got is None:
                        ok = False
                    else:
                        den = got
            if not ok:
                continue

            # NaN != NaN: `x == x` is "x was given".
            if num == num or den == den:
                if num != num or den != den or num < 0 or den <= 0:
                    self._bad_counts(t, line, cols, num, den)
                    continue
                # num * 100 / den rounds once: 9850 and 10000 give exactly 98.5.
                rate = num * 100.0 / den
                if value != value:
                    value = rate
                elif abs(value - rate) > tol:
                    problem(
                        t,
                        line,
                        cols,
                        vcol,
                        "inconsistent-value",
                        f"value {value:g} does not match numerator/denominator × 100 = "
                        f"{rate:.4g} (tolerance {tol:g} points)",
                    )
                    continue
            elif value != value:
                problem(
                    t,
                    line,
                    cols,
                    vcol if vcol is not None else ncol,
                    "missing-cell",
                    "no value, and no numerator and denominator",
                )
                continue
            # `ok` means `period` and `target` were set for this row.
            add_ord, add_val, add_num, add_den, add_src, add_line, lo, hi, _ = target
            if not lo <= value <= hi:
                self._out_of_range(t, line, cols, vcol if vcol is not None else ncol, value, lo, hi)
                continue
            add_ord(period)
            add_val(value)
            add_num(num)
            add_den(den)
            add_src(source)
            add_line(line)
        return count

    def _bad_counts(self, t: _Table, line: int, cols: Columns, num: float, den: float) -> None:
        has_num, has_den = num == num, den == den
        if has_num != has_den:
            col, missing = (
                (cols.denominator, "denominator") if has_num else (cols.numerator, "numerator")
            )
            message = f"{missing} missing: give both numerator and denominator, or neither"
            self._cell_problem(t, line, cols, col, "missing-cell", message)
        elif num < 0 or den < 0:
            self._cell_problem(
                t,
                line,
                cols,
                cols.numerator if num < 0 else cols.denominator,
                "constraint-error",
                f"counts cannot be negative (numerator {num:g}, denominator {den:g})",
            )
        else:
            self._cell_problem(
                t, line, cols, cols.denominator, "constraint-error", "denominator is zero"
            )

    def _read_wide(
        self, rows: Iterator[tuple[int, Sequence[Cell]]], cols: Columns, t: _Table
    ) -> int:
        """One row per region and period, one column per indicator (values only)."""
        rcol, pcol = cols.region, cols.period
        width = cols.width
        check_ignored = any(not cols.labels[c] for c in cols.ignored)
        ranges = self.ranges
        targets: dict[tuple[str, str], _Target] = {}
        problem = self._cell_problem
        blank_run: list[int] = []
        count = 0
        for line, cells in rows:
            if _blank(cells):
                blank_run.append(line)
                continue
            if blank_run:
                self._blank_rows(t, blank_run)
                blank_run = []
            count += 1
            if len(cells) != width:
                shaped = self._row_shape_ok(cells, line, cols, t)
                if shaped is None:
                    continue
                cells = shaped
            ok = not check_ignored or self._check_ignored(cells, line, cols, t)
            raw = cells[rcol] if rcol is not None else ""
            region = t.region_cache.get(raw)
            if region is None:
                region = t.region_cache[raw] = self._resolve_region(raw, t)
            if isinstance(region, CellError):
                problem(t, line, cols, rcol, region.code, region.message)
                ok = False
            elif cols.region_alt and not self._alt_regions_ok(cells, line, cols, t, region):
                ok = False
            raw = cells[pcol]
            ordinal = self.period_cache.get(raw)
            if ordinal is None:
                ordinal = self.period_cache[raw] = self._resolve_period(raw)
            if isinstance(ordinal, CellError):
                problem(t, line, cols, pcol, ordinal.code, ordinal.message)
                ok = False
            if not ok:
                continue
            assert isinstance(region, str)
            assert isinstance(ordinal, int)
            given = 0
            for col, ind in cols.wide:
                try:
                    value = number(cells[col], ind, percent=True)
                except CellError as exc:
                    problem(t, line, cols, col, exc.code, exc.message)
                    given += 1
                    continue
                if value != value:
                    continue
                given += 1
                lo, hi = ranges[ind]
                if not lo <= value <= hi:
                    self._out_of_range(t, line, cols, col, value, lo, hi)
                    continue
                target = targets.get((region, ind))
                if target is None:
                    target = targets[(region, ind)] = self._target(region, ind)
                add_ord, add_val, add_num, add_den, add_src, add_line, *_ = target
                add_ord(ordinal)
                add_val(value)
                add_num(NAN)
                add_den(NAN)
                add_src(t.source)
                add_line(line)
            if given == 0:
                problem(t, line, cols, None, "missing-cell", "no indicator values in this row")
        return count

    def _out_of_range(
        self,
        t: _Table,
        line: int,
        cols: Columns,
        col: int | None,
        value: float,
        lo: float,
        hi: float,
    ) -> None:
        what = "negative" if value < 0 else "outside the plausible range"
        self._cell_problem(
            t,
            line,
            cols,
            col,
            "constraint-error",
            f"value {value:.4g} is {what} ({lo:g} to {hi:g} for this indicator)",
        )

    def _blank_rows(self, t: _Table, lines: list[int]) -> None:
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

    # -- across files ---------------------------------------------------------------------

    def _where(self, source: int, line: int) -> str:
        file, sheet = self.sources[source] if 0 <= source < len(self.sources) else ("?", None)
        return f"{file}[{sheet}]:{line}" if sheet else f"{file}:{line}"

    def _resolve_duplicates(self) -> None:
        """Keep one value per period: identical copies collapse (a warning), conflicting
        values are all rejected (an error at each place, naming the others)."""
        sorted_runs: set[bytes] = set()  # most series cover the same periods
        for key in list(self.series):
            s = self.series[key]
            ords = s.ordinals
            run = ords.tobytes()
            if run in sorted_runs:
                continue
            if all(a < b for a, b in zip(ords, itertools.islice(ords, 1, None), strict=False)):
                sorted_runs.add(run)
                continue
            order = sorted(range(len(ords)), key=ords.__getitem__)
            out = Series(s.region, s.indicator)
            for _, group_iter in itertools.groupby(order, key=ords.__getitem__):
                group = list(group_iter)
                keep = group[0] if len(group) == 1 else self._one_of(s, group)
                if keep is None:
                    continue
                out.ordinals.append(ords[keep])
                out.values.append(s.values[keep])
                out.numerators.append(s.numerators[keep])
                out.denominators.append(s.denominators[keep])
                out.sources.append(s.sources[keep])
                out.lines.append(s.lines[keep])
            if len(out):
                self.series[key] = out
            else:
                del self.series[key]

    def _one_of(self, s: Series, group: list[int]) -> int | None:
        period = Period.from_ordinal(s.ordinals[group[0]])
        what = f"{s.region} {s.indicator} {period}"
        first = group[0]

        def same_counts(a: float, b: float) -> bool:
            return a != a or b != b or a == b

        identical = all(
            abs(s.values[i] - s.values[first]) <= 1e-9
            and same_counts(s.numerators[i], s.numerators[first])
            and same_counts(s.denominators[i], s.denominators[first])
            for i in group[1:]
        )
        if identical:
            # Keep the copy that carries counts, if one does, else the first.
            keep = next((i for i in group if s.has_counts(i)), first)
            for i in group:
                if i != keep:
                    file, sheet = self.sources[s.sources[i]]
                    self.report(
                        Problem(
                            f"duplicate row: {what} is also given at "
                            f"{self._where(s.sources[keep], s.lines[keep])}; one copy is used",
                            file=file,
                            line=s.lines[i],
                            severity=Severity.WARNING,
                            code="duplicate-row",
                            sheet=sheet,
                        )
                    )
            return keep
        for i in group:
            others = ", ".join(
                f"{s.values[j]:g} at {self._where(s.sources[j], s.lines[j])}"
                for j in group
                if j != i
            )
            file, sheet = self.sources[s.sources[i]]
            self.report(
                Problem(
                    f"conflicting values for {what}: {s.values[i]:g} here, {others}; none is used",
                    file=file,
                    line=s.lines[i],
                    code="conflicting-value",
                    sheet=sheet,
                )
            )
        return None

    def result(self) -> DataResult:
        self._resolve_duplicates()
        names = [f"{f}[{sh}]" if sh else f for f, sh in self.sources]
        observations = ObservationSet(series=self.series, files=names)
        quality = check_quality(
            observations, self.plan, self.sources, completeness=self.completeness
        )
        for p in quality:
            self.report(p)
        summaries = [
            Problem(
                f"... and {n - MAX_PROBLEMS_PER_KIND} more {code} problems not listed",
                file=file,
                severity=severity,
                code=code,
                sheet=sheet,
            )
            for (file, sheet, code, severity), n in self.counts.items()
            if n > MAX_PROBLEMS_PER_KIND
        ]
        last = len(self.rank) + 1

        def order(p: Problem) -> tuple[int, int]:
            if p.file is None:
                return (last, 0)
            rank = self.rank.get((p.file, p.sheet), self.rank.get((p.file, None), last - 1))
            return (rank, p.line if p.line is not None else 0)

        self.problems.sort(key=order)
        # A count of unlisted problems goes after the listed ones of its file.
        for summary in summaries:
            rank = order(summary)[0]
            at = next(
                (i for i, p in enumerate(self.problems) if order(p)[0] > rank), len(self.problems)
            )
            self.problems.insert(at, summary)
        return DataResult(observations, self.problems, self.files)


def _blank(cells: Sequence[Cell]) -> bool:
    try:
        return not "".join(cells).strip()  # type: ignore[arg-type]
    except TypeError:
        return False  # a number is content


def _sheet_rows(ws: object) -> Iterator[tuple[int, list[Cell]]]:
    """Rows of a read-only sheet as plain cells: empty as ``""``, numbers as numbers, and a
    number shown as a percentage (stored 0.985, shown 98.5%) as the text Excel shows."""
    for line, row in enumerate(ws.iter_rows(), start=1):  # type: ignore[attr-defined]
        cells: list[Cell] = []
        for c in row:
            v = c.value
            if v is None:
                cells.append("")
            elif v.__class__ is bool:
                cells.append("TRUE" if v else "FALSE")  # as Excel shows it; not a number
            elif v.__class__ is float or v.__class__ is int:
                fmt = getattr(c, "number_format", None)
                if fmt and "%" in fmt:
                    cells.append(f"{round(v * 100, 10)!r}%")
                else:
                    cells.append(v)
            else:
                cells.append(v)
        yield line, cells


def _import_openpyxl() -> Any:
    """openpyxl, imported without numpy when numpy is not loaded yet.

    openpyxl imports numpy only to recognise numpy numbers written into cells; reading
    never needs it, and importing it would add about a tenth of a second to every run
    that reads a workbook.
    """
    import sys

    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        import openpyxl

        return openpyxl
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` fail
    try:
        import openpyxl
    finally:
        del sys.modules["numpy"]
    return openpyxl


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


__all__ = [
    "MAX_FILE_BYTES",
    "DataResult",
    "FileInfo",
    "expand_paths",
    "read_indicators",
]
