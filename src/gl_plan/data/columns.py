"""Recognise the header of an indicator table: which column holds what, and in which shape.

Three shapes arrive:

- **long**: one row per region, period and indicator, with ``value`` and/or ``numerator``
  and ``denominator`` (and an optional ``note``). The count columns may be named by the
  plan's own numerator and denominator names (``在园幼儿数``, ``3至5岁适龄人口数``); when they
  name one indicator's counts, no indicator column is needed;
- **wide**: ``region, period`` and one column per indicator, holding values;
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

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from gl_plan.data.headers import INDICATOR_HEADERS, Role, header_keys, lookup
from gl_plan.data.wording import joined, quoted
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Message, _, pgettext
from gl_plan.periods import PeriodError, parse_period
from gl_plan.plan.models import Plan, normalise_name

#: What a column holds, as a message names it.
_DATA_ROLE = {
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
    #: The one indicator a long table without an indicator column is about (its count
    #: columns are named by that indicator's numerator and denominator).
    fixed_indicator: str | None = None
    #: The indicators whose counts the count columns are, when the plan's names label
    #: them (empty: labelled ``numerator``/``分子``, any indicator's).
    count_for: frozenset[str] = frozenset()
    #: Form shape: the same period a year earlier (``上年同期数``), and the unit column.
    previous: int | None = None
    unit: int | None = None
    value: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    #: Wide shape: (column, indicator id) for each indicator column.
    wide: list[tuple[int, str]] = field(default_factory=list)
    #: Further region columns (a name beside a code), checked against the first.
    region_alt: list[int] = field(default_factory=list)
    #: Columns whose cells are ignored (blank or unknown labels, notes).
    ignored: set[int] = field(default_factory=set)

    def label(self, col: int) -> str:
        return self.labels[col] if 0 <= col < len(self.labels) else f"column {col + 1}"


@dataclass(frozen=True)
class CountNames:
    """The plan's numerator and denominator names (normalised, with and without a
    parenthetical qualifier: ``在园幼儿数(不分年龄)`` is also ``在园幼儿数``) → indicators."""

    numerator: dict[str, frozenset[str]]
    denominator: dict[str, frozenset[str]]


_PARENTHETICAL = re.compile(r"[(（][^()（）]*[)）]")
_COUNT_NAMES: dict[int, tuple[Plan, CountNames]] = {}


def count_names(plan: Plan) -> CountNames:
    cached = _COUNT_NAMES.get(id(plan))
    if cached is not None and cached[0] is plan:
        return cached[1]
    maps: dict[str, dict[str, set[str]]] = {"numerator": {}, "denominator": {}}
    for ind in plan.indicators:
        for kind, text in (("numerator", ind.numerator), ("denominator", ind.denominator)):
            if text is None:
                continue
            for name in (text.zh, text.en):
                for form in (name, _PARENTHETICAL.sub("", name)):
                    key = normalise_name(form)
                    if key:
                        maps[kind].setdefault(key, set()).add(ind.id)
    names = CountNames(
        {k: frozenset(v) for k, v in maps["numerator"].items()},
        {k: frozenset(v) for k, v in maps["denominator"].items()},
    )
    _COUNT_NAMES[id(plan)] = (plan, names)
    return names


Label = (
    tuple[Literal["role"], Role]
    | tuple[Literal["indicator"], str]
    | tuple[Literal["numerator", "denominator"], frozenset[str]]
)


def resolve_label(label: str, plan: Plan) -> Label | None:
    """What a header label names: a role, an indicator, or an indicator's counts."""
    names = count_names(plan)
    for key in header_keys(label):
        role = _ROLE_OF.get(key)
        if role is not None:
            return ("role", role)
        indicator = plan.indicator_lookup.get(key)
        if indicator is not None:
            return ("indicator", indicator)
        if key in names.numerator:
            return ("numerator", names.numerator[key])
        if key in names.denominator:
            return ("denominator", names.denominator[key])
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
    counts: dict[str, tuple[int, frozenset[str]]] = {}
    duplicate = False
    for col in range(width):
        label = labels[col]
        if not label:
            blank.append(col)
            continue
        found = resolve_label(label, plan)
        if found is None:
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
        elif found[0] in counts:
            unknown.append(col)  # a second column of the same kind of count: reported below
        else:
            counts[found[0]] = (col, found[1])

    # Count columns named by the plan: the numerator and denominator of the indicators
    # both names belong to.
    count_for: frozenset[str] = frozenset()
    if (
        "numerator" in counts
        and "denominator" in counts
        and not ("numerator" in roles or "denominator" in roles)
    ):
        count_for = counts["numerator"][1] & counts["denominator"][1]
        if count_for:
            roles["numerator"] = counts["numerator"][0]
            roles["denominator"] = counts["denominator"][0]
    unknown.extend(
        col
        for kind, (col, _) in counts.items()
        if roles.get("numerator" if kind == "numerator" else "denominator") != col
    )
    fixed: str | None = None
    if "indicator" not in roles and len(count_for) == 1:
        [fixed] = count_for
        # The indicator's own column beside its counts is its value.
        own = [col for col, ind in wide if ind == fixed]
        if own and "value" not in roles:
            roles["value"] = own[0]
        wide = [(col, ind) for col, ind in wide if col not in own]
    has_indicator = "indicator" in roles or fixed is not None
    long_ok = has_indicator and (
        "value" in roles or ("numerator" in roles and "denominator" in roles)
    )
    form_ok = "indicator" in roles and "current" in roles and "value" not in roles
    has_period = "period" in roles or period_known
    found_text = joined([quoted(lab) for lab in labels[:width] if lab]) or _("nothing")
    recognised = bool(roles) or bool(wide)
    usable = has_period and (
        long_ok or form_ok or (bool(wide) and "indicator" not in roles and not fixed)
    )
    if not usable:
        if (long_ok or form_ok or wide) and "period" not in roles:
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
        fixed_indicator=fixed,
        count_for=count_for,
    )
    if shape == "form":
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
        unknown.extend(roles[r] for r in ("current", "previous", "unit") if r in roles)
    else:
        cols.wide = wide
        unknown.extend(
            roles[r]
            for r in ("value", "numerator", "denominator", "current", "previous", "unit")
            if r in roles
        )
    if "note" in roles:
        cols.ignored.add(roles["note"])
    for col in sorted(set(unknown)):
        cols.ignored.add(col)
        if (
            shape == "wide"
            and col not in roles.values()
            and col not in {c for c, _ in counts.values()}
        ):
            # In a wide table a column is an indicator; an unknown one would drop its numbers.
            problem(
                _(
                    "unknown indicator {label!r}: not an id or name of an indicator in "
                    "the plan; its column is not read",
                    label=labels[col],
                ),
                Code.UNKNOWN_INDICATOR,
                col,
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
