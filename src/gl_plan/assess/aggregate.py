"""The city's (and any parent region's) rates, from the counties' counts: sum over sum.

A rate for a larger area is the sum of the numerators over the sum of the denominators,
× 100, recomputed at each level (DHIS2's rule for aggregating indicators), never the mean
of the county rates: a small county at 80 % and a large one at 100 % do not make a city at
90 %.

For each parent region, indicator and period:

- the *expected* regions are the parent's reporting (leaf) descendants;
- those with both a numerator and a denominator for that period contribute; the value is
  ``sum(numerators) / sum(denominators) × 100`` over them;
- if any expected region lacks counts (it did not report, or reported only a rate, which
  cannot be summed), the figure covers only part of the area: it is kept but marked
  ``partial``, with the missing codes named. Rates are never averaged to fill the hole.

A parent region that reported its own figure for a period (a city statistics file, say)
keeps it: a reported figure wins over a computed one, since the statistics bureau's total
may include pupils no county file lists. The computed figure is still given in the
coverage, and ``differs`` flags a reported figure more than ``settings.rate_tolerance``
away from a complete computed one.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from gl_plan.data.observations import Observation, ObservationSet, Series
from gl_plan.periods import Period
from gl_plan.plan.models import Plan


class Coverage(BaseModel):
    """How a parent region's figure for one period was obtained."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    period: str
    #: True: sum over sum of the reporting regions' counts; False: the region's own figure.
    computed: bool
    #: Reporting regions expected under this region.
    expected: int
    #: Of those, how many had counts for the period.
    reporting: int
    #: Expected regions without counts for the period, by code.
    missing: list[str] = Field(default_factory=list)
    #: Of the missing, those that sent a rate without counts (it cannot be summed).
    without_counts: list[str] = Field(default_factory=list)
    #: A computed figure that leaves out some expected regions.
    partial: bool = False
    #: The sum-over-sum figure, also when a reported figure was used instead.
    computed_value: float | None = None
    #: A reported figure that disagrees with a complete computed one.
    differs: bool = False


@dataclass(frozen=True)
class Aggregated:
    """Observations for the reporting regions as given, plus one series per parent region.

    ``coverage`` is keyed by (region, indicator, period) and covers every point of every
    parent series.
    """

    observations: ObservationSet
    coverage: dict[tuple[str, str, Period], Coverage] = field(default_factory=dict)


@dataclass
class _Sum:
    """One parent's counts for one period, added up region by region in plan order."""

    numerator: float = 0.0
    denominator: float = 0.0
    regions: list[str] = field(default_factory=list)
    #: Expected regions that sent a rate without counts.
    rate_only: set[str] = field(default_factory=set)


def aggregate(plan: Plan, observations: ObservationSet) -> Aggregated:
    """Add each parent region's series, computed from its reporting regions' counts.

    Worked examples: ``tests/assess/test_assess_aggregate.py``.
    """
    tolerance = plan.settings.rate_tolerance
    series = dict(observations.series)  # the input set is left untouched
    coverage: dict[tuple[str, str, Period], Coverage] = {}
    indicators = sorted({indicator for _, indicator in observations.series})
    below = leaves_below(plan)
    for indicator in indicators:
        for parent, expected in below.items():
            sums = _sum_counts(observations, expected, indicator)
            direct = observations.get(parent, indicator)
            reported = {o.period: o for o in direct} if direct is not None else {}
            points: list[Observation] = []
            for period in sorted(set(sums) | set(reported)):
                acc = sums.get(period, _Sum())
                computed = acc.numerator / acc.denominator * 100.0 if acc.denominator > 0 else None
                contributed = set(acc.regions)
                missing = [c for c in expected if c not in contributed]
                without = [c for c in missing if c in acc.rate_only]
                own = reported.get(period)
                if own is not None:
                    points.append(own)
                    cov = Coverage(
                        period=str(period),
                        computed=False,
                        expected=len(expected),
                        reporting=len(expected) - len(missing),
                        missing=missing,
                        without_counts=without,
                        computed_value=computed,
                        differs=(
                            computed is not None
                            and not missing
                            and abs(own.value - computed) > tolerance
                        ),
                    )
                elif computed is not None:
                    points.append(
                        Observation(
                            parent, period, indicator, computed, acc.numerator, acc.denominator
                        )
                    )
                    cov = Coverage(
                        period=str(period),
                        computed=True,
                        expected=len(expected),
                        reporting=len(expected) - len(missing),
                        missing=missing,
                        without_counts=without,
                        partial=bool(missing),
                        computed_value=computed,
                    )
                else:
                    continue  # counts that sum to a zero denominator give no rate
                coverage[(parent, indicator, period)] = cov
            if points:
                series[(parent, indicator)] = Series(parent, indicator, tuple(points))
    # Parents in plan order, indicators sorted within each, as callers iterate them.
    ordered = dict(observations.series)
    for parent in below:
        for indicator in indicators:
            key = (parent, indicator)
            if key in series and key not in ordered:
                ordered[key] = series[key]
    ordered.update(series)
    return Aggregated(ObservationSet(ordered), coverage)


def leaves_below(plan: Plan) -> dict[str, list[str]]:
    """Each parent region's reporting (leaf) descendants, in plan order."""
    kids: dict[str, list[str]] = {}
    for r in plan.regions:
        if r.parent is not None:
            kids.setdefault(r.parent, []).append(r.code)
    position = {r.code: i for i, r in enumerate(plan.regions)}
    out: dict[str, list[str]] = {}
    for region in plan.regions:
        if region.code not in kids:
            continue
        found: list[str] = []
        stack = [region.code]
        seen = {region.code}
        while stack:
            for child in kids.get(stack.pop(), []):
                if child in seen:  # a cycle is a plan error, reported by the loader
                    continue
                seen.add(child)
                if child in kids:
                    stack.append(child)
                else:
                    found.append(child)
        out[region.code] = sorted(found, key=position.__getitem__)
    return out


def _sum_counts(
    observations: ObservationSet, expected: list[str], indicator: str
) -> dict[Period, _Sum]:
    """Per period, the expected regions' counts added up in ``expected`` order."""
    sums: dict[Period, _Sum] = {}
    for code in expected:
        for o in observations.get(code, indicator) or ():
            acc = sums.setdefault(o.period, _Sum())
            if o.numerator is not None and o.denominator is not None:
                acc.numerator += o.numerator
                acc.denominator += o.denominator
                acc.regions.append(code)
            else:
                acc.rate_only.add(code)
    return sums
