"""Refuse a workbook before the spreadsheet library parses it, when it would cost too much.

An .xlsx is a zip of XML parts. The library holds the shared-string table in memory whole,
and each sheet as a full grid of its used range: a 5 KB workbook with one cell in A1 and
one in XFD1048576 asks for a grid of 17 billion cells (the process dies), and an 800 KB
workbook of a million tiny rows takes seconds and hundreds of MB. :func:`check_workbook`
reads what the zip *declares* (:mod:`zipfile` never inflates a part beyond its declared
size, so the declaration is binding) and scans each sheet's XML for its row and cell tags
in bounded memory, stopping at the first limit passed, so any workbook is read or refused
within seconds.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple
from xml.parsers.expat import ExpatError, ParserCreate
from zipfile import ZipFile

from gl_plan.errors import Code
from gl_plan.i18n import Foreign, Message, Msg, _
from gl_plan.limits import (
    MAX_XLSX_CELLS,
    MAX_XLSX_DIRECTORY_BYTES,
    MAX_XLSX_EXPANDED_BYTES,
    MAX_XLSX_PART_BYTES,
    MAX_XLSX_ROWS,
    MAX_XLSX_SHARED_STRINGS_BYTES,
)

_CONTENT_TYPES = "[Content_Types].xml"
SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
#: The workbook part, where the spreadsheet library looks for it.
WORKBOOK = "xl/workbook.xml"
#: Parts read by these fixed names, whole.
_FIXED_PARTS = ("xl/styles.xml", "xl/theme/theme1.xml", "docProps/core.xml", "docProps/app.xml")
_REL = "/relationships/"

_TOO_LARGE = Code.FILE_TOO_LARGE
_ADVICE = _("split it, save it as CSV, or check that this is the right file")
#: An .xlsx's zip directory, and another zipped workbook's, over the limit.
_DIRECTORY = _(
    "the workbook's zip directory is {size:,} bytes; at most {limit:,} bytes are read (a "
    "workbook lists a few dozen parts; {advice})"
)
_DIRECTORY_ZIP = _(
    "the workbook's zip directory is {size:,} bytes; at most {limit:,} bytes are read ({advice})"
)


class Refusal(NamedTuple):
    """Why a workbook is not opened: a problem code and a message."""

    code: Code
    message: Message


def check_workbook(path: Path) -> Refusal | None:
    """Why the workbook at ``path`` must not be parsed, or None.

    Refused: a file that is not a zip or has no workbook part (``io-error``); a zip whose
    table of contents, total expanded size, shared-string table or any other part read
    whole is over its limit (``file-too-large``); sheets with more rows than
    :data:`~gl_plan.limits.MAX_XLSX_ROWS` in all (``too-many-rows``), or a sheet whose
    grid (rows × columns, counted to its last row and column) or number of cells passes
    :data:`~gl_plan.limits.MAX_XLSX_CELLS` (``too-many-cells``). Read for this: the zip's
    directory, two small XML parts (the content types and the workbook's relationships),
    and the worksheets' XML as a stream, up to the first limit passed.
    """
    try:
        if (refused := _directory_too_large(path, _DIRECTORY)) is not None:
            return refused
        with zipfile.ZipFile(path) as archive:
            return _check_archive(archive)
    # NotImplementedError: an unknown compression; RuntimeError: an encrypted part.
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        return _unopenable(exc_text(exc))


def check_zip(path: Path, kind: str) -> Refusal | None:
    """Why a zipped workbook that is not an .xlsx (an .ods, an .xlsb) must not be opened:
    its zip directory or its expanded size over the limits, or not a zip at all."""
    try:
        if (refused := _directory_too_large(path, _DIRECTORY_ZIP)) is not None:
            return refused
        with zipfile.ZipFile(path) as archive:
            total = sum(i.file_size for i in archive.infolist())
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        what = _("an OpenDocument spreadsheet") if kind == "ods" else _("an Excel workbook")
        return Refusal(
            Code.IO_ERROR,
            _("cannot open as {what}: {detail}", what=what, detail=Foreign(exc_text(exc))),
        )
    if total > MAX_XLSX_EXPANDED_BYTES:
        return _expands(total)
    return None


def exc_text(exc: BaseException) -> str:
    """``BadZipFile: File is not a zip file``: an exception as a detail of a message."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _directory_too_large(path: Path, message: Msg) -> Refusal | None:
    """The refusal (``message``, filled in) when the zip's directory is over its limit, else
    None."""
    directory = _directory_bytes(path)
    if directory is None or directory <= MAX_XLSX_DIRECTORY_BYTES:
        return None
    return Refusal(
        _TOO_LARGE,
        message.format(size=directory, limit=MAX_XLSX_DIRECTORY_BYTES, advice=_ADVICE),
    )


def _expands(total: int) -> Refusal:
    return Refusal(
        _TOO_LARGE,
        _(
            "the workbook expands to {size:,} bytes when unzipped; workbooks over "
            "{limit:,} bytes unzipped are refused ({advice})",
            size=total,
            limit=MAX_XLSX_EXPANDED_BYTES,
            advice=_ADVICE,
        ),
    )


def rels_part(part: str) -> str:
    """The name of the relationships part of ``part`` (``xl/_rels/workbook.xml.rels``)."""
    return posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")


def part_target(part: str, target: str) -> str:
    """The zip name a relationship of ``part`` leads to: an absolute target from the root,
    a relative one from ``part``'s folder."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _unopenable(why: Message) -> Refusal:
    """The workbook cannot be opened: ``why`` is a library's words, or a message."""
    message = (
        _("cannot open as {what}: {detail}", what=_("an Excel workbook"), detail=Foreign(why))
        if isinstance(why, str)
        else why
    )
    return Refusal(Code.IO_ERROR, message)


def _directory_bytes(path: Path) -> int | None:
    """The size of the zip's central directory, as :class:`zipfile.ZipFile` will read it.

    ZipFile makes an object of every entry listed there (a few hundred bytes each, however
    small the entry), so this is checked before the zip is opened.
    """
    # zipfile's own reader of the end record, so the answer is the one ZipFile acts on;
    # private, hence looked up: without it, only the expanded-size limits apply.
    end_record = getattr(zipfile, "_EndRecData", None)
    index = getattr(zipfile, "_ECD_SIZE", None)
    if end_record is None or not isinstance(index, int):
        return None
    with path.open("rb") as fh:
        record = end_record(fh)
    if not record or len(record) <= index:
        return None  # not a zip: ZipFile says so in its own words
    size = record[index]
    return size if isinstance(size, int) else None


def _check_archive(archive: ZipFile) -> Refusal | None:
    infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    if total > MAX_XLSX_EXPANDED_BYTES:
        return _expands(total)
    sizes: dict[str, int] = {}
    for info in infos:  # a name listed twice counts at its largest
        sizes[info.filename] = max(sizes.get(info.filename, 0), info.file_size)

    def oversized(name: str) -> Refusal | None:
        size = sizes.get(name, 0)
        if size <= MAX_XLSX_PART_BYTES:
            return None
        return Refusal(
            _TOO_LARGE,
            _(
                "part {part} of the workbook expands to {size:,} bytes; parts read whole "
                "(styles, relationships, the workbook itself) may be at most {limit:,} "
                "bytes ({advice})",
                part=name,
                size=size,
                limit=MAX_XLSX_PART_BYTES,
                advice=_ADVICE,
            ),
        )

    if refusal := oversized(_CONTENT_TYPES):
        return refusal
    overrides = _attributes(archive, _CONTENT_TYPES, "Override", sizes)
    workbook = WORKBOOK
    if workbook not in sizes:
        return _unopenable(
            _(
                "cannot open as an Excel workbook: a zip file without the workbook part {part}",
                part=workbook,
            )
        )
    strings = {"xl/sharedStrings.xml"} | {
        a.get("PartName", "").lstrip("/")
        for a in overrides
        if a.get("ContentType") == SHARED_STRINGS_TYPE
    }
    # The workbook's relationships lead to every other part that is read: sheets, scanned
    # below, and anything else, read whole.
    rels = rels_part(workbook)
    if refusal := oversized(rels):
        return refusal
    whole = {_CONTENT_TYPES, workbook, *_FIXED_PARTS}
    whole.update(name for name in sizes if name.lower().endswith(".rels"))
    sheets: list[str] = []
    for rel in _attributes(archive, rels, "Relationship", sizes):
        kind = rel.get("Type", "")
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        target = part_target(workbook, target)
        if kind.endswith(_REL + "sharedStrings"):
            strings.add(target)
        elif kind.endswith(_REL + "worksheet"):
            sheets.append(target)
        else:
            whole.add(target)
    for name in sorted(whole):
        if refusal := oversized(name):
            return refusal
    for name in sorted(strings - whole):
        size = sizes.get(name, 0)
        if size > MAX_XLSX_SHARED_STRINGS_BYTES:
            return Refusal(
                _TOO_LARGE,
                _(
                    "the workbook's shared-string table ({part}) expands to {size:,} "
                    "bytes; at most {limit:,} bytes are read ({advice})",
                    part=name,
                    size=size,
                    limit=MAX_XLSX_SHARED_STRINGS_BYTES,
                    advice=_ADVICE,
                ),
            )
    return _count_rows(archive, [s for s in dict.fromkeys(sheets) if s in sizes])


_PREFIX = rb"<(?:[A-Za-z_][\w.-]{0,40}:)?"
#: A row or cell element's start tag (any namespace prefix) and what follows up to the next
#: tag: its attributes. Text never holds a bare '<' (only a CDATA section could, which
#: spreadsheet programs do not write).
_ROW_TAG = re.compile(_PREFIX + rb"row[\s/>]([^<>]*)")
_CELL_ATTRIBUTES = re.compile(_PREFIX + rb"c[\s/>]([^<>]*)")
_CELL_TAG = re.compile(_PREFIX + rb"c[\s/>]")
#: A cell or row reference: ``r="XFD1048576"`` or ``r="7"``.
_REF = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Za-z]{0,3})(\d{1,9})["']""")
#: A cell's start tag with its reference.
_CELL_REF = re.compile(_PREFIX + rb"""c\s(?:[^<>]*?\s)?r\s*=\s*["']([A-Za-z]{1,3})(\d{1,9})["']""")
#: A start tag longer than this is not a spreadsheet's (theirs are under a hundred bytes).
_MAX_TAG = 1 << 16


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


