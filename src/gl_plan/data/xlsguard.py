"""Refuse an Excel 97-2003 .xls whose sheets would be laid out as grids too large.

The spreadsheet library lays out every sheet of an .xls as a grid when the file is opened,
from the sheet's first cell to its last: a 14 KB file with a cell in A1 and one in IV65536
on 20 sheets took 11 GB. Before it does, it reserves room for the grid each sheet's
DIMENSIONS record declares. :func:`check_xls` reads what it needs the same way, without
making a cell: the ``Workbook`` stream out of the file's OLE2 container, the sheets listed
in the stream's first part (BOUNDSHEET records), and each sheet's DIMENSIONS and cell
records (only their row and column), stopping at the first limit passed. The file is at
most :data:`~gl_plan.limits.MAX_BINARY_WORKBOOK_BYTES`, checked before, and read whole.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from gl_plan.data.bookextent import BookExtent
from gl_plan.data.xlsxguard import Refusal, exc_text
from gl_plan.errors import Code
from gl_plan.i18n import Foreign, _

_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN: Final = 0xFFFFFFFE
_FREE: Final = 0xFFFFFFFF
_STREAM: Final = 2
#: The stream that holds the workbook (BIFF8, then BIFF5), as the library looks for it.
_WORKBOOK_STREAMS: Final = ("workbook", "book")

_EOF, _BOUNDSHEET, _DIMENSIONS = 0x000A, 0x0085, 0x0200
#: Records of one cell, with its row and column first: NUMBER, LABEL, BOOLERR, RK, LABELSST
#: and FORMULA (a formula's string result follows it, in the same cell).
_CELL_RECORDS: Final = frozenset({0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006})
_MULRK: Final = 0x00BD  # several numbers in one row: row, first column, ..., last column
#: Sheets may share records only this many times over (each sheet's are read once).
_MAX_PASSES: Final = 4


class BrokenFile(Exception):
    """The container or its records cannot be read as the library would read them."""


def check_xls(path: Path) -> Refusal | None:
    """Why the .xls at ``path`` must not be opened, or None: a damaged container or record
    list, or sheets past the row and cell limits."""
    try:
        stream = workbook_stream(path.read_bytes())
        return _check_sheets(stream)
    except BrokenFile as exc:
        detail = str(exc)
    except OSError as exc:
        detail = exc_text(exc)
    return Refusal(
        Code.IO_ERROR,
        _("cannot open as {what}: {detail}", what=_("an Excel workbook"), detail=Foreign(detail)),
    )


# ----------------------------------------------------------------------- the container


def _u32s(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4])


def workbook_stream(data: bytes) -> bytes:
    """The ``Workbook`` (or BIFF5 ``Book``) stream of an OLE2 compound file.

    Raises :class:`BrokenFile` for anything that does not lead there: a wrong signature,
    sector numbers outside the file, a chain that loops.
    """
    if len(data) < 512 or data[:8] != _SIGNATURE:
        raise BrokenFile("not an OLE2 compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise BrokenFile(f"sector sizes 2^{shift} and 2^{mini_shift}")
    size = 1 << shift
    (first_dir,) = struct.unpack_from("<I", data, 0x30)
    cutoff, first_mini_fat = struct.unpack_from("<II", data, 0x38)
    first_difat, difat_count = struct.unpack_from("<II", data, 0x44)
    sectors = (len(data) - 1) // size  # sector n starts at (n + 1) * size

    def sector(n: int) -> bytes:
        if n >= sectors:
            raise BrokenFile(f"sector {n} is past the end of the file")
        return data[(n + 1) * size : (n + 2) * size]

    fat_sectors = list(_u32s(data[0x4C:0x200]))
    next_difat = first_difat
    for _sector in range(min(difat_count, sectors)):
        if next_difat in (_END_OF_CHAIN, _FREE):
            break
        difat = _u32s(sector(next_difat))
        fat_sectors.extend(difat[:-1])
        next_difat = difat[-1]
    fat: list[int] = []
    for n in fat_sectors:
        if n not in (_FREE, _END_OF_CHAIN):
            fat.extend(_u32s(sector(n)))

    def chain(start: int, table: list[int], read: int) -> Iterator[int]:
        """The sector numbers of a chain; at most ``read`` of them (a loop is broken)."""
        n = start
        for _step in range(read):
            if n == _END_OF_CHAIN:
                return
            if n >= len(table):
                raise BrokenFile(f"sector {n} is not in the allocation table")
            yield n
            n = table[n]
        if n != _END_OF_CHAIN:
            raise BrokenFile("an allocation chain does not end")

    directory = b"".join(sector(n) for n in chain(first_dir, fat, len(fat)))
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        raise BrokenFile("no directory")
    root_start, root_size = struct.unpack_from("<II", entries[0], 116)
    for entry in entries:
        (name_bytes,) = struct.unpack_from("<H", entry, 64)
        name = entry[: max(0, min(name_bytes, 64) - 2)].decode("utf-16-le", "replace")
        if entry[66] != _STREAM or name.lower() not in _WORKBOOK_STREAMS:
            continue
        start, length = struct.unpack_from("<II", entry, 116)
        if length >= cutoff:
            body = b"".join(sector(n) for n in chain(start, fat, len(fat)))
        else:  # in the mini stream, kept in the root entry's chain in 64-byte sectors
            mini_stream = b"".join(sector(n) for n in chain(root_start, fat, len(fat)))
            mini_fat = [v for n in chain(first_mini_fat, fat, len(fat)) for v in _u32s(sector(n))]
            pieces = []
            for n in chain(start, mini_fat, len(mini_fat)):
                if (n + 1) * 64 > min(len(mini_stream), root_size):
                    raise BrokenFile(f"mini sector {n} is past the end of the mini stream")
                pieces.append(mini_stream[n * 64 : (n + 1) * 64])
            body = b"".join(pieces)
        if len(body) < length:
            raise BrokenFile(f"the {name} stream is cut short")
        return body[:length]
    raise BrokenFile("no Workbook stream")


# ----------------------------------------------------------------------- the records


def _records(stream: bytes, at: int) -> Iterator[tuple[int, int, bytes]]:
    """(offset, record type, record data) from ``at`` to the next EOF record."""
    end = len(stream)
    while at + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        if at + 4 + length > end:
            raise BrokenFile(f"a record at byte {at} runs past the end of the stream")
        yield at, kind, stream[at + 4 : at + 4 + length]
        if kind == _EOF:
            return
        at += 4 + length


def _sheets(stream: bytes) -> list[tuple[str, int]]:
    """Each BOUNDSHEET's name and the offset of its records, as the workbook lists them."""
    found: list[tuple[str, int]] = []
    for _at, kind, data in _records(stream, 0):
        if kind == _BOUNDSHEET and len(data) >= 8:
            (offset,) = struct.unpack_from("<I", data, 0)
            length = data[6]
            wide = len(data) > 7 and data[7] & 1
            raw = data[8 : 8 + length * (2 if wide else 1)]
            name = raw.decode("utf-16-le" if wide else "latin-1", "replace")
            found.append((name, offset))
    return found


