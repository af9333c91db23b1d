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

from gl_plan.data.assemble import Given, assemble
from gl_plan.data.body import Kind, Row
from gl_plan.data.columns import Columns, resolve_label, teach_line
from gl_plan.data.observations import Observation
from gl_plan.data.rowchecks import in_range, region_ok
from gl_plan.data.table import Reading, Records, Table, TableCells, report_at, sayer
from gl_plan.data.values import CellError, cell_text, number
from gl_plan.errors import Code, Severity
from gl_plan.i18n import _
from gl_plan.periods import Period, PeriodError, parse_period

#: Numbering before an indicator's name on a form: "1.", "一、", "（一）", "其中：".
_NUMBERING = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|其中\s*[:：]?)\s*"
)


def indicator_name(text: str) -> str:
    """The name on a form's row without its numbering (``1.学前教育三年毛入园率``)."""
    for _pass in range(3):
        stripped = _NUMBERING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text.strip()


_SUBROW = re.compile(r"^\s*其中\s*[:：]?|^\s{4,}")
#: A form's column-number row: 甲, 乙, 丙 over the labels, 1, 2, 3 over the figures.
_NUMBER_ROW = frozenset("甲乙丙丁戊")


def _number_row(cells: Sequence[object]) -> bool:
    texts = [cell_text(c) for c in cells if cell_text(c)]
    return (
        bool(texts)
        and texts[0] in _NUMBER_ROW
        and all(t in _NUMBER_ROW or t.isdigit() for t in texts)
    )


def read_form(rows: Iterable[Row], t: Table, cells_of: TableCells, r: Reading) -> Records:
    """A form's figures, assembled per period from all its rows.

    Each value column is read: ``本期数`` as the table's period, ``上年同期数`` as the same
    period a year earlier (``origin: prior_year_column``), or a column headed by a period
    (``2024年 | 2025年``) as that period. Rows naming a count are gathered and the figures
    assembled per period (:func:`~gl_plan.data.assemble.assemble`). A form cut short
    (:attr:`Kind.STOPPED`) gives no figure: its rates and counts may be on rows not read."""
    cols = t.columns
    assert cols.indicator is not None
    region = t.known.region
    columns = _value_columns(cols, t)
    rates: dict[int, dict[str, Given]] = {c: {} for c, _, _ in columns}
    counts: dict[int, dict[str, Given]] = {c: {} for c, _, _ in columns}
    for row in rows:
        if row.kind is not Kind.DATA:
            if row.kind is Kind.STOPPED:
                return Records(())
            continue
        line, cells = row.line, row.cells
        if _number_row(cells):
            report_at(
                r,
                t,
                line,
                None,
                Code.SKIPPED_ROWS,
                _(
                    "line {line} numbers the columns ({text}); not data",
                    line=line,
                    text=" ".join(cell_text(c) for c in cells if cell_text(c)),
                ),
                Severity.INFO,
            )
            continue
        if cols.region is not None:
            found_region = cells_of.region(cells[cols.region])
            if isinstance(found_region, CellError):
                report_at(r, t, line, cols.region, found_region.code, found_region.message)
                continue
            if not region_ok(r, t, found_region, line, cols.region):
                continue
            region = found_region
        written = cells[cols.indicator]
        raw = written if isinstance(written, str) else cell_text(written)
        name = indicator_name(raw.strip())
        values = [cells[c] for c, _, _ in columns]
        if all(not cell_text(v) for v in values):
            continue  # a blank row, or a section heading (一、学前教育)
        if not name and all(_is_period(cell_text(v)) for v in values if cell_text(v)):
            continue  # the periods under 本期 | 上年同期 (a second header row)
        found = resolve_label(name, r.plan) if name else None
        if found is None or found[0] == "role":
            if _SUBROW.match(raw) and name:
                report_at(
                    r,
                    t,
                    line,
                    cols.indicator,
                    Code.SKIPPED_ROWS,
                    _(
                        "{name!r} is an 'of which' part of the row above, not a "
                        "figure of its own; not read",
                        name=name,
                    ),
                    Severity.INFO,
                )
                continue
            if not name:
                report_at(r, t, line, cols.indicator, Code.MISSING_CELL,
                          _("no indicator name"))  # fmt: skip
                continue
            report_at(
                r,
                t,
                line,
                cols.indicator,
                Code.UNKNOWN_INDICATOR,
                _(
                    "{name!r} is not an indicator or count of the plan; row not read. If it "
                    "is one, teach it once with one line in the plan: {yaml}",
                    name=name,
                    yaml=teach_line(name, r.plan),
                ),
                Severity.WARNING,
            )
            continue
        for col, _period, _origin in columns:
            try:
                if found[0] == "count":
                    value = number(cells[col], _("numerator"), percent=False)
                else:
                    value = r.rate(cells[col], cols.label(col), col in t.scaled, found[1])
            except CellError as exc:
                report_at(r, t, line, col, exc.code, exc.message)
                continue
            if value is None:
                continue
            into = counts if found[0] == "count" else rates
            into[col][found[1]] = Given(value, line, col, name)
    out: list[Observation] = []
    if region is not None:
        for col, period, origin in columns:
            figures = assemble(r.plan, region, period, rates[col], counts[col], t.source,
                               sayer(r, t), origin)  # fmt: skip
            out.extend(in_range(r, t, figures))
    out.sort(key=lambda o: o.line or 0)
    if cols.previous is not None and t.known.period is not None:
        before = Period(t.known.period.year - 1, t.known.period.quarter)
        label = cols.label(cols.previous)
        report_at(
            r,
            t,
            None,
            cols.previous,
            Code.PREVIOUS_YEAR,
            _(
                "column {label!r} read as the same period a year earlier ({before}); used "
                "only where no file of that period gives the figure",
                label=label,
                before=before,
            ),
            Severity.INFO,
        )
    return Records(tuple(out))


def _is_period(text: str) -> bool:
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True


def _value_columns(cols: Columns, t: Table) -> list[tuple[int, Period, str]]:
    """(column, period, origin) of each value column the form has."""
    out: list[tuple[int, Period, str]] = []
    period = t.known.period
    if cols.value is not None and period is not None:
        out.append((cols.value, period, "rate"))
    if cols.previous is not None and period is not None:
        out.append((cols.previous, Period(period.year - 1, period.quarter), "prior_year_column"))
    out.extend((c, p, "rate") for c, p in cols.period_cols)
    return out
