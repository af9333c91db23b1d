"""Where the plan, indicator files and ledger are: the project folder, or the bundled sample.

A project is found the way git finds a repository: the nearest of the current folder and its
parents that holds ``data/plan.yaml``. Only when no project is found and no file is named
does glplan fall back to the copies bundled with the package (and says so). Files named on
the command line are never mixed with the bundled sample: ``--data`` alone, outside a
project, reads those files against the bundled plan, and no bundled ledger or county file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import _

DATA_DIR = "data"
PLAN_FILE = "plan.yaml"
INDICATORS_DIR = "indicators"
PROGRESS_FILE = "progress.csv"


def bundled_data_dir() -> Path | None:
    """The sample data shipped with the package (the repo's ``data/`` in a source checkout)."""
    packaged = Path(str(resources.files("gl_plan"))) / "_bundled"
    if (packaged / PLAN_FILE).is_file():
        return packaged
    source_checkout = Path(__file__).resolve().parents[2] / DATA_DIR
    if (source_checkout / PLAN_FILE).is_file():
        return source_checkout
    return None


@dataclass(frozen=True)
class DataLocation:
    root: Path
    bundled: bool

    @property
    def plan(self) -> Path:
        return self.root / PLAN_FILE

    @property
    def indicators(self) -> Path:
        return self.root / INDICATORS_DIR

    @property
    def progress(self) -> Path:
        return self.root / PROGRESS_FILE


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a parent folder we may not look into: not a project
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def find_project(cwd: Path | None = None) -> DataLocation | None:
    """The ``data/`` folder of the nearest project: ``cwd`` or a parent with data/plan.yaml."""
    start = (cwd or Path.cwd()).absolute()
    for folder in (start, *start.parents):
        data = folder / DATA_DIR
        if _is_file(data / PLAN_FILE):
            return DataLocation(data, bundled=False)
    return None


@dataclass(frozen=True)
class InputPaths:
    """The files a command reads, the given ones and the defaults filled in."""

    plan: Path
    data: tuple[Path, ...]
    progress: Path | None
    #: The plan is the bundled copy: nothing named a plan and no project was found.
    bundled_plan: bool = False
    #: Everything read is the bundled sample (plan, county files and ledger).
    bundled: bool = False


def resolve_inputs(
    plan: str | Path | None = None,
    data: Sequence[str | Path] | None = None,
    progress: str | Path | None = None,
    *,
    cwd: Path | None = None,
) -> InputPaths:
    """Fill in what was not given, from one place only.

    - A plan given: the county files and ledger default to ``indicators/`` and
      ``progress.csv`` beside it (a ledger belongs to its plan), when they exist.
    - Else a project (``cwd`` or a parent holding ``data/plan.yaml``): its plan, its
      ``indicators/`` and its ``progress.csv``, for whatever was not given.
    - Else the bundled plan; its sample county files and ledger only when neither
      ``data`` nor ``progress`` was given.

    A default folder or ledger that does not exist means none (a ledger that exists but is
    not a regular file is passed on, for the reader to refuse); a given path is used as it
    is (the reader says when it does not exist). Raises :class:`GlplanError` when no plan
    can be found at all.
    """
    data_given = tuple(Path(p) for p in data) if data is not None else None
    progress_given = Path(progress) if progress is not None else None
    home = _home(Path(plan) if plan is not None else None, cwd)
    if home.bundled and (data_given is not None or progress_given is not None):
        # Named files are read against the bundled plan, with nothing of its sample.
        return InputPaths(home.plan, data_given or (), progress_given, bundled_plan=True)
    plan_file = Path(plan) if plan is not None else home.plan
    indicators = home.indicators
    default_data = (indicators,) if _is_dir(indicators) else ()
    # Anything by the ledger's name counts, so that a FIFO, a folder or a symlink loop is
    # refused by the reader as a given one is, not taken for "no ledger" (every task would
    # then show as not reported).
    default_progress = home.progress if os.path.lexists(home.progress) else None
    return InputPaths(
        plan_file,
        data_given if data_given is not None else default_data,
        progress_given if progress_given is not None else default_progress,
        bundled_plan=home.bundled,
        bundled=home.bundled,
    )


def _home(plan: Path | None, cwd: Path | None) -> DataLocation:
    """Where the defaults come from: the plan's folder, the project, or the bundled copy."""
    if plan is not None:
        return DataLocation(plan.parent, bundled=False)
    home = find_project(cwd)
    if home is not None:
        return home
    bundled = bundled_data_dir()
    if bundled is None:
        raise GlplanError.single(
            _(
                "no plan found: run in a project folder (one with data/plan.yaml, made by "
                "`glplan init`) or pass --plan FILE",
            ),
            code=Code.USAGE,
        )
    return DataLocation(bundled, bundled=True)
