"""Every parent region's figures, from its children's counts: sum over sum, level by level.

A rate for a larger area is the sum of the numerators over the sum of the denominators,
recomputed at each level (DHIS2's rule for aggregating indicators), never the mean of the
children's rates: a small county at 80 % and a large one at 100 % do not make a city at
90 %. The indicator's unit says how (``Unit``): ``percent`` × 100, ``per_thousand`` × 1000,
``ratio`` and ``years`` × 1; ``count`` and ``amount`` are plain sums of the values.

Parents are computed from the bottom of the hierarchy up (county → prefecture → province
→ nation). For each parent region, indicator and period:

- each direct child contributes its counts: its own reported counts where it reported them,
  otherwise the counts computed from its own children (so a prefecture whose counties did
  not report can still stand in with its own figure);
- the *expected* regions are the parent's reporting (leaf) descendants; those a child's
  figure covers count as reporting. A child without counts (it did not report, or sent only
  a rate, which cannot be summed) leaves its leaves out: the figure covers only part of the
  area and is marked ``partial``, with the missing codes named. Rates are never averaged to
  fill the hole; when no child has counts the parent has no figure.

A parent region that reported its own figure for a period (a city statistics file, say)
keeps it: a reported figure wins over a computed one, since the statistics bureau's total
may include pupils no county file lists. The computed figure is still given in the
coverage, and ``differs`` flags a reported figure more than ``settings.rate_tolerance``
away from a complete computed one.

Two things keep a computed figure from being trusted silently:

- **Flagged figures inside it.** A figure the data-quality screens flag (an outlier or an
  implausible jump, :func:`gl_plan.data.quality.flagged_figures`) is still added up; the
  coverage's ``outliers`` names the regions whose flagged figure for the period went into
  the sum (a child's own figure, or one of its children's through its computed figure).
- **Too little coverage.** A partial figure of a rate is compared with the parent's last
  *complete* figure (every expected leaf had counts) of the same granularity before it:
  ``denominator_share`` is the partial figure's summed denominators over that figure's,
  ``reference_period`` names it, and ``low_coverage`` is set when the share is under
  ``settings.min_coverage`` (default 0.9): the figure then stands for too small a part of
  the population to be judged, and the assessment gives it ``insufficient_data``.
  A county that only ever sends rates leaves no period complete; then the reference is the
  earlier figure missing the fewest leaves (the latest of those) among those whose missing
  leaves are all missing now too, so the share still says how much of what is usually
  covered is covered now. A figure missing no more than any before it (the first periods
  of a series, or as complete as the series ever is) has nothing to be measured against
  and keeps the ``partial`` mark only. Later periods are never used, so a past ``as_of``
  reproduces a past report. Summed units (``count``, ``amount``) have no denominators and
  are not measured.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from gl_plan.data.observations import Observation, ObservationSet, Series
from gl_plan.data.quality import FigureKey, Flag, flagged_figures
from gl_plan.periods import Period
from gl_plan.plan.models import Plan, Unit
from gl_plan.region_tree import RegionTree


class Coverage(BaseModel):
    """How a parent region's figure for one period was obtained."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

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
    #: Regions whose figure for the period, flagged as an outlier or an implausible jump,
    #: the computed figure includes.
    outliers: list[str] = Field(default_factory=list)
    #: For a partial computed rate: its summed denominators over those of the last complete
    #: figure before it (``reference_period``; when none was complete, the best-covered
    #: earlier figure missing only regions missing now too, see the module docstring);
    #: None when there is none to compare with.
    denominator_share: float | None = None
    #: The period of the figure ``denominator_share`` compares with.
    reference_period: str | None = None
    #: ``denominator_share`` is under ``settings.min_coverage``: too little of the area to
    #: judge the figure by.
    low_coverage: bool = False


@dataclass(frozen=True)
class Aggregated:
    """Observations for the reporting regions as given, plus one series per parent region.

    ``coverage`` is keyed by (region, indicator, period) and covers every point of every
    parent series.
    """

    observations: ObservationSet
    coverage: dict[tuple[str, str, Period], Coverage] = field(default_factory=dict)
    #: Parent, indicator and periods for which children sent rates without the counts to
    #: add them up, and no figure could be made.
    rates_only: dict[tuple[str, str], list[Period]] = field(default_factory=dict)
    #: The figures the data-quality screens flag, by (region, indicator, period).
    flags: Mapping[FigureKey, Flag] = field(default_factory=dict)


