"""Read a filled template back: its sheets in, observations and located problems out.

Exact, with no heuristic: the hidden sheet (:data:`~gl_plan.forms.layout.KEYS_SHEET`) says
the plan, the period, each form sheet's region and what every figure row is, whatever the
county typed in the title or named the file. What is checked: the plan and the period
against the file's name and ``--period`` (another plan's or period's template is refused,
naming both), each sheet's region against the file's name and ``--region``, counts whole
and not negative, rates in the plausible range and agreeing with their counts.

A rate cell holds a formula of its counts. Excel and WPS store the formula's result with
it; a file written by openpyxl (or filled by a script) has none, and python-calamine reads
such a cell as empty. So an empty rate cell beside both counts is the rate computed from
them, never a missing or zero rate; a stored result equal to the formula's rounding is
replaced by the exact quotient; a rate typed over the formula is the county's figure, and
must agree with its counts within ``settings.rate_tolerance``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from gl_plan.data.context import Known, describe_region, within
from gl_plan.data.observations import Observation
from gl_plan.data.values import CellError, cell_text, number
from gl_plan.errors import Code, Problem, Severity
from gl_plan.forms.layout import (
    CURRENT_COLUMN,
    KEYS_SHEET,
    MARKER,
    PREVIOUS_COLUMN,
    RATE_DECIMALS,
    TEMPLATE_VERSION,
    previous_period,
)
from gl_plan.i18n import Message, _
from gl_plan.periods import Period, PeriodError, parse_period
from gl_plan.plan.models import Plan

#: The texts once looked up as ``data.what.*``, by the rest of that key.
_DATA_WHAT = {
    "value": _("value"),
    "numerator": _("numerator"),
    "denominator": _("denominator"),
}


#: A workbook's sheets as the spreadsheet reader gives them: name, then numbered rows.
Sheets = Sequence[tuple[str, Sequence[tuple[int, Sequence[object]]]]]


@dataclass(frozen=True)
class _Key:
    """One line of the keys: the figure of ``indicator`` in ``role`` is at ``row``."""

    row: int
    indicator: str
    role: str
    numerator_row: int | None
    denominator_row: int | None


@dataclass
class FormSheet:
    """What one form sheet gave."""

    sheet: str
    region: str
    observations: list[Observation] = field(default_factory=list)
    #: Figure cells the county filled (本期数).
    filled: int = 0


@dataclass
class FormRead:
    """A filled template: its keys, each form sheet's figures, every problem found.

    ``refused`` is set when the whole file is not used (another plan, another period, a
    damaged key sheet); its reason is among ``problems``.
    """

    plan: str | None
    period: Period | None
    sheets: list[FormSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refused: bool = False


def is_template(sheets: Sheets) -> bool:
    """Whether the workbook is a glplan template: its key sheet starts with the marker."""
    for name, rows in sheets:
        if name == KEYS_SHEET and rows and rows[0][1] and cell_text(rows[0][1][0]) == MARKER:
            return True
    return False


@dataclass(frozen=True)
class FormContext:
    """What the reader checks a template against: the plan, the as-of date, the region and
    period the caller states (``--region``/``--period``) and the file's name says."""

    plan: Plan
    as_of: date
    file: str
    stated: Known
    named: Known


def read_template(sheets: Sheets, ctx: FormContext) -> FormRead:
    """The observations of a filled template (see the module docstring)."""
    by_name = dict(sheets)
    keys = by_name[KEYS_SHEET]
    try:
        header, lines = _keys(keys)
    except (ValueError, IndexError, PeriodError) as exc:
        detail = str(exc) or type(exc).__name__
        return _refused(
            ctx,
            _(
                "the template's hidden sheet {sheet} is damaged ({detail}); make a new one "
                "with glplan template",
                sheet=KEYS_SHEET,
                detail=detail,
            ),
        )
    version, plan_id, period = header
    if version != TEMPLATE_VERSION:
        return _refused(
            ctx,
            _(
                "template version {found} cannot be read (this glplan reads version "
                "{supported}); make a new one with glplan template",
                found=version,
                supported=TEMPLATE_VERSION,
            ),
        )
    if plan_id != ctx.plan.plan.id:
        return _refused(
            ctx,
            _(
                "a template of plan {found!r}, but the plan checked is {expected!r}",
                found=plan_id,
                expected=ctx.plan.plan.id,
            ),
        )
    for known in (ctx.stated, ctx.named):
        if known.period is not None and known.period != period:
            where = _where(known.period_from)
            return _refused(
                ctx,
                _(
                    "the template is for {found}, but {where} says {expected}",
                    found=period,
                    where=where,
                    expected=known.period,
                ),
            )
    if period.end > ctx.as_of:
        return _refused(
            ctx,
            _(
                "period {period} ends on {end}, after the as-of date {as_of}",
                period=period,
                end=period.end,
                as_of=ctx.as_of,
            ),
            Code.FUTURE_PERIOD,
        )
    out = FormRead(plan_id, period)
    order = [name for name, _ in sheets if name != KEYS_SHEET]
    for position, (sheet, (region, rows)) in enumerate(lines.items()):
        found = sheet if sheet in by_name else _renamed(order, position, len(lines))
        if found is None:
            out.problems.append(
                Problem(
                    _(
                        "the template has no sheet {sheet!r} (the form of {region}); do "
                        "not delete or rename sheets",
                        sheet=sheet,
                        region=describe_region(region, ctx.plan),
                    ),
                    file=ctx.file,
                    code=Code.MISSING_LABEL,
                )
            )
            continue
        if _wrong_region(ctx, found, region, out.problems):
            continue
        out.sheets.append(_read_sheet(ctx, found, region, period, rows, by_name[found], out))
    return out


