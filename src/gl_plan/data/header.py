"""The second step: find a table's header in its grid, below any title lines.

The first non-blank rows are tried in turn (at most
:data:`~gl_plan.data.columns.MAX_HEADER_SEARCH_ROWS`), each alone or with the row above it
as a two-row header (a group name over its measures). The lines passed over are the
title: what they say about the region and period is known from then on (see
:mod:`~gl_plan.data.context`). A row that is a header with a problem (a missing region
column, a duplicate label) ends the search: it is not a title line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gl_plan.data.columns import (
    MAX_HEADER_SEARCH_ROWS,
    HeaderResult,
    combine_rows,
    looks_like_labels,
    recognise,
)
from gl_plan.data.context import Known, first_known, from_title
from gl_plan.data.grid import Cell, Grid, blank, read_error
from gl_plan.data.table import Reading, Table, the
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import _


@dataclass(frozen=True)
class HeaderSearch:
    """The table, when a usable header was found; else why not."""

    table: Table | None
    #: The warnings beside a usable header (a blank label, an unknown column).
    problems: tuple[Problem, ...]
    #: Why no usable header was found.
    failure: tuple[Problem, ...]
    #: Non-blank rows read in the search.
    nonblank: int


def find_header(stream: Iterator[tuple[int, Sequence[Cell]]], g: Grid, r: Reading) -> HeaderSearch:
    """Read rows from ``stream`` until the header; the rows after it stay in ``stream``.

    :class:`csv.Error` and :class:`UnicodeDecodeError` from the stream are the failure;
    any other exception (a row limit) passes through.
    """
    failure: list[Problem] = []
    nonblank = 0
    above: list[tuple[int, Sequence[Cell]]] = []
    try:
        for line, cells in stream:
            if blank(cells):
                continue
            nonblank += 1
            known = first_known(r.stated, from_title(above, r.plan), g.named)
            found, two_rows = _header(cells, above[-1] if above else None, g, line, known, r)
            if found.columns is not None:
                expected, expected_from = (
                    (r.stated.region, r.stated.region_from)
                    if r.stated.region is not None
                    else (g.named.region, the(g.named.region_from))
                )
                table = Table(
                    file=g.file,
                    sheet=g.sheet,
                    spreadsheet=g.spreadsheet,
                    columns=found.columns,
                    header_line=line,
                    known=known,
                    expected=expected,
                    expected_from=expected_from,
                    above=tuple(n for n, _ in above[: len(above) - two_rows]),
                )
                return HeaderSearch(table, tuple(found.problems), (), nonblank)
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
                _("cannot read: {reason}", reason=read_error(exc)),
                file=g.file,
                line=getattr(exc, "line", None),
                sheet=g.sheet,
                code=Code.SOURCE_ERROR,
            )
        ]
    return HeaderSearch(None, (), tuple(failure), nonblank)


def _header(
    cells: Sequence[Cell],
    top: tuple[int, Sequence[Cell]] | None,
    g: Grid,
    line: int,
    known: Known,
    r: Reading,
) -> tuple[HeaderResult, int]:
    """The row read as a header, or with the row above it as a two-row header (a group
    name over its measures), whichever has fewer errors (the row alone on a tie).
    Returns the result and how many rows above it belong to the header (0 or 1)."""

    def attempt(labels: Sequence[object]) -> HeaderResult:
        return recognise(
            labels,
            r.plan,
            file=g.file,
            line=line,
            sheet=g.sheet,
            region_known=known.region is not None,
            period_known=known.period is not None,
        )

    alone = attempt(cells)
    if top is None or top[0] != line - 1 or not looks_like_labels(cells, r.plan):
        return alone, 0
    both = attempt(combine_rows(top[1], cells, r.plan))

    def errors(result: HeaderResult) -> tuple[int, int, int]:
        bad = sum(p.severity is Severity.ERROR for p in result.problems)
        return (result.columns is None, bad, len(result.problems))

    if both.columns is not None and errors(both) < errors(alone):
        return both, 1
    return alone, 0
