"""Read one CSV indicator file: decoded and split by :mod:`gl_plan.decoding`, rows streamed to the
table reader under the row limit.

A file over :data:`~gl_plan.limits.MAX_INDICATOR_ROWS` rows is refused whole: reading
stops at the first row past the limit and none of the file's rows are used.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from gl_plan.data.context import from_name
from gl_plan.data.grid import Grid, TableResult
from gl_plan.data.pipeline import read_table
from gl_plan.data.sources import FileInfo
from gl_plan.data.table import Reading
from gl_plan.decoding import detect_encoding, iter_rows
from gl_plan.errors import Code, Problem
from gl_plan.i18n import _
from gl_plan.limits import MAX_INDICATOR_ROWS

_Row = TypeVar("_Row")
ADVICE = _("split it, save it as CSV, or check that this is the right file")


class TooManyRows(Exception):
    """Raised from inside a file's rows when they pass the row limit."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem.message))
        self.problem = problem


def too_many_rows(file: str, line: int | None) -> Problem:
    return Problem(
        _(
            "more than {limit:,} rows; an indicator file may have at most {limit:,} "
            "({advice}); reading stopped and none of the file's rows are used",
            limit=MAX_INDICATOR_ROWS,
            advice=ADVICE,
        ),
        file=file,
        line=line,
        code=Code.TOO_MANY_ROWS,
    )


def limit_rows(rows: Iterable[tuple[int, _Row]], file: str) -> Iterator[tuple[int, _Row]]:
    """``rows`` (line and cells) up to the row limit (header, title and blank rows
    included); the first row past it raises :class:`TooManyRows`."""
    for n, (line, cells) in enumerate(rows, start=1):
        if n > MAX_INDICATOR_ROWS:
            raise TooManyRows(too_many_rows(file, line))
        yield line, cells


def read_csv(path: Path, display: str, reader: Reading, forced: str | None) -> TableResult:
    """What the file's table gave (its encoding problems are reported); ``forced`` is the
    encoding to use. A file over the row limit gives no observations, only the problem.
    Raises :class:`OSError` when the file cannot be read."""
    with path.open("rb") as fh:
        detected = detect_encoding(fh, display, forced)
        for p in detected.problems:
            reader.report(p)
        if not detected.readable:
            return TableResult(FileInfo(display, detected.encoding, 0, "unreadable"), (), ())
        fh.seek(0)
        text = io.TextIOWrapper(fh, encoding=detected.encoding, newline="")
        named = from_name(path.name, "file name", reader.plan)
        rows = limit_rows(iter_rows(text), display)
        grid = Grid(display, None, named, spreadsheet=False, encoding=detected.encoding, rows=rows)
        try:
            return read_table(grid, reader)
        except TooManyRows as exc:
            info = FileInfo(display, detected.encoding, 0, "unreadable")
            return TableResult(info, (exc.problem,), ())