class _Extent:
    """How far a sheet reaches, as the library will lay it out: its last row and column
    (rows and cells without a reference follow the previous one) and its cell count."""

    def __init__(self) -> None:
        self.rows = 0
        self.columns = 0
        self.cells = 0
        self._row = 0
        self._column = 0

    def add(self, chunk: bytes, end: int) -> None:
        """Account for the whole tags in ``chunk[:end]``, a row at a time: the cells of a
        row are counted and their references gathered by regular expressions, without a
        Python step per cell."""
        start = 0
        for row in _ROW_TAG.finditer(chunk, 0, end):
            self._cells(chunk, start, row.start())
            ref = _REF.search(row[1])
            self._row = int(ref[2]) if ref else self._row + 1
            self._column = 0
            self.rows = max(self.rows, self._row)
            start = row.end()
        self._cells(chunk, start, end)

    def _cells(self, chunk: bytes, start: int, end: int) -> None:
        """The cells in ``chunk[start:end]``, all in the current row."""
        count = len(_CELL_TAG.findall(chunk, start, end))
        if not count:
            return
        self.cells += count
        refs = _CELL_REF.findall(chunk, start, end)
        if len(refs) == count:
            self._column = _column(refs[-1][0])
            self.columns = max(self.columns, *map(_column, {letters for letters, _ in refs}))
            self.rows = max(self.rows, *map(int, {digits for _, digits in refs}))
        elif not refs:
            self._column += count
            self.columns = max(self.columns, self._column)
        else:  # some with a reference, some without: in order
            for attributes in _CELL_ATTRIBUTES.findall(chunk, start, end):
                ref = _REF.search(attributes)
                if ref and ref[1]:
                    self._column = _column(ref[1])
                    self.rows = max(self.rows, int(ref[2]))
                else:
                    self._column += 1
                self.columns = max(self.columns, self._column)
        self.rows = max(self.rows, self._row)

    def over(self, rows_before: int) -> bool:
        return (
            rows_before + self.rows > MAX_XLSX_ROWS
            or self.cells > MAX_XLSX_CELLS
            or self.rows * self.columns > MAX_XLSX_CELLS
        )


