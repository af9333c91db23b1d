"""Where each region stands against each target: gap, status, projection and RAG level.

Pure: functions take the plan, the observations and an explicit ``as_of`` date; no file
I/O, no clock, no printing.

Method (the Statistics Canada progress method that Open SDG uses; see docs/method.md)
------------------------------------------------------------------------------------
Times are in years: a period counts at its end (:attr:`Period.t`: 2024Q3 → 2024.75, the
year 2024 → 2025.0) and a target year ``Y`` ends at ``Y + 1.0``.

*The current value* is the latest observation whose period has ended by ``as_of``; later
periods are ignored, so a past ``as_of`` reproduces a past report. *The baseline* is the
plan's declared baseline for the region and indicator (``plan.baselines``), otherwise the
region's earliest observation.

*A target year already over* (``as_of`` after 31 December of that year) gets a verdict, not
a trend: ``met`` or ``missed`` on the last observation within that year (the annual figure
if there is one, since it sorts after 2025Q4; otherwise the latest quarter), ``no_data``
when the year has none.

*A target year still ahead*, checked in this order:

1. ``no_data``: no observation by ``as_of``;
2. ``achieved``: the current value is at or better than the target;
3. ``insufficient_data``: the baseline and the current value are less than a year apart;
4. baseline already at or better than the target, current value worse (note
   ``baseline_above_target``): the required growth is zero or negative, so the ratio means
   nothing; the region lost ground it had, so ``deteriorating`` when the observed growth is
   negative, ``on_track`` otherwise (with the baseline above the target and the current
   value below it the observed growth is always negative in practice);
5. otherwise ``r = observed / |required|`` with compound annual growth rates
   ``cagr_o = (current / base) ** (1 / (t_current - t_base)) - 1`` and
   ``cagr_r = (target / base) ** (1 / (t_target - t_base)) - 1``:
   ``on_track`` when ``r >= settings.on_track_ratio`` (0.95), ``needs_acceleration`` when
   ``r >= settings.acceleration_ratio`` (0.6), ``off_track`` when ``r >= 0``,
   ``deteriorating`` when ``r < 0``.

A compound rate is undefined when the baseline, the current value or the target is zero
or negative (or the base and the current value differ in sign), so then both growths are
*linear*: the change in percentage points per year (note ``linear_growth``). The ratio and
the categories are the same. ``growth_method`` says which was used; ``observed_growth`` and
``required_growth`` are fractions per year for ``cagr`` (0.012 = 1.2 % a year) and
percentage points per year for ``linear``. For a ``lower_is_better`` indicator every
comparison is mirrored and ``r = -observed / |required|``.

*Projection*: a weighted least-squares straight line through the region's last (up to)
:data:`PROJECTION_POINTS` observations, weights rising linearly from the oldest (1) to the
newest (n) so that recent points count more (the UN ESCAP idea, kept simple), evaluated at
the end of the target year. Needs two observations at least a year apart; ``None``
otherwise. *Path*: the straight line from the baseline to the target, evaluated at the
current period; ``path_gap = value - path_value`` says how far ahead of (+) or behind (−)
a steady course the region is.

RAG levels
----------
======  ============================================
green   ``achieved``, ``met``, ``on_track``
amber   ``needs_acceleration``, ``insufficient_data``
red     ``off_track``, ``deteriorating``, ``missed``
grey    ``no_data``
======  ============================================

A value that cannot be trusted as it stands is never shown without saying so: a figure the
data-quality screens flag gets the note ``outlier`` (a parent summed from one,
``includes_outlier``), and a parent figure summed from too small a part of the area
(``coverage.low_coverage``) gets ``insufficient_data`` and the note ``low_coverage``
whatever its value, the verdict of a target year over included.

Gaps are ``value - target`` in percentage points, kept unrounded; renderers round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import ConfigDict, Field
from pydantic.dataclasses import dataclass as pydantic_dataclass

from gl_plan.assess.aggregate import Aggregated, Coverage
from gl_plan.data.observations import Series
from gl_plan.periods import Period, PeriodError, parse_period
from gl_plan.plan.models import Direction, Plan, Settings
from gl_plan.plan.targets import Target

#: How many of the latest observations the projection's trend line uses (three years of
#: quarters): long enough to smooth one odd quarter, short enough to follow a new policy.
PROJECTION_POINTS = 12
#: Two points this far apart (in years) are the least the growth method accepts.
MIN_SPAN_YEARS = 1.0


class Status(StrEnum):
    """Where an indicator stands against a target (see the module docstring)."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    OFF_TRACK = "off_track"
    DETERIORATING = "deteriorating"
    INSUFFICIENT_DATA = "insufficient_data"
    NO_DATA = "no_data"
    MET = "met"
    MISSED = "missed"


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    GREY = "grey"


