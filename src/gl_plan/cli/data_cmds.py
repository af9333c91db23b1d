"""``glplan data``: the counties' indicator files as one clean, normalised table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    AsOfOption,
    DataOption,
    EncodingOption,
    LangOption,
    PeriodOption,
    PlanOption,
    RegionOption,
    data_paths,
    handle_errors,
    note_bundled,
    print_problems,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.cli.formats import choose_format, format_option, output_option, render, write
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.cli.views import DataView
from gl_plan.data.read import read_indicators
from gl_plan.errors import Code, ExitCode, GlplanError
from gl_plan.i18n import _
from gl_plan.plan.load import load_plan
from gl_plan.resources import resolve_inputs

app = command_app()


@app.command(
    "data",
    cls=LocalisedCommand,
    help="help.data",
    epilog=examples(
        "glplan data data/indicators --format csv --output combined.csv",
        "glplan data --data q3/*.csv --format json",
    ),
)
@handle_errors
def data(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="help.data.paths",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    data: DataOption = None,
    plan: PlanOption = None,
    fmt: Annotated[str | None, format_option()] = None,
    encoding: EncodingOption = None,
    region: RegionOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    output: Annotated[Path | None, output_option()] = None,
) -> None:
    """Print the normalised observations (the help: ``help.data``)."""
    out_format = choose_format("data", fmt, output)
    language = resolve_lang(lang)
    found = resolve_inputs(plan, data_paths(data, paths))
    note_bundled(language, bundled=found.bundled, bundled_plan=found.bundled_plan)
    model = load_plan(found.plan)
    if not found.data:
        raise GlplanError.single(
            _(
                "no indicator files given and none found: pass --data PATH, or put the county "
                "files in the project's data/indicators",
            ),
            code=Code.USAGE,
        )
    result = read_indicators(
        found.data,
        model,
        as_of=resolve_as_of(as_of),
        encoding=encoding,
        region=region,
        period=period,
    )

    if out_format.name != "json":  # the JSON document holds them
        print_problems(result.issues, language)
    write(render("data", out_format, DataView(result, model), language), output, out_format)
    raise typer.Exit(int(ExitCode.FINDINGS if result.errors else ExitCode.OK))
