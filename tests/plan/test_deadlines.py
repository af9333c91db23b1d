"""Tests for gl_plan.plan.deadlines: the plan's 完成时限 phrases and everything around them."""

from __future__ import annotations

import calendar
import doctest
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gl_plan.plan import deadlines
from gl_plan.plan.deadlines import (
    BEFORE_YEAR_READING,
    MAX_LENGTH,
    Deadline,
    DeadlineError,
    parse_deadline,
)

# Every phrase that occurs in the plan (docs/method.md, time limits), with its reading.
SOURCE_PHRASES = [
    ("2022年8月底前", date(2022, 8, 31), False),
    ("2022年底前", date(2022, 12, 31), False),
    ("2023年底前", date(2023, 12, 31), False),
    ("2022年底前,持续实施", date(2022, 12, 31), True),
    ("2023年底前,持续实施", date(2023, 12, 31), True),
    ("2024年底前,持续实施", date(2024, 12, 31), True),
    ("2025年底前,持续实施", date(2025, 12, 31), True),
    ("2025年前", date(2025, 12, 31), False),
    ("持续实施", None, True),
]

OTHER_PHRASES = [
    ("2022年上半年", date(2022, 6, 30), False),
    ("2022年下半年", date(2022, 12, 31), False),
    ("2022年第3季度", date(2022, 9, 30), False),
    ("2022年第三季度", date(2022, 9, 30), False),
    ("2022年一季度", date(2022, 3, 31), False),
    ("2022年第4季度末", date(2022, 12, 31), False),
    ("2022年第2季度底前", date(2022, 6, 30), False),
    ("2022年第1季度前", date(2022, 3, 31), False),
    ("2024年2月底前", date(2024, 2, 29), False),
    ("2023年2月底前", date(2023, 2, 28), False),
    ("2022年08月底前", date(2022, 8, 31), False),
    ("2022年8月前", date(2022, 7, 31), False),
    ("2023年1月前", date(2022, 12, 31), False),
    ("2022年底前，持续实施", date(2022, 12, 31), True),
    ("2022年底前、持续实施", date(2022, 12, 31), True),
    ("2022年底前；持续实施", date(2022, 12, 31), True),
    ("2022年底前;持续实施", date(2022, 12, 31), True),
    ("持续实施 , 2022年底前", date(2022, 12, 31), True),
    ("  2022年底前\t", date(2022, 12, 31), False),
    ("２０２２年底前", date(2022, 12, 31), False),
    ("２０２２年８月底前，持续实施", date(2022, 8, 31), True),
    ("长期坚持", None, True),
    ("长期实施", None, True),
    ("持续推进", None, True),
    ("长期坚持、持续推进", None, True),
]


@pytest.mark.parametrize(("text", "due", "ongoing"), SOURCE_PHRASES + OTHER_PHRASES)
def test_phrase_reading(text: str, due: date | None, ongoing: bool) -> None:
    assert parse_deadline(text) == Deadline(text=text, due=due, ongoing=ongoing, starts=None)


@pytest.mark.parametrize("text", ["2023年起", "2023年开始", "2023年起,持续实施"])
def test_start_year_has_no_due_date_and_continues(text: str) -> None:
    assert parse_deadline(text) == Deadline(
        text=text, due=None, ongoing=True, starts=date(2023, 1, 1)
    )


def test_before_year_reads_as_by_the_end_of_that_year() -> None:
    assert parse_deadline("2025年前").due == parse_deadline("2025年底前").due
    assert "X-12-31" in BEFORE_YEAR_READING
    assert deadlines.__doc__ is not None
    assert "BEFORE_YEAR_READING" in deadlines.__doc__