RAG_BY_STATUS: dict[Status, Rag] = {
    Status.ACHIEVED: Rag.GREEN,
    Status.MET: Rag.GREEN,
    Status.ON_TRACK: Rag.GREEN,
    Status.NEEDS_ACCELERATION: Rag.AMBER,
    Status.INSUFFICIENT_DATA: Rag.AMBER,
    Status.OFF_TRACK: Rag.RED,
    Status.DETERIORATING: Rag.RED,
    Status.MISSED: Rag.RED,
    Status.NO_DATA: Rag.GREY,
}

#: Statuses from worst to best, for sorting and for "never worse" checks. ``no_data`` and
#: ``insufficient_data`` rank below ``achieved`` only: more data, not a better value,
#: moves a region out of them.
STATUS_RANK: dict[Status, int] = {
    Status.MISSED: 0,
    Status.DETERIORATING: 0,
    Status.OFF_TRACK: 1,
    Status.NO_DATA: 1,
    Status.INSUFFICIENT_DATA: 1,
    Status.NEEDS_ACCELERATION: 2,
    Status.ON_TRACK: 3,
    Status.ACHIEVED: 4,
    Status.MET: 4,
}

#: Statuses that mean "behind": what `--fail-on off_track` and the "Behind" lines count.
RED_STATUSES = frozenset({Status.OFF_TRACK, Status.DETERIORATING, Status.MISSED})

GrowthMethod = Literal["cagr", "linear"]
BaselineSource = Literal["plan", "earliest"]


@pydantic_dataclass(
    frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid", defer_build=True)
)
class IndicatorAssessment:
    """One region × indicator × target year: a frozen record with slots, validated once.

    A national check holds some fifty thousand of these; as a model each kept a dictionary
    and a set of its own (about 2 KB), as slots about 250 bytes.
    """

    region: str
    #: ``city`` for the root region, ``county`` for a reporting (leaf) region, ``group`` for
    #: a region between the two.
    region_level: Literal["city", "county", "group"]
    indicator: str
    target_year: int
    target: float
    period: str | None = None
    value: float | None = None
    #: value − target, percentage points.
    gap: float | None = None
    status: Status
    rag: Rag
    baseline_period: str | None = None
    baseline_value: float | None = None
    baseline_source: BaselineSource | None = None
    growth_method: GrowthMethod | None = None
    observed_growth: float | None = None
    required_growth: float | None = None
    ratio: float | None = None
    #: The value the region's own trend reaches by the end of the target year.
    projected: float | None = None
    projected_gap: float | None = None
    #: The straight path from baseline to target, at the current period.
    path_value: float | None = None
    path_gap: float | None = None
    #: For a parent region: how its value for ``period`` was obtained and from how many
    #: reporting regions.
    coverage: Coverage | None = None
    #: Machine-readable remarks: ``baseline_above_target``, ``linear_growth`` (compound
    #: growth undefined), ``older_period`` (older than the latest period others reported;
    #: for a verdict, within the target year), ``partial_coverage`` /
    #: ``baseline_partial_coverage`` (a parent figure missing some regions, see
    #: ``coverage.missing``), ``reported_value`` (a parent's own figure was used),
    #: ``reported_differs_from_counties``, ``no_observation_in_target_year``,
    #: ``outlier`` (the value is a figure the data-quality screens flag: an outlier or an
    #: implausible jump, with a warning in the data issues), ``includes_outlier`` (a
    #: computed parent figure adds up flagged figures, see ``coverage.outliers``),
    #: ``low_coverage`` (a partial parent figure covers less than ``settings.min_coverage``
    #: of the last complete period's denominators, see ``coverage.denominator_share``; the
    #: status is then ``insufficient_data``).
    notes: list[str] = field(default_factory=list)
    #: The target's terms when it is more than a number to reach (以上, 左右, 保持在, a
    #: range, 力争, 约束性): absent from the JSON otherwise, so old plans' output is unchanged.
    terms: Target | None = Field(default=None, exclude_if=lambda v: v is None)


