"""One table being read (a CSV file or a sheet) and what reading it gave."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from gl_plan.data.columns import Columns
from gl_plan.data.context import Known
from gl_plan.data.headers import TOTAL_LABELS
from gl_plan.data.observations import Observation
from gl_plan.data.sources import FileInfo
from gl_plan.data.values import CellError, cell_text
from gl_plan.errors import Problem
from gl_plan.i18n import Message, _
from gl_plan.plan.models import normalise_name

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
    #: What the file or sheet name says: the region (and period) the table is about.
    named: Known
    #: A sheet: rows are short when their last cells are empty (a CSV row must be whole),
    #: and rates may be stored as fractions.
    spreadsheet: bool
    region_cache: dict[object, str | CellError] = field(default_factory=dict)
    #: The region and period from outside the columns (caller, title line, name).
    known: Known = field(default_factory=Known)
    #: The region every row must belong to (the caller's, or the file or sheet name's).
    expected: str | None = None
    expected_from: Message | None = None
    #: Lines skipped above the header (titles) and below the data (notes, signatures).
    above: list[int] = field(default_factory=list)
    below: list[int] = field(default_factory=list)
    #: Total rows (合计, 全县): checked against the rows above, not used.
    totals: list[tuple[int, Sequence[object]]] = field(default_factory=list)
    #: Period texts already explained in a note (2026年1-9月 read as 2026Q3).
    period_notes: set[Message] = field(default_factory=set)

    @property
    def name_region(self) -> str | None:
        """The region for rows without one: from the caller, the title or the name."""
        return self.known.region

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


def blank(cells: Sequence[Cell]) -> bool:
    return all(isinstance(c, str) and not c.strip() for c in cells)


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
