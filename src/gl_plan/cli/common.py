"""What every command shares: options, language, the streams, and turning errors into exits.

Writing to standard output: a write that fails (``> /dev/full``, a disk that fills up) is a
one-line error and exit code 2, as when ``--output`` cannot be written. A reader that leaves
early (``glplan check | head -1``) is not an error: the rest of the output is dropped and
the command ends with the exit code it would have had, so ``set -o pipefail`` still sees
``--fail-on``'s verdict.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Annotated, Any, Final, ParamSpec, TypeVar

import typer
from rich.console import Console, RenderableType
from rich.markup import escape

from gl_plan.atomic import atomic_write_bytes, atomic_write_text
from gl_plan.errors import ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Lang, detect_lang
from gl_plan.ledger.model import parse_entry_date
from gl_plan.report.format import plain_text
from gl_plan.resources import default_location

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
        # The same spellings the ledger accepts: 2026-09-30, 2026/9/30, 2026年9月30日.
        return parse_entry_date(value.strip())
    except ValueError:
        raise GlplanError.single(
            f"--as-of must be a date like 2026-09-30, not {value!r}", code="usage"
        ) from None


def resolve_plan_path(path: Path | None) -> tuple[Path, bool]:
    """The plan to use and whether it is the bundled sample."""
    if path is not None:
        return path, False
    loc = default_location()
    if loc is None:
        raise GlplanError.single(
            "no plan given and none found: pass --plan FILE or run in a folder with data/plan.yaml",
            code="usage",
        )
    return loc.plan, loc.bundled


def _discard(stream: IO[str]) -> None:
    """Point ``stream``'s descriptor at the null device: later writes, and the flush at
    exit, succeed and go nowhere (instead of a second error while Python shuts down)."""
    with contextlib.suppress(OSError, ValueError):  # no descriptor: a test's captured stream
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


@contextlib.contextmanager
def _writing_stdout() -> Iterator[None]:
    """Write to stdout inside this block; a failed write becomes a one-line error (exit 2)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _discard(sys.stdout)  # the reader left: not an error of ours
    except OSError as exc:
        _discard(sys.stdout)
        raise GlplanError.single(
            f"cannot write to standard output: {exc.strerror or exc}", code="io-error"
        ) from None


def print_problems(problems: list[Problem]) -> None:
    """Problems go to stderr, one per line, in the ``file:line:column: field: message`` form."""
    if not problems:
        return
    err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    styles = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    try:
        for p in problems:
            text = escape(str(p))
            if p.severity is not Severity.ERROR:
                text += f" [{styles[p.severity]}]({p.severity.value})[/]"
            err.print(text, style=styles[p.severity] if p.severity is Severity.ERROR else None)
        sys.stderr.flush()
    except OSError:
        # stderr itself is gone or full: there is nowhere left to say so. The exit code
        # still tells.
        _discard(sys.stderr)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """The one place a user error becomes a message and an exit code.

    Anything else is a bug and keeps its traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except GlplanError as exc:
            # An error that reaches here stopped the command before its result existed:
            # unreadable input or a usage error, exit 2 (validate reports a plan's own
            # problems itself, with exit 1).
            print_problems(exc.problems)
            raise typer.Exit(int(ExitCode.USAGE)) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None

    return wrapper


def emit(text: str) -> None:
    """Write command output to stdout, ending with one newline."""
    with _writing_stdout():
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


BUNDLED_NOTE: Final = {
    "zh": "使用自带示例(合成数据,不是官方统计)",
    "en": "using the bundled sample (synthetic data, not official statistics)",
}


def note_bundled(lang: Lang) -> None:
    """Say on stderr that the bundled sample, not the user's files, is being read."""
    print_problems([Problem(BUNDLED_NOTE[lang], severity=Severity.INFO, code="bundled")])


#: Problem codes that mean a whole input file could not be used (as opposed to some rows).
UNREADABLE_CODES: Final = frozenset(
    {
        "encoding-error",
        "io-error",
        "file-too-large",
        "too-many-rows",
        "no-header",
        "source-error",
    }
)


