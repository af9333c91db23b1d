"""The renderers of ``tasks``, ``data``, ``explain``, ``plan`` and
``progress list``, one per view and format.

Each takes its view's model (:mod:`gl_plan.cli.views`) and the language; each is
registered in :data:`gl_plan.cli.formats.FORMATS`, which picks it by the format's name or
``--output``'s suffix. The work is the report modules' (:mod:`gl_plan.report`); these only
hand them the model's parts. (``check``'s are in :mod:`gl_plan.cli.check_views`.)
"""

from __future__ import annotations

from rich.console import RenderableType

from gl_plan.cli.common import dump_json
from gl_plan.cli.views import (
    DataView,
    ExplainView,
    PlanView,
    ProgressView,
    StatusView,
    TasksView,
)
from gl_plan.i18n import Lang
from gl_plan.report import (
    data_view,
    explain_view,
    ledger_view,
    supervision,
    task_calendar,
    tasks_view,
)
from gl_plan.report.plan_view import plan_renderables
from gl_plan.report.status_view import status_lines

__all__ = [
    "data_csv",
    "data_json",
    "data_markdown",
    "data_table",
    "explain_json",
    "explain_markdown",
    "explain_table",
    "plan_json",
    "plan_table",
    "progress_csv",
    "progress_json",
    "progress_markdown",
    "progress_table",
    "status_json",
    "status_table",
    "supervision_json",
    "supervision_markdown",
    "supervision_table",
    "tasks_csv",
    "tasks_ics",
    "tasks_json",
    "tasks_markdown",
    "tasks_table",
]


def tasks_table(view: TasksView, lang: Lang) -> list[RenderableType]:
    return tasks_view.tasks_renderables(
        view.items, view.as_of, lang, summary_of=view.summary_of, left_out=view.left_out
    )


def tasks_json(view: TasksView, lang: Lang) -> str:
    return dump_json(
        tasks_view.tasks_document(
            view.items, view.as_of, ledger=view.ledger.path, problems=view.problems
        )
    )


def tasks_csv(view: TasksView, lang: Lang) -> str:
    return tasks_view.tasks_csv(view.items, lang)


def tasks_markdown(view: TasksView, lang: Lang) -> str:
    return tasks_view.tasks_markdown(
        view.items, view.as_of, lang, summary_of=view.summary_of, left_out=view.left_out
    )


def tasks_ics(view: TasksView, lang: Lang) -> bytes:
    """A calendar of every selected task's due date (never the cut the table shows)."""
    return task_calendar.tasks_calendar(view.plan, view.every, view.as_of, lang)


def supervision_table(view: TasksView, lang: Lang) -> list[RenderableType]:
    """The supervision list (``tasks --by responsible``): one block per responsible unit."""
    return supervision.supervision_renderables(view.every, view.as_of, lang)


def supervision_json(view: TasksView, lang: Lang) -> str:
    return dump_json(supervision.supervision_document(view.every, view.as_of))


def supervision_markdown(view: TasksView, lang: Lang) -> str:
    return supervision.supervision_markdown(view.every, view.as_of, lang)


def status_table(view: StatusView, lang: Lang) -> str:
    """Who sent what: regions that sent nothing first, then each region's files."""
    return "\n".join(status_lines(view.submissions, view.plan, lang))


def status_json(view: StatusView, lang: Lang) -> str:
    return dump_json(view.submissions.to_dict())


def data_table(view: DataView, lang: Lang) -> list[RenderableType]:
    return [data_view.observations_table(view.result.observations, view.plan, lang)]


def data_json(view: DataView, lang: Lang) -> str:
    return dump_json(data_view.observations_document(view.result))


def data_csv(view: DataView, lang: Lang) -> str:
    return data_view.observations_csv(view.result.observations)


def data_markdown(view: DataView, lang: Lang) -> str:
    return data_view.observations_markdown(view.result.observations, view.plan, lang)


def explain_table(view: ExplainView, lang: Lang) -> list[RenderableType]:
    return explain_view.explain_renderables(view.explanation, view.plan, lang)


def explain_json(view: ExplainView, lang: Lang) -> str:
    return dump_json(view.explanation.to_json())


def explain_markdown(view: ExplainView, lang: Lang) -> str:
    return explain_view.explain_markdown(view.explanation, view.plan, lang)


def plan_table(view: PlanView, lang: Lang) -> list[RenderableType]:
    return plan_renderables(view.plan, lang)


def plan_json(view: PlanView, lang: Lang) -> str:
    return dump_json(view.plan.model_dump(mode="json"))


def progress_table(view: ProgressView, lang: Lang) -> list[RenderableType]:
    return ledger_view.ledger_renderables(view.listing, lang)


def progress_json(view: ProgressView, lang: Lang) -> str:
    return dump_json(ledger_view.ledger_document(view.listing, lang))


def progress_csv(view: ProgressView, lang: Lang) -> str:
    return ledger_view.ledger_csv(view.listing, lang)


def progress_markdown(view: ProgressView, lang: Lang) -> str:
    return ledger_view.ledger_markdown(view.listing, lang)
