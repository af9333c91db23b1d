"""Parse a plan's Chinese time-limit phrases (完成时限) into due dates.

Each task of an action plan carries a time limit such as ``2022年底前``
("by the end of 2022") or ``2025年底前,持续实施`` ("in place by the end of 2025, then kept
up"). :func:`parse_deadline` turns one phrase into a :class:`Deadline`:

>>> parse_deadline("2022年8月底前").due
datetime.date(2022, 8, 31)
>>> d = parse_deadline("2024年底前，持续实施")
>>> d.due, d.ongoing
(datetime.date(2024, 12, 31), True)
>>> parse_deadline("持续实施")  # doctest: +ELLIPSIS
Deadline(text='持续实施', due=None, ongoing=True, starts=None, recurring=None, ...)
>>> parse_deadline("2023年起").starts
datetime.date(2023, 1, 1)
>>> parse_deadline("三年内", issued=date(2022, 3, 16)).due
datetime.date(2025, 3, 15)
>>> parse_deadline("适时推进")
Traceback (most recent call last):
...
gl_plan.plan.deadlines.DeadlineError: unknown time-limit phrase '适时推进' (accepted: ...)

Single phrases (X is a year 1900-2199, in digits or in Chinese numerals such as
``二〇二五`` / ``二○二五``; N a month 1-12, leading zero allowed, or 一 to 十二):

- ``X年底前``, ``X年底``, ``X年末``, ``X年内``, ``X年``, ``到X年``, ``X年年底前``: due X-12-31.
- ``X年前后``: due X-12-31, the year's end, marked ``approximate`` (前后 is "around").
- ``X年中``, ``X年年中``, ``X年上半年``: due X-06-30; ``X年下半年``: due X-12-31.
- ``X年N月``, ``X年N月底前``, ``X年N月底``, ``X年N月末``, ``X年N月份``, ``X年N月内``,
  ``X年N月下旬``: due the last day of month N; ``X年N月上旬`` / ``中旬``: due the 10th / the 20th.
- ``X年N月D日前``, ``X年N月D日``, an ISO date ``X-MM-DD``: due that day (前 after a day is
  read "by that day", as notices use it: ``6月30日前`` means June 30 is still in time).
- ``X年N月前``: due the day before month N starts, i.e. the last day of month N-1
  (``2023年1月前`` is due 2022-12-31). The strict reading is used because 前 after a point in
  time means "before it" and the phrase does not occur in the plan, so no usage argues
  otherwise; write ``X年N月底前`` for "by the end of month N".
- ``X年前``: due X-12-31, the loose "by X" reading; see :data:`BEFORE_YEAR_READING`.
- ``X年第N季度``: due the last day of quarter N (N is 1-4 or 一二三四; 第 is optional; the
  phrase may end in 前, 末 or 底前, all read as "by the end of the quarter").
- ``X年起`` / ``X年开始``: starts X-01-01, no due date, ongoing; ``X年N月起`` and
  ``X年N月D日起`` start on the first day of that month, or on that day.
- ``X—Y年``, ``X-Y年``, ``X年至Y年`` (a span): starts X-01-01, due Y-12-31.
- ``"十四五"期间`` / ``时期`` (with or without quotes): the five-year plan's span, 2021-01-01
  to 2025-12-31; ``"十四五"末``, ``末期``, ``期末``, ``到"十四五"末``: due 2025-12-31. Plans 六五 to
  十九五 are known.
- School terms, by the calendar most provinces keep (:data:`SCHOOL_TERMS`): ``X年秋季学期``
  runs X-09-01 to (X+1)-01-31; ``X年春季学期`` X-02-20 to X-07-10; ``X年暑期`` / ``暑假``
  X-07-01 to X-08-31. ``…开学前`` is due the day before the term starts, ``…开学`` on the
  day it starts (``秋季开学``: X-09-01), ``暑期前`` on 06-30, ``…学期末`` / ``…学期结束前`` on
  its last day. Without a year (``秋季开学前``) a term phrase means the first such date on or
  after the plan's issue date.
- Relative spans ``三年内``, ``两年内``, ``N年内``, ``今后三年``, ``未来三年``, ``六个月内``:
  they count from the plan's issue date (``issued``, passed in, never the clock): the span
  starts that day and is due on its last day (issued 2022-03-16, ``三年内`` is due
  2025-03-15).
- ``每年``, ``每学年``, ``每学期``, ``每季度``, ``每月``: recurring: due each period, never
  overdue as a whole (``recurring`` says the period).
- ``持续实施``, ``持续推进``, ``长期坚持``, ``长期实施``: no due date, ongoing.

Words around a phrase: a leading ``到``, ``至`` or ``确保`` (``确保2025年底``) and a trailing
``完成`` or ``前完成`` (``2024年底前完成``) do not change the reading; a leading ``力争`` or
``力争到`` (``力争2027年``) reads the date the same way and marks the deadline
``aspirational``: a goal strived for, not a commitment.

Phrases combine with ``,``, ``，``, ``、``, ``;`` or ``；`` (whitespace around them is ignored),
e.g. ``2022年底前、持续实施``. A combination holds at most one dated part and is ongoing if any
part is. The text is NFKC-normalised first, so full-width digits (``２０２２``) work.

Anything else raises :class:`DeadlineError`, never a guess: a wrong due date would silently
mark a task on time or overdue, while an error gets the plan fixed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta

from gl_plan.errors import MessageError
from gl_plan.i18n import Foreign, Join, Msg, _, pgettext

__all__ = [
    "BEFORE_YEAR_READING",
    "MAX_LENGTH",
    "SCHOOL_TERMS",
    "Deadline",
    "DeadlineError",
    "NeedsIssueDate",
    "parse_deadline",
]

#: Longest accepted phrase, checked before any regex work. The plan's longest is 11 characters;
#: the bound keeps hostile input (a whole file pasted into one cell) cheap to reject.
MAX_LENGTH: Final = 200

# Wide enough for any plan this tool will see, narrow enough to catch typos such as 2202.
_MIN_YEAR: Final = 1900
_MAX_YEAR: Final = 2199

BEFORE_YEAR_READING: Final[str] = (
    "'X年前' is read as 'by the end of year X' (due X-12-31), not the strict 'before year X' "
    "(due (X-1)-12-31). In planning language 年前 means 'by that year': the plan's '2025年前' "
    "goes with targets stated for 2025. Deadline.text keeps the original phrase, so a plan "
    "can override this reading for a single task."
)

#: Each school term's first and last day as (month, day), the last in the next calendar
#: year when its month is before the first's. The autumn term opens on 1 September and ends
#: with the winter holiday (about the end of January); the spring term opens in late
#: February and ends in early July; the summer holiday is July and August. Provinces shift
#: these by days, which a plan corrects with ``deadline_override``.
SCHOOL_TERMS: Final[dict[str, tuple[tuple[int, int], tuple[int, int]]]] = {
    "秋季": ((9, 1), (1, 31)),
    "春季": ((2, 20), (7, 10)),
    "暑期": ((7, 1), (8, 31)),
}

_ONGOING: Final = frozenset({"持续实施", "持续推进", "长期坚持", "长期实施"})
_RECURRING: Final = {
    "每年": "year",
    "每学年": "school_year",
    "每学期": "semester",
    "每季度": "quarter",
    "每月": "month",
}

#: What the message for an unknown phrase lists, so a plan author can pick one.
ACCEPTED_FORMS: Final = (
    "X年底前", "X年底", "X年内", "X年", "到X年", "X年N月底前", "X年N月D日前", "X年上半年",
    "X年第N季度", "X年起", "X—Y年", "“十四五”期间", "“十四五”末", "每年", "每学期", "持续实施",
    "YYYY-MM-DD",
)  # fmt: skip

# NFKC has already turned ， into , and ； into ; so only the ASCII forms and 、 remain.
_TO_COMMA: Final = str.maketrans({"、": ",", ";": ","})

#: Leading words that keep the reading (确保 "make sure", 到 / 至 "by"), and those that mark it
#: aspirational (力争 "strive to"), longest first.
_PLAIN_PREFIXES: Final = ("确保到", "确保在", "确保", "到", "至", "在")
_ASPIRATIONAL_PREFIXES: Final = ("力争到", "力争在", "力争")
_DONE_SUFFIX: Final = "完成"

_DIGIT_NUMERALS: Final = {
    "〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
    "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
}  # fmt: skip
# A year in Chinese numerals is four of them before 年 (二〇二五年); 十 never occurs in one.
_CHINESE_YEAR: Final = re.compile(r"([〇○零一二三四五六七八九]{4})(?=年)")
_CHINESE_MONTH: Final = re.compile(r"(?<=年)(十[一二]?|[一二三四五六七八九])(?=月)")

# Only anchored patterns (used with fullmatch) whose repeated pieces cannot overlap with what
# follows them, so matching stays linear. [0-9] rather than \d: \d also matches digits such
# as ٢, which int() would silently accept.
_DATED: Final = re.compile(r"到?(?P<year>[0-9]+)年(?P<rest>.*)", re.DOTALL)
_MONTH: Final = re.compile(
    r"(?P<month>[0-9]+)月(?P<end>底前|底|末|前|份|内|上旬|中旬|下旬|起|开始|)"
)
_DAY: Final = re.compile(r"(?P<month>[0-9]+)月(?P<day>[0-9]+)[日号](?P<end>前|起|开始|)")
_ISO: Final = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_SPAN: Final = re.compile(r"(?P<first>[0-9]+)年?[-–—~至到](?P<last>[0-9]+)年")
# A five-year plan: "十四五" with or without quotes of any kind, then 期间/时期 or 末/末期.
_FIVE_YEAR: Final = re.compile(
    r"[\"'“”‘’「」『』]?(?P<plan>[一二三四五六七八九十]+五)[\"'“”‘’「」『』]?"
    r"(?P<when>期间|时期|末期|期末|时期末|末)"
)
_NUMERALS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_QUARTER: Final = re.compile(r"第?(?P<quarter>[0-9]+|[一二三四])季度(?:前|末|底前)?")
_QUARTER_NUMERALS: Final = {"一": 1, "二": 2, "三": 3, "四": 4}
# 秋季学期开学前, 春季开学, 暑期前, 暑假, 秋季学期末: the term, then what point of it.
_TERM: Final = re.compile(
    r"(?P<term>秋季|春季|暑期|暑假)(?:学期)?(?P<point>开学前|开学|前|末|结束前|结束|起|)"
)
# 三年内, 两年内, 今后三年, 未来3年, 六个月内: a span counted from the plan's issue date.
_RELATIVE: Final = re.compile(
    r"(?P<ahead>今后|未来)?(?P<n>[0-9]{1,2}|十|[一两二三四五六七八九])(?P<unit>年|个月)"
    r"(?P<within>内|之内|以内)?"
)
_SMALL_NUMERALS: Final = {**_NUMERALS, "两": 2, "十": 10}
_TEN_DAYS: Final = {"上旬": 10, "中旬": 20}


class DeadlineError(MessageError):
    """A time-limit phrase that cannot be read; the message names the offending part (in
    both languages: :attr:`message`)."""


class NeedsIssueDate(DeadlineError):
    """A phrase that counts from the plan's issue date (三年内, 秋季开学前), read without one.

    A task on its own cannot date it; the plan that holds the task can (``Plan`` checks it).
    """


@dataclass(frozen=True, slots=True)
class Deadline:
    """A parsed time limit.

    ``due`` is the last day on which the task may be finished (``None``: no due date).
    ``ongoing`` means the task continues after ``due``, or indefinitely when ``due`` is
    ``None``. ``starts`` is set by a start (``X年起``), a span and a term.
    """

    text: str
    due: date | None
    ongoing: bool
    starts: date | None = None
    #: ``year``, ``school_year``, ``semester``, ``quarter`` or ``month`` for 每年 and the
    #: like: due each period.
    recurring: str | None = None
    #: 前后 ("around"): the due date is the year's end, read loosely.
    approximate: bool = False
    #: 力争 ("strive to"): a date aimed at, not committed to.
    aspirational: bool = False


@dataclass(frozen=True, slots=True)
class _Part:
    due: date | None = None
    starts: date | None = None
    ongoing: bool = False
    recurring: str | None = None
    approximate: bool = False
    aspirational: bool = False

    @property
    def dated(self) -> bool:
        return self.due is not None or self.starts is not None


def parse_deadline(text: str, issued: date | None = None) -> Deadline:
    """Read one time-limit phrase; see the module docstring for the accepted forms.

    ``issued`` is the plan's issue date, from which relative spans (``三年内``) and yearless
    terms (``秋季开学前``) are counted; without it they raise :class:`NeedsIssueDate`.

    >>> parse_deadline("2025年前").due
    datetime.date(2025, 12, 31)
    >>> parse_deadline("２０２２年第三季度").due
    datetime.date(2022, 9, 30)
    >>> parse_deadline("力争2027年").aspirational
    True

    Raises :class:`DeadlineError`, and nothing else, for any input that is not a phrase.
    """
    # Loaders hand over whatever YAML produced; `deadline: 2025` arrives as an int.
    if not isinstance(text, str):
        raise DeadlineError(
            _("time-limit phrase must be text, not {type}", type=Foreign(type(text).__name__))
        )
    _check_length(text, text)
    normal = unicodedata.normalize("NFKC", text)
    # NFKC can expand a single character into as many as 18.
    _check_length(normal, text)
    if not normal.strip():
        raise DeadlineError(_("empty time-limit phrase {text!r}", text=text))

    dated: tuple[str, _Part] | None = None
    ongoing = False
    recurring: str | None = None
    for raw_part in normal.translate(_TO_COMMA).split(","):
        part = raw_part.strip()
        if not part:
            raise DeadlineError(_("empty part in time-limit phrase {text!r}", text=text))
        parsed = _parse_qualified(part, text, issued)
        if parsed.dated:
            if dated is not None:
                raise DeadlineError(
                    _(
                        "more than one date in time-limit phrase {text!r}: {first!r} and "
                        "{second!r}",
                        text=text,
                        first=dated[0],
                        second=part,
                    )
                )
            dated = (part, parsed)
        ongoing = ongoing or parsed.ongoing
        recurring = recurring or parsed.recurring

    if dated is None:
        return Deadline(text=text, due=None, ongoing=ongoing, recurring=recurring)
    return Deadline(
        text=text,
        due=dated[1].due,
        ongoing=ongoing,
        starts=dated[1].starts,
        recurring=recurring,
        approximate=dated[1].approximate,
        aspirational=dated[1].aspirational,
    )


def _check_length(candidate: str, text: str) -> None:
    if len(candidate) > MAX_LENGTH:
        raise DeadlineError(
            _(
                "time-limit phrase too long ({n} characters, at most {limit}): {start!r}...",
                n=len(candidate),
                limit=MAX_LENGTH,
                start=text[:20],
            )
        )


def _where(part: str, text: str) -> Msg:
    if part == text:
        return _("{part!r}", part=part)
    return _("{part!r} in {text!r}", part=part, text=text)


def _unknown(part: str, text: str) -> DeadlineError:
    forms = Join(ACCEPTED_FORMS)
    return DeadlineError(
        _(
            "unknown time-limit phrase {where} (accepted: {forms}; or give deadline_override)",
            where=_where(part, text),
            forms=forms,
        )
    )


def _parse_qualified(part: str, text: str, issued: date | None) -> _Part:
    """One part, after the words around it (力争, 确保, 到, 完成) are taken off."""
    core, aspirational = part, False
    for prefix in _ASPIRATIONAL_PREFIXES:
        if core.startswith(prefix):
            core, aspirational = core[len(prefix) :], True
            break
    for prefix in _PLAIN_PREFIXES:
        if core.startswith(prefix):
            core = core[len(prefix) :]
            break
    core = core.removesuffix(_DONE_SUFFIX)
    if not core:
        raise _unknown(part, text)
    core = _CHINESE_YEAR.sub(lambda m: "".join(_DIGIT_NUMERALS[c] for c in m[1]), core)
    core = _CHINESE_MONTH.sub(lambda m: str(_chinese_month(m[1])), core)
    try:
        parsed = _parse_part(core, part, text, issued)
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, DeadlineError):
            raise
        # Date arithmetic past year 9999 (an issue date far in the future, say).
        raise DeadlineError(
            _("time-limit phrase {phrase} gives a date out of range", phrase=_where(part, text))
        ) from None
    return replace(parsed, aspirational=True) if aspirational else parsed


def _chinese_month(numeral: str) -> int:
    if numeral.startswith("十"):
        return 10 + (_NUMERALS[numeral[1]] if len(numeral) > 1 else 0)
    return _NUMERALS[numeral]


def _parse_part(core: str, part: str, text: str, issued: date | None) -> _Part:
    if core in _ONGOING:
        return _Part(ongoing=True)
    if core in _RECURRING:
        return _Part(ongoing=True, recurring=_RECURRING[core])
    if (iso := _ISO.fullmatch(core)) is not None:
        year = _year(iso["year"], part, text)
        month = _bounded(iso["month"], 12, "month", part, text)
        return _Part(due=_day(year, month, iso["day"], part, text))
    if (span := _SPAN.fullmatch(core)) is not None:
        first = _year(span["first"], part, text)
        last = _year(span["last"], part, text)
        if last < first:
            raise DeadlineError(_("span ends before it starts: {where}", where=_where(part, text)))
        return _Part(starts=date(first, 1, 1), due=date(last, 12, 31))
    if (plan := _FIVE_YEAR.fullmatch(core)) is not None:
        first, last = _five_year_span(plan["plan"], part, text)
        if plan["when"] in ("期间", "时期"):
            return _Part(starts=date(first, 1, 1), due=date(last, 12, 31))
        return _Part(due=date(last, 12, 31))
    if (relative := _RELATIVE.fullmatch(core)) is not None and (
        relative["ahead"] or relative["within"]
    ):
        return _relative(relative, part, text, issued)
    if (term := _TERM.fullmatch(core)) is not None:
        if issued is None:
            raise NeedsIssueDate(
                _(
                    "time-limit phrase {phrase} counts from the plan's issue date "
                    "(plan.issued), which is not given",
                    phrase=_where(part, text),
                )
            )
        return _next_term(term["term"], term["point"], issued)
    match = _DATED.fullmatch(core)
    if match is None:
        raise _unknown(part, text)
    year = _year(match["year"], part, text)
    rest = match["rest"]
    if len(rest) > 1 and rest[0] == "年":  # 2025年年底前, 2022年年中
        rest = rest[1:]
    return _in_year(year, rest, part, text)


def _in_year(year: int, rest: str, part: str, text: str) -> _Part:
    """What follows ``X年``."""
    if rest in ("", "底前", "底", "末", "内", "前", "下半年"):
        return _Part(due=date(year, 12, 31))
    if rest == "前后":
        return _Part(due=date(year, 12, 31), approximate=True)
    if rest in ("上半年", "中"):
        return _Part(due=date(year, 6, 30))
    if rest in ("起", "开始"):
        return _Part(starts=date(year, 1, 1), ongoing=True)
    if (month_match := _MONTH.fullmatch(rest)) is not None:
        month = _bounded(month_match["month"], 12, "month", part, text)
        end = month_match["end"]
        if end in ("起", "开始"):
            return _Part(starts=date(year, month, 1), ongoing=True)
        if end == "前":
            return _Part(due=date(year, month, 1) - timedelta(days=1))
        if end in _TEN_DAYS:
            return _Part(due=date(year, month, _TEN_DAYS[end]))
        return _Part(due=_month_end(year, month))
    if (day_match := _DAY.fullmatch(rest)) is not None:
        month = _bounded(day_match["month"], 12, "month", part, text)
        day = _day(year, month, day_match["day"], part, text)
        if day_match["end"] in ("起", "开始"):
            return _Part(starts=day, ongoing=True)
        return _Part(due=day)
    if (quarter_match := _QUARTER.fullmatch(rest)) is not None:
        numeral = quarter_match["quarter"]
        quarter = _QUARTER_NUMERALS.get(numeral) or _bounded(numeral, 4, "quarter", part, text)
        return _Part(due=_month_end(year, 3 * quarter))
    if (term := _TERM.fullmatch(rest)) is not None:
        return _term(term["term"], term["point"], year)
    raise _unknown(part, text)


def _term(name: str, point: str, year: int) -> _Part:
    """A school term of ``year`` (the autumn term ends in the next year) at ``point``."""
    (first_month, first_day), (last_month, last_day) = SCHOOL_TERMS[
        "暑期" if name == "暑假" else name
    ]
    first = date(year, first_month, first_day)
    last = date(year + (last_month < first_month), last_month, last_day)
    if point in ("开学前", "前"):
        return _Part(due=first - timedelta(days=1))
    if point == "开学":
        return _Part(due=first)
    if point in ("末", "结束前", "结束"):
        return _Part(due=last)
    if point == "起":
        return _Part(starts=first, ongoing=True)
    return _Part(starts=first, due=last)


def _next_term(name: str, point: str, issued: date) -> _Part:
    """A yearless term phrase: the first such date on or after the plan's issue date."""
    this_year = _term(name, point, issued.year)
    anchor = this_year.due if this_year.due is not None else this_year.starts
    if anchor is not None and anchor >= issued:
        return this_year
    return _term(name, point, issued.year + 1)


