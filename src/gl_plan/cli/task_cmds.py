"""``glplan tasks``: each task's deadline status at a date, from the plan and the ledger.

(The ledger's own commands, ``glplan progress ...``, are in :mod:`gl_plan.cli.progress_cmds`.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Final

import typer

from gl_plan.assess.tasks import (
    RAGS,
    STATUSES,
    assess_tasks,
    attention_order,
    select_tasks,
)
from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    AsOfOption,
    EncodingOption,
    LangOption,
    PlanOption,
    bundled_notes,
    handle_errors,
    print_problems,
    refuse_unreadable,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.cli.formats import choose_format, format_option, output_option, render, write
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.cli.views import TasksView
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import _
from gl_plan.ledger.model import Ledger
from gl_plan.ledger.read import read_ledger
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan
from gl_plan.report.tasks_view import needs_attention
from gl_plan.resources import PROGRESS_FILE, InputPaths, resolve_inputs

app = command_app()

LedgerOption = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        help="help.tasks.progress",
        show_default=False,
        dir_okay=False,
    ),
]


def resolve_ledger(
    found: InputPaths, plan: Plan, *, encoding: str | None = None
) -> tuple[Ledger, list[Problem]]:
    """The ledger to judge tasks by, and its problems.

    A ledger given by name must exist (else exit 2). With no name, ``progress.csv`` beside
    the plan file is used (the project's ``data/progress.csv``); if there is none, the
    ledger is empty and an info message says every task counts as not reported.
    """
    if found.progress is not None:
        return read_ledger(found.progress, plan, encoding=encoding)
    where = found.plan.parent / PROGRESS_FILE
    note = Problem(
        _(
            "no progress ledger at {where}: every task counts as not reported (pass "
            "--progress FILE)",
            where=where,
        ),
        severity=Severity.INFO,
        code=Code.NO_LEDGER,
    )
    return Ledger(None, []), [note]


#: What ``tasks --by`` groups by, and the view (:mod:`gl_plan.cli.formats`) that shows it.
GROUPINGS: Final = {"responsible": "supervision"}


def _check_choices(
    values: list[str] | None, allowed: tuple[str, ...], option: str, *, upper: bool = False
) -> list[str]:
    out = []
    for value in values or []:
        for part in value.split(","):
            key = part.strip().replace("-", "_").replace(" ", "_")
            key = key.upper() if upper else key.lower()
            if key not in allowed:
                raise GlplanError.single(
                    _(
                        "{option} must be one of {allowed}, not {value!r}",
                        option=option,
                        allowed=", ".join(allowed),
                        value=part.strip(),
                    ),
                    code=Code.USAGE,
                )
            out.append(key)
    return out


@app.command(
    "tasks",
    cls=LocalisedCommand,
    help="help.tasks",
    epilog=examples(
        "glplan tasks --as-of 2025-10-15 --status overdue,due_soon",
        "glplan tasks --by responsible --lang zh",
        "glplan tasks --output 任务.ics",
    ),
)
@handle_errors
def tasks(
    plan: PlanOption = None,
    progress: LedgerOption = None,
    as_of: AsOfOption = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help="help.tasks.status",
            show_default=False,
        ),
    ] = None,
    action: Annotated[
        list[str] | None,
        typer.Option("--action", "-a", help="help.tasks.action", show_default=False),
    ] = None,
    fmt: Annotated[str | None, format_option()] = None,
    lang: LangOption = None,
    output: Annotated[Path | None, output_option()] = None,
    encoding: EncodingOption = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="help.tasks.show_all",
        ),
    ] = False,
    by: Annotated[
        str | None,
        typer.Option("--by", help="help.tasks.by", show_default=False),
    ] = None,
) -> None:
    """Show each task's status at a date (the help: ``help.tasks``)."""
    language = resolve_lang(lang)
    day = resolve_as_of(as_of)
    # --by responsible is a view of its own (the supervision list), with its own formats.
    view_name = GROUPINGS[_check_choices([by], tuple(GROUPINGS), "--by")[0]] if by else "tasks"
    out_format = choose_format(view_name, fmt, output)
    statuses = _check_choices(status, (*STATUSES, *RAGS), "--status")
    found = resolve_inputs(plan, None, progress)
    model = load_plan(found.plan)
    actions = _check_choices(action, tuple(a.id for a in model.actions), "--action", upper=True)
    ledger, problems = resolve_ledger(found, model, encoding=encoding)
    refuse_unreadable(problems)
    if found.bundled:
        note = Problem(
            _("using the bundled sample plan and ledger (synthetic, not official records)"),
            severity=Severity.INFO,
            code=Code.BUNDLED,
        )
        problems.insert(0, note)
    else:
        problems[:0] = bundled_notes(bundled=False, bundled_plan=found.bundled_plan)
    print_problems(problems, language)

    assessed = assess_tasks(model, ledger, day)
    items = attention_order(select_tasks(assessed, statuses=statuses, actions=actions))
    # Only the views people read are cut: JSON and CSV are data, complete by default.
    shown = items
    if not show_all and not statuses and out_format.for_reading:
        shown = [t for t in items if needs_attention(t)]
    view = TasksView(shown, items, day, ledger, problems, model)
    write(render(view_name, out_format, view, language), output, out_format)
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(int(ExitCode.FINDINGS))
