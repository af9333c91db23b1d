"""Recognise the header of an indicator table: which column holds what, and in which shape.

Two shapes arrive (issue 3):

- **long**: one row per region, period and indicator, with ``value`` and/or ``numerator``
  and ``denominator`` (and an optional ``note``);
- **wide**: ``region, period`` and one column per indicator, holding values.

Headers may be English or Chinese; case, width, spacing and punctuation are forgiven
(``Region``, ``区 县``, ``县（市、区）`` all work). The region column may be missing when the
file or sheet name says which county the file is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from gl_plan.data.headers import INDICATOR_HEADERS, Role, lookup
from gl_plan.errors import Problem, Severity
from gl_plan.plan.models import Plan, normalise_name

_ROLE_OF: dict[str, Role] = lookup(INDICATOR_HEADERS)

#: Non-blank rows examined for a header, so a title line above the table is skipped.
MAX_HEADER_SEARCH_ROWS = 5


@dataclass
class Columns:
    """Where each role sits (0-based column indexes) in a recognised header."""

    shape: Literal["long", "wide"]
    labels: list[str]
    #: Columns up to the last labelled one; cells beyond it must be empty.
    width: int
    region: int | None = None
    period: int = -1
    indicator: int | None = None
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
) -> HeaderResult:
    """Read one row as a header.

    Returns the columns, or ``None`` with the reason when the row is not a usable header.
    Problems that do not make the header unusable (a blank label in the middle, an unknown
    column in a long file) come back as warnings beside the columns.
    """
    labels = [_cell_text(c) for c in cells]
    if labels:
        labels[0] = labels[0].removeprefix("\ufeff")
    last = max((i for i, lab in enumerate(labels) if lab), default=-1)
    width = last + 1
    problems: list[Problem] = []

    def problem(msg: str, code: str, col: int | None = None, *, warning: bool = False) -> None:
        problems.append(
            Problem(
                msg,
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
    duplicate = False
    for col in range(width):
        label = labels[col]
        if not label:
            blank.append(col)
            continue
        key = normalise_name(label)
        role = _ROLE_OF.get(key)
        if role is not None:
            if role == "region" and role in roles:
                # 地区代码 beside 地区名称 is common; the second is checked against the first.
                region_alt.append(col)
            elif role in roles:
                first = labels[roles[role]]
                problem(
                    f"two columns hold the {role}: {first!r} (column {roles[role] + 1}) "
                    f"and {label!r}; remove one",
                    "duplicate-label",
                    col,
                )
                duplicate = True
            else:
                roles[role] = col
            continue
        indicator = plan.resolve_indicator(label)
        if indicator is not None:
            if indicator in wide_seen:
                problem(
                    f"two columns hold indicator {indicator}: column {wide_seen[indicator] + 1} "
                    f"and {label!r}; remove one",
                    "duplicate-label",
                    col,
                )
                duplicate = True
            else:
                wide_seen[indicator] = col
                wide.append((col, indicator))
            continue
        unknown.append(col)

    found = ", ".join(repr(lab) for lab in labels[:width] if lab) or "nothing"
    long_ok = "indicator" in roles and (
        "value" in roles or ("numerator" in roles and "denominator" in roles)
    )
    usable = "period" in roles and (long_ok or (bool(wide) and "indicator" not in roles))
    if not usable:
        if "indicator" in roles and "period" in roles:
            reason = "a long table needs a value column, or numerator and denominator columns"
        else:
            reason = (
                "expected region, period, indicator and value (or numerator and denominator), "
                "or region, period and one column per indicator"
            )
        problem(f"no usable header: {reason}; found {found}", "no-header")
        return HeaderResult(None, problems)
    if duplicate:
        return HeaderResult(None, problems)
    if "region" not in roles and not region_known:
        problem(
            "no region column, and the file or sheet name does not say which region the "
            "data is for (name it like 450321_阳朔县.csv, or add a region column)",
            "missing-label",
        )
        return HeaderResult(None, problems)

    shape: Literal["long", "wide"] = "long" if long_ok else "wide"
    cols = Columns(
        shape=shape,
        labels=labels,
        width=width,
        region=roles.get("region"),
        period=roles["period"],
        indicator=roles.get("indicator"),
        value=roles.get("value"),
        numerator=roles.get("numerator"),
        denominator=roles.get("denominator"),
        region_alt=region_alt,
    )
    if shape == "long":
        # An indicator-named column in a long table is not read: say so rather than drop it.
        unknown.extend(col for col, _ in wide)
    else:
        cols.wide = wide
        unknown.extend(roles[r] for r in ("value", "numerator", "denominator") if r in roles)
    if "note" in roles:
        cols.ignored.add(roles["note"])
    for col in sorted(unknown):
        cols.ignored.add(col)
        if shape == "wide" and col not in roles.values():
            # In a wide table a column is an indicator; an unknown one would drop its numbers.
            problem(
                f"unknown indicator {labels[col]!r}: not an id or name of an indicator in the "
                "plan; its column is not read",
                "unknown-indicator",
                col,
            )
        else:
            problem(
                f"column {labels[col]!r} is ignored (expected region, period, indicator, value, "
                "numerator, denominator or note)",
                "extra-label",
                col,
                warning=True,
            )
    for col in blank:
        cols.ignored.add(col)
        problem(
            f"column {col + 1} has no label; any value in it is an error",
            "blank-label",
            col,
            warning=True,
        )
    return HeaderResult(cols, problems)
