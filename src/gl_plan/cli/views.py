"""What each command hands its renderers: one model per view, the same for every format.

A command builds its view's model once; :func:`gl_plan.cli.formats.render` gives it to the
renderer of the chosen format (:mod:`gl_plan.cli.check_views` for ``check``,
:mod:`gl_plan.cli.report_views` for the others). Nothing here imports rich or the report
modules: ``check --format json``, rendered by :func:`check_json`, loads neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gl_plan.api import Inputs
from gl_plan.assess.check import CheckResult
from gl_plan.assess.compare import Comparison, json_with_changes
from gl_plan.assess.explain import Explanation
from gl_plan.assess.tasks import TaskAssessment
from gl_plan.data.read import DataResult
from gl_plan.data.submissions import Submissions
from gl_plan.errors import Problem
from gl_plan.i18n import Lang
from gl_plan.ledger.listing import LedgerListing
from gl_plan.ledger.model import Ledger
from gl_plan.plan.models import Plan

__all__ = [
    "CheckView",
    "DataView",
    "ExplainView",
    "PlanView",
    "ProgressView",
    "StatusView",
    "TasksView",
    "check_json",
    "project_root",
]


@dataclass(frozen=True)
class CheckView:
    """``glplan check``: the result, what it was read from, and how the report is shown."""

    result: CheckResult
    inputs: Inputs
    #: What changed since ``--compare-to``'s reference (table, Markdown and JSON show it).
    comparison: Comparison | None
    #: Stdout may be a terminal and ``--full`` was not given: the table may fit one screen.
    fit_screen: bool
    #: The messages printed on stderr before the report (they share the screen) ...
    printed: Sequence[Problem]
    #: ... and whether the ``--fail-on`` line follows it.
    fail_line: bool


def project_root(inputs: Inputs) -> Path:
    """The folder a report shows file names relative to: the project's (the one holding
    ``data/plan.yaml``), else the plan's own folder; for the bundled plan, the current
    directory. A report is forwarded and printed: it names files, never the reader's
    folders (:func:`gl_plan.report.format.shown_path`)."""
    if inputs.bundled_plan or inputs.sources.plan is None:
        return Path.cwd()
    folder = Path(inputs.sources.plan).parent
    return folder.parent if folder.name == "data" else folder


@dataclass(frozen=True)
class TasksView:
    """``glplan tasks``: the tasks shown, out of ``every`` task selected."""

    items: list[TaskAssessment]
    every: list[TaskAssessment]
    as_of: date
    ledger: Ledger
    problems: list[Problem]
    #: The plan the tasks are of (the calendar names it in its events' ids).
    plan: Plan

    @property
    def left_out(self) -> int:
        """Tasks selected but not shown (not needing attention): a last line counts them."""
        return len(self.every) - len(self.items)

    @property
    def summary_of(self) -> list[TaskAssessment] | None:
        """What the summary line counts: every task when the rows are a cut of them."""
        return self.every if self.left_out else None


@dataclass(frozen=True)
class StatusView:
    """``glplan status``: who sent what for one period."""

    submissions: Submissions
    plan: Plan


@dataclass(frozen=True)
class DataView:
    """``glplan data``: the observations read and the problems found."""

    result: DataResult
    plan: Plan


@dataclass(frozen=True)
class ExplainView:
    """``glplan explain``: one figure taken apart."""

    explanation: Explanation
    plan: Plan


@dataclass(frozen=True)
class PlanView:
    """``glplan plan``: the plan as staff read it."""

    plan: Plan


@dataclass(frozen=True)
class ProgressView:
    """``glplan progress list``: the ledger entries selected."""

    listing: LedgerListing


def check_json(view: CheckView, lang: Lang) -> bytes:
    """The check as JSON (English keys and codes in every language), with a ``changes`` key
    for ``--compare-to``."""
    content = view.result.to_json_bytes()
    if view.comparison is not None:
        content = json_with_changes(content, view.comparison)
    return content
