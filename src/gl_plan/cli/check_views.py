"""``glplan check``'s renderers other than JSON: the table, Markdown, CSV and HTML.

Registered in :data:`gl_plan.cli.formats.FORMATS` and imported only when one of them is
chosen, so that ``--format json`` (what CI and scripts run,
:func:`gl_plan.cli.views.check_json`) loads neither rich nor the report modules.
"""

from __future__ import annotations

from rich.console import RenderableType

from gl_plan.cli.terminal import screen, stderr_lines
from gl_plan.cli.views import CheckView, project_root
from gl_plan.data.submissions import files_with_problems
from gl_plan.i18n import Lang
from gl_plan.report import check_files
from gl_plan.report.check_terminal import check_renderables, screen_renderables
from gl_plan.report.html_view import check_html as html_page
from gl_plan.report.status_view import status_lines, submissions_of
from gl_plan.report.trends import quarter_trends, region_points

__all__ = ["check_csv", "check_html", "check_markdown", "check_table"]


def _status(view: CheckView, lang: Lang) -> list[str]:
    """Who sent what (:mod:`gl_plan.report.status_view`), compact: shown after the headline
    only when something is missing or superseded."""
    inputs = view.inputs
    return list(
        status_lines(submissions_of(inputs), inputs.plan, lang, problems=False, compact=True)
    )


def check_table(view: CheckView, lang: Lang) -> list[RenderableType]:
    """The table; on a terminal (unless ``--full``) what fits one screen, less the lines the
    messages on stderr take (those printed before the report, and the ``--fail-on`` line
    after it). The ``--compare-to`` changes and the submissions follow the headline."""
    result, plan = view.result, view.inputs.plan
    trends = quarter_trends(region_points(result))
    status = _status(view, lang)
    console = screen() if view.fit_screen else None
    if console is None:
        return check_renderables(
            result, plan, lang, trends, comparison=view.comparison, status=status
        )
    reserved = stderr_lines(view.printed, console.width, lang) + (1 if view.fail_line else 0)
    return screen_renderables(
        result, plan, lang, console, trends,
        comparison=view.comparison, reserved=reserved, status=status,
    )  # fmt: skip


def check_markdown(view: CheckView, lang: Lang) -> str:
    """The Markdown report, the ``--compare-to`` changes and the submissions after the
    headline."""
    return check_files.check_markdown(
        view.result, view.inputs.plan, lang, comparison=view.comparison, status=_status(view, lang)
    )


def check_csv(view: CheckView, lang: Lang) -> str:
    """One row per region × indicator × target year."""
    return check_files.check_csv(view.result, view.inputs.plan, lang)


def check_html(view: CheckView, lang: Lang) -> str:
    """The self-contained page (its charts need matplotlib); it names the files with
    problems, and every file relative to the project."""
    inputs = view.inputs
    return html_page(
        view.result, inputs.plan, lang, region_points(view.result),
        problem_files=files_with_problems(inputs.issues), root=project_root(inputs),
    )  # fmt: skip
