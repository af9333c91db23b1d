"""``glplan template``: the form the bureau sends each county for one period."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from gl_plan.atomic import atomic_write_bytes
from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    LangOption,
    PlanOption,
    emit,
    handle_errors,
    resolve_lang,
    resolve_plan_path,
)
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.cli.outputs import refuse_project_input
from gl_plan.errors import Code, GlplanError, Problem
from gl_plan.forms.write import FormRequest, templates
from gl_plan.i18n import _
from gl_plan.ledger.model import parse_entry_date
from gl_plan.periods import Period, PeriodError, read_period
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan, Region

app = command_app()


@app.command(
    "template",
    cls=LocalisedCommand,
    help="help.template",
    epilog=examples(
        "glplan template --period 2026Q3 --output forms/",
        "glplan template --period 2026Q3 --region 阳朔县 --due 2026-10-15 --contact 市教育局规划科",
    ),
)
@handle_errors
def template(
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="help.template.period",
            show_default=False,
        ),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            help="help.template.region",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="help.template.output", file_okay=False),
    ] = Path("."),
    all_in_one: Annotated[
        bool,
        typer.Option("--all-in-one", help="help.template.all_in_one"),
    ] = False,
    due: Annotated[
        str | None,
        typer.Option(
            "--due",
            help="help.template.due",
            show_default=False,
        ),
    ] = None,
    contact: Annotated[
        str | None,
        typer.Option(
            "--contact",
            help="help.template.contact",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.template.force")] = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """Write the form each county fills in for one period (the help: ``help.template``)."""
    language = resolve_lang(lang) if lang is not None else "zh"
    plan_path, _bundled = resolve_plan_path(plan)
    the_plan = load_plan(plan_path)
    request = FormRequest(_period(period), language, _due(due), contact)
    regions = _regions(the_plan, region)
    files = templates(the_plan, regions, request, all_in_one=all_in_one)
    targets = [output / name for name, _content in files]
    for target in targets:
        refuse_project_input(target)  # never a county file, the plan or the ledger
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise GlplanError(
            [
                Problem(
                    _(
                        "already exists, not replaced (choose another --output folder, or add "
                        "--force)",
                    ),
                    file=str(t),
                    code=Code.USAGE,
                )
                for t in existing
            ]
        )
    output.mkdir(parents=True, exist_ok=True)
    for target, (_name, content) in zip(targets, files, strict=True):
        atomic_write_bytes(target, content)
    lines = [_("{n} form(s) written to {folder}:", n=len(files), folder=output).text(language)]
    lines += [f"  {t.name}" for t in targets]
    emit("\n".join(lines))


def _period(value: str | None) -> Period:
    if value is None:
        today = date.today()
        quarter = (today.month - 1) // 3  # the last one ended: 0 is last year's fourth
        return Period(today.year, quarter) if quarter else Period(today.year - 1, 4)
    try:
        return read_period(value)[0]
    except PeriodError as exc:
        raise GlplanError.single(
            _("--period: {reason}", reason=exc.message), code=Code.USAGE
        ) from None


def _due(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_entry_date(value.strip())
    except ValueError:
        raise GlplanError.single(
            _(
                "{option} must be a date like 2026-10-15, not {value!r}",
                option="--due",
                value=value,
            ),
            code=Code.USAGE,
        ) from None


def _regions(plan: Plan, names: list[str] | None) -> list[Region]:
    if not names:
        return plan.leaves()
    found: list[Region] = []
    unknown: list[Problem] = []
    for name in names:
        code = plan.resolve_region(name)
        if code is None:
            unknown.append(
                Problem(
                    _(
                        "--region {region!r} is not a region of the plan (give its code "
                        "or name, e.g. 450321 or {example})",
                        region=name,
                        example="阳朔县",
                    ),
                    field="region",
                    code=Code.USAGE,
                )
            )
        elif plan.region_by_code[code] not in found:
            found.append(plan.region_by_code[code])
    if unknown:
        raise GlplanError(unknown)
    return found
