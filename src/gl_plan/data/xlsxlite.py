"""A small reader for plain data workbooks, so that one county's .xlsx does not cost openpyxl.

Importing openpyxl takes about a tenth of a second, a third of a whole ``glplan check`` on
a quarter's county files. The workbooks glplan reads are nearly always plain: a sheet or
two of text and numbers, written by Excel, WPS or openpyxl. This module reads those with
:mod:`zipfile` and :mod:`xml.etree.ElementTree` and gives exactly the cells the openpyxl
path gives (``read._sheet_rows`` over openpyxl's read-only mode): the same values, types,
row numbers and padding, numbers shown as percentages as the text Excel shows, and
built-in date formats as :class:`datetime.datetime`.

Whatever it cannot be sure of, it declines with :class:`Unsupported` and openpyxl reads the
workbook instead: a workbook over :data:`LITE_MAX_BYTES` (this reader holds the cells in
memory; openpyxl streams them), a custom or locale-specific number format that might be a
date, the 1904 calendar, a string with an ``_x005F_`` escape or of an unusual shape, cells
or rows out of order, styles given twice, a workbook part outside the usual namespace, and
anything damaged, so that a broken file gets openpyxl's own message. A property test
compares the two readers on generated workbooks, and hand-written XML pins the edge cases
an adversarial review found. (Metadata the cells do not need, such as a malformed column
width or print title, is not read here, so a workbook openpyxl refuses over it is read.)

Run only after :func:`gl_plan.data.xlsxguard.check_workbook` has passed the file.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from gl_plan.data.xlsxguard import (
    SHARED_STRINGS_TYPE,
    WORKBOOK_TYPES,
    part_target,
    rels_part,
)

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element
    from zipfile import ZipFile

#: Workbooks whose sheets and shared strings expand to more than this are left to openpyxl,
#: which streams them; below it, holding the cells costs some tens of megabytes at most.
LITE_MAX_BYTES = 8 * 1024 * 1024

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
_WORKSHEET_REL = "/relationships/worksheet"
_STYLES = "xl/styles.xml"

#: Built-in number formats that are certainly not dates, as openpyxl names them (the
#: percentage test below looks at the name). Other built-in ids are left to openpyxl: some
#: are dates or times, and those openpyxl does not name (the locale-specific ids 23-36 and
#: 50-163, dates in a Chinese Excel) it reads as plain numbers, which is its call to make.
_PLAIN_BUILTINS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    48: "##0.0E+0",
    49: "@",
}
#: Built-in date formats (not times or durations), read as openpyxl reads them.
_DATE_BUILTINS = frozenset({14, 15, 16, 17, 22})
#: Excel's last column (XFD).
_MAX_COLUMN = 16_384
#: Cells (empty ones included) held in memory at most; past it openpyxl streams the sheet.
_MAX_CELLS = 2_000_000
#: A custom format with no letter other than an exponent's E cannot be a date or a time.
_LETTER = re.compile(r"[A-DF-Za-df-z]")
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_BAD_TITLE = re.compile(r"[\\*?:/\[\]]")
_EPOCH = datetime(1899, 12, 30)
_SECS_PER_DAY = 86_400

#: One style's reading: ``None`` for a date, else the number format's name.
_Style = str | None
Cell = object
Rows = list[tuple[int, list[Cell]]]


class Unsupported(Exception):
    """The workbook holds something this reader leaves to openpyxl."""


def read_workbook(path: Path) -> list[tuple[str, Rows]]:
    """Every worksheet's title and rows (numbered from 1, each padded to its last cell).

    Cells are as ``read._sheet_rows`` makes them from openpyxl: ``""`` for empty, ``"TRUE"``
    or ``"FALSE"``, ``int`` or ``float``, ``"98.5%"`` for a number shown as a percentage,
    :class:`datetime.datetime` (or :class:`datetime.time`) for a built-in date format,
    text as stored. Raises :class:`Unsupported` for anything else, damage included.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return _read(archive)
    except Unsupported:
        raise
    except Exception as exc:  # damage of any kind: openpyxl will say what it is
        raise Unsupported(f"{type(exc).__name__}: {exc}") from exc


