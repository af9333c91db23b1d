"""``glplan validate``, ``glplan plan`` and ``glplan schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    EncodingOption,
    LangOption,
    PeriodOption,
    RegionOption,
    dump_json,
    emit,
    handle_errors,
    note_bundled,
    print_problems,
    resolve_as_of,
    resolve_lang,
    resolve_plan_path,
)
from gl_plan.cli.formats import choose_format, format_option, render, write
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.cli.views import PlanView
from gl_plan.data.read import read_indicators
from gl_plan.errors import ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Join, _, ngettext, pgettext
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan
from gl_plan.plan.schema import plan_json_schema
from gl_plan.resources import resolve_inputs

app = command_app()


@app.command(
    cls=LocalisedCommand,
    help="help.validate",
    epilog=examples(
        "glplan validate data/plan.yaml --data data/indicators/",
        "glplan validate --data q3/*.csv",
        "glplan validate data/indicators/450321_阳朔县.csv",
    ),
)
@handle_errors
def validate(
    plan: Annotated[
        list[Path] | None,
        typer.Argument(
            help="help.validate.plan",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            help="help.validate.data",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    plan_option: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            help="help.validate.plan_option",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
    region: RegionOption = None,
    period: PeriodOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="help.validate.as_of"),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="help.validate.quiet")] = False,
    lang: LangOption = None,
) -> None:
    """Check plan and indicator files, every problem at once (the help: ``help.validate``)."""
    language = resolve_lang(lang)
    given = list(plan or [])
    # Files and folders of county data may come as arguments too (pre-commit passes the
    # changed files that way); they are checked against the plan as with --data.
    data = [*(data or []), *(p for p in given if _is_data(p))]
    plans = [p for p in given if not _is_data(p)]
    if plans:
        paths = plans
    else:
        found = resolve_inputs(plan_option, data or None)
        note_bundled(language, bundled=found.bundled, bundled_plan=found.bundled_plan)
        paths = [found.plan]
    worst = ExitCode.OK
    loaded: Plan | None = None
    for path in paths:
        try:
            loaded = load_plan(path)
        except GlplanError as exc:
            print_problems(exc.problems, language)
            worst = max(worst, exc.exit_code)
            continue
        if not quiet:
            # The parts first: pybabel loses a message call nested in another's arguments.
            actions = ngettext("{n} action", "{n} actions", len(loaded.actions))
            tasks = ngettext("{n} task", "{n} tasks", len(loaded.tasks))
            counts = Join((actions, tasks), pgettext("sep.counts", ", "))
            emit(_("{path}: ok ({counts})", path=path, counts=counts).text(language))
    if data:
        if loaded is None:
            raise typer.Exit(int(worst))
        result = read_indicators(
            data,
            loaded,
            as_of=resolve_as_of(as_of),
            encoding=encoding,
            region=region,
            period=period,
        )
        issues: list[Problem] = list(result.issues)
        print_problems(issues, language)
        errors = sum(1 for p in issues if p.severity is Severity.ERROR)
        if errors:
            worst = max(worst, ExitCode.FINDINGS)
        if not quiet:
            warnings = sum(1 for p in issues if p.severity is Severity.WARNING)
            emit(
                _(
                    "data: {n} observations from {files} files; {errors} errors, "
                    "{warnings} warnings",
                    n=len(result.observations),
                    files=len(result.files),
                    errors=errors,
                    warnings=warnings,
                ).text(language)
            )
    raise typer.Exit(int(worst))


def _is_data(path: Path) -> bool:
    return path.suffix.lower() in DATA_SUFFIXES or path.is_dir()


#: Suffixes of indicator files (the rest are taken for plans).
DATA_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


@app.command(
    "plan",
    cls=LocalisedCommand,
    help="help.plan",
    epilog=examples("glplan plan --format json | jq '.actions[].tasks[] | {id, due}'"),
)
@handle_errors
def show_plan(
    plan: Annotated[
        Path | None,
        typer.Argument(help="help.plan.plan"),
    ] = None,
    fmt: Annotated[str | None, format_option()] = None,
    lang: LangOption = None,
) -> None:
    """Show the plan as staff read it (the help: ``help.plan``)."""
    language = resolve_lang(lang)
    out_format = choose_format("plan", fmt, None)
    path, bundled = resolve_plan_path(plan)
    if bundled:
        note_bundled(language)
    model = load_plan(path)
    write(render("plan", out_format, PlanView(model), language), None, out_format)


@app.command(
    cls=LocalisedCommand,
    help="help.schema",
    epilog=examples("glplan schema > plan.schema.json"),
)
@handle_errors
def schema() -> None:
    """Print the plan file's JSON Schema (the help: ``help.schema``)."""
    emit(dump_json(plan_json_schema()))
