"""National county thresholds: pass / fail / no data on each county's latest value."""

from __future__ import annotations

from datetime import date

from assess_fixtures import COVERAGE, LINGCHUAN, LONGSHENG, PRE, YANGSHUO, obs

from gl_plan.assess.aggregate import aggregate
from gl_plan.assess.standards import StandardOutcome, assess_standards
from gl_plan.data.observations import ObservationSet
from gl_plan.plan.models import Plan


def test_pass_fail_and_no_data(plan: Plan) -> None:
    observations = ObservationSet.from_observations(
        [
            obs(YANGSHUO, "2023", 80.0),
            obs(YANGSHUO, "2024", 86.0),  # latest passes
            obs(LINGCHUAN, "2023", 90.0),
            obs(LINGCHUAN, "2024", 84.9),  # latest fails
            obs(LONGSHENG, "2024", 85.0, indicator=COVERAGE),  # coverage 85 ≥ 80
        ]
    )
    results = assess_standards(plan, aggregate(plan, observations), date(2025, 3, 31))
    table = {(r.standard, r.region): (r.result, r.value, r.period) for r in results}
    assert table == {
        ("preschool_85", YANGSHUO): (StandardOutcome.PASS, 86.0, "2024"),
        ("preschool_85", LINGCHUAN): (StandardOutcome.FAIL, 84.9, "2024"),
        ("preschool_85", LONGSHENG): (StandardOutcome.NO_DATA, None, None),
        ("coverage_80", YANGSHUO): (StandardOutcome.NO_DATA, None, None),
        ("coverage_80", LINGCHUAN): (StandardOutcome.NO_DATA, None, None),
        ("coverage_80", LONGSHENG): (StandardOutcome.PASS, 85.0, "2024"),
    }
    # the city is not a kind these standards apply to
    assert all(r.region != "450300" for r in results)
    first = results[0]
    assert (first.indicator, first.threshold, first.comparison) == (PRE, 85.0, "at_least")


def test_threshold_is_inclusive_and_as_of_limits_the_data(plan: Plan) -> None:
    observations = ObservationSet.from_observations(
        [
            obs(YANGSHUO, "2024", 85.0),
            obs(YANGSHUO, "2025Q1", 70.0),
        ]
    )
    early = assess_standards(plan, observations, date(2025, 3, 30))
    assert early[0].result is StandardOutcome.PASS
    assert early[0].period == "2024"
    late = assess_standards(plan, observations, date(2025, 3, 31))
    assert late[0].result is StandardOutcome.FAIL
    assert late[0].period == "2025Q1"


def test_results_serialise(plan: Plan) -> None:
    observations = ObservationSet.from_observations([obs(YANGSHUO, "2024", 86.0)])
    result = assess_standards(plan, observations, date(2025, 3, 31))[0]
    assert result.model_dump(mode="json")["result"] == "pass"
