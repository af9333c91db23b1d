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
    resolve_lang,
    write_output,
)
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.cli.outputs import ProjectInputs, refuse_input
from gl_plan.decoding import decode, read_input_file
from gl_plan.errors import Code, GlplanError, MessageError, Problem, Severity
from gl_plan.i18n import _
from gl_plan.limits import MAX_PLAN_BYTES
from gl_plan.plan.draft import Draft, draft_plan
from gl_plan.plan.ids import check_region_code

app = command_app()


@app.command(
    "draft",
    cls=LocalisedCommand,
    help="help.draft",
    epilog=examples(
        "glplan draft plan.txt --region-code 450300 --output data/plan.yaml",
        "glplan draft 方案.txt --encoding gb18030 > draft.yaml",
    ),
)
@handle_errors
def draft(
    text: Annotated[
        Path,
        typer.Argument(help="help.draft.text", dir_okay=False, show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="help.draft.output", dir_okay=False, show_default=False
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.draft.force")] = False,
    region_code: Annotated[
        str | None,
        typer.Option("--region-code", help="help.draft.region_code", show_default=False),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="help.draft.encoding", show_default=False),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Draft a plan file from a plan's text (the help: ``help.draft``)."""
    language = resolve_lang(lang)
    if region_code is not None:
        try:
            check_region_code(region_code)
        except MessageError as exc:
            raise GlplanError.single(exc.message, field="--region-code", code=Code.USAGE) from None
    if output is not None:  # never over the text it reads (any name, a hard link)
        refuse_input(output, ProjectInputs((text,), ()))
    if output is not None and output.exists() and not force:
        raise GlplanError.single(
            _(
                "{output} exists: nothing was written; add --force to replace it",
                output=output,
            ),
            file=str(output),
            code=Code.USAGE,
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
    write_output(result.yaml, output)


def _notes(result: Draft, file: str) -> list[Problem]:
    """Each unplaced line, located, then the counts."""
    notes = [
        Problem(
            _(
                "not placed in the draft ({reason}): {text}",
                reason=item.reason,
                text=_short(item.text),
            ),
            file=file,
            line=item.line,
            severity=Severity.INFO,
            code=Code.SKIPPED_ROWS,
        )
        for item in result.unplaced
    ]
    summary = _(
        "draft: {actions} actions, {tasks} tasks, {targets} targets; {unplaced} lines not "
        "placed (above)",
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