def test_text_is_kept_exactly_as_given() -> None:
    text = " ２０２２年底前 ，持续实施 "
    assert parse_deadline(text).text == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2022年13月底前", "impossible date: month 13 in '2022年13月底前'"),
        ("2022年0月底前", "impossible date: month 0 in '2022年0月底前'"),
        ("2022年0月前", "month 0"),
        ("2022年123月底前", "month 123"),
        ("2022年第5季度", "quarter 5"),
        ("2022年第0季度", "quarter 0"),
        ("2022年第五季度", "unknown time-limit phrase '2022年第五季度'"),
        ("", "empty time-limit phrase ''"),
        ("   ", "empty time-limit phrase"),
        ("明年", "unknown time-limit phrase '明年'"),
        ("适时推进", "unknown time-limit phrase '适时推进'"),
        ("2022年度中", "unknown time-limit phrase '2022年度中' (accepted: X年底前"),
        ("2025—2023年", "span ends before it starts"),
        ("二十五期间", "unknown time-limit phrase"),
        ("“五五”期间", "unknown five-year plan '五五'"),
        ("2025-02-30", "impossible date: day 30"),
        ("2025年2月29日前", "impossible date: day 29"),
        ("2022 年底前", "unknown time-limit phrase"),
        ("2022年底前,2023年底前", "more than one date"),
        ("2022年起,2023年底前", "more than one date"),
        ("2022年底前,", "empty part"),
        (",持续实施", "empty part"),
        ("2022年底前,,持续实施", "empty part"),
        ("22年底前", "impossible year 22"),
        ("02022年底前", "impossible year 02022"),
        ("1899年底前", "impossible year 1899"),
        ("2200年底前", "impossible year 2200"),
        ("2022年底前,持续", "unknown time-limit phrase '持续' in '2022年底前,持续'"),
        # \d would accept these Arabic-Indic digits, and int() would read them as 2022.
        ("٢٠٢٢年底前", "unknown time-limit phrase"),
        ("2022年底前\n2023年底前", "unknown time-limit phrase"),
    ],
)
def test_bad_phrase_is_rejected_with_a_message_naming_it(text: str, message: str) -> None:
    with pytest.raises(DeadlineError) as excinfo:
        parse_deadline(text)
    assert message in str(excinfo.value)


def test_error_is_a_value_error() -> None:
    assert issubclass(DeadlineError, ValueError)


def test_non_text_is_rejected() -> None:
    with pytest.raises(DeadlineError, match="must be text, not int"):
        parse_deadline(2025)  # type: ignore[arg-type]


def test_length_limit_is_inclusive() -> None:
    assert parse_deadline("2022年底前".ljust(MAX_LENGTH)).due == date(2022, 12, 31)
    with pytest.raises(DeadlineError, match="too long"):
        parse_deadline("2022年底前".ljust(MAX_LENGTH + 1))


def test_nfkc_expansion_counts_towards_the_length_limit() -> None:
    # U+FDFA expands to 18 characters under NFKC.
    with pytest.raises(DeadlineError, match="too long"):
        parse_deadline("\ufdfa" * 20)


@pytest.mark.parametrize("text", ["1" * 10_000, "2022年" + "1" * 5000 + "月底前", "年" * 10**6])
def test_huge_input_is_rejected_quickly(text: str) -> None:
    with pytest.raises(DeadlineError, match="too long"):
        parse_deadline(text)


def test_module_docstring_examples() -> None:
    failures, _ = doctest.testmod(deadlines, optionflags=doctest.ELLIPSIS)
    assert failures == 0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_a_deadline_or_a_deadline_error(text: str) -> None:
    try:
        result = parse_deadline(text)
    except DeadlineError:
        return
    assert isinstance(result, Deadline)
    assert result.text == text


# Random text almost never looks like a phrase; text made of the phrases' own pieces reaches
# the month, quarter and combination branches.
PHRASE_PIECES = [
    *"0123456789０２年月底前起上下半第一二三四五季度末、,，;；  ",
    "开始",
    "持续实施",
    "长期坚持",
    "2022",
    "1899",
    "2199",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=12).map("".join))
def test_phrase_like_text_gives_a_deadline_or_a_deadline_error(text: str) -> None:
    try:
        result = parse_deadline(text)
    except DeadlineError:
        return
    assert result.due is not None or result.ongoing
    assert result.starts is None or result.due is None


def _full_width(digits: str) -> str:
    return "".join(chr(ord(c) - ord("0") + ord("０")) for c in digits)


years = st.integers(min_value=1900, max_value=2199)
spaces = st.sampled_from(["", " ", "  ", "\t", "\u3000"])
separators = st.sampled_from([",", "，", "、", ";", "；", " , ", "，\u3000"])


@settings(max_examples=300, deadline=None)
@given(years, st.booleans(), spaces, spaces)
def test_year_end_phrase_is_due_on_31_december(
    year: int, full_width: bool, before: str, after: str
) -> None:
    digits = _full_width(str(year)) if full_width else str(year)
    result = parse_deadline(f"{before}{digits}年底前{after}")
    assert result.due == date(year, 12, 31)
    assert not result.ongoing


