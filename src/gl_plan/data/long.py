"""The long layout: one row per region, period and indicator.

Each row gives a value, or a numerator and a denominator, or both (checked against each
other with the indicator's unit: percent ×100, ratio ×1, per thousand ×1000). A row whose
indicator cell names a count of the plan (荔浦 | 幼儿园在园人数 | 11523) is that count;
a region's counts for a period are joined to its rate rows by
:func:`~gl_plan.data.assemble.assemble`.
"""

from __future__ import annotations

from collections.abc import Iterable

from gl_plan.data.assemble import Given, assemble
from gl_plan.data.body import Kind, Row
from gl_plan.data.observations import Observation
from gl_plan.data.rowchecks import (
    alt_regions_ok,
    bad_counts,
    ignored_empty,
    in_range,
    out_of_range,
    region_ok,
)
from gl_plan.data.table import Reading, Records, Table, TableCells, report_at, sayer
from gl_plan.data.values import CellError, cell_text, number
from gl_plan.data.wording import joined
from gl_plan.errors import Code, Severity
from gl_plan.i18n import Message, _, pgettext
from gl_plan.periods import Period

#: The texts once looked up as ``data.unit.*``, by the rest of that key.
_DATA_UNIT = {
    "percent": _("percent"),
    "ratio": pgettext("data.unit.ratio", "ratio"),
    "per_thousand": _("per_thousand"),
    "count": _("count"),
    "years": _("years"),
    "amount": _("amount"),
}


#: What number cells are called in messages.
_VALUE = _("value")
_COUNT_NAMES: dict[str, Message] = {
    "numerator": _("numerator"),
    "denominator": _("denominator"),
}


def read_long(rows: Iterable[Row], t: Table, cells_of: TableCells, r: Reading) -> Records:
    """One observation per usable row. A table cut short (:attr:`Kind.STOPPED`) gives its
    rows' figures, but no figure joined from count rows: its other rows may be missing."""
    cols = t.columns
    rcol, icol = cols.region, cols.indicator
    vcol, ncol, dcol = cols.value, cols.numerator, cols.denominator
    check_ignored = any(not cols.labels[c] for c in cols.ignored)
    out: list[Observation] = []
    #: Rows naming a count (荔浦 | 幼儿园在园人数 | 11523), gathered by region and period.
    named: dict[tuple[str, Period], dict[str, Given]] = {}
    stopped = False
    for row in rows:
        if row.kind is not Kind.DATA:
            stopped = stopped or row.kind is Kind.STOPPED
            continue
        line, cells = row.line, row.cells
        ok = True
        period = cells_of.period(cells)
        if isinstance(period, CellError):
            report_at(r, t, line, cols.period, period.code, period.message)
            ok = False
        if check_ignored and not ignored_empty(r, t, cells, line):
            ok = False
        region = cells_of.region(cells[rcol] if rcol is not None else "")
        indicator: str | CellError = (
            cells_of.indicator(cells[icol])
            if icol is not None
            else CellError(Code.MISSING_CELL, _("no indicator"))
        )
        if isinstance(region, CellError):
            report_at(r, t, line, rcol, region.code, region.message)
            ok = False
        elif not region_ok(r, t, region, line, rcol):
            ok = False
        count_id = (
            r.plan.count_table.resolve(cell_text(cells[icol]))
            if isinstance(indicator, CellError) and icol is not None and vcol is not None
            else None
        )
        if count_id is not None and ok and isinstance(region, str):
            assert vcol is not None
            assert isinstance(period, Period)
            try:
                amount = number(cells[vcol], cell_text(cells[icol or 0]), percent=False)
            except CellError as exc:
                report_at(r, t, line, vcol, exc.code, exc.message)
                continue
            if amount is not None:
                label = cell_text(cells[icol or 0])
                given = Given(amount, line, vcol, label)
                named.setdefault((region, period), {})[count_id] = given
            continue
        if isinstance(indicator, CellError):
            report_at(r, t, line, icol, indicator.code, indicator.message)
            ok = False
        if (
            isinstance(region, str)
            and isinstance(indicator, str)
            and cols.region_alt
            and not alt_regions_ok(r, t, cells, line, region)
        ):
            ok = False
        value = num = den = None
        try:
            if vcol is not None:
                ind = indicator if isinstance(indicator, str) else None
                value = r.rate(cells[vcol], _VALUE, vcol in t.scaled, ind)
        except CellError as exc:
            report_at(r, t, line, vcol, exc.code, exc.message)
            ok = False
        for col, what in ((ncol, "numerator"), (dcol, "denominator")):
            if col is None:
                continue
            try:
                count = number(cells[col], _COUNT_NAMES[what], percent=False)
            except CellError as exc:
                report_at(r, t, line, col, exc.code, exc.message)
                ok = False
                continue
            if what == "numerator":
                num = count
            else:
                den = count
        if not ok:
            continue
        assert isinstance(region, str)
        assert isinstance(indicator, str)
        assert isinstance(period, Period)
        if cols.count_for and indicator not in cols.count_for and (num, den) != (None, None):
            report_at(
                r,
                t,
                line,
                ncol,
                Code.INCONSISTENT_VALUE,
                _(
                    "columns {numerator!r} and {denominator!r} are the counts of "
                    "{indicators}, not of {indicator}; row not used",
                    numerator=cols.label(ncol or 0),
                    denominator=cols.label(dcol or 0),
                    indicators=joined(sorted(cols.count_for)),
                    indicator=indicator,
                ),
            )
            continue
        value, swapped = value_of(r, t, line, indicator, value, num, den)
        if value is None:
            continue
        if swapped:
            num, den = den, num
        where = vcol if vcol is not None else ncol
        if out_of_range(r, t, line, where, value, indicator, (num, den)):
            continue
        out.append(Observation(region, period, indicator, value, num, den, t.source, line))
    if not stopped:
        out = _named_counts(r, t, named, out)
    return Records(tuple(out))


