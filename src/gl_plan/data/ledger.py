"""The progress ledger (``data/progress.csv``): an append-only history of task reports.

Each row says what was known about one task on one date::

    date,task,status,value,note,region,reporter,metric
    2022-08-25,A9.4,completed,,县管校聘改革完成,阳朔县,阳朔县教育局,
    2026-09-30,A3.6,in_progress,18,"已建成18所,未达30所",,市教育局电教站,

- ``date``, ``task`` and ``status`` are required; ``value``, ``note``, ``region``,
  ``reporter`` and ``metric`` are optional columns, in any order. Chinese headers (日期, 任务,
  状态, 数值, 备注, 地区, 填报人, 指标) are accepted too.
- ``status`` is ``not_started``, ``in_progress`` or ``completed`` (未开始 / 进行中 / 已完成).
- ``date`` is ISO (2022-08-31); Excel's 2022/8/31, 2022.8.31 and 2022年8月31日 are read too.
- ``value`` is a non-negative number: the figure reached so far for the task's first quantity,
  or for the quantity named in ``metric``.
- ``region`` (any spelling the plan knows: code, name, short name, former name) makes the row
  a report about that region's share of the task, e.g. one of the 6 counties of 县管校聘.

The file is decoded like the indicator files (UTF-8 with or without BOM, else GB18030 with a
warning; see :mod:`gl_plan.io`). Every problem is located (file, line, column,
field); a row with an error is skipped, a row with only warnings is kept.

:func:`append_entry` checks a new entry against the plan, then appends exactly one CSV line,
keeping every earlier byte, in the file's own encoding, delimiter and line ending.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final, Literal, get_args

from gl_plan.data.headers import LEDGER_HEADERS, lookup
from gl_plan.errors import ExitCode, GlplanError, Problem, Severity
from gl_plan.io import (
    MAX_FIELD_CHARS,
    decode,
    iter_rows,
    read_input_file,
    sniff_delimiter,
)
from gl_plan.limits import MAX_LEDGER_BYTES, MAX_LEDGER_ROWS, MAX_PROBLEMS_PER_KIND
from gl_plan.plan.models import Plan, Quantity, Task, normalise_name

__all__ = [
    "COLUMNS",
    "MAX_LEDGER_BYTES",
    "MAX_LEDGER_ROWS",
    "Ledger",
    "LedgerEntry",
    "LedgerStatus",
    "append_entry",
    "parse_entry_date",
    "parse_ledger_text",
    "parse_status",
    "read_ledger",
    "suggest_task",
]

LedgerStatus = Literal["not_started", "in_progress", "completed"]
STATUSES: Final[tuple[LedgerStatus, ...]] = get_args(LedgerStatus)

#: Column order of a ledger this module creates.
COLUMNS: Final = ("date", "task", "status", "value", "note", "region", "reporter", "metric")
REQUIRED: Final = ("date", "task", "status")

_LABELS: Final[dict[str, str]] = lookup(LEDGER_HEADERS)

_STATUS_ALIASES: Final[dict[str, LedgerStatus]] = {
    "not_started": "not_started",
    "in_progress": "in_progress",
    "completed": "completed",
    "未开始": "not_started",
    "进行中": "in_progress",
    "已完成": "completed",
}

_DATE_FORMS: Final = (
    re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})/(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})\.(?P<m>[0-9]{1,2})\.(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日"),
)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One ledger row. ``region`` is a region code (``None``: the task as a whole);
    ``line`` is the physical line the row starts on (it orders entries of the same date)."""

    date: date
    task: str
    status: LedgerStatus
    value: float | None = None
    note: str = ""
    region: str | None = None
    reporter: str | None = None
    metric: str | None = None
    line: int = 0


@dataclass
class Ledger:
    """The entries read from one ledger file, in file order, and how the file was encoded."""

    path: str | None
    entries: list[LedgerEntry] = field(default_factory=list)
    encoding: str = "utf-8"
    #: The canonical column names in the file's header order (``None``: unknown column).
    columns: tuple[str | None, ...] = COLUMNS


