"""``glplan tasks`` (deadlines at a date) and ``glplan progress add`` (record progress)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Final

import typer
from rich.console import RenderableType

from gl_plan.assess.tasks import (
    RAGS,
    STATUSES,
    TaskAssessment,
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
    dump_json,
    emit,
    handle_errors,
    output_format,
    print_problems,
    refuse_overwriting,
    refuse_unreadable,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.cli.terminal import write_view
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Lang, _
from gl_plan.ledger.append import append_entry
from gl_plan.ledger.model import Ledger
from gl_plan.ledger.read import read_ledger
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan
from gl_plan.report.tasks_view import (
    entry_line,
    needs_attention,
    tasks_csv,
    tasks_document,
    tasks_markdown,
    tasks_renderables,
)
from gl_plan.resources import PROGRESS_FILE, InputPaths, resolve_inputs

app = command_app()

LedgerOption = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        help="Progress ledger (CSV). Default: progress.csv beside the plan (the project's "
        "data/progress.csv).",
        show_default=False,
        dir_okay=False,
    ),
]

FORMATS: Final = ("table", "json", "csv", "markdown")


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


@app.command("tasks")
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
            help="Only these statuses (overdue, due_soon, on_schedule, ongoing, done, "
            "done_late) or colours (red, amber, green); repeat or separate with commas.",
            show_default=False,
        ),
    ] = None,
    action: Annotated[
        list[str] | None,
        typer.Option(
            "--action", "-a", help="Only these actions, e.g. A3; repeatable.", show_default=False
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv or markdown. Default: table, or what --output's suffix says.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of stdout; .json, .csv, .md or .txt "
            "picks the format.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Every task in the table and Markdown, not only the red, amber and stale "
            "ones. (JSON and CSV always list every task.)",
        ),
    ] = False,
) -> None:
    """Show each task's status at a date: overdue first, then due soon, then the rest.

    The table and Markdown show the tasks that need attention: red or amber (overdue, due
    soon, behind) or stale; a last line counts the others, which ``--all`` shows. The
    summary line counts every task. ``--status`` chooses the tasks instead.

    Statuses: done, done late, overdue, due soon (within the plan's warning window),
    on schedule, ongoing (持续实施, no due date). Colours: red (overdue or seriously
    behind), amber (due soon or behind), green. Flags: stale, behind, reopened, ...
    JSON gives ``{"as_of", "ledger", "tasks": [...], "summary", "problems"}``; each task's
    ``title`` is ``{"zh", "en"}``.

    Ledger problems go to stderr. Exit 0; 1 when the ledger has errors (those rows are
    left out); 2 when a file cannot be read.

    Example: ``glplan tasks --as-of 2025-10-15 --status overdue,due_soon``
    """
    language = resolve_lang(lang)
    day = resolve_as_of(as_of)
    out_format = output_format(fmt, output, FORMATS)
    statuses = _check_choices(status, (*STATUSES, *RAGS), "--status")
    found = resolve_inputs(plan, None, progress)
    model = load_plan(found.plan)
    actions = _check_choices(action, tuple(a.id for a in model.actions), "--action", upper=True)
    ledger, problems = resolve_ledger(found, model, encoding=encoding)
    refuse_overwriting(output, [found.plan, ledger.path])
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
    if not show_all and not statuses and out_format in ("table", "markdown"):
        shown = [t for t in items if needs_attention(t)]
    content = _render(shown, day, language, out_format, ledger, problems, every=items)
    write_view(content, output, out_format)
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(int(ExitCode.FINDINGS))


def _render(
    items: list[TaskAssessment],
    day: date,
    language: Lang,
    fmt: str,
    ledger: Ledger,
    problems: list[Problem],
    *,
    every: list[TaskAssessment],
) -> str | list[RenderableType]:
    """``items`` in ``fmt``; when they are a cut of ``every`` (the tasks needing
    attention), the summary counts ``every`` and a line counts those left out."""
    left_out = len(every) - len(items)
    summary_of = every if left_out else None
    if fmt == "table":
        return tasks_renderables(items, day, language, summary_of=summary_of, left_out=left_out)
    if fmt == "json":
        return dump_json(tasks_document(items, day, ledger=ledger.path, problems=problems))
    if fmt == "csv":
        return tasks_csv(items, language)
    return tasks_markdown(items, day, language, summary_of=summary_of, left_out=left_out)


progress_app = typer.Typer(
    name="progress",
    help="Record task progress in the ledger (data/progress.csv).",
    no_args_is_help=True,
)
app.add_typer(progress_app, name="progress")


def _ledger_for_writing(found: InputPaths) -> Path:
    if found.progress is not None and not found.bundled:
        return found.progress
    if found.bundled:
        # Never write into the copy installed with the package.
        raise GlplanError.single(
            _(
                "no project ledger: pass --progress FILE, or run in a project folder (one "
                "with data/plan.yaml; `glplan init` makes one)",
            ),
            code=Code.USAGE,
        )
    return found.plan.parent / PROGRESS_FILE


@progress_app.command("add")
@handle_errors
def progress_add(
    task: Annotated[str, typer.Argument(help="Task id, e.g. A9.4.", show_default=False)],
    status: Annotated[
        str,
        typer.Option(
            "--status",
            "-s",
            help="not_started, in_progress or completed (未开始, 进行中, 已完成).",
            show_default=False,
        ),
    ],
    value: Annotated[
        str | None,
        typer.Option(
            "--value",
            help="Figure reached so far for the task's quantity (0 to 1e9; at most 10 times "
            "the quantity's target unless --force).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Record a --value more than 10 times the task's target (after checking it).",
        ),
    ] = False,
    entry_date: Annotated[
        str | None,
        typer.Option(
            "--date", help="Date of the report (YYYY-MM-DD). Default: today.", show_default=False
        ),
    ] = None,
    note: Annotated[str, typer.Option("--note", help="Free text.", show_default=False)] = "",
    region: Annotated[
        str | None,
        typer.Option(
            "--region", help="Region the report is about (code or name).", show_default=False
        ),
    ] = None,
    reporter: Annotated[
        str | None, typer.Option("--reporter", help="Who reports.", show_default=False)
    ] = None,
    metric: Annotated[
        str | None,
        typer.Option(
            "--metric", help="Which of the task's quantities --value is for.", show_default=False
        ),
    ] = None,
    progress: LedgerOption = None,
    plan: PlanOption = None,
    encoding: EncodingOption = None,
    lang: LangOption = None,
) -> None:
    """Append one checked entry to the progress ledger.

    The task id, status, date (not in the future), value, region and metric are checked
    against the plan first; on any problem nothing is written (exit 2). A value more than 10
    times the task's target (1010 for 30 schools) is taken for a typo and refused unless
    --force is given; a value over 1e9, inf or nan is refused always. The new line is
    appended in the ledger's own encoding, keeping every earlier byte, and a crash leaves
    the old file whole.

    Example: ``glplan progress add A3.6 --status in_progress --value 18 --note "已建成18所"``
    """
    language = resolve_lang(lang)
    found = resolve_inputs(plan, None, progress)
    model = load_plan(found.plan)
    path = _ledger_for_writing(found)
    today = resolve_as_of(None)
    entry = append_entry(
        path,
        model,
        task=task,
        status=status,
        entry_date=entry_date if entry_date is not None else today,
        value=value,
        note=note,
        region=region,
        reporter=reporter,
        metric=metric,
        today=today,
        encoding=encoding,
        force=force,
    )
    emit(f"{path}:{entry.line}: {entry_line(entry, model, language)}")
