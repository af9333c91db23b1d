"""Decode the CSV files counties send, whatever Excel saved them as, and split them into rows.

Order of attempts (DOMAIN.md section 5): UTF-8 with BOM, UTF-8, then GB18030 (a superset of
GBK, which Excel on Chinese Windows writes). UTF-8 goes first because many UTF-8 files also
decode as GB18030; a Latin-1 file decodes as GB18030 into nonsense without an error, so a
GB18030 result that looks like mojibake is reported as a warning naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from gl_plan.errors import Problem, Severity

#: What a CSV row may hold at the most, so a hostile file cannot make one field eat memory.
MAX_FIELD_CHARS = 10_000

_GZIP = b"\x1f\x8b"
_ZIP = b"PK\x03\x04"
_BINARY_SIGNATURES = {
    _GZIP: "gzip-compressed data",
    _ZIP: "a ZIP archive (an .xlsx saved with the wrong name?)",
    b"%PDF": "a PDF document",
    b"\xd0\xcf\x11\xe0": "an old Excel .xls/OLE file (save it as .xlsx or .csv)",
}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    problems: tuple[Problem, ...] = ()


def _looks_like_mojibake(text: str) -> bool:
    """Latin-1 bytes read as GB18030 give rare CJK and private-use characters; real Chinese
    county files are mostly common characters (CJK Unified Ideographs, ASCII, CJK punctuation)."""
    odd = 0
    wide = 0
    for ch in text[:20_000]:
        code = ord(ch)
        if code < 0x80:
            continue
        wide += 1
        common = (
            0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
            or 0x3000 <= code <= 0x303F  # CJK punctuation
            or 0xFF00 <= code <= 0xFFEF  # full-width forms
            or code in (0x00B7, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00D7)
        )
        if not common:
            odd += 1
    return wide > 0 and odd / wide > 0.2


def binary_kind(head: bytes) -> str | None:
    """What a file is, when its first bytes say it is not text."""
    for sig, what in _BINARY_SIGNATURES.items():
        if head.startswith(sig):
            return what
    if b"\x00" in head[:4096]:
        return "binary data"
    return None


def decode(raw: bytes, file: str, forced: str | None = None) -> Decoded:
    """Decode a text file; raise nothing, report what happened as problems.

    A forced encoding that fails or a file that is binary gives an ``encoding-error`` problem
    and empty text.
    """
    kind = binary_kind(raw[:4096])
    if kind is not None:
        return Decoded(
            "",
            "binary",
            (Problem(f"not a text file: {kind}", file=file, code="encoding-error"),),
        )
    if forced is not None:
        try:
            codecs.lookup(forced)
        except LookupError:
            return Decoded(
                "", forced, (Problem(f"unknown encoding {forced!r}", file=file, code="usage"),)
            )
        try:
            text = raw.decode(forced)
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            return Decoded(
                "",
                forced,
                (
                    Problem(
                        f"cannot be decoded as {forced}: {exc.reason}",
                        file=file,
                        line=line,
                        code="encoding-error",
                    ),
                ),
            )
        return Decoded(text.removeprefix("\ufeff"), forced)
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(raw[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Decoded(
            "",
            "unknown",
            (
                Problem(
                    "cannot be decoded as UTF-8 or GB18030; pass --encoding",
                    file=file,
                    line=line,
                    code="encoding-error",
                ),
            ),
        )
    if _looks_like_mojibake(text):
        warn = Problem(
            "not UTF-8; read as GB18030 but the text looks garbled (a Latin-1 or other file?); "
            "check the values or pass --encoding",
            file=file,
            severity=Severity.WARNING,
            code="encoding-error",
        )
    else:
        warn = Problem(
            "not UTF-8: read as GB18030 (GBK), as Excel on Chinese Windows saves it",
            file=file,
            severity=Severity.WARNING,
            code="encoding",
        )
    return Decoded(text, "gb18030", (warn,))


def sniff_delimiter(sample: str) -> str:
    """Comma unless the header line clearly uses tabs, semicolons or full-width commas."""
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";", "，")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def iter_rows(text: str, delimiter: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, cells)``: the 1-based physical line each row starts on.

    Quoted fields may span lines; the line reported is where the row begins. A field over
    :data:`MAX_FIELD_CHARS` raises :class:`csv.Error`, which callers report as a problem.
    """
    delim = delimiter or sniff_delimiter(text[:4096])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False)
    start = 1
    for row in reader:
        yield start, row
        start = reader.line_num + 1


# Keep the csv module's own limit in step with ours.
csv.field_size_limit(MAX_FIELD_CHARS)
