"""What every command shares: options, language, the console, and turning errors into exits."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer

from gl_plan.errors import ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Lang, detect_lang

P = ParamSpec("P")
R = TypeVar("R")

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Output language, zh or en. Default: $GLPLAN_LANG, else the locale.",
        show_default=False,
    ),
]
PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Plan file. Default: ./data/plan.yaml, else the bundled plan.",
        show_default=False,
        dir_okay=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Judge as of this date (YYYY-MM-DD). Default: today.",
        show_default=False,
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Force the encoding of CSV files (utf-8, gb18030, ...). Default: detect.",
        show_default=False,
    ),
]


def resolve_lang(value: str | None) -> Lang:
    if value is None:
        return detect_lang()
    v = value.strip().lower()
    if v in ("zh", "zh-cn", "cn", "chinese"):
        return "zh"
    if v in ("en", "english"):
        return "en"
    raise GlplanError.single(f"--lang must be zh or en, not {value!r}", code="usage")


def resolve_as_of(value: str | None) -> date:
    """The as-of date; only the CLI edge ever reads the clock."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise GlplanError.single(
            f"--as-of must be a date like 2026-09-30, not {value!r}", code="usage"
        ) from None


def print_problems(problems: list[Problem]) -> None:
    """Problems go to stderr, one per line, in the ``file:line:column: field: message`` form."""
    from rich.console import Console
    from rich.markup import escape

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    styles = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    for p in problems:
        text = escape(str(p))
        if p.severity is not Severity.ERROR:
            text += f" [{styles[p.severity]}]({p.severity.value})[/]"
        err.print(text, style=styles[p.severity] if p.severity is Severity.ERROR else None)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """The one place a user error becomes a message and an exit code.

    Anything else is a bug and keeps its traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except GlplanError as exc:
            print_problems(exc.problems)
            raise typer.Exit(int(exc.exit_code)) from None
        except BrokenPipeError:
            # `glplan data | head`: the reader left; that is not an error of ours.
            sys.stderr.close()
            raise typer.Exit(int(ExitCode.OK)) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None

    return wrapper


def emit(text: str) -> None:
    """Write command output to stdout, ending with one newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def dump_json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
