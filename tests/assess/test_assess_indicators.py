"""Statuses, gaps, projections and RAG levels, with hand-computed expectations.

Target used throughout: 100.7 for 2025 (ends at t = 2026.0). An annual figure for year Y
counts at t = Y + 1.0, a quarter Q at Y + Q/4.
"""

from __future__ import annotations

from datetime import date

import pytest
from assess_fixtures import CITY, LINGCHUAN, LONGSHENG, PRE, YANGSHUO, make_plan, obs
from pydantic import TypeAdapter

from gl_plan.assess.aggregate import aggregate
from gl_plan.assess.indicators import (
    RAG_BY_STATUS,
    IndicatorAssessment,
    Point,
    Rag,
    Status,
    assess_indicators,
    assess_points,
    project,
)
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.periods import Period
from gl_plan.plan.models import Direction, Plan, Settings

SETTINGS = Settings()
TARGET = 100.7


def assess(
    points: list[tuple[str, float]],
    *,
    as_of: date = date(2025, 6, 30),
    target_year: int = 2025,
    target: float = TARGET,
    baseline: tuple[str, float] | None = None,
    direction: Direction = Direction.HIGHER_IS_BETTER,
) -> IndicatorAssessment:
    from gl_plan.periods import parse_period

    pts = [Point(parse_period(p), v) for p, v in points]
    pts = [p for p in pts if p.period.end <= as_of]
    declared = Point(parse_period(baseline[0]), baseline[1]) if baseline else None
    return assess_points(
        pts,
        region=YANGSHUO,
        region_level="county",
        indicator=PRE,
        target_year=target_year,
        target=target,
        as_of=as_of,
        settings=SETTINGS,
        direction=direction,
        declared_baseline=declared,
    )


# Baseline 90 in 2021 (t = 2022.0); target 100.7 by t = 2026.0, so 4 years:
# required CAGR = (100.7 / 90) ** (1/4) - 1 = 0.028482 a year.
REQUIRED = (100.7 / 90) ** 0.25 - 1


def test_required_growth_by_hand() -> None:
    assert pytest.approx(0.028482, abs=1e-6) == REQUIRED


@pytest.mark.parametrize(
    ("current", "ratio", "status"),
    [
        # (98 / 90) ** (1/3) - 1 = 0.028793 → r = 1.011
        (98.0, 1.011, Status.ON_TRACK),
        # (96 / 90) ** (1/3) - 1 = 0.021746 → r = 0.763
        (96.0, 0.763, Status.NEEDS_ACCELERATION),
        # (92 / 90) ** (1/3) - 1 = 0.007353 → r = 0.258
        (92.0, 0.258, Status.OFF_TRACK),
        # (88 / 90) ** (1/3) - 1 = -0.007463 → r = -0.262
        (88.0, -0.262, Status.DETERIORATING),
    ],
)
def test_growth_categories(current: float, ratio: float, status: Status) -> None:
    a = assess([("2021", 90.0), ("2024", current)])
    assert a.status is status
    assert a.ratio == pytest.approx(ratio, abs=1e-3)
    assert a.growth_method == "cagr"
    assert a.observed_growth == pytest.approx((current / 90) ** (1 / 3) - 1)
    assert a.required_growth == pytest.approx(REQUIRED)
    assert a.gap == pytest.approx(current - 100.7)
    assert a.period == "2024"
    assert (a.baseline_period, a.baseline_value, a.baseline_source) == ("2021", 90.0, "earliest")
    assert a.rag is RAG_BY_STATUS[status]


def test_ratio_exactly_at_thresholds_counts_as_the_better_category() -> None:
    # current chosen so that r is 0.95 (within float error): on the boundary, on track
    current = 90 * (1 + 0.95 * REQUIRED) ** 3
    a = assess([("2021", 90.0), ("2024", current + 1e-9)])
    assert a.status is Status.ON_TRACK
    current = 90 * (1 + 0.6 * REQUIRED) ** 3
    assert assess([("2021", 90.0), ("2024", current + 1e-9)]).status is Status.NEEDS_ACCELERATION
    assert assess([("2021", 90.0), ("2024", 90.0)]).status is Status.OFF_TRACK  # r = 0