def _declared(data: bytes) -> tuple[int, int]:
    """The rows and columns a DIMENSIONS record declares (BIFF8: rows in 32 bits), as the
    library reserves room for them: one cell when it declares none."""
    if len(data) >= 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", data)
    elif len(data) >= 8:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", data)
    else:
        raise BrokenFile("a DIMENSIONS record is too short")
    if last_row < 1 or last_col < 1:
        return 1, 1
    if last_row <= first_row or last_col <= first_col:
        raise BrokenFile("a DIMENSIONS record ends before it starts")
    return last_row - first_row, last_col - first_col


def _check_sheets(stream: bytes) -> Refusal | None:
    """Each sheet's declared grid, then its cells' reach, against the limits."""
    book = BookExtent()
    budget = _MAX_PASSES * len(stream)
    walked = 0
    for name, offset in _sheets(stream):
        rows = columns = 0
        for _at, kind, data in _records(stream, offset):
            walked += 4 + len(data)
            if walked > budget:
                return Refusal(
                    Code.IO_ERROR,
                    _(
                        "cannot open as an Excel 97-2003 workbook: its sheets' records "
                        "overlap (more than {times} times the file's records would be read); "
                        "the file is damaged",
                        times=_MAX_PASSES,
                    ),
                )
            if kind in _CELL_RECORDS and len(data) >= 4:
                row, column = struct.unpack_from("<HH", data)
            elif kind == _MULRK and len(data) >= 6:
                (row,) = struct.unpack_from("<H", data)
                (column,) = struct.unpack_from("<H", data, len(data) - 2)
            elif kind == _DIMENSIONS:
                if (refused := book.refusal(name, *_declared(data))) is not None:
                    return refused
                continue
            else:
                continue
            if row >= rows or column >= columns:
                rows, columns = max(rows, row + 1), max(columns, column + 1)
                if (refused := book.refusal(name, rows, columns)) is not None:
                    return refused
        if (refused := book.add(name, rows, columns)) is not None:
            return refused
    return None


__all__ = ["BrokenFile", "check_xls", "workbook_stream"]
