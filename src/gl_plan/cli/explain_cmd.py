"""``glplan explain``: why one figure has its status.

``explain`` runs the same check as ``glplan check`` (same files, same defaults) and takes
one of its rows apart (:mod:`gl_plan.assess.explain`), so the two never disagree.

Exit codes: 0 the explanation was produced; 2 a usage error (an unknown region, indicator
or target year: close matches are named), or input that could not be read.
"""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path
from typing import Annotated, Final

import typer

from gl_plan.api import Inputs, load_inputs, run_check_inputs
from gl_plan.assess.explain import default_target_year, explain, find_row
from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    AsOfOption,
    EncodingOption,
    LangOption,
    PlanOption,
    ProgressOption,
    bundled_notes,
    handle_errors,
    print_problems,
    refuse_unreadable,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.cli.formats import choose_format, format_option, output_option, render, write
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.cli.views import ExplainView
from gl_plan.data.observations import ObservationSet
from gl_plan.data.submissions import problems_touching
from gl_plan.errors import Code, GlplanError, Problem, Severity
from gl_plan.i18n import Join, _
from gl_plan.names import normalise_name
from gl_plan.plan.models import Plan

#: The texts once looked up as ``explain.unknown_*``, by the rest of that key.
_EXPLAIN_UNKNOWN_ = {
    "region": _("unknown region {name!r}; close matches: {matches}"),
    "indicator": _("unknown indicator {name!r}; close matches: {matches}"),
    "year": _("{year} is not a target year; target years: {years}"),
}


app = command_app()

#: Close matches named when a region or an indicator is unknown.
MAX_MATCHES: Final = 5


@app.command(
    "explain",
    cls=LocalisedCommand,
    help="help.explain",
    epilog=examples(
        "glplan explain 兴安 学前教育三年毛入园率 --as-of 2026-11-28",
        "glplan explain 450325 preschool_gross_enrollment_rate --year 2025 --format json",
    ),
)
@handle_errors
def explain_command(
    region: Annotated[str, typer.Argument(help="help.explain.region")],
    indicator: Annotated[str, typer.Argument(help="help.explain.indicator")],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="help.explain.year",
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            help="help.explain.data",
            show_default=False,
        ),
    ] = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[str | None, format_option()] = None,
    lang: LangOption = None,
    output: Annotated[Path | None, output_option()] = None,
    encoding: EncodingOption = None,
) -> None:
    """Why one region's figure has its status (the help: ``help.explain``)."""
    language = resolve_lang(lang)
    day = resolve_as_of(as_of)
    out_format = choose_format("explain", fmt, output)
    inputs = load_inputs(plan, data, progress, as_of=day, encoding=encoding, today=date.today())
    the_plan = inputs.plan
    code = _resolve(the_plan, region, "region")
    indicator_id = _resolve(the_plan, indicator, "indicator")
    target_year = _target_year(the_plan, year, indicator_id, day)
    refuse_unreadable(inputs.issues)
    result = run_check_inputs(inputs, day)
    notes = bundled_notes(bundled=result.sources.bundled, bundled_plan=False)
    # Only what touches this figure: the quarter's other problems are check's and
    # validate's to list.
    errors = [p for p in _touching(inputs, code, indicator_id) if p.severity is Severity.ERROR]
    print_problems(notes + errors, language)

    row = find_row(result, code, indicator_id, target_year)
    if row is None:  # a region outside the assessment (the plan has it, the check not)
        raise GlplanError.single(
            _("{indicator} has no {year} target", indicator=indicator, year=target_year),
            code=Code.USAGE,
        )
    view = ExplainView(explain(the_plan, result, row), the_plan)
    write(render("explain", out_format, view, language), output, out_format)


def _touching(inputs: Inputs, region: str, indicator: str) -> list[Problem]:
    data = inputs.data
    if isinstance(data, ObservationSet):
        return []
    return problems_touching(
        inputs.plan, data.observations, data.issues, data.files, region, indicator
    )


def _resolve(plan: Plan, name: str, kind: str) -> str:
    """A region's code or an indicator's id from any of its spellings; exit 2 naming the
    closest ones when there is none."""
    found = plan.resolve_region(name) if kind == "region" else plan.resolve_indicator(name)
    if found is not None:
        return found
    if kind == "region":
        spellings = {s: r.code for r in plan.regions for s in r.spellings()}
        names = {r.code: r.name for r in plan.regions}
    else:
        spellings = {s: i.id for i in plan.indicators for s in i.spellings()}
        names = {i.id: i.name for i in plan.indicators}
    matches = close_matches(name, spellings)
    # Each match as its code and its name in the reader's language.
    listed = Join(tuple(_("{code} {name}", code=m, name=names[m]) for m in matches))
    found_none = _("none (glplan plan lists them all)")
    raise GlplanError.single(
        _EXPLAIN_UNKNOWN_[kind].format(name=name, matches=listed if matches else found_none),
        code=Code.USAGE,
    )


def close_matches(name: str, spellings: dict[str, str]) -> list[str]:
    """The codes whose spellings look most like ``name``: a spelling that contains it (or
    that it contains) first, then by similarity; at most :data:`MAX_MATCHES`."""
    wanted = normalise_name(name)
    by_norm: dict[str, str] = {}
    for spelling, code in spellings.items():
        by_norm.setdefault(normalise_name(spelling), code)
    contained = [c for s, c in by_norm.items() if wanted and (wanted in s or s in wanted) and s]
    similar = [by_norm[s] for s in difflib.get_close_matches(wanted, by_norm, n=20, cutoff=0.5)]
    return list(dict.fromkeys([*contained, *similar]))[:MAX_MATCHES]


def _target_year(plan: Plan, year: int | None, indicator: str, as_of: date) -> int:
    years = [g.year for g in plan.goals if indicator in g.targets]
    if year is None:
        if not years:
            raise GlplanError.single(
                _("{indicator} has no target in the plan", indicator=indicator), code=Code.USAGE
            )
        return default_target_year(years, as_of)
    if year not in years:
        raise GlplanError.single(
            _(
                "{year} is not a target year; target years: {years}",
                year=year,
                years=Join(tuple(sorted(years))),
            ),
            code=Code.USAGE,
        )
    return year
