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
from gl_plan.cli.terminal import write_view
from gl_plan.data.read import read_indicators
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import _
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan
from gl_plan.plan.schema import plan_json_schema
from gl_plan.report.plan_view import plan_renderables, plan_size
from gl_plan.resources import resolve_inputs

app = command_app()


@app.command()
@handle_errors
def validate(
    plan: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan files (.yaml); indicator files and folders given here are checked as "
            "with --data. Default: the project's data/plan.yaml, else the bundled plan.",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            help="Also check indicator files or folders against the plan. Several may follow "
            "one --data (the shell's expansion of `--data q3/*.csv`) or --data may be "
            "repeated.",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    plan_option: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            help="The plan to check indicator files against when no plan file is given.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
    region: RegionOption = None,
    period: PeriodOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date for 'period in the future' checks. Default: today."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print problems only.")] = False,
    lang: LangOption = None,
) -> None:
    """Check plan files (and, with --data, indicator files); report every problem at once.

    Each problem is printed as ``file:line:column: field: message``. Exit 0 when everything
    is valid, 1 when anything has an error (an indicator file that cannot be read is one),
    2 when a plan cannot be read or no indicator file gave anything usable.

    Examples: ``glplan validate data/plan.yaml --data data/indicators/``;
    ``glplan validate --data q3/*.csv``;
    ``glplan validate data/indicators/450321_阳朔县.csv`` (against ./data/plan.yaml), as the
    pre-commit hooks call it.
    """
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
            emit(_("{path}: ok ({counts})", path=path, counts=plan_size(loaded)).text(language))
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


@app.command("plan")
@handle_errors
def show_plan(
    plan: Annotated[
        Path | None,
        typer.Argument(help="Plan file. Default: ./data/plan.yaml, else the bundled plan."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    lang: LangOption = None,
) -> None:
    """Show the plan as staff read it: goals and targets, actions, tasks and due dates.

    Example: ``glplan plan --format json | jq '.actions[].tasks[] | {id, due}'``
    """
    language = resolve_lang(lang)
    path, bundled = resolve_plan_path(plan)
    if bundled:
        note_bundled(language)
    model = load_plan(path)
    if fmt == "json":
        emit(dump_json(model.model_dump(mode="json")))
        return
    if fmt != "table":
        raise GlplanError.single(
            _("--format must be table or json, not {fmt!r}", fmt=fmt), code=Code.USAGE
        )
    write_view(plan_renderables(model, language), None, "table")


@app.command()
@handle_errors
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the plan file, for editors and validators.

    Example: ``glplan schema > plan.schema.json``
    """
    emit(dump_json(plan_json_schema()))
