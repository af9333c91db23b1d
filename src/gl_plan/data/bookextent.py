"""How far a workbook's sheets reach, added up sheet by sheet against the row and cell limits.

Shared by the checks that run before a workbook is opened (:mod:`gl_plan.data.odsguard`,
:mod:`gl_plan.data.xlsguard`) and by the check of each sheet as the library gives it
(:mod:`gl_plan.data.spreadsheet`). A sheet counts as the grid the library lays out: from
A1 to its last row and its last column. The rows of all sheets count together, and so do
their cells: an .ods or an .xls has every sheet laid out at once when it is opened.
"""

from __future__ import annotations

from gl_plan.data.xlsxguard import Refusal
from gl_plan.errors import Code
from gl_plan.i18n import _
from gl_plan.limits import MAX_XLSX_CELLS, MAX_XLSX_ROWS

_ADVICE = _("split it, save it as CSV, or check that this is the right file")


class BookExtent:
    """The rows and cells of the sheets seen so far."""

    def __init__(self) -> None:
        self.rows = 0
        self.cells = 0

    def refusal(self, sheet: str, rows: int, columns: int) -> Refusal | None:
        """Why a sheet reaching row ``rows`` and column ``columns`` passes a limit (with the
        sheets before it), or None. Call it again with the sheet's final extent to add it:
        :meth:`add` does."""
        if self.rows + rows > MAX_XLSX_ROWS:
            return Refusal(
                Code.TOO_MANY_ROWS,
                _(
                    "the workbook's sheets have more than {limit:,} rows (counted to the "
                    "last row of each sheet; passed in sheet {sheet!r}); a workbook may "
                    "have at most {limit:,} ({advice})",
                    limit=MAX_XLSX_ROWS,
                    sheet=sheet,
                    advice=_ADVICE,
                ),
            )
        if rows * columns > MAX_XLSX_CELLS:
            return Refusal(
                Code.TOO_MANY_CELLS,
                _(
                    "sheet {sheet!r} reaches row {rows:,} and column {columns:,}; a sheet "
                    "may span at most {limit:,} cells ({advice})",
                    sheet=sheet,
                    rows=rows,
                    columns=columns,
                    limit=MAX_XLSX_CELLS,
                    advice=_ADVICE,
                ),
            )
        if self.cells + rows * columns > MAX_XLSX_CELLS:
            return Refusal(
                Code.TOO_MANY_CELLS,
                _(
                    "the workbook's sheets span more than {limit:,} cells together (each "
                    "counted to its last row and column; passed in sheet {sheet!r}); a "
                    "workbook may span at most {limit:,} ({advice})",
                    limit=MAX_XLSX_CELLS,
                    sheet=sheet,
                    advice=_ADVICE,
                ),
            )
        return None

    def add(self, sheet: str, rows: int, columns: int) -> Refusal | None:
        """:meth:`refusal` of a sheet's final extent; when None, the sheet is counted."""
        refused = self.refusal(sheet, rows, columns)
        if refused is None:
            self.rows += rows
            self.cells += rows * columns
        return refused


__all__ = ["BookExtent"]
