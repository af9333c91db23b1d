"""Reporting periods: a quarter (``2024Q3``) or a year (``2024``) and how counties write them.

A period read from a file (county data, a plan's baseline) lies in :data:`FIRST_YEAR` to
:data:`LAST_YEAR`; a :class:`Period` itself may reach half a century further either way, so
that the arithmetic done on a read one (the period before, a trend window of past years,
the next target) never leaves the range a :class:`Period` holds.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, total_ordering
from typing import Final

from gl_plan.i18n import Message, _

#: The months by their number, as a message names them.
_DATA_MONTH: Final = {
    1: _("January"),
    2: _("February"),
    3: _("March"),
    4: _("April"),
    5: _("May"),
    6: _("June"),
    7: _("July"),
    8: _("August"),
    9: _("September"),
    10: _("October"),
    11: _("November"),
    12: _("December"),
}


_CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Anchored and linear: no nested quantifiers, so hostile strings cannot make these slow.
_QUARTER = re.compile(r"(\d{4})\s*[-_/ ]?\s*q\s*([1-4])", re.IGNORECASE)
_QUARTER_ZH = re.compile(r"(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?")
_YEAR = re.compile(r"(\d{4})\s*年?(?:度)?")
# Forms count months: "2026年1-9月" (January to September), "2026年7-9月" (the quarter).
_MONTHS = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*(?:月\s*)?[-~至到]\s*(\d{1,2})\s*月(?:份)?(?:累计)?"
)
# "2026年前三季度": the first three quarters together.
_FIRST_QUARTERS = re.compile(r"(\d{4})\s*年\s*前\s*([1-4一二三四])\s*个?\s*季度?")
_HALF = re.compile(r"(\d{4})\s*年\s*(上|下)\s*半\s*年")
# A point in time at a quarter's end: "2026年9月底", "2026年9月30日", "2026年9月", "2026.9".
_AT_MONTH = re.compile(
    r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(?:底|末|份|(\d{1,2})\s*日)?|\.(\d{1,2}))"
)
_MONTH_DAYS = {3: 31, 6: 30, 9: 30, 12: 31}
#: A period inside longer text (a title line, a file name), found by :func:`find_period`.
_IN_TEXT = re.compile(
    r"(?<!\d)(?:19|20|21)\d{2}(?:\s*年\s*(?:\d{1,2}\s*(?:月\s*)?[-~至到]\s*\d{1,2}\s*月"
    r"|前\s*[1-4一二三四]\s*个?\s*季度|第?\s*[1-4一二三四]\s*季度|[上下]\s*半\s*年"
    r"|\d{1,2}\s*月\s*(?:底|末|\d{1,2}\s*日)?|度)?"
    r"|\s*[-_]?\s*[qQ]\s*[1-4])(?!\d)"
)
_MAX_PERIOD_TEXT = 40

#: The first year a period is read in: 1949, when the People's Republic's statistical
#: series (education among them) begin; a figure dated earlier is a typo (1900 for 2000).
FIRST_YEAR: Final = 1949
#: The last year a period is read in: 2100, far past any plan's horizon (2035 for the
#: national education plan); later is a typo (2204 for 2024).
LAST_YEAR: Final = 2100


class PeriodError(ValueError):
    """A period that cannot be read; the message says what was expected (``str()`` gives
    it in English, :attr:`message` in both languages)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)  # str() renders it, only when asked
        self.message = message


@total_ordering
@dataclass(frozen=True, slots=True, eq=False)
class Period:
    """A calendar quarter, or a whole year when ``quarter`` is None.

    Periods order by their end: ``2024Q4`` and ``2024`` end on the same day; the quarter
    sorts first so that a year's annual figure follows its quarters.
    """

    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 2199:
            raise PeriodError(_("year {year} is out of range 1900-2199", year=self.year))
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise PeriodError(_("quarter {quarter} is not 1-4", quarter=self.quarter))

    @property
    def end(self) -> date:
        """The last day of the period."""
        return _end(self.year, self.quarter)

    # Every series, sum and screen keys dictionaries by period: equality and hashing are
    # written out rather than generated, which would build a tuple at each lookup.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.year == other.year and self.quarter == other.quarter

    def __hash__(self) -> int:
        return self.year * 8 + (self.quarter or 5)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.ordinal < other.ordinal

    @property
    def t(self) -> float:
        """The period's end in years (2024Q3 ends at 2024.75, 2024 at 2025.0)."""
        return self.year + (self.quarter if self.quarter is not None else 4) / 4

    @property
    def ordinal(self) -> int:
        """An integer that sorts like the period: quarters 1-4, the annual figure as 5."""
        return self.year * 8 + (self.quarter if self.quarter is not None else 5)

    def __str__(self) -> str:
        return str(self.year) if self.quarter is None else f"{self.year}Q{self.quarter}"

    def previous(self) -> Period:
        """The period before, at the same granularity."""
        if self.quarter is None:
            return Period(self.year - 1)
        if self.quarter == 1:
            return Period(self.year - 1, 4)
        return Period(self.year, self.quarter - 1)


