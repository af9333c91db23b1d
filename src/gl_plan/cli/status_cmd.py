"""``glplan status``: who sent what for a period, at a glance."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from gl_plan.api import Inputs, load_inputs
from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    AsOfOption,
    DataArguments,
    DataOption,
    EncodingOption,
    LangOption,
    PlanOption,
    data_paths,
    handle_errors,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.cli.formats import choose_format, format_option, output_option, render, write
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.cli.views import StatusView
from gl_plan.data.observations import ObservationSet
from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import _
from gl_plan.periods import Period, PeriodError, read_period
from gl_plan.report.status_view import submissions_of

app = command_app()


@app.command(
    "status",
    cls=LocalisedCommand,
    help="help.status",
    epilog=examples("glplan status", "glplan status --data q3/ --period 2026Q3 --format json"),
)
@handle_errors
def status(
    plan: PlanOption = None,
    data: DataOption = None,
    paths: DataArguments = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="help.status.period",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str | None, format_option()] = None,
    output: Annotated[Path | None, output_option()] = None,
    as_of: AsOfOption = None,
    encoding: EncodingOption = None,
    lang: LangOption = None,
) -> None:
    """Show who sent what for a period (the help: ``help.status``)."""
    language = resolve_lang(lang)
    day = resolve_as_of(as_of)
    out_format = choose_format("status", fmt, output)
    inputs = load_inputs(plan, data_paths(data, paths), as_of=day, encoding=encoding,
                         today=date.today())  # fmt: skip
    sub = submissions_of(inputs, _period(period), _modified(inputs))
    write(render("status", out_format, StatusView(sub, inputs.plan), language), output, out_format)


def _modified(inputs: Inputs) -> dict[str, datetime]:
    """When each file read was last modified (read here, at the edge)."""
    out: dict[str, datetime] = {}
    data = inputs.data
    for info in [] if isinstance(data, ObservationSet) else data.files:
        try:
            out[info.path] = datetime.fromtimestamp(Path(info.path).stat().st_mtime)
        except OSError:
            continue  # gone since it was read: no time to show
    return out


def _period(value: str | None) -> Period | None:
    if value is None:
        return None
    try:
        return read_period(value)[0]
    except PeriodError as exc:
        raise GlplanError.single(
            _("--period: {reason}", reason=exc.message), field="period", code=Code.USAGE
        ) from None
