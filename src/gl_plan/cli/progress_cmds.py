"""``glplan progress``: the ledger's commands, ``add`` (one entry), ``list`` (the entries as
a table) and ``import`` (the entries of a return units send back)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    EncodingOption,
    LangOption,
    PlanOption,
    bundled_notes,
    emit,
    handle_errors,
    print_problems,
    refuse_unreadable,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.cli.formats import choose_format, format_option, output_option, render, write
from gl_plan.cli.help import LocalisedCommand, LocalisedGroup, examples
from gl_plan.cli.task_cmds import LedgerOption, resolve_ledger
from gl_plan.cli.views import ProgressView
from gl_plan.decoding import require_text_encoding
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import _
from gl_plan.ledger.append import append_entries, append_entry, same_report
from gl_plan.ledger.listing import select_entries
from gl_plan.ledger.model import LedgerEntry, parse_entry_date
from gl_plan.ledger.sheet import SheetRead, read_progress_sheet
from gl_plan.plan.load import load_plan
from gl_plan.report.tasks_view import entry_line
from gl_plan.resources import PROGRESS_FILE, InputPaths, resolve_inputs

app = command_app()

progress_app = typer.Typer(
    name="progress",
    cls=LocalisedGroup,
    help="help.progress",
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


@progress_app.command(
    "add",
    cls=LocalisedCommand,
    help="help.add",
    epilog=examples('glplan progress add A3.6 --status in_progress --value 18 --note "已建成18所"'),
)
@handle_errors
def progress_add(
    task: Annotated[str, typer.Argument(help="help.add.task", show_default=False)],
    status: Annotated[
        str,
        typer.Option(
            "--status",
            "-s",
            help="help.add.status",
            show_default=False,
        ),
    ],
    value: Annotated[
        str | None,
        typer.Option(
            "--value",
            help="help.add.value",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="help.add.force",
        ),
    ] = False,
    entry_date: Annotated[
        str | None,
        typer.Option("--date", help="help.add.entry_date", show_default=False),
    ] = None,
    note: Annotated[str, typer.Option("--note", help="help.add.note", show_default=False)] = "",
    region: Annotated[
        str | None,
        typer.Option("--region", help="help.add.region", show_default=False),
    ] = None,
    reporter: Annotated[
        str | None, typer.Option("--reporter", help="help.add.reporter", show_default=False)
    ] = None,
    metric: Annotated[
        str | None,
        typer.Option("--metric", help="help.add.metric", show_default=False),
    ] = None,
    progress: LedgerOption = None,
    plan: PlanOption = None,
    encoding: EncodingOption = None,
    lang: LangOption = None,
) -> None:
    """Append one checked entry to the progress ledger (the help: ``help.add``)."""
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


def _task_ids(values: list[str] | None) -> list[str]:
    """``--task A3.6 --task A9.4`` and ``--task A3.6,A9.4`` alike."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


@progress_app.command(
    "list",
    cls=LocalisedCommand,
    help="help.list",
    epilog=examples(
        "glplan progress list --task A3.6 --since 2025-01-01",
        "glplan progress list --format csv --output 台账.csv --lang zh",
    ),
)
@handle_errors
def progress_list(
    task: Annotated[
        list[str] | None,
        typer.Option("--task", "-t", help="help.list.task", show_default=False),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="help.list.since", show_default=False)
    ] = None,
    fmt: Annotated[str | None, format_option()] = None,
    lang: LangOption = None,
    output: Annotated[Path | None, output_option()] = None,
    progress: LedgerOption = None,
    plan: PlanOption = None,
    encoding: EncodingOption = None,
) -> None:
    """Show the ledger's entries (the help: ``help.list``)."""
    language = resolve_lang(lang)
    out_format = choose_format("progress list", fmt, output)
    first = None
    if since is not None:
        try:
            first = parse_entry_date(since.strip())
        except ValueError:
            raise GlplanError.single(
                _("not a date: {value!r} (write it as 2025-01-01)", value=since),
                field="--since",
                code=Code.USAGE,
            ) from None
    found = resolve_inputs(plan, None, progress)
    model = load_plan(found.plan)
    ledger, problems = resolve_ledger(found, model, encoding=encoding)
    refuse_unreadable(problems)
    listing = select_entries(ledger, model, tasks=_task_ids(task), since=first)
    # "Every task counts as not reported" is for `tasks`; here the listing says it is empty.
    problems = [p for p in problems if p.code is not Code.NO_LEDGER]
    problems[:0] = bundled_notes(bundled=found.bundled, bundled_plan=found.bundled_plan)
    if not listing.total and not out_format.for_reading:
        # JSON and CSV carry no sentence: the note goes with the other messages.
        problems.append(
            Problem(
                _(
                    "The ledger has no entries yet. Add one with `glplan progress add A3.6 "
                    "--status in_progress --value 18`, or import the sheets units send back with "
                    "`glplan progress import FILE.xlsx`.",
                ),
                severity=Severity.INFO,
            )
        )
    print_problems(problems, language)
    write(render("progress list", out_format, ProgressView(listing), language), output, out_format)
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(int(ExitCode.FINDINGS))


