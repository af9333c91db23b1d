"""Reports of any plan: a lower-is-better ratio, three levels, the plan's own level words,
gaps with the precision they need, and the marks of figures to check.

The plan is tests/fixtures/plans/any/province.yaml (a province, two prefecture cities, four
counties, the pupil–teacher ratio); the figures are made up so that four regions at three
levels are behind.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from gl_plan.api import run_check
from gl_plan.assess.aggregate import Coverage
from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import Rag, Status
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.i18n import Lang
from gl_plan.periods import Period
from gl_plan.plan.models import Plan
from gl_plan.report.check_files import check_markdown
from gl_plan.report.check_summary import (
    behind_lines,
    footnotes,
    gap_text,
    indicator_keys,
    table_rows,
    value_text,
)
from gl_plan.report.check_terminal import check_renderables
from gl_plan.report.format import fmt_gap, plain_text
from gl_plan.report.levels import leaf_word, level_word, levels_below, whole

PLAN = Path(__file__).parents[1] / "fixtures" / "plans" / "any" / "province.yaml"
PTR = "pupil_teacher_ratio"
AS_OF = date(2027, 3, 31)

# (region, year) → (pupils, teachers). 2028 target 16.5: A1 17.39 and A2 19.0 were at or
# under it in 2024 and lost ground; B1 and B2 stay under it.
COUNTS = {
    ("P-A1", 2024): (20000, 1250),
    ("P-A2", 2024): (9000, 560),
    ("P-B1", 2024): (14000, 900),
    ("P-B2", 2024): (8000, 520),
    ("P-A1", 2026): (20000, 1150),
    ("P-A2", 2026): (9500, 500),
    ("P-B1", 2026): (14000, 900),
    ("P-B2", 2026): (8000, 520),
}


def load(extra: dict[str, object] | None = None) -> Plan:
    doc = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    doc.update(extra or {})
    return Plan.model_validate(doc)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load()


@pytest.fixture(scope="module")
def result(plan: Plan) -> CheckResult:
    observations = [
        Observation(region, Period(year), PTR, num / den, float(num), float(den))
        for (region, year), (num, den) in COUNTS.items()
    ]
    return run_check(plan, ObservationSet.from_observations(observations), AS_OF)


def table(result: CheckResult, plan: Plan, lang: Lang) -> str:
    return plain_text(check_renderables(result, plan, lang))


def test_behind_runs_the_right_way_for_a_lower_is_better_ratio(result: CheckResult) -> None:
    gaps = {a.region: a.gap for a in result.indicators if a.target_year == 2028}
    assert gaps["P-A2"] == pytest.approx(9500 / 500 - 16.5)  # +2.5: above is the problem
    assert gaps["P-A1"] == pytest.approx(20000 / 1150 - 16.5)
    # every level; in each, the largest gap above the target first
    assert result.summary.behind["2028"][PTR] == ["P-A2", "P-A1", "P-A", "P"]


def test_behind_lines_say_above_the_target(result: CheckResult, plan: Plan) -> None:
    [(head, items)] = behind_lines(result, plan, 2028, "en")
    assert head == ("Behind on Primary pupil-teacher ratio, above the target (target 16.5): ")
    assert items == ["甲二 +2.5", "甲一 +0.9", "甲市 +1.4", "示例省 +0.3"]
    [(head_zh, _)] = behind_lines(result, plan, 2028, "zh")
    assert head_zh == "小学生师比落后，高于目标（目标 16.5）："
    notes = footnotes(result, plan, 2028, "en")
    assert (
        "Primary pupil-teacher ratio: lower is better; a positive gap is above the target." in notes
    )


def test_three_levels_are_grouped_under_their_parents(result: CheckResult, plan: Plan) -> None:
    codes = ["P-A1", "P-A2", "P-B1", "P-B2", "P-A", "P-B", "P"]  # the assessment's order
    assert table_rows(plan, codes) == [
        ("P-A1", 1),
        ("P-A2", 1),
        ("P-A", 0),
        ("P-B1", 1),
        ("P-B2", 1),
        ("P-B", 0),
        ("P", 0),
    ]
    lines = table(result, plan, "zh").splitlines()
    first = lines.index(next(line for line in lines if line.startswith("  甲一")))
    block = [line for line in lines[first : first + 9] if set(line.strip()) != {"─"}]
    rows = [line[: len(line) - len(line.lstrip())] + line.split()[0] for line in block]
    assert rows[:7] == ["  甲一", "  甲二", "甲市", "  乙一", "  乙二", "乙市", "示例省"]
    # a rule closes each group and stands above the province
    block = lines[first : first + 9]
    assert [i for i, line in enumerate(block) if set(line.strip()) == {"─"}] == [3, 7]


def test_level_words_come_from_the_kinds(plan: Plan) -> None:
    assert (whole(plan, "zh"), whole(plan, "en")) == ("全省", "the province")
    assert levels_below(plan, "zh") == ["地级市", "县"]
    assert levels_below(plan, "en") == ["prefecture cities", "counties"]
    assert leaf_word(plan, "en", many=False) == "county"


def test_the_plan_can_name_its_levels() -> None:
    named = load({"level_names": {0: {"zh": "全省", "en": "the whole province"},
                                  2: {"zh": "县(市、区)"}}})  # fmt: skip
    assert whole(named, "en") == "the whole province"
    assert level_word(named, 2, "zh") == "县(市、区)"
    # English is never given the Chinese word: the kind's word stands in
    assert level_word(named, 2, "en") == "counties"
    assert level_word(named, 1, "zh") == "地级市"


def test_no_county_words_for_a_plan_with_none_behind(result: CheckResult, plan: Plan) -> None:
    # every region on track: nobody behind, said in the plan's words
    calm = result.model_copy(
        update={
            "indicators": [
                replace(a, **{"status": Status.ON_TRACK, "rag": Rag.GREEN})
                for a in result.indicators
            ],
            "summary": result.summary.model_copy(update={"behind": {}}),
        }
    )
    [(en, _)] = behind_lines(calm, plan, 2028, "en")
    assert en == (
        "Neither the province nor any of its prefecture cities or counties is behind on "
        "Primary pupil-teacher ratio."
    )
    [(zh, _)] = behind_lines(calm, plan, 2028, "zh")
    assert zh == "全省及各地级市、各县小学生师比均未落后。"


def test_a_small_gap_keeps_its_decimals(result: CheckResult) -> None:
    assert fmt_gap(-0.04) == "-0.04"  # a 0.04-point dropout gap, not -0.0
    assert fmt_gap(0.0) == "0.0"
    assert fmt_gap(-6.24) == "-6.2"
    a = next(a for a in result.indicators if a.region == "P")
    tiny = replace(a, **{"value": 16.54, "gap": 0.04})
    assert gap_text(tiny) == "+0.04"
    precise = replace(a, **{"target": 16.25, "value": 16.3, "gap": 0.05})
    assert (value_text(precise), gap_text(precise)) == ("16.30", "+0.05")


def test_column_keys_are_never_cut_to_a_stub() -> None:
    doc = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    doc["indicators"][0]["short"] = {"zh": "生师比", "en": "PTR"}
    doc["indicators"].append(
        {
            "id": "preschool_ger",
            "name": {"zh": "学前三年毛入园率", "en": "Preschool GER"},
            "numerator": {"zh": "在园幼儿数"},
            "denominator": {"zh": "适龄人口数"},
            "plausible_range": {"min": 0, "max": 120},
        }
    )
    short = Plan.model_validate(doc)
    assert indicator_keys(short, [PTR, "preschool_ger"], "zh") == {
        PTR: "生师比",
        "preschool_ger": "学前",
    }
    assert indicator_keys(short, [PTR, "preschool_ger"], "en") == {
        PTR: "PTR",
        "preschool_ger": "Preschool",
    }


def flagged(result: CheckResult) -> CheckResult:
    """The result with P-A1's 2026 figure flagged, and the totals that include it."""
    notes = {"P-A1": ["outlier"], "P-A": ["includes_outlier"], "P": ["includes_outlier"]}
    return result.model_copy(
        update={
            "indicators": [
                replace(a, **{"notes": [*a.notes, *notes.get(a.region, [])]})
                for a in result.indicators
            ]
        }
    )


