"""Parent regions from counts (sum over sum), partial coverage, reported city figures."""

from __future__ import annotations

from datetime import date

import pytest
from assess_fixtures import CITY, LINGCHUAN, LONGSHENG, PRE, YANGSHUO, obs, plan_dict

from gl_plan.assess.aggregate import aggregate
from gl_plan.assess.indicators import assess_indicators, points_until
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.periods import Period
from gl_plan.plan.models import Plan


def city_points(plan: Plan, observations: list[Observation]) -> list[tuple[str, float]]:
    data = aggregate(plan, ObservationSet.from_observations(observations))
    return [
        (str(p.period), p.value)
        for p in points_until(data.observations.get(CITY, PRE), date(2100, 1, 1))
    ]


def test_city_is_sum_over_sum_not_the_mean_of_rates(plan: Plan) -> None:
    # Yangshuo 450 / 500 = 90 %, Lingchuan 2000 / 2000 = 100 %, Longsheng 330 / 300 = 110 %.
    # Mean of rates: 100.0. Sum over sum: 2780 / 2800 = 99.2857 %.
    observations = [
        obs(YANGSHUO, "2024", num=450, den=500),
        obs(LINGCHUAN, "2024", num=2000, den=2000),
        obs(LONGSHENG, "2024", num=330, den=300),
    ]
    data = aggregate(plan, ObservationSet.from_observations(observations))
    city = data.observations.get(CITY, PRE)
    assert city is not None
    assert len(city) == 1
    assert city[0].value == pytest.approx(99.285714, abs=1e-6)
    assert city[0].value != pytest.approx(100.0)
    assert (city[0].numerator, city[0].denominator) == (2780.0, 2800.0)
    cov = data.coverage[(CITY, PRE, Period(2024))]
    assert (cov.computed, cov.partial, cov.reporting, cov.expected) == (True, False, 3, 3)
    assert cov.missing == []


def test_a_city_rate_equal_to_a_round_number_is_that_number(plan: Plan) -> None:
    """29 of 50 is 58 exactly, not 57.99999999999999 (29 / 50 * 100 in floating point),
    which would miss a target of 58 the counts meet and show as 58.0 beside "missed"."""
    observations = [
        obs(YANGSHUO, "2024", num=14, den=25),
        obs(LINGCHUAN, "2024", num=15, den=25),
    ]
    assert city_points(plan, observations) == [("2024", 58.0)]


def test_the_city_assessment_uses_the_weighted_figure(plan: Plan) -> None:
    observations = [
        obs(YANGSHUO, "2024", num=450, den=500),
        obs(LINGCHUAN, "2024", num=2000, den=2000),
        obs(LONGSHENG, "2024", num=330, den=300),
    ]
    data = aggregate(plan, ObservationSet.from_observations(observations))
    rows = assess_indicators(plan, data, date(2025, 3, 31))
    city = next(a for a in rows if a.region == CITY and a.target_year == 2025)
    assert city.value == pytest.approx(2780 / 2800 * 100)
    assert city.gap == pytest.approx(2780 / 2800 * 100 - 100.7)  # -1.4143
    assert city.coverage is not None
    assert not city.coverage.partial
    assert city.notes == []


def test_a_county_without_counts_makes_the_city_partial(plan: Plan) -> None:
    # 2023: Lingchuan sent only a rate; 2024: Longsheng sent nothing.
    observations = [
        obs(YANGSHUO, "2023", num=450, den=500),
        obs(LINGCHUAN, "2023", value=97.0),
        obs(LONGSHENG, "2023", num=300, den=300),
        obs(YANGSHUO, "2024", num=460, den=500),
        obs(LINGCHUAN, "2024", num=1960, den=2000),
    ]
    data = aggregate(plan, ObservationSet.from_observations(observations))
    city = data.observations.get(CITY, PRE)
    assert city is not None
    # 2023: (450 + 300) / (500 + 300) = 93.75 — never averaged with Lingchuan's 97
    assert city[0].value == pytest.approx(93.75)
    cov23 = data.coverage[(CITY, PRE, Period(2023))]
    assert (cov23.partial, cov23.reporting, cov23.expected) == (True, 2, 3)
    assert cov23.missing == [LINGCHUAN]
    assert cov23.without_counts == [LINGCHUAN]
    # 2024: (460 + 1960) / 2500 = 96.8
    assert city[1].value == pytest.approx(96.8)
    cov24 = data.coverage[(CITY, PRE, Period(2024))]
    assert cov24.missing == [LONGSHENG]
    assert cov24.without_counts == []

    rows = assess_indicators(plan, data, date(2025, 3, 31))
    a = next(r for r in rows if r.region == CITY and r.target_year == 2025)
    assert a.period == "2024"
    assert "partial_coverage" in a.notes
    assert "baseline_partial_coverage" in a.notes
    assert a.coverage is not None
    assert a.coverage.missing == [LONGSHENG]