def test_achieved_comes_first() -> None:
    a = assess([("2021", 90.0), ("2024", 101.0)])
    assert a.status is Status.ACHIEVED
    assert a.rag is Rag.GREEN
    assert a.gap == pytest.approx(0.3)
    # exactly at the target is achieved too
    assert assess([("2021", 90.0), ("2024", 100.7)]).status is Status.ACHIEVED


def test_no_data() -> None:
    a = assess([])
    assert (a.status, a.rag, a.value, a.gap, a.period) == (
        Status.NO_DATA,
        Rag.GREY,
        None,
        None,
        None,
    )


def test_one_observation_is_insufficient_unless_achieved() -> None:
    a = assess([("2024Q4", 95.0)])
    assert a.status is Status.INSUFFICIENT_DATA
    assert a.rag is Rag.AMBER
    assert a.ratio is None
    assert a.projected is None
    assert a.gap == pytest.approx(95.0 - 100.7)
    assert assess([("2024Q4", 101.0)]).status is Status.ACHIEVED


def test_observations_less_than_a_year_apart_are_insufficient() -> None:
    # 2024Q1 (t 2024.25) to 2024Q4 (t 2025.0) is 0.75 years
    assert assess([("2024Q1", 90.0), ("2024Q4", 95.0)]).status is Status.INSUFFICIENT_DATA
    # 2024Q1 to 2025Q1 is exactly one year: enough
    assert assess([("2024Q1", 90.0), ("2025Q1", 95.0)]).status is not Status.INSUFFICIENT_DATA


def test_observations_after_as_of_are_ignored() -> None:
    points = [("2021", 90.0), ("2024", 92.0), ("2025Q2", 101.0)]
    early = assess(points, as_of=date(2025, 6, 29))  # 2025Q2 ends 06-30
    assert early.period == "2024"
    assert early.status is Status.OFF_TRACK
    assert assess(points, as_of=date(2025, 6, 30)).status is Status.ACHIEVED


def test_baseline_above_target_then_below_is_deteriorating() -> None:
    a = assess([("2021", 102.0), ("2024", 100.0)])
    assert a.status is Status.DETERIORATING
    assert "baseline_above_target" in a.notes
    assert a.ratio is None  # required growth is negative: no meaningful ratio
    assert a.observed_growth is not None
    assert a.observed_growth < 0
    assert a.required_growth is not None
    assert a.required_growth < 0


def test_baseline_above_target_and_still_above_is_achieved() -> None:
    a = assess([("2021", 102.0), ("2024", 101.0)])
    assert a.status is Status.ACHIEVED
    assert "baseline_above_target" in a.notes


def test_baseline_exactly_at_target() -> None:
    a = assess([("2021", 100.7), ("2024", 100.0)])
    assert a.status is Status.DETERIORATING
    assert a.required_growth == 0.0


def test_declared_baseline_wins_over_earliest_observation() -> None:
    # declared 2020 = 85 (t 2021.0): required (100.7/85) ** (1/5) - 1 = 0.034480;
    # observed from 85 to 92 over 4 years (t 2025.0): (92/85) ** (1/4) - 1 = 0.019981 → 0.5795
    a = assess([("2021", 90.0), ("2024", 92.0)], baseline=("2020", 85.0))
    assert (a.baseline_period, a.baseline_value, a.baseline_source) == ("2020", 85.0, "plan")
    assert a.ratio == pytest.approx(0.5795, abs=1e-4)
    assert a.status is Status.OFF_TRACK


def test_non_positive_base_falls_back_to_linear_growth() -> None:
    # base 0 in 2021 (t 2022), 50 in 2024 (t 2025): observed 50 / 3 = 16.667 pp a year;
    # required (100.7 - 0) / 4 = 25.175 pp a year; r = 0.662
    a = assess([("2021", 0.0), ("2024", 50.0)])
    assert a.growth_method == "linear"
    assert "linear_growth" in a.notes
    assert a.observed_growth == pytest.approx(50 / 3)
    assert a.required_growth == pytest.approx(25.175)
    assert a.ratio == pytest.approx(0.6621, abs=1e-4)
    assert a.status is Status.NEEDS_ACCELERATION


def test_base_and_current_of_different_sign_use_linear_growth() -> None:
    # -10 → 20 over 3 years: 10 pp a year; required (100.7 + 10) / 4 = 27.675; r = 0.361
    a = assess([("2021", -10.0), ("2024", 20.0)])
    assert a.growth_method == "linear"
    assert a.ratio == pytest.approx(10 / 27.675)
    assert a.status is Status.OFF_TRACK
    # falling below zero from a positive base is deterioration either way
    assert assess([("2021", 10.0), ("2024", -1.0)]).status is Status.DETERIORATING