def _read(archive: ZipFile) -> list[tuple[str, Rows]]:
    from xml.etree.ElementTree import fromstring

    sizes = {info.filename: info.file_size for info in archive.infolist()}
    overrides = fromstring(archive.read("[Content_Types].xml")).iter(_CT)
    declared: dict[str, str] = {}
    strings_part: str | None = None
    for o in overrides:
        kind, name = o.get("ContentType", ""), o.get("PartName", "")[1:]
        declared.setdefault(kind, name)
        if kind == SHARED_STRINGS_TYPE and strings_part is None:
            strings_part = name
    workbook = next((declared[t] for t in WORKBOOK_TYPES if t in declared), None)
    if workbook is None:
        raise Unsupported("no workbook part declared")

    root = fromstring(archive.read(workbook))
    if root.tag != f"{_MAIN}workbook":
        raise Unsupported(f"a workbook part in another namespace: {root.tag}")
    pr = root.find(f"{_MAIN}workbookPr")
    # openpyxl reads any spelling but these as the 1904 calendar.
    if pr is not None and pr.get("date1904", "0") not in ("0", "false"):
        raise Unsupported("the 1904 date system")
    rels = {r.get("Id"): r for r in fromstring(archive.read(rels_part(workbook))).iter(_PKG_REL)}
    sheets: list[tuple[str, str]] = []
    for sheet in root.iterfind(f"{_MAIN}sheets/{_MAIN}sheet"):
        title, rel = sheet.get("name", ""), rels.get(sheet.get(_DOC_REL))
        if rel is None or not rel.get("Type", "").endswith(_WORKSHEET_REL):
            raise Unsupported("a sheet that is not a plain worksheet")
        if not title or _BAD_TITLE.search(title) or title in (t for t, _ in sheets):
            raise Unsupported("a sheet title openpyxl would refuse or rename")
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            raise Unsupported("a sheet outside the workbook")
        target = part_target(workbook, target)
        if target not in sizes:
            raise Unsupported("a sheet whose part is missing")
        sheets.append((title, target))
    if not sheets:
        raise Unsupported("no worksheets found")

    parts = [t for _, t in sheets] + ([strings_part] if strings_part else [])
    if sum(sizes.get(p, 0) for p in parts) > LITE_MAX_BYTES:
        raise Unsupported("a large workbook: openpyxl streams it")
    styles = _styles(archive)
    strings = _shared_strings(archive, strings_part) if strings_part else []
    out: list[tuple[str, Rows]] = []
    budget = _MAX_CELLS  # for the whole workbook
    for title, part in sheets:
        rows, budget = _sheet(archive, part, strings, styles, budget)
        out.append((title, rows))
    return out


def _styles(archive: ZipFile) -> list[_Style | Unsupported]:
    """Each cell style's reading, in ``cellXfs`` order; styles this reader cannot be sure
    of are an :class:`Unsupported` that is raised only if a number uses them."""
    from xml.etree.ElementTree import fromstring

    root = fromstring(archive.read(_STYLES))
    if len(root.findall(f"{_MAIN}cellXfs")) != 1 or len(root.findall(f"{_MAIN}numFmts")) > 1:
        raise Unsupported("cell styles given more than once, or not at all")
    custom = {
        int(f.get("numFmtId", "")): f.get("formatCode", "")
        for f in root.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt")
    }
    out: list[_Style | Unsupported] = []
    for xf in root.iterfind(f"{_MAIN}cellXfs/{_MAIN}xf"):
        number = int(xf.get("numFmtId", "0"))
        out.append(_style(number, custom))
    if not out:
        raise Unsupported("no cell styles: openpyxl supplies its defaults")
    return out


def _style(number: int, custom: dict[int, str]) -> _Style | Unsupported:
    fmt = custom.get(number)
    if fmt is None:
        if number in _PLAIN_BUILTINS:
            return _PLAIN_BUILTINS[number]
        if number in _DATE_BUILTINS:
            return None
        return Unsupported(f"number format {number}")
    if fmt.lower() == "general" or not _LETTER.search(fmt):
        return fmt
    return Unsupported(f"number format {fmt!r}")


_T, _R, _R_PR = f"{_MAIN}t", f"{_MAIN}r", f"{_MAIN}rPr"
_SHEET_DATA, _ROW, _C, _V, _IS = (f"{_MAIN}{t}" for t in ("sheetData", "row", "c", "v", "is"))
_STRING_PARTS = frozenset({_T, _R, f"{_MAIN}rPh", f"{_MAIN}phoneticPr"})


