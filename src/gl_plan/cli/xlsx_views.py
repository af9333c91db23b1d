"""``glplan check``'s workbook renderer, registered in :data:`gl_plan.cli.formats.FORMATS`.

In a module of its own so that openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

from pathlib import Path

from gl_plan.api import Inputs
from gl_plan.cli.views import CheckView
from gl_plan.i18n import Lang
from gl_plan.report.workbook import check_workbook

__all__ = ["check_xlsx", "project_root"]


def check_xlsx(view: CheckView, lang: Lang) -> bytes:
    """The workbook: summary, a sheet per target year, the red and amber tasks with their
    责任单位, the data problems (file names relative to the project) and the long table."""
    inputs = view.inputs
    root = project_root(inputs)
    return check_workbook(view.result, inputs.plan, lang, inputs.issues, root=root)


def project_root(inputs: Inputs) -> Path | None:
    """The folder file names are shown relative to: the project's (the one holding
    ``data/plan.yaml``), else the plan's own folder; None for the bundled plan."""
    if inputs.bundled_plan or inputs.sources.plan is None:
        return None
    folder = Path(inputs.sources.plan).parent
    return folder.parent if folder.name == "data" else folder