@settings(max_examples=300, deadline=None)
@given(years, separators, st.sampled_from(["持续实施", "长期坚持", "长期实施", "持续推进"]))
def test_year_end_then_ongoing_is_due_on_31_december_and_continues(
    year: int, separator: str, ongoing: str
) -> None:
    result = parse_deadline(f"{year}年底前{separator}{ongoing}")
    assert result.due == date(year, 12, 31)
    assert result.ongoing


@settings(max_examples=300, deadline=None)
@given(years, st.integers(min_value=1, max_value=12))
def test_month_phrases_end_on_the_last_day_of_a_month(year: int, month: int) -> None:
    end_of_month = parse_deadline(f"{year}年{month}月底前").due
    before_month = parse_deadline(f"{year}年{month}月前").due
    assert end_of_month == date(year, month, calendar.monthrange(year, month)[1])
    assert before_month == date(year, month, 1) - timedelta(days=1)
    assert end_of_month is not None
    assert before_month is not None
    assert (end_of_month + timedelta(days=1)).day == 1
    assert (before_month + timedelta(days=1)).day == 1


@settings(max_examples=300, deadline=None)
@given(years, st.integers(min_value=1, max_value=4))
def test_quarter_numerals_agree_with_digits(year: int, quarter: int) -> None:
    by_digit = parse_deadline(f"{year}年第{quarter}季度").due
    by_numeral = parse_deadline(f"{year}年第{'一二三四'[quarter - 1]}季度").due
    assert by_digit == by_numeral == _last_day_of_quarter(year, quarter)


def _last_day_of_quarter(year: int, quarter: int) -> date:
    return date(year, 3 * quarter, calendar.monthrange(year, 3 * quarter)[1])


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=9999).filter(lambda y: not 1900 <= y <= 2199))
def test_year_outside_range_is_rejected(year: int) -> None:
    with pytest.raises(DeadlineError, match="impossible year"):
        parse_deadline(f"{year}年底前")


# The forms other plans use (the national outline, provincial plans): phrase → (starts, due,
# ongoing, recurring).
OTHER_PLANS = [
    ("到2020年", None, date(2020, 12, 31), False, None),
    ("2020年", None, date(2020, 12, 31), False, None),
    ("2025年底", None, date(2025, 12, 31), False, None),
    ("2025年末", None, date(2025, 12, 31), False, None),
    ("2025年内", None, date(2025, 12, 31), False, None),
    ("2025年12月31日前", None, date(2025, 12, 31), False, None),
    ("2025年6月30日前", None, date(2025, 6, 30), False, None),
    ("2024年2月29日", None, date(2024, 2, 29), False, None),
    ("2025年6月底", None, date(2025, 6, 30), False, None),
    ("2023—2025年", date(2023, 1, 1), date(2025, 12, 31), False, None),
    ("2023-2025年", date(2023, 1, 1), date(2025, 12, 31), False, None),
    ("2023年至2025年", date(2023, 1, 1), date(2025, 12, 31), False, None),
    ('"十四五"期间', date(2021, 1, 1), date(2025, 12, 31), False, None),
    ("“十四五”时期", date(2021, 1, 1), date(2025, 12, 31), False, None),
    ("“十四五”末", None, date(2025, 12, 31), False, None),
    ("十三五期间", date(2016, 1, 1), date(2020, 12, 31), False, None),
    ("“十五五”末", None, date(2030, 12, 31), False, None),
    ("每年", None, None, True, "year"),
    ("每学期", None, None, True, "semester"),
    ("2025-06-30", None, date(2025, 6, 30), False, None),
    ("2023—2025年、持续实施", date(2023, 1, 1), date(2025, 12, 31), True, None),
]


@pytest.mark.parametrize(("phrase", "starts", "due", "ongoing", "recurring"), OTHER_PLANS)
def test_forms_other_plans_use(
    phrase: str, starts: date | None, due: date | None, ongoing: bool, recurring: str | None
) -> None:
    d = parse_deadline(phrase)
    assert (d.starts, d.due, d.ongoing, d.recurring) == (starts, due, ongoing, recurring)
