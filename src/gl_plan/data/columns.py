"""Recognise the header of an indicator table: which column holds what, and in which shape.

Three shapes arrive:

- **long**: one row per region, period and indicator, with ``value`` and/or ``numerator``
  and ``denominator`` (and an optional ``note``). The count columns may be named by the
  plan's own numerator and denominator names (``在园幼儿数``, ``3至5岁适龄人口数``);
- **wide**: ``region, period`` and one column per indicator or count, holding values (a
  table of count columns without an indicator column is wide: each count feeds the
  indicators it is a part of);
- **form**: the statistical form, one row per indicator: ``指标名称, 计量单位, 本期数,
  上年同期数``.

Headers may be English or Chinese; case, width, spacing and punctuation are forgiven
(``Region``, ``区 县``, ``县（市、区）`` all work), and so is a unit after the name
(``学前教育三年毛入园率(%)``, ``…（单位：%）``). A header may take two rows: a group name
merged over the measures below it (``学前教育`` over ``三年毛入园率(%)``), read together by
:func:`combine_rows`. The region and period columns may be missing when the title line,
the file or sheet name, or the caller says which region and period the table is about.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from gl_plan.data.headers import INDICATOR_HEADERS, Role, header_keys, lookup, without_unit
from gl_plan.data.wording import joined, quoted
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Message, _, pgettext
from gl_plan.names import normalise_name
from gl_plan.periods import Period, PeriodError, parse_period
from gl_plan.plan.models import Plan

#: The texts once looked up as ``data.role.*``, by the rest of that key.
_DATA_ROLE = {
    "subunit": _("sub-unit (township, school)"),
    "serial": _("serial number"),
    "change": _("change"),
    "region": _("region"),
    "period": _("period"),
    "indicator": pgettext("data.role.indicator", "indicator"),
    "value": _("value"),
    "numerator": _("numerator"),
    "denominator": _("denominator"),
    "note": _("note"),
    "unit": _("unit"),
    "current": _("current"),
    "previous": _("previous"),
}


_ROLE_OF: dict[str, Role] = lookup(INDICATOR_HEADERS)

#: Non-blank rows examined for a header, so a title line above the table is skipped.
MAX_HEADER_SEARCH_ROWS = 5


@dataclass
class Columns:
    """Where each role sits (0-based column indexes) in a recognised header."""

    shape: Literal["long", "wide", "form"]
    labels: list[str]
    #: Columns up to the last labelled one; cells beyond it must be empty.
    width: int
    region: int | None = None
    #: None: the period comes from outside the table (title line, file name, caller).
    period: int | None = None
    indicator: int | None = None
    #: The indicators whose counts the count columns are, when the plan's names label
    #: them (empty: labelled ``numerator``/``分子``, any indicator's).
    count_for: frozenset[str] = frozenset()
    #: Form shape: columns headed by a period (``2024年 | 2025年``), each that period's.
    period_cols: list[tuple[int, Period]] = field(default_factory=list)
    #: Form shape: the same period a year earlier (``上年同期数``), and the unit column.
    previous: int | None = None
    unit: int | None = None
    value: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    #: Wide shape: (column, indicator id) for each indicator column.
    wide: list[tuple[int, str]] = field(default_factory=list)
    #: Wide shape: (column, count id) for each count column (在园幼儿数, 3至5岁人口).
    count_cols: list[tuple[int, str]] = field(default_factory=list)
    #: Further region columns (a name beside a code), checked against the first.
    region_alt: list[int] = field(default_factory=list)
    #: The row label column names sub-units (乡镇, 学校) rather than regions of the plan.
    subunit: bool = False
    #: Columns whose cells are ignored (blank or unknown labels, notes).
    ignored: set[int] = field(default_factory=set)

    def label(self, col: int) -> str:
        return self.labels[col] if 0 <= col < len(self.labels) else f"column {col + 1}"


Label = (
    tuple[Literal["role"], Role] | tuple[Literal["indicator"], str] | tuple[Literal["count"], str]
)


def resolve_label(label: str, plan: Plan) -> Label | None:
    """What a header label names: a role, an indicator, or a count (see
    :mod:`gl_plan.plan.counts` for how a count's spellings are compared)."""
    for key in header_keys(label):
        role = _ROLE_OF.get(key)
        if role is not None:
            return ("role", role)
        indicator = plan.indicator_lookup.get(key)
        if indicator is not None:
            return ("indicator", indicator)
    count = plan.count_table.resolve(label)
    if count is not None:
        return ("count", count)
    return None


def teach_line(label: str, plan: Plan) -> str:
    """The YAML line that would teach the plan ``label``: an alias of the count or indicator
    it most resembles (a rate's label ends in 率)."""
    text = without_unit(label).strip()
    if text.endswith(("率", "比", "占比")):
        names = {i.id: i.name.zh for i in plan.indicators}
        where = "indicators"
    else:
        names = {c.id: c.name.zh for c in plan.count_table.counts.values() if "." not in c.id}
        where = "counts"
    scored = sorted(names, key=lambda k: -difflib.SequenceMatcher(None, text, names[k]).ratio())
    guess = scored[0] if scored else "..."
    return f"{where}: - id: {guess} … aliases: [{text}]"


def _period_label(label: str) -> Period | None:
    """The period a column header names (``2024年``, ``2025Q3``), or None."""
    try:
        return parse_period(label)
    except PeriodError:
        return None


def looks_like_labels(cells: Sequence[object], plan: Plan) -> bool:
    """Whether a row can be the lower row of a two-row header: text only, no number, period
    or region name (which a data row has)."""
    for cell in cells:
        text = _cell_text(cell)
        if not text:
            continue
        if isinstance(cell, int | float) or _NUMBERISH.fullmatch(text):
            return False
        if plan.resolve_region(text) is not None:
            return False
        try:
            parse_period(text)
        except PeriodError:
            continue
        return False
    return True


_NUMBERISH = re.compile(r"[\s+\-\d.,%，．％]+")


def combine_rows(top: Sequence[object], bottom: Sequence[object], plan: Plan) -> list[str]:
    """A header of two rows read as one: each column's group name (merged across the
    columns below it, so it stands only over the first) with its measure. A column takes
    the first of group + measure, measure, group that names something; else the measure
    (or the group) as written."""
    width = max(len(top), len(bottom))
    labels: list[str] = []
    group = ""
    for i in range(width):
        above = _cell_text(top[i]) if i < len(top) else ""
        below = _cell_text(bottom[i]) if i < len(bottom) else ""
        if above:
            group = above
        elif not below:
            group = ""
        g = above or (group if below else "")
        candidates = [g + below, below, g] if g and below else [below or g]
        chosen = next((c for c in candidates if resolve_label(c, plan) is not None), None)
        labels.append(chosen if chosen is not None else (below or g))
    return labels


@dataclass
class HeaderResult:
    columns: Columns | None
    problems: list[Problem]


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def recognise(
    cells: Sequence[object],
    plan: Plan,
    *,
    file: str,
    line: int,
    sheet: str | None,
    region_known: bool,
    period_known: bool = False,
) -> HeaderResult:
    """Read one row as a header.

    Returns the columns, or ``None`` with the reason when the row is not a usable header.
    Problems that do not make the header unusable (a blank label in the middle, an unknown
    column in a long file) come back as warnings beside the columns. ``region_known`` and
    ``period_known``: the table's region and period are known from outside it, so their
    columns may be missing.
    """
    labels = [_cell_text(c) for c in cells]
    if labels:
        labels[0] = labels[0].removeprefix("\ufeff")
    last = max((i for i, lab in enumerate(labels) if lab), default=-1)
    width = last + 1
    problems: list[Problem] = []

    def problem(
        message: Message, code: Code, col: int | None = None, *, warning: bool = False
    ) -> None:
        problems.append(
            Problem(
                message,
                file=file,
                line=line,
                column=None if col is None else col + 1,
                field=None if col is None else (labels[col] or None),
                severity=Severity.WARNING if warning else Severity.ERROR,
                code=code,
                sheet=sheet,
            )
        )

    roles: dict[Role, int] = {}
    wide: list[tuple[int, str]] = []
    wide_seen: dict[str, int] = {}
    unknown: list[int] = []
    region_alt: list[int] = []
    blank: list[int] = []
    count_cols: list[tuple[int, str]] = []
    period_cols: list[tuple[int, Period]] = []
    ignored_quietly: list[int] = []
    count_seen: dict[str, int] = {}
    duplicate = False
    for col in range(width):
        label = labels[col]
        if not label:
            blank.append(col)
            continue
        found = resolve_label(label, plan)
        if found == ("role", "region") and normalise_name(label) == "单位" and "indicator" in roles:
            found = ("role", "unit")  # 项目 | 单位 | 数值: the unit of measure, not the office
        if found is None and (period := _period_label(label)) is not None:
            period_cols.append((col, period))
        elif found is None:
            unknown.append(col)
        elif found[0] == "role":
            role = found[1]
            if role == "region" and role in roles:
                # 地区代码 beside 地区名称 is common; the second is checked against the first.
                region_alt.append(col)
            elif role in roles:
                first = labels[roles[role]]
                problem(
                    _(
                        "two columns hold the {role}: {first!r} (column {column}) and "
                        "{label!r}; remove one",
                        role=_DATA_ROLE[role],
                        first=first,
                        column=roles[role] + 1,
                        label=label,
                    ),
                    Code.DUPLICATE_LABEL,
                    col,
                )
                duplicate = True
            else:
                roles[role] = col
        elif found[0] == "indicator":
            indicator = found[1]
            if indicator in wide_seen:
                problem(
                    _(
                        "two columns hold indicator {indicator}: column {column} and "
                        "{label!r}; remove one",
                        indicator=indicator,
                        column=wide_seen[indicator] + 1,
                        label=label,
                    ),
                    Code.DUPLICATE_LABEL,
                    col,
                )
                duplicate = True
            else:
                wide_seen[indicator] = col
                wide.append((col, indicator))
        elif found[1] in count_seen:
            unknown.append(col)  # the same count twice: the second is reported below
        else:
            count_seen[found[1]] = col
            count_cols.append((col, found[1]))

    for quiet in ("serial", "change"):
        if quiet in roles:
            ignored_quietly.append(roles.pop(quiet))
    subunit = "subunit" in roles and "region" not in roles
    if "subunit" in roles:
        col = roles.pop("subunit")
        if subunit:
            roles["region"] = col
        else:
            ignored_quietly.append(col)
    # A row label column headed 指标 beside indicator and count columns holds the regions
    # (临桂 | 在园幼儿数 | … | 高中阶段毛入学率).
    if (
        "indicator" in roles
        and "region" not in roles
        and (wide or count_cols)
        and not {"value", "current", "numerator", "denominator"} & roles.keys()
    ):
        roles["region"] = roles.pop("indicator")
    # Count columns beside an indicator column: the numerator and denominator of the
    # indicators whose counts both columns are.
    count_for: frozenset[str] = frozenset()
    table = plan.count_table
    if "indicator" in roles and count_cols and not {"numerator", "denominator"} & roles.keys():
        for (ncol, nid), (dcol, did) in itertools.permutations(count_cols, 2):
            both = frozenset(
                f.indicator
                for f in table.feeds.get(nid, ())
                if f.part == "numerator" and table.parts.get((f.indicator, "denominator")) == did
            )
            if both:
                count_for = both
                roles["numerator"], roles["denominator"] = ncol, dcol
                break
    if "indicator" in roles:
        unknown.extend(c for c, _ in count_cols if c not in roles.values())
        count_cols = []
    has_indicator = "indicator" in roles
    long_ok = has_indicator and (
        "value" in roles or ("numerator" in roles and "denominator" in roles)
    )
    form_ok = "indicator" in roles and ("current" in roles or period_cols) and "value" not in roles
    has_period = "period" in roles or period_known or (form_ok and bool(period_cols))
    if not form_ok:
        unknown.extend(c for c, _ in period_cols)
    found_text = joined([quoted(lab) for lab in labels[:width] if lab]) or _("nothing")
    recognised = bool(roles) or bool(wide) or bool(count_cols)
    usable = has_period and (
        long_ok or form_ok or (bool(wide or count_cols) and "indicator" not in roles)
    )
    if not usable:
        if (long_ok or form_ok or wide or count_cols) and "period" not in roles:
            reason = _(
                "no period column, and neither the title line nor the file name says "
                "which period the data is for (name it like {example}, or add a period "
                "column)",
                example="450321_阳朔县_2026Q3.csv",
            )
            problem(reason, Code.MISSING_LABEL if recognised and len(roles) > 1 else Code.NO_HEADER)
            return HeaderResult(None, problems)
        if "indicator" in roles and "period" in roles:
            reason = _("a long table needs a value column, or numerator and denominator columns")
        else:
            reason = _(
                "expected region, period, indicator and value (or numerator and "
                "denominator), or region, period and one column per indicator, or "
                "{form_name} and {form_current}",
                form_name="指标名称",
                form_current="本期数",
            )
        problem(
            _("no usable header: {reason}; found {found}", reason=reason, found=found_text),
            Code.NO_HEADER,
        )
        return HeaderResult(None, problems)
    if duplicate:
        return HeaderResult(None, problems)
    if "region" not in roles and not region_known:
        problem(
            _(
                "no region column, and neither the title line nor the file or sheet name "
                "says which region the data is for (name it like {example}, or add a "
                "region column)",
                example="450321_阳朔县.csv",
            ),
            Code.MISSING_LABEL,
        )
        return HeaderResult(None, problems)

    shape: Literal["long", "wide", "form"] = "long" if long_ok else "form" if form_ok else "wide"
    cols = Columns(
        shape=shape,
        labels=labels,
        width=width,
        region=roles.get("region"),
        period=roles.get("period"),
        indicator=roles.get("indicator"),
        value=roles.get("current") if shape == "form" else roles.get("value"),
        numerator=roles.get("numerator"),
        denominator=roles.get("denominator"),
        region_alt=region_alt,
        count_for=count_for,
        subunit=subunit,
    )
    cols.ignored.update(ignored_quietly)
    if shape == "form":
        cols.period_cols = period_cols if "current" not in roles else []
        cols.previous = roles.get("previous")
        cols.unit = roles.get("unit")
        if cols.unit is not None:
            cols.ignored.add(cols.unit)
        # A form's counts are rows of their own, not columns.
        unknown.extend(roles[r] for r in ("numerator", "denominator") if r in roles)
        cols.numerator = cols.denominator = None
        unknown.extend(col for col, _ in wide)
    elif shape == "long":
        # An indicator-named column in a long table is not read: say so rather than drop it.
        unknown.extend(col for col, _ in wide)
        unknown.extend(roles[r] for r in ("current", "previous") if r in roles)
        if "unit" in roles:
            ignored_quietly.append(roles["unit"])
    else:
        cols.wide = wide
        cols.count_cols = count_cols
        unknown.extend(
            roles[r]
            for r in ("value", "numerator", "denominator", "current", "previous", "unit")
            if r in roles
        )
    if "note" in roles:
        cols.ignored.add(roles["note"])
    for col in sorted(set(unknown)):
        cols.ignored.add(col)
        if col not in roles.values() and resolve_label(labels[col], plan) is None:
            # One warning naming the column and the line that teaches it; the rest of the
            # header stays usable.
            # In a wide table the column's numbers are figures that would be lost: an error
            # (the rest of the header is still read); elsewhere a column beside the figures.
            wide_shape = shape == "wide" and not subunit
            problem(
                _(
                    "column {label!r} is not recognised and not read; if it is a count or "
                    "an indicator, teach it once with one line in the plan: {yaml}",
                    label=labels[col],
                    yaml=teach_line(labels[col], plan),
                ),
                Code.UNKNOWN_INDICATOR if wide_shape else Code.EXTRA_LABEL,
                col,
                warning=not wide_shape,
            )
        else:
            problem(
                _(
                    "column {label!r} is ignored (expected region, period, indicator, "
                    "value, numerator, denominator or note)",
                    label=labels[col],
                ),
                Code.EXTRA_LABEL,
                col,
                warning=True,
            )
    for col in blank:
        cols.ignored.add(col)
        problem(
            _("column {column} has no label; any value in it is an error", column=col + 1),
            Code.BLANK_LABEL,
            col,
            warning=True,
        )
    return HeaderResult(cols, problems)
