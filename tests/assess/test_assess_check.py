"""The whole check: JSON shape, summary counts, the API, and invariants (hypothesis)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pytest
from assess_fixtures import CITY, LINGCHUAN, LONGSHENG, PRE, YANGSHUO, make_plan, obs
from hypothesis import given, settings
from hypothesis import strategies as st

from gl_plan.api import Sources, run_check
from gl_plan.assess.check import JSON_KEYS, build_check
from gl_plan.assess.indicators import STATUS_RANK, Status
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.errors import Problem, Severity
from gl_plan.periods import Period
from gl_plan.plan.models import Plan

AS_OF = date(2025, 3, 31)

SAMPLE = [
    obs(YANGSHUO, "2021", num=450, den=500),  # 90
    obs(YANGSHUO, "2024", num=490, den=500),  # 98 → on track
    obs(LINGCHUAN, "2021", num=1800, den=2000),  # 90
    obs(LINGCHUAN, "2024", num=1840, den=2000),  # 92 → off track
    obs(LONGSHENG, "2021", num=270, den=300),  # 90
    obs(LONGSHENG, "2024", num=264, den=300),  # 88 → deteriorating
]


def test_json_has_exactly_the_documented_keys(plan: Plan) -> None:
    result = build_check(plan, ObservationSet.from_observations(SAMPLE), AS_OF)
    data = result.to_json()
    assert tuple(data) == JSON_KEYS
    assert data["as_of"] == "2025-03-31"
    assert data["plan"]["id"] == "test-plan"
    assert data["tasks"] == []
    row = data["indicators"][0]
    for key in (
        "region",
        "indicator",
        "target_year",
        "target",
        "period",
        "value",
        "gap",
        "status",
        "rag",
    ):
        assert key in row
    assert json.loads(json.dumps(data)) == data  # plain JSON types only


def test_summary_counts_and_who_is_behind(plan: Plan) -> None:
    issues = [Problem("bad", file="a.csv", line=3), Problem("odd", severity=Severity.WARNING)]
    result = build_check(plan, ObservationSet.from_observations(SAMPLE), AS_OF, data_issues=issues)
    statuses = {(a.region, a.target_year): a.status for a in result.indicators}
    assert statuses[(YANGSHUO, 2025)] is Status.ON_TRACK
    assert statuses[(LINGCHUAN, 2025)] is Status.OFF_TRACK
    assert statuses[(LONGSHENG, 2025)] is Status.DETERIORATING
    # the city: 2520 / 2800 = 90 → (2594 / 2800) = 92.64; (92.64/90)^(1/3)-1 = 0.009689,
    # r = 0.340: off track
    assert statuses[(CITY, 2025)] is Status.OFF_TRACK
    s = result.summary
    assert s.indicators.total == 8
    assert s.by_target_year["2025"].by_status["off_track"] == 2
    assert s.by_target_year["2025"].by_rag == {"red": 3, "amber": 0, "green": 1, "grey": 0}
    # behind: every level, the counties first, worst gap first (88 before 92), the city last
    assert s.behind["2025"] == {PRE: [LONGSHENG, LINGCHUAN, CITY]}
    assert s.data_issues == {"error": 1, "warning": 1, "info": 0}
    assert s.standards == {"pass": 3, "fail": 0, "no_data": 3}
    assert result.to_json()["data_issues"][0]["file"] == "a.csv"


@dataclass
class FakeDataResult:
    observations: ObservationSet
    issues: list[Problem] = field(default_factory=list)
    files: list[Any] = field(default_factory=list)


@dataclass
class FakeFile:
    path: str


def test_run_check_accepts_the_readers_result(plan: Plan) -> None:
    data = FakeDataResult(
        ObservationSet.from_observations(SAMPLE), [Problem("bad")], [FakeFile("a.csv")]
    )
    result = run_check(plan, data, AS_OF)
    assert result.sources.data == ["a.csv"]
    assert len(result.data_issues) == 1
    bare = run_check(plan, data.observations, AS_OF, sources=Sources(plan="p.yaml"))
    assert bare.indicators == result.indicators
    assert bare.sources.plan == "p.yaml"
    assert bare.data_issues == []


# --- invariants ------------------------------------------------------------------------------

PERIODS = [Period(y, q) for y in range(2020, 2027) for q in (1, 2, 3, 4)] + [
    Period(y) for y in range(2020, 2027)
]
AS_OF_DATES = [date(2024, 6, 30), date(2025, 12, 31), date(2026, 1, 1), date(2031, 1, 1)]
PLAN = make_plan()


@st.composite
def county_series(draw: st.DrawFn) -> list[Observation]:
    periods = draw(st.lists(st.sampled_from(PERIODS), min_size=1, max_size=8, unique=True))
    periods.sort(key=lambda p: p.ordinal)
    values = draw(
        st.lists(
            st.floats(-5, 150, allow_nan=False).map(lambda v: round(v, 2)),
            min_size=len(periods),
            max_size=len(periods),
        )
    )
    return [Observation(YANGSHUO, p, PRE, v) for p, v in zip(periods, values, strict=True)]


@settings(max_examples=200, deadline=None)
@given(
    series=county_series(),
    bump=st.floats(0, 60, allow_nan=False),
    as_of=st.sampled_from(AS_OF_DATES),
    declared=st.none() | st.floats(1, 120, allow_nan=False),
)
def test_raising_the_latest_value_never_worsens_the_status(
    series: list[Observation], bump: float, as_of: date, declared: float | None
) -> None:
    plan = (
        PLAN
        if declared is None
        else make_plan(
            baselines=[{"region": YANGSHUO, "indicator": PRE, "period": "2019", "value": declared}]
        )
    )
    usable = [o for o in series if o.period.end <= as_of]
    raised = list(series)
    if usable:
        i = series.index(usable[-1])
        raised[i] = replace(series[i], value=series[i].value + bump)

    def ranks(observations: list[Observation]) -> dict[int, Status]:
        result = build_check(plan, ObservationSet.from_observations(observations), as_of)
        return {a.target_year: a.status for a in result.indicators if a.region == YANGSHUO}

    before, after = ranks(series), ranks(raised)
    for year, status in before.items():
        assert STATUS_RANK[after[year]] >= STATUS_RANK[status], (year, status, after[year])


@st.composite
def counted_observations(draw: st.DrawFn) -> list[Observation]:
    out: list[Observation] = []
    for region in (YANGSHUO, LINGCHUAN, LONGSHENG):
        periods = draw(st.lists(st.sampled_from(PERIODS), max_size=6, unique=True))
        for p in periods:
            den = draw(st.integers(100, 5000))
            num = draw(st.integers(0, 6000))
            with_counts = draw(st.booleans())
            value = num / den * 100
            out.append(
                Observation(
                    region,
                    p,
                    PRE,
                    value,
                    float(num) if with_counts else None,
                    float(den) if with_counts else None,
                )
            )
    return out


@settings(max_examples=100, deadline=None)
@given(
    observations=counted_observations(),
    data=st.data(),
    as_of=st.sampled_from(AS_OF_DATES),
)
def test_results_do_not_depend_on_row_order_or_files(
    observations: list[Observation], data: st.DataObject, as_of: date
) -> None:
    shuffled = data.draw(st.permutations(observations))
    files = data.draw(st.integers(1, 4))
    split = [
        replace(o, source=f"file{data.draw(st.integers(0, files - 1))}.csv", line=i + 2)
        for i, o in enumerate(shuffled)
    ]

    def essence(obs_list: list[Observation]) -> dict[str, Any]:
        result = build_check(PLAN, ObservationSet.from_observations(obs_list), as_of)
        out = result.to_json()
        del out["sources"]
        return out

    assert essence(observations) == essence(split)


@pytest.mark.parametrize("as_of", [date(2025, 12, 31), date(2026, 1, 1)])
def test_2025_verdict_from_2025q4_data(plan: Plan, as_of: date) -> None:
    observations = ObservationSet.from_observations(
        [
            obs(YANGSHUO, "2024Q4", num=480, den=500),  # 96
            obs(YANGSHUO, "2025Q4", num=505, den=500),  # 101 ≥ 100.7
            obs(LINGCHUAN, "2024Q4", num=1900, den=2000),  # 95
            obs(LINGCHUAN, "2025Q4", num=2000, den=2000),  # 100 < 100.7
            # 2500 of 2024Q4's 2750 in the denominators (90.9 %): enough coverage to judge
            obs(LONGSHENG, "2024Q4", num=240, den=250),
        ]
    )
    result = build_check(plan, observations, as_of)
    by = {(a.region, a.target_year): a for a in result.indicators}
    if as_of.year == 2026:
        assert by[(YANGSHUO, 2025)].status is Status.MET
        assert by[(LINGCHUAN, 2025)].status is Status.MISSED
        assert by[(LONGSHENG, 2025)].status is Status.NO_DATA
        # the city: 2505 / 2500 = 100.2, from two of three counties: missed, partial
        city = by[(CITY, 2025)]
        assert city.status is Status.MISSED
        assert city.value == pytest.approx(100.2)
        assert "partial_coverage" in city.notes
        # 2030 is still ahead: a trend status
        assert by[(YANGSHUO, 2030)].status not in (Status.MET, Status.MISSED)
    else:
        assert by[(YANGSHUO, 2025)].status is Status.ACHIEVED
        # 95 → 100 in a year; required (100.7/95)^(1/1.0) - 1 = 0.06: r = 0.877
        assert by[(LINGCHUAN, 2025)].status is Status.NEEDS_ACCELERATION


def test_json_text_is_the_json_document(plan: Plan) -> None:
    import json

    from gl_plan.assess.check import CheckResult

    result = build_check(plan, ObservationSet.from_observations(SAMPLE), AS_OF)
    assert tuple(CheckResult.model_fields) == JSON_KEYS
    assert json.loads(result.to_json_text()) == result.to_json()
