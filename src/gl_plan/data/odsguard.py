"""Refuse an OpenDocument spreadsheet whose sheets would be laid out as grids too large.

The spreadsheet library reads every table of an .ods's ``content.xml`` into a grid when the
file is opened. ODF writes a run of equal rows or cells once, with a repeat count
(``table:number-rows-repeated``, ``table:number-columns-repeated``), so an 845-byte file can
declare 99 million cells; opening it took 6 GB. :func:`check_ods` streams ``content.xml``
(no tree kept) and adds up the repeats as the library lays them out, stopping at the first
limit passed.

As the library reads a table: a cell holds something when it has a value, a formula or the
string type; empty cells and rows count only when something follows them (so the empty
rest of a sheet that LibreOffice writes as a million repeated rows costs nothing); a row's
cells are stored once however often the row repeats, then copied out to the grid, whose
size (rows x columns) is what is checked: it bounds what is stored as well.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Final
from xml.parsers.expat import ExpatError, ParserCreate

from gl_plan.data.bookextent import BookExtent
from gl_plan.data.xlsxguard import Refusal, check_zip, exc_text
from gl_plan.errors import Code
from gl_plan.i18n import Foreign, _

CONTENT: Final = "content.xml"
#: The names as the library matches them: with these prefixes, as written.
_TABLE, _ROW = "table:table", "table:table-row"
_CELLS: Final = frozenset({"table:table-cell", "table:covered-table-cell"})
_ROWS_REPEATED, _COLUMNS_REPEATED = "table:number-rows-repeated", "table:number-columns-repeated"
#: Attributes that give a cell a value for the library (``office:value-type="string"``
#: does too, its text being the value).
_VALUES: Final = frozenset(
    {
        "office:value",
        "office:string-value",
        "office:date-value",
        "office:time-value",
        "office:boolean-value",
        "table:formula",
    }
)
#: A repeat count with more digits than this passes every limit.
_MAX_DIGITS: Final = 12


class _Refused(Exception):
    """Stops the parse at the first limit passed."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__()
        self.refusal = refusal


def _repeat(attributes: dict[str, str], name: str) -> int:
    """A repeat count; one when absent or not a number (the library then fails on it)."""
    text = attributes.get(name, "1").strip()
    if not text.isdigit():
        return 1
    return 10**_MAX_DIGITS if len(text) > _MAX_DIGITS else int(text)


class _Tables:
    """The extent of each table as the parser goes, checked after every row."""

    def __init__(self) -> None:
        self.book = BookExtent()
        self.name = ""
        self.rows = 0  # rows so far, repeats included
        self.last_row = 0  # the last row holding something
        self.columns = 0  # the last column holding something, in any row
        self.row_repeat = 1
        self.column = 0  # cells so far in the current row
        self.row_end = 0  # the last cell holding something in the current row

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name in _CELLS:
            self.column += _repeat(attributes, _COLUMNS_REPEATED)
            if attributes.get("office:value-type") == "string" or not _VALUES.isdisjoint(
                attributes
            ):
                self.row_end = self.column
        elif name == _ROW:
            self.row_repeat = _repeat(attributes, _ROWS_REPEATED)
            self.column = self.row_end = 0
        elif name == _TABLE:
            self.name = attributes.get("table:name", "")
            self.rows = self.last_row = self.columns = 0

    def end(self, name: str) -> None:
        if name == _ROW:
            self.rows += self.row_repeat
            if self.row_end:
                self.last_row = self.rows
                self.columns = max(self.columns, self.row_end)
                refused = self.book.refusal(self.name, self.last_row, self.columns)
                if refused is not None:
                    raise _Refused(refused)
        elif name == _TABLE and self.last_row:
            refused = self.book.add(self.name, self.last_row, self.columns)
            if refused is not None:
                raise _Refused(refused)


def check_ods(path: Path) -> Refusal | None:
    """Why the .ods at ``path`` must not be opened, or None: its zip over the limits (see
    :func:`~gl_plan.data.xlsxguard.check_zip`), ``content.xml`` missing or not
    well-formed XML, or its tables past the row and cell limits."""
    refused = check_zip(path, "ods")
    if refused is not None:
        return refused
    tables = _Tables()
    parser = ParserCreate()
    parser.StartElementHandler = tables.start
    parser.EndElementHandler = tables.end
    try:
        with zipfile.ZipFile(path) as archive, archive.open(CONTENT) as fh:
            parser.ParseFile(fh)
    except _Refused as stop:
        return stop.refusal
    except KeyError:
        return _cannot_open(f"no {CONTENT}")
    except ExpatError as exc:
        return _cannot_open(f"{CONTENT}: {exc}")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        return _cannot_open(exc_text(exc))
    return None


def _cannot_open(detail: str) -> Refusal:
    return Refusal(
        Code.IO_ERROR,
        _(
            "cannot open as {what}: {detail}",
            what=_("an OpenDocument spreadsheet"),
            detail=Foreign(detail),
        ),
    )


__all__ = ["check_ods"]
