"""What every step after the header works from: the :class:`Reading` (the plan and where
problems go, the same for every file) and the :class:`Table` (one table once its header is
found: its columns, and the region and period known from outside them).

Both are frozen: a step gets them and returns what it found, it never changes them. The
one thing a table keeps while it is read is :class:`TableCells`, a cache of what its
region and period cells resolved to (files repeat the same few spellings row after row)
and of the period notes already given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from gl_plan.data.assemble import Say
from gl_plan.data.cells import CellReader
from gl_plan.data.columns import Columns
from gl_plan.data.context import Known
from gl_plan.data.grid import Cell, Report, Seen
from gl_plan.data.headers import TOTAL_LABELS
from gl_plan.data.observations import Observation
from gl_plan.data.rates import rate
from gl_plan.data.values import CellError, cell_text
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Message, _
from gl_plan.names import normalise_name
from gl_plan.periods import Period
from gl_plan.plan.models import Plan, Unit


@dataclass(frozen=True)
class Reading:
    """The plan the tables are read against, the as-of date, and where problems go."""

    plan: Plan
    as_of: date
    report: Report
    seen: Seen
    #: The region and period the caller states for every file (--region, --period).
    stated: Known
    cells: CellReader
    #: Each indicator's plausible range, and (percentages only) the ranges whose
    #: fractions are refused.
    ranges: dict[str, tuple[float, float]]
    percent_ranges: dict[str, tuple[float, float]]
    scales: dict[str, float | None]
    tolerance: float

    @classmethod
    def start(
        cls, plan: Plan, as_of: date, report: Report, seen: Seen, stated: Known | None = None
    ) -> Reading:
        ranges = {i.id: (i.plausible_range.min, i.plausible_range.max) for i in plan.indicators}
        return cls(
            plan=plan,
            as_of=as_of,
            report=report,
            seen=seen,
            stated=stated or Known(),
            cells=CellReader(plan, as_of),
            ranges=ranges,
            percent_ranges={i.id: ranges[i.id] for i in plan.indicators if i.unit is Unit.PERCENT},
            scales={i.id: i.unit.scale for i in plan.indicators},
            tolerance=plan.settings.rate_tolerance,
        )

    def rate(self, cell: Cell, what: Message, scaled: bool, indicator: str | None) -> float | None:
        """A rate cell of ``indicator`` (see :func:`~gl_plan.data.rates.rate`). A lone
        fraction (0.953 where the rate is about 95) is refused with the percentage it may
        mean: one fraction among percentages cannot be told from a typing mistake, so it is
        never scaled silently; a whole column of fractions is (``scaled``)."""
        bounds = None if indicator is None else self.percent_ranges.get(indicator)
        return rate(cell, what, scaled, bounds)


@dataclass(frozen=True)
class Table:
    """One CSV file or one sheet once its header is found."""

    file: str
    sheet: str | None
    spreadsheet: bool
    columns: Columns
    header_line: int
    #: The region and period from outside the columns (caller, title line, name).
    known: Known
    #: The region every row must belong to (the caller's, or the file or sheet name's).
    expected: str | None
    expected_from: Message | None
    #: Lines skipped above the header (titles).
    above: tuple[int, ...]
    #: The rate columns of a sheet read as fractions (see :mod:`~gl_plan.data.rates`).
    scaled: frozenset[int] = field(default=frozenset())

    @property
    def name_region(self) -> str | None:
        """The region for rows without one: from the caller, the title or the name."""
        return self.known.region

    @property
    def source(self) -> str:
        """The name observations carry: ``file`` or ``file[sheet]``."""
        return f"{self.file}[{self.sheet}]" if self.sheet else self.file


@dataclass(frozen=True)
class Records:
    """What a layout read from a table's rows."""

    observations: tuple[Observation, ...]
    #: The total rows were the table's region's figures (a table of sub-units), not
    #: totals to check against the rows.
    totals_read: bool = False


def report_at(
    r: Reading,
    t: Table,
    line: int | None,
    col: int | None,
    code: Code,
    message: Message,
    severity: Severity = Severity.ERROR,
) -> None:
    """Report a problem at a cell of ``t`` (``col`` None: the whole row)."""
    r.report(
        Problem(
            message,
            file=t.file,
            line=line,
            column=None if col is None else col + 1,
            field=None if col is None else t.columns.label(col),
            severity=severity,
            code=code,
            sheet=t.sheet,
        )
    )


def sayer(r: Reading, t: Table) -> Say:
    """:func:`report_at` in the shape :func:`~gl_plan.data.assemble.assemble` reports by."""

    def say(line: int, col: int | None, code: Code, message: Message, sev: Severity) -> None:
        report_at(r, t, line, col, code, message, sev)

    return say


class TableCells:
    """A table's region and period cells, each distinct cell resolved once; a period note
    (``2026年1-9月`` read as 2026Q3) is given once per table."""

    def __init__(self, r: Reading, t: Table) -> None:
        self._reading = r
        self._table = t
        self._regions: dict[object, str | CellError] = {}
        self._notes_given: set[Message] = set()

    def region(self, raw: object) -> str | CellError:
        """The region a cell names; an empty cell is the table's (from outside it)."""
        return self._reading.cells.region(raw, self._table.name_region, self._regions)

    def indicator(self, raw: object) -> str | CellError:
        return self._reading.cells.indicator(raw)

    def period(self, cells: Sequence[Cell]) -> Period | CellError:
        """A row's period: its period cell, else the table's (from outside it)."""
        r, t = self._reading, self._table
        cols = t.columns
        known = t.known.period
        raw = cells[cols.period] if cols.period is not None else ""
        if known is not None and not cell_text(raw):
            if known.end > r.as_of:
                return CellError(
                    Code.FUTURE_PERIOD,
                    _(
                        "period {period} (from {where}) ends on {end}, after the as-of "
                        "date {as_of}",
                        period=known,
                        where=the(t.known.period_from),
                        end=known.end,
                        as_of=r.as_of,
                    ),
                )
            return known
        period = r.cells.period(raw)
        if isinstance(period, Period):
            note = r.cells.period_note(raw)
            if note is not None and note not in self._notes_given:
                self._notes_given.add(note)
                r.report(
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


_NAMES: dict[str, Message] = {
    "file name": _("the file name"),
    "sheet name": _("the sheet name"),
}


def the(where: Message | None) -> Message:
    """Where a region or period was found, as a message says it: ``the file name``."""
    if isinstance(where, str):
        return _NAMES.get(where, where)
    return str(where) if where is None else where


def total_label(cells: Sequence[Cell], cols: Columns) -> str | None:
    """The label of a total row (合计, 全县): its region cell, or its first cell."""
    candidates = [cells[cols.region]] if cols.region is not None else []
    candidates += [c for c in cells[:2] if cell_text(c)][:1]
    for cell in candidates:
        text = cell_text(cell)
        if text and normalise_name(text) in TOTAL_LABELS:
            return text
    return None
