"""Decode the CSV files counties send, whatever Excel saved them as, and split them into rows.

Order of attempts: UTF-8 with BOM, UTF-8, then GB18030 (a superset of
GBK, which Excel on Chinese Windows writes), and as a last resort Latin-1 (which decodes any
bytes) with a warning. UTF-8 goes first because many UTF-8 files also
decode as GB18030; a Latin-1 file decodes as GB18030 into nonsense without an error, so a
GB18030 result that looks like mojibake is reported as a warning naming the file.

``--encoding`` forces one, from the text encodings in :data:`TEXT_ENCODINGS` (Python's
codecs also include ``base64``, ``zlib`` and ``unicode_escape``, which are not how a
spreadsheet program saves a CSV); UTF-16 and UTF-32 need a byte-order mark, or the
``-le``/``-be`` name that says the byte order.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import itertools
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final, TextIO

from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Foreign, Message, _
from gl_plan.limits import MAX_FIELD_CHARS

__all__ = [
    "CHUNK_BYTES",
    "MAX_FIELD_CHARS",
    "TEXT_ENCODINGS",
    "Decoded",
    "Detected",
    "RowError",
    "binary_kind",
    "decode",
    "detect_encoding",
    "iter_rows",
    "not_a_file",
    "os_reason",
    "read_at_most",
    "require_text_encoding",
    "sniff_delimiter",
    "text_encoding",
]

#: The encodings ``--encoding`` accepts, by the name Python's codec registry gives them
#: (any alias works: ``latin-1``, ``cp936``, ``UTF8``): the Unicode forms, the Chinese
#: code pages (mainland and Big5), and the Western ones a Latin-1 guess stands for.
TEXT_ENCODINGS: Final = frozenset(
    {
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "gb18030",
        "gbk",
        "gb2312",
        "big5",
        "big5hkscs",
        "cp950",
        "iso8859-1",
        "cp1252",
        "ascii",
    }
)
#: Encodings whose byte order comes from the byte-order mark at the start of the file.
_NEEDS_BOM: Final = {
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}


_GZIP = b"\x1f\x8b"
_ZIP = b"PK\x03\x04"
_BINARY_SIGNATURES = {
    _GZIP: _("gzip-compressed data"),
    _ZIP: _("a ZIP archive (an .xlsx saved with the wrong name?)"),
    b"%PDF": _("a PDF document"),
    b"\xd0\xcf\x11\xe0": _("an Excel 97-2003 workbook (name it .xls to have it read as one)"),
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


def binary_kind(head: bytes) -> Message | None:
    """What a file is, when its first bytes say it is not text."""
    for sig, what in _BINARY_SIGNATURES.items():
        if head.startswith(sig):
            return what
    if b"\x00" in head[:4096]:
        return _("binary data")
    return None


@dataclass(frozen=True, slots=True)
class Detected:
    """The encoding a file will be read with (``"binary"`` or ``"unknown"`` when it cannot be)."""

    encoding: str
    problems: tuple[Problem, ...] = ()

    @property
    def readable(self) -> bool:
        return self.encoding not in ("binary", "unknown") and not any(
            p.severity is Severity.ERROR for p in self.problems
        )


#: How much is read at a time while checking an encoding, so a large file is never held whole.
CHUNK_BYTES = 1 << 20
#: How much decoded text the mojibake heuristic looks at.
_SAMPLE_CHARS = 20_000


def _validate(fh: BinaryIO, encoding: str) -> tuple[str, UnicodeDecodeError | None, int]:
    """Decode the whole stream chunk by chunk, keeping only a sample of the text.

    Returns the sample, the first decoding error (if any) and the 1-based line it is on.
    """
    fh.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    sample: list[str] = []
    kept = 0
    lines_before = 0
    while True:
        chunk = fh.read(CHUNK_BYTES)
        final = not chunk
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            return "".join(sample), exc, lines_before + chunk[: max(exc.start, 0)].count(b"\n") + 1
        except UnicodeError as exc:  # a codec's own complaint (UTF-16 without its BOM)
            error = UnicodeDecodeError(encoding, chunk, 0, 0, str(exc))
            return "".join(sample), error, lines_before + 1
        if kept < _SAMPLE_CHARS and text:
            sample.append(text[: _SAMPLE_CHARS - kept])
            kept += len(sample[-1])
        if final:
            return "".join(sample), None, 0
        lines_before += chunk.count(b"\n")


def detect_encoding(fh: BinaryIO, file: str, forced: str | None = None) -> Detected:
    """Find how to decode a seekable binary stream without holding it in memory.

    UTF-8 with BOM, UTF-8, GB18030, Latin-1 (module docstring); ``forced`` is checked the
    same way. Raises nothing: a binary file, an unknown forced encoding or bytes the forced
    encoding cannot decode give an error and an unreadable result; anything but UTF-8 gives
    a warning.
    """
    fh.seek(0)
    codec = text_encoding(forced) if forced is not None else ""
    # UTF-16 and UTF-32 text is full of NUL bytes: forced, it is not taken for binary.
    wide = isinstance(codec, str) and codec.startswith(("utf-16", "utf-32"))
    kind = None if wide else binary_kind(fh.read(4096))
    if kind is not None:
        return Detected(
            "binary",
            (
                Problem(
                    _("not a text file: {kind}", kind=kind), file=file, code=Code.ENCODING_ERROR
                ),
            ),
        )
    if forced is not None:
        if not isinstance(codec, str):
            return Detected("unknown", (Problem(codec, file=file, code=Code.USAGE),))
        fh.seek(0)
        head = fh.read(4)
        if codec in _NEEDS_BOM and not head.startswith(_NEEDS_BOM[codec]) and head:
            no_bom = _(
                "the file does not start with a {encoding} byte-order mark: give "
                "{encoding}-le or {encoding}-be",
                encoding=forced,
            )
            return Detected(
                "unknown", (Problem(no_bom, file=file, line=1, code=Code.ENCODING_ERROR),)
            )
        # Python's utf-8 codec keeps a BOM as U+FEFF; utf-8-sig drops it, as a reader expects.
        name = "utf-8-sig" if codec == "utf-8" else codec
        _text, error, line = _validate(fh, name)
        if error is not None:
            return Detected(
                "unknown",
                (
                    Problem(
                        _(
                            "cannot be decoded as {encoding}: {reason}",
                            encoding=forced,
                            reason=Foreign(str(error.reason)),
                        ),
                        file=file,
                        line=line,
                        code=Code.ENCODING_ERROR,
                    ),
                ),
            )
        return Detected(name)
    fh.seek(0)
    has_bom = fh.read(3) == codecs.BOM_UTF8
    _text, error, _line = _validate(fh, "utf-8")
    if error is None:
        return Detected("utf-8-sig" if has_bom else "utf-8")
    sample, error, _line = _validate(fh, "gb18030")
    if error is not None:
        # Latin-1 maps every byte, so the file is read; the warning says the text may be wrong.
        return Detected(
            "latin-1",
            (
                Problem(
                    _(
                        "neither UTF-8 nor GB18030: read as Latin-1, so any Chinese text "
                        "in it is garbled; check the values or pass --encoding",
                    ),
                    file=file,
                    severity=Severity.WARNING,
                    code=Code.ENCODING_ERROR,
                ),
            ),
        )
    if _looks_like_mojibake(sample):
        warn = Problem(
            _(
                "not UTF-8; read as GB18030 but the text looks garbled (a Latin-1 or "
                "other file?); check the values or pass --encoding",
            ),
            file=file,
            severity=Severity.WARNING,
            code=Code.ENCODING_ERROR,
        )
    else:
        # A note, not a warning: GBK is how Excel on Chinese Windows saves a CSV, so a
        # clean GBK file is as good as a UTF-8 one (and `--fail-on warning` passes it).
        warn = Problem(
            _("not UTF-8: read as GB18030 (GBK), as Excel on Chinese Windows saves it"),
            file=file,
            severity=Severity.INFO,
            code=Code.ENCODING,
        )
    return Detected("gb18030", (warn,))


def text_encoding(name: str) -> str | Message:
    """The codec name of ``name`` when it is one of :data:`TEXT_ENCODINGS` (any alias),
    else the message that says why not: unknown, or not a text encoding glplan reads."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return _("unknown encoding {encoding!r}", encoding=name)
    if not getattr(codec, "_is_text_encoding", True) or codec.name not in TEXT_ENCODINGS:
        return _(
            "{encoding!r} is not a text encoding glplan reads; use one of utf-8, "
            "utf-8-sig, gb18030, gbk, gb2312, big5, utf-16 or utf-32 (with a byte-order "
            "mark, or -le/-be), latin-1, cp1252, ascii",
            encoding=name,
        )
    return codec.name