# --------------------------------------------------------------------------- field parsers


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def parse_status(text: str) -> LedgerStatus:
    """``in_progress``, ``In progress``, ``in-progress`` and ``进行中`` all read the same.

    >>> parse_status("已完成")
    'completed'

    Raises :class:`ValueError` naming the accepted spellings.
    """
    key = re.sub(r"[\s\-]+", "_", _nfkc(text).casefold())
    status = _STATUS_ALIASES.get(key)
    if status is None:
        raise ValueError(
            f"unknown status {text!r}: use not_started, in_progress or completed "
            "(未开始, 进行中, 已完成)"
        )
    return status


def parse_entry_date(text: str) -> date:
    """An ISO date, or the 2022/8/31, 2022.8.31 and 2022年8月31日 forms Excel users type.

    >>> parse_entry_date("2022/8/31")
    datetime.date(2022, 8, 31)
    """
    value = _nfkc(text)
    for form in _DATE_FORMS:
        match = form.fullmatch(value)
        if match is not None:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError as exc:
                raise ValueError(f"impossible date {text!r}: {exc}") from None
    raise ValueError(f"not a date: {text!r} (write it as 2022-08-31)")


def parse_value(text: str) -> float:
    """A non-negative finite number (full-width digits allowed)."""
    value_text = _nfkc(text)
    try:
        value = float(value_text)
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    if value < 0:
        raise ValueError(f"must not be negative: {text!r}")
    return value


def normalise_task_id(text: str) -> str:
    return _nfkc(text).upper()