def test_lower_is_better_mirrors_every_comparison() -> None:
    # a drop-out rate from 10 to 8.5 over 3 years, target 5 by 2025
    kw = {"target": 5.0, "direction": Direction.LOWER_IS_BETTER}
    a = assess([("2021", 10.0), ("2024", 8.5)], **kw)  # type: ignore[arg-type]
    # observed (8.5/10) ** (1/3) - 1 = -0.052732; required (5/10) ** (1/4) - 1 = -0.159104
    assert a.ratio == pytest.approx(0.052732 / 0.159104, abs=1e-5)
    assert a.status is Status.OFF_TRACK
    assert assess([("2021", 10.0), ("2024", 4.0)], **kw).status is Status.ACHIEVED  # type: ignore[arg-type]
    assert assess([("2021", 10.0), ("2024", 11.0)], **kw).status is Status.DETERIORATING  # type: ignore[arg-type]


def test_path_value_and_gap() -> None:
    # straight path 90 (t 2022) → 100.7 (t 2026); at t 2024 (the 2023 figure): 95.35
    a = assess([("2021", 90.0), ("2023", 96.0)])
    assert a.path_value == pytest.approx(95.35)
    assert a.path_gap == pytest.approx(0.65)


def test_projection_weights_recent_points_more() -> None:
    # points (t, v): (2022, 90), (2023, 90), (2024, 96), weights 1, 2, 3.
    # weighted means: t = 2023.3333, v = 93; Sxx = 3.3333, Sxy = 12; slope 3.6;
    # at t 2026: 93 + 3.6 × 2.6667 = 102.6 (plain least squares would give 101.0)
    a = assess([("2021", 90.0), ("2022", 90.0), ("2023", 96.0)])
    assert a.projected == pytest.approx(102.6)
    assert a.projected_gap == pytest.approx(102.6 - 100.7)


def test_projection_uses_the_last_twelve_points_only() -> None:
    old = [Point(Period(y, q), 0.0) for y in (2018, 2019) for q in (1, 2, 3, 4)]
    recent = [
        Point(Period(y, q), 90.0 + i)
        for i, (y, q) in enumerate((y, q) for y in (2020, 2021, 2022) for q in (1, 2, 3, 4))
    ]
    # the twelve recent points lie on v = 90 + 4 (t - 2020.25): exactly 1 a quarter
    assert project(old + recent, 2026.0) == pytest.approx(90 + 4 * (2026.0 - 2020.25))


def test_projection_needs_a_year_of_span() -> None:
    assert project([Point(Period(2024, 1), 90.0), Point(Period(2024, 3), 91.0)], 2026.0) is None
    assert project([Point(Period(2024, 1), 90.0)], 2026.0) is None


# --- target years that are over: verdicts --------------------------------------------------


def test_target_year_just_over_gives_a_verdict_on_2025q4() -> None:
    points = [("2024", 95.0), ("2025Q3", 99.0), ("2025Q4", 101.0)]
    a = assess(points, as_of=date(2026, 1, 1))
    assert (a.status, a.rag, a.period, a.value) == (Status.MET, Rag.GREEN, "2025Q4", 101.0)
    assert a.gap == pytest.approx(0.3)
    assert a.ratio is None
    assert a.projected is None
    assert a.path_value is None


def test_the_last_day_of_the_target_year_is_still_a_trend() -> None:
    a = assess([("2024", 95.0), ("2025Q4", 99.0)], as_of=date(2025, 12, 31))
    assert a.status not in (Status.MET, Status.MISSED)
    assert a.period == "2025Q4"


def test_missed_when_the_last_observation_in_the_year_is_short() -> None:
    # an earlier quarter above the target does not count: the last one in the year does
    a = assess([("2025Q3", 101.0), ("2025Q4", 99.0)], as_of=date(2026, 1, 1))
    assert (a.status, a.rag, a.period) == (Status.MISSED, Rag.RED, "2025Q4")
    assert a.gap == pytest.approx(-1.7)


