"""The limits of :mod:`gl_plan.limits` that the indicator reader checks as it reads.

An .xlsx is a zip of XML parts, and openpyxl holds some of them in memory whole: a 2 MB
workbook whose shared-string table expands to 440 MB costs 20 seconds and 700 MB before
anything can be said about it. :func:`check_workbook` looks at what the zip *declares*
before openpyxl opens it (:mod:`zipfile` never inflates a part beyond its declared size, so
the declaration is binding), and counts the worksheets' rows by their tags, which takes a
second where openpyxl would take minutes. :class:`RowLimit` stops reading a file or sheet at
its row limit, so a file of millions of tiny rows fails after a bounded amount of work.

Both refuse the whole file: a file cut off at a limit never yields partial results.
"""

from __future__ import annotations

import contextlib
import itertools
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from gl_plan.errors import Problem
from gl_plan.limits import (
    MAX_INDICATOR_ROWS,
    MAX_XLSX_DIRECTORY_BYTES,
    MAX_XLSX_EXPANDED_BYTES,
    MAX_XLSX_PART_BYTES,
    MAX_XLSX_ROWS_PER_SHEET,
    MAX_XLSX_SHARED_STRINGS_BYTES,
)

if TYPE_CHECKING:
    from zipfile import ZipFile

_CONTENT_TYPES = "[Content_Types].xml"
SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
#: The workbook part's content types, in the order openpyxl looks for them.
WORKBOOK_TYPES = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
#: Parts openpyxl reads by these fixed names, whole.
_FIXED_PARTS = (
    "xl/styles.xml",
    "xl/theme/theme1.xml",
    "docProps/core.xml",
    "docProps/custom.xml",
    "docProps/app.xml",
)
_REL = "/relationships/"

_Row = TypeVar("_Row")
_TOO_LARGE = "file-too-large"
_ADVICE = "split it, save it as CSV, or check that this is the right file"


class Refusal(NamedTuple):
    """Why a workbook is not opened: a problem code and a message."""

    code: str
    message: str


def check_workbook(path: Path) -> Refusal | None:
    """Why the workbook at ``path`` must not be opened with openpyxl, or None.

    Refused: a file that is not a zip or has no workbook part (``io-error``, worded like
    openpyxl's own failures); a zip whose table of contents, total expanded size,
    shared-string table or any other part openpyxl reads whole is over its limit
    (``file-too-large``); sheets with more row elements than the row limits allow
    (``too-many-rows``). Read for this: the zip's directory, two small XML parts (the
    content types and the workbook's relationships), and the worksheets' XML, scanned for
    row tags in bounded memory.
    """
    import zipfile
    import zlib

    try:
        directory = _directory_bytes(path)
        if directory is not None and directory > MAX_XLSX_DIRECTORY_BYTES:
            return Refusal(
                _TOO_LARGE,
                f"the workbook's zip directory is {directory:,} bytes; at most "
                f"{MAX_XLSX_DIRECTORY_BYTES:,} bytes are read (a workbook lists a few dozen "
                f"parts; {_ADVICE})",
            )
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
        text = str(exc).strip()
        return _unopenable(f"{type(exc).__name__}: {text}" if text else type(exc).__name__)


def rels_part(part: str) -> str:
    """The name of the relationships part of ``part`` (``xl/_rels/workbook.xml.rels``)."""
    return posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")


