"""``draft_plan``: a plan's text drafted into a plan file that the project's loader takes.

The Guilin text must give the bundled plan's ten actions, 35 tasks (the same due dates in
the same order) and six targets. The blind texts (``tests/fixtures/plans/draft_blind``)
are drafted and compared with truth files written without sight of the reader; the floors
below are the figures measured when the reader was written, so that a change that loses a
fact fails.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from gl_plan.decoding import decode
from gl_plan.errors import GlplanError
from gl_plan.plan.draft import draft_plan
from gl_plan.plan.load import load_plan, parse_plan
from gl_plan.plan.models import Plan

sys.path.insert(0, str(Path(__file__).parent))
from draft_truth import BLIND, Score, score, truth_of

ROOT = Path(__file__).resolve().parents[2]
GUILIN = ROOT / "docs" / "source" / "guilin-education-plan-2022.txt"
BLIND_TEXTS = sorted(BLIND.glob("*.txt"))


def _draft(text: str, **options: str) -> Plan:
    return parse_plan(draft_plan(text, file="plan.txt", **options).yaml, "draft.yaml")


def test_the_guilin_text_gives_the_bundled_plans_actions_tasks_and_targets() -> None:
    bundled = load_plan(ROOT / "data" / "plan.yaml")
    drafted = _draft(GUILIN.read_text(encoding="utf-8"))
    assert len(drafted.actions) == 10
    assert len(drafted.tasks) == 35
    assert [t.due for t in drafted.tasks] == [t.due for t in bundled.tasks]
    assert [t.ongoing for t in drafted.tasks] == [t.ongoing for t in bundled.tasks]
    assert drafted.plan.issued == date(2022, 3, 16)

    def targets(plan: Plan) -> set[tuple[int, float]]:
        return {(g.year, g.target(i).value or 0.0) for g in plan.goals for i in g.targets}

    assert targets(drafted) == targets(bundled)
    assert len(targets(drafted)) == 6


def test_headings_nest_as_the_document_uses_them_and_ids_follow_its_numbers() -> None:
    text = (
        "某县教育高质量发展行动方案\n"
        "一、总体目标\n"
        "到2025年，学前三年毛入园率从2020年的90%提高到2025年的95%。\n"
        "二、重点任务\n"
        "（一）扩大学前教育资源。\n"
        "1．新建公办幼儿园。（完成时限：2024年底前）\n"
        "新建幼儿园3所。\n"
        "2．补充教师。到2025年，补足配齐教师。\n"
        "（二）提高义务教育质量。\n"
        "1．改善办学条件。（完成时限：持续实施）\n"
    )
    plan = _draft(text)
    assert [a.id for a in plan.actions] == ["二(一)", "二(二)"]
    assert [t.id for t in plan.tasks] == ["二(一)1", "二(一)2", "二(二)1"]
    assert [t.due for t in plan.tasks] == [date(2024, 12, 31), date(2025, 12, 31), None]
    assert plan.tasks[0].text == "新建幼儿园3所。"
    assert plan.baselines[0].period == "2020"
    assert plan.baselines[0].value == 90
    assert plan.goals[0].year == 2025


def test_a_box_and_an_action_with_its_time_limit_in_the_heading() -> None:
    text = (
        "行动一：实施党建引领工程（完成时限：2022年底前，持续实施） 坚持围绕发展抓党建。\n"
        "专栏1 重点工程\n"
        "（完成时限：2023年6月底前）建设10所学校。\n"
    )
    plan = _draft(text)
    assert plan.actions[0].id == "A1"
    assert plan.tasks[0].due == date(2022, 12, 31)
    assert plan.tasks[0].ongoing
    assert plan.tasks[0].text == "坚持围绕发展抓党建。"
    assert plan.actions[1].id == "专栏1"
    assert plan.tasks[1].due == date(2023, 6, 30)


def test_chrome_is_dropped_and_its_date_and_issuer_kept() -> None:
    text = (
        "打印本页 关闭窗口\n"
        "发文机关：某某县人民政府\n"
        "发布时间：2023-05-04 10:00\n"
        "某某县学前教育行动计划\n"
        "到2025年，全县学前三年毛入园率保持在95%以上，普惠性幼儿园覆盖率力争达到85%左右。\n"
        "来源：某某县教育局\n"
    )
    draft = draft_plan(text, file="plan.txt")
    plan = parse_plan(draft.yaml, "draft.yaml")
    assert plan.plan.issued == date(2023, 5, 4)
    assert plan.plan.issuer is not None
    assert plan.plan.issuer.zh == "某某县人民政府"
    assert plan.root_region.kind == "county"
    assert plan.root_region.name.zh == "某某县"
    first, second = (plan.goals[0].target(i) for i in plan.goals[0].targets)
    assert first.maintain
    assert first.applies_to == "top"
    assert first.comparison == "at_least"
    assert second.aspirational
    assert second.comparison == "about"
    assert all("打印本页" not in u.text for u in draft.unplaced)


def test_a_main_indicator_table_gives_targets_attributes_and_baselines() -> None:
    text = "主要指标\n指标\n2020年\n2025年\n属性\n1.学前教育毛入园率(%)\n88\n95以上\n约束性\n"
    plan = _draft(text, region_code="450300")
    target = plan.goals[0].target(next(iter(plan.goals[0].targets)))
    assert (plan.goals[0].year, target.value, target.comparison) == (2025, 95, "at_least")
    assert target.attribute == "binding"
    assert [(b.region, b.period, b.value) for b in plan.baselines] == [("450300", "2020", 88)]


def test_what_is_not_placed_is_listed_with_its_line_and_in_the_draft() -> None:
    text = "某市教育行动计划\n\n这是一段说明文字。\n到2025年，学前三年毛入园率达到95%。\n"
    draft = draft_plan(text, file="plan.txt", lang="en")
    assert [(u.line, u.text) for u in draft.unplaced] == [(3, "这是一段说明文字。")]
    assert "# line 3 (introduction or background): 这是一段说明文字。" in draft.yaml
    # No action in the text: a placeholder that validates, marked as one.
    plan = parse_plan(draft.yaml, "draft.yaml")
    assert plan.tasks[0].deadline_override is not None
    assert "to complete: no action or task was found" in draft.yaml


def test_an_empty_text_is_refused_with_its_file() -> None:
    with pytest.raises(GlplanError) as refused:
        draft_plan("打印本页 关闭窗口\n\n", file="empty.txt")
    assert refused.value.problems[0].file == "empty.txt"


#: Measured when the reader was written (see the module docstring): facts right, summed
#: over the blind texts.
FLOOR = {"tasks_right": 12, "deadlines_right": 6, "targets_right": 46}


def _scores() -> list[Score]:
    out = []
    for path in BLIND_TEXTS:
        text = decode(path.read_bytes(), str(path)).text
        draft = draft_plan(text, file=path.name)
        plan = parse_plan(draft.yaml, path.name)
        out.append(score(path.name, plan, truth_of(path), placeholder_actions=draft.actions == 0))
    return out


@pytest.mark.parametrize("path", BLIND_TEXTS, ids=lambda p: p.name)
def test_each_blind_text_drafts_a_plan_the_loader_takes(path: Path) -> None:
    text = decode(path.read_bytes(), str(path)).text
    draft = draft_plan(text, file=path.name)
    parse_plan(draft.yaml, path.name)  # raises on any problem
    assert [u.line for u in draft.unplaced] == sorted(u.line for u in draft.unplaced)


def test_the_gbk_copy_drafts_as_the_utf8_one() -> None:
    utf8 = (BLIND / "eshan-county-2022.txt").read_text(encoding="utf-8")
    gbk = decode((BLIND / "eshan-county-2022.gbk.txt").read_bytes(), "gbk.txt")
    assert gbk.encoding == "gb18030"
    assert draft_plan(gbk.text, file="x").yaml == draft_plan(utf8, file="x").yaml


def test_the_blind_texts_keep_the_measured_facts_and_no_wrong_target() -> None:
    scores = _scores()
    print("\n".join(s.row() for s in scores))
    for name, floor in FLOOR.items():
        assert sum(getattr(s, name) for s in scores) >= floor, name
    assert sum(s.targets_found for s in scores) == sum(s.targets_right for s in scores)