def _count_rows(archive: ZipFile, sheets: list[str]) -> Refusal | None:
    """Refuses a workbook whose sheets pass the row or cell limits, reading each sheet's
    XML in chunks up to the first limit passed (about a second at most)."""
    total = 0
    for name in sheets:
        extent = _Extent()
        carry = b""
        with archive.open(name) as fh:
            while chunk := fh.read(1 << 20):
                data = carry + chunk
                # A tag is whole when a '>' follows its '<'; an unfinished one at the end of
                # the chunk is searched again with the next chunk.
                cut = data.rfind(b"<")
                if cut < 0 or data.find(b">", cut) >= 0:
                    cut = len(data)
                extent.add(data, cut)
                carry = data[cut:]
                if len(carry) > _MAX_TAG:
                    return _unopenable(
                        _(
                            "cannot open as an Excel workbook: a tag of over {limit:,} bytes "
                            "in part {part}",
                            limit=_MAX_TAG,
                            part=name,
                        )
                    )
                if extent.over(total):
                    break
            else:
                extent.add(carry, len(carry))
        if total + extent.rows > MAX_XLSX_ROWS:
            return Refusal(
                Code.TOO_MANY_ROWS,
                _(
                    "the workbook's sheets have more than {limit:,} rows (counted to the "
                    "last row of each sheet; passed in part {part}); a workbook may have "
                    "at most {limit:,} ({advice})",
                    limit=MAX_XLSX_ROWS,
                    part=name,
                    advice=_ADVICE,
                ),
            )
        if extent.over(total):
            return Refusal(
                Code.TOO_MANY_CELLS,
                _(
                    "the sheet in part {part} of the workbook reaches row {rows:,} and "
                    "column {columns:,} ({cells:,} cells or more); a sheet may span at "
                    "most {limit:,} cells ({advice})",
                    part=name,
                    rows=extent.rows,
                    columns=extent.columns,
                    cells=extent.cells,
                    limit=MAX_XLSX_CELLS,
                    advice=_ADVICE,
                ),
            )
        total += extent.rows
    return None


def _attributes(
    archive: ZipFile, name: str, tag: str, sizes: dict[str, int]
) -> list[dict[str, str]]:
    """The attributes of every ``tag`` element of the part ``name`` (none if it is absent).

    Parsed as a stream with no tree kept; the part's size was checked by the caller. Broken
    XML ends the list where it breaks: the library will report it in its own words, and
    the checks go on with what was found.
    """
    if name not in sizes:
        return []
    found: list[dict[str, str]] = []

    def start(element: str, attributes: dict[str, str]) -> None:
        if element.rpartition(" ")[2] == tag:
            found.append(attributes)

    parser = ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    with archive.open(name) as fh, contextlib.suppress(ExpatError):
        parser.ParseFile(fh)
    return found


__all__ = ["Refusal", "check_workbook", "check_zip"]