@progress_app.command(
    "import",
    cls=LocalisedCommand,
    help="help.import",
    epilog=examples(
        "glplan progress import 秀峰区_任务进展.xlsx --dry-run",
        "glplan progress import 全州县.csv --ledger data/progress.csv",
    ),
)
@handle_errors
def progress_import(
    file: Annotated[
        Path,
        typer.Argument(help="help.import.file", show_default=False, dir_okay=False),
    ],
    ledger: Annotated[
        Path | None,
        typer.Option(
            "--ledger", "--progress", help="help.import.ledger", show_default=False, dir_okay=False
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="help.import.dry_run")] = False,
    force: Annotated[bool, typer.Option("--force", help="help.import.force")] = False,
    plan: PlanOption = None,
    encoding: EncodingOption = None,
    lang: LangOption = None,
) -> None:
    """Append every entry of a return, all or none (the help: ``help.import``)."""
    language = resolve_lang(lang)
    encoding = require_text_encoding(encoding)
    found = resolve_inputs(plan, None, ledger)
    model = load_plan(found.plan)
    path = _ledger_for_writing(found)
    today = resolve_as_of(None)
    read = read_progress_sheet(file, model, encoding=encoding, today=today, force=force)
    if not read.failed and not read.entries:
        read.problems.append(
            Problem(_("the sheet has no entries"), file=read.file, code=Code.EMPTY)
        )
    if read.failed:
        note = Problem(
            _(
                "nothing was written: {ledger} is unchanged; fix the rows listed above and "
                "import again",
                ledger=path,
            ),
            severity=Severity.INFO,
        )
        raise GlplanError([*read.problems, note], ExitCode.USAGE)
    appended = append_entries(
        path,
        model,
        [row.entry for row in read.entries],
        skip_duplicates=True,
        write=not dry_run,
    )
    print_problems([*read.problems, *_duplicate_warnings(read, appended.duplicates)], language)
    tasks = len({entry.task for entry in appended.added})
    key = (
        _("dry run: {n} entries would be added for {m} tasks to {ledger}; nothing was written")
        if dry_run
        else _("{n} entries added for {m} tasks to {ledger}")
    )
    summary = key.format(n=len(appended.added), m=tasks, ledger=path).text(language)
    if appended.duplicates:
        summary += _("; {k} already in the ledger, skipped", k=len(appended.duplicates)).text(
            language
        )
    emit(summary)


def _duplicate_warnings(
    read: SheetRead, duplicates: list[tuple[LedgerEntry, int]]
) -> list[Problem]:
    """Each row the ledger already holds, at its row in the return."""
    rows = {same_report(row.entry): row for row in read.entries}
    warnings = []
    for entry, line in duplicates:
        row = rows[same_report(entry)]
        warnings.append(
            Problem(
                _("already in the ledger (line {line}); skipped", line=line),
                file=read.file,
                line=row.line,
                severity=Severity.WARNING,
                code=Code.DUPLICATE_ROW,
                sheet=row.sheet,
            )
        )
    return warnings