@dataclass(frozen=True, slots=True)
class Point:
    period: Period
    value: float


@dataclass(frozen=True, slots=True)
class Growth:
    method: GrowthMethod
    observed: float
    required: float


def points_until(series: Series | None, as_of: date) -> list[Point]:
    """The series' observations whose period has ended by ``as_of``, oldest first."""
    if series is None:
        return []
    return [Point(o.period, o.value) for o in series if o.period.end <= as_of]


def latest_point(series: Series | None, as_of: date) -> Point | None:
    """The last of :func:`points_until`, or None when there is none."""
    points = points_until(series, as_of)
    return points[-1] if points else None


def target_year_over(target_year: int, as_of: date) -> bool:
    """Whether ``as_of`` is after the last day of the target year."""
    return as_of > date(target_year, 12, 31)


def assess_points(
    points: Sequence[Point],
    *,
    region: str,
    region_level: Literal["city", "county", "group"],
    indicator: str,
    target_year: int,
    target: float,
    as_of: date,
    settings: Settings,
    direction: Direction = Direction.HIGHER_IS_BETTER,
    declared_baseline: Point | None = None,
) -> IndicatorAssessment:
    """Assess one region's observations (``points``, oldest first) against one target.

    ``points`` must already be limited to periods ended by ``as_of`` (see
    :func:`points_until`). The result's ``coverage`` is left empty; the caller adds it.
    """
    fields, _, _ = _assess_fields(
        points,
        region=region,
        region_level=region_level,
        indicator=indicator,
        target_year=target_year,
        target=target,
        as_of=as_of,
        settings=settings,
        direction=direction,
        declared_baseline=declared_baseline,
    )
    return IndicatorAssessment(**fields)  # type: ignore[arg-type]