def test_figures_to_check_are_marked_and_named(result: CheckResult, plan: Plan) -> None:
    checked = flagged(result)
    out = table(checked, plan, "en")
    a1 = next(line for line in out.splitlines() if line.startswith("  甲一"))
    assert "17.4!" in a1
    assert "! figure jumped or is an outlier, check it: 甲一 2026" in out
    assert "! 甲市 includes a figure to check (甲一)" in out
    assert "! 示例省 includes a figure to check (甲一)" in out
    zh = footnotes(checked, plan, 2028, "zh")
    assert "! 数值突变或为异常值，请核实：甲一 2026" in zh
    md = check_markdown(checked, plan, "en")
    assert "| 17.4 ! |" in md


def test_low_coverage_names_the_share(result: CheckResult, plan: Plan) -> None:
    def low(share: float | None) -> CheckResult:
        coverage = Coverage(
            period="2026",
            partial=True,
            reporting=3,
            expected=4,
            missing=["P-B2"],
            denominator_share=share,
            reference_period="2024" if share is not None else None,
            computed=True,
        )
        rows = [
            replace(
                a,
                **{
                    "status": Status.INSUFFICIENT_DATA,
                    "rag": Rag.AMBER,
                    "notes": ["low_coverage"],
                    "coverage": coverage,
                },
            )
            if a.region == "P"
            else a
            for a in result.indicators
        ]
        return result.model_copy(update={"indicators": rows})

    en = footnotes(low(0.823), plan, 2028, "en")
    assert (
        "~ 示例省: the regions that reported hold only 82% of the 2024 denominator, "
        "too few to judge" in en
    )
    assert "~ 示例省：报送地区的分母仅为 2024 的 82%，不足以判定" in footnotes(
        low(0.823), plan, 2028, "zh"
    )
    assert "~ 示例省: too few regions reported to judge" in footnotes(low(None), plan, 2028, "en")
