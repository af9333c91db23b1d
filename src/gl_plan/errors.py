"""The one error type a user must fix, the located problems it carries, and exit codes.

Every problem glplan reports about a user's files is a :class:`Problem`: a message with
the file, line, column and field it is about. Several problems travel together in a
:class:`GlplanError`; the CLI is the only place that turns one into an exit code. Any
other exception reaching the CLI is a bug in glplan and keeps its traceback.

A problem quotes the user's own text (a key, a header, a cell), which may hold a newline or
be a megabyte long. Rendered, a problem is always one line of at most 2,000 characters, so
that ``file:line:col:`` parsers in CI see one finding per line:

- control characters (C0, DEL, C1, U+2028, U+2029) in the file name, field and message are
  escaped as ``\\n``, ``\\r``, ``\\t``, ``\\xNN`` or ``\\uNNNN``;
- then each part is cut to its limit (message :data:`MAX_MESSAGE_CHARS`, field
  :data:`MAX_FIELD_CHARS`, file :data:`MAX_FILE_CHARS`, sheet :data:`MAX_SHEET_CHARS`),
  ending with ``… (N more characters)`` inside the limit.

:meth:`Problem.to_dict` (JSON) cuts the message and field the same way but keeps control
characters: JSON escapes them itself, and a consumer gets the key as it was written.
Where a message lists items, :func:`quote_items` names the first ten and counts the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import IntEnum, StrEnum
from typing import Any, Final

#: The most characters of a rendered message; with the other parts' limits and the
#: severity label, a finding's line stays within 2,000 characters.
MAX_MESSAGE_CHARS: Final = 1400
MAX_FIELD_CHARS: Final = 200
MAX_FILE_CHARS: Final = 300
MAX_SHEET_CHARS: Final = 50
#: How many items :func:`quote_items` names before counting the rest.
MAX_LIST_ITEMS: Final = 10

# Everything str.splitlines() breaks a line at, and the other invisible controls.
_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` with every control character escaped: it prints as exactly one line."""
    return _CONTROL.sub(_escape, text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, saying how many were left out."""
    if len(text) <= limit:
        return text
    # The marker for the whole length is at least as long as the final one.
    keep = limit - len(_more(len(text)))
    return text[: max(keep, 0)] + _more(len(text) - keep)


def _more(n: int) -> str:
    return f"… ({n:,} more characters)"


def quote_items(items: Iterable[object], limit: int = MAX_LIST_ITEMS) -> str:
    """The items quoted and comma-separated: the first ``limit``, then ``… N more``."""
    listed = list(items)
    shown = ", ".join(repr(item) for item in listed[:limit])
    rest = len(listed) - limit
    return f"{shown} … {rest:,} more" if rest > 0 else shown


class ExitCode(IntEnum):
    """Process exit codes, the same for every command (documented in the README)."""

    OK = 0
    #: The command ran and its findings reach the ``--fail-on`` level (or the input is invalid
    #: for ``validate``).
    FINDINGS = 1
    #: A usage error, input that could not be read at all, or output that could not be
    #: written (``--output`` or standard output).
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
        """``file[sheet]:line:column``, as much of it as is known, on one line."""
        parts: list[str] = []
        if self.file:
            name = shorten(one_line(self.file), MAX_FILE_CHARS)
            if self.sheet:
                name += f"[{shorten(one_line(self.sheet), MAX_SHEET_CHARS)}]"
            parts.append(name)
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        """One line: ``file:line:column: field: message`` with the user's text escaped and
        cut (see the module's docstring)."""
        where = self.location()
        what = shorten(one_line(self.message), MAX_MESSAGE_CHARS)
        if self.field:
            what = f"{shorten(one_line(self.field), MAX_FIELD_CHARS)}: {what}"
        return f"{where}: {what}" if where else what

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        data["message"] = shorten(self.message, MAX_MESSAGE_CHARS)
        if self.field is not None:
            data["field"] = shorten(self.field, MAX_FIELD_CHARS)
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