def test_no_counts_anywhere_gives_no_city_figure(plan: Plan) -> None:
    observations = [obs(YANGSHUO, "2024", 95.0), obs(LINGCHUAN, "2024", 97.0)]
    data = aggregate(plan, ObservationSet.from_observations(observations))
    assert data.observations.get(CITY, PRE) is None
    rows = assess_indicators(plan, data, date(2025, 3, 31))
    city = next(r for r in rows if r.region == CITY and r.target_year == 2025)
    assert city.status == "no_data"


def test_a_reported_city_figure_wins(plan: Plan) -> None:
    observations = [
        obs(YANGSHUO, "2024", num=450, den=500),
        obs(LINGCHUAN, "2024", num=2000, den=2000),
        obs(LONGSHENG, "2024", num=330, den=300),
        obs(CITY, "2024", 99.3),  # within 0.05 of 99.2857
        obs(CITY, "2023", 98.0),  # no county counts that year
    ]
    data = aggregate(plan, ObservationSet.from_observations(observations))
    assert city_points(plan, observations) == [("2023", 98.0), ("2024", 99.3)]
    cov = data.coverage[(CITY, PRE, Period(2024))]
    assert cov.computed is False
    assert cov.differs is False
    assert cov.computed_value == pytest.approx(99.285714, abs=1e-6)
    cov23 = data.coverage[(CITY, PRE, Period(2023))]
    assert (cov23.computed, cov23.reporting, cov23.computed_value) == (False, 0, None)
    rows = assess_indicators(plan, data, date(2025, 3, 31))
    city = next(r for r in rows if r.region == CITY and r.target_year == 2025)
    assert "reported_value" in city.notes
    assert "reported_differs_from_counties" not in city.notes


def test_a_reported_city_figure_far_from_the_counties_is_flagged(plan: Plan) -> None:
    observations = [
        obs(YANGSHUO, "2024", num=450, den=500),
        obs(LINGCHUAN, "2024", num=2000, den=2000),
        obs(LONGSHENG, "2024", num=330, den=300),
        obs(CITY, "2024", 100.0),
    ]
    data = aggregate(plan, ObservationSet.from_observations(observations))
    assert data.coverage[(CITY, PRE, Period(2024))].differs is True
    rows = assess_indicators(plan, data, date(2025, 3, 31))
    city = next(r for r in rows if r.region == CITY and r.target_year == 2025)
    assert city.value == 100.0
    assert "reported_differs_from_counties" in city.notes


def test_an_intermediate_region_is_aggregated_from_its_own_leaves() -> None:
    data = plan_dict()
    # put a group between the city and two of the counties
    data["regions"].insert(
        1,
        {
            "code": "450399",
            "name": {"zh": "北片", "en": "North"},
            "short": {"zh": "北片", "en": "North"},
            "kind": "district",
            "parent": CITY,
        },
    )
    for region in data["regions"]:
        if region["code"] in (YANGSHUO, LINGCHUAN):
            region["parent"] = "450399"
    plan = Plan.model_validate(data)
    observations = [
        obs(YANGSHUO, "2024", num=450, den=500),
        obs(LINGCHUAN, "2024", num=2000, den=2000),
        obs(LONGSHENG, "2024", num=330, den=300),
    ]
    agg = aggregate(plan, ObservationSet.from_observations(observations))
    group = agg.observations.get("450399", PRE)
    city = agg.observations.get(CITY, PRE)
    assert group is not None
    assert city is not None
    assert group[0].value == pytest.approx(2450 / 2500 * 100)
    assert city[0].value == pytest.approx(2780 / 2800 * 100)
    rows = assess_indicators(plan, agg, date(2025, 3, 31))
    order = [a.region for a in rows if a.target_year == 2025]
    assert order == [YANGSHUO, LINGCHUAN, LONGSHENG, "450399", CITY]
    assert {a.region: a.region_level for a in rows}["450399"] == "group"


def test_input_set_is_not_changed(plan: Plan) -> None:
    observations = ObservationSet.from_observations([obs(YANGSHUO, "2024", num=450, den=500)])
    before = set(observations.series)
    aggregate(plan, observations)
    assert set(observations.series) == before
