"""Rows below the county: a county's table of its townships, schools or kindergartens.

A county office often lists its 乡镇 or its schools, one row each, with a total row
(``合计``, ``全县合计``) first or last. None of those rows is the county's own figure (the
county town's kindergartens take children from the whole county: 全州镇's 125 % is not
全州县's rate). The county's figure is:

- the **total row**, checked against the sum of the rows (counts must add up to 0.5; a
  rate against the summed numerators over the summed denominators), a warning naming both
  when they do not;
- with no total row, the **sum of the rows' counts**, its rates computed from them, with a
  note (``origin: sum_of_rows``); rows with rates but no counts cannot be summed, so no
  figure is made from them (a note says so).

A row whose label is a region of the plan (the plan lists the townships) is that region's
own figure, read as any other row. A sheet of sub-units whose total repeats figures given
elsewhere (资源县's 幼儿园 sheet beside its 汇总 sheet) adds nothing a second time: a total
count that gives no figure of its own is noted, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from gl_plan.data.assemble import Given, assemble
from gl_plan.data.context import describe_region
from gl_plan.data.observations import Observation
from gl_plan.data.rowchecks import in_range
from gl_plan.data.table import Reading, Table, sayer
from gl_plan.data.totals import COUNT_TOLERANCE
from gl_plan.data.wording import lines_text
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Message, _
from gl_plan.periods import Period

#: The texts once looked up as ``data.total.*``, by the rest of that key.
_DATA_TOTAL = {
    "mismatch": _(
        "total row {label!r} ({indicator} {period}) {finding}; the total is not used "
        "either way (check the rows)",
    ),
    "sum": _("gives {value:g}, but the {n} rows above add up to {expected:g}"),
    "numerator": _("numerator {value:g}, but the rows above add up to {expected:g}"),
    "denominator": _("denominator {value:g}, but the rows above add up to {expected:g}"),
    "rate": _(
        "gives {value:g}, but the rows above give {expected:.4g} (their numerators over "
        "their denominators, {numerators:g}/{denominators:g})",
    ),
}


@dataclass(frozen=True)
class RowFigures:
    """What one row of a wide table gives: its rates by indicator, its counts by count,
    and how many of its cells were given (read or not)."""

    line: int
    rates: dict[str, Given]
    counts: dict[str, Given]
    given: int


@dataclass(frozen=True)
class SubunitRow:
    """One township's or school's row: its label and what it gives."""

    line: int
    name: str
    figures: RowFigures


def read_subunits(
    r: Reading,
    t: Table,
    region: str,
    period: Period,
    rows: list[SubunitRow],
    total: RowFigures | None,
) -> list[Observation]:
    """The figures of ``region`` (the table's) from its ``total`` row, or from the sum of
    ``rows``."""
    name = describe_region(region, r.plan)
    say = sayer(r, t)
    quiet: list[Problem] = []

    def collect(line: int, col: int | None, code: Code, message: Message, sev: Severity) -> None:
        if code is Code.MISSING_CELL and sev is Severity.ERROR and rows:
            quiet.append(
                _note(
                    t,
                    line,
                    _(
                        "the sheet lists sub-units (schools, kindergartens) with a total; not "
                        "counted again as {region}'s figures",
                        region=name,
                    ),
                )
            )
        else:
            say(line, col, code, message, sev)

    if total is not None:
        line = total.line
        figures = assemble(r.plan, region, period, total.rates, total.counts, t.source, collect)
        for o in figures:
            _check_sum(r, t, o, rows)
        out = [replace(o, origin="total_row") for o in in_range(r, t, figures)]
        r.report(
            _note(
                t,
                line,
                _(
                    "the table lists {n} sub-units (townships, schools): {region}'s figures are "
                    "its total row (line {line}); the rows are not {region}'s figures",
                    n=len(rows),
                    region=name,
                    line=line,
                ),
            )
        )
        for p in quiet[:1]:
            r.report(p)
        return out
    summed: dict[str, Given] = {}
    for row in rows:
        for cid, g in row.figures.counts.items():
            before = summed.get(cid)
            value = g.value + (before.value if before else 0.0)
            summed[cid] = Given(value, row.line if before is None else before.line, g.col, g.label)
    if not summed:
        return []
    figures = assemble(r.plan, region, period, {}, summed, t.source, say)
    out = [replace(o, origin="sum_of_rows") for o in in_range(r, t, figures)]
    lines = lines_text([row.line for row in rows])
    first = rows[0].line
    r.report(
        _note(
            t,
            first,
            _(
                "the table lists {n} sub-units (townships, schools) and no total row: {region}'s "
                "counts are the sum of the rows (lines {lines}) and its rates computed from them",
                n=len(rows),
                region=name,
                lines=lines,
            ),
        )
    )
    return out


def _check_sum(r: Reading, t: Table, total: Observation, rows: list[SubunitRow]) -> None:
    """A total's counts against the sum of the rows' counts (a warning naming both)."""
    table = r.plan.count_table
    findings: list[Message] = []
    for part in ("numerator", "denominator"):
        cid = table.parts.get((total.indicator, part))
        value = total.numerator if part == "numerator" else total.denominator
        given = [
            row.figures.counts[cid].value
            for row in rows
            if cid is not None and cid in row.figures.counts
        ]
        if value is None or len(given) != len(rows) or not given:
            continue
        expected = sum(given)
        if abs(value - expected) > COUNT_TOLERANCE:
            findings.append(_DATA_TOTAL[part].format(value=value, expected=expected))
    for finding in findings:
        r.report(
            Problem(
                _(
                    "total row {label!r} ({indicator} {period}) {finding}; the total is "
                    "not used either way (check the rows)",
                    label="合计",
                    indicator=total.indicator,
                    period=total.period,
                    finding=finding,
                ),
                file=t.file,
                line=total.line,
                severity=Severity.WARNING,
                code=Code.TOTAL_MISMATCH,
                sheet=t.sheet,
            )
        )


def _note(t: Table, line: int, message: Message) -> Problem:
    return Problem(
        message,
        file=t.file,
        line=line,
        severity=Severity.INFO,
        code=Code.SKIPPED_ROWS,
        sheet=t.sheet,
    )
