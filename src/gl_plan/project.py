"""``glplan init``: a new project folder, ready for the county files.

A project is a folder holding ``data/plan.yaml``, ``data/indicators/`` (the county files)
and ``data/progress.csv`` (the task ledger); glplan finds it from that folder or any folder
below it, as git finds a repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Final

from gl_plan.atomic import atomic_write_bytes, os_reason
from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import Foreign, _
from gl_plan.ledger.model import COLUMNS
from gl_plan.resources import (
    DATA_DIR,
    INDICATORS_DIR,
    PLAN_FILE,
    PROGRESS_FILE,
    bundled_data_dir,
)

GITIGNORE: Final = ".gitignore"
README: Final = "README.md"


class Template(StrEnum):
    """What ``data/plan.yaml`` starts as."""

    #: a copy of the bundled plan (Guilin's 2022 action plan)
    GUILIN = "guilin"
    #: a small commented plan to fill in (one city, two counties, one indicator, one task)
    EMPTY = "empty"


@dataclass(frozen=True)
class Created:
    """The files of a new project, and which of them were already there (and kept)."""

    root: Path
    written: tuple[Path, ...]
    kept: tuple[Path, ...]

    @property
    def plan(self) -> Path:
        return self.root / DATA_DIR / PLAN_FILE


def _template(name: str) -> bytes:
    return (resources.files("gl_plan") / "templates" / name).read_bytes()


def _plan_bytes(template: Template) -> bytes:
    if template is Template.EMPTY:
        return _template("empty_plan.yaml")
    bundled = bundled_data_dir()
    if bundled is None:
        raise GlplanError.single(
            _("the bundled plan is missing from this installation: use --template empty"),
            code=Code.USAGE,
        )
    return (bundled / PLAN_FILE).read_bytes()


def create_project(root: Path, template: Template = Template.GUILIN) -> Created:
    """Make ``root`` a project folder; existing files other than the plan are kept.

    Refuses (:class:`GlplanError`, nothing written) when ``root/data/plan.yaml`` exists:
    a plan is edited by hand and never replaced. ``.gitignore`` gets the ledger's lock file
    and temporary files added when it lacks them.
    """
    data = root / DATA_DIR
    plan = data / PLAN_FILE
    if plan.exists():
        raise GlplanError.single(
            _(
                "{plan} already exists: nothing was changed (init never replaces a plan; edit "
                "it, or choose another folder)",
                plan=plan,
            ),
            code=Code.USAGE,
        )
    if root.exists() and not root.is_dir():
        raise GlplanError.single(_("{root} is not a folder", root=root), code=Code.USAGE)
    try:
        (data / INDICATORS_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GlplanError.single(
            _(
                "cannot create {path}: {reason}",
                path=data / INDICATORS_DIR,
                reason=os_reason(exc),
            ),
            code=Code.IO_ERROR,
        ) from None
    files = {
        plan: _plan_bytes(template),
        data / INDICATORS_DIR / README: _template("indicators_README.md"),
        data / PROGRESS_FILE: (",".join(COLUMNS) + "\n").encode("utf-8"),
    }
    written: list[Path] = []
    kept: list[Path] = []
    for path, content in files.items():
        if path.exists():
            kept.append(path)
            continue
        atomic_write_bytes(path, content)
        written.append(path)
    gitignore = root / GITIGNORE
    if _add_ignores(gitignore):
        written.append(gitignore)
    else:
        kept.append(gitignore)
    return Created(root, tuple(written), tuple(kept))


def _add_ignores(path: Path) -> bool:
    """Add the ignore lines ``path`` lacks; whether anything was written."""
    wanted = _template("gitignore").decode("utf-8")
    try:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise GlplanError.single(
            _("cannot read {path}: {detail}", path=path, detail=Foreign(str(exc))),
            code=Code.IO_ERROR,
        ) from None
    have = {line.strip() for line in current.splitlines()}
    patterns = [line for line in wanted.splitlines() if line and not line.startswith("#")]
    if all(p in have for p in patterns):
        return False
    if not current:
        addition = wanted
    else:
        missing = [p for p in patterns if p not in have]
        addition = ("" if current.endswith("\n") else "\n") + "\n".join(
            [wanted.splitlines()[0], *missing, ""]
        )
    atomic_write_bytes(path, (current + addition).encode("utf-8"))
    return True
