"""``glplan check``'s reports other than JSON: the table, Markdown, CSV and HTML.

Imported by :mod:`gl_plan.cli.check_cmd` only for these formats, so that ``--format json``
(what CI and scripts run) loads neither rich nor the report modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import RenderableType

from gl_plan.api import Inputs
from gl_plan.assess.check import CheckResult
from gl_plan.assess.compare import Comparison
from gl_plan.cli.terminal import screen, stderr_lines, write_view
from gl_plan.data.submissions import files_with_problems
from gl_plan.errors import Problem
from gl_plan.i18n import Lang
from gl_plan.report.check_files import check_csv, check_markdown
from gl_plan.report.check_terminal import check_renderables, screen_renderables
from gl_plan.report.html_view import check_html
from gl_plan.report.status_view import status_lines, submissions_of
from gl_plan.report.trends import quarter_trends, region_points

__all__ = ["write_report"]


def write_report(
    result: CheckResult,
    inputs: Inputs,
    out_format: str,
    language: Lang,
    *,
    output: Path | None,
    comparison: Comparison | None,
    full: bool,
    printed: Sequence[Problem],
    fail_line: bool,
) -> None:
    """Render ``result`` as ``out_format`` (not JSON) and write it to ``output`` or stdout.

    A table for a terminal shows what fits one screen, less the lines the messages on stderr
    take (``printed``, and the ``--fail-on`` line when ``fail_line``), unless ``full``.
    """
    console = None if full or output is not None or out_format != "table" else screen()
    status = status_lines(submissions_of(inputs), inputs.plan, language, problems=False,
                          compact=True)  # fmt: skip
    content: str | list[RenderableType]
    if console is not None:
        # The messages on stderr share the screen: before the report, and the --fail-on
        # line after it.
        reserved = stderr_lines(printed, console.width, language) + (1 if fail_line else 0)
        points = region_points(result)
        content = screen_renderables(
            result, inputs.plan, language, console, quarter_trends(points),
            comparison=comparison, reserved=reserved, status=status,
        )  # fmt: skip
    else:
        content = _render(result, inputs, out_format, language, comparison, status)
    write_view(content, output, out_format)


def _render(
    result: CheckResult,
    inputs: Inputs,
    out_format: str,
    language: Lang,
    comparison: Comparison | None,
    status: Sequence[str],
) -> str | list[RenderableType]:
    """The text to write, or the table's renderables; the table and Markdown put
    ``comparison`` (``--compare-to``) right after the headline."""
    plan = inputs.plan
    if out_format == "csv":
        return check_csv(result, plan, language)
    if out_format == "markdown":
        return check_markdown(result, plan, language, comparison=comparison, status=status)
    points = region_points(result)
    if out_format == "html":
        return check_html(
            result, plan, language, points, problem_files=files_with_problems(inputs.issues)
        )
    return check_renderables(
        result, plan, language, quarter_trends(points), comparison=comparison, status=status
    )
