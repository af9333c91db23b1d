"""``glplan check``: every county's and the city's gap to the targets, and whether on track.

Exit codes:

- 0: the report was produced and no finding reaches ``--fail-on``;
- 1: findings reach ``--fail-on`` (default ``error``: a data error; see
  :class:`gl_plan.assess.check.FailOn` for the other levels);
- 2: a usage error, or nothing usable could be read (a county file that cannot be read is a
  data error: the report is still written).
"""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from gl_plan.api import Inputs, load_inputs, run_check_inputs
from gl_plan.assess.check import FailOn, findings
from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    AsOfOption,
    DataArguments,
    DataOption,
    EncodingOption,
    LangOption,
    PeriodOption,
    PlanOption,
    ProgressOption,
    RegionOption,
    bundled_notes,
    data_paths,
    handle_errors,
    print_problems,
    refuse_unreadable,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.cli.compare_to import comparison_for
from gl_plan.cli.formats import choose_format, format_option, output_option, render, write
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.cli.views import CheckView
from gl_plan.data.observations import ObservationSet
from gl_plan.data.submissions import files_with_problems
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Join, _, ngettext, pgettext
from gl_plan.report.charts import require_matplotlib

#: The --fail-on levels: in English the option's own values, in Chinese what each means.
_FAILON_LEVEL = {
    "never": _("never"),
    "error": pgettext("failon.level.error", "error"),
    "warning": pgettext("failon.level.warning", "warning"),
    "off_track": _("off_track"),
    "needs_acceleration": _("needs_acceleration"),
    "overdue": pgettext("failon.level.overdue", "overdue"),
}
#: The findings that reached --fail-on, counted by kind (:func:`gl_plan.assess.check.findings`).
_FAILON_COUNT = {
    "error": _("{n} data errors"),
    "warning": _("{n} data warnings"),
    "red": _("{n} indicators off track, deteriorating or missed"),
    "needs_acceleration": _("{n} indicators needing acceleration"),
    "overdue": _("{n} overdue tasks"),
}


app = command_app()


@app.command(
    "check",
    cls=LocalisedCommand,
    help="help.check",
    epilog=examples(
        "glplan check --as-of 2026-03-31 --fail-on off_track --format json",
        "glplan check --data q3/*.csv --as-of 2026-11-28",
        "glplan check --lang zh --output report.html",
        "glplan check --lang zh --output 督办.xlsx",
    ),
)
@handle_errors
def check(
    plan: PlanOption = None,
    data: DataOption = None,
    paths: DataArguments = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[str | None, format_option()] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="help.check.fail_on",
        ),
    ] = "error",
    lang: LangOption = None,
    output: Annotated[Path | None, output_option()] = None,
    encoding: EncodingOption = None,
    region: RegionOption = None,
    period: PeriodOption = None,
    compare_to: Annotated[
        str | None,
        typer.Option(
            "--compare-to",
            help="help.check.compare_to",
            show_default=False,
        ),
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="help.check.full",
        ),
    ] = False,
) -> None:
    """Report every region's gap to the targets and its status (the help: ``help.check``)."""
    language = resolve_lang(lang)
    day = resolve_as_of(as_of)
    level = _fail_level(fail_on)
    out_format = choose_format("check", fmt, output)
    if out_format.name == "html":
        require_matplotlib()
    # The only clock read: figures after --as-of but not after today are a past quarter's
    # future, left out; a figure after today is an error.
    today = date.today()
    inputs = load_inputs(
        plan,
        data_paths(data, paths),
        progress,
        as_of=day,
        encoding=encoding,
        region=region,
        period=period,
        today=today,
    )
    refuse_unreadable(inputs.ledger_issues)
    result = run_check_inputs(inputs, day)

    notes = bundled_notes(bundled=result.sources.bundled, bundled_plan=inputs.bundled_plan)
    later = _count_after(inputs, day)
    if later:
        notes.append(
            Problem(
                _(
                    "{n} observations for periods after {as_of} are left out of the assessment",
                    n=later,
                    as_of=day,
                ),
                severity=Severity.INFO,
            )
        )
    shown = {Severity.ERROR, Severity.WARNING} if level is FailOn.WARNING else {Severity.ERROR}
    data_issues = [] if isinstance(inputs.data, ObservationSet) else list(inputs.data.issues)
    problems = [p for p in data_issues if p.severity in shown]
    # The answer first: a line per county file with problems and the command that lists
    # them; --full (or validate) gives every problem. The ledger's are the user's own.
    ledger = [p for p in inputs.ledger_issues if p.severity in shown]
    few = len(problems) <= PROBLEMS_IN_FULL
    printed = notes + ledger + (problems if full or few else summarised(problems, data_issues))
    print_problems(printed, language)

    comparison = (
        comparison_for(compare_to, out_format.name, inputs, result)
        if compare_to is not None
        else None
    )
    reached = findings(result, level)
    view = CheckView(
        result,
        inputs,
        comparison,
        fit_screen=output is None and not full,
        printed=printed,
        fail_line=bool(reached),
    )
    write(render("check", out_format, view, language), output, out_format)

    if reached:
        kinds = tuple(_FAILON_COUNT[kind].format(n=n) for kind, n in reached.items())
        counts = Join(kinds, pgettext("sep.counts", ", "))
        summary = _(
            "findings reach --fail-on {level}: {counts}",
            level=_FAILON_LEVEL[level.value],
            counts=counts,
        )
        print_problems(
            [
                Problem(
                    summary,
                    severity=Severity.ERROR if "error" in reached else Severity.WARNING,
                    code=Code.FAIL_ON,
                )
            ],
            language,
        )
        raise typer.Exit(int(ExitCode.FINDINGS))


