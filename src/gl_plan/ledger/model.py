"""What a ledger holds: entries, statuses, and the parsers of single fields.

The parsers are shared by the reader (a cell of the file) and by ``progress add`` (an
option on the command line), so that both accept and refuse the same spellings.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Final, Literal, get_args

from gl_plan.i18n import Foreign, Join, Msg, _, pgettext
from gl_plan.numbers import format_number
from gl_plan.plan.models import Plan, Quantity, Task

#: The texts once looked up as ``ledger.col.*``, by the rest of that key.
_LEDGER_COL = {
    "date": _("date"),
    "task": _("task"),
    "status": _("status"),
    "value": _("value"),
    "note": _("note"),
    "region": _("region"),
    "reporter": pgettext("ledger.col.reporter", "reporter"),
    "metric": _("metric"),
}


__all__ = [
    "COLUMNS",
    "MAX_VALUE",
    "REQUIRED",
    "STATUSES",
    "FieldError",
    "Ledger",
    "LedgerEntry",
    "LedgerStatus",
    "OutOfRange",
    "column_name",
    "normalise_task_id",
    "parse_entry_date",
    "parse_status",
    "parse_value",
    "quantity_for",
    "reason",
    "suggest_task",
]

LedgerStatus = Literal["not_started", "in_progress", "completed"]
STATUSES: Final[tuple[LedgerStatus, ...]] = get_args(LedgerStatus)

#: Column order of a ledger glplan creates.
COLUMNS: Final = ("date", "task", "status", "value", "note", "region", "reporter", "metric")
REQUIRED: Final = ("date", "task", "status")

#: The largest value a ledger entry may hold. Every quantity in the plan counts schools,
#: zones, bases, enterprises or counties, or is a percentage; a billion of any of them is a
#: typo (or ``1e308``), and keeping it would only break the progress arithmetic later.
MAX_VALUE: Final = 1e9

_STATUS_ALIASES: Final[dict[str, LedgerStatus]] = {
    "not_started": "not_started",
    "in_progress": "in_progress",
    "completed": "completed",
    "未开始": "not_started",
    "进行中": "in_progress",
    "已完成": "completed",
}

# The spellings Excel users type. ISO dates with a time (Excel writes a date cell to CSV as
# "2022-08-31 00:00:00") and the basic form 20220831 are matched by _ISO_DATE_TIME, then read
# by datetime.fromisoformat.
_DATE_FORMS: Final = (
    re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})/(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})\.(?P<m>[0-9]{1,2})\.(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日"),
)
#: An ISO 8601 date with a time (hh, hh:mm, hh:mm:ss, a fraction of a second, basic form
#: hhmmss) and an optional UTC offset (Z, ±hh, ±hh:mm, ±hhmm); or the basic form 20220831 (a
#: day, never a month alone). Nothing looser: a time such as "10:Z" is not a date.
_ISO_DATE_TIME: Final = re.compile(
    r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})[T ]"
    r"(?P<time>[0-9]{2}(?::?[0-9]{2}(?::?[0-9]{2}(?:[.,][0-9]+)?)?)?)"
    r"(?:Z|[+\-][0-9]{2}(?::?[0-9]{2})?)?"
    r"|[0-9]{8}"
)
#: 24:00 is the end of the day, that is the start of the next (ISO 8601).
_END_OF_DAY: Final = re.compile(r"24(?::?00(?::?00(?:[.,]0+)?)?)?")


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


class FieldError(ValueError):
    """A field that cannot be read; ``message`` says why in both languages (``str()`` of
    the exception is the English)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message)  # str() renders it, only when asked
        self.message = message


class OutOfRange(FieldError):
    """A number, but not one a ledger may hold (negative, or over :data:`MAX_VALUE`)."""


def reason(exc: ValueError) -> Msg | str:
    """Why a field was refused, in both languages when glplan said it."""
    return exc.message if isinstance(exc, FieldError) else str(exc)


