"""The notes a table's reading ends with: where its region and period came from, and which
lines around it were skipped (titles, notes, signatures, totals)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gl_plan.data.columns import Columns
from gl_plan.data.context import describe_region
from gl_plan.data.table import Table, the
from gl_plan.data.wording import joined, lines_text
from gl_plan.errors import Code, Message, Problem, Severity, msg

if TYPE_CHECKING:
    from gl_plan.data.rows import TableReader


def context_note(reader: TableReader, t: Table, cols: Columns, line: int) -> None:
    """One note saying where the region and period of a table without their columns
    came from. A region from the file or sheet name alone goes without saying."""
    k = t.known
    parts: list[Message] = []
    named = k.region_from in ("file name", "sheet name")
    if cols.region is None and k.region is not None and not named:
        parts.append(_from(reader, "data.context.region", k.region, k.region_from))
    if cols.period is None and k.period is not None:
        parts.append(msg("data.context.period", period=k.period, where=the(k.period_from)))
        if k.period_note:
            parts.append(k.period_note)
    if cols.period is None and cols.region is None and k.region is not None and named and parts:
        parts.insert(0, _from(reader, "data.context.region", k.region, the(k.region_from)))
    if parts:
        key = (
            "data.context.no_both"
            if cols.region is None and cols.period is None
            else "data.context.no_region"
            if cols.region is None
            else "data.context.no_period"
        )
        reader.report(
            Problem(
                msg(key, parts=joined(parts, "data.sep.semicolon")),
                file=t.file,
                line=line,
                severity=Severity.INFO,
                code=Code.CONTEXT,
                sheet=t.sheet,
            )
        )


def _from(reader: TableReader, key: str, region: str, where: Message | None) -> Message:
    return msg(key, region=describe_region(region, reader.plan), where=where)


def skipped_note(reader: TableReader, t: Table, header_line: int) -> None:
    """The one note for the lines around the table that are not data."""
    parts: list[Message] = []
    if t.above:
        parts.append(msg("data.skipped.title", lines=lines_text(t.above)))
    if t.below:
        parts.append(msg("data.skipped.notes", lines=lines_text(t.below)))
    if t.totals:
        parts.append(msg("data.skipped.totals", lines=lines_text([n for n, _ in t.totals])))
    if not parts:
        return
    first = min([*t.above, *t.below, *(n for n, _ in t.totals)], default=header_line)
    reader.report(
        Problem(
            msg("data.skipped", parts=joined(parts, "data.sep.semicolon")),
            file=t.file,
            line=first,
            severity=Severity.INFO,
            code=Code.SKIPPED_ROWS,
            sheet=t.sheet,
        )
    )