def _named_counts(
    r: Reading,
    t: Table,
    named: dict[tuple[str, Period], dict[str, Given]],
    read: list[Observation],
) -> list[Observation]:
    """A long table's count rows joined to its rate rows, by region and period: each
    indicator's figure from its rate and counts (see :mod:`~gl_plan.data.assemble`)."""
    out = list(read)
    for (region, period), counts in named.items():
        rates: dict[str, Given] = {}
        for o in [o for o in out if o.region == region and o.period == period]:
            if not o.has_counts:
                out.remove(o)
                rates[o.indicator] = Given(o.value, o.line or 0, t.columns.value, o.indicator)
        figures = assemble(r.plan, region, period, rates, counts, t.source, sayer(r, t))
        out.extend(in_range(r, t, figures))
    out.sort(key=lambda o: o.line or 0)
    return out


def value_of(
    r: Reading,
    t: Table,
    line: int,
    indicator: str,
    value: float | None,
    num: float | None,
    den: float | None,
) -> tuple[float | None, bool]:
    """The row's value: as given, or from its counts with the indicator's unit, checked
    against each other; None (reported) when the row cannot be used. The second item
    says the counts were found swapped (the value matches them the other way round)."""
    cols = t.columns
    vcol = cols.value
    if num is None and den is None:
        if value is None:
            where = vcol if vcol is not None else cols.numerator
            report_at(
                r,
                t,
                line,
                where,
                Code.MISSING_CELL,
                _("no value, and no numerator and denominator"),
            )
        return value, False
    if num is None or den is None or num < 0 or den <= 0:
        bad_counts(r, t, line, num, den)
        return None, False
    scale = r.scales[indicator]
    if scale is None:
        unit = r.plan.indicator_by_id[indicator].unit.value
        message = _(
            "{indicator} is a {unit}, not a rate: it has no numerator and denominator; "
            "row not used",
            indicator=indicator,
            unit=_DATA_UNIT[unit],
        )
        report_at(r, t, line, cols.numerator, Code.CONSTRAINT_ERROR, message)
        return None, False
    # num * scale / den rounds once: 9850 and 10000 give exactly 98.5.
    computed = num * scale / den
    if value is None:
        return computed, False
    if abs(value - computed) > r.tolerance and num > 0:
        inverse = den * scale / num
        if abs(value - inverse) <= r.tolerance:
            message = _(
                "{indicator}: {numerator:g}/{denominator:g} = {computed:.2f} does not "
                "give the reported rate {value:g}, while {denominator:g}/{numerator:g} = "
                "{inverse:.2f} does: numerator and denominator swapped ({nlabel!r} and "
                "{dlabel!r}); read swapped",
                indicator=indicator,
                numerator=num,
                denominator=den,
                computed=computed,
                inverse=inverse,
                value=value,
                nlabel=cols.label(cols.numerator or 0),
                dlabel=cols.label(cols.denominator or 0),
            )
            report_at(r, t, line, cols.numerator, Code.INCONSISTENT_VALUE, message,
                      Severity.WARNING)  # fmt: skip
            return value, True
    if abs(value - computed) > r.tolerance:
        message = _(
            "value {value:g} does not match numerator/denominator × {scale:g} = "
            "{computed:.4g} (tolerance {tolerance:g})",
            value=value,
            scale=scale,
            computed=computed,
            tolerance=r.tolerance,
        )
        report_at(r, t, line, vcol, Code.INCONSISTENT_VALUE, message)
        return None, False
    return value, False
