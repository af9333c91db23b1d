"""Total rows (``合计``, ``总计``, ``小计``, ``全县``, ``全市``) of a table listing regions.

A total is not any region's figure: it is never read as the parent region's (the parent's
figure is summed from its counties, level by level). It is checked against the rows above
it (a ``小计`` against the rows since the previous total, any other total against every
region row above) and a warning names both figures when they disagree by more than
rounding: counts must add up exactly (to 0.5), a count or amount indicator's values too,
and a rate must match the sum of the numerators over the sum of the denominators (within
the plan's ``rate_tolerance``), which can only be checked when the rows give counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.data.columns import Columns
from gl_plan.data.observations import Observation
from gl_plan.data.table import Reading, Table, TableCells
from gl_plan.data.values import CellError, cell_text, number
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Message, _
from gl_plan.names import normalise_name
from gl_plan.periods import Period

_SUBTOTAL = normalise_name("小计")
#: Counts are whole numbers: a total off by less than half a unit is rounding.
COUNT_TOLERANCE = 0.5


def check_totals(
    r: Reading,
    t: Table,
    cells_of: TableCells,
    totals: Sequence[tuple[int, Sequence[object]]],
    out: Sequence[Observation],
) -> None:
    """Check each of the ``totals`` rows (line, cells) of ``t`` against the observations
    read above it."""
    cols = t.columns
    previous_total = 0
    for line, cells in totals:
        label = _label(cells, cols)
        start = previous_total if normalise_name(label) == _SUBTOTAL else 0
        above = [o for o in out if o.line is not None and start < o.line < line]
        previous_total = line
        for indicator, period, value, num, den in _figures(cells_of, cells, cols):
            rows = [o for o in above if o.indicator == indicator and o.period == period]
            if rows:
                _check(r, t, line, label, indicator, period, value, num, den, rows)


def _label(cells: Sequence[object], cols: Columns) -> str:
    if cols.region is not None and cell_text(cells[cols.region]):
        return cell_text(cells[cols.region])
    return next((text for c in cells if (text := cell_text(c))), "")


def _figures(
    cells_of: TableCells, cells: Sequence[object], cols: Columns
) -> list[tuple[str, Period, float | None, float | None, float | None]]:
    """(indicator, period, value, numerator, denominator) of a total row; cells that cannot
    be read are left out of the check."""
    period = cells_of.period(cells)
    if isinstance(period, CellError):
        return []

    def read(col: int | None, percent: bool) -> float | None:
        if col is None:
            return None
        try:
            return number(cells[col], "total", percent=percent)
        except CellError:
            return None

    if cols.shape == "wide":
        return [(ind, period, read(col, True), None, None) for col, ind in cols.wide]
    if cols.indicator is None:
        return []
    found = cells_of.indicator(cells[cols.indicator])
    if not isinstance(found, str):
        return []
    indicator = found
    return [
        (
            indicator,
            period,
            read(cols.value, True),
            read(cols.numerator, False),
            read(cols.denominator, False),
        )
    ]


def _check(
    r: Reading,
    t: Table,
    line: int,
    label: str,
    indicator: str,
    period: Period,
    value: float | None,
    num: float | None,
    den: float | None,
    rows: list[Observation],
) -> None:
    unit = r.plan.indicator_by_id[indicator].unit
    findings: list[Message] = []
    if unit.summable:
        if value is not None:
            expected = sum(o.value for o in rows)
            if abs(value - expected) > COUNT_TOLERANCE:
                findings.append(
                    _(
                        "gives {value:g}, but the {n} rows above add up to {expected:g}",
                        value=value,
                        n=len(rows),
                        expected=expected,
                    )
                )
    elif all(o.numerator is not None and o.denominator is not None for o in rows):
        nums = sum(o.numerator or 0.0 for o in rows)
        dens = sum(o.denominator or 0.0 for o in rows)
        if num is not None and abs(num - nums) > COUNT_TOLERANCE:
            findings.append(
                _(
                    "numerator {value:g}, but the rows above add up to {expected:g}",
                    value=num,
                    expected=nums,
                )
            )
        if den is not None and abs(den - dens) > COUNT_TOLERANCE:
            findings.append(
                _(
                    "denominator {value:g}, but the rows above add up to {expected:g}",
                    value=den,
                    expected=dens,
                )
            )
        scale = unit.scale
        if value is not None and scale is not None and dens > 0:
            expected = nums * scale / dens
            if abs(value - expected) > r.tolerance:
                findings.append(
                    _(
                        "gives {value:g}, but the rows above give {expected:.4g} (their "
                        "numerators over their denominators, "
                        "{numerators:g}/{denominators:g})",
                        value=value,
                        expected=expected,
                        numerators=nums,
                        denominators=dens,
                    )
                )
    for finding in findings:
        r.report(
            Problem(
                _(
                    "total row {label!r} ({indicator} {period}) {finding}; the total is "
                    "not used either way (check the rows)",
                    label=label,
                    indicator=indicator,
                    period=period,
                    finding=finding,
                ),
                file=t.file,
                line=line,
                severity=Severity.WARNING,
                code=Code.TOTAL_MISMATCH,
                sheet=t.sheet,
            )
        )
