"""Appending checked entries to a ledger (``glplan progress add`` and ``progress import``).

:func:`check_entry` checks one new entry against the plan (the same check for an option on
the command line and for a row of a sheet); :func:`append_entries` appends checked entries
as CSV lines in one write, keeping every earlier byte, in the file's own encoding,
delimiter and line ending; :func:`append_entry` is the two for one entry. The read, the
check of the file and the write happen under one lock (:func:`gl_plan.locking.locked`), so
that concurrent writers each keep the other's lines.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Final

from gl_plan import limits
from gl_plan.atomic import atomic_append_bytes
from gl_plan.decoding import MAX_FIELD_CHARS, iter_rows, require_text_encoding, sniff_delimiter
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Foreign, Join, Message, Msg, _
from gl_plan.ledger.model import (
    COLUMNS,
    LedgerEntry,
    LedgerStatus,
    OutOfRange,
    column_name,
    normalise_task_id,
    parse_entry_date,
    parse_status,
    parse_value,
    quantity_for,
    reason,
    suggest_task,
)
from gl_plan.ledger.read import (
    decode_ledger,
    header_layout,
    parse_ledger_text,
    read_ledger_bytes,
)
from gl_plan.locking import locked
from gl_plan.numbers import format_number
from gl_plan.plan.models import Plan, Task

__all__ = [
    "TARGET_FACTOR",
    "Appended",
    "append_entries",
    "append_entry",
    "check_entry",
    "same_report",
]

#: A value more than this many times its quantity's target is refused unless forced: 1010
#: reported against 30 schools is a typo for 10 or 101, and would count the task as done.
TARGET_FACTOR: Final = 10


def check_entry(
    plan: Plan,
    *,
    task: str,
    status: str,
    entry_date: date | str,
    value: float | str | None = None,
    note: str = "",
    region: str | None = None,
    reporter: str | None = None,
    metric: str | None = None,
    today: date | None = None,
    force: bool = False,
) -> tuple[LedgerEntry | None, list[Problem]]:
    """Check one would-be entry against the plan: the entry (``line`` 0), or its problems.

    The one check of a new entry, for ``progress add`` (one entry from the options) and
    ``progress import`` (one per row of a sheet). Every problem is collected, each naming
    its field (a ledger column) and no file: the caller locates it. Checks: the task id
    exists; the status is one of the three (Chinese spellings accepted); the date is a
    date, not before the plan was issued and, when ``today`` is given, not after it; the
    value is a non-negative number up to :data:`~gl_plan.ledger.model.MAX_VALUE`, the task
    has a quantity for it and, unless ``force``, the value is at most :data:`TARGET_FACTOR`
    times that quantity's target (its value, or the top of its range); the metric is one of
    the task's quantities; the region is one the plan knows (and one the quantity names);
    the note and the reporter fit a cell.
    """
    problems: list[Problem] = []

    def refuse(message: Message, fld: str | None = None, code: Code = Code.INVALID) -> None:
        problems.append(
            Problem(message, field=None if fld is None else column_name(fld), code=code)
        )

    found = plan.task_by_id.get(normalise_task_id(task))
    if found is None:
        refuse(suggest_task(task, plan), "task", Code.UNKNOWN_TASK)

    parsed_status: LedgerStatus | None = None
    try:
        parsed_status = parse_status(status)
    except ValueError as exc:
        refuse(reason(exc), "status", Code.TYPE_ERROR)

    when: date | None = None
    try:
        when = entry_date if isinstance(entry_date, date) else parse_entry_date(entry_date)
    except ValueError as exc:
        refuse(reason(exc), "date", Code.TYPE_ERROR)
    if when is not None:
        if today is not None and when > today:
            refuse(
                _("{date} is in the future (today is {today})", date=when, today=today),
                "date",
                Code.CONSTRAINT_ERROR,
            )
        if when < plan.plan.issued:
            refuse(
                _(
                    "{date} is before the plan was issued ({issued})",
                    date=when,
                    issued=plan.plan.issued,
                ),
                "date",
                Code.CONSTRAINT_ERROR,
            )

    number: float | None = None
    if value is not None and not (isinstance(value, str) and not value.strip()):
        try:
            number = parse_value(value) if isinstance(value, str) else parse_value(repr(value))
        except ValueError as exc:
            refuse(
                reason(exc),
                "value",
                Code.CONSTRAINT_ERROR if isinstance(exc, OutOfRange) else Code.TYPE_ERROR,
            )

    metric = metric.strip() if metric and metric.strip() else None
    if found is not None:
        if metric is not None and quantity_for(found, metric) is None:
            known = Join(tuple(q.metric for q in found.quantities))
            refuse(
                _(
                    "task {task} has no quantity {metric!r} (it has: {known})",
                    task=found.id,
                    metric=metric,
                    known=known if found.quantities else _("none"),
                ),
                "metric",
                Code.UNKNOWN_METRIC,
            )
        elif (number is not None or metric is not None) and not found.quantities:
            refuse(
                _(
                    "task {task} commits to no quantity, so a value has nothing to measure",
                    task=found.id,
                ),
                "value",
                Code.CONSTRAINT_ERROR,
            )
        elif number is not None and not force:
            implausible = _beyond_target(found, metric, number)
            if implausible:
                refuse(implausible, "value", Code.CONSTRAINT_ERROR)

    code: str | None = None
    if region is not None and region.strip():
        code = plan.resolve_region(region)
        if code is None:
            refuse(_("unknown region {name!r}", name=region), "region", Code.UNKNOWN_REGION)
        elif found is not None:
            qty = quantity_for(found, metric)
            if qty is not None and qty.per_region and qty.regions and code not in qty.regions:
                names = [(c, plan.region_by_code[c].name) for c in qty.regions]
                refuse(
                    _(
                        "region {name!r} is not one of the regions task {task} names ({names})",
                        name=region,
                        task=found.id,
                        names=Join(tuple(_("{code} {name}", code=c, name=n) for c, n in names)),
                    ),
                    "region",
                    Code.CONSTRAINT_ERROR,
                )

    # The reader strips every cell; the entry returned must equal the one read back.
    note = note.strip()
    reporter = reporter.strip() if reporter and reporter.strip() else None
    for fld, text in (("note", note), ("reporter", reporter or "")):
        if len(text) > MAX_FIELD_CHARS:
            refuse(
                _("longer than {limit:,} characters", limit=MAX_FIELD_CHARS),
                fld,
                Code.CONSTRAINT_ERROR,
            )
        if "\x00" in text:
            refuse(_("contains a NUL character"), fld, Code.TYPE_ERROR)

    if problems:
        return None, problems
    assert found is not None
    assert parsed_status is not None
    assert when is not None
    entry = LedgerEntry(
        date=when,
        task=found.id,
        status=parsed_status,
        value=number,
        note=note,
        region=code,
        reporter=reporter,
        metric=metric,
    )
    return entry, []


def append_entry(
    path: str | Path,
    plan: Plan,
    *,
    task: str,
    status: str,
    entry_date: date | str,
    value: float | str | None = None,
    note: str = "",
    region: str | None = None,
    reporter: str | None = None,
    metric: str | None = None,
    today: date | None = None,
    encoding: str | None = None,
    force: bool = False,
) -> LedgerEntry:
    """Check one entry against the plan (:func:`check_entry`) and append it to the ledger
    as one CSV line (:func:`append_entries`); the entry returned carries its line.

    Raises :class:`GlplanError` (exit code 2) and writes nothing on bad input, every
    problem listed and located in the ledger file.
    """
    encoding = require_text_encoding(encoding)  # a text encoding, or exit 2 before anything
    entry, problems = check_entry(
        plan,
        task=task,
        status=status,
        entry_date=entry_date,
        value=value,
        note=note,
        region=region,
        reporter=reporter,
        metric=metric,
        today=today,
        force=force,
    )
    if entry is None:
        raise GlplanError([_locate(p, str(path)) for p in problems], ExitCode.USAGE)
    return append_entries(path, plan, [entry], encoding=encoding).added[0]


@dataclass(frozen=True)
class Appended:
    """What :func:`append_entries` did: the entries written (each with its line) and
    those left out because the ledger already holds them (with the line that does)."""

    added: list[LedgerEntry]
    duplicates: list[tuple[LedgerEntry, int]] = field(default_factory=list)


def same_report(entry: LedgerEntry) -> tuple[object, ...]:
    """What makes two entries the same report (everything but the line): a sheet sent
    back twice gives the same entries again."""
    return (
        entry.date,
        entry.task,
        entry.status,
        entry.value,
        entry.note,
        entry.region,
        entry.reporter,
        entry.metric,
    )


def append_entries(
    path: str | Path,
    plan: Plan,
    entries: Sequence[LedgerEntry],
    *,
    encoding: str | None = None,
    skip_duplicates: bool = False,
    write: bool = True,
) -> Appended:
    """Append checked entries (from :func:`check_entry`) to the ledger, in one write.

    Writing keeps every earlier byte: the new lines go after them (after a line break if
    the file lacked a final one), in the file's encoding (a GBK ledger stays GBK, a BOM is
    kept), delimiter and line ending, appended in place in one write (the file keeps its
    inode and hard links; a write that fails part way is cut back, see
    :func:`gl_plan.atomic.atomic_append_bytes`), so that all of them are added or none. A
    missing file is created with the header ``date,task,...,metric`` in UTF-8. The read,
    the checks of the file and the write are under the ledger's lock
    (:func:`gl_plan.locking.locked`).

    ``skip_duplicates``: an entry equal to one the ledger already holds
    (:func:`same_report`) is not written but listed in :attr:`Appended.duplicates`.
    ``write=False`` does everything but the write (``progress import --dry-run``). Raises
    :class:`GlplanError` (exit code 2), writing nothing, when the file cannot take the rows
    cleanly (a read-only file, a missing column, a broken last line, an encoding that
    cannot hold a character).
    """
    target = Path(path)
    name = str(path)
    # One lock over read, check and write: another `progress add` running at the same
    # moment waits, then appends after these lines instead of writing over them.
    with locked(target):
        existing = _read_existing(target, name, encoding)
        held: dict[tuple[object, ...], int] = {}
        if skip_duplicates and existing.text.strip():
            for old in parse_ledger_text(existing.text, plan, file=name)[0]:
                held.setdefault(same_report(old), old.line)
        fresh: list[LedgerEntry] = []
        duplicates: list[tuple[LedgerEntry, int]] = []
        for entry in entries:
            line = held.get(same_report(entry))
            if line is None:
                fresh.append(entry)
            else:
                duplicates.append((entry, line))
        if not fresh:
            return Appended([], duplicates)
        rows = [_cells_of(entry, plan) for entry in fresh]
        extra, lines = _new_bytes(existing, name, rows)
        if write:
            atomic_append_bytes(target, extra)
    added = [replace(entry, line=line) for entry, line in zip(fresh, lines, strict=True)]
    return Appended(added, duplicates)


def _cells_of(entry: LedgerEntry, plan: Plan) -> dict[str, str]:
    """An entry's ledger cells, by column."""
    return {
        "date": entry.date.isoformat(),
        "task": entry.task,
        "status": entry.status,
        "value": "" if entry.value is None else format_number(entry.value),
        "note": entry.note,
        # The name, not the code: the ledger is read by people; any spelling reads back.
        "region": "" if entry.region is None else plan.region_by_code[entry.region].name.zh,
        "reporter": entry.reporter or "",
        "metric": entry.metric or "",
    }


