"""Read one workbook's sheets with python-calamine, each sheet a table of its own.

The workbook is checked by :mod:`gl_plan.data.xlsxguard` before it is parsed. Cells arrive
as the library gives them (text, numbers as floats, dates) with two changes, so that they
read as Excel shows them: a logical cell is the text ``TRUE`` or ``FALSE`` (not a number),
and a date is a :class:`~datetime.datetime` at midnight. The library does not say how a
number is shown, so a percentage arrives as the fraction it stores (see
:mod:`gl_plan.data.rows` for how a column of them is read).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

from gl_plan.data.rows import Cell, Table, TableReader, TableResult, describe
from gl_plan.data.sources import FileInfo
from gl_plan.data.values import region_from_name
from gl_plan.data.xlsxguard import check_workbook
from gl_plan.errors import Problem, Severity

Sheet = tuple[str, list[tuple[int, Sequence[Cell]]]]


class WorkbookError(Exception):
    """The workbook cannot be opened or a sheet cannot be read; the message says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _cell(value: object) -> Cell:
    if value.__class__ is bool:
        return "TRUE" if value else "FALSE"  # as Excel shows it; not a number
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value


def _sheets(path: Path, display: str) -> list[Sheet]:
    """Every worksheet's rows, numbered as the sheet numbers them (from 1, gaps included)."""
    import python_calamine  # heavy only for runs that read a workbook

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # damaged workbooks fail in many ways (zip, XML, names)
        raise WorkbookError(
            Problem(
                f"cannot open as an Excel workbook: {describe(exc)}",
                file=display,
                code="io-error",
            )
        ) from None
    out: list[Sheet] = []
    try:
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue  # chart and dialog sheets hold no table
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            cells: list[tuple[int, Sequence[Cell]]] = [
                (line, [_cell(v) for v in row]) for line, row in enumerate(rows, start=1)
            ]
            out.append((meta.name, cells))
    except Exception as exc:  # a damaged sheet's XML fails while it is parsed
        raise WorkbookError(
            Problem(f"cannot read the workbook: {describe(exc)}", file=display, code="io-error")
        ) from None
    finally:
        book.close()
    return out


def read_workbook(path: Path, display: str, reader: TableReader) -> list[TableResult]:
    """What each sheet gave. A blank sheet is skipped, and a sheet without a usable header
    only warns when another sheet has data (an instructions sheet beside the data).

    Raises :class:`WorkbookError` when the workbook is refused or cannot be read.
    """
    refusal = check_workbook(path)  # before anything inflates the parts
    if refusal is not None:
        raise WorkbookError(Problem(refusal.message, file=display, code=refusal.code))
    sheets = _sheets(path, display)
    file_region = region_from_name(path.name, reader.plan)
    results: list[TableResult] = []
    for title, rows in sheets:
        region = region_from_name(title, reader.plan) or file_region
        result = reader.read(rows, Table(display, title, region, spreadsheet=True), "xlsx")
        if result.info.shape != "empty":
            results.append(result)
    used = any(not r.failure for r in results)
    if not results:
        reader.report(Problem("workbook has no data in any sheet", file=display, code="empty-file"))
        return [TableResult(FileInfo(display, "xlsx", 0, "empty"), [], [])]
    for result in results:
        for p in result.failure:
            if used and p.severity is Severity.ERROR:
                p = Problem(
                    f"sheet skipped: {p.message}",
                    file=p.file,
                    line=p.line,
                    column=p.column,
                    field=p.field,
                    severity=Severity.WARNING,
                    code=p.code,
                    sheet=p.sheet,
                )
            reader.report(p)
        result.failure = []
    return results
