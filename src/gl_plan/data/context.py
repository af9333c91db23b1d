"""The region and period a table is about when its columns do not say: stated by the caller
(``--region``/``--period``), written in the title line above the header, or in the file
or sheet name, in that order.

A county's statistical form names its county and quarter once, in its title
(``恭城瑶族自治县2026年第三季度教育主要指标``) or its file name
(``450332_恭城瑶族自治县_2026Q3.csv``), not on every row. What the file or sheet name (or
the caller) says is also what the rows are checked against: a file named for 兴安县 holding
灌阳县's rows is an error naming both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gl_plan.data.values import cell_text, region_from_name
from gl_plan.i18n import Message, _
from gl_plan.periods import Period, find_period
from gl_plan.plan.models import Plan


@dataclass
class Known:
    """A region or period known from outside the table, and where it was found: ``"file
    name"``, ``"sheet name"``, or a message (the title line, ``--region``)."""

    region: str | None = None
    region_from: Message | None = None
    period: Period | None = None
    period_from: Message | None = None
    #: How the period's text was read, when it needed reading (``2026年1-9月`` is 2026Q3).
    period_note: Message | None = None


def from_name(name: str, what: str, plan: Plan) -> Known:
    """What a file or sheet name (``what``: "file name", "sheet name") says."""
    known = Known()
    region = region_from_name(name, plan)
    if region is not None:
        known.region, known.region_from = region, what
    found = find_period(name)
    if found is not None:
        known.period, known.period_note = found
        known.period_from = what
    return known


def from_title(rows: Sequence[tuple[int, Sequence[object]]], plan: Plan) -> Known:
    """What the lines above the header say: the first that names one region, and the first
    that names a period."""
    known = Known()
    for line, cells in rows:
        text = " ".join(t for t in map(cell_text, cells) if t)
        if known.region is None and (region := region_from_name(text, plan)) is not None:
            known.region, known.region_from = region, _("the title line (line {line})", line=line)
        if known.period is None and (found := find_period(text)) is not None:
            known.period, known.period_note = found
            known.period_from = _("the title line (line {line})", line=line)
    return known


def first_known(*sources: Known) -> Known:
    """Each of region and period from the first source that has it."""
    out = Known()
    for k in sources:
        if out.region is None and k.region is not None:
            out.region, out.region_from = k.region, k.region_from
        if out.period is None and k.period is not None:
            out.period, out.period_from, out.period_note = k.period, k.period_from, k.period_note
    return out


def describe_region(code: str, plan: Plan) -> str:
    """``450325 兴安县``: a region as messages name it."""
    region = plan.region_by_code.get(code)
    return f"{code} {region.name.zh}" if region is not None else code


def within(code: str, expected: str, plan: Plan) -> bool:
    """Whether ``code`` is ``expected`` or one of its descendants (a city file's counties)."""
    tree = plan.region_tree
    return code in tree and (code == expected or expected in tree.ancestors(code))
