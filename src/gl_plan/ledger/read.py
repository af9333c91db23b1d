"""Reading a ledger file against the plan: the valid entries and every problem, located.

The file is decoded like the indicator files (UTF-8 with or without BOM, else GB18030 with a
warning; see :mod:`gl_plan.decoding`). Every problem is located (file, line, column, field); a row
with an error is skipped, a row with only warnings is kept. The header spellings are those
of :data:`gl_plan.data.headers.LEDGER_HEADERS`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from gl_plan import limits
from gl_plan.data.headers import LEDGER_HEADERS, lookup
from gl_plan.decoding import decode, iter_rows, read_input_file, sniff_delimiter
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.i18n import Foreign, Join, Message, _
from gl_plan.ledger.model import (
    COLUMNS,
    REQUIRED,
    Ledger,
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
from gl_plan.names import normalise_name
from gl_plan.plan.models import Plan, Task

__all__ = [
    "Layout",
    "decode_ledger",
    "header_layout",
    "parse_ledger_text",
    "read_ledger",
    "read_ledger_bytes",
]

_LABELS: Final[dict[str, str]] = lookup(LEDGER_HEADERS)
#: The header line a ledger needs, in the user's language: ``date,task,...`` / ``日期,任务,...``.
_HEADER: Final = Join(tuple(column_name(c) for c in COLUMNS), ",")


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each field is in a file's rows, and how the file writes them (the appender
    writes its row the same way)."""

    columns: tuple[str | None, ...]
    index: dict[str, int]
    delimiter: str
    header_line: int


def read_ledger_bytes(path: Path) -> bytes:
    """The file's bytes, refused (exit 2) over :data:`~gl_plan.limits.MAX_LEDGER_BYTES`."""
    return read_input_file(path, limits.MAX_LEDGER_BYTES, "a progress ledger")


def decode_ledger(raw: bytes, name: str, encoding: str | None) -> tuple[str, str, list[Problem]]:
    """Text, encoding used and decoding warnings; an undecodable file raises (exit 2)."""
    decoded = decode(raw, name, encoding)
    problems = list(decoded.problems)
    if any(p.severity is Severity.ERROR for p in problems):
        # Undecodable or binary: nothing in it can be trusted, so the file is unreadable.
        raise GlplanError(problems, ExitCode.USAGE)
    return decoded.text, decoded.encoding, problems


