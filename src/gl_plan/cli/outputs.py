"""The one guard on ``--output``: a report never replaces a file the project reads.

``glplan tasks --output data/indicators/450302.csv`` would otherwise replace a county's
figures with a task list. Every command writes its ``--output`` through
:func:`gl_plan.cli.common.write_output`, which calls :func:`refuse_project_input` first, so
a new command is guarded without doing anything.

The inputs are the project's, whatever the command reads itself: the plan, the ledger
beside it (or the one given), every indicator file or folder given with ``--data``, and the
``indicators/`` folder beside the plan. An output inside a folder of indicator files is
refused too, even as a new file: the next run would read it as county data. They come from
the running command's own parameters (``--plan``, ``--data``, ``--progress``, recorded by
:func:`command_parameters` as the command starts) through
:func:`gl_plan.resources.resolve_inputs`, so the guard sees the same files the command
does.

Two names are one file when they resolve to one path (symbolic links, ``..``, the case of a
case-insensitive system) or, when it exists, to one file on one device (``st_dev`` and
``st_ino``: a hard link, ``/dev/stdout`` redirected onto an input).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import _
from gl_plan.resources import INDICATORS_DIR, PROGRESS_FILE, InputPaths, resolve_inputs

__all__ = ["ProjectInputs", "command_inputs", "command_parameters", "refuse_project_input"]

#: The parameters of the command being run, as :func:`command_parameters` set them.
_PARAMETERS: ContextVar[Mapping[str, object] | None] = ContextVar("glplan_command", default=None)


@contextlib.contextmanager
def command_parameters(parameters: Mapping[str, object]) -> Iterator[None]:
    """Run a command with its ``parameters`` known to :func:`command_inputs` (the CLI's
    error handler wraps every command in this)."""
    token = _PARAMETERS.set(parameters)
    try:
        yield
    finally:
        _PARAMETERS.reset(token)


@dataclass(frozen=True)
class ProjectInputs:
    """Files an output must not be, and folders it must not be in."""

    files: tuple[Path, ...]
    folders: tuple[Path, ...]

    @classmethod
    def of(cls, found: InputPaths) -> ProjectInputs:
        """The plan, the ledger, the data paths, and the project's ``indicators/``."""
        home = found.plan.parent
        data = [*found.data, home / INDICATORS_DIR]
        folders = tuple(p for p in data if _is_dir(p))
        files = [found.plan, found.progress or home / PROGRESS_FILE, home / PROGRESS_FILE]
        files += [p for p in data if not _is_dir(p)]
        return cls(tuple(dict.fromkeys(files)), folders)


def refuse_project_input(output: Path | None) -> None:
    """Stop (exit 2, nothing written) when ``output`` is an input of the project of the
    running command (see the module docstring)."""
    if output is not None:
        refuse_input(output, command_inputs())


def refuse_input(output: Path, inputs: ProjectInputs) -> None:
    """Raise a :class:`GlplanError` naming ``output`` when it is one of ``inputs``' files,
    by any name, or lies inside one of its folders."""
    name = _name(output)
    identity = _identity(output)
    for item in inputs.files:
        if name == _name(item) or (identity is not None and identity == _identity(item)):
            raise GlplanError.single(
                _(
                    "--output {output} would overwrite {item}, an input of this command: "
                    "nothing was written; choose another file name",
                    output=output,
                    item=item,
                ),
                file=str(output),
                code=Code.USAGE,
            )
    folders = {key: folder for folder in inputs.folders if (key := _identity(folder))}
    parent = Path(os.path.realpath(output)).parent
    for ancestor in (parent, *parent.parents):
        key = _identity(ancestor)
        folder = folders.get(key) if key is not None else None
        if folder is not None:
            raise GlplanError.single(
                _(
                    "--output {output} is inside {folder}, a folder of indicator files: "
                    "the next run would read it as county data; nothing was written; "
                    "write it elsewhere",
                    output=output,
                    folder=folder,
                ),
                file=str(output),
                code=Code.USAGE,
            )


def command_inputs() -> ProjectInputs:
    """The project inputs of the command being run, from its ``--plan``, ``--data`` (and
    data arguments) and ``--progress``; the current project's when it has none of them."""
    params = _PARAMETERS.get() or {}
    data = _paths(params.get("data"), params.get("paths"))
    plan, progress = _paths(params.get("plan")), _paths(params.get("progress"))
    try:
        found = resolve_inputs(plan[0] if plan else None, data or None, *progress[:1])
    except GlplanError:  # no plan anywhere: only what was named is protected
        return ProjectInputs((), ())
    return ProjectInputs.of(found)


def _paths(*values: object) -> list[Path]:
    out: list[Path] = []
    for value in values:
        if isinstance(value, str | Path):
            out.append(Path(value))
        elif isinstance(value, Sequence):
            out += [Path(v) for v in value if isinstance(v, str | Path)]
    return out


def _name(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # missing, or a name the system refuses
        return None
    return info.st_dev, info.st_ino


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False
