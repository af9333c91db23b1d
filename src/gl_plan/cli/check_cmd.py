"""``glplan check``: every county's and the city's gap to the targets, and whether on track.

Exit codes:

- 0: the report was produced and no finding reaches ``--fail-on``;
- 1: findings reach ``--fail-on`` (default ``error``: a data error; see
  :class:`gl_plan.assess.check.FailOn` for the other levels);
- 2: a usage error, or input that could not be read at all.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Final

import typer

from gl_plan.cli import app
from gl_plan.cli.common import (
    AsOfOption,
    EncodingOption,
    LangOption,
    PlanOption,
    dump_json,
    emit,
    handle_errors,
    print_problems,
    resolve_as_of,
    resolve_lang,
)
from gl_plan.errors import ExitCode, GlplanError, Problem, Severity

if TYPE_CHECKING:
    from gl_plan.assess.check import CheckResult, FailOn
    from gl_plan.i18n import Lang
    from gl_plan.plan.models import Plan

FORMATS: Final = ("table", "json", "csv", "markdown")
#: ``--output`` suffixes and the format each implies.
SUFFIXES: Final = {
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
}
#: Suffixes for reports that come later.
RESERVED_SUFFIXES: Final = (".html", ".htm")


@app.command("check")
@handle_errors
def check(
    plan: PlanOption = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            help="Indicator files or folders; repeatable. Default: ./data/indicators, else the "
            "bundled sample.",
            show_default=False,
        ),
    ] = None,
    progress: Annotated[
        Path | None,
        typer.Option(
            "--progress",
            help="Progress ledger (CSV). Default: ./data/progress.csv, else the bundled one.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv or markdown. Default: table, or what --output's suffix says.",
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
            help="Write to this file (atomically) instead of stdout; .json, .csv, .md or .txt "
            "picks the format.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
) -> None:
    """Where each county and the city stand against the 2025 and 2030 targets.

    For every region, indicator and target year: the latest value, the gap to the target
    (percentage points) and a status. A target year still ahead is judged by the Statistics
    Canada method (observed vs required annual growth from the baseline): achieved, on
    track, needs acceleration, off track, deteriorating, or insufficient/no data. A year
    already over gets a verdict, met or missed, on its last figure. The city is computed
    from the counties' numerators and denominators (sum over sum), never as a mean of
    rates, and says when some counties are missing. National county standards are
    reported as pass / fail.

    Data errors (and, with --fail-on warning, warnings) go to stderr.

    Exit codes: 0 the report was produced and nothing reaches --fail-on; 1 findings reach
    --fail-on (default: any data error); 2 usage error or unreadable input.

    Example: ``glplan check --as-of 2026-03-31 --fail-on off_track --format json``
    """
    from gl_plan.api import load_inputs, run_check_inputs
    from gl_plan.assess.check import FailOn, findings

    language = resolve_lang(lang)
    day = resolve_as_of(as_of)
    level = _fail_level(fail_on)
    out_format = _output_format(fmt, output)
    inputs = load_inputs(plan, data, progress, as_of=day, encoding=encoding)
    result = run_check_inputs(inputs, day)

    notes: list[Problem] = []
    if result.sources.bundled:
        notes.append(
            Problem(
                "using the bundled sample plan and indicator files (illustrative data, not "
                "official statistics)",
                severity=Severity.INFO,
                code="bundled",
            )
        )
    shown = {Severity.ERROR, Severity.WARNING} if level is FailOn.WARNING else {Severity.ERROR}
    print_problems(notes + [p for p in inputs.issues if p.severity in shown])

    _write(
        _render(result, inputs.plan, out_format, language, to_file=output is not None),
        output,
        out_format,
    )

    reached = findings(result, level)
    if reached:
        counts = ", ".join(f"{n} {_FINDING_NAMES[kind]}" for kind, n in reached.items())
        print_problems(
            [
                Problem(
                    f"findings reach --fail-on {level.value}: {counts}",
                    severity=Severity.ERROR if "error" in reached else Severity.WARNING,
                    code="fail-on",
                )
            ]
        )
        raise typer.Exit(int(ExitCode.FINDINGS))


_FINDING_NAMES: Final = {
    "error": "data errors",
    "warning": "data warnings",
    "red": "indicators off track, deteriorating or missed",
    "needs_acceleration": "indicators needing acceleration",
    "overdue": "overdue tasks",
}


def _fail_level(value: str) -> FailOn:
    from gl_plan.assess.check import FailOn

    key = value.strip().lower().replace("-", "_")
    try:
        return FailOn(key)
    except ValueError:
        allowed = ", ".join(level.value for level in FailOn)
        raise GlplanError.single(
            f"--fail-on must be one of {allowed}, not {value!r}", code="usage"
        ) from None


def _output_format(fmt: str | None, output: Path | None) -> str:
    """The format to write, from ``--format`` and ``--output``'s suffix (usage errors)."""
    if fmt is not None and fmt not in FORMATS:
        raise GlplanError.single(
            f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", code="usage"
        )
    if output is None:
        return fmt or "table"
    suffix = output.suffix.lower()
    if suffix in RESERVED_SUFFIXES:
        raise GlplanError.single(
            f"HTML reports are not available yet: write {output.stem}.md, .json or .csv",
            code="usage",
        )
    implied = SUFFIXES.get(suffix)
    if implied is None:
        if fmt is None:
            raise GlplanError.single(
                f"cannot tell the format from {output.name!r}: use a .json, .csv, .md or "
                ".txt name, or pass --format",
                code="usage",
            )
        return fmt
    if fmt is not None and fmt != implied:
        raise GlplanError.single(
            f"--format {fmt} does not match --output {output.name!r} ({implied})",
            code="usage",
        )
    return implied


def _render(
    result: CheckResult, plan: Plan, out_format: str, language: Lang, *, to_file: bool
) -> str | None:
    """The text to write, or None for a table on stdout (printed directly, in colour when
    stdout is a terminal)."""
    from gl_plan.report.check_view import check_csv, check_markdown

    if out_format == "json":
        return dump_json(result.to_json())
    if out_format == "csv":
        return check_csv(result, plan, language)
    if out_format == "markdown":
        return check_markdown(result, plan, language)
    from rich.console import Console

    from gl_plan.report.check_view import render_check

    if not to_file:
        render_check(result, plan, language, Console(highlight=False))
        return None
    buffer = io.StringIO()
    plain = Console(file=buffer, width=80, no_color=True, force_terminal=False, highlight=False)
    render_check(result, plan, language, plain)
    return buffer.getvalue()


def _write(text: str | None, output: Path | None, out_format: str) -> None:
    if text is None:
        return
    if output is None:
        emit(text)
        return
    from gl_plan.atomic import atomic_write_text

    # A BOM lets Excel on Chinese Windows open a UTF-8 CSV without garbling the names.
    atomic_write_text(output, text, encoding="utf-8-sig" if out_format == "csv" else "utf-8")
