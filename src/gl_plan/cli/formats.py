"""The output formats: one table of renderers, a format picked by name or by a file's suffix.

Each :class:`Format` is registered once in :data:`FORMATS`: its name (what ``--format``
takes), the suffixes that choose it for ``--output``, and for every view that offers it
(a view is a command's result: ``check``, ``tasks``, ``data``, ``explain``, ``plan``, and
``progress list``) the function that renders that view's model (:mod:`gl_plan.cli.views`)
to text, bytes or, for the table, rich renderables. A command asks :func:`choose_format`
which format to write, :func:`render` for the content and :func:`write` to put it on
stdout or in the file: one lookup, the same for every command, never a chain of ``if``s.

Renderers are named by ``"module:function"`` and imported when chosen, so a command loads
only the renderer it writes with: ``check --format json`` (what CI and scripts run) never
loads rich or the report modules.

Adding a format (``xlsx``, ``ics``, ...):

1. write its renderers, one function per view it serves, each ``(view, lang)`` → ``str``
   or ``bytes``, in one module (e.g. ``gl_plan/cli/xlsx_views.py``, handing the view's
   model to a ``gl_plan/report/`` module as :mod:`gl_plan.cli.report_views` does);
2. add one :class:`Format` to :data:`FORMATS`, naming its suffixes and those functions
   (``binary=True`` for a format that is not text, such as a workbook).

``--format`` and ``--output`` (:func:`format_option`, :func:`output_option`), their help
and the usage errors follow from the table; no command changes. (Name the format in the
README's Commands table too.)
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import typer

from gl_plan.cli.common import write_output
from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import Lang, _

__all__ = [
    "FORMATS",
    "Format",
    "choose_format",
    "format_option",
    "formats_of",
    "output_option",
    "render",
    "suffixes_of",
    "write",
]

#: What a renderer returns: text, UTF-8 bytes (large JSON), or rich renderables (the table).
Content = str | bytes | Sequence[Any]


@dataclass(frozen=True)
class Format:
    """One output format and the renderer of each view that offers it."""

    name: str
    #: ``--output`` names ending so choose this format (lower case, with the dot).
    suffixes: tuple[str, ...]
    #: View → ``"module:function"`` rendering that view's model in this format.
    renders: Mapping[str, str]
    #: Other spellings ``--format`` accepts (``md``).
    aliases: tuple[str, ...] = ()
    #: Written for people to read, not a data file: the table and Markdown of ``tasks`` show
    #: the tasks needing attention unless ``--all``; JSON and CSV list every one.
    for_reading: bool = True
    #: A file of this format starts with a BOM (Excel on Chinese Windows then reads UTF-8).
    bom: bool = False
    #: Not text (a workbook): the bytes are written exactly, no newline added.
    binary: bool = False


_CHECK: Final = "gl_plan.cli.check_views"
_VIEWS: Final = "gl_plan.cli.report_views"

#: Every output format, in the order help and messages list them.
FORMATS: Final = (
    Format(
        "table",
        (".txt",),
        {
            "check": f"{_CHECK}:check_table",
            "tasks": f"{_VIEWS}:tasks_table",
            "data": f"{_VIEWS}:data_table",
            "explain": f"{_VIEWS}:explain_table",
            "plan": f"{_VIEWS}:plan_table",
            "supervision": f"{_VIEWS}:supervision_table",
            "status": f"{_VIEWS}:status_table",
            "progress list": f"{_VIEWS}:progress_table",
        },
    ),
    Format(
        "json",
        (".json",),
        {
            "check": "gl_plan.cli.views:check_json",
            "tasks": f"{_VIEWS}:tasks_json",
            "data": f"{_VIEWS}:data_json",
            "explain": f"{_VIEWS}:explain_json",
            "plan": f"{_VIEWS}:plan_json",
            "supervision": f"{_VIEWS}:supervision_json",
            "status": f"{_VIEWS}:status_json",
            "progress list": f"{_VIEWS}:progress_json",
        },
        for_reading=False,
    ),
    Format(
        "csv",
        (".csv",),
        {
            "check": f"{_CHECK}:check_csv",
            "tasks": f"{_VIEWS}:tasks_csv",
            "data": f"{_VIEWS}:data_csv",
            "progress list": f"{_VIEWS}:progress_csv",
        },
        for_reading=False,
        bom=True,
    ),
    Format(
        "markdown",
        (".md", ".markdown"),
        {
            "check": f"{_CHECK}:check_markdown",
            "tasks": f"{_VIEWS}:tasks_markdown",
            "data": f"{_VIEWS}:data_markdown",
            "explain": f"{_VIEWS}:explain_markdown",
            "supervision": f"{_VIEWS}:supervision_markdown",
            "progress list": f"{_VIEWS}:progress_markdown",
        },
        aliases=("md",),
    ),
    Format("html", (".html", ".htm"), {"check": f"{_CHECK}:check_html"}),
    # A workbook (openpyxl, imported by its renderer only) and a calendar (icalendar).
    Format(
        "xlsx",
        (".xlsx",),
        {"check": "gl_plan.cli.xlsx_views:check_xlsx"},
        for_reading=False,
        binary=True,
    ),
    Format("ics", (".ics",), {"tasks": f"{_VIEWS}:tasks_ics"}, for_reading=False, binary=True),
)

#: Writes rich renderables: colour on a terminal, plain text to a pipe or a file.
_RICH_WRITER: Final = "gl_plan.cli.terminal:write_view"

_BY_NAME: Final = {name: f for f in FORMATS for name in (f.name, *f.aliases)}
_BY_SUFFIX: Final = {suffix: f for f in FORMATS for suffix in f.suffixes}


def formats_of(view: str) -> list[Format]:
    """The formats ``view`` is offered in, table first."""
    return [f for f in FORMATS if view in f.renders]


def suffixes_of(view: str) -> list[str]:
    """The ``--output`` suffixes that choose one of ``view``'s formats."""
    return [s for f in formats_of(view) for s in f.suffixes]


