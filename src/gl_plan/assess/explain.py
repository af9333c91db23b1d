"""One figure taken apart: why a region × indicator × target year has the status it has.

Built from a :class:`~gl_plan.assess.check.CheckResult`, never beside it: the status, the
value, the growths, the ratio, the projection and the path are copied from the check's
own :class:`~gl_plan.assess.indicators.IndicatorAssessment` row, so ``glplan explain``
and ``glplan check`` cannot disagree. What is added here:

- ``rule``: which of the method's rules gave the status, read off the row (its status,
  its notes, the target year) and the plan's thresholds; the status is not decided again.
- ``needed_next``: the value needed to be back on the straight path from the baseline to
  the target, at the end of the calendar year after ``as_of`` (time
  ``as_of.year + 2.0``, a year ``Y`` ending at ``Y + 1.0`` as everywhere in the method):

  ``needed_next = base + (target - base) * (t_next - t_base) / (t_target - t_base)``

  When the target year ends no later than that (``target_year <= as_of.year + 1``), the
  target itself is needed by the end of the target year, so ``needed_next = target``.
  ``None`` for a target year already over (a verdict has no path) or without a baseline.
- ``points``: the observations the row used, each with its file and line: for a verdict
  the last figure within the target year; otherwise the baseline (when it is the earliest
  observation), the projection's window (the last
  :data:`~gl_plan.assess.indicators.PROJECTION_POINTS` observations by ``as_of``) and so
  the current figure. A parent region's points are its own figures (summed from its
  children, ``source`` and ``line`` empty, or its own reported figure);
  :attr:`Explanation.children` lists its direct children's figures for the current
  period, each with its file, line and origin, and whether it went into the sum (a rate
  without counts cannot be summed: sum over sum, never the mean of rates).

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from gl_plan.assess.aggregate import Coverage
from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import (
    MIN_SPAN_YEARS,
    PROJECTION_POINTS,
    IndicatorAssessment,
    Status,
    target_year_over,
)
from gl_plan.data.observations import Observation
from gl_plan.periods import parse_period
from gl_plan.plan.models import Direction, Plan

#: The keys of ``glplan explain --format json``, in order: a contract for JSON users.
JSON_KEYS = (
    "region",
    "indicator",
    "target_year",
    "target",
    "status",
    "value",
    "period",
    "baseline",
    "observed_growth",
    "required_growth",
    "ratio",
    "projected",
    "path_value",
    "path_gap",
    "needed_next",
    "rule",
    "points",
    "children",
)

#: The keys of each of ``children`` in the JSON: a point's, with its region first and
#: whether it was summed into the parent's figure last.
CHILD_KEYS = (
    "region",
    "period",
    "value",
    "numerator",
    "denominator",
    "source",
    "line",
    "origin",
    "supersedes",
    "summed",
)

#: The rules that give a status, by code (``gl_plan.report.explain_view`` words each one).
RuleCode = Literal[
    "verdict_met",
    "verdict_missed",
    "verdict_no_data",
    "no_data",
    "achieved",
    "short_span",
    "baseline_above_target_holding",
    "baseline_above_target_falling",
    "ratio_on_track",
    "ratio_needs_acceleration",
    "ratio_off_track",
    "ratio_deteriorating",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Rule(_Frozen):
    """The rule that fired: its code, the comparison and the plan's thresholds it used."""

    code: RuleCode
    #: The comparison in symbols, e.g. ``ratio >= 0.95`` or ``0.6 <= ratio < 0.95``.
    condition: str
    #: The plan settings the rule compares with, by name (``on_track_ratio``...).
    thresholds: dict[str, float] = Field(default_factory=dict)


class Baseline(_Frozen):
    period: str | None = None
    value: float | None = None
    #: ``plan`` (declared in the plan's ``baselines``) or ``earliest`` (the region's
    #: earliest observation).
    source: Literal["plan", "earliest"] | None = None


class PointRef(_Frozen):
    """One observation used, and where it was read (``None`` for a computed figure)."""

    period: str
    value: float
    numerator: float | None = None
    denominator: float | None = None
    source: str | None = None
    line: int | None = None
    #: How the figure was obtained (rate, counts, total_row, sum_of_rows,
    #: prior_year_column) and the file a correction replaced (see Observation).
    origin: str = "rate"
    supersedes: str | None = None
    #: Not in the JSON: what the point was used for (``baseline``, ``trend``, ``latest``,
    #: ``verdict``) and, for a child's figure, its region.
    roles: tuple[str, ...] = ()
    region: str | None = None
    #: For a child's figure: whether it went into the parent's sum (its counts, or its
    #: value for a summed unit).
    summed: bool = False

    @classmethod
    def of(cls, obs: Observation, roles: tuple[str, ...] = (), summed: bool = False) -> PointRef:
        return cls(
            period=str(obs.period),
            value=obs.value,
            numerator=obs.numerator,
            denominator=obs.denominator,
            source=obs.source,
            line=obs.line,
            origin=obs.origin,
            supersedes=obs.supersedes,
            roles=roles,
            region=obs.region,
            summed=summed,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "source": self.source,
            "line": self.line,
            "origin": self.origin,
            "supersedes": self.supersedes,
        }

    def child_json(self) -> dict[str, Any]:
        """A child's figure as ``children`` lists it (:data:`CHILD_KEYS`)."""
        data = {"region": self.region, **self.to_json(), "summed": self.summed}
        return {key: data[key] for key in CHILD_KEYS}