#: Up to this many data problems are printed as they are; more are summarised per file.
PROBLEMS_IN_FULL = 10


def summarised(shown: list[Problem], issues: list[Problem]) -> list[Problem]:
    """The problems without a file as they are, then one line per file that has a problem
    in ``shown`` with its counts of errors and warnings, then the command that lists them."""
    files = {p.file for p in shown if p.file is not None}
    out = [p for p in shown if p.file is None]
    counted = [(f, e, w) for f, e, w in files_with_problems(issues) if f in files]
    for file, errors, warnings in counted:
        counts = Join(
            (
                ngettext("{n} error", "{n} errors", errors),
                ngettext("{n} warning", "{n} warnings", warnings),
            ),
            pgettext("sep.counts", ", "),
        )
        message = _("{file}: {counts}", file=file, counts=counts)
        out.append(Problem(message, severity=Severity.ERROR if errors else Severity.WARNING))
    if counted:
        command = f"glplan validate --data {shlex.quote(counted[0][0])}"
        if len(counted) > 1:
            command = "glplan validate --data FILE"
        out.append(Problem(_("details: {command}", command=command), severity=Severity.INFO))
    return out


def _count_after(inputs: Inputs, as_of: date) -> int:
    """How many accepted observations fall after ``as_of`` (series are sorted by period)."""
    count = 0
    for series in _observations(inputs).series.values():
        for point in reversed(series.points):
            if point.period.end <= as_of:
                break
            count += 1
    return count


def _fail_level(value: str) -> FailOn:
    key = value.strip().lower().replace("-", "_")
    try:
        return FailOn(key)
    except ValueError:
        allowed = ", ".join(level.value for level in FailOn)
        raise GlplanError.single(
            _(
                "{option} must be one of {allowed}, not {value!r}",
                option="--fail-on",
                allowed=allowed,
                value=value,
            ),
            code=Code.USAGE,
        ) from None


def _observations(inputs: Inputs) -> ObservationSet:
    data = inputs.data
    return data if isinstance(data, ObservationSet) else data.observations