def _beyond_target(task: Task, metric: str | None, number: float) -> Msg | None:
    """Why ``number`` is implausible for the quantity it measures, or None. A target below 1
    counts as 1, so that a quantity of 0 still allows small values."""
    qty = quantity_for(task, metric)
    if qty is None:
        return None
    target = qty.max if qty.max is not None else qty.goal
    if number <= TARGET_FACTOR * max(target, 1.0):
        return None
    return _(
        "{value} is more than {factor} times the target of task {task} ({target} {unit}): "
        "a typo? If it is right, add it again with --force",
        value=format_number(number),
        factor=TARGET_FACTOR,
        task=task.id,
        target=format_number(target),
        unit=qty.unit,
    )


def _locate(problem: Problem, file: str) -> Problem:
    return Problem(problem.message, file=file, field=problem.field, code=problem.code)


def _csv_line(cells: list[str], delimiter: str, newline: str) -> str:
    out = io.StringIO()
    # The writer quotes a field holding any character of its line terminator; with "\n"
    # alone a bare "\r" would go out unquoted and end the row early when read back.
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
    return out.getvalue().removesuffix("\r\n") + newline


def _newline_of(text: str) -> str:
    """The file's own line ending, from its first line break: CRLF (Windows), LF, or CR
    alone (old Mac Excel's "CSV (Macintosh)")."""
    first = re.search(r"\r\n?|\n", text)
    return first[0] if first else "\n"


