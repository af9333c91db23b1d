"""The contract of data/plan.yaml: what the encoded plan must say, checked against the source.

These tests pin the content (regions, goals, the 35 tasks and their time limits, the
quantities), not the models; a failure here means the plan file drifted from the source text.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from gl_plan.plan.models import Plan, Quantity, Task

PLAN_FILE = Path(__file__).parents[2] / "data" / "plan.yaml"
# The announcement's text, kept in the repository so the check needs nothing outside it.
SOURCE_FILE = Path(__file__).parents[2] / "docs" / "source" / "guilin-education-plan-2022.txt"

COUNTY_CODES = [
    "450302", "450303", "450304", "450305", "450311", "450312",
    "450321", "450323", "450324", "450325", "450326", "450327",
    "450328", "450329", "450330", "450332", "450381",
]  # fmt: skip

TASK_IDS = [
    "A1.1",
    "A2.1",
    *(f"A3.{i}" for i in range(1, 8)),
    "A4.1", "A4.2",
    *(f"A5.{i}" for i in range(1, 5)),
    *(f"A6.{i}" for i in range(1, 5)),
    *(f"A7.{i}" for i in range(1, 7)),
    "A8.1", "A8.2",
    *(f"A9.{i}" for i in range(1, 8)),
    "A10.1",
]  # fmt: skip

# How often each 完成时限 phrase occurs in the source (docs/method.md, time limits).
DEADLINE_COUNTS = {
    "2022年8月底前": 1,
    "2022年底前": 2,
    "2023年底前": 1,
    "2022年底前,持续实施": 9,
    "2023年底前,持续实施": 6,
    "2024年底前,持续实施": 1,
    "2025年底前,持续实施": 12,
    "2025年前": 1,
    "持续实施": 2,
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    with PLAN_FILE.open(encoding="utf-8") as fh:
        return Plan.model_validate(yaml.safe_load(fh))


@pytest.fixture(scope="module")
def source_text() -> str:
    return SOURCE_FILE.read_text(encoding="utf-8")


def test_first_line_points_editors_at_the_schema() -> None:
    with PLAN_FILE.open(encoding="utf-8") as fh:
        first = fh.readline().rstrip("\n")
    assert first == "# yaml-language-server: $schema=../plan.schema.json"


def test_plan_identity(plan: Plan) -> None:
    assert plan.plan.id == "guilin-education-2022"
    assert plan.plan.title.zh == "桂林市推进教育高质量发展行动计划"
    assert plan.plan.issued == date(2022, 3, 16)


def test_regions_are_the_city_and_its_17_county_level_units(plan: Plan) -> None:
    assert len(plan.regions) == 18
    assert plan.root_region.code == "450300"
    assert [r.code for r in plan.children("450300")] == COUNTY_CODES
    assert sorted(r.code for r in plan.leaves()) == sorted(COUNTY_CODES)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("荔浦县", "450381"),
        ("龙胜县", "450328"),
        ("阳朔", "450321"),
        ("临桂县", "450312"),
        ("450331", "450381"),
        ("恭城县", "450332"),
        ("Xing'an", "450325"),
        ("桂林市", "450300"),
    ],
)
def test_region_names_resolve(plan: Plan, name: str, code: str) -> None:
    assert plan.resolve_region(name) == code


def test_goal_indicators_and_targets(plan: Plan) -> None:
    assert [i.id for i in plan.indicators[:3]] == [
        "preschool_gross_enrollment_rate",
        "compulsory_consolidation_rate",
        "senior_secondary_gross_enrollment_rate",
    ]
    targets = {g.year: g.targets for g in plan.goals}
    assert targets == {
        2025: {
            "preschool_gross_enrollment_rate": 100.7,
            "compulsory_consolidation_rate": 102.7,
            "senior_secondary_gross_enrollment_rate": 113.0,
        },
        2030: {
            "preschool_gross_enrollment_rate": 102.2,
            "compulsory_consolidation_rate": 104.2,
            "senior_secondary_gross_enrollment_rate": 114.5,
        },
    }


def test_goal_texts_are_verbatim(plan: Plan, source_text: str) -> None:
    for goal in plan.goals:
        assert goal.text.zh.startswith(f"到{goal.year}年")
        assert goal.text.zh in source_text


def test_ten_actions_and_35_tasks_in_source_order(plan: Plan) -> None:
    assert [a.id for a in plan.actions] == [f"A{n}" for n in range(1, 11)]
    assert [t.id for t in plan.tasks] == TASK_IDS


def test_deadline_phrases_occur_as_often_as_in_the_source(plan: Plan) -> None:
    assert Counter(t.deadline for t in plan.tasks) == DEADLINE_COUNTS


def test_every_deadline_phrase_is_written_in_the_source(plan: Plan, source_text: str) -> None:
    for task in plan.tasks:
        assert f"(完成时限:{task.deadline})" in source_text, task.id


@pytest.mark.parametrize(
    ("task_id", "due", "ongoing"),
    [
        ("A9.4", date(2022, 8, 31), False),
        ("A1.1", date(2022, 12, 31), True),
        ("A3.2", None, True),
        ("A3.5", date(2025, 12, 31), False),
        ("A2.1", date(2024, 12, 31), True),
    ],
)
def test_due_dates(plan: Plan, task_id: str, due: date | None, ongoing: bool) -> None:
    task = plan.task_by_id[task_id]
    assert (task.due, task.ongoing) == (due, ongoing)


def test_task_texts_are_verbatim_paragraphs_of_the_source(plan: Plan, source_text: str) -> None:
    paragraphs = source_text.splitlines()
    for task in plan.tasks:
        assert task.text in source_text, task.id
        # Whole paragraphs, not fragments: each text ends a source line (A1/A2 follow their
        # heading on the same line; A8's paragraphs carry the time limit after them).
        whole = any(line.endswith(task.text) or line.startswith(task.text) for line in paragraphs)
        assert whole, task.id


def test_every_task_has_an_english_title_and_summary(plan: Plan) -> None:
    for task in plan.tasks:
        assert task.title.en.strip(), task.id
        assert (task.summary_en or "").strip(), task.id


def _quantity(task: Task, metric: str) -> Quantity:
    matches = [q for q in task.quantities if q.metric == metric]
    assert len(matches) == 1, f"{task.id} has no single quantity {metric!r}"
    return matches[0]


# task, metric, comparison, value or (min, max), by, per_region
QUANTITIES = [
    ("A3.4", "new_area_all_stage_schools", "range", (1, 2), date(2023, 12, 31), False),
    ("A3.6", "digital_campus_demo_schools", "at_least", 30, date(2025, 12, 31), False),
    ("A5.1", "innovative_talent_base_schools", "about", 10, date(2023, 12, 31), False),
    ("A6.3", "backbone_teacher_share", "at_least", 10, date(2025, 12, 31), False),
    (
        "A7.3",
        "industry_education_integration_enterprises",
        "at_least",
        10,
        date(2025, 12, 31),
        False,
    ),
    ("A7.6", "specialised_schools_per_qualified_county", "exactly", 1, date(2025, 12, 31), True),
    ("A9.4", "county_staffing_reform_completed", "exactly", 6, date(2022, 8, 31), True),
    ("A9.7", "national_labour_education_zones", "range", (1, 2), date(2023, 12, 31), False),
    ("A9.7", "national_study_practice_bases", "range", (5, 10), date(2023, 12, 31), False),
]


def test_there_are_nine_quantities(plan: Plan) -> None:
    found = [(t.id, q.metric) for t in plan.tasks for q in t.quantities]
    assert found == [(task_id, metric) for task_id, metric, *_ in QUANTITIES]


@pytest.mark.parametrize(
    ("task_id", "metric", "comparison", "value", "by", "per_region"),
    QUANTITIES,
    ids=[f"{task_id}-{metric}" for task_id, metric, *_ in QUANTITIES],
)
def test_quantity_values(
    plan: Plan,
    task_id: str,
    metric: str,
    comparison: str,
    value: float | tuple[float, float],
    by: date,
    per_region: bool,
) -> None:
    quantity = _quantity(plan.task_by_id[task_id], metric)
    assert quantity.comparison == comparison
    if isinstance(value, tuple):
        assert (quantity.min, quantity.max, quantity.value) == (*value, None)
    else:
        assert (quantity.value, quantity.min, quantity.max) == (value, None, None)
    assert quantity.by == by
    assert quantity.per_region is per_region
    # The source names none of the counties these commitments cover.
    assert quantity.regions == []


def test_standards(plan: Plan) -> None:
    thresholds = {s.id: (s.indicator, s.threshold, s.confidence) for s in plan.standards}
    assert thresholds == {
        "preschool_gga_85": ("preschool_gross_enrollment_rate", 85, "high"),
        "inclusive_coverage_80": ("inclusive_kindergarten_coverage", 80, "high"),
        "public_share_50": ("public_kindergarten_share", 50, "high"),
        "junior_consolidation_95": ("junior_secondary_consolidation_rate", 95, "medium"),
    }


def test_no_baselines_declared(plan: Plan) -> None:
    assert plan.baselines == []