def require_text_encoding(name: str | None) -> str | None:
    """:func:`text_encoding`, raising the usage error (exit 2) when ``name`` is refused."""
    if name is None:
        return None
    codec = text_encoding(name)
    if not isinstance(codec, str):
        raise GlplanError.single(codec, code=Code.USAGE)
    return codec


def decode(raw: bytes, file: str, forced: str | None = None) -> Decoded:
    """Decode a text file held in memory; raise nothing, report what happened as problems.

    A forced encoding that fails or a file that is binary gives an ``encoding-error`` problem
    and empty text. Large files are better read with :func:`detect_encoding` and a stream.
    """
    detected = detect_encoding(io.BytesIO(raw), file, forced)
    if not detected.readable:
        return Decoded("", detected.encoding, detected.problems)
    return Decoded(raw.decode(detected.encoding), detected.encoding, detected.problems)


#: Leading blank lines looked through to find the header line the delimiter is sniffed on.
_SNIFF_LINES = 100


class RowError(csv.Error):
    """A row the csv module cannot split (a field over the limit), with the line it starts on."""

    def __init__(self, message: Message, line: int) -> None:
        super().__init__(f"line {line}: {message}")
        self.reason = message
        self.line = line


_FIELD_LIMIT = re.compile(r"field larger than field limit \((\d+)\)")