class Explanation(_Frozen):
    """Everything ``glplan explain`` shows; :meth:`to_json` is its ``--format json``."""

    as_of: date
    region: str
    region_level: Literal["city", "county", "group"]
    indicator: str
    direction: Direction
    target_year: int
    target: float
    status: Status
    rag: str
    value: float | None
    period: str | None
    gap: float | None
    baseline: Baseline
    growth_method: str | None
    observed_growth: float | None
    required_growth: float | None
    ratio: float | None
    projected: float | None
    path_value: float | None
    path_gap: float | None
    needed_next: float | None
    #: When ``needed_next`` is due: 31 December of the next year, or of the target year.
    needed_by: date | None
    rule: Rule
    notes: list[str]
    points: list[PointRef]
    #: For a parent region: how its current figure was obtained, and its direct
    #: children's figures for that period (``summed``: what went into the sum); empty
    #: for a county.
    coverage: Coverage | None = None
    children: list[PointRef] = Field(default_factory=list)

    @property
    def verdict(self) -> bool:
        """Whether the target year is over: met or missed on its last figure, no trend."""
        return target_year_over(self.target_year, self.as_of)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with exactly the keys in :data:`JSON_KEYS`."""
        data: dict[str, Any] = {
            "region": self.region,
            "indicator": self.indicator,
            "target_year": self.target_year,
            "target": self.target,
            "status": self.status.value,
            "value": self.value,
            "period": self.period,
            "baseline": self.baseline.model_dump(mode="json"),
            "observed_growth": self.observed_growth,
            "required_growth": self.required_growth,
            "ratio": self.ratio,
            "projected": self.projected,
            "path_value": self.path_value,
            "path_gap": self.path_gap,
            "needed_next": self.needed_next,
            "rule": self.rule.model_dump(mode="json"),
            "points": [p.to_json() for p in self.points],
            "children": [c.child_json() for c in self.children],
        }
        return {key: data[key] for key in JSON_KEYS}


def default_target_year(years: Iterable[int], as_of: date) -> int:
    """Of ``years`` (not empty), the nearest target year not yet over at ``as_of``; the
    last one if all are over."""
    ordered = sorted(set(years))
    return next((y for y in ordered if not target_year_over(y, as_of)), ordered[-1])


def find_row(
    result: CheckResult, region: str, indicator: str, target_year: int
) -> IndicatorAssessment | None:
    """The check's row for one region × indicator × target year, if it has one."""
    for row in result.indicators:
        if (row.region, row.indicator, row.target_year) == (region, indicator, target_year):
            return row
    return None


def explain(plan: Plan, result: CheckResult, row: IndicatorAssessment) -> Explanation:
    """Take ``row`` (one of ``result.indicators``) apart; see the module docstring."""
    as_of = result.as_of
    definition = plan.indicator_by_id.get(row.indicator)
    direction = definition.direction if definition else Direction.HIGHER_IS_BETTER
    needed, needed_by = _needed_next(row, as_of)
    children = _children(plan, result, row) if row.region_level != "county" else []
    return Explanation(
        as_of=as_of,
        region=row.region,
        region_level=row.region_level,
        indicator=row.indicator,
        direction=direction,
        target_year=row.target_year,
        target=row.target,
        status=row.status,
        rag=row.rag.value,
        value=row.value,
        period=row.period,
        gap=row.gap,
        baseline=Baseline(
            period=row.baseline_period, value=row.baseline_value, source=row.baseline_source
        ),
        growth_method=row.growth_method,
        observed_growth=row.observed_growth,
        required_growth=row.required_growth,
        ratio=row.ratio,
        projected=row.projected,
        path_value=row.path_value,
        path_gap=row.path_gap,
        needed_next=needed,
        needed_by=needed_by,
        rule=rule_for(row, plan, as_of, direction),
        notes=list(row.notes),
        points=_points(result, row),
        coverage=row.coverage,
        children=children,
    )