def _relative(match: re.Match[str], part: str, text: str, issued: date | None) -> _Part:
    """三年内 / 今后三年: from the issue date to the last day of the span."""
    if issued is None:
        raise NeedsIssueDate(
            _(
                "time-limit phrase {phrase} counts from the plan's issue date (plan.issued), "
                "which is not given",
                phrase=_where(part, text),
            )
        )
    n = match["n"]
    count = _SMALL_NUMERALS[n] if n in _SMALL_NUMERALS else int(n)
    if count < 1:
        raise DeadlineError(
            _("time-limit phrase {phrase} spans no time", phrase=_where(part, text))
        )
    step = relativedelta(years=count) if match["unit"] == "年" else relativedelta(months=count)
    return _Part(starts=issued, due=issued + step - timedelta(days=1))


def _five_year_span(name: str, part: str, text: str) -> tuple[int, int]:
    """First and last year of a five-year plan named like 十四五 (the 14th: 2021-2025)."""
    digits = name[:-1]  # drop the final 五 of "N五"
    if len(digits) == 1 and digits in _NUMERALS:
        number = _NUMERALS[digits]
    elif digits == "十":
        number = 10
    elif len(digits) == 2 and digits[0] == "十" and digits[1] in _NUMERALS:
        number = 10 + _NUMERALS[digits[1]]
    else:
        raise _unknown(part, text)
    # From the 3rd plan (1966-1970) on, the plans follow each other every five years.
    if not 6 <= number <= 19:
        raise DeadlineError(
            _(
                "unknown five-year plan {name!r} in {where}",
                name=name,
                where=_where(part, text),
            )
        )
    first = 1966 + 5 * (number - 3)
    return first, first + 4