def _refused(ctx: FormContext, message: Message, code: Code = Code.SOURCE_ERROR) -> FormRead:
    return FormRead(None, None, [], [Problem(message, file=ctx.file, code=code)], refused=True)


def _where(found_in: Message | None) -> Message:
    names = {"file name": _("the file name"), "sheet name": _("the sheet name")}
    if isinstance(found_in, str):
        return names.get(found_in, found_in)
    return found_in if found_in is not None else ""


def _renamed(order: Sequence[str], position: int, forms: int) -> str | None:
    """The sheet at the form's position when the county renamed it (the form sheets come
    first, then the instructions), or None when sheets were added or deleted."""
    return order[position] if len(order) == forms + 1 else None


def _wrong_region(ctx: FormContext, sheet: str, region: str, problems: list[Problem]) -> bool:
    for known in (ctx.stated, ctx.named):
        if known.region is not None and not within(region, known.region, ctx.plan):
            problems.append(
                Problem(
                    _(
                        "sheet {sheet!r} is the form of {found}, but {where} says {expected}",
                        sheet=sheet,
                        found=describe_region(region, ctx.plan),
                        where=_where(known.region_from),
                        expected=describe_region(known.region, ctx.plan),
                    ),
                    file=ctx.file,
                    sheet=sheet,
                    code=Code.WRONG_REGION,
                )
            )
            return True
    return region not in ctx.plan.region_by_code


def _keys(
    rows: Sequence[tuple[int, Sequence[object]]],
) -> tuple[tuple[int, str, Period], dict[str, tuple[str, list[_Key]]]]:
    """The header (version, plan, period) and, per form sheet, its region and keys."""
    cells = {line: [cell_text(c) for c in row] for line, row in rows}
    version = int(float(cells[1][1]))
    plan_id, period = cells[2][1], parse_period(cells[3][1])
    lines: dict[str, tuple[str, list[_Key]]] = {}
    for line in sorted(cells):
        if line <= 5 or not any(cells[line]):
            continue
        sheet, region, row, indicator, role, num, den = (cells[line] + [""] * 7)[:7]
        key = _Key(int(float(row)), indicator, role, _row(num), _row(den))
        lines.setdefault(sheet, (region, []))[1].append(key)
    return (version, plan_id, period), lines


def _row(text: str) -> int | None:
    return int(float(text)) if text else None


@dataclass
class _Grid:
    """One form sheet's cells by (row, column), and where its problems go."""

    ctx: FormContext
    sheet: str
    rows: dict[int, Sequence[object]]
    problems: list[Problem]
    #: Rows of counts that feed more than one rate (在园幼儿总数).
    shared: set[int] = field(default_factory=set)

    def cell(self, row: int, col: int) -> object:
        values = self.rows.get(row, ())
        return values[col - 1] if len(values) >= col else ""

    def problem(
        self, row: int | None, message: Message, code: Code, label: str | None = None
    ) -> None:
        self.problems.append(
            Problem(
                message,
                file=self.ctx.file,
                line=row,
                column=CURRENT_COLUMN if row is not None else None,
                field=label,
                code=code,
                sheet=self.sheet,
            )
        )