def _assess_fields(
    points: Sequence[Point],
    *,
    region: str,
    region_level: Literal["city", "county", "group"],
    indicator: str,
    target_year: int,
    target: float,
    as_of: date,
    settings: Settings,
    direction: Direction,
    declared_baseline: Point | None,
    line: float | None = None,
) -> tuple[dict[str, object], Period | None, Period | None]:
    """:func:`assess_points`'s fields, with the current period and the baseline's period.

    ``line`` is the figure that meets the target when it is not the target itself (an
    ``about`` target's tolerance); gaps, growth and paths still run to ``target``.
    """
    sign = 1.0 if direction is Direction.HIGHER_IS_BETTER else -1.0
    line = target if line is None else line
    base_fields: dict[str, object] = {
        "region": region,
        "region_level": region_level,
        "indicator": indicator,
        "target_year": target_year,
        "target": target,
    }

    if target_year_over(target_year, as_of):
        within = [p for p in points if p.period.year == target_year]
        if not within:
            return (
                {
                    **base_fields,
                    "status": Status.NO_DATA,
                    "rag": Rag.GREY,
                    "notes": ["no_observation_in_target_year"],
                },
                None,
                None,
            )
        last = within[-1]
        status = Status.MET if sign * (last.value - line) >= 0 else Status.MISSED
        return (
            {
                **base_fields,
                "period": str(last.period),
                "value": last.value,
                "gap": last.value - target,
                "status": status,
                "rag": RAG_BY_STATUS[status],
            },
            last.period,
            None,
        )

    if not points:
        return {**base_fields, "status": Status.NO_DATA, "rag": Rag.GREY}, None, None

    current = points[-1]
    notes: list[str] = []
    if declared_baseline is not None:
        base, base_source = declared_baseline, "plan"
    else:
        base, base_source = points[0], "earliest"
    t_target = target_year + 1.0
    t_current = current.period.t
    t_base = base.period.t
    fields: dict[str, object] = {
        **base_fields,
        "period": str(current.period),
        "value": current.value,
        "gap": current.value - target,
        "baseline_period": str(base.period),
        "baseline_value": base.value,
        "baseline_source": base_source,
    }
    if t_target > t_base:
        path = base.value + (target - base.value) * (t_current - t_base) / (t_target - t_base)
        fields["path_value"] = path
        fields["path_gap"] = current.value - path
    projected = project(points, t_target)
    if projected is not None:
        fields["projected"] = projected
        fields["projected_gap"] = projected - target

    baseline_reached = sign * (base.value - line) >= 0
    if baseline_reached:
        notes.append("baseline_above_target")

    if sign * (current.value - line) >= 0:
        status = Status.ACHIEVED
    elif t_current - t_base < MIN_SPAN_YEARS:
        status = Status.INSUFFICIENT_DATA
    else:
        growth = growth_rates(base, current, target, t_target)
        if growth.method == "linear":
            notes.append("linear_growth")
        fields["growth_method"] = growth.method
        fields["observed_growth"] = growth.observed
        fields["required_growth"] = growth.required
        if baseline_reached:
            status = Status.DETERIORATING if sign * growth.observed < 0 else Status.ON_TRACK
        else:
            r = sign * growth.observed / abs(growth.required)
            fields["ratio"] = r
            status = classify_ratio(r, settings)
    fields["status"] = status
    fields["rag"] = RAG_BY_STATUS[status]
    fields["notes"] = notes
    return fields, current.period, base.period


def classify_ratio(r: float, settings: Settings) -> Status:
    """The Statistics Canada category for r = observed / |required| growth."""
    if r >= settings.on_track_ratio:
        return Status.ON_TRACK
    if r >= settings.acceleration_ratio:
        return Status.NEEDS_ACCELERATION
    if r >= 0:
        return Status.OFF_TRACK
    return Status.DETERIORATING


def growth_rates(base: Point, current: Point, target: float, t_target: float) -> Growth:
    """Observed and required annual growth: compound where defined, else linear.

    >>> g = growth_rates(Point(Period(2021), 100.0), Point(Period(2023), 121.0), 146.41, 2026.0)
    >>> g.method, round(g.observed, 6), round(g.required, 6)
    ('cagr', 0.1, 0.1)
    """
    dt_obs = current.period.t - base.period.t
    dt_req = t_target - base.period.t
    if base.value > 0 and current.value > 0 and target > 0:
        observed = (current.value / base.value) ** (1.0 / dt_obs) - 1.0
        required = (target / base.value) ** (1.0 / dt_req) - 1.0
        return Growth("cagr", observed, required)
    return Growth("linear", (current.value - base.value) / dt_obs, (target - base.value) / dt_req)


def project(points: Sequence[Point], t: float) -> float | None:
    """The weighted least-squares trend of the last points, evaluated at time ``t``.

    Weights rise linearly with recency (1 for the oldest point used, n for the newest).
    ``None`` when the points used span less than a year.

    >>> pts = [Point(Period(2022), 90.0), Point(Period(2023), 92.0), Point(Period(2024), 94.0)]
    >>> round(project(pts, 2026.0), 6)
    96.0
    """
    recent = list(points[-PROJECTION_POINTS:])
    if len(recent) < 2 or recent[-1].period.t - recent[0].period.t < MIN_SPAN_YEARS:
        return None
    weights = [float(i + 1) for i in range(len(recent))]
    ts = [p.period.t for p in recent]
    vs = [p.value for p in recent]
    total = sum(weights)
    mean_t = sum([w * t for w, t in zip(weights, ts, strict=True)]) / total
    mean_v = sum([w * v for w, v in zip(weights, vs, strict=True)]) / total
    sxx = sum([w * (t - mean_t) ** 2 for w, t in zip(weights, ts, strict=True)])
    sxy = sum([w * (t - mean_t) * (v - mean_v) for w, t, v in zip(weights, ts, vs, strict=True)])
    slope = sxy / sxx
    return mean_v + slope * (t - mean_t)


