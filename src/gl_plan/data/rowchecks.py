"""Checks on a row's cells that do not depend on the table's layout: values under blank
labels, a second region column, the region the file is for, plausible ranges, counts.
Each reports what it finds (located at the cell) and says whether the row can be used."""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.data.context import describe_region, within
from gl_plan.data.grid import Cell
from gl_plan.data.observations import Observation
from gl_plan.data.rates import out_of_range_cause
from gl_plan.data.table import Reading, Table, report_at
from gl_plan.data.values import cell_text
from gl_plan.errors import Code
from gl_plan.i18n import _

#: The texts once looked up as ``data.what.*``, by the rest of that key.
_DATA_WHAT = {
    "value": _("value"),
    "numerator": _("numerator"),
    "denominator": _("denominator"),
}


def ignored_empty(r: Reading, t: Table, cells: Sequence[Cell], line: int) -> bool:
    """Cells under a blank label must be empty (a number there would be lost)."""
    cols = t.columns
    ok = True
    for col in sorted(cols.ignored):
        if not cols.labels[col] and cell_text(cells[col]):
            message = _(
                "value {text!r} in column {column}, which has no label; row not used",
                text=cell_text(cells[col]),
                column=col + 1,
            )
            report_at(r, t, line, col, Code.EXTRA_CELL, message)
            ok = False
    return ok


def alt_regions_ok(r: Reading, t: Table, cells: Sequence[Cell], line: int, region: str) -> bool:
    """A second region column (a name beside a code) must name the same region."""
    cols = t.columns
    ok = True
    for col in cols.region_alt:
        text = cell_text(cells[col])
        if not text:
            continue
        other = r.plan.resolve_region(text)
        if other is None:
            message = _("unknown region {text!r}", text=text)
            report_at(r, t, line, col, Code.UNKNOWN_REGION, message)
            ok = False
        elif other != region:
            message = _(
                "{text!r} is region {other}, but column {label!r} says {region}; row not used",
                text=text,
                other=other,
                label=cols.label(cols.region or 0),
                region=region,
            )
            report_at(r, t, line, col, Code.INCONSISTENT_VALUE, message)
            ok = False
    return ok


def region_ok(r: Reading, t: Table, region: str, line: int, col: int | None) -> bool:
    """Whether ``region`` belongs to the file: the file or sheet name (or --region)
    names one region, the rows must be for it or the regions within it."""
    if t.expected is None or within(region, t.expected, r.plan):
        return True
    message = _(
        "this row is for {region}, but {where} says {expected}; row not used (is this the "
        "right file?)",
        region=describe_region(region, r.plan),
        where=t.expected_from,
        expected=describe_region(t.expected, r.plan),
    )
    report_at(r, t, line, col, Code.WRONG_REGION, message)
    return False


def out_of_range(
    r: Reading,
    t: Table,
    line: int,
    col: int | None,
    value: float,
    indicator: str,
    counts: tuple[float | None, float | None] = (None, None),
) -> bool:
    """Whether ``value`` is outside the indicator's plausible range (reported if so,
    with the likely cause when the row's ``counts`` tell one)."""
    lo, hi = r.ranges[indicator]
    if lo <= value <= hi:
        return False
    cause = out_of_range_cause(r.plan.indicator_by_id[indicator], value, *counts)
    if cause is not None:
        report_at(r, t, line, col, *cause)
        return True
    key = (
        _("value {value:.4g} is negative ({low:g} to {high:g} for this indicator)")
        if value < 0
        else _(
            "value {value:.4g} is outside the plausible range ({low:g} to {high:g} for this "
            "indicator)",
        )
    )
    report_at(r, t, line, col, Code.CONSTRAINT_ERROR, key.format(value=value, low=lo, high=hi))
    return True


def in_range(r: Reading, t: Table, figures: list[Observation]) -> list[Observation]:
    """The figures within their indicators' plausible ranges (the others reported)."""
    kept = []
    for o in figures:
        col = next((c for c, ind in t.columns.wide if ind == o.indicator), None)
        if not out_of_range(r, t, o.line or 0, col, o.value, o.indicator):
            kept.append(o)
    return kept


def bad_counts(r: Reading, t: Table, line: int, num: float | None, den: float | None) -> None:
    """Report why a row's counts give no value: one missing, a negative, a zero denominator."""
    cols = t.columns
    if (num is None) != (den is None):
        col, missing = (
            (cols.denominator, "denominator") if den is None else (cols.numerator, "numerator")
        )
        message = _(
            "{what} missing: give both numerator and denominator, or neither",
            what=_DATA_WHAT[missing],
        )
        report_at(r, t, line, col, Code.MISSING_CELL, message)
    elif num is not None and den is not None and (num < 0 or den < 0):
        report_at(
            r,
            t,
            line,
            cols.numerator if num < 0 else cols.denominator,
            Code.CONSTRAINT_ERROR,
            _(
                "counts cannot be negative (numerator {numerator:g}, denominator {denominator:g})",
                numerator=num,
                denominator=den,
            ),
        )
    else:
        message = _("denominator is zero")
        report_at(r, t, line, cols.denominator, Code.CONSTRAINT_ERROR, message)