def test_annual_figure_is_the_last_observation_of_its_year() -> None:
    a = assess([("2025Q4", 99.0), ("2025", 101.0)], as_of=date(2026, 3, 1))
    assert (a.status, a.period) == (Status.MET, "2025")


def test_no_observation_in_the_target_year_is_no_data() -> None:
    a = assess([("2024", 101.0), ("2026Q1", 101.0)], as_of=date(2026, 6, 30))
    assert a.status is Status.NO_DATA
    assert "no_observation_in_target_year" in a.notes


def test_rag_mapping_covers_every_status() -> None:
    assert set(RAG_BY_STATUS) == set(Status)
    assert {s for s, r in RAG_BY_STATUS.items() if r is Rag.GREEN} == {
        Status.ACHIEVED,
        Status.MET,
        Status.ON_TRACK,
    }
    assert {s for s, r in RAG_BY_STATUS.items() if r is Rag.AMBER} == {
        Status.NEEDS_ACCELERATION,
        Status.INSUFFICIENT_DATA,
    }
    assert {s for s, r in RAG_BY_STATUS.items() if r is Rag.RED} == {
        Status.OFF_TRACK,
        Status.DETERIORATING,
        Status.MISSED,
    }


# --- through the plan ----------------------------------------------------------------------


def run(plan: Plan, observations: list[Observation], as_of: date) -> list[IndicatorAssessment]:
    data = aggregate(plan, ObservationSet.from_observations(observations))
    return assess_indicators(plan, data, as_of)


def test_every_region_indicator_and_target_year_in_report_order(plan: Plan) -> None:
    rows = run(plan, [obs(YANGSHUO, "2024", 95.0)], date(2025, 3, 31))
    keys = [(a.target_year, a.region) for a in rows]
    assert keys == [(y, r) for y in (2025, 2030) for r in (YANGSHUO, LINGCHUAN, LONGSHENG, CITY)]
    assert {a.region: a.region_level for a in rows} == {
        YANGSHUO: "county",
        LINGCHUAN: "county",
        LONGSHENG: "county",
        CITY: "city",
    }
    assert [a.target for a in rows if a.region == YANGSHUO] == [100.7, 102.2]


def test_county_missing_a_year_keeps_its_older_figure(plan: Plan) -> None:
    observations = [
        obs(YANGSHUO, "2022", 92.0),
        obs(YANGSHUO, "2023", 94.0),
        obs(YANGSHUO, "2024", 97.0),
        obs(LINGCHUAN, "2022", 90.0),
        obs(LINGCHUAN, "2023", 93.0),  # no 2024 figure
    ]
    rows = {(a.region, a.target_year): a for a in run(plan, observations, date(2025, 3, 31))}
    lingchuan = rows[(LINGCHUAN, 2025)]
    assert lingchuan.period == "2023"
    assert "older_period" in lingchuan.notes
    # baseline 2022 (t 2023): observed 93/90 - 1 = 0.033333 over one year;
    # required (100.7/90) ** (1/3) - 1 = 0.038155 over three; r = 0.874
    assert lingchuan.ratio == pytest.approx((93 / 90 - 1) / ((100.7 / 90) ** (1 / 3) - 1))
    assert lingchuan.ratio == pytest.approx(0.8734, abs=1e-3)
    assert lingchuan.status is Status.NEEDS_ACCELERATION
    assert "older_period" not in rows[(YANGSHUO, 2025)].notes
    assert rows[(LONGSHENG, 2025)].status is Status.NO_DATA


def test_plan_baseline_is_used(plan_factory: object) -> None:
    plan = make_plan(
        baselines=[{"region": YANGSHUO, "indicator": PRE, "period": "2020", "value": 85.0}]
    )
    rows = run(plan, [obs(YANGSHUO, "2021", 90.0), obs(YANGSHUO, "2024", 92.0)], date(2025, 3, 1))
    a = next(r for r in rows if r.region == YANGSHUO and r.target_year == 2025)
    assert a.baseline_source == "plan"
    assert a.ratio == pytest.approx(0.5795, abs=1e-4)


def test_result_serialises_to_json() -> None:
    a = assess([("2021", 90.0), ("2024", 96.0)])
    rows = TypeAdapter(IndicatorAssessment)
    data = rows.dump_python(a, mode="json")
    assert data["status"] == "needs_acceleration"
    assert data["rag"] == "amber"
    assert rows.validate_python(data) == a
