"""``glplan status``: who sent what for a period, at a glance."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Final

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
    dump_json,
    emit,
    handle_errors,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.data.observations import ObservationSet
from gl_plan.errors import Code, GlplanError, msg
from gl_plan.periods import Period, PeriodError, read_period
from gl_plan.report.status_view import status_lines, submissions_of

app = command_app()

FORMATS: Final = ("table", "json")


@app.command("status")
@handle_errors
def status(
    plan: PlanOption = None,
    data: DataOption = None,
    paths: DataArguments = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="The period to show (2026Q3). Default: the latest period in the data.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    as_of: AsOfOption = None,
    encoding: EncodingOption = None,
    lang: LangOption = None,
) -> None:
    """For each county-level region: which file(s) gave its figures and when each was
    modified, which figures are missing, which files a correction superseded, and how
    many errors and warnings each file has. Regions that sent nothing come first.

    What a region is expected to send is what any region sent for the period.

    Examples: ``glplan status``; ``glplan status --data q3/ --period 2026Q3 --format json``
    """
    language = resolve_lang(lang)
    day = resolve_as_of(as_of)
    chosen = fmt.strip().lower()
    if chosen not in FORMATS:
        allowed = ", ".join(FORMATS)
        raise GlplanError.single(
            msg("cli.bad_choice", option="--format", allowed=allowed, value=fmt), code=Code.USAGE
        )
    inputs = load_inputs(plan, data_paths(data, paths), as_of=day, encoding=encoding,
                         today=date.today())  # fmt: skip
    sub = submissions_of(inputs, _period(period), _modified(inputs))
    if chosen == "json":
        emit(dump_json(sub.to_dict()))
    else:
        emit("\n".join(status_lines(sub, inputs.plan, language)))


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
            msg("data.option.period", reason=exc.message), field="period", code=Code.USAGE
        ) from None
