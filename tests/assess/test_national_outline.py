"""The national education outline (2010–2020) as a plan: one region, the nation.

The plan (tests/fixtures/plans/any/national_outline.yaml) keeps the outline's chapter
numbers and time limits; the figures are the published national values, so the 2015 and
2020 verdicts below are the ones the Ministry of Education reported: every target met.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gl_plan.api import run_check
from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import Status
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.i18n import Lang
from gl_plan.periods import Period
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan, RegionKind
from gl_plan.report.check_files import check_markdown
from gl_plan.report.check_terminal import check_renderables
from gl_plan.report.format import plain_text

PLAN = Path(__file__).parents[1] / "fixtures" / "plans" / "any" / "national_outline.yaml"
AS_OF = date(2021, 6, 30)
PRE, COMP, SENIOR = "preschool_ger", "compulsory_consolidation", "senior_secondary_ger"

#: Year → (preschool GER, nine-year consolidation, senior secondary GER), in per cent.
PUBLISHED = {
    2009: (50.9, 90.8, 79.2),
    2015: (75.0, 93.0, 87.0),
    2020: (85.2, 95.2, 91.2),
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


def observations(figures: dict[int, tuple[float, float, float]]) -> ObservationSet:
    return ObservationSet.from_observations(
        [
            Observation("CN", Period(year), indicator, value)
            for year, values in figures.items()
            for indicator, value in zip((PRE, COMP, SENIOR), values, strict=True)
        ]
    )


def check(plan: Plan, figures: dict[int, tuple[float, float, float]]) -> CheckResult:
    return run_check(plan, observations(figures), AS_OF)


def table(result: CheckResult, plan: Plan, lang: Lang) -> str:
    return plain_text(check_renderables(result, plan, lang))


def test_the_outline_is_a_plan_of_the_nation_with_its_own_ids_and_time_limits(
    plan: Plan,
) -> None:
    assert [(r.code, r.kind) for r in plan.regions] == [("CN", RegionKind.NATION)]
    assert [a.id for a in plan.actions] == ["C3", "C4", "C5", "C19"]
    by_id = plan.task_by_id
    assert (by_id["C3.1"].deadline, by_id["C3.1"].due) == ("到2020年", date(2020, 12, 31))
    assert (by_id["C19.1"].deadline, by_id["C19.1"].due) == ("2012年", date(2012, 12, 31))
    assert {g.year: g.targets for g in plan.goals} == {
        2015: {PRE: 65, COMP: 93, SENIOR: 87},
        2020: {PRE: 70, COMP: 95, SENIOR: 90},
    }


def test_the_published_figures_meet_every_target(plan: Plan) -> None:
    result = check(plan, PUBLISHED)
    verdicts = {(a.target_year, a.indicator): a.status for a in result.indicators}
    assert verdicts == {(y, i): Status.MET for y in (2015, 2020) for i in (PRE, COMP, SENIOR)}
    # 2015: 93.0 and 87.0 are exactly at the targets, which counts as met
    gaps = {(a.target_year, a.indicator): a.gap for a in result.indicators}
    assert gaps[(2015, COMP)] == pytest.approx(0.0)
    assert gaps[(2020, PRE)] == pytest.approx(85.2 - 70)
    assert {a.region_level for a in result.indicators} == {"city"}  # the root, the only row
    assert result.summary.behind == {
        "2015": {PRE: [], COMP: [], SENIOR: []},
        "2020": {PRE: [], COMP: [], SENIOR: []},
    }
    out = table(result, plan, "en")
    assert "No county" not in out
    assert "China" in out


def test_a_missed_national_target_names_the_nation(plan: Plan) -> None:
    figures = {**PUBLISHED, 2020: (85.2, 95.2, 89.0)}
    result = check(plan, figures)
    a = next(a for a in result.indicators if (a.target_year, a.indicator) == (2020, SENIOR))
    assert (a.status, a.gap) == (Status.MISSED, pytest.approx(-1.0))
    assert result.summary.behind["2020"] == {PRE: [], COMP: [], SENIOR: ["CN"]}
    en = table(result, plan, "en")
    assert "Missed Senior secondary GER (target 90): China -1.0" in en
    assert "No county" not in en
    zh = table(result, plan, "zh")
    assert "高中阶段毛入学率未实现（目标 90）：全国 -1.0" in zh
    assert "县区" not in zh
    md = check_markdown(result, plan, "en")
    assert "- Missed Senior secondary GER (target 90): China -1.0" in md
