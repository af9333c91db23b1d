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
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Annotated, Any, Final, ParamSpec, TypeVar

import typer

from gl_plan.atomic import atomic_write_bytes, atomic_write_text, os_reason
from gl_plan.cli.outputs import command_parameters, refuse_project_input
from gl_plan.decoding import require_text_encoding
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Lang, _, detect_lang
from gl_plan.ledger.model import parse_entry_date
from gl_plan.resources import resolve_inputs

P = ParamSpec("P")
R = TypeVar("R")

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="help.option.lang",
        show_default=False,
    ),
]
PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="help.option.plan",
        show_default=False,
        dir_okay=False,
    ),
]
#: ``--progress`` where the indicator files are read too (check, explain): the ledger beside
#: the plan, as :func:`gl_plan.resources.resolve_inputs` finds it.
ProgressOption = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        help="help.option.progress",
        show_default=False,
        dir_okay=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="help.option.as_of",
        show_default=False,
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="help.option.encoding",
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
    raise GlplanError.single(
        _("--lang must be zh or en, not {value!r}", value=value), code=Code.USAGE
    )


def resolve_as_of(value: str | None) -> date:
    """The as-of date; only the CLI edge ever reads the clock."""
    if value is None:
        return date.today()
    try:
        # The same spellings the ledger accepts: 2026-09-30, 2026/9/30, 2026年9月30日.
        return parse_entry_date(value.strip())
    except ValueError:
        raise GlplanError.single(
            _("--as-of must be a date like 2026-09-30, not {value!r}", value=value), code=Code.USAGE
        ) from None


def resolve_plan_path(path: Path | None) -> tuple[Path, bool]:
    """The plan to use and whether it is the bundled copy (see :func:`resolve_inputs`)."""
    found = resolve_inputs(path)
    return found.plan, found.bundled_plan


#: Suffixes of plan files; everything else given as data is taken for indicator files.
PLAN_SUFFIXES: Final = (".yaml", ".yml")

DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        help="help.option.data",
        show_default=False,
        metavar="PATH",
    ),
]
DataArguments = Annotated[
    list[Path] | None,
    typer.Argument(
        help="help.option.paths",
        show_default=False,
        metavar="PATH",
    ),
]
RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        help="help.option.region",
        show_default=False,
    ),
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        help="help.option.period",
        show_default=False,
    ),
]


def data_paths(option: list[Path] | None, arguments: list[Path] | None) -> list[Path] | None:
    """The indicator paths given with ``--data`` and after it, or None when none were.

    ``--data q3/*.csv`` reaches us as ``--data a.csv b.csv c.csv``: the first after the
    option, the others as arguments; all of them are indicator files.
    """
    paths = [*(option or []), *(arguments or [])]
    for path in paths:
        if path.suffix.lower() in PLAN_SUFFIXES:
            raise GlplanError.single(
                _(
                    "{path} looks like a plan, not an indicator file: pass it with --plan",
                    path=path,
                ),
                code=Code.USAGE,
            )
    return paths or None


def _discard(stream: IO[str]) -> None:
    """Point ``stream``'s descriptor at the null device: later writes, and the flush at
    exit, succeed and go nowhere (instead of a second error while Python shuts down)."""
    with contextlib.suppress(OSError, ValueError):  # no descriptor: a test's captured stream
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


