"""``glplan check``'s workbook renderer, registered in :data:`gl_plan.cli.formats.FORMATS`.

In a module of its own so that openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

from gl_plan.cli.views import CheckView, project_root
from gl_plan.i18n import Lang
from gl_plan.report.workbook import check_workbook

__all__ = ["check_xlsx"]


def check_xlsx(view: CheckView, lang: Lang) -> bytes:
    """The workbook: summary, a sheet per target year, the red and amber tasks with their
    责任单位, the data problems (file names relative to the project) and the long table."""
    inputs = view.inputs
    root = project_root(inputs)
    return check_workbook(view.result, inputs.plan, lang, inputs.issues, root=root)