def _read_sheet(
    ctx: FormContext,
    sheet: str,
    region: str,
    period: Period,
    keys: list[_Key],
    rows: Sequence[tuple[int, Sequence[object]]],
    out: FormRead,
) -> FormSheet:
    feeds = Counter(k.row for k in keys if k.role != "value")
    grid = _Grid(ctx, sheet, dict(rows), out.problems, {row for row, n in feeds.items() if n > 1})
    got = FormSheet(sheet, region)
    names = {k.row: cell_text(grid.cell(k.row, 1)) or k.indicator for k in keys}
    counts = {
        k.row: _count(grid, k.row, names[k.row])
        for k in keys
        if k.role in ("numerator", "denominator")
    }
    got.filled = sum(1 for row in names if cell_text(grid.cell(row, CURRENT_COLUMN)))
    for k in keys:
        if k.role == "value":
            obs = _figure(grid, k, region, period, names[k.row], counts)
            if obs is not None:
                got.observations.append(obs)
    formulas = {k.row for k in keys if k.numerator_row is not None}
    if any(_typed(grid.cell(row, PREVIOUS_COLUMN), row in formulas) for row in names):
        label = cell_text(grid.cell(3, PREVIOUS_COLUMN)) or "D"
        out.problems.append(
            Problem(
                _(
                    "column {label!r} (the same period a year earlier, {before}) is not "
                    "read: that period's figures come from its own files",
                    label=label,
                    before=previous_period(period),
                ),
                file=ctx.file,
                severity=Severity.INFO,
                code=Code.PREVIOUS_YEAR,
                sheet=sheet,
            )
        )
    return got


def _typed(value: object, formula: bool) -> bool:
    """Whether a cell holds a figure: not empty, and not a formula's blank result (0 in an
    .xls that LibreOffice saved)."""
    return bool(cell_text(value)) and not (formula and value == 0)


def _count(grid: _Grid, row: int, name: str) -> float | None:
    value = grid.cell(row, CURRENT_COLUMN)
    try:
        x = number(value, name, percent=False)
    except CellError as exc:
        grid.problem(row, exc.message, exc.code, name)
        return None
    if x is not None and (x < 0 or not x.is_integer()):
        message = _(
            "{what} must be a whole number, 0 or more; found {value}",
            what=name,
            value=cell_text(value),
        )
        grid.problem(row, message, Code.CONSTRAINT_ERROR, name)
        return None
    return x


def _figure(
    grid: _Grid,
    k: _Key,
    region: str,
    period: Period,
    name: str,
    counts: dict[int, float | None],
) -> Observation | None:
    """One indicator's figure: typed, computed from its counts, or both (checked)."""
    plan = grid.ctx.plan
    indicator = plan.indicator_by_id.get(k.indicator)
    if indicator is None:
        grid.problem(
            k.row,
            _(
                "{name!r} is not an indicator of the plan, nor an indicator's numerator or "
                "denominator; row not read",
                name=k.indicator,
            ),
            Code.UNKNOWN_INDICATOR,
        )
        return None
    scale = indicator.unit.scale
    try:
        typed = number(grid.cell(k.row, CURRENT_COLUMN), name, percent=scale == 100.0)
    except CellError as exc:
        grid.problem(k.row, exc.message, exc.code, name)
        return None
    num = counts.get(k.numerator_row) if k.numerator_row is not None else None
    den = counts.get(k.denominator_row) if k.denominator_row is not None else None
    if typed == 0 and k.numerator_row is not None and (num is None or den is None):
        # The formula's blank result, as an .xls saved by LibreOffice stores it.
        typed = None
    if (num is None) != (den is None):
        present = k.numerator_row if den is None else k.denominator_row
        if typed is None and present in grid.shared:
            return None  # the count was typed for another rate it feeds: this one is not sent
        missing, at = (
            ("denominator", k.denominator_row) if den is None else ("numerator", k.numerator_row)
        )
        message = _(
            "{what} missing: give both numerator and denominator, or neither",
            what=_DATA_WHAT[missing],
        )
        grid.problem(at, message, Code.MISSING_CELL, name)
        return None
    value = typed
    if num is not None and den is not None and scale is not None:
        if den == 0:
            grid.problem(k.denominator_row, _("denominator is zero"), Code.CONSTRAINT_ERROR)
            return None
        computed = num / den * scale
        if typed is None or abs(typed - round(computed, RATE_DECIMALS)) < 1e-9:
            value = computed  # the formula's result (or none stored): the exact quotient
        elif abs(typed - computed) > plan.settings.rate_tolerance:
            message = _(
                "{what} is {value}, but numerator {numerator} / denominator {denominator} "
                "gives {computed}",
                what=name,
                value=typed,
                numerator=format(num, "g"),
                denominator=format(den, "g"),
                computed=format(computed, f".{RATE_DECIMALS}f"),
            )
            grid.problem(k.row, message, Code.INCONSISTENT_VALUE, name)
            return None
    if value is None:
        return None  # not reported: the status lists it as missing
    low, high = indicator.plausible_range.min, indicator.plausible_range.max
    if not low <= value <= high:
        key = (
            _("value {value:.4g} is negative ({low:g} to {high:g} for this indicator)")
            if value < 0
            else _(
                "value {value:.4g} is outside the plausible range ({low:g} to {high:g} for "
                "this indicator)",
            )
        )
        grid.problem(
            k.row, key.format(value=value, low=low, high=high), Code.CONSTRAINT_ERROR, name
        )
        return None
    source = f"{grid.ctx.file}[{grid.sheet}]"
    return Observation(region, period, indicator.id, value, num, den, source, k.row)
