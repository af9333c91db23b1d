"""Which files an indicator read covers, and what each turned out to be.

Paths given by the user are files or folders; a folder contributes its tables. Anything
that is not a regular file (a FIFO, a device, a socket, a symlink loop) is refused before
it is opened: opening a FIFO would wait for a writer forever.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gl_plan.decoding import not_a_file, os_reason
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import _

#: File types read from a folder; a file named explicitly is read whatever its suffix.
TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
#: Suffixes read as spreadsheets; any other file is read as CSV text.
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

Shape = Literal["long", "wide", "form", "empty", "unreadable"]


@dataclass
class FileInfo:
    """What was read from one file (one entry per sheet for a workbook)."""

    path: str
    encoding: str
    rows: int
    shape: Shape
    sheet: str | None = None
    #: A filled template's region and period, from its keys (see :mod:`gl_plan.forms`).
    region: str | None = None
    period: str | None = None
    #: The later file whose figures replace this one's (a corrected template).
    superseded_by: str | None = None


def is_spreadsheet(path: Path) -> bool:
    return path.suffix.lower() in SPREADSHEET_SUFFIXES


def expand_paths(paths: Sequence[str | Path]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The files to read, as (path, name shown in messages); folders are listed.

    Raises :class:`GlplanError` (exit 2) naming every path that does not exist or is not a
    regular file or folder. A folder's own problems (cannot be listed, holds no tables)
    are returned.
    """
    refused: list[Problem] = []
    for p in paths:
        why = not_a_file(p)
        if why is not None:
            refused.append(Problem(why, file=str(p), code=Code.NOT_A_FILE))
        elif not Path(p).exists():
            refused.append(Problem(_("no such file or folder"), file=str(p), code=Code.USAGE))
    if refused:
        raise GlplanError(refused, ExitCode.USAGE)
    out: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            out.append((path, str(path)))

    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            add(path)
            continue
        try:
            children = sorted(path.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            reason = os_reason(exc, str(exc.strerror))
            problems.append(
                Problem(_("cannot list folder: {reason}", reason=reason), file=str(path))
            )
            continue
        # Hidden files and Excel's "~$" lock files are skipped, and so is anything that is
        # not a regular file (is_file() follows links, and is False for a FIFO).
        tables = [
            child
            for child in children
            if child.suffix.lower() in TABLE_SUFFIXES
            and not child.name.startswith((".", "~$"))
            and child.is_file()
        ]
        if not tables:
            problems.append(
                Problem(
                    _("no .csv or .xlsx files in this folder (nor .xls, .xlsb or .ods)"),
                    file=str(path),
                    severity=Severity.WARNING,
                    code=Code.EMPTY_FILE,
                )
            )
        for child in tables:
            add(child)
    return out, problems
