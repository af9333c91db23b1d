"""Terminal tables: plan text is printed as it is written, never read as rich markup."""

from __future__ import annotations

from datetime import date

from report_fixtures import PLAN

from gl_plan.assess.tasks import assess_tasks
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Text
from gl_plan.report.format import plain_text
from gl_plan.report.plan_view import plan_renderables
from gl_plan.report.tasks_view import tasks_table

TRICKY = Text(zh="[bold]加粗[/bold] :smile:", en="[bold]bold[/bold] :smile: [/]")


def test_task_titles_are_not_markup() -> None:
    plan = load_plan(PLAN)
    item = assess_tasks(plan, [], date(2025, 10, 15))[0].model_copy(update={"title": TRICKY})
    text = plain_text([tasks_table([item], date(2025, 10, 15), "en")])
    assert "[bold]bold[/bold]" in text
    assert ":smile:" in text


def test_plan_titles_are_not_markup() -> None:
    plan = load_plan(PLAN)
    action = plan.actions[0]
    task = action.tasks[0].model_copy(update={"title": TRICKY})
    plan = plan.model_copy(
        update={"actions": [action.model_copy(update={"tasks": [task]}), *plan.actions[1:]]}
    )
    text = plain_text(plan_renderables(plan, "zh"))
    assert "[bold]加粗[/bold]" in text


def test_one_layout_for_every_action() -> None:
    """One table: the column heads appear once, every action is a bold row in it."""
    text = plain_text(plan_renderables(load_plan(PLAN), "en"))
    assert text.count("Task ") == 1
    lines = text.splitlines()
    starts = {line.index("2022-12-31") for line in lines if "2022-12-31" in line}
    assert len(starts) == 1  # the due dates line up across actions


def test_observations_as_markdown() -> None:
    from report_fixtures import DATA

    from gl_plan.data.read import read_indicators
    from gl_plan.report.data_view import MARKDOWN_COLUMNS, observations_markdown

    plan = load_plan(PLAN)
    obs = read_indicators([DATA], plan, as_of=date(2025, 10, 15)).observations
    md = observations_markdown(obs, plan, "en")
    lines = md.splitlines()
    assert lines[0] == "## Indicator data"
    assert lines[2] == "| " + " | ".join(MARKDOWN_COLUMNS) + " |"
    assert "| Yangshuo | 2021Q4 | Preschool GER |" in md
    assert len(lines) == 4 + len(obs)
    assert "龙胜" in observations_markdown(obs, plan, "zh")
