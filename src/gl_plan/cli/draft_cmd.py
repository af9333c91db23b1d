"""``glplan draft``: a plan file drafted from a plan's text, for the user to complete."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gl_plan.cli.application import command_app
from gl_plan.cli.common import (
    LangOption,
    handle_errors,
    print_problems,
    refuse_overwriting,
    resolve_lang,
    write_output,
)
from gl_plan.errors import Code, GlplanError, Problem, Severity, msg
from gl_plan.io import decode, read_input_file
from gl_plan.limits import MAX_PLAN_BYTES
from gl_plan.plan.draft import Draft, draft_plan
from gl_plan.plan.ids import check_region_code

app = command_app()


@app.command("draft")
@handle_errors
def draft(
    text: Annotated[
        Path,
        typer.Argument(
            help="The plan's text (UTF-8 or GBK), as copied from the government site.",
            dir_okay=False,
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the draft here (never over an existing file without --force). "
            "Default: standard output.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing --output file.")
    ] = False,
    region_code: Annotated[
        str | None,
        typer.Option(
            "--region-code",
            help="The code of the plan's region (GB/T 2260, e.g. 450300). Default: a "
            "placeholder to complete.",
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Force the text's encoding (utf-8, gb18030, ...). Default: detect.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Draft a plan file from a plan's text: title, issuer and date, actions and tasks
    with their time limits, goals and targets (sentences and the 主要指标 table), baselines
    and one region. The draft validates as it is; comments mark what to check and
    complete. Every line of the text not placed is listed on stderr with its number.

    Example: ``glplan draft plan.txt --region-code 450300 --output data/plan.yaml``
    """
    language = resolve_lang(lang)
    if region_code is not None:
        try:
            check_region_code(region_code)
        except ValueError as exc:
            raise GlplanError.single(str(exc), field="--region-code", code=Code.USAGE) from None
    refuse_overwriting(output, [text])
    if output is not None and output.exists() and not force:
        raise GlplanError.single(
            msg("draft.exists", output=output), file=str(output), code=Code.USAGE
        )
    name = str(text)
    raw = read_input_file(text, MAX_PLAN_BYTES, "a plan")
    decoded = decode(raw, name, encoding)
    unreadable = [
        p for p in decoded.problems if p.severity is Severity.ERROR or p.code is Code.ENCODING_ERROR
    ]
    if unreadable or decoded.encoding == "latin-1":
        raise GlplanError(list(decoded.problems))
    result = draft_plan(decoded.text, file=name, region_code=region_code, lang=language)
    print_problems([*decoded.problems, *_notes(result, name)], language)
    write_output(result.yaml, output, "yaml")


def _notes(result: Draft, file: str) -> list[Problem]:
    """Each unplaced line, located, then the counts."""
    notes = [
        Problem(
            msg("draft.unplaced", reason=item.reason, text=_short(item.text)),
            file=file,
            line=item.line,
            severity=Severity.INFO,
            code=Code.SKIPPED_ROWS,
        )
        for item in result.unplaced
    ]
    summary = msg(
        "draft.summary",
        actions=result.actions,
        tasks=result.tasks,
        targets=result.targets,
        unplaced=len(result.unplaced),
    )
    notes.append(Problem(summary, file=file, severity=Severity.INFO, code=Code.CONTEXT))
    return notes


def _short(text: str, limit: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"