def declared_baselines(plan: Plan) -> dict[tuple[str, str], Point]:
    """The plan's baselines by (region, indicator); unreadable periods are skipped (the
    plan loader has already reported them)."""
    out: dict[tuple[str, str], Point] = {}
    for b in plan.baselines:
        try:
            period = parse_period(b.period)
        except PeriodError:
            continue
        out[(b.region, b.indicator)] = Point(period, b.value)
    return out


def region_levels(plan: Plan) -> dict[str, Literal["city", "county", "group"]]:
    """Each region's level: the root is the city, leaves are counties, the rest groups."""
    tree = plan.region_tree
    out: dict[str, Literal["city", "county", "group"]] = {}
    for code in tree:
        out[code] = "city" if code == tree.root else "county" if tree.is_leaf(code) else "group"
    return out


def assessment_order(plan: Plan) -> list[str]:
    """Region codes in report order: reporting regions in plan order, then the regions
    above them, deepest first, the city last."""
    levels = region_levels(plan)
    leaves = [r.code for r in plan.regions if levels[r.code] == "county"]
    parents = [r.code for r in plan.regions if levels[r.code] != "county"]
    parents.sort(key=plan.region_tree.depth, reverse=True)
    return leaves + parents


def assess_indicators(plan: Plan, data: Aggregated, as_of: date) -> list[IndicatorAssessment]:
    """Every region × goal indicator × target year, goals in year order.

    ``data`` holds the reporting regions' observations and the parents' values (see
    :func:`gl_plan.assess.aggregate.aggregate`). A region gets a row only where the target
    applies (``Target.applies``) and the indicator is reported (``Indicator.levels``).
    """
    baselines = declared_baselines(plan)
    levels = region_levels(plan)
    order = assessment_order(plan)
    latest = _latest_ends(data, as_of)
    goals = sorted(plan.goals, key=lambda g: g.year)
    out: list[IndicatorAssessment] = []
    for goal in goals:
        over = target_year_over(goal.year, as_of)
        for indicator_id in goal.targets:
            terms = goal.target(indicator_id)
            indicator = plan.indicator_by_id.get(indicator_id)
            reported = indicator.levels if indicator else None
            given = indicator.direction if indicator else Direction.HIGHER_IS_BETTER
            direction = given if terms.sign(given) * _sign(given) > 0 else _flip(given)
            for code in order:
                depth = plan.region_tree.depth(code)
                if not terms.applies(code, depth) or (reported and depth not in reported):
                    continue
                every = points_until(data.observations.get(code, indicator_id), as_of)
                points = [p for p in every if p.period.year == goal.year] if over else every
                fields, period, base = _assess_fields(
                    points,
                    region=code,
                    region_level=levels[code],
                    indicator=indicator_id,
                    target_year=goal.year,
                    target=terms.figure(given),
                    as_of=as_of,
                    settings=plan.settings,
                    direction=direction,
                    declared_baseline=baselines.get((code, indicator_id)),
                    line=terms.line(given),
                )
                if terms.maintain:
                    kept = [p for p in every if plan.plan.issued <= p.period.end]
                    period = _judge_maintained(fields, kept, terms.line(given), direction, over)
                _add_context(fields, period, base, data, latest, as_of)
                if not terms.plain:
                    fields["terms"] = terms
                out.append(IndicatorAssessment(**fields))  # type: ignore[arg-type]
    return out


def _sign(direction: Direction) -> float:
    return 1.0 if direction is Direction.HIGHER_IS_BETTER else -1.0


def _flip(direction: Direction) -> Direction:
    """以上 on a lower-is-better indicator (or 以下 on a higher one): the target's side wins."""
    if direction is Direction.HIGHER_IS_BETTER:
        return Direction.LOWER_IS_BETTER
    return Direction.HIGHER_IS_BETTER


