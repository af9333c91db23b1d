"""Where the default plan, indicator files and ledger are.

Run inside a project folder (one with ``data/plan.yaml``), glplan uses that folder's files.
Anywhere else it uses the copies bundled in the package, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

PLAN_FILE = "plan.yaml"
INDICATORS_DIR = "indicators"
PROGRESS_FILE = "progress.csv"


def bundled_data_dir() -> Path | None:
    """The sample data shipped with the package (the repo's ``data/`` in a source checkout)."""
    packaged = Path(str(resources.files("gl_plan"))) / "_bundled"
    if (packaged / PLAN_FILE).is_file():
        return packaged
    source_checkout = Path(__file__).resolve().parents[2] / "data"
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


def default_location(cwd: Path | None = None) -> DataLocation | None:
    """The project folder's ``data/`` if there is one, else the bundled sample."""
    here = (cwd or Path.cwd()) / "data"
    if (here / PLAN_FILE).is_file():
        return DataLocation(here, bundled=False)
    bundled = bundled_data_dir()
    if bundled is None:
        return None
    return DataLocation(bundled, bundled=True)
