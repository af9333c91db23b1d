"""The statistical form: one row per indicator, ``指标名称, 计量单位, 本期数, 上年同期数``.

The region and period are the table's (its title line or file name, see
:mod:`~gl_plan.data.context`). ``本期数`` is the period's figure. ``上年同期数`` is the same
period a year earlier: it is not read, with a note. That period's figures come from its own
files; read from this one too, they would conflict with a revised figure there, and a form
read alone would show a year's gap in every county's series. A row named by an indicator's
numerator or denominator (``在园幼儿数``, ``3至5岁适龄人口数``) gives that indicator's
counts: with both, the indicator's value is checked against them, or computed from them
when its own row is missing. A row naming nothing in the plan is not read (a warning): a
county's form lists more than the plan monitors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gl_plan.data.columns import Columns, resolve_label
from gl_plan.data.observations import Observation
from gl_plan.data.table import Table
from gl_plan.data.values import CellError, cell_text, number
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import _
from gl_plan.periods import Period

#: What a number cell is called in a message.
_DATA_WHAT = {
    "value": _("value"),
    "numerator": _("numerator"),
    "denominator": _("denominator"),
}


if TYPE_CHECKING:
    from gl_plan.data.rows import TableReader

#: Numbering before an indicator's name on a form: "1.", "一、", "（一）", "其中：".
_NUMBERING = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|其中\s*[:：]?)\s*"
)


@dataclass
class _Counts:
    line: int
    value: float | None
    ids: frozenset[str]


def indicator_name(text: str) -> str:
    """The name on a form's row without its numbering (``1.学前教育三年毛入园率``)."""
    for _attempt in range(3):
        stripped = _NUMBERING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text.strip()


def read_form(
    reader: TableReader,
    rows: Iterable[tuple[int, Sequence[object]]],
    cols: Columns,
    t: Table,
    scaled: set[int],
    out: list[Observation],
) -> int:
    """Read a form's rows into ``out``. Returns the number of data rows."""
    assert cols.indicator is not None
    assert cols.value is not None
    reader.counted = 0
    counts: dict[str, list[_Counts]] = {"numerator": [], "denominator": []}
    current: dict[str, Observation] = {}
    for line, cells in reader._rows(rows, cols, t):
        region = reader.resolve.region(
            cells[cols.region] if cols.region is not None else "", t.name_region, t.region_cache
        )
        if isinstance(region, CellError):
            reader._problem(t, line, cols, cols.region, region.code, region.message)
            continue
        if not reader.region_ok(region, line, cols, t, cols.region):
            continue
        period = reader.period_of(cells, cols, t)
        if isinstance(period, CellError):
            reader._problem(t, line, cols, cols.period, period.code, period.message)
            continue
        name = indicator_name(cell_text(cells[cols.indicator]))
        found = resolve_label(name, reader.plan) if name else None
        if found is None or found[0] == "role":
            if not name and not cell_text(cells[cols.value]):
                continue
            why = (
                _("no indicator name")
                if not name
                else _(
                    "{name!r} is not an indicator of the plan, nor an indicator's numerator "
                    "or denominator; row not read",
                    name=name,
                )
            )
            reader._problem(
                t,
                line,
                cols,
                cols.indicator,
                Code.MISSING_CELL if not name else Code.UNKNOWN_INDICATOR,
                why,
                Severity.ERROR if not name else Severity.WARNING,
            )
            continue
        if found[0] == "numerator" or found[0] == "denominator":
            try:
                count = number(cells[cols.value], _DATA_WHAT[found[0]], percent=False)
            except CellError as exc:
                reader._problem(t, line, cols, cols.value, exc.code, exc.message)
                continue
            counts[found[0]].append(_Counts(line, count, found[1]))
            continue
        indicator: str = found[1]
        try:
            value = reader.rate(
                cells[cols.value], cols.label(cols.value), cols.value in scaled, indicator
            )
        except CellError as exc:
            reader._problem(t, line, cols, cols.value, exc.code, exc.message)
            continue
        if value is None or reader._out_of_range(t, line, cols, cols.value, value, indicator):
            continue
        current[indicator] = Observation(
            region, period, indicator, value, None, None, t.source, line
        )
    if t.known.region is not None and t.known.period is not None:
        _with_counts(reader, t, cols, counts, current, t.known.region, t.known.period)
    out.extend(sorted(current.values(), key=lambda o: o.line or 0))
    if cols.previous is not None and t.known.period is not None:
        before = Period(t.known.period.year - 1, t.known.period.quarter)
        reader.report(
            Problem(
                _(
                    "column {label!r} (the same period a year earlier, {before}) is not "
                    "read: that period's figures come from its own files",
                    label=cols.label(cols.previous),
                    before=before,
                ),
                file=t.file,
                severity=Severity.INFO,
                code=Code.PREVIOUS_YEAR,
                sheet=t.sheet,
                field=cols.label(cols.previous),
            )
        )
    return reader.counted


def _with_counts(
    reader: TableReader,
    t: Table,
    cols: Columns,
    counts: dict[str, list[_Counts]],
    into: dict[str, Observation],
    region: str,
    period: Period,
) -> None:
    """Attach the count rows to their indicators, or make an indicator's figure from them
    when its own row is missing."""
    for indicator in reader.plan.indicators:
        nums = [c for c in counts["numerator"] if indicator.id in c.ids]
        dens = [c for c in counts["denominator"] if indicator.id in c.ids]
        if len(nums) != 1 or len(dens) != 1:
            continue
        num, den = nums[0].value, dens[0].value
        if num is None and den is None:
            continue
        given = into.get(indicator.id)
        line = given.line if given is not None and given.line is not None else nums[0].line
        value = reader.value_of(
            t, line, cols, indicator.id, given.value if given else None, num, den
        )
        if value is None:
            into.pop(indicator.id, None)
            continue
        if reader._out_of_range(t, line, cols, cols.value, value, indicator.id):
            continue
        into[indicator.id] = Observation(
            region, period, indicator.id, value, num, den, t.source, line
        )
