"""The first step of reading a table: the grid of cells one CSV file or one sheet gave.

A table is read as a pipeline of named steps, each a function of what the one before gave:

1. **grid** (here): the file's or sheet's rows as ``(line, cells)``, with what its name
   says (:class:`Grid`). A CSV file's rows are streamed from the file; a sheet's are in
   memory;
2. **header** (:mod:`~gl_plan.data.header`): the header row found below any title lines,
   which gives the :class:`~gl_plan.data.table.Table` (its columns and layout, and the
   region and period known from outside it);
3. **body** (:mod:`~gl_plan.data.body`): the rows below the header sorted into data rows,
   total rows and notes, blank runs and ragged rows reported;
4. **records**, one module per layout, each a function of the rows and the table:
   :mod:`~gl_plan.data.long`, :mod:`~gl_plan.data.wide` (and
   :mod:`~gl_plan.data.subunits`), :mod:`~gl_plan.data.form`;
5. **checks**: total rows against the rows above (:mod:`~gl_plan.data.totals`), and the
   notes on what was skipped (:mod:`~gl_plan.data.notes`).

:func:`~gl_plan.data.pipeline.read_table` runs them in that order. Every step reports its
problems, located, to the one ``report`` it is given, as it finds them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from gl_plan.data.context import Known
from gl_plan.data.observations import Observation
from gl_plan.data.sources import FileInfo
from gl_plan.decoding import RowError
from gl_plan.errors import Problem
from gl_plan.i18n import Foreign, Message, _

#: A cell as a reader gives it: text from a CSV file; text, a number or a date from a sheet.
Cell = object
Rows = Iterable[tuple[int, Sequence[Cell]]]
Report = Callable[[Problem], None]
#: Called with (file, sheet) as each table starts: problems are listed in that order.
Seen = Callable[[str, str | None], None]


@dataclass(frozen=True)
class Grid:
    """One CSV file or one sheet, as rows of cells, before anything is recognised."""

    file: str
    sheet: str | None
    #: What the file or sheet name says: the region (and period) the table is about.
    named: Known
    #: A sheet: rows are short when their last cells are empty (a CSV row must be whole),
    #: and rates may be stored as fractions.
    spreadsheet: bool
    #: The CSV file's encoding, or the workbook's format (``xlsx``...), as listed.
    encoding: str
    rows: Rows


@dataclass(frozen=True)
class TableResult:
    """What one table gave: what it turned out to be, and its observations."""

    info: FileInfo
    #: Why no usable header was found (not yet reported: the caller decides how).
    failure: tuple[Problem, ...]
    observations: tuple[Observation, ...]


def describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def blank(cells: Sequence[Cell]) -> bool:
    return all(isinstance(c, str) and not c.strip() for c in cells)


def read_error(exc: csv.Error | UnicodeDecodeError) -> Message:
    """Why a table's rows could not be read on: a row the csv module could not split, or
    text that does not decode."""
    if isinstance(exc, RowError):
        return exc.reason
    if isinstance(exc, UnicodeDecodeError):
        return Foreign(str(exc.reason), _("the text does not decode in the file's encoding"))
    return Foreign(describe(exc), _("malformed CSV"))
