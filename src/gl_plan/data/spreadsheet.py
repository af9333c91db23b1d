"""Read one workbook's sheets with python-calamine, each sheet a table of its own.

Formats: .xlsx/.xlsm, Excel 97-2003 .xls (WPS saves it by default in many offices), .xlsb
and OpenDocument .ods. Each is bounded before the library opens it: an .xlsx by
:mod:`gl_plan.data.xlsxguard`, an .ods by :mod:`gl_plan.data.odsguard` (its zip, then the
repeats in its content), an .xls by :mod:`gl_plan.data.xlsguard` (its size, then each
sheet's declared and real reach), an .xlsb by its size and zip; and every sheet's extent
(its last row and column) against the row and cell limits (:mod:`gl_plan.data.bookextent`)
before its cells are turned into Python values.

Cells arrive as the library gives them (text, numbers as floats, dates) with two changes,
so that they read as Excel shows them: a logical cell is the text ``TRUE`` or ``FALSE``
(not a number), and a date is a :class:`~datetime.datetime` at midnight. The library does
not say how a number is shown, so a percentage arrives as the fraction it stores (see
:mod:`gl_plan.data.rates` for how a column of them is read).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import python_calamine

from gl_plan.data.bookextent import BookExtent
from gl_plan.data.context import Known, first_known, from_name
from gl_plan.data.grid import Cell, Grid, TableResult, describe
from gl_plan.data.odsguard import check_ods
from gl_plan.data.pipeline import read_table
from gl_plan.data.sources import FileInfo
from gl_plan.data.table import Reading
from gl_plan.data.xlsguard import check_xls
from gl_plan.data.xlsxguard import Refusal, check_workbook, check_zip
from gl_plan.errors import Code, Problem, Severity
from gl_plan.forms.read import FormContext, is_template, read_template
from gl_plan.i18n import Foreign, Message, _
from gl_plan.limits import MAX_BINARY_WORKBOOK_BYTES

Sheet = tuple[str, list[tuple[int, Sequence[Cell]]]]


class WorkbookError(Exception):
    """The workbook cannot be opened or a sheet cannot be read; the message says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem.message))
        self.problem = problem


def _cell(value: object) -> Cell:
    if value.__class__ is bool:
        return "TRUE" if value else "FALSE"  # as Excel shows it; not a number
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value


_ADVICE = _("split it, save it as CSV, or check that this is the right file")


def kind_of(path: Path) -> str:
    """The workbook format, by suffix: ``xlsx`` (also .xlsm), ``xls``, ``xlsb`` or ``ods``."""
    suffix = path.suffix.lower().lstrip(".")
    return "xlsx" if suffix == "xlsm" else suffix


def check_format(path: Path, kind: str) -> Refusal | None:
    """Why the workbook must not be parsed (see the module docstring), or None."""
    if kind == "xlsx":
        return check_workbook(path)
    if kind in ("xls", "xlsb"):
        size = path.stat().st_size
        if size > MAX_BINARY_WORKBOOK_BYTES:
            return Refusal(
                Code.FILE_TOO_LARGE,
                _(
                    "the .{kind} workbook is {size:,} bytes; an .{kind} workbook is read "
                    "whole, and at most {limit:,} bytes are read ({advice})",
                    kind=kind,
                    size=size,
                    limit=MAX_BINARY_WORKBOOK_BYTES,
                    advice=_ADVICE,
                ),
            )
    if kind == "xls":
        return check_xls(path)
    if kind == "ods":
        return check_ods(path)
    if kind == "xlsb":
        return check_zip(path, kind)
    return None


def _library_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is the library failing on a damaged file: an exception, or a panic in
    its Rust code, which pyo3 raises as ``PanicException`` (a BaseException, not exported;
    an out-of-range duration cell causes one)."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _what(path: Path) -> Message:
    return _("an OpenDocument spreadsheet") if kind_of(path) == "ods" else _("an Excel workbook")