def refuse_unreadable(problems: Sequence[Problem]) -> None:
    """Stop (exit 2, nothing written) when a whole input file could not be read.

    A report built without one county's file would look complete and be wrong; rows with
    errors, by contrast, are left out, listed, and the report is still produced.
    """
    bad = [p for p in problems if p.severity is Severity.ERROR and p.code in UNREADABLE_CODES]
    if bad:
        note = Problem(
            "nothing was written: fix the input files above, or leave them out",
            severity=Severity.INFO,
            code="unreadable-input",
        )
        raise GlplanError([*bad, note], ExitCode.USAGE)


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


#: ``--output`` suffixes and the format each implies.
OUTPUT_SUFFIXES: Final = {
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".html": "html",
    ".htm": "html",
}


def refuse_overwriting(output: Path | None, inputs: Iterable[str | Path | None]) -> None:
    """Stop (exit 2, nothing written) when ``--output`` is one of the command's inputs.

    ``check --output data/progress.csv`` would otherwise replace the ledger with a report.
    Two names are the same file when they resolve to one path (symbolic links and ``..``
    followed) or, for an existing file, to one inode (a hard link, ``/dev/stdout``
    redirected onto an input).
    """
    if output is None:
        return
    for item in inputs:
        if item is not None and _same_file(output, Path(item)):
            raise GlplanError.single(
                f"--output {output} would overwrite {item}, an input of this command: "
                "nothing was written; choose another file name",
                code="usage",
            )


def _same_file(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # either one missing, or a name the system refuses
        return False


def output_format(fmt: str | None, output: Path | None, formats: Sequence[str]) -> str:
    """The format to write: ``--format`` if given, else ``--output``'s suffix, else table.

    Usage errors (exit 2): a format this command does not write, a suffix that says
    nothing with no ``--format``, or a ``--format`` that contradicts the suffix.
    """
    allowed = ", ".join(formats)
    if fmt is not None:
        fmt = fmt.strip().lower()
        if fmt == "md":
            fmt = "markdown"
        if fmt not in formats:
            raise GlplanError.single(
                f"--format must be one of {allowed}, not {fmt!r}", code="usage"
            )
    if output is None:
        return fmt or "table"
    implied = OUTPUT_SUFFIXES.get(output.suffix.lower())
    if implied is None:
        if fmt is None:
            names = ", ".join(s for s, f in OUTPUT_SUFFIXES.items() if f in formats)
            raise GlplanError.single(
                f"cannot tell the format from {output.name!r}: use a name ending in {names}, "
                "or pass --format",
                code="usage",
            )
        return fmt
    if implied not in formats:
        raise GlplanError.single(
            f"{output.name!r}: this command writes {allowed}, not {implied}", code="usage"
        )
    if fmt is not None and fmt != implied:
        raise GlplanError.single(
            f"--format {fmt} does not match --output {output.name!r} ({implied})", code="usage"
        )
    return implied


def write_output(
    content: bytes | str | Sequence[RenderableType], output: Path | None, fmt: str
) -> None:
    """Write a command's output to ``output`` (atomically) or to stdout.

    ``content`` is UTF-8 bytes (large JSON, written as it is), text, or rich renderables (a
    table): those go to a terminal in colour (unless ``NO_COLOR``) and to a pipe or a file
    as plain text, without colour codes. A CSV file starts with a BOM so that Excel on
    Chinese Windows reads it as UTF-8.
    """
    if isinstance(content, bytes):
        data = content if content.endswith(b"\n") else content + b"\n"
        if output is None:
            with _writing_stdout():
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
            return
        atomic_write_bytes(output, data)
        return
    if isinstance(content, str):
        text = content
    elif output is None:
        console = Console(highlight=False, emoji=False)
        if console.is_terminal:
            with _writing_stdout():
                for item in content:
                    console.print(item)
            return
        text = plain_text(content, width=console.width)
    else:
        text = plain_text(content)
    if output is None:
        emit(text)
        return
    if not text.endswith("\n"):
        text += "\n"
    atomic_write_text(output, text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
