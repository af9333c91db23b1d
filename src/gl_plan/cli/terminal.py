"""Rich output: tables to a terminal in colour, to a pipe or a file as plain text.

The table format of every command (``check``, ``tasks``, ``plan``, ``data``, ``explain``)
is written through :func:`write_view` (:func:`gl_plan.cli.formats.write` picks it), the
terminal edge: every renderable is printed :class:`~gl_plan.report.safe_text.Sanitised` by a
console that reads no markup, so a name from the plan or the data can neither raise a markup
error nor drive the terminal. Kept apart from :mod:`gl_plan.cli.common` so that ``check
--format json`` (what CI and scripts run) never loads rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console, RenderableType

from gl_plan.cli.common import write_output, writing_stdout
from gl_plan.errors import Problem
from gl_plan.i18n import Lang
from gl_plan.report.format import plain_text
from gl_plan.report.safe_text import Sanitised

__all__ = ["screen", "stderr_lines", "write_view"]


def write_view(content: Sequence[RenderableType], output: Path | None) -> None:
    """:func:`~gl_plan.cli.common.write_output` for rich renderables: to a terminal in
    colour (unless ``NO_COLOR``), to a pipe or a file as plain text, without colour codes."""
    safe = [Sanitised(item) for item in content]
    if output is None:
        console = _console()
        if console.is_terminal:
            with writing_stdout():
                for item in safe:
                    console.print(item)
            return
        text = plain_text(safe, width=console.width)
    else:
        text = plain_text(safe)
    write_output(text, output)


def screen() -> Console | None:
    """The console a report goes to when stdout is a terminal (as :func:`write_view` sees
    it), else None."""
    console = _console()
    return console if console.is_terminal else None


def _console() -> Console:
    # markup=False: a str handed to rich is shown as written, ``[/]`` and ``[link=…]`` too.
    return Console(highlight=False, emoji=False, markup=False)


def stderr_lines(problems: Sequence[Problem], width: int, lang: Lang) -> int:
    """About how many lines the messages take on stderr (each wraps at ``width``)."""
    return sum(
        max(1, -(-cell_len(p.render(lang) + p.label(lang)) // max(width, 1))) for p in problems
    )
