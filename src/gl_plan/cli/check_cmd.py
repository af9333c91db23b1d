"""``glplan check``: every county's and the city's gap to the targets, and whether on track.

Exit codes:

- 0: the report was produced and no finding reaches ``--fail-on``;
- 1: findings reach ``--fail-on`` (default ``error``: a data error; see
  :class:`gl_plan.assess.check.FailOn` for the other levels);
- 2: a usage error, or nothing usable could be read (a county file that cannot be read is a
  data error: the report is still written).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Final

import typer

from gl_plan.api import Inputs, load_inputs, run_check_inputs
from gl_plan.assess.check import FailOn, findings
from gl_plan.assess.compare import json_with_changes
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
    output_format,
    print_problems,
    refuse_overwriting,
    refuse_unreadable,
    resolve_as_of,
    resolve_lang,
    write_output,
)
from gl_plan.cli.compare_to import comparison_for
from gl_plan.data.observations import ObservationSet
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Join, _, pgettext
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

FORMATS: Final = ("table", "json", "csv", "markdown", "html")


@app.command("check")
@handle_errors
def check(
    plan: PlanOption = None,
    data: DataOption = None,
    paths: DataArguments = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv, markdown or html. Default: table, or what --output's "
            "suffix says.",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="Exit 1 when findings reach this level: never; error (data errors); warning "
            "(data errors or warnings); off_track (data errors, or any indicator off track, "
            "deteriorating or missed); needs_acceleration (also needs acceleration); overdue "
            "(data errors or overdue tasks).",
        ),
    ] = "error",
    lang: LangOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of stdout; .json, .csv, .md, .html or "
            ".txt picks the format.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
    region: RegionOption = None,
    period: PeriodOption = None,
    compare_to: Annotated[
        str | None,
        typer.Option(
            "--compare-to",
            help="Also list what changed since this date (the check run again at it) or since "
            "a JSON file written by check --format json: statuses of figures and tasks, data "
            "gone missing or back.",
            show_default=False,
        ),
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="In a terminal, print the whole report, not just what fits one screen. "
            "(Piped or written with --output, the report is always whole.)",
        ),
    ] = False,
) -> None:
    """Where each county and the city stand against the 2025 and 2030 targets.

    First a headline: per target year how many figures are off track, falling or
    missed and in how many regions, how many need acceleration, the tasks overdue and due
    soon, the data errors and warnings (the same counts as the JSON ``summary``).

    For every region, indicator and target year: the latest value, the gap to the target
    (percentage points) and a status. A target year still ahead is judged by the Statistics
    Canada method (observed vs required annual growth from the baseline): achieved, on
    track, needs acceleration, off track, deteriorating, or insufficient/no data. A year
    already over gets a verdict, met or missed, on its last figure. The city is computed
    from the counties' numerators and denominators (sum over sum), never as a mean of
    rates, and says when some counties are missing. National county standards are
    reported as pass / fail.

    In a terminal the table shows what fits one screen: the headline, the regions with a
    red or amber status for the nearest target year (worst first), the red and amber
    tasks, and a line saying what was left out; ``--full`` prints it all.

    The table adds a sparkline of each region's last eight quarters. ``--output
    report.html`` writes a self-contained page (summary, a chart per indicator, the gap
    tables, overdue and due-soon tasks) to read offline or print; its charts need
    matplotlib (``pip install 'glplan[report]'``).

    Data errors (and, with --fail-on warning, warnings) go to stderr.

    A county file that cannot be read is a data error: the report is still written, that
    county without data for the period.

    Exit codes: 0 the report was produced and nothing reaches --fail-on; 1 findings reach
    --fail-on (default: any data error); 2 usage error, or nothing usable could be read.

    Examples: ``glplan check --as-of 2026-03-31 --fail-on off_track --format json``;
    ``glplan check --data q3/*.csv --as-of 2026-11-28``;
    ``glplan check --lang zh --output report.html``
    """
    language = resolve_lang(lang)
    day = resolve_as_of(as_of)
    level = _fail_level(fail_on)
    out_format = output_format(fmt, output, FORMATS)
    if out_format == "html":
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
    sources = inputs.sources
    refuse_overwriting(output, [sources.plan, sources.progress, *sources.data])
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
    printed = notes + [p for p in inputs.issues if p.severity in shown]
    print_problems(printed, language)

    comparison = (
        comparison_for(compare_to, out_format, inputs, result) if compare_to is not None else None
    )
    reached = findings(result, level)
    if out_format == "json":
        content = result.to_json_bytes()
        if comparison is not None:
            content = json_with_changes(content, comparison)
        write_output(content, output, out_format)
    else:
        # The only import inside a function in the commands: every other format renders
        # with rich and the report modules, which JSON (what CI and scripts run) never needs.
        from gl_plan.cli.check_views import write_report

        write_report(
            result, inputs, out_format, language, output=output, comparison=comparison,
            full=full, printed=printed, fail_line=bool(reached),
        )  # fmt: skip

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