def _day(year: int, month: int, digits: str, part: str, text: str) -> date:
    day = _bounded(digits, calendar.monthrange(year, month)[1], "day", part, text)
    return date(year, month, day)


def _year(digits: str, part: str, text: str) -> int:
    # The length test comes first so that int() never sees a huge digit string.
    if len(digits) != 4 or not _MIN_YEAR <= int(digits) <= _MAX_YEAR:
        where = _where(part, text)
        raise DeadlineError(
            _(
                "impossible year {digits} in {where}: expected four digits between {low} "
                "and {high}",
                digits=digits,
                where=where,
                low=_MIN_YEAR,
                high=_MAX_YEAR,
            )
        )
    return int(digits)


#: The parts of a date a phrase writes, as a message names them.
_DATE_PART: Final = {
    "month": pgettext("plan.deadline", "month"),
    "day": pgettext("plan.deadline", "day"),
    "quarter": pgettext("plan.deadline", "quarter"),
}


def _bounded(digits: str, highest: int, what: str, part: str, text: str) -> int:
    if len(digits) > 2 or not 1 <= int(digits) <= highest:
        unit = _DATE_PART[what]
        raise DeadlineError(
            _(
                "impossible date: {what} {digits} in {where}",
                what=unit,
                digits=digits,
                where=_where(part, text),
            )
        )
    return int(digits)


def _month_end(year: int, month: int) -> date:
    # relativedelta's day=31 is the month's last day, whatever its length.
    return date(year, month, 1) + relativedelta(day=31)