def _sheets(path: Path, display: str) -> list[Sheet]:
    """Every worksheet's rows, numbered as the sheet numbers them (from 1, gaps included)."""
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except BaseException as exc:  # damaged workbooks fail in many ways (zip, XML, names)
        if not _library_failure(exc):
            raise
        raise WorkbookError(
            Problem(
                _(
                    "cannot open as {what}: {detail}",
                    what=_what(path),
                    detail=Foreign(describe(exc)),
                ),
                file=display,
                code=Code.IO_ERROR,
            )
        ) from None
    out: list[Sheet] = []
    book_extent = BookExtent()
    try:
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue  # chart and dialog sheets hold no table
            sheet = book.get_sheet_by_name(meta.name)
            end = sheet.end
            # The grid is laid out from A1 to the sheet's last cell: checked before it is.
            if end is not None:
                refusal = book_extent.add(meta.name, end[0] + 1, end[1] + 1)
                if refusal is not None:
                    raise WorkbookError(Problem(refusal.message, file=display, code=refusal.code))
            rows = sheet.to_python(skip_empty_area=False)
            cells: list[tuple[int, Sequence[Cell]]] = [
                (line, [_cell(v) for v in row]) for line, row in enumerate(rows, start=1)
            ]
            out.append((meta.name, cells))
    except WorkbookError:
        raise
    except BaseException as exc:  # a damaged sheet's XML fails while it is parsed
        if not _library_failure(exc):
            raise
        raise WorkbookError(
            Problem(
                _("cannot read the workbook: {detail}", detail=Foreign(describe(exc))),
                file=display,
                code=Code.IO_ERROR,
            )
        ) from None
    finally:
        book.close()
    return out


def read_sheets(path: Path, display: str) -> list[Sheet]:
    """Every worksheet's name and rows (numbered from 1, gaps included), the workbook
    bounded first (:func:`check_format`). For readers of tables other than indicator data
    (``progress import``); raises :class:`WorkbookError` as :func:`read_workbook` does."""
    refusal = check_format(path, kind_of(path))
    if refusal is not None:
        raise WorkbookError(Problem(refusal.message, file=display, code=refusal.code))
    return _sheets(path, display)


def read_workbook(path: Path, display: str, reader: Reading) -> list[TableResult]:
    """What each sheet gave. A blank sheet is skipped, and a sheet without a usable header
    only warns when another sheet has data (an instructions sheet beside the data).

    Raises :class:`WorkbookError` when the workbook is refused or cannot be read.
    """
    kind = kind_of(path)
    refusal = check_format(path, kind)  # before anything inflates the parts
    if refusal is not None:
        raise WorkbookError(Problem(refusal.message, file=display, code=refusal.code))
    sheets = _sheets(path, display)
    named_file = from_name(path.name, "file name", reader.plan)
    if is_template(sheets):
        return _template_tables(sheets, display, kind, reader, named_file)
    results: list[TableResult] = []
    for title, rows in sheets:
        named = first_known(from_name(title, "sheet name", reader.plan), named_file)
        result = read_table(Grid(display, title, named, True, kind, rows), reader)
        if result.info.shape != "empty":
            results.append(result)
    used = any(not r.failure for r in results)
    if not results:
        reader.report(
            Problem(_("workbook has no data in any sheet"), file=display, code=Code.EMPTY_FILE)
        )
        return [TableResult(FileInfo(display, kind, 0, "empty"), (), ())]
    for result in results:
        for p in result.failure:
            if used and p.severity is Severity.ERROR:
                p = Problem(
                    _("sheet skipped: {reason}", reason=p.message),
                    file=p.file,
                    line=p.line,
                    column=p.column,
                    field=p.field,
                    severity=Severity.WARNING,
                    code=p.code,
                    sheet=p.sheet,
                )
            reader.report(p)
    return [replace(result, failure=()) for result in results]


def _template_tables(
    sheets: list[Sheet], display: str, kind: str, reader: Reading, named: Known
) -> list[TableResult]:
    """A glplan template, read by its keys (:mod:`gl_plan.forms.read`): a table per form
    sheet, or one unreadable entry when the template is refused."""
    context = FormContext(reader.plan, reader.as_of, display, reader.stated, named)
    form = read_template(sheets, context)
    for sheet in form.sheets:
        reader.seen(display, sheet.sheet)
    for problem in form.problems:
        reader.report(problem)
    if form.refused or not form.sheets:
        return [TableResult(FileInfo(display, kind, 0, "unreadable"), (), ())]
    period = str(form.period)
    return [
        TableResult(
            FileInfo(display, kind, s.filled, "form", s.sheet, s.region, period),
            (),
            tuple(s.observations),
        )
        for s in form.sheets
    ]
