"""What the form asks: one row per count and per rate the plan needs, in plan order.

DHIS2's Bulk Load generates a data set's template from the data elements (the counts) and
the indicators over them; glplan's plan names each rate's numerator and denominator, so the
counts are those names, each asked once however many rates use it (在园幼儿总数 is the
denominator of two). A rate whose counts are both asked is a formula of them in the
template, so a county that types counts sees its rate, and one that has only the rate types
over the formula.

The keys that make reading exact live here too: the hidden sheet's name and marker, the
template version, the columns of the figures. The writer and the reader both take them
from this module.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final, Literal

from gl_plan.i18n import Lang, _, pgettext
from gl_plan.periods import Period
from gl_plan.plan.models import Indicator, Plan, Text, Unit

#: The texts once looked up as ``form.unit.*``, by the rest of that key.
_FORM_UNIT = {
    "persons": _("persons"),
    "count": pgettext("form.unit.count", "count"),
    "percent": _("%"),
    "ratio": pgettext("form.unit.ratio", "ratio"),
    "per_thousand": _("per 1,000"),
    "years": pgettext("form.unit.years", "years"),
}


#: The hidden sheet holding the keys; its first cell is :data:`MARKER`.
KEYS_SHEET: Final = "_glplan"
MARKER: Final = "glplan_template"
#: Bumped when the layout changes in a way an older reader would misread.
TEMPLATE_VERSION: Final = 1
#: Rows above the first figure: the title, the reporting unit and period, the header.
FIRST_ROW: Final = 4
#: 1-based columns: 指标名称, 计量单位, 本期数, 上年同期数, 备注.
NAME_COLUMN, UNIT_COLUMN, CURRENT_COLUMN, PREVIOUS_COLUMN, NOTE_COLUMN = 1, 2, 3, 4, 5
#: Decimals a rate formula rounds to: what the statistical forms print.
RATE_DECIMALS: Final = 2

Role = Literal["numerator", "denominator", "value"]
RowKind = Literal["count", "rate", "value"]


@dataclass(frozen=True)
class FormRow:
    """One row of the form: a count, a rate, or an indicator reported as a plain value.

    ``uses`` lists what the row's figure is, for each indicator it feeds: a count feeds
    one or more indicators as numerator or denominator; a rate or value row is its
    indicator's ``value``. ``numerator_row`` and ``denominator_row`` are the sheet rows of
    a rate's counts (both or neither).
    """

    row: int
    kind: RowKind
    name: Text
    uses: tuple[tuple[str, Role], ...]
    unit: Unit | None
    low: float | None = None
    high: float | None = None
    definition: Text | None = None
    numerator_row: int | None = None
    denominator_row: int | None = None
    scale: float | None = None

    @property
    def whole(self) -> bool:
        """Whether only whole numbers are accepted (counts of people or things)."""
        return self.kind == "count" or self.unit is Unit.COUNT


def form_rows(plan: Plan) -> list[FormRow]:
    """The form's rows for ``plan``: per indicator its counts (each once), then its rate.

    >>> [r.kind for r in form_rows(plan)][:3]  # doctest: +SKIP
    ['count', 'count', 'rate']
    """
    rows: list[FormRow] = []
    uses: dict[int, list[tuple[str, Role]]] = {}  # a count's row → what it feeds
    counts: dict[str, FormRow] = {}  # a count's id (the plan's count table) → its row
    table = plan.count_table
    for indicator in plan.indicators:
        rows_of: dict[Role, int] = {}
        if indicator.unit.scale is not None:
            roles: tuple[Literal["numerator", "denominator"], ...] = ("numerator", "denominator")
            for role in roles:
                declared = table.count_of(indicator.id, role)
                if declared is None:
                    continue
                count = counts.get(declared.id)
                if count is None:
                    count = counts[declared.id] = FormRow(
                        FIRST_ROW + len(rows), "count", declared.name, (), None
                    )
                    rows.append(count)
                    uses[count.row] = []
                uses[count.row].append((indicator.id, role))
                rows_of[role] = count.row
        rows.append(_indicator_row(indicator, FIRST_ROW + len(rows), rows_of))
    return [replace(r, uses=tuple(uses[r.row]), low=0.0) if r.kind == "count" else r for r in rows]


def _indicator_row(indicator: Indicator, row: int, counts: dict[Role, int]) -> FormRow:
    both = "numerator" in counts and "denominator" in counts
    return FormRow(
        row,
        "rate" if indicator.unit.scale is not None else "value",
        indicator.name,
        ((indicator.id, "value"),),
        indicator.unit,
        indicator.plausible_range.min,
        indicator.plausible_range.max,
        indicator.definition,
        counts["numerator"] if both else None,
        counts["denominator"] if both else None,
        indicator.unit.scale,
    )


def unit_label(row: FormRow, plan: Plan, lang: Lang) -> str:
    """The 计量单位 cell: 人 for a count, % for a percentage, the plan's label for an amount."""
    if row.kind == "count":
        return _("persons").text(lang)
    indicator = plan.indicator_by_id[row.uses[0][0]]
    if indicator.unit_label is not None:
        return indicator.unit_label.get(lang)
    return _FORM_UNIT[indicator.unit.value].text(lang)


#: A quarter as a form's title writes it, by its number.
_QUARTERS: Final = {
    1: _("Q1 {year}"),
    2: _("Q2 {year}"),
    3: _("Q3 {year}"),
    4: _("Q4 {year}"),
}


def period_words(period: Period, lang: Lang) -> str:
    """``2026年第三季度`` / ``Q3 2026``: the period as a form's title writes it."""
    if period.quarter is None:
        return _("{year}", year=period.year).text(lang)
    return _QUARTERS[period.quarter].format(year=period.year).text(lang)


def template_name(code: str, name: str, period: Period) -> str:
    """``450321_阳朔县_2026Q3.xlsx``: code, name and period, which the readers also see."""
    return f"{code}_{name}_{period}.xlsx"


def previous_period(period: Period) -> Period:
    """上年同期: the same quarter (or year) a year earlier."""
    return Period(period.year - 1, period.quarter)
