"""Targets as county and national plans state them: qualified, scoped, rates only.

A county's 十四五 plan (one county, three townships) writes 全县…保持在96%以上 for the county
alone, 力争 for a stretch goal and 约束性 / 预期性 in its 主要指标表; a national plan gives
rates without counts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from gl_plan.api import run_check
from gl_plan.assess.check import CheckResult, FailOn, findings
from gl_plan.assess.indicators import Status
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.data.quality import check_completeness, jump_flags
from gl_plan.periods import Period
from gl_plan.plan.models import Plan
from gl_plan.plan.targets import Target, TargetComparison, read_wording
from gl_plan.report.check_summary import footnotes, headline, year_heading

COUNTY, TOWNS = "450321", ["450321100", "450321101", "450321102"]
RATE, SHARE, TOP_ONLY = "consolidation", "inclusive_share", "spending_share"


def _indicator(ident: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "name": {"zh": ident, "en": ident},
        "plausible_range": {"min": 0, "max": 150},
        **extra,
    }


def county_plan(targets: dict[str, Any], **indicator_extra: Any) -> Plan:
    return Plan.model_validate(
        {
            "plan": {
                "id": "county",
                "title": {"zh": "阳朔县十四五教育规划"},
                "issued": "2021-06-01",
            },
            "regions": [
                {
                    "code": COUNTY,
                    "name": {"zh": "阳朔县"},
                    "short": {"zh": "阳朔"},
                    "kind": "county",
                },
                *(
                    {
                        "code": code,
                        "name": {"zh": f"镇{i}"},
                        "short": {"zh": f"镇{i}"},
                        "kind": "township",
                        "parent": COUNTY,
                    }
                    for i, code in enumerate(TOWNS)
                ),
            ],
            "indicators": [
                _indicator(RATE, **indicator_extra),
                _indicator(SHARE),
                _indicator(TOP_ONLY, levels=[0]),
            ],
            "goals": [{"year": 2025, "text": {"zh": "到2025年"}, "targets": targets}],
            "actions": [
                {
                    "id": "三",
                    "title": {"zh": "行动"},
                    "tasks": [
                        {
                            "id": "三.1",
                            "title": {"zh": "任务"},
                            "text": "原文",
                            "deadline": "三年内",
                        }
                    ],
                }
            ],
        }
    )


def figures(rows: list[tuple[str, str, int | tuple[int, int], float]]) -> ObservationSet:
    return ObservationSet.from_observations(
        [
            Observation(code, Period(*p) if isinstance(p, tuple) else Period(p), ind, value)
            for code, ind, p, value in rows
        ]
    )


def by_region(result: CheckResult, indicator: str) -> dict[str, Status]:
    return {a.region: a.status for a in result.indicators if a.indicator == indicator}


def test_the_county_wide_target_applies_to_the_county_only() -> None:
    plan = county_plan({RATE: {"wording": "全县保持在96%以上", "applies_to": "top"}})
    rows = [(COUNTY, RATE, y, 97.0) for y in (2021, 2022, 2023)]
    rows += [(TOWNS[0], RATE, y, 90.0) for y in (2021, 2022, 2023)]
    result = run_check(plan, figures(rows), date(2024, 3, 31))
    # The townships are not red: the target is not theirs, so they get no rows at all.
    assert by_region(result, RATE) == {COUNTY: Status.ACHIEVED}
    assert result.summary.behind["2025"][RATE] == []


def test_wording_in_a_target_and_in_plain_text() -> None:
    spelt = Target.model_validate({"wording": "全县保持在96%以上", "applies_to": "top"})
    assert (spelt.value, spelt.comparison, spelt.maintain) == (
        96.0,
        TargetComparison.AT_LEAST,
        True,
    )
    assert read_wording("不超过10%")["comparison"] == "at_most"
    assert read_wording("95%左右")["comparison"] == "about"
    with pytest.raises(ValidationError, match="cannot read the target"):
        county_plan({RATE: "大幅提高"})


def test_maintain_is_judged_on_every_period_not_the_last() -> None:
    plan = county_plan({RATE: "保持在96%以上"})
    dip = [(COUNTY, RATE, 2022, 97.0), (COUNTY, RATE, 2023, 95.0), (COUNTY, RATE, 2025, 97.0)]
    over = {a.region: a for a in run_check(plan, figures(dip), date(2026, 3, 1)).indicators}
    assert (over[COUNTY].status, over[COUNTY].period) == (Status.MISSED, "2023")
    assert "maintain_breached" in over[COUNTY].notes
    # A year ahead: the latest figure holds the line, the earlier dip is noted.
    ahead = run_check(plan, figures([*dip[:2], (COUNTY, RATE, 2024, 97.0)]), date(2025, 3, 1))
    county = next(a for a in ahead.indicators if a.region == COUNTY)
    assert county.status is Status.ACHIEVED
    assert "maintain_breached" in county.notes
    held = [(COUNTY, RATE, y, 96.5) for y in (2021, 2022, 2023, 2024, 2025)]
    assert by_region(run_check(plan, figures(held), date(2026, 3, 1)), RATE)[COUNTY] is Status.MET


@pytest.mark.parametrize(
    ("target", "value", "status"),
    [
        ("96%以上", 96.0, Status.MET),
        ("96%以上", 95.9, Status.MISSED),
        ("不超过10%", 10.0, Status.MET),  # at most, on a higher-is-better indicator
        ("不超过10%", 10.5, Status.MISSED),
        ("95%左右", 94.0, Status.MET),  # ±1 point by default
        ("95%左右", 93.9, Status.MISSED),
        ({"wording": "95%左右", "tolerance": 0.5}, 94.4, Status.MISSED),
        ("2-4所", 2.0, Status.MET),
        ("2-4所", 1.0, Status.MISSED),
    ],
)
def test_qualified_targets_are_judged_by_their_terms(
    target: Any, value: float, status: Status
) -> None:
    plan = county_plan({RATE: target})
    result = run_check(plan, figures([(COUNTY, RATE, 2025, value)]), date(2026, 3, 1))
    assert by_region(result, RATE)[COUNTY] is status


def test_aspirational_targets_are_reported_beside_and_never_counted_behind() -> None:
    plan = county_plan({RATE: "96%以上", SHARE: "力争60%"})
    rows = [(COUNTY, RATE, 2025, 97.0), (COUNTY, SHARE, 2025, 40.0)]
    result = run_check(plan, figures(rows), date(2026, 3, 1))
    assert by_region(result, SHARE)[COUNTY] is Status.MISSED  # reported as it is
    assert result.summary.by_target_year["2025"].by_rag["red"] == 0
    assert result.summary.aspirational["2025"].by_rag["red"] == 1
    assert SHARE not in result.summary.behind["2025"]
    assert findings(result, FailOn.OFF_TRACK) == {}
    _, lines = headline(result, plan, "en")
    assert "4 figures: 0 missed" in lines[0]
    assert "aspirational targets: 1 of 4 figures behind" in lines[0]


def test_binding_and_expected_are_carried_and_counted_apart() -> None:
    plan = county_plan(
        {RATE: {"value": 96, "attribute": "约束性"}, SHARE: {"value": 50, "attribute": "预期性"}}
    )
    rows = [(COUNTY, RATE, 2025, 90.0), (COUNTY, SHARE, 2025, 40.0)]
    result = run_check(plan, figures(rows), date(2026, 3, 1))
    assert result.summary.binding["2025"].by_rag["red"] == 1
    assert result.summary.binding["2025"].total == 4  # the county and its townships
    _, lines = headline(result, plan, "zh")
    assert "约束性指标 4 项数据中 1 项" in lines[0]
    assert "96（约束性）" in year_heading(result, plan, 2025, "zh")
    assert "binding" in result.to_json_text()


def test_an_indicator_reported_at_the_top_has_no_township_rows_or_warnings() -> None:
    plan = county_plan({TOP_ONLY: 4.0, RATE: 96.0})
    rows = [(COUNTY, TOP_ONLY, 2023, 4.1), *((t, RATE, 2023, 97.0) for t in TOWNS)]
    observations = figures(rows)
    result = run_check(plan, observations, date(2024, 3, 31))
    assert set(by_region(result, TOP_ONLY)) == {COUNTY}
    assert not any(TOP_ONLY in str(p.message) for p in check_completeness(observations, plan))


def test_a_target_for_a_level_or_named_regions() -> None:
    plan = county_plan({RATE: {"value": 96, "levels": [1]}})
    rows = [(t, RATE, 2023, 97.0) for t in TOWNS]
    assert set(by_region(run_check(plan, figures(rows), date(2024, 3, 31)), RATE)) == set(TOWNS)
    plan = county_plan({RATE: {"value": 96, "regions": [TOWNS[1]]}})
    assert set(by_region(run_check(plan, figures(rows), date(2024, 3, 31)), RATE)) == {TOWNS[1]}
    with pytest.raises(ValidationError, match="unknown region '450321999'"):
        county_plan({RATE: {"value": 96, "regions": ["450321999"]}})
    with pytest.raises(ValidationError, match="no level 5"):
        county_plan({RATE: {"value": 96, "levels": [5]}})


def test_an_indicator_sets_its_own_change_limits() -> None:
    rows = [(COUNTY, RATE, (2023, 1), 80.0), (COUNTY, RATE, (2023, 2), 85.0)]
    rows += [(COUNTY, RATE, 2022, 70.0), (COUNTY, RATE, 2023, 78.0)]
    default = county_plan({RATE: 96.0})
    assert {str(f.observation.period) for f in jump_flags(figures(rows), default)} == {
        "2023Q2",
        "2023",
    }
    own = county_plan({RATE: 96.0}, change_limits={"quarter": 6.0, "year": 10.0})
    assert jump_flags(figures(rows), own) == []
    only_year = county_plan({RATE: 96.0}, change_limits={"year": 10.0})
    assert [str(f.observation.period) for f in jump_flags(figures(rows), only_year)] == ["2023Q2"]


def test_a_relative_time_limit_counts_from_the_plan_issue_date() -> None:
    plan = county_plan({RATE: 96.0})
    assert plan.task_by_id["三.1"].due == date(2024, 5, 31)


def test_old_style_plain_numbers_carry_no_terms() -> None:
    plan = county_plan({RATE: 96.0})
    result = run_check(plan, figures([(COUNTY, RATE, 2025, 97.0)]), date(2026, 3, 1))
    assert all(a.terms is None for a in result.indicators)
    assert '"terms"' not in result.to_json_text()
    assert '"aspirational"' not in result.to_json_text()


def test_a_national_plan_with_rates_only() -> None:
    provinces = ["110000", "450000"]
    plan = Plan.model_validate(
        {
            "plan": {"id": "nation", "title": {"zh": "教育规划"}, "issued": "2021-03-01"},
            "regions": [
                {"code": "CN", "name": {"zh": "全国"}, "short": {"zh": "全国"}, "kind": "nation"},
                *(
                    {
                        "code": code,
                        "name": {"zh": code},
                        "short": {"zh": code},
                        "kind": "province",
                        "parent": "CN",
                    }
                    for code in provinces
                ),
            ],
            # A percent without numerator and denominator: the plan has rates only.
            "indicators": [_indicator(RATE, unit="percent")],
            "goals": [{"year": 2025, "text": {"zh": "到2025年"}, "targets": {RATE: "96%以上"}}],
            "actions": [
                {
                    "id": "专栏3",
                    "title": {"zh": "专栏"},
                    "tasks": [
                        {
                            "id": "专栏3.1",
                            "title": {"zh": "任务"},
                            "text": "原文",
                            "deadline": "每学年",
                        }
                    ],
                }
            ],
        }
    )
    rows = [(p, RATE, 2023, v) for p, v in zip(provinces, (97.0, 95.0), strict=True)]
    result = run_check(plan, figures(rows), date(2024, 3, 31))
    nation = next(a for a in result.indicators if a.region == "CN")
    # Never the mean of 97 and 95: no figure, and the note says why.
    assert (nation.value, nation.status) == (None, Status.NO_DATA)
    assert nation.notes == ["rates_without_counts"]
    assert by_region(result, RATE)["450000"] is Status.INSUFFICIENT_DATA  # one figure so far
    said = [line for line in footnotes(result, plan, 2025, "en") if "rates without counts" in line]
    assert len(said) == 1


def test_task_ids_as_the_text_numbers_them_with_gaps() -> None:
    plan = county_plan({RATE: 96.0})
    data = plan.model_dump(mode="json", exclude_computed_fields=True)
    data["actions"] = [
        {
            "id": "三(一)",
            "title": {"zh": "行动"},
            "tasks": [
                {"id": f"三(一){n}", "title": {"zh": "任务"}, "text": "原文", "deadline": "每学期"}
                for n in (1, 2, 4)
            ],
        }
    ]
    tasks = Plan.model_validate(data).tasks
    assert [(t.id, t.action_id, t.key) for t in tasks][2] == ("三(一)4", "三(一)", "3-1-4")
    data["actions"][0]["tasks"].reverse()
    with pytest.raises(ValidationError, match="must be numbered above the task before it"):
        Plan.model_validate(data)
