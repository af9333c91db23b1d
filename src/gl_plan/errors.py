"""The one error type a user must fix, the located problems it carries, and exit codes.

Every problem glplan reports about a user's files is a :class:`Problem`: a message with
the file, line, column and field it is about. Several problems travel together in a
:class:`GlplanError`; the CLI is the only place that turns one into an exit code. Any
other exception reaching the CLI is a bug in glplan and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import IntEnum, StrEnum
from typing import Any


class ExitCode(IntEnum):
    """Process exit codes, the same for every command (documented in the README)."""

    OK = 0
    #: The command ran and its findings reach the ``--fail-on`` level (or the input is invalid
    #: for ``validate``).
    FINDINGS = 1
    #: A usage error, or input that could not be read at all.
    USAGE = 2


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Problem:
    """A located message about a user's input.

    ``line`` and ``column`` are 1-based. ``field`` is a dotted path into the document
    (``actions.2.tasks.0.deadline``) or a column name in a table. ``code`` is a stable,
    machine-readable type such as ``type-error`` or ``duplicate-id``.
    """

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    severity: Severity = Severity.ERROR
    code: str = "invalid"
    sheet: str | None = None

    def location(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file if not self.sheet else f"{self.file}[{self.sheet}]")
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}" if where else what

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


@dataclass
class GlplanError(Exception):
    """Something the user must fix: one or more located problems.

    Raised by loaders and writers; never by the pure core for ordinary findings (those are
    returned as results).
    """

    problems: list[Problem] = field(default_factory=list)
    exit_code: ExitCode = ExitCode.USAGE

    @classmethod
    def single(
        cls,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        code: str = "invalid",
        exit_code: ExitCode = ExitCode.USAGE,
    ) -> GlplanError:
        problem = Problem(message, file=file, line=line, column=column, field=field, code=code)
        return cls([problem], exit_code)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
