"""The time limits real plans write beyond Guilin's (a national five-year plan, a county's
十四五 plan, a district's 主要指标表): every form the module docstring documents."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gl_plan.plan.deadlines import Deadline, DeadlineError, NeedsIssueDate, parse_deadline
from gl_plan.plan.models import Task

ISSUED = date(2022, 3, 16)

# phrase → (starts, due, ongoing, recurring)
FORMS = [
    ("到“十四五”末", None, date(2025, 12, 31), False, None),
    ("到十四五末", None, date(2025, 12, 31), False, None),
    ("“十四五”期末", None, date(2025, 12, 31), False, None),
    ("“十五五”时期", date(2026, 1, 1), date(2030, 12, 31), False, None),
    ("2025年前后", None, date(2025, 12, 31), False, None),
    ("力争2027年", None, date(2027, 12, 31), False, None),
    ("力争到2025年", None, date(2025, 12, 31), False, None),
    ("力争2024年底前完成", None, date(2024, 12, 31), False, None),
    ("2022年中", None, date(2022, 6, 30), False, None),
    ("2022年年中", None, date(2022, 6, 30), False, None),
    ("2024年底前完成", None, date(2024, 12, 31), False, None),
    ("2025年前完成", None, date(2025, 12, 31), False, None),
    ("2021年12月", None, date(2021, 12, 31), False, None),
    ("2024年2月", None, date(2024, 2, 29), False, None),
    ("2022年9月份", None, date(2022, 9, 30), False, None),
    ("2022年9月上旬", None, date(2022, 9, 10), False, None),
    ("2022年9月中旬", None, date(2022, 9, 20), False, None),
    ("2022年9月下旬", None, date(2022, 9, 30), False, None),
    ("2022年6月前", None, date(2022, 5, 31), False, None),  # strict 前 after a month
    ("2023年9月起", date(2023, 9, 1), None, True, None),
    ("2023年9月1日起", date(2023, 9, 1), None, True, None),
    ("2023年9月1号起", date(2023, 9, 1), None, True, None),
    ("确保2025年底", None, date(2025, 12, 31), False, None),
    ("2025年年底前", None, date(2025, 12, 31), False, None),
    ("二〇二五年", None, date(2025, 12, 31), False, None),
    ("二○二五年底前", None, date(2025, 12, 31), False, None),
    ("二〇二二年六月底前", None, date(2022, 6, 30), False, None),
    ("二〇二二年十二月", None, date(2022, 12, 31), False, None),
    ("2022年第二季度", None, date(2022, 6, 30), False, None),
    ("2023年秋季学期", date(2023, 9, 1), date(2024, 1, 31), False, None),
    ("2023年春季学期", date(2023, 2, 20), date(2023, 7, 10), False, None),
    ("2023年春季学期开学前", None, date(2023, 2, 19), False, None),
    ("2023年秋季开学前", None, date(2023, 8, 31), False, None),
    ("2023年秋季开学", None, date(2023, 9, 1), False, None),
    ("2023年秋季学期起", date(2023, 9, 1), None, True, None),
    ("2023年秋季学期末", None, date(2024, 1, 31), False, None),
    ("2023年暑期前", None, date(2023, 6, 30), False, None),
    ("2023年暑假", date(2023, 7, 1), date(2023, 8, 31), False, None),
    ("每学年", None, None, True, "school_year"),
    ("每学期", None, None, True, "semester"),
    ("每季度", None, None, True, "quarter"),
    # Counted from the issue date, 2022-03-16: the span's last day.
    ("三年内", ISSUED, date(2025, 3, 15), False, None),
    ("今后三年", ISSUED, date(2025, 3, 15), False, None),
    ("未来3年", ISSUED, date(2025, 3, 15), False, None),
    ("两年内", ISSUED, date(2024, 3, 15), False, None),
    ("5年之内", ISSUED, date(2027, 3, 15), False, None),
    ("六个月内", ISSUED, date(2022, 9, 15), False, None),
    # Without a year: the first such date on or after the issue date.
    ("秋季开学前", None, date(2022, 8, 31), False, None),
    ("春季学期开学前", None, date(2023, 2, 19), False, None),
    ("暑期前", None, date(2022, 6, 30), False, None),
    ("三年内,持续实施", ISSUED, date(2025, 3, 15), True, None),
]


@pytest.mark.parametrize(("phrase", "starts", "due", "ongoing", "recurring"), FORMS)
def test_form_reading(
    phrase: str, starts: date | None, due: date | None, ongoing: bool, recurring: str | None
) -> None:
    d = parse_deadline(phrase, issued=ISSUED)
    assert (d.starts, d.due, d.ongoing, d.recurring) == (starts, due, ongoing, recurring)


@pytest.mark.parametrize("phrase", ["力争2027年", "力争到“十四五”末", "力争三年内"])
def test_strive_for_marks_the_deadline_aspirational(phrase: str) -> None:
    assert parse_deadline(phrase, issued=ISSUED).aspirational
    assert not parse_deadline(phrase.removeprefix("力争"), issued=ISSUED).aspirational


def test_around_a_year_is_its_end_noted_as_approximate() -> None:
    d = parse_deadline("2025年前后")
    assert d.approximate
    assert d.due == parse_deadline("2025年底前").due
    assert not parse_deadline("2025年前").approximate


def test_a_later_issue_date_moves_a_yearless_term_to_the_next_year() -> None:
    assert parse_deadline("秋季开学前", issued=date(2022, 9, 5)).due == date(2023, 8, 31)
    assert parse_deadline("秋季开学前", issued=date(2022, 8, 31)).due == date(2022, 8, 31)


@pytest.mark.parametrize("phrase", ["三年内", "今后三年", "秋季开学前", "暑期前"])
def test_relative_phrases_need_the_issue_date(phrase: str) -> None:
    with pytest.raises(NeedsIssueDate, match="issue date"):
        parse_deadline(phrase)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("适时推进", "unknown time-limit phrase '适时推进'"),
        ("力争", "unknown time-limit phrase '力争'"),
        ("完成", "unknown time-limit phrase '完成'"),
        ("三年", "unknown time-limit phrase '三年'"),  # neither 内 nor 今后: not a span
        ("0年内", "spans no time"),
        ("2022年9月中", "unknown time-limit phrase"),
        ("2022年十三月", "unknown time-limit phrase"),
        ("冬季学期", "unknown time-limit phrase"),
    ],
)
def test_unknown_forms_keep_the_message(phrase: str, message: str) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(phrase, issued=ISSUED)
    assert message in str(info.value)


def test_unknown_phrase_still_points_to_the_override() -> None:
    with pytest.raises(DeadlineError, match="deadline_override"):
        parse_deadline("适时推进", issued=ISSUED)


def test_a_date_past_the_calendar_is_a_deadline_error() -> None:
    with pytest.raises(DeadlineError, match="out of range"):
        parse_deadline("十年内", issued=date(9995, 1, 1))


def test_a_task_alone_accepts_a_relative_phrase_and_its_plan_dates_it() -> None:
    task = Task.model_validate(
        {"id": "A1.1", "title": {"zh": "任务"}, "text": "原文", "deadline": "三年内"}
    )
    with pytest.raises(NeedsIssueDate):
        task.schedule  # noqa: B018 - no plan, no issue date


# Pieces of every form, so that generated text reaches each branch.
PIECES = [
    *"0123456789年月日号底前后起中内上下半第一二两三四五六七八九十〇○季度末、,;",
    "力争", "确保", "到", "完成", "今后", "个月", "学期", "学年", "秋季", "春季", "暑期",
    "开学", "十四五", "期间", "时期", "上旬", "每", "持续实施", "2022", "2199", "\u3000",
]  # fmt: skip
ISSUE_DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join), ISSUE_DATES | st.none())
def test_the_parser_raises_nothing_but_a_deadline_error(text: str, issued: date | None) -> None:
    try:
        result = parse_deadline(text, issued=issued)
    except DeadlineError:
        return
    assert isinstance(result, Deadline)
    assert result.due is not None or result.starts is not None or result.ongoing


def _reading(text: str, issued: date) -> tuple[object, ...] | str:
    try:
        d = parse_deadline(text, issued=issued)
    except DeadlineError as exc:
        return type(exc).__name__
    return (d.due, d.starts, d.ongoing, d.recurring, d.approximate, d.aspirational)


WIDE = str.maketrans({chr(c): chr(c - 0x21 + 0xFF01) for c in range(0x21, 0x7F)})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join), ISSUE_DATES)
def test_nfkc_equal_phrases_parse_equally(text: str, issued: date) -> None:
    wide = text.translate(WIDE).replace(" ", "\u3000")
    assert unicodedata.normalize("NFKC", wide) == unicodedata.normalize("NFKC", text)
    assert _reading(wide, issued) == _reading(text, issued)