def _judge_maintained(
    fields: dict[str, object],
    points: Sequence[Point],
    line: float,
    direction: Direction,
    over: bool,
) -> Period | None:
    """保持在…: every period from the plan's issue to the target year must meet the line.

    A year over: ``missed`` at the first period that fell short (its figure reported), else
    ``met``. A year ahead: ``achieved`` while the latest figure holds the line, ``off_track``
    when it does not (no growth to wait for: the level must hold now); an earlier shortfall
    is noted ``maintain_breached`` either way. Returns the period the fields now describe.
    """
    sign = _sign(direction)
    year = fields["target_year"]
    assert isinstance(year, int)
    kept = [p for p in points if p.period.year <= year]
    short = next((p for p in kept if sign * (p.value - line) < 0), None)
    notes = fields.get("notes")
    notes = list(notes) if isinstance(notes, list) else []
    current = parse_period(str(fields["period"])) if fields.get("period") else None
    if short is not None:
        notes.append("maintain_breached")
    if over and short is not None:
        target = fields["target"]
        assert isinstance(target, float)
        fields.update(period=str(short.period), value=short.value, gap=short.value - target)
        fields.update(status=Status.MISSED, rag=RAG_BY_STATUS[Status.MISSED])
        current = short.period
    elif not over and kept and "value" in fields:
        value = fields["value"]
        assert isinstance(value, float)
        status = Status.ACHIEVED if sign * (value - line) >= 0 else Status.OFF_TRACK
        fields.update(status=status, rag=RAG_BY_STATUS[status])
    fields["notes"] = notes
    return current


def _latest_ends(data: Aggregated, as_of: date) -> dict[tuple[str, int | None], date]:
    """Per indicator, the latest period end by ``as_of`` over every region (key year None)
    and within each year. A year's annual figure ends with its Q4."""
    out: dict[tuple[str, int | None], date] = {}
    for (_, indicator), series in data.observations.series.items():
        for o in series:
            end = o.period.end
            if end > as_of:
                break  # sorted by period
            for key in ((indicator, None), (indicator, o.period.year)):
                if key not in out or out[key] < end:
                    out[key] = end
    return out


def _add_context(
    fields: dict[str, object],
    period: Period | None,
    base: Period | None,
    data: Aggregated,
    latest: dict[tuple[str, int | None], date],
    as_of: date,
) -> None:
    """Add coverage and the notes that need more than one series to see (in place)."""
    given = fields.get("notes")
    before: list[str] = given if isinstance(given, list) else []
    notes = list(before)
    coverage: Coverage | None = None
    region, indicator = str(fields["region"]), str(fields["indicator"])
    if period is not None:
        coverage = data.coverage.get((region, indicator, period))
        if (region, indicator, period) in data.flags:
            notes.append("outlier")
        if coverage is not None:
            if coverage.partial:
                notes.append("partial_coverage")
            if not coverage.computed:
                notes.append("reported_value")
            if coverage.differs:
                notes.append("reported_differs_from_counties")
            if coverage.computed and coverage.outliers:
                notes.append("includes_outlier")
            if coverage.computed and coverage.low_coverage:
                # Too little of the area to judge: no colour but amber, whatever the value.
                notes.append("low_coverage")
                fields["status"] = Status.INSUFFICIENT_DATA
                fields["rag"] = RAG_BY_STATUS[Status.INSUFFICIENT_DATA]
        # A figure older than others' (for a verdict: others' in the same year) means the
        # region missed a period.
        target_year = fields["target_year"]
        assert isinstance(target_year, int)
        over = target_year_over(target_year, as_of)
        newest = latest.get((indicator, target_year if over else None))
        if newest is not None and period.end < newest:
            notes.append("older_period")
    if base is not None and fields.get("baseline_source") == "earliest":
        base_cov = data.coverage.get((region, indicator, base))
        if base_cov is not None and base_cov.partial:
            notes.append("baseline_partial_coverage")
    if period is None and (region, indicator) in data.rates_only:
        # The children reported rates, which cannot be summed: say so rather than "no data".
        notes.append("rates_without_counts")
    if coverage is None and notes == before:
        return
    fields["coverage"] = coverage
    fields["notes"] = notes