def part_target(part: str, target: str) -> str:
    """The zip name a relationship of ``part`` leads to: an absolute target from the root,
    a relative one from ``part``'s folder."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _unopenable(why: str) -> Refusal:
    return Refusal("io-error", f"cannot open as an Excel workbook: {why}")


def _directory_bytes(path: Path) -> int | None:
    """The size of the zip's central directory, as :class:`zipfile.ZipFile` will read it.

    ZipFile makes an object of every entry listed there (a few hundred bytes each, however
    small the entry), so this is checked before the zip is opened.
    """
    import zipfile

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
        return Refusal(
            _TOO_LARGE,
            f"the workbook expands to {total:,} bytes when unzipped; workbooks over "
            f"{MAX_XLSX_EXPANDED_BYTES:,} bytes unzipped are refused ({_ADVICE})",
        )
    sizes: dict[str, int] = {}
    for info in infos:  # a name listed twice counts at its largest
        sizes[info.filename] = max(sizes.get(info.filename, 0), info.file_size)

    def oversized(name: str) -> Refusal | None:
        size = sizes.get(name, 0)
        if size <= MAX_XLSX_PART_BYTES:
            return None
        return Refusal(
            _TOO_LARGE,
            f"part {name} of the workbook expands to {size:,} bytes; parts read whole "
            f"(styles, relationships, the workbook itself) may be at most "
            f"{MAX_XLSX_PART_BYTES:,} bytes ({_ADVICE})",
        )

    if refusal := oversized(_CONTENT_TYPES):
        return refusal
    overrides = _attributes(archive, _CONTENT_TYPES, "Override", sizes)
    declared = {
        a.get("ContentType", ""): a.get("PartName", "").lstrip("/") for a in reversed(overrides)
    }
    workbook = next((declared[t] for t in WORKBOOK_TYPES if t in declared), "xl/workbook.xml")
    if workbook not in sizes:
        return _unopenable(f"a zip file without the workbook part {workbook}")
    strings = {"xl/sharedStrings.xml"} | {
        a.get("PartName", "").lstrip("/")
        for a in overrides
        if a.get("ContentType") == SHARED_STRINGS_TYPE
    }
    # The workbook's relationships lead openpyxl to every other part it reads: sheets it
    # streams, external links and chart sheets it reads whole.
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
                f"the workbook's shared-string table ({name}) expands to {size:,} bytes; "
                f"at most {MAX_XLSX_SHARED_STRINGS_BYTES:,} bytes are read ({_ADVICE})",
            )
    return _count_rows(archive, [s for s in dict.fromkeys(sheets) if s in sizes])


#: A row element's start tag, with any namespace prefix. Text never holds a bare '<' (only a
#: CDATA section could, which spreadsheet programs do not write).
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,40}:)?row[\s/>]")
_ROW_TAG_MAX = 48


def _count_rows(archive: ZipFile, sheets: list[str]) -> Refusal | None:
    """Refuses a workbook whose sheets have more row elements than the row limits allow.

    Counting tags in the inflated XML takes about a second for the largest workbook
    allowed, where openpyxl would take minutes to reach the limit row by row. Rows that
    openpyxl makes up for gaps in the numbering are caught by :class:`RowLimit` instead.
    """
    total = 0
    for name in sheets:
        rows = 0
        carry = b""
        with archive.open(name) as fh:
            while chunk := fh.read(1 << 20):
                data = carry + chunk
                # A tag holds one '<', so the tags before the last '<' near the end are whole;
                # from there on, the text is searched again with the next chunk.
                cut = data.rfind(b"<", max(len(data) - _ROW_TAG_MAX, 0))
                if cut < 0:
                    cut = len(data)
                rows += len(_ROW_TAG.findall(data, 0, cut))
                carry = data[cut:]
                if rows > MAX_XLSX_ROWS_PER_SHEET or total + rows > MAX_INDICATOR_ROWS:
                    break
            else:
                rows += len(_ROW_TAG.findall(carry))
        total += rows
        if rows > MAX_XLSX_ROWS_PER_SHEET:
            return Refusal(
                "too-many-rows",
                f"the sheet in part {name} of the workbook has more than "
                f"{MAX_XLSX_ROWS_PER_SHEET:,} rows, the most a sheet may have ({_ADVICE})",
            )
        if total > MAX_INDICATOR_ROWS:
            return Refusal(
                "too-many-rows",
                f"the workbook's sheets have more than {MAX_INDICATOR_ROWS:,} rows; an "
                f"indicator file may have at most {MAX_INDICATOR_ROWS:,} ({_ADVICE})",
            )
    return None


def _attributes(
    archive: ZipFile, name: str, tag: str, sizes: dict[str, int]
) -> list[dict[str, str]]:
    """The attributes of every ``tag`` element of the part ``name`` (none if it is absent).

    Parsed as a stream with no tree kept; the part's size was checked by the caller. Broken
    XML ends the list where it breaks: openpyxl will report it in its own words, and the
    checks go on with what was found.
    """
    from xml.parsers.expat import ExpatError, ParserCreate

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


class TooManyRows(Exception):
    """Raised from inside the rows of a file or sheet when they pass a limit."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class RowLimit:
    """Caps the rows read from one file: :data:`~gl_plan.limits.MAX_INDICATOR_ROWS` in all
    and :data:`~gl_plan.limits.MAX_XLSX_ROWS_PER_SHEET` in each sheet of a workbook.

    Rows are counted as read (header, title and blank rows included), and the first row
    past a limit raises :class:`TooManyRows`, so nothing beyond it is read.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.left = MAX_INDICATOR_ROWS

    def rows(
        self, rows: Iterable[tuple[int, _Row]], sheet: str | None = None
    ) -> Iterator[tuple[int, _Row]]:
        """``rows`` (pairs of line number and cells) up to the limit; a CSV file without
        ``sheet`` pays no more than :func:`itertools.islice` for each row."""
        it = iter(rows)
        if sheet is None:
            limit = self.left
            yield from itertools.islice(it, limit)
            for line, _ in it:
                raise TooManyRows(self.problem(line, None))
            return
        per_sheet = self.left > MAX_XLSX_ROWS_PER_SHEET
        limit = min(MAX_XLSX_ROWS_PER_SHEET, self.left)
        for row in it:
            if limit == 0:
                raise TooManyRows(self.problem(row[0], sheet, per_sheet=per_sheet))
            limit -= 1
            self.left -= 1
            yield row

    def problem(self, line: int | None, sheet: str | None, *, per_sheet: bool = False) -> Problem:
        """The problem for a file (or, with ``per_sheet``, a sheet) over its row limit."""
        if per_sheet:
            what = (
                f"sheet {sheet!r} has more than {MAX_XLSX_ROWS_PER_SHEET:,} rows, the most "
                "a sheet may have"
            )
        else:
            what = (
                f"more than {MAX_INDICATOR_ROWS:,} rows; an indicator file may have at most "
                f"{MAX_INDICATOR_ROWS:,}"
            )
        return Problem(
            f"{what} ({_ADVICE}); reading stopped and none of the file's rows are used",
            file=self.file,
            line=line,
            code="too-many-rows",
            sheet=sheet,
        )

    def check_count(self, rows: int) -> Problem | None:
        """The problem for a file already read whole, ``rows`` rows in all, or None."""
        if rows <= self.left:
            return None
        return self.problem(None, None)


__all__ = ["Refusal", "RowLimit", "TooManyRows", "check_workbook"]