def suggest_task(text: str, plan: Plan) -> str:
    """``unknown task 'A9.8'`` plus the closest ids, for a message."""
    ids = list(plan.task_by_id)
    close = difflib.get_close_matches(normalise_task_id(text), ids, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else f" (tasks are {ids[0]}..{ids[-1]})"
    return f"unknown task {text!r}{hint}"


def _quantity(task: Task, metric: str | None) -> Quantity | None:
    if metric is None:
        return task.quantities[0] if task.quantities else None
    return next((q for q in task.quantities if q.metric == metric), None)


def _format_number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each field is in a file's rows, and how the file writes them."""

    columns: tuple[str | None, ...]
    index: dict[str, int]
    delimiter: str
    header_line: int


def _read_bytes(path: Path) -> bytes:
    return read_input_file(path, MAX_LEDGER_BYTES, "a progress ledger")


def _decode(raw: bytes, name: str, encoding: str | None) -> tuple[str, str, list[Problem]]:
    decoded = decode(raw, name, encoding)
    problems = list(decoded.problems)
    if any(p.severity is Severity.ERROR for p in problems):
        # Undecodable or binary: nothing in it can be trusted, so the file is unreadable.
        raise GlplanError(problems, ExitCode.USAGE)
    return decoded.text, decoded.encoding, problems


def _layout(
    rows: Iterator[tuple[int, list[str]]], text: str, file: str
) -> tuple[_Layout | None, list[Problem]]:
    """Find the header (the first non-blank row) and map its labels to fields."""
    problems: list[Problem] = []
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        columns: list[str | None] = []
        index: dict[str, int] = {}
        for col, cell in enumerate(cells, start=1):
            name = _LABELS.get(normalise_name(cell))
            columns.append(name)
            if not cell.strip():
                problems.append(
                    Problem(
                        "blank column label",
                        file=file,
                        line=line,
                        column=col,
                        severity=Severity.WARNING,
                        code="blank-label",
                    )
                )
            elif name is None:
                problems.append(
                    Problem(
                        f"unknown column {cell.strip()!r} is ignored "
                        f"(columns: {', '.join(COLUMNS)})",
                        file=file,
                        line=line,
                        column=col,
                        severity=Severity.WARNING,
                        code="unknown-label",
                    )
                )
            elif name in index:
                problems.append(
                    Problem(
                        f"duplicate column {cell.strip()!r}",
                        file=file,
                        line=line,
                        column=col,
                        field=name,
                        code="duplicate-label",
                    )
                )
            else:
                index[name] = col - 1
        missing = [name for name in REQUIRED if name not in index]
        if missing:
            looks_like_data = bool(cells) and _is_date(cells[0])
            why = (
                f"the first line is data, not a header; add the header line {','.join(COLUMNS)}"
                if looks_like_data
                else f"missing required column(s) {', '.join(missing)}"
            )
            problems.append(Problem(why, file=file, line=line, code="missing-label"))
            return None, problems
        if any(p.code == "duplicate-label" for p in problems):
            return None, problems
        delimiter = sniff_delimiter(text[:4096])
        return _Layout(tuple(columns), index, delimiter, line), problems
    return None, problems


def _is_date(text: str) -> bool:
    try:
        parse_entry_date(text)
    except ValueError:
        return False
    return True


def parse_ledger_text(
    text: str, plan: Plan, *, file: str = "<ledger>"
) -> tuple[list[LedgerEntry], list[Problem], tuple[str | None, ...]]:
    """Parse decoded ledger text: entries, located problems, and the header's columns.

    An empty text is an empty ledger (with a warning); a text whose header lacks a required
    column gives one error and no entries. At most :data:`MAX_PROBLEMS_PER_KIND` problems of
    one kind are listed, then a count of the rest. A text of more than
    :data:`MAX_LEDGER_ROWS` rows raises :class:`GlplanError` (exit code 2).
    """
    entries, problems, columns = _parse_ledger_text(text, plan, file)
    return entries, _capped(problems, file), columns


def _capped(problems: list[Problem], file: str) -> list[Problem]:
    """The first problems of each kind, then one line counting the rest of that kind: a
    column of bad values gives one message per row otherwise."""
    counts: dict[tuple[str, Severity], int] = {}
    kept: list[Problem] = []
    for p in problems:
        key = (p.code, p.severity)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= MAX_PROBLEMS_PER_KIND:
            kept.append(p)
    for (code, severity), n in counts.items():
        if n > MAX_PROBLEMS_PER_KIND:
            kept.append(
                Problem(
                    f"... and {n - MAX_PROBLEMS_PER_KIND:,} more {code} problems not listed",
                    file=file,
                    severity=severity,
                    code=code,
                )
            )
    return kept


def _parse_ledger_text(
    text: str, plan: Plan, file: str
) -> tuple[list[LedgerEntry], list[Problem], tuple[str | None, ...]]:
    rows = iter_rows(text, sniff_delimiter(text[:4096]))
    problems: list[Problem] = []
    try:
        layout, header_problems = _layout(rows, text, file)
    except csv.Error as exc:
        return [], [Problem(f"unreadable CSV: {exc}", file=file, line=1, code="csv-error")], ()
    problems.extend(header_problems)
    if layout is None:
        if not header_problems:
            problems.append(
                Problem(
                    f"empty ledger: no header line ({','.join(COLUMNS)})",
                    file=file,
                    severity=Severity.WARNING,
                    code="empty",
                )
            )
        return [], problems, ()

    entries: list[LedgerEntry] = []
    seen: dict[tuple[str, ...], int] = {}
    line = layout.header_line
    count = 0
    try:
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            count += 1
            if count > MAX_LEDGER_ROWS:
                raise _too_many_rows(file, line)
            entry, row_problems = _parse_row(line, cells, layout, plan, file)
            problems.extend(row_problems)
            if entry is None:
                continue
            key = tuple(c.strip() for c in cells)
            if key in seen:
                problems.append(
                    Problem(
                        f"duplicate of the row on line {seen[key]}",
                        file=file,
                        line=line,
                        severity=Severity.WARNING,
                        code="duplicate-row",
                    )
                )
            else:
                seen[key] = line
            entries.append(entry)
    except csv.Error as exc:
        problems.append(
            Problem(
                f"unreadable CSV after this line: {exc}", file=file, line=line, code="csv-error"
            )
        )
    return entries, problems, layout.columns


def _too_many_rows(file: str, line: int) -> GlplanError:
    return GlplanError.single(
        f"more than {MAX_LEDGER_ROWS:,} rows; a progress ledger holds at most "
        f"{MAX_LEDGER_ROWS:,} (start a new ledger file, or check that this is the right file)",
        file=file,
        line=line,
        code="too-large",
    )


def _parse_row(
    line: int, cells: list[str], layout: _Layout, plan: Plan, file: str
) -> tuple[LedgerEntry | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(name: str, message: str, code: str, severity: Severity = Severity.ERROR) -> None:
        col = layout.index.get(name)
        problems.append(
            Problem(
                message,
                file=file,
                line=line,
                column=None if col is None else col + 1,
                field=name,
                severity=severity,
                code=code,
            )
        )

    if len(cells) > len(layout.columns):
        problems.append(
            Problem(
                f"{len(cells)} cells but the header has {len(layout.columns)} "
                "(a note with a comma must be in double quotes)",
                file=file,
                line=line,
                column=len(layout.columns) + 1,
                code="extra-cell",
            )
        )
        return None, problems

    def cell(name: str) -> str:
        i = layout.index.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    fields = {name: cell(name) for name in COLUMNS}
    entry_date: date | None = None
    if not fields["date"]:
        problem("date", "missing date", "missing-cell")
    else:
        try:
            entry_date = parse_entry_date(fields["date"])
        except ValueError as exc:
            problem("date", str(exc), "type-error")
    if entry_date is not None and entry_date < plan.plan.issued:
        problem(
            "date",
            f"{entry_date} is before the plan was issued ({plan.plan.issued}); a typo?",
            "constraint-error",
            Severity.WARNING,
        )

    task: Task | None = None
    if not fields["task"]:
        problem("task", "missing task id", "missing-cell")
    else:
        task = plan.task_by_id.get(normalise_task_id(fields["task"]))
        if task is None:
            problem("task", suggest_task(fields["task"], plan), "unknown-task")

    status: LedgerStatus | None = None
    if not fields["status"]:
        problem("status", "missing status", "missing-cell")
    else:
        try:
            status = parse_status(fields["status"])
        except ValueError as exc:
            problem("status", str(exc), "type-error")

    value: float | None = None
    if fields["value"]:
        try:
            value = parse_value(fields["value"])
        except ValueError as exc:
            problem("value", str(exc), "type-error" if "number" in str(exc) else "constraint-error")

    region: str | None = None
    if fields["region"]:
        region = plan.resolve_region(fields["region"])
        if region is None:
            problem("region", f"unknown region {fields['region']!r}", "unknown-region")

    metric = fields["metric"] or None
    if task is not None:
        if metric is not None and _quantity(task, metric) is None:
            known = ", ".join(q.metric for q in task.quantities) or "none"
            problem(
                "metric",
                f"task {task.id} has no quantity {metric!r} (it has: {known})",
                "unknown-metric",
            )
        elif value is not None and not task.quantities:
            problem(
                "value",
                f"task {task.id} commits to no quantity; the value is ignored",
                "constraint-error",
                Severity.WARNING,
            )
            value = None
        qty = _quantity(task, metric)
        if (
            region is not None
            and qty is not None
            and qty.per_region
            and qty.regions
            and region not in qty.regions
        ):
            problem(
                "region",
                f"region {fields['region']!r} is not one of the regions task {task.id} names",
                "constraint-error",
                Severity.WARNING,
            )

    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    assert entry_date is not None
    assert task is not None
    assert status is not None
    return (
        LedgerEntry(
            date=entry_date,
            task=task.id,
            status=status,
            value=value,
            note=fields["note"],
            region=region,
            reporter=fields["reporter"] or None,
            metric=metric,
            line=line,
        ),
        problems,
    )


def read_ledger(
    path: str | Path, plan: Plan, *, encoding: str | None = None
) -> tuple[Ledger, list[Problem]]:
    """Read a ledger file against the plan: the valid entries and every problem, located.

    Rows with an error are left out of the ledger. A file that is missing, a folder, binary
    or undecodable raises :class:`GlplanError` with exit code 2.

    >>> ledger, problems = read_ledger("data/progress.csv", plan)  # doctest: +SKIP
    """
    p = Path(path)
    name = str(path)
    text, used, problems = _decode(_read_bytes(p), name, encoding)
    entries, more, columns = parse_ledger_text(text, plan, file=name)
    return Ledger(name, entries, used, columns or COLUMNS), [*problems, *more]


# --------------------------------------------------------------------------- appending


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
) -> LedgerEntry:
    """Check one entry against the plan and append it to the ledger as one CSV line.

    Checks (all of them, before anything is written): the task id exists; the status is one
    of the three (Chinese spellings accepted); the date is a date, not before the plan was
    issued and, when ``today`` is given, not after it; the value is a non-negative number and
    the task has a quantity for it; the metric is one of the task's quantities; the region
    is one the plan knows; the file has a column for every field given.

    Writing keeps every earlier byte: the new line goes after them (after a line break if
    the file lacked a final one), in the file's encoding (a GBK ledger stays GBK, a BOM is
    kept), delimiter and line ending, through an atomic replace so that a crash leaves the
    old file whole. A missing file is created with the header ``date,task,...,metric`` in
    UTF-8. Raises :class:`GlplanError` (exit code 2) and writes nothing on bad input.
    """
    target = Path(path)
    name = str(path)
    problems: list[Problem] = []

    def refuse(message: str, fld: str | None = None, code: str = "invalid") -> None:
        problems.append(Problem(message, field=fld, code=code))

    found = plan.task_by_id.get(normalise_task_id(task))
    if found is None:
        refuse(suggest_task(task, plan), "task", "unknown-task")

    parsed_status: LedgerStatus | None = None
    try:
        parsed_status = parse_status(status)
    except ValueError as exc:
        refuse(str(exc), "status", "type-error")

    when: date | None = None
    try:
        when = entry_date if isinstance(entry_date, date) else parse_entry_date(entry_date)
    except ValueError as exc:
        refuse(str(exc), "date", "type-error")
    if when is not None:
        if today is not None and when > today:
            refuse(f"{when} is in the future (today is {today})", "date", "constraint-error")
        if when < plan.plan.issued:
            refuse(
                f"{when} is before the plan was issued ({plan.plan.issued})",
                "date",
                "constraint-error",
            )

    number: float | None = None
    if value is not None and not (isinstance(value, str) and not value.strip()):
        try:
            number = parse_value(value) if isinstance(value, str) else parse_value(repr(value))
        except ValueError as exc:
            refuse(str(exc), "value", "type-error")

    metric = metric.strip() if metric and metric.strip() else None
    if found is not None:
        if metric is not None and _quantity(found, metric) is None:
            known = ", ".join(q.metric for q in found.quantities) or "none"
            refuse(
                f"task {found.id} has no quantity {metric!r} (it has: {known})",
                "metric",
                "unknown-metric",
            )
        elif (number is not None or metric is not None) and not found.quantities:
            refuse(
                f"task {found.id} commits to no quantity, so a value has nothing to measure",
                "value",
                "constraint-error",
            )

    code: str | None = None
    if region is not None and region.strip():
        code = plan.resolve_region(region)
        if code is None:
            refuse(f"unknown region {region!r}", "region", "unknown-region")
        elif found is not None:
            qty = _quantity(found, metric)
            if qty is not None and qty.per_region and qty.regions and code not in qty.regions:
                names = ", ".join(f"{c} {plan.region_by_code[c].name.en}" for c in qty.regions)
                refuse(
                    f"region {region!r} is not one of the regions task {found.id} names ({names})",
                    "region",
                    "constraint-error",
                )

    # The reader strips every cell; the entry returned must equal the one read back.
    note = note.strip()
    reporter = reporter.strip() if reporter and reporter.strip() else None
    for fld, text in (("note", note), ("reporter", reporter or "")):
        if len(text) > MAX_FIELD_CHARS:
            refuse(f"longer than {MAX_FIELD_CHARS:,} characters", fld, "constraint-error")
        if "\x00" in text:
            refuse("contains a NUL character", fld, "type-error")

    if problems:
        raise GlplanError([_locate(p, name) for p in problems], ExitCode.USAGE)
    assert found is not None
    assert parsed_status is not None
    assert when is not None

    values: dict[str, str] = {
        "date": when.isoformat(),
        "task": found.id,
        "status": parsed_status,
        "value": "" if number is None else _format_number(number),
        "note": note,
        # The name, not the code: the ledger is read by people; any spelling reads back.
        "region": "" if code is None else plan.region_by_code[code].name.zh,
        "reporter": reporter or "",
        "metric": metric or "",
    }
    from gl_plan.atomic import atomic_append_bytes, locked

    # One lock over read, check and write: another `progress add` running at the same
    # moment waits, then appends after this line instead of writing over it.
    with locked(target):
        extra, line = _new_bytes(target, name, values, encoding)
        atomic_append_bytes(target, extra)
    return LedgerEntry(
        date=when,
        task=found.id,
        status=parsed_status,
        value=number,
        note=note,
        region=code,
        reporter=reporter,
        metric=metric,
        line=line,
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
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _new_bytes(
    target: Path, name: str, values: dict[str, str], forced: str | None
) -> tuple[bytes, int]:
    """The bytes to append (maybe a line break, the header for a new file, the row) and the
    line the row will start on. Refuses when the file cannot take the row cleanly."""
    try:
        return _addition(target, name, values, forced)
    except csv.Error as exc:
        # A row the csv module cannot split (a field over the limit): the ledger must be
        # fixed first, or the new line might be read as part of the broken one.
        raise GlplanError.single(
            f"the ledger cannot be read: {getattr(exc, 'reason', exc)}; fix it before adding "
            "entries (nothing was written)",
            file=name,
            line=getattr(exc, "line", None),
            code="csv-error",
        ) from None


def _addition(
    target: Path, name: str, values: dict[str, str], forced: str | None
) -> tuple[bytes, int]:
    exists = target.exists()
    raw = _read_bytes(target) if exists else b""
    text, used, _ = _decode(raw, name, forced) if raw else ("", forced or "utf-8", [])
    write_encoding = _write_encoding(used)

    prefix = ""
    if text.strip():
        newline = _newline_of(text)
        layout, problems = _layout(iter_rows(text), text, name)
        if layout is None:
            errors = [p for p in problems if p.severity is Severity.ERROR] or [
                Problem("no header line", file=name, code="missing-label")
            ]
            raise GlplanError(errors, ExitCode.USAGE)
        missing = [f for f, v in values.items() if v and f not in layout.index]
        if missing:
            raise GlplanError.single(
                f"the ledger has no {', '.join(missing)} column; add it to the header line "
                "first (nothing was written)",
                file=name,
                line=layout.header_line,
                code="missing-label",
            )
        delimiter = layout.delimiter
        cells = [values.get(col, "") if col else "" for col in layout.columns]
        if not text.endswith(("\n", "\r")):
            prefix = newline
    else:
        # Empty (or BOM-only, or blank) file: start it with our header.
        newline = _newline_of(text) if text else "\n"
        delimiter = ","
        if text and not text.endswith(("\n", "\r")):
            prefix = newline
        prefix += _csv_line(list(COLUMNS), delimiter, newline)
        cells = [values[col] for col in COLUMNS]
    addition = prefix + _csv_line(cells, delimiter, newline)

    try:
        extra = addition.encode(write_encoding)
        if not raw and used == "utf-8-sig":
            extra = b"\xef\xbb\xbf" + extra
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        raise GlplanError.single(
            f"the ledger is {_encoding_name(used)} and cannot hold {bad!r}; remove it or "
            "convert the ledger to UTF-8 (nothing was written)",
            file=name,
            code="encoding-error",
        ) from None

    # Re-read the would-be file: exactly one more row, equal to ours. This catches a last
    # line that leaves a quote open, which would swallow the new row.
    before = [cells_ for _, cells_ in iter_rows(text, delimiter) if any(c.strip() for c in cells_)]
    after_rows = [
        (ln, cells_)
        for ln, cells_ in iter_rows(text + addition, delimiter)
        if any(c.strip() for c in cells_)
    ]
    if len(before) > MAX_LEDGER_ROWS:  # the header line plus the limit
        raise GlplanError.single(
            f"the ledger already holds {MAX_LEDGER_ROWS:,} rows, the most a ledger may hold; "
            "start a new ledger file (nothing was written)",
            file=name,
            code="too-large",
        )
    expected = len(before) + (0 if text.strip() else 1) + 1
    # The reader sniffs the delimiter itself; it must find the one the row was written with.
    resniffed = sniff_delimiter((text + addition)[:4096])
    if len(after_rows) != expected or after_rows[-1][1] != cells or resniffed != delimiter:
        raise GlplanError.single(
            "the ledger's last line is incomplete (an unclosed double quote?); fix it before "
            "adding entries (nothing was written)",
            file=name,
            code="csv-error",
        )
    return extra, after_rows[-1][0]


def _write_encoding(used: str) -> str:
    if used == "utf-8-sig":
        return "utf-8"  # the BOM is already at the start of the file
    if used == "gb18030":
        # Excel on Chinese Windows reads GBK (code page 936); GB18030's four-byte forms, which
        # GBK lacks, would show as garbage there, so they are refused instead.
        return "gbk"
    return used


def _encoding_name(used: str) -> str:
    return {"gb18030": "GBK", "utf-8-sig": "UTF-8", "utf-8": "UTF-8"}.get(used, used)