def _csv_reason(text: str) -> Message:
    """The csv module's reason, in the user's language where it is one glplan knows."""
    if m := _FIELD_LIMIT.fullmatch(text):
        return _("field larger than field limit ({limit})", limit=int(m.group(1)))
    return Foreign(text, _("malformed CSV"))


def sniff_delimiter(sample: str) -> str:
    """Comma unless the header line clearly uses tabs, semicolons or full-width commas.

    The header line is the first line that is not blank: a leading line holding only a tab
    or spaces says nothing about the delimiter.
    """
    first = next((line for line in sample.split("\n") if line.strip()), "")
    counts = {d: first.count(d) for d in (",", "\t", ";", "，")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def iter_rows(text: str | TextIO, delimiter: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, cells)``: the 1-based physical line each row starts on.

    ``text`` is a string or a text stream opened with ``newline=""`` (read line by line, so a
    large file is never held whole). Quoted fields may span lines; the line reported is where
    the row begins. A field over :data:`MAX_FIELD_CHARS` raises :class:`RowError` (a
    :class:`csv.Error` carrying the line), which callers report as a problem.
    """
    stream: TextIO = io.StringIO(text, newline="") if isinstance(text, str) else text
    head: list[str] = []
    # The delimiter is sniffed on the first non-blank line, looking a bounded way ahead.
    while len(head) < _SNIFF_LINES:
        line = stream.readline()
        if not line:
            break
        head.append(line)
        if line.strip():
            break
    delim = delimiter or sniff_delimiter(head[-1] if head else "")
    reader = csv.reader(itertools.chain(head, stream), delimiter=delim, strict=False)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RowError(_csv_reason(str(exc)), start) from None


def not_a_file(path: Path | str) -> Message | None:
    """Why ``path`` cannot be read as a file, when it is something other than a regular
    file or a folder; None otherwise (a missing path included: callers say so their way).

    Checked before a file is opened: opening a FIFO waits for a writer forever, and a
    device or a socket never holds a county's data. A symlink loop is named as such rather
    than as a missing file.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _("is a symlink loop, not a regular file") if exc.errno == errno.ELOOP else None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return _("is a FIFO (named pipe), not a regular file")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a regular file")
    return _("is not a regular file")


#: What the operating system's reasons for not reading a file mean, in glplan's words: the
#: English shows the system's own words, another language these.
_OS_REASONS = {
    errno.EACCES: _("no permission to read"),
    errno.EPERM: _("no permission to read"),
    errno.ENOENT: _("the file does not exist"),
    errno.EISDIR: _("is a folder"),
    errno.EBUSY: _("the file is in use by another program"),
    errno.EIO: _("an input/output error while reading (a failing disk or network drive?)"),
}
_OS_OTHER = _("the operating system reported an error")


def os_reason(exc: OSError, reason: object = None) -> Message:
    """Why the operating system could not read a file: in English ``reason`` (by default
    the system's own words, ``Permission denied``), in Chinese ``没有读取权限``."""
    said = exc.strerror or exc if reason is None else reason
    return Foreign(str(said), _OS_REASONS.get(exc.errno or 0, _OS_OTHER))


def read_at_most(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, but never more than ``limit + 1`` of them.

    A caller that gets more than ``limit`` bytes knows the file is over its limit without
    having read it whole: ``/dev/zero`` or a file still growing cannot exhaust memory, which
    a size check before reading cannot promise. Raises :class:`OSError`.
    """
    chunks: list[bytes] = []
    left = limit + 1
    with path.open("rb") as fh:
        while left > 0:
            chunk = fh.read(min(left, CHUNK_BYTES))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    return b"".join(chunks)


def read_input_file(
    path: Path, limit: int, what: Message, *, too_large_exit: ExitCode = ExitCode.USAGE
) -> bytes:
    """A user's input file's bytes, refused with a located :class:`GlplanError` when it is
    missing, unreadable, a folder, not a regular file (a FIFO, a device, a socket, a
    symlink loop), or over ``limit`` bytes (``what`` names the kind of file in the
    messages: "a plan", "a progress ledger", or a :class:`~gl_plan.errors.Msg`).

    Bounded even when the size on disk is no guide (a file still growing).
    """
    name = str(path)
    if isinstance(what, str):
        what = _KINDS.get(what, what)
    if (why := not_a_file(path)) is not None:
        raise GlplanError.single(why, file=name, code=Code.NOT_A_FILE)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise GlplanError.single(_("no such file"), file=name, code=Code.NOT_FOUND) from None
    except OSError as exc:
        raise GlplanError.single(_cannot_read(exc, exc.strerror), file=name) from None
    if path.is_dir():
        raise GlplanError.single(_("is a folder, not {what} file", what=what), file=name)

    def too_large(amount: Message) -> GlplanError:
        return GlplanError.single(
            _(
                "{amount}; {what} is at most {limit:,} bytes",
                amount=amount,
                what=what,
                limit=limit,
            ),
            file=name,
            code=Code.TOO_LARGE,
            exit_code=too_large_exit,
        )

    if size > limit:
        raise too_large(_("file is {size:,} bytes", size=size))
    try:
        raw = read_at_most(path, limit)
    except OSError as exc:
        raise GlplanError.single(_cannot_read(exc, exc.strerror or exc), file=name) from None
    if len(raw) > limit:
        raise too_large(_("more than {limit:,} bytes", limit=limit))
    return raw


#: The kinds of file callers name, in both languages.
_KINDS: dict[str, Message] = {
    "a plan": _("a plan"),
    "a progress ledger": _("a progress ledger"),
    "a check's JSON": _("a check's JSON"),
}


def _cannot_read(exc: OSError, reason: object) -> Message:
    """``cannot read: Permission denied``; ``reason`` as the English has always said it."""
    return _("cannot read: {reason}", reason=os_reason(exc, str(reason)))


# Keep the csv module's own limit in step with ours.
csv.field_size_limit(MAX_FIELD_CHARS)