def header_layout(
    rows: Iterator[tuple[int, list[str]]], text: str, file: str
) -> tuple[Layout | None, list[Problem]]:
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
                        _("blank column label"),
                        file=file,
                        line=line,
                        column=col,
                        severity=Severity.WARNING,
                        code=Code.BLANK_LABEL,
                    )
                )
            elif name is None:
                problems.append(
                    Problem(
                        _(
                            "unknown column {name!r} is ignored (columns: {columns})",
                            name=cell.strip(),
                            columns=Join(tuple(column_name(c) for c in COLUMNS)),
                        ),
                        file=file,
                        line=line,
                        column=col,
                        severity=Severity.WARNING,
                        code=Code.UNKNOWN_LABEL,
                    )
                )
            elif name in index:
                problems.append(
                    Problem(
                        _("duplicate column {name!r}", name=cell.strip()),
                        file=file,
                        line=line,
                        column=col,
                        field=column_name(name),
                        code=Code.DUPLICATE_LABEL,
                    )
                )
            else:
                index[name] = col - 1
        missing = [name for name in REQUIRED if name not in index]
        if missing:
            looks_like_data = bool(cells) and _is_date(cells[0])
            why = (
                _(
                    "the first line is data, not a header; add the header line {header}",
                    header=_HEADER,
                )
                if looks_like_data
                else _(
                    "missing required column(s) {names}",
                    names=Join(tuple(column_name(m) for m in missing)),
                )
            )
            problems.append(Problem(why, file=file, line=line, code=Code.MISSING_LABEL))
            return None, problems
        if any(p.code is Code.DUPLICATE_LABEL for p in problems):
            return None, problems
        delimiter = sniff_delimiter(text[:4096])
        return Layout(tuple(columns), index, delimiter, line), problems
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
    column gives one error and no entries. At most
    :data:`~gl_plan.limits.MAX_PROBLEMS_PER_KIND` problems of one kind are listed, then a count
    of the rest. A text of more than
    :data:`~gl_plan.limits.MAX_LEDGER_ROWS` rows raises :class:`GlplanError` (exit code 2).
    """
    entries, problems, columns = _parse_ledger_text(text, plan, file)
    return entries, _capped(problems, file), columns


def _capped(problems: list[Problem], file: str) -> list[Problem]:
    """The first problems of each kind, then one line counting the rest of that kind: a
    column of bad values gives one message per row otherwise."""
    counts: dict[tuple[Code, Severity], int] = {}
    kept: list[Problem] = []
    for p in problems:
        key = (p.code, p.severity)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= limits.MAX_PROBLEMS_PER_KIND:
            kept.append(p)
    for (code, severity), n in counts.items():
        if n > limits.MAX_PROBLEMS_PER_KIND:
            kept.append(
                Problem(
                    _(
                        "... and {n:,} more {code} problems not listed",
                        n=n - limits.MAX_PROBLEMS_PER_KIND,
                        code=Foreign(str(code)),
                    ),
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
        layout, header_problems = header_layout(rows, text, file)
    except csv.Error as exc:
        unreadable = _("unreadable CSV: {detail}", detail=Foreign(str(exc)))
        return [], [Problem(unreadable, file=file, line=1, code=Code.CSV_ERROR)], ()
    problems.extend(header_problems)
    if layout is None:
        if not header_problems:
            problems.append(
                Problem(
                    _("empty ledger: no header line ({header})", header=_HEADER),
                    file=file,
                    severity=Severity.WARNING,
                    code=Code.EMPTY,
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
            if count > limits.MAX_LEDGER_ROWS:
                raise _too_many_rows(file, line)
            entry, row_problems = _parse_row(line, cells, layout, plan, file)
            problems.extend(row_problems)
            if entry is None:
                continue
            key = tuple(c.strip() for c in cells)
            if key in seen:
                problems.append(
                    Problem(
                        _("duplicate of the row on line {line}", line=seen[key]),
                        file=file,
                        line=line,
                        severity=Severity.WARNING,
                        code=Code.DUPLICATE_ROW,
                    )
                )
            else:
                seen[key] = line
            entries.append(entry)
    except csv.Error as exc:
        problems.append(
            Problem(
                _("unreadable CSV after this line: {detail}", detail=Foreign(str(exc))),
                file=file,
                line=line,
                code=Code.CSV_ERROR,
            )
        )
    return entries, problems, layout.columns


def _too_many_rows(file: str, line: int) -> GlplanError:
    return GlplanError.single(
        _(
            "more than {limit:,} rows; a progress ledger holds at most {limit:,} (start a "
            "new ledger file, or check that this is the right file)",
            limit=limits.MAX_LEDGER_ROWS,
        ),
        file=file,
        line=line,
        code=Code.TOO_LARGE,
    )


def _parse_row(
    line: int, cells: list[str], layout: Layout, plan: Plan, file: str
) -> tuple[LedgerEntry | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(
        name: str, message: Message, code: Code, severity: Severity = Severity.ERROR
    ) -> None:
        col = layout.index.get(name)
        problems.append(
            Problem(
                message,
                file=file,
                line=line,
                column=None if col is None else col + 1,
                field=column_name(name),
                severity=severity,
                code=code,
            )
        )

    if len(cells) > len(layout.columns):
        problems.append(
            Problem(
                _(
                    "{cells} cells but the header has {header} (a note with a comma must "
                    "be in double quotes)",
                    cells=len(cells),
                    header=len(layout.columns),
                ),
                file=file,
                line=line,
                column=len(layout.columns) + 1,
                code=Code.EXTRA_CELL,
            )
        )
        return None, problems

    def cell(name: str) -> str:
        i = layout.index.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    fields = {name: cell(name) for name in COLUMNS}
    entry_date: date | None = None
    if not fields["date"]:
        problem("date", _("missing date"), Code.MISSING_CELL)
    else:
        try:
            entry_date = parse_entry_date(fields["date"])
        except ValueError as exc:
            problem("date", reason(exc), Code.TYPE_ERROR)
    if entry_date is not None and entry_date < plan.plan.issued:
        problem(
            "date",
            _(
                "{date} is before the plan was issued ({issued}); a typo?",
                date=entry_date,
                issued=plan.plan.issued,
            ),
            Code.CONSTRAINT_ERROR,
            Severity.WARNING,
        )

    task: Task | None = None
    if not fields["task"]:
        problem("task", _("missing task id"), Code.MISSING_CELL)
    else:
        task = plan.task_by_id.get(normalise_task_id(fields["task"]))
        if task is None:
            problem("task", suggest_task(fields["task"], plan), Code.UNKNOWN_TASK)

    status: LedgerStatus | None = None
    if not fields["status"]:
        problem("status", _("missing status"), Code.MISSING_CELL)
    else:
        try:
            status = parse_status(fields["status"])
        except ValueError as exc:
            problem("status", reason(exc), Code.TYPE_ERROR)

    value: float | None = None
    if fields["value"]:
        try:
            value = parse_value(fields["value"])
        except ValueError as exc:
            code = Code.CONSTRAINT_ERROR if isinstance(exc, OutOfRange) else Code.TYPE_ERROR
            problem("value", reason(exc), code)

    region: str | None = None
    if fields["region"]:
        region = plan.resolve_region(fields["region"])
        if region is None:
            problem(
                "region", _("unknown region {name!r}", name=fields["region"]), Code.UNKNOWN_REGION
            )

    metric = fields["metric"] or None
    if task is not None:
        if metric is not None and quantity_for(task, metric) is None:
            problem(
                "metric",
                _no_metric(task, metric),
                Code.UNKNOWN_METRIC,
            )
        elif value is not None and not task.quantities:
            problem(
                "value",
                _("task {task} commits to no quantity; the value is ignored", task=task.id),
                Code.CONSTRAINT_ERROR,
                Severity.WARNING,
            )
            value = None
        qty = quantity_for(task, metric)
        if (
            region is not None
            and qty is not None
            and qty.per_region
            and qty.regions
            and region not in qty.regions
        ):
            problem(
                "region",
                _(
                    "region {name!r} is not one of the regions task {task} names",
                    name=fields["region"],
                    task=task.id,
                ),
                Code.CONSTRAINT_ERROR,
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


def _no_metric(task: Task, metric: str) -> Message:
    """``task A3.6 has no quantity 'x' (it has: schools)``."""
    known = Join(tuple(q.metric for q in task.quantities)) if task.quantities else None
    return _(
        "task {task} has no quantity {metric!r} (it has: {known})",
        task=task.id,
        metric=metric,
        known=known or _("none"),
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
    text, used, problems = decode_ledger(read_ledger_bytes(p), name, encoding)
    entries, more, columns = parse_ledger_text(text, plan, file=name)
    return Ledger(name, entries, used, columns or COLUMNS), [*problems, *more]