@lru_cache(maxsize=4096)
def _end(year: int, quarter: int | None) -> date:
    # Assessing a quarter asks every point's end many times; the answer never changes.
    month = 12 if quarter is None else quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """Read a period as counties write it (see :func:`read_period`, which also says when
    the text needed reading: ``2024年1-9月`` is 2024Q3)."""
    return read_period(text)[0]


@lru_cache(maxsize=4096)
def read_period(text: str) -> tuple[Period, Message | None]:
    """Read a period as counties write it.

    >>> [str(parse_period(s)) for s in ("2024Q3", "2024-q3", "2024年第三季度", "2024年3季度")]
    ['2024Q3', '2024Q3', '2024Q3', '2024Q3']
    >>> str(parse_period("２０２４年"))
    '2024'
    >>> period, note = read_period("2026年1-9月")
    >>> str(period), str(note)
    ('2026Q3', "'2026年1-9月' (January to September) is read as 2026Q3, the quarter it ends with")

    The note is None when the text names the period plainly. A year outside
    :data:`FIRST_YEAR` to :data:`LAST_YEAR` is refused (:class:`PeriodError`).
    """
    period, note = _read(text)
    if not FIRST_YEAR <= period.year <= LAST_YEAR:
        raise PeriodError(
            _(
                "year {year} is outside the years read, {first}-{last} (a typo, such as "
                "1900 for 2000?)",
                year=period.year,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    return period, note


def _read(text: str) -> tuple[Period, Message | None]:
    if len(text) > _MAX_PERIOD_TEXT:
        raise PeriodError(_("period text is too long"))
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        raise PeriodError(_("empty period"))
    if m := _QUARTER.fullmatch(norm):
        return Period(int(m.group(1)), int(m.group(2))), None
    if m := _QUARTER_ZH.fullmatch(norm):
        return Period(int(m.group(1)), _CN_QUARTER[m.group(2)]), None
    if m := _YEAR.fullmatch(norm):
        return Period(int(m.group(1))), None
    # Excel turns a year cell into a float: "2024.0"
    if norm.endswith(".0") and norm[:-2].isdigit() and len(norm) == 6:
        return Period(int(norm[:-2])), None
    if m := _MONTHS.fullmatch(norm):
        return _months(text, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _AT_MONTH.fullmatch(norm):
        month = int(m.group(2) or m.group(4))
        day = int(m.group(3)) if m.group(3) else None
        if month in _MONTH_DAYS and day in (None, _MONTH_DAYS[month]):
            what = _("a count at the end of {month}", month=_month(month))
            return _to_end(text, Period(int(m.group(1)), month // 3), what)
    if m := _FIRST_QUARTERS.fullmatch(norm):
        q = _CN_QUARTER[m.group(2)]
        return _to_end(text, Period(int(m.group(1)), q), _("the first {q} quarters", q=q))
    if m := _HALF.fullmatch(norm):
        year = int(m.group(1))
        if m.group(2) == "上":
            return _to_end(text, Period(year, 2), _("the first half of the year"))
        return Period(year, 4), _(
            "{text!r} (the second half of the year) is read as {year}Q4",
            text=text,
            year=year,
        )
    raise PeriodError(
        _(
            "cannot read period {text!r}: expected 2024Q3, 2024-Q3, {quarter_form}, "
            "{months_form} or a year",
            text=text,
            quarter_form="2024年第三季度",
            months_form="2024年1-9月",
        )
    )


def _to_end(text: str, period: Period, what: Message) -> tuple[Period, Message | None]:
    """A stretch of months from January, read as the quarter it ends with: the plan's
    indicators are counts at a date (children enrolled, pupils graduating), so a figure
    for January to September is the figure at the end of the third quarter."""
    return period, _(
        "{text!r} ({what}) is read as {period}, the quarter it ends with",
        text=text,
        what=what,
        period=period,
    )


def _months(text: str, year: int, first: int, last: int) -> tuple[Period, Message | None]:
    if not (1 <= first <= last <= 12) or last % 3:
        raise PeriodError(
            _(
                "cannot read period {text!r}: months {first}-{last} do not end a quarter",
                text=text,
                first=first,
                last=last,
            )
        )
    quarter = last // 3
    if first == last - 2:
        return Period(year, quarter), None  # exactly the quarter: 7-9月 is Q3
    if first != 1:
        raise PeriodError(
            _(
                "cannot read period {text!r}: months {first}-{last} are neither a quarter nor "
                "counted from January",
                text=text,
                first=first,
                last=last,
            )
        )
    months = _("{first} to {last}", first=_month(first), last=_month(last))
    return _to_end(text, Period(year, quarter), months)


def _month(n: int) -> Message:
    """The month's name: ``September``, ``9月``."""
    return _DATA_MONTH[n]


def find_period(text: str) -> tuple[Period, Message | None] | None:
    """The first period written inside ``text`` (a title line, a file name), with its note,
    or None. ``恭城瑶族自治县2026年第三季度教育主要指标`` holds 2026Q3; a year alone
    (``2026年教育统计``) is the year."""
    norm = unicodedata.normalize("NFKC", text[:500])
    for m in _IN_TEXT.finditer(norm):
        try:
            return read_period(m.group().strip())
        except PeriodError:
            continue
    return None