@dataclass
class _Figure:
    """One region's counts for one period, as its parent adds them up (a summable unit
    adds the values and leaves the counts at zero)."""

    numerator: float
    denominator: float
    value: float
    #: Leaf regions this figure does not cover (its own missing ones, for a computed one).
    missing: tuple[str, ...] = ()
    #: Regions whose flagged figure this one is or includes.
    outliers: tuple[str, ...] = ()


@dataclass
class _Sum:
    """One parent's children added up for one period, in plan order."""

    numerator: float = 0.0
    denominator: float = 0.0
    total: float = 0.0
    contributed: bool = False
    missing: list[str] = field(default_factory=list)
    #: Leaves that sent a rate without counts.
    rate_only: set[str] = field(default_factory=set)
    #: Regions whose flagged figure went into the sum.
    outliers: list[str] = field(default_factory=list)


def aggregate(
    plan: Plan, observations: ObservationSet, flags: Mapping[FigureKey, Flag] | None = None
) -> Aggregated:
    """Add each parent region's series, computed from its children's counts.

    ``flags`` are the figures the data-quality screens flag, when the reader found them
    already (``DataResult.screening``); found here otherwise. Worked examples:
    ``tests/assess/test_assess_aggregate.py``.
    """
    tolerance = plan.settings.rate_tolerance
    if flags is None:
        flags = flagged_figures(observations, plan)
    series = dict(observations.series)  # the input set is left untouched
    coverage: dict[tuple[str, str, Period], Coverage] = {}
    rates_only: dict[tuple[str, str], list[Period]] = {}
    indicators = sorted({indicator for _, indicator in observations.series})
    tree = plan.region_tree
    # Each parent after the parents below it, so that its children's figures are made.
    parents = [code for code in tree.bottom_up() if not tree.is_leaf(code)]
    for indicator in indicators:
        definition = plan.indicator_by_id.get(indicator)
        unit = definition.unit if definition is not None else Unit.PERCENT
        # A parent's figures, for its own parent to add up: computed counts, by period.
        computed_of: dict[str, dict[Period, _Figure]] = {}
        for parent in parents:
            expected = tree.leaves_under(parent)
            sums = _add_children(
                observations, computed_of, tree, parent, indicator, unit.summable, flags
            )
            references = _references(sums, unit)
            direct = observations.get(parent, indicator)
            reported = {o.period: o for o in direct} if direct is not None else {}
            mine: dict[Period, _Figure] = {}
            points: list[Observation] = []
            for period in sorted(set(sums) | set(reported)):
                acc = sums.get(period, _Sum())
                computed = _value(acc, unit)
                missing = acc.missing if acc.contributed else list(expected)
                without = [c for c in missing if c in acc.rate_only]
                if computed is not None:
                    mine[period] = _Figure(
                        acc.numerator,
                        acc.denominator,
                        computed,
                        tuple(missing),
                        tuple(acc.outliers),
                    )
                own = reported.get(period)
                # What every point's coverage says, whichever figure the point holds.
                common: dict[str, object] = {
                    "period": str(period),
                    "expected": len(expected),
                    "reporting": len(expected) - len(missing),
                    "missing": missing,
                    "without_counts": without,
                    "computed_value": computed,
                    "outliers": acc.outliers if computed is not None else [],
                }
                if own is not None:
                    points.append(own)
                    differs = (
                        computed is not None
                        and not missing
                        and abs(own.value - computed) > tolerance
                    )
                    cov = Coverage.model_validate({**common, "computed": False, "differs": differs})
                elif computed is not None:
                    counts = (None, None) if unit.summable else (acc.numerator, acc.denominator)
                    points.append(Observation(parent, period, indicator, computed, *counts))
                    cov = Coverage.model_validate(
                        {**common, "computed": True, "partial": bool(missing)}
                    )
                    if missing:
                        cov = _with_share(cov, acc, period, references, plan.settings.min_coverage)
                else:
                    # No counts to add (the children sent rates only), or counts that sum
                    # to a zero denominator.
                    if acc.rate_only:
                        rates_only.setdefault((parent, indicator), []).append(period)
                    continue
                coverage[(parent, indicator, period)] = cov
            computed_of[parent] = mine
            if points:
                series[(parent, indicator)] = Series(parent, indicator, tuple(points))
    # Parents in plan order, indicators sorted within each, as callers iterate them.
    ordered = dict(observations.series)
    for parent in (code for code in tree if not tree.is_leaf(code)):
        for indicator in indicators:
            key = (parent, indicator)
            if key in series and key not in ordered:
                ordered[key] = series[key]
    ordered.update(series)
    return Aggregated(ObservationSet(ordered), coverage, rates_only, flags)