def _text(node: Element) -> str:
    """A string item's text as openpyxl's ``Text.content`` gives it: the plain text, then
    each rich-text run's; phonetic runs are left out. Items of any other shape (two texts
    in one item or run, elements of another namespace) are declined: openpyxl's reading of
    them is its own."""
    plain: str | None = None
    runs: list[str] = []
    seen_plain = False
    for child in node:
        tag = child.tag
        if tag not in _STRING_PARTS:
            raise Unsupported(f"a string item holding {tag}")
        if tag == _T:
            if seen_plain:
                raise Unsupported("a string item with two texts")
            seen_plain, plain = True, child.text
        elif tag == _R:
            texts = [c for c in child if c.tag == _T]
            if len(texts) > 1 or any(c.tag not in (_T, _R_PR) for c in child):
                raise Unsupported("a rich-text run of an unusual shape")
            if texts and texts[0].text:
                runs.append(texts[0].text)
    text = (plain or "") + "".join(runs)
    if "x005F_" in text:
        raise Unsupported("an escaped string")  # openpyxl rewrites these
    return text


def _shared_strings(archive: ZipFile, part: str) -> list[str]:
    from xml.etree.ElementTree import iterparse

    strings = []
    si = f"{_MAIN}si"
    with archive.open(part) as src:
        for _, node in iterparse(src):
            if node.tag == si:
                strings.append(_text(node))
                node.clear()
    return strings


def _column(ref: str) -> int:
    m = _CELL_REF.fullmatch(ref)
    if m is None:
        raise Unsupported(f"cell reference {ref!r}")
    number = 0
    for ch in m.group(1):
        number = number * 26 + ord(ch) - 64
    return number


def _from_excel(serial: float) -> datetime | time:
    """openpyxl's ``from_excel`` for the 1900 calendar, dates only."""
    day, fraction = divmod(serial, 1)
    # The same expression as openpyxl's, so that half milliseconds round the same way.
    diff = timedelta(milliseconds=round(fraction * _SECS_PER_DAY * 1000))
    if 0 <= serial < 1 and diff.days == 0:
        return (datetime.min + diff).time()
    if 0 < serial < 60:
        day += 1  # Excel's 29 February 1900
    return _EPOCH + timedelta(days=day) + diff


def _sheet(
    archive: ZipFile,
    part: str,
    strings: list[str],
    styles: list[_Style | Unsupported],
    budget: int,
) -> tuple[Rows, int]:
    """The sheet's rows, and what is left of the cell ``budget`` after them."""
    from xml.etree.ElementTree import iterparse

    rows: Rows = []
    last = 0
    parent: Element | None = None
    with archive.open(part) as src:
        for event, node in iterparse(src, ("start", "end")):
            if event == "start":
                if node.tag == _SHEET_DATA:
                    parent = node
                continue
            if node.tag != _ROW:
                continue
            r = node.get("r")
            number = int(r) if r is not None else last + 1
            if number <= last:
                raise Unsupported("rows out of order")
            row = _cells(node, strings, styles)
            budget -= len(row) + number - last  # a row costs its cells and a slot
            if budget < 0:
                raise Unsupported("a sheet of many cells: openpyxl streams it")
            # openpyxl fills a gap in the numbering with empty rows.
            rows.extend((n, []) for n in range(last + 1, number))
            last = number
            rows.append((number, row))
            if parent is not None:
                parent.remove(node)  # keeps memory flat; the row is read
    return rows, budget


def _cells(row: Element, strings: list[str], styles: list[_Style | Unsupported]) -> list[Cell]:
    cells: list[Cell] = []
    column = 0
    for c in row:
        if c.tag != _C:
            raise Unsupported(f"an element {c.tag} in a row")
        ref = c.get("r")
        at = _column(ref) if ref else column + 1
        if at <= column or at > _MAX_COLUMN:
            raise Unsupported("cells out of order or beyond the last column")
        column = at
        kind = c.get("t", "n")
        value: Cell
        if kind == "inlineStr":
            node = c.find(_IS)
            value = _text(node) if node is not None else ""
        else:
            raw = c.findtext(_V)
            if not raw:
                value = ""
            elif kind == "n":
                number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                index = int(c.get("s", "0"))
                if index < 0:
                    raise Unsupported("a negative style index")
                style = styles[index]
                if isinstance(style, Unsupported):
                    raise style
                if style is None:
                    value = _from_excel(number)
                elif "%" in style:
                    value = f"{round(number * 100, 10)!r}%"
                else:
                    value = number
            elif kind == "s":
                value = strings[int(raw)]
            elif kind == "b":
                value = "TRUE" if int(raw) else "FALSE"
            elif kind in ("str", "e"):
                value = raw
            else:
                raise Unsupported(f"cell type {kind!r}")
        if at > len(cells) + 1:
            cells.extend([""] * (at - len(cells) - 1))
        cells.append(value)
    return cells