@dataclass(frozen=True)
class _Existing:
    """The ledger as it is: its bytes, their text and the encoding they were read in."""

    raw: bytes
    text: str
    encoding: str


def _read_existing(target: Path, name: str, forced: str | None) -> _Existing:
    raw = read_ledger_bytes(target) if target.exists() else b""
    text, used, _problems = decode_ledger(raw, name, forced) if raw else ("", forced or "utf-8", [])
    return _Existing(raw, text, used)


def _new_bytes(
    existing: _Existing, name: str, rows: list[dict[str, str]]
) -> tuple[bytes, list[int]]:
    """The bytes to append (maybe a line break, the header for a new file, the rows) and
    the line each row will start on. Refuses when the file cannot take the rows cleanly."""
    try:
        return _addition(existing, name, rows)
    except csv.Error as exc:
        # A row the csv module cannot split (a field over the limit): the ledger must be
        # fixed first, or the new line might be read as part of the broken one.
        raise GlplanError.single(
            _(
                "the ledger cannot be read: {reason}; fix it before adding entries (nothing "
                "was written)",
                reason=Foreign(str(getattr(exc, "reason", exc))),
            ),
            file=name,
            line=getattr(exc, "line", None),
            code=Code.CSV_ERROR,
        ) from None


def _addition(
    existing: _Existing, name: str, rows: list[dict[str, str]]
) -> tuple[bytes, list[int]]:
    raw, text, used = existing.raw, existing.text, existing.encoding
    write_encoding = _write_encoding(used, raw)

    prefix = ""
    if text.strip():
        newline = _newline_of(text)
        layout, problems = header_layout(iter_rows(text), text, name)
        if layout is None:
            errors = [p for p in problems if p.severity is Severity.ERROR] or [
                Problem(_("no header line"), file=name, code=Code.MISSING_LABEL)
            ]
            raise GlplanError(errors, ExitCode.USAGE)
        given = {f for values in rows for f, v in values.items() if v}
        missing = [f for f in COLUMNS if f in given and f not in layout.index]
        if missing:
            raise GlplanError.single(
                _(
                    "the ledger has no {names} column; add it to the header line first "
                    "(nothing was written)",
                    names=Join(tuple(column_name(f) for f in missing)),
                ),
                file=name,
                line=layout.header_line,
                code=Code.MISSING_LABEL,
            )
        delimiter = layout.delimiter
        cells = [[values.get(col, "") if col else "" for col in layout.columns] for values in rows]
        if not text.endswith(("\n", "\r")):
            prefix = newline
    else:
        # Empty (or BOM-only, or blank) file: start it with our header.
        newline = _newline_of(text) if text else "\n"
        delimiter = ","
        if text and not text.endswith(("\n", "\r")):
            prefix = newline
        prefix += _csv_line(list(COLUMNS), delimiter, newline)
        cells = [[values[col] for col in COLUMNS] for values in rows]
    addition = prefix + "".join(_csv_line(row, delimiter, newline) for row in cells)

    try:
        extra = addition.encode(write_encoding)
        if not raw and used == "utf-8-sig":
            extra = b"\xef\xbb\xbf" + extra
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        raise GlplanError.single(
            _(
                "the ledger is {encoding} and cannot hold {char!r}; remove it or convert "
                "the ledger to UTF-8 (nothing was written)",
                encoding=_encoding_name(used),
                char=bad,
            ),
            file=name,
            code=Code.ENCODING_ERROR,
        ) from None

    # Re-read the would-be file: exactly the new rows more, equal to ours. This catches a
    # last line that leaves a quote open, which would swallow the new rows.
    before = [cells_ for _, cells_ in iter_rows(text, delimiter) if any(c.strip() for c in cells_)]
    after_rows = [
        (ln, cells_)
        for ln, cells_ in iter_rows(text + addition, delimiter)
        if any(c.strip() for c in cells_)
    ]
    if len(before) + len(rows) > limits.MAX_LEDGER_ROWS + 1:  # the header line plus the limit
        raise GlplanError.single(
            _(
                "the ledger already holds {limit:,} rows, the most a ledger may hold; "
                "start a new ledger file (nothing was written)",
                limit=limits.MAX_LEDGER_ROWS,
            ),
            file=name,
            code=Code.TOO_LARGE,
        )
    expected = len(before) + (0 if text.strip() else 1) + len(rows)
    # The reader sniffs the delimiter itself; it must find the one the rows were written with.
    resniffed = sniff_delimiter((text + addition)[:4096])
    written = after_rows[len(after_rows) - len(rows) :]
    if len(after_rows) != expected or [c for _, c in written] != cells or resniffed != delimiter:
        raise GlplanError.single(
            _(
                "the ledger's last line is incomplete (an unclosed double quote?); fix it "
                "before adding entries (nothing was written)",
            ),
            file=name,
            code=Code.CSV_ERROR,
        )
    return extra, [ln for ln, _ in written]


def _write_encoding(used: str, raw: bytes) -> str:
    """The codec for the new bytes: the file's encoding without a second BOM."""
    if used in ("utf-16", "utf-32") and raw:
        # The file's BOM says its byte order; the plain codec would write another BOM.
        little = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE))
        return f"{used}-{'le' if little else 'be'}"
    if used == "utf-8-sig":
        return "utf-8"  # the BOM is already at the start of the file
    if used == "gb18030":
        # Excel on Chinese Windows reads GBK (code page 936); GB18030's four-byte forms, which
        # GBK lacks, would show as garbage there, so they are refused instead.
        return "gbk"
    return used


def _encoding_name(used: str) -> str:
    return {"gb18030": "GBK", "utf-8-sig": "UTF-8", "utf-8": "UTF-8"}.get(used, used)