def _references(sums: dict[Period, _Sum], unit: Unit) -> dict[Period, tuple[frozenset[str], float]]:
    """Each computed figure's missing leaves and summed denominators, for measuring a later
    partial figure's coverage (nothing for a summed unit, which has no denominators)."""
    if unit.summable:
        return {}
    return {
        period: (frozenset(acc.missing), acc.denominator)
        for period, acc in sums.items()
        if acc.contributed and acc.denominator > 0
    }


def _with_share(
    cov: Coverage,
    acc: _Sum,
    period: Period,
    references: dict[Period, tuple[frozenset[str], float]],
    minimum: float,
) -> Coverage:
    """A partial figure's coverage with its denominators measured against the last complete
    figure of the same granularity before it, or failing one the earlier figure missing the
    fewest leaves, all of them missing now too (unchanged when there is none)."""
    annual = period.quarter is None
    missing = frozenset(acc.missing)
    candidates = [
        (-len(gone), p)
        for p, (gone, _) in references.items()
        if p < period and (p.quarter is None) == annual and gone < missing
    ]
    if not candidates:
        return cov
    _, reference = max(candidates)
    share = acc.denominator / references[reference][1]
    return cov.model_copy(
        update={
            "denominator_share": share,
            "reference_period": str(reference),
            "low_coverage": share < minimum,
        }
    )


def _value(acc: _Sum, unit: Unit) -> float | None:
    if not acc.contributed:
        return None
    if unit.summable:
        return acc.total
    scale = unit.scale
    if scale is None or acc.denominator <= 0:
        return None
    # Multiplied first: 29 of 50 is then exactly 58.0 (29 / 50 * 100 is 57.99999999999999,
    # which would miss a target of 58 that the counts meet).
    return acc.numerator * scale / acc.denominator


def _add_children(
    observations: ObservationSet,
    computed_of: dict[str, dict[Period, _Figure]],
    tree: RegionTree,
    parent: str,
    indicator: str,
    summable: bool,
    flags: Mapping[FigureKey, Flag],
) -> dict[Period, _Sum]:
    """Per period, ``parent``'s children's counts (or values, for a summable unit) added
    up."""
    figures: list[tuple[str, dict[Period, _Figure]]] = []
    for child in tree.children(parent):
        own: dict[Period, _Figure] = {}
        for o in observations.get(child, indicator) or ():
            flagged = (child,) if (child, indicator, o.period) in flags else ()
            if o.numerator is not None and o.denominator is not None:
                own[o.period] = _Figure(o.numerator, o.denominator, o.value, (), flagged)
            elif summable:
                own[o.period] = _Figure(0.0, 0.0, o.value, (), flagged)
        # A child's own reported counts win; its computed ones fill the other periods.
        figures.append((child, {**computed_of.get(child, {}), **own}))
    periods: set[Period] = set()
    for _, by_period in figures:
        periods.update(by_period)
    # Children that sent a rate, but no counts to add, for a period they have no figure for.
    rate_only: dict[Period, set[str]] = {}
    for child, by_period in figures:
        for o in observations.get(child, indicator) or ():
            if o.period not in by_period:
                rate_only.setdefault(o.period, set()).add(child)
                periods.add(o.period)
    sums: dict[Period, _Sum] = {p: _Sum(rate_only=rate_only.get(p, set())) for p in periods}
    for child, by_period in figures:
        leaves = tree.leaves_under(child)
        for period, acc in sums.items():
            figure = by_period.get(period)
            if figure is None:
                acc.missing.extend(leaves)
                continue
            acc.contributed = True
            acc.missing.extend(figure.missing)
            acc.outliers.extend(figure.outliers)
            acc.total += figure.value
            acc.numerator += figure.numerator
            acc.denominator += figure.denominator
    return sums