def rule_for(row: IndicatorAssessment, plan: Plan, as_of: date, direction: Direction) -> Rule:
    """The rule behind ``row.status``, read off the row (see
    :mod:`gl_plan.assess.indicators` for the order the rules are tried in)."""
    settings = plan.settings
    on, accel = settings.on_track_ratio, settings.acceleration_ratio
    better = ">=" if direction is Direction.HIGHER_IS_BETTER else "<="
    worse = "<" if direction is Direction.HIGHER_IS_BETTER else ">"
    if target_year_over(row.target_year, as_of):
        if row.status is Status.MET:
            return Rule(code="verdict_met", condition=f"value {better} target")
        if row.status is Status.MISSED:
            return Rule(code="verdict_missed", condition=f"value {worse} target")
        return Rule(code="verdict_no_data", condition="no figure within the target year")
    status = row.status
    if status is Status.NO_DATA:
        return Rule(code="no_data", condition="no figure by as_of")
    if status is Status.ACHIEVED:
        return Rule(code="achieved", condition=f"value {better} target")
    if status is Status.INSUFFICIENT_DATA:
        return Rule(
            code="short_span",
            condition=f"t_current - t_base < {MIN_SPAN_YEARS:g}",
            thresholds={"min_span_years": MIN_SPAN_YEARS},
        )
    if "baseline_above_target" in row.notes:
        if status is Status.DETERIORATING:
            return Rule(code="baseline_above_target_falling", condition="observed_growth < 0")
        return Rule(code="baseline_above_target_holding", condition="observed_growth >= 0")
    if status is Status.ON_TRACK:
        return Rule(
            code="ratio_on_track",
            condition=f"ratio >= {on:g}",
            thresholds={"on_track_ratio": on},
        )
    if status is Status.NEEDS_ACCELERATION:
        return Rule(
            code="ratio_needs_acceleration",
            condition=f"{accel:g} <= ratio < {on:g}",
            thresholds={"acceleration_ratio": accel, "on_track_ratio": on},
        )
    if status is Status.OFF_TRACK:
        return Rule(
            code="ratio_off_track",
            condition=f"0 <= ratio < {accel:g}",
            thresholds={"acceleration_ratio": accel},
        )
    return Rule(code="ratio_deteriorating", condition="ratio < 0")


def _needed_next(row: IndicatorAssessment, as_of: date) -> tuple[float | None, date | None]:
    """The straight path's value at the end of next year, or the target if the target
    year ends sooner; with the date it is due by."""
    if target_year_over(row.target_year, as_of):
        return None, None
    if row.target_year <= as_of.year + 1:
        return row.target, date(row.target_year, 12, 31)
    if row.baseline_period is None or row.baseline_value is None:
        return None, None
    t_base = parse_period(row.baseline_period).t
    t_target = row.target_year + 1.0
    t_next = as_of.year + 2.0
    if t_target <= t_base:
        return None, None
    base = row.baseline_value
    needed = base + (row.target - base) * (t_next - t_base) / (t_target - t_base)
    return needed, date(as_of.year + 1, 12, 31)


def _points(result: CheckResult, row: IndicatorAssessment) -> list[PointRef]:
    """The observations ``row`` used, oldest first, each with its roles."""
    series = result.observations.get(row.region, row.indicator)
    if series is None or row.period is None:
        return []
    as_of = result.as_of
    if target_year_over(row.target_year, as_of):
        used = [o for o in series if str(o.period) == row.period]
        return [PointRef.of(o, ("verdict",)) for o in used[-1:]]
    points = [o for o in series if o.period.end <= as_of]
    window = points[-PROJECTION_POINTS:]
    roles: dict[int, list[str]] = {}
    if row.baseline_source == "earliest" and points:
        roles.setdefault(0, []).append("baseline")
    first_in_window = len(points) - len(window)
    if row.projected is not None:
        for i in range(first_in_window, len(points)):
            roles.setdefault(i, []).append("trend")
    roles.setdefault(len(points) - 1, []).append("latest")
    return [PointRef.of(points[i], tuple(roles[i])) for i in sorted(roles)]


def _children(plan: Plan, result: CheckResult, row: IndicatorAssessment) -> list[PointRef]:
    """A parent's direct children's figures for its current period, each marked summed
    when the parent's sum takes it (as :mod:`~gl_plan.assess.aggregate` adds them: its
    counts, or its value for a summed unit such as a count)."""
    if row.period is None:
        return []
    definition = plan.indicator_by_id.get(row.indicator)
    summable = definition is not None and definition.unit.summable
    out: list[PointRef] = []
    for child in plan.region_tree.children(row.region):
        series = result.observations.get(child, row.indicator)
        for obs in series or ():
            if str(obs.period) == row.period:
                summed = summable or (obs.numerator is not None and obs.denominator is not None)
                out.append(PointRef.of(obs, summed=summed))
    return out
