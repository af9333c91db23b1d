"""The notes a table's reading ends with: where its region and period came from, and which
lines around it were skipped (titles, notes, signatures, totals)."""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.data.context import describe_region
from gl_plan.data.table import Reading, Table, the
from gl_plan.data.wording import SEMICOLON, joined, lines_text
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Message, _


def context_note(r: Reading, t: Table) -> None:
    """One note saying where the region and period of a table without their columns
    came from. A region from the file or sheet name alone goes without saying."""
    k, cols, line = t.known, t.columns, t.header_line
    parts: list[Message] = []
    named = k.region_from in ("file name", "sheet name")
    if cols.region is None and k.region is not None and not named:
        parts.append(_region_from(r, k.region, k.region_from))
    if cols.period is None and k.period is not None:
        parts.append(_("period {period} from {where}", period=k.period, where=the(k.period_from)))
        if k.period_note:
            parts.append(k.period_note)
    if cols.period is None and cols.region is None and k.region is not None and named and parts:
        parts.insert(0, _region_from(r, k.region, the(k.region_from)))
    if parts:
        key = (
            _("no region or period column: {parts}")
            if cols.region is None and cols.period is None
            else _("no region column: {parts}")
            if cols.region is None
            else _("no period column: {parts}")
        )
        r.report(
            Problem(
                key.format(parts=joined(parts, SEMICOLON)),
                file=t.file,
                line=line,
                severity=Severity.INFO,
                code=Code.CONTEXT,
                sheet=t.sheet,
            )
        )


def _region_from(r: Reading, region: str, where: Message | None) -> Message:
    return _("region {region} from {where}", region=describe_region(region, r.plan), where=where)


def skipped_note(r: Reading, t: Table, below: Sequence[int], totals: Sequence[int]) -> None:
    """The one note for the lines around the table that are not data: its title lines,
    the notes ``below`` it and its ``totals`` rows."""
    parts: list[Message] = []
    if t.above:
        parts.append(_("title {lines} above the header", lines=lines_text(t.above)))
    if below:
        parts.append(_("notes and signatures on {lines} below the data", lines=lines_text(below)))
    if totals:
        parts.append(_("total rows on {lines} (not any region's)", lines=lines_text(totals)))
    if not parts:
        return
    first = min([*t.above, *below, *totals], default=t.header_line)
    r.report(
        Problem(
            _("skipped, not data: {parts}", parts=joined(parts, SEMICOLON)),
            file=t.file,
            line=first,
            severity=Severity.INFO,
            code=Code.SKIPPED_ROWS,
            sheet=t.sheet,
        )
    )
