"""A province → prefecture cities → counties plan with a lower-is-better ratio.

Every expected figure and status is computed here by hand from the counts, with the
Statistics Canada formulas written out, independently of the library.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest
import yaml

from gl_plan.api import run_check
from gl_plan.assess.check import CheckResult
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.periods import Period
from gl_plan.plan.models import Plan

PLAN = Path(__file__).parents[1] / "fixtures" / "plans" / "any" / "province.yaml"
PTR = "pupil_teacher_ratio"
AS_OF = date(2027, 3, 31)

# (region, year) → (pupils, teachers); P-B reported its own 2024 counts, its counties did
# not (P-B2 reported nothing that year).
COUNTS = {
    ("P-A1", 2024): (20000, 1000),
    ("P-A2", 2024): (9000, 500),
    ("P-B", 2024): (24000, 1400),
    ("P-A1", 2026): (19000, 1050),
    ("P-A2", 2026): (9300, 500),
    ("P-B1", 2026): (14000, 900),
    ("P-B2", 2026): (8000, 500),
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return Plan.model_validate(yaml.safe_load(PLAN.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def result(plan: Plan) -> CheckResult:
    observations = [
        Observation(region, Period(year), PTR, num / den, float(num), float(den))
        for (region, year), (num, den) in COUNTS.items()
    ]
    return run_check(plan, ObservationSet.from_observations(observations), AS_OF)


def ratio(*keys: tuple[str, int]) -> float:
    return sum(COUNTS[k][0] for k in keys) / sum(COUNTS[k][1] for k in keys)


def by_hand(base: float, current: float, target: float) -> str:
    """The Statistics Canada status for a lower-is-better indicator: annual 2024 → 2026
    (period ends 2025.0 and 2027.0), target year 2030 (ends 2031.0)."""
    if current <= target:
        return "achieved"
    observed = (current / base) ** (1 / 2) - 1
    required = (target / base) ** (1 / 6) - 1
    r = -observed / abs(required)
    if r >= 0.95:
        return "on_track"
    if r >= 0.6:
        return "needs_acceleration"
    return "off_track" if r >= 0 else "deteriorating"


def row(result: CheckResult, region: str, year: int = 2030) -> tuple[float | None, str]:
    a = next(a for a in result.indicators if a.region == region and a.target_year == year)
    return a.value, a.status.value


def test_each_level_is_summed_from_the_one_below(result: CheckResult) -> None:
    a_2026 = ratio(("P-A1", 2026), ("P-A2", 2026))  # 28300 / 1550
    b_2026 = ratio(("P-B1", 2026), ("P-B2", 2026))  # 22000 / 1400
    province_2026 = ratio(*[(r, 2026) for r in ("P-A1", "P-A2", "P-B1", "P-B2")])
    assert row(result, "P-A")[0] == pytest.approx(a_2026)
    assert row(result, "P-B")[0] == pytest.approx(b_2026)
    assert row(result, "P")[0] == pytest.approx(province_2026)  # 50300 / 2950 = 17.05


def test_a_prefecture_stands_in_with_its_own_counts_where_its_counties_did_not_report(
    result: CheckResult,
) -> None:
    province = next(a for a in result.indicators if a.region == "P" and a.target_year == 2030)
    # 2024: P-A from its counties, P-B from its own reported counts: 53000 / 2900.
    assert province.baseline_value == pytest.approx(
        ratio(("P-A1", 2024), ("P-A2", 2024), ("P-B", 2024))
    )
    assert province.baseline_value == pytest.approx(53000 / 2900)


def test_statuses_match_the_hand_computation(result: CheckResult) -> None:
    target = 16.0
    expected = {
        "P-A1": by_hand(ratio(("P-A1", 2024)), ratio(("P-A1", 2026)), target),
        "P-A2": by_hand(ratio(("P-A2", 2024)), ratio(("P-A2", 2026)), target),
        "P-B1": "achieved",  # 14000 / 900 = 15.56 ≤ 16
        "P-B2": "achieved",  # 8000 / 500 = 16.0: at the target, one year is enough
        "P-A": by_hand(
            ratio(("P-A1", 2024), ("P-A2", 2024)), ratio(("P-A1", 2026), ("P-A2", 2026)), target
        ),
        "P-B": "achieved",  # 22000 / 1400 = 15.71
        "P": by_hand(
            53000 / 2900, ratio(*[(r, 2026) for r in ("P-A1", "P-A2", "P-B1", "P-B2")]), target
        ),
    }
    # The hand computation itself: A1 gains ground fast, A2 loses it, A in between.
    assert expected["P-A1"] == "on_track"
    assert expected["P-A2"] == "deteriorating"
    assert expected["P-A"] == "needs_acceleration"
    assert expected["P"] == "on_track"
    assert {region: row(result, region)[1] for region in expected} == expected


def test_gaps_are_above_target_for_a_lower_is_better_ratio(result: CheckResult) -> None:
    value, _ = row(result, "P-A2")
    a2 = next(a for a in result.indicators if a.region == "P-A2" and a.target_year == 2030)
    assert value is not None
    assert a2.gap == pytest.approx(value - 16.0)
    assert a2.gap is not None
    assert a2.gap > 0  # above the target is where the problem is
    assert math.isclose(value, 9300 / 500)


def test_behind_lists_every_level_worst_first(result: CheckResult) -> None:
    behind = result.summary.behind["2030"][PTR]
    assert behind[0] == "P-A2"


def test_rates_without_counts_give_the_parent_no_figure_and_a_note(plan: Plan) -> None:
    observations = [
        Observation("P-A1", Period(2026), PTR, 18.0),
        Observation("P-A2", Period(2026), PTR, 17.0),
    ]
    result = run_check(plan, ObservationSet.from_observations(observations), AS_OF)
    a = next(a for a in result.indicators if a.region == "P-A" and a.target_year == 2030)
    assert (a.value, a.status.value) == (None, "no_data")
    assert "rates_without_counts" in a.notes  # never the mean of 18 and 17


def test_counts_and_amounts_are_plain_sums() -> None:
    doc = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    doc["indicators"].append(
        {
            "id": "teachers_recruited",
            "name": {"zh": "新招聘教师数"},
            "unit": "count",
            "plausible_range": {"min": 0, "max": 10000},
        }
    )
    doc["goals"][0]["targets"]["teachers_recruited"] = 500
    doc["goals"][1]["targets"]["teachers_recruited"] = 800
    plan = Plan.model_validate(doc)
    recruited = {"P-A1": 120.0, "P-A2": 80.0, "P-B1": 60.0, "P-B2": 40.0}
    observations = [
        Observation(r, Period(2026), "teachers_recruited", v) for r, v in recruited.items()
    ]
    result = run_check(plan, ObservationSet.from_observations(observations), AS_OF)
    values = {
        a.region: a.value
        for a in result.indicators
        if a.indicator == "teachers_recruited" and a.target_year == 2030
    }
    assert values["P-A"] == 200.0
    assert values["P-B"] == 100.0
    assert values["P"] == 300.0
