"""One region's figures for one period, from the rates and counts one table gives for it.

Every layout (a wide row, a form's rows, a long table's count rows) ends here: the rates it
read by indicator, the counts by count (see :mod:`~gl_plan.plan.counts`), each with where
it was written. For every indicator of the plan:

- a rate with both its counts: checked against them (``settings.rate_tolerance``). When
  they disagree the figure is kept *as written* (rate and counts, none replaced) with a
  warning naming both numbers; when the rate matches the counts the other way round, the
  numerator and denominator were swapped: the counts are read swapped, with a warning;
- a rate alone (or with one count): the rate, as reported;
- both counts, no rate: the rate computed from them (``origin: counts``); when only the
  inverse is plausible the counts were swapped (a warning, read swapped);
- a count that feeds no figure (its partner missing, no rate): an error naming it, so no
  number is lost with exit 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gl_plan.data.observations import Observation
from gl_plan.errors import Code, Severity
from gl_plan.i18n import Message, _
from gl_plan.periods import Period
from gl_plan.plan.counts import Part
from gl_plan.plan.models import Plan

#: (line, column or None, code, message, severity): reports a problem at a cell.
Say = Callable[[int, int | None, Code, Message, Severity], None]


@dataclass(frozen=True)
class Given:
    """A number as the table wrote it, and where."""

    value: float
    line: int
    col: int | None
    label: str


def assemble(
    plan: Plan,
    region: str,
    period: Period,
    rates: dict[str, Given],
    counts: dict[str, Given],
    source: str,
    say: Say,
    origin: str = "rate",
) -> list[Observation]:
    """The figures of ``region`` in ``period`` (module docstring). ``origin`` is what a
    reported figure is marked (``prior_year_column`` for a form's 上年同期数)."""
    table = plan.count_table
    tol = plan.settings.rate_tolerance
    used: set[str] = set()
    out: list[Observation] = []
    for indicator in plan.indicators:
        scale = indicator.unit.scale
        num_id = table.parts.get((indicator.id, "numerator"))
        den_id = table.parts.get((indicator.id, "denominator"))
        n = counts.get(num_id) if num_id else None
        d = counts.get(den_id) if den_id else None
        r = rates.get(indicator.id)
        lo, hi = indicator.plausible_range.min, indicator.plausible_range.max
        if r is None and (n is None or d is None):
            continue
        for cid in (num_id, den_id):
            if cid is not None and cid in counts:
                used.add(cid)
        line = r.line if r is not None else min(c.line for c in (n, d) if c is not None)
        if n is None or d is None or scale is None or n.value < 0 or d.value <= 0:
            if r is None:
                continue
            num = n.value if n is not None else None
            den = d.value if d is not None else None
            out.append(
                Observation(region, period, indicator.id, r.value, num, den, source, line, origin)
            )
            continue
        computed = n.value * scale / d.value
        inverse = d.value * scale / n.value if n.value > 0 else None
        num, den = n.value, d.value
        value = computed
        how = "counts" if origin == "rate" else origin
        if r is not None:
            value, how = r.value, origin
            if abs(r.value - computed) > tol:
                if inverse is not None and abs(r.value - inverse) <= tol:
                    num, den = den, num
                    say(r.line, n.col, Code.INCONSISTENT_VALUE, _swapped(indicator.id, n, d, r,
                        computed, inverse), Severity.WARNING)  # fmt: skip
                else:
                    say(
                        r.line,
                        r.col,
                        Code.INCONSISTENT_VALUE,
                        _(
                            "{region} {indicator} {period}: {numerator:g}/{denominator:g} = "
                            "{computed:.2f}, the rate says {value:g} (tolerance "
                            "{tolerance:g}): a typo in a count or in the rate? Both kept as "
                            "written",
                            indicator=indicator.id,
                            region=region,
                            period=period,
                            numerator=n.value,
                            denominator=d.value,
                            computed=computed,
                            value=r.value,
                            tolerance=tol,
                        ),
                        Severity.WARNING,
                    )
        elif not lo <= computed <= hi and inverse is not None and lo <= inverse <= hi:
            num, den, value = den, num, inverse
            say(
                n.line,
                n.col,
                Code.INCONSISTENT_VALUE,
                _(
                    "{region} {indicator} {period}: {numerator:g}/{denominator:g} = "
                    "{computed:.2f} is outside the plausible range {low:g}-{high:g} while the "
                    "inverse, {inverse:.2f}, is inside: numerator and denominator swapped; "
                    "read swapped",
                    indicator=indicator.id,
                    region=region,
                    period=period,
                    numerator=n.value,
                    denominator=d.value,
                    computed=computed,
                    inverse=inverse,
                    low=lo,
                    high=hi,
                ),
                Severity.WARNING,
            )
        out.append(Observation(region, period, indicator.id, value, num, den, source, line, how))
    for cid, given in counts.items():
        if cid not in used:
            say(given.line, given.col, Code.MISSING_CELL, _unused(plan, cid, given), Severity.ERROR)
    return out


def _swapped(
    indicator: str, n: Given, d: Given, r: Given, computed: float, inverse: float
) -> Message:
    return _(
        "{indicator}: {numerator:g}/{denominator:g} = {computed:.2f} does not give the "
        "reported rate {value:g}, while {denominator:g}/{numerator:g} = {inverse:.2f} "
        "does: numerator and denominator swapped ({nlabel!r} and {dlabel!r}); read "
        "swapped",
        indicator=indicator,
        numerator=n.value,
        denominator=d.value,
        computed=computed,
        inverse=inverse,
        value=r.value,
        nlabel=n.label,
        dlabel=d.label,
    )


def _unused(plan: Plan, count_id: str, given: Given) -> Message:
    """Why a count gave no figure: which partner each of its indicators lacks."""
    table = plan.count_table
    needs: list[str] = []
    for feed in table.feeds.get(count_id, ()):
        other: Part = "denominator" if feed.part == "numerator" else "numerator"
        partner = table.count_of(feed.indicator, other)
        if partner is not None:
            needs.append(f"{feed.indicator} ({partner.name.zh})")
    return _(
        "count {label!r} {value:g} gives no figure (missing: {needs}); not used",
        label=given.label,
        value=given.value,
        needs="; ".join(needs) or count_id,
    )
