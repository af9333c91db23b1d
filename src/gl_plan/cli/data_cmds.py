"""``glplan data``: the counties' indicator files as one clean, normalised table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

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
    dump_json,
    handle_errors,
    note_bundled,
    output_format,
    print_problems,
    refuse_overwriting,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.cli.terminal import write_view
from gl_plan.data.export import format_number, observation_rows, observations_csv
from gl_plan.data.observations import ObservationSet
from gl_plan.data.read import read_indicators
from gl_plan.errors import Code, ExitCode, GlplanError
from gl_plan.i18n import Lang, _, pgettext
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan
from gl_plan.report.data_view import observations_markdown
from gl_plan.resources import PROGRESS_FILE, resolve_inputs

#: glplan data's table headers: short English for a narrow terminal.
_HEADERS = {
    "region": _("region"),
    "code": _("code"),
    "period": _("period"),
    "indicator": pgettext("col.data_table.indicator", "indicator"),
    "value": _("value"),
    "numerator": _("num."),
    "denominator": _("den."),
    "source": pgettext("col.data_table.source", "source"),
}


app = command_app()

FORMATS = ("table", "json", "csv", "markdown")
#: The columns of the table, each headed by its :data:`_HEADERS` word.
_TABLE_COLUMNS = (
    "region",
    "code",
    "period",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "source",
)


@app.command("data")
@handle_errors
def data(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Indicator files or folders, as with --data. Default: the project's "
            "data/indicators, else (outside a project) the bundled sample.",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    data: DataOption = None,
    plan: PlanOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv or markdown. Default: table, or what --output's suffix says.",
            show_default=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
    region: RegionOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of stdout; .json, .csv or .md "
            "picks the format.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Print the normalised observations: region code, period, indicator id, value,
    numerator, denominator, source file and line.

    JSON is ``{"observations": [...], "issues": [...]}``; CSV has the same column names as
    the JSON keys. With table or csv, problems go to stderr. Exit 0 when no file has an
    error, 1 when any has (the rows with errors, and a file that cannot be read, are left
    out), 2 when a path does not exist or nothing usable could be read.

    Examples: ``glplan data data/indicators --format csv --output combined.csv``;
    ``glplan data --data q3/*.csv --format json``
    """
    out_format = output_format(fmt, output, FORMATS)
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
    # The project's ledger too: `data` does not read it, but a report must not replace it.
    ledger = found.plan.parent / PROGRESS_FILE
    refuse_overwriting(output, [found.plan, ledger, *(f.path for f in result.files)])

    content: str | list[RenderableType]
    if out_format == "json":
        content = dump_json(
            {
                "observations": observation_rows(result.observations),
                "issues": [p.to_dict() for p in result.issues],
            }
        )
    else:
        print_problems(result.issues, language)
        if out_format == "csv":
            content = observations_csv(result.observations)
        elif out_format == "markdown":
            content = observations_markdown(result.observations, model, language)
        else:
            content = [_table(result.observations, model, language)]
    write_view(content, output, out_format)
    raise typer.Exit(int(ExitCode.FINDINGS if result.errors else ExitCode.OK))


def _table(observations: ObservationSet, plan: Plan, lang: Lang) -> RenderableType:
    """The observations as a rich table; regions and indicators by their short names in
    ``lang`` (the JSON and CSV formats keep codes and ids)."""
    if not observations.series:
        return Text(_("no observations").text(lang))
    heads = [_HEADERS[key].text(lang) for key in _TABLE_COLUMNS]
    table = Table(*heads, title=_("Indicator data").text(lang), box=box.SIMPLE_HEAD, pad_edge=False)
    for i, column in enumerate(table.columns):
        if i in (4, 5, 6):
            column.justify = "right"
        # Indicator names and file names wrap; the short columns stay whole.
        if i in (3, 7):
            column.overflow = "fold"
            column.min_width = 12
        else:
            column.no_wrap = True
    for o in observations:
        region = plan.region_by_code.get(o.region)
        indicator = plan.indicator_by_id.get(o.indicator)
        name = (indicator.short or indicator.name).get(lang) if indicator else o.indicator
        source = Path(o.source).name if o.source else ""
        table.add_row(
            region.short.get(lang) if region else o.region,
            o.region,
            str(o.period),
            name,
            f"{o.value:.2f}",
            format_number(o.numerator),
            format_number(o.denominator),
            f"{source}:{o.line}" if source and o.line else source,
        )
    return table