def choose_format(view: str, name: str | None, output: Path | None) -> Format:
    """The format to write: ``--format`` if given, else ``--output``'s suffix, else table.

    Usage errors (exit 2): a format ``view`` is not offered in, a suffix that says nothing
    with no ``--format``, or a ``--format`` that contradicts the suffix.
    """
    offered = formats_of(view)
    allowed = ", ".join(f.name for f in offered)
    chosen: Format | None = None
    if name is not None:
        key = name.strip().lower()
        chosen = _BY_NAME.get(key)
        if chosen is None or chosen not in offered:
            raise GlplanError.single(
                _(
                    "--format must be one of {allowed}, not {fmt!r}",
                    allowed=allowed,
                    fmt=key,
                ),
                code=Code.USAGE,
            )
    if output is None:
        return chosen or offered[0]
    implied = _BY_SUFFIX.get(output.suffix.lower())
    if implied is None:
        if chosen is None:
            names = ", ".join(suffixes_of(view))
            raise GlplanError.single(
                _(
                    "cannot tell the format from {name!r}: use a name ending in {names}, "
                    "or pass --format",
                    name=output.name,
                    names=names,
                ),
                code=Code.USAGE,
            )
        return chosen
    if implied not in offered:
        raise GlplanError.single(
            _(
                "{name!r}: this command writes {allowed}, not {implied}",
                name=output.name,
                allowed=allowed,
                implied=implied.name,
            ),
            code=Code.USAGE,
        )
    if chosen is not None and chosen is not implied:
        raise GlplanError.single(
            _(
                "--format {fmt} does not match --output {name!r} ({implied})",
                fmt=chosen.name,
                name=output.name,
                implied=implied.name,
            ),
            code=Code.USAGE,
        )
    return implied


def _resolve(path: str) -> Callable[..., Any]:
    """The function named ``"module:function"``, its module imported now (and only now)."""
    module, _sep, name = path.partition(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return found


def render(view: str, fmt: Format, model: object, lang: Lang) -> Content:
    """``model`` (the view's model, :mod:`gl_plan.cli.views`) rendered in ``fmt``."""
    content: Content = _resolve(fmt.renders[view])(model, lang)
    return content


def write(content: Content, output: Path | None, fmt: Format) -> None:
    """Write ``content`` to ``output`` (atomically) or to stdout.

    Text and bytes are written as they are; rich renderables (a table) through
    :func:`gl_plan.cli.terminal.write_view`, imported only then: JSON needs no rich.
    """
    if fmt.binary and output is None and sys.stdout.isatty():
        raise GlplanError.single(
            _(
                "a {fmt} file cannot be shown in a terminal: give --output FILE, or redirect "
                "to a file (> report.{fmt})",
                fmt=fmt.name,
            ),
            code=Code.USAGE,
        )
    if isinstance(content, str | bytes):
        write_output(content, output, bom=fmt.bom, binary=fmt.binary)
    else:
        _resolve(_RICH_WRITER)(content, output)


def format_option() -> Any:
    """``--format``/``-f``, the same for every command; its help lists the command's formats
    from :data:`FORMATS` (see :mod:`gl_plan.cli.help`)."""
    return typer.Option("--format", "-f", help="help.option.format", show_default=False)


def output_option() -> Any:
    """``--output``/``-o``, the same for every command that writes a file."""
    return typer.Option(
        "--output", "-o", help="help.option.output", show_default=False, dir_okay=False
    )
