"""``glplan data``: the counties' indicator files as one clean, normalised table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from gl_plan.cli.application import app
from gl_plan.cli.common import (
    AsOfOption,
    EncodingOption,
    LangOption,
    PlanOption,
    dump_json,
    handle_errors,
    note_bundled,
    output_format,
    print_problems,
    refuse_overwriting,
    refuse_unreadable,
    resolve_as_of,
    resolve_lang,
    resolve_plan_path,
    write_output,
)
from gl_plan.data.export import format_number, observation_rows, observations_csv
from gl_plan.data.observations import ObservationSet
from gl_plan.data.read import read_indicators
from gl_plan.errors import ExitCode, GlplanError
from gl_plan.i18n import Lang
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan
from gl_plan.report.data_view import observations_markdown
from gl_plan.resources import PROGRESS_FILE, default_location

FORMATS = ("table", "json", "csv", "markdown")


@app.command("data")
@handle_errors
def data(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Indicator files or folders. Default: ./data/indicators, else the bundled sample.",
            show_default=False,
        ),
    ] = None,
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
    error, 1 when any has (the rows with errors are left out), 2 when a path does not exist.

    Example: ``glplan data data/indicators --format csv --output combined.csv``
    """
    out_format = output_format(fmt, output, FORMATS)
    language = resolve_lang(lang)
    plan_path = resolve_plan_path(plan)[0]
    model = load_plan(plan_path)
    if not paths:
        loc = default_location()
        if loc is None:
            raise GlplanError.single("no indicator files given and none found", code="usage")
        paths = [loc.indicators]
        if loc.bundled:
            note_bundled(language)
    result = read_indicators(paths, model, as_of=resolve_as_of(as_of), encoding=encoding)
    # The project's ledger too: `data` does not read it, but a report must not replace it.
    ledger = plan_path.parent / PROGRESS_FILE
    refuse_overwriting(output, [plan_path, ledger, *(f.path for f in result.files)])
    refuse_unreadable(result.issues)

    content: str | list[RenderableType]
    if out_format == "json":
        content = dump_json(
            {
                "observations": observation_rows(result.observations),
                "issues": [p.to_dict() for p in result.issues],
            }
        )
    else:
        print_problems(result.issues)
        if out_format == "csv":
            content = observations_csv(result.observations)
        elif out_format == "markdown":
            content = observations_markdown(result.observations, model, language)
        else:
            content = [_table(result.observations, model, language)]
    write_output(content, output, out_format)
    raise typer.Exit(int(ExitCode.FINDINGS if result.errors else ExitCode.OK))


def _table(observations: ObservationSet, plan: Plan, lang: Lang) -> RenderableType:
    """The observations as a rich table; regions and indicators by their short names in
    ``lang`` (the JSON and CSV formats keep codes and ids)."""
    zh = lang == "zh"
    if not observations.series:
        return Text("没有数据" if zh else "no observations")
    zh_heads = ("地区", "代码", "时期", "指标", "数值", "分子", "分母", "来源")
    en_heads = ("region", "code", "period", "indicator", "value", "num.", "den.", "source")
    heads = zh_heads if zh else en_heads
    table = Table(
        *heads, title="指标数据" if zh else "Indicator data", box=box.SIMPLE_HEAD, pad_edge=False
    )
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
