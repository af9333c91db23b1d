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
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import IntEnum, StrEnum
from typing import Any, Final

from gl_plan.i18n import Lang, Message, Msg, _, message_text
from gl_plan.i18n.labels import label

#: The most characters of a rendered message; with the other parts' limits and the
#: severity label, a finding's line stays within 2,000 characters.
MAX_MESSAGE_CHARS: Final = 1400
MAX_FIELD_CHARS: Final = 200
MAX_FILE_CHARS: Final = 300
MAX_SHEET_CHARS: Final = 50

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


def shorten(text: str, limit: int, lang: Lang = "en") -> str:
    """``text`` cut to at most ``limit`` characters, saying (in ``lang``) how many were left
    out."""
    if len(text) <= limit:
        return text
    # The marker for the whole length is at least as long as the final one.
    keep = limit - len(_more(len(text), lang))
    return text[: max(keep, 0)] + _more(len(text) - keep, lang)


def _more(n: int, lang: Lang = "en") -> str:
    return _("… ({n:,} more characters)", n=n).text(lang)


class MessageError(ValueError):
    """A value refused with a message in both languages: ``str()`` gives the English,
    :attr:`message` both. Raised inside a pydantic validator, it reaches the loader as the
    error's ``ctx["error"]``, so the message is not flattened to pydantic's English."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message)  # str() renders it, only when asked
        self.message = message


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


class Code(StrEnum):
    """What kind of problem a :class:`Problem` is: stable, machine-readable, in the JSON.

    The table-reading codes follow frictionless (table validation); the README lists them
    all with what each means.
    """

    # Reading a file at all
    NOT_FOUND = "not-found"  #: no such file or folder
    NOT_A_FILE = "not-a-file"  #: a FIFO, device, socket or symlink loop
    IO_ERROR = "io-error"  #: the operating system could not read it, or it is damaged
    TOO_LARGE = "too-large"  #: over a size limit (see Limits)
    FILE_TOO_LARGE = "file-too-large"  #: a workbook over its byte or expansion limits
    TOO_MANY_ROWS = "too-many-rows"  #: over a row limit
    TOO_MANY_CELLS = "too-many-cells"  #: a sheet's grid over the cell limit
    TOO_DEEP = "too-deep"  #: a plan nested deeper than the limit
    EMPTY_FILE = "empty-file"  #: a 0-byte file
    EMPTY = "empty"  #: a file with nothing but blank lines or comments
    ENCODING = "encoding"  #: read in an encoding other than UTF-8 (named)
    ENCODING_ERROR = "encoding-error"  #: no encoding decodes it: binary or damaged
    CSV_ERROR = "csv-error"  #: the CSV cannot be split into rows (an open quote, a NUL)
    SOURCE_ERROR = "source-error"  #: a file glplan does not read (wrong kind, a plan as data)
    UNREADABLE_INPUT = "unreadable-input"  #: a ledger that cannot be used at all
    NOTHING_READ = "nothing-read"  #: every file was refused: nothing to report on
    MISSING_DEPENDENCY = "missing-dependency"  #: an optional library is not installed
    BUSY = "busy"  #: another glplan holds the ledger's lock
    READ_ONLY = "read-only"  #: a file without write permission is not replaced
    # The plan file
    YAML = "yaml"  #: not YAML, or a duplicate key
    YAML_ALIAS = "yaml-alias"  #: an anchor or alias (refused)
    MISSING_KEY = "missing-key"  #: a required key is missing
    UNKNOWN_KEY = "unknown-key"  #: a key the schema does not have (a misspelling?)
    INVALID = "invalid"  #: a value the schema does not accept
    CROSS_CHECK = "cross-check"  #: ids, regions and targets that do not fit together
    MORE = "more"  #: more problems than are listed
    # The shape of a table
    NO_HEADER = "no-header"  #: no row reads as a header
    BLANK_LABEL = "blank-label"  #: a header cell is empty
    DUPLICATE_LABEL = "duplicate-label"  #: two columns with the same meaning
    MISSING_LABEL = "missing-label"  #: a needed column (region, period, value) is missing
    UNKNOWN_LABEL = "unknown-label"  #: a column glplan does not know (ignored)
    EXTRA_LABEL = "extra-label"  #: a further column that is not used
    EXTRA_CELL = "extra-cell"  #: a row longer than the header
    MISSING_CELL = "missing-cell"  #: a needed cell is empty
    BLANK_ROW = "blank-row"  #: an empty row inside the table
    DUPLICATE_ROW = "duplicate-row"  #: the same row twice
    SKIPPED_ROWS = "skipped-rows"  #: title, notes, signatures and totals, not data
    CONTEXT = "context"  #: the region or period taken from the title or file name
    PERIOD_READ_AS = "period-read-as"  #: a cumulative period read as the quarter it ends
    PREVIOUS_YEAR = "previous-year"  #: a 上年同期 column, not read
    # The figures
    TYPE_ERROR = "type-error"  #: not a number, period, region or indicator
    CONSTRAINT_ERROR = "constraint-error"  #: outside the plausible range, negative, a fraction
    UNKNOWN_REGION = "unknown-region"  #: a region the plan does not have
    UNKNOWN_INDICATOR = "unknown-indicator"  #: an indicator the plan does not have
    WRONG_REGION = "wrong-region"  #: a row for another region than the file says
    INCONSISTENT_VALUE = "inconsistent-value"  #: a rate that its counts do not give
    CONFLICTING_VALUE = "conflicting-value"  #: two values for the same figure
    SUPERSEDED = "superseded"  #: a filled template replaced by a later one (a correction)
    FUTURE_PERIOD = "future-period"  #: a period that ends after the as-of date
    PERCENT_FRACTION = "percent-fraction"  #: a column of fractions read as percentages
    TOTAL_MISMATCH = "total-mismatch"  #: a total row that the rows above do not add up to
    INCOMPLETE_REPORTING = "incomplete-reporting"  #: a region missing from a period
    OUTLIER = "outlier"  #: a change far out of line with the region's others
    IMPLAUSIBLE_JUMP = "implausible-jump"  #: a change above settings.max_quarterly_change
    DENOMINATOR_JUMP = "denominator-jump"  #: a denominator that moves over 25 % in one period
    NUMERATOR_ABOVE_DENOMINATOR = "numerator-above-denominator"  #: over 100 % where it cannot be
    SWAPPED_COUNTS = "swapped-counts"  #: a rate that is plausible only inverted
    # The progress ledger
    UNKNOWN_TASK = "unknown-task"  #: a task id the plan does not have
    UNKNOWN_METRIC = "unknown-metric"  #: a quantity the task does not have
    NO_LEDGER = "no-ledger"  #: no ledger yet
    # The command line
    USAGE = "usage"  #: an option or argument the command cannot use
    FAIL_ON = "fail-on"  #: the findings that reached --fail-on
    BUNDLED = "bundled"  #: the bundled sample is in use
    BUNDLED_PLAN = "bundled-plan"  #: files given are read against the bundled plan


@dataclass(frozen=True, slots=True)
class Problem:
    """A located message about a user's input.

    ``line`` and ``column`` are 1-based. ``field`` is a dotted path into the document
    (``actions.2.tasks.0.deadline``) or a column name in a table. ``code`` is a stable,
    machine-readable type such as ``type-error`` or ``duplicate-id``.
    """

    message: Message
    file: str | None = None
    line: int | None = None
    column: int | None = None
    #: A column name or a path into a document; a :class:`Msg` where glplan names the
    #: field itself (a ledger column), so that it shows in the user's language.
    field: Message | None = None
    severity: Severity = Severity.ERROR
    code: Code = Code.INVALID
    sheet: str | None = None

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (English where it was made in English only)."""
        return message_text(self.message, lang)

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
        return self.render("en")

    def render(self, lang: Lang) -> str:
        """One line: ``file:line:column: field: message`` with the user's text escaped and
        cut (see the module's docstring), the message in ``lang``."""
        where = self.location()
        what = shorten(one_line(self.text(lang)), MAX_MESSAGE_CHARS, lang)
        if self.field:
            name = message_text(self.field, lang)
            what = f"{shorten(one_line(name), MAX_FIELD_CHARS, lang)}: {what}"
        return f"{where}: {what}" if where else what

    def label(self, lang: Lang) -> str:
        """The severity as it follows a warning or a note on screen: `` (warning)``,
        ``（警告）``; empty for an error (its colour says it)."""
        if self.severity is Severity.ERROR:
            return ""
        return _(" ({label})", label=label(self.severity.value).text(lang)).text(lang)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        data["code"] = str(self.code)
        data["message"] = shorten(str(self.message), MAX_MESSAGE_CHARS)
        if self.field is not None:
            data["field"] = shorten(str(self.field), MAX_FIELD_CHARS)
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
        message: Message,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        code: Code = Code.INVALID,
        exit_code: ExitCode = ExitCode.USAGE,
    ) -> GlplanError:
        problem = Problem(message, file=file, line=line, column=column, field=field, code=code)
        return cls([problem], exit_code)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