@contextlib.contextmanager
def writing_stdout() -> Iterator[None]:
    """Write to stdout inside this block; a failed write becomes a one-line error (exit 2)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _discard(sys.stdout)  # the reader left: not an error of ours
    except OSError as exc:
        _discard(sys.stdout)
        raise GlplanError.single(
            _("cannot write to standard output: {reason}", reason=os_reason(exc)),
            code=Code.IO_ERROR,
        ) from None


def print_problems(problems: Sequence[Problem], lang: Lang = "en") -> None:
    """Problems go to stderr, one per line, in the ``file:line:column: field: message`` form,
    the message and the severity of a warning or a note in ``lang``.

    In a terminal an error is red, and a warning's or a note's label yellow or cyan;
    ``NO_COLOR`` (or ``TERM=dumb``) turns colour off, ``FORCE_COLOR`` on for a pipe
    (:func:`_stderr_colour`).
    """
    if not problems:
        return
    color = _stderr_colour()
    try:
        for p in problems:
            line = p.render(lang)
            if p.severity is Severity.ERROR:
                line = typer.style(line, fg="red")
            else:
                line += typer.style(p.label(lang), fg=_LABEL_COLOURS[p.severity])
            typer.echo(line, err=True, color=color)
        sys.stderr.flush()
    except OSError:
        # stderr itself is gone or full: there is nowhere left to say so. The exit code
        # still tells.
        _discard(sys.stderr)


_LABEL_COLOURS: Final = {Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _stderr_colour() -> bool | None:
    """Colour on stderr, decided as rich decides it for the tables on stdout: off for
    ``NO_COLOR`` or a dumb terminal; ``FORCE_COLOR`` (on when not empty) and
    ``TTY_COMPATIBLE`` (1 or 0) next; else when stderr is a terminal (None: Click checks)."""
    env = os.environ
    if env.get("NO_COLOR") or env.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    if "FORCE_COLOR" in env:
        return bool(env["FORCE_COLOR"])
    if env.get("TTY_COMPATIBLE") in ("0", "1"):
        return env["TTY_COMPATIBLE"] == "1"
    return None


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """The one place a user error becomes a message and an exit code.

    Anything else is a bug and keeps its traceback. An ``--encoding`` that is not a text
    encoding glplan reads is refused here, before the command runs.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            encoding = kwargs.get("encoding")  # --encoding, for every command that takes it
            require_text_encoding(encoding if isinstance(encoding, str) else None)
            with command_parameters(kwargs):  # for the --output guard
                return func(*args, **kwargs)
        except GlplanError as exc:
            # An error that reaches here stopped the command before its result existed:
            # unreadable input or a usage error, exit 2 (validate reports a plan's own
            # problems itself, with exit 1).
            print_problems(exc.problems, _lang_of(kwargs.get("lang")))
            raise typer.Exit(int(ExitCode.USAGE)) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None

    return wrapper


def _lang_of(value: object) -> Lang:
    """The language of a command's ``--lang`` value; the default when it is not one (the
    error being reported may be that very value)."""
    try:
        return resolve_lang(value if isinstance(value, str) else None)
    except GlplanError:
        return detect_lang()


def emit(text: str) -> None:
    """Write command output to stdout, ending with one newline."""
    with writing_stdout():
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def bundled_notes(*, bundled: bool, bundled_plan: bool) -> list[Problem]:
    """The line that says the bundled sample or the bundled plan is in use (first on stderr)."""
    if bundled:
        return [
            Problem(
                _(
                    "using the bundled sample (synthetic data, not official statistics): no "
                    "data/plan.yaml in this folder or its parents",
                ),
                severity=Severity.INFO,
                code=Code.BUNDLED,
            )
        ]
    if bundled_plan:
        return [
            Problem(
                _(
                    "checking the files given against the bundled plan (no data/plan.yaml in this "
                    "folder or its parents: pass --plan, or make a project with glplan init); the "
                    "bundled sample data and ledger are not read",
                ),
                severity=Severity.INFO,
                code=Code.BUNDLED_PLAN,
            )
        ]
    return []


def note_bundled(lang: Lang, *, bundled: bool = True, bundled_plan: bool = False) -> None:
    """Say on stderr that the bundled sample (or plan), not the user's files, is being read."""
    print_problems(bundled_notes(bundled=bundled, bundled_plan=bundled_plan), lang)


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
    """Stop (exit 2, nothing written) when the progress ledger could not be read at all.

    Every task would otherwise show as not reported. (A county file that cannot be read is
    different: a finding in a report that is still written, its region without data.)
    """
    bad = [p for p in problems if p.severity is Severity.ERROR and p.code in UNREADABLE_CODES]
    if bad:
        note = Problem(
            _("nothing was written: fix the file above, or leave it out"),
            severity=Severity.INFO,
            code=Code.UNREADABLE_INPUT,
        )
        raise GlplanError([*bad, note], ExitCode.USAGE)


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def write_output(
    content: bytes | str, output: Path | None, *, bom: bool = False, binary: bool = False
) -> None:
    """Write a command's output to ``output`` (atomically) or to stdout.

    ``content`` is UTF-8 bytes (large JSON, written as it is) or text, ending with one
    newline; or, with ``binary`` (a format such as a spreadsheet), bytes written exactly.
    With ``bom`` (a CSV file: :attr:`gl_plan.cli.formats.Format.bom`) a file starts with a
    BOM, so that Excel on Chinese Windows reads it as UTF-8. (Rich renderables, a table,
    go through :func:`gl_plan.cli.terminal.write_view`.) An ``output`` that is an input of
    the project is refused first (:mod:`gl_plan.cli.outputs`).
    """
    refuse_project_input(output)
    if isinstance(content, bytes):
        data = content if binary or content.endswith(b"\n") else content + b"\n"
        if output is None:
            with writing_stdout():
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
            return
        atomic_write_bytes(output, data)
        return
    if output is None:
        emit(content)
        return
    text = content if content.endswith("\n") else content + "\n"
    atomic_write_text(output, text, encoding="utf-8-sig" if bom else "utf-8")