def column_name(name: str) -> Msg:
    """A ledger column (``status``) as a field of a problem: its header in the user's
    language (状态), the canonical name in the JSON."""
    return _LEDGER_COL[name]


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def parse_status(text: str) -> LedgerStatus:
    """``in_progress``, ``In progress``, ``in-progress`` and ``进行中`` all read the same.

    >>> parse_status("已完成")
    'completed'

    Raises :class:`FieldError` naming the accepted spellings.
    """
    key = re.sub(r"[\s\-]+", "_", _nfkc(text).casefold())
    status = _STATUS_ALIASES.get(key)
    if status is None:
        raise FieldError(
            _(
                "unknown status {text!r}: use not_started, in_progress or completed ({spellings})",
                text=text,
                spellings=Foreign("未开始, 进行中, 已完成"),
            )
        )
    return status


def parse_entry_date(text: str) -> date:
    """An ISO date, or the 2022/8/31, 2022.8.31 and 2022年8月31日 forms Excel users type.

    >>> parse_entry_date("2022/8/31")
    datetime.date(2022, 8, 31)
    >>> parse_entry_date("2022-08-31 00:00:00")
    datetime.date(2022, 8, 31)
    """
    value = _nfkc(text)
    if (iso := _ISO_DATE_TIME.fullmatch(value)) is not None:
        try:
            if iso["time"] is not None and _END_OF_DAY.fullmatch(iso["time"]):
                return date.fromisoformat(iso["day"]) + timedelta(days=1)
            return datetime.fromisoformat(value).date()
        except ValueError as exc:
            raise FieldError(
                _("impossible date {text!r}: {detail}", text=text, detail=Foreign(str(exc)))
            ) from None
    for form in _DATE_FORMS:
        match = form.fullmatch(value)
        if match is not None:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError as exc:
                impossible = _(
                    "impossible date {text!r}: {detail}", text=text, detail=Foreign(str(exc))
                )
                raise FieldError(impossible) from None
    raise FieldError(_("not a date: {text!r} (write it as 2022-08-31)", text=text))


#: Words float() reads that are refused as not finite (a clearer message than not a number).
_NAMED = frozenset({"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan"})
#: A number as a person writes it: digits, a decimal point, an exponent. Python's float()
#: also takes ``1_0``, which no spreadsheet writes and a typo produces.
_PLAIN_NUMBER = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*")


def parse_value(text: str) -> float:
    """A non-negative finite number up to :data:`MAX_VALUE` (full-width digits allowed),
    written as a plain decimal (``1_0`` and ``0x10`` are refused).

    Raises :class:`FieldError` for a text that is no finite number, :class:`OutOfRange`
    for a number out of range.
    """
    value_text = _nfkc(text)
    if not _PLAIN_NUMBER.fullmatch(value_text) and value_text.strip().lower() not in _NAMED:
        raise FieldError(_("not a number: {text!r}", text=text))
    try:
        value = float(value_text)
    except ValueError:
        raise FieldError(_("not a number: {text!r}", text=text)) from None
    if not math.isfinite(value):
        raise FieldError(_("not a finite number: {text!r}", text=text))
    if value < 0:
        raise OutOfRange(_("must not be negative: {text!r}", text=text))
    if value > MAX_VALUE:
        raise OutOfRange(
            _(
                "{value} is too large: a ledger value is at most {max} (a count of "
                "schools, bases, ... or a percentage)",
                value=format_number(value),
                max=format_number(MAX_VALUE),
            )
        )
    return value


def normalise_task_id(text: str) -> str:
    return _nfkc(text).upper()


def suggest_task(text: str, plan: Plan) -> Msg:
    """``unknown task 'A9.8'`` plus the closest ids, for a message."""
    ids = list(plan.task_by_id)
    close = difflib.get_close_matches(normalise_task_id(text), ids, n=3, cutoff=0.6)
    if close:
        return _("unknown task {text!r}; did you mean {ids}?", text=text, ids=Join(tuple(close)))
    return _(
        "unknown task {text!r} (tasks are {first}..{last})",
        text=text,
        first=ids[0],
        last=ids[-1],
    )


def quantity_for(task: Task, metric: str | None) -> Quantity | None:
    """The quantity a value measures: the one named ``metric``, else the task's first."""
    if metric is None:
        return task.quantities[0] if task.quantities else None
    return next((q for q in task.quantities if q.metric == metric), None)
