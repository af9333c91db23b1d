"""Property-based fuzzing of every reader and parser (hypothesis, bounded for CI).

Properties: the plan loader and the ledger reader raise nothing but :class:`GlplanError`
(with located problems); the indicator reader never raises at all (its problems are in the
result); the phrase and period parsers raise only their own documented errors; an append
to a ledger either changes nothing or adds exactly the one entry it returns.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hardening_support import PLAN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gl_plan.data.read import DataResult, NothingRead, read_indicators
from gl_plan.errors import GlplanError
from gl_plan.ledger.append import append_entry
from gl_plan.ledger.read import parse_ledger_text, read_ledger
from gl_plan.periods import PeriodError, parse_period
from gl_plan.plan.deadlines import DeadlineError, parse_deadline
from gl_plan.plan.load import load_plan, parse_plan
from gl_plan.plan.models import Plan

DAY = date(2026, 11, 28)
PLAN_TEXT = PLAN.read_text(encoding="utf-8")
PLAN_LINES = PLAN_TEXT.splitlines(keepends=True)
_KEY_LINE = re.compile(r"^(?P<indent>\s*(?:- )?)(?P<key>[A-Za-z_][\w.]*|\"[^\"]+\"):(?P<rest>.*)$")
KEY_LINES = [i for i, line in enumerate(PLAN_LINES) if _KEY_LINE.match(line.rstrip("\n"))]

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _check_plan_error(exc: GlplanError, file: str) -> None:
    assert exc.problems
    for problem in exc.problems:
        assert problem.text()
        assert problem.file == file


# --------------------------------------------------------------------------- plan YAML

YAML_BITS = st.sampled_from(
    [
        "\n", " ", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ",
        "? ", "|", ">", "'", '"', "#", "---\n", "...\n", "<<: ", "\t", "plan", "regions",
        "indicators", "goals", "actions", "tasks", "id", "code", "1", "0123", "1e400", "null",
        "true", "NO", "2025年底前", "中文", "\\", "%YAML 1.1\n", "\ufeff", "\x85", "\u2028",
    ]
)  # fmt: skip


def _read_one(path: Path, plan: Plan) -> DataResult:
    """One file's result; a file refused whole raises NothingRead (exit 2), which carries
    the result."""
    try:
        return read_indicators([path], plan, as_of=DAY)
    except NothingRead as exc:
        assert exc.result is not None
        return exc.result


@FUZZ
@given(st.one_of(st.text(max_size=400), st.lists(YAML_BITS, max_size=60).map("".join)))
def test_plan_loader_on_any_text(text: str) -> None:
    try:
        parse_plan(text, file="fuzz.yaml")
    except GlplanError as exc:
        _check_plan_error(exc, "fuzz.yaml")


NEW_VALUES = st.sampled_from(
    [
        "", "null", "0", "-1", "1e400", "-.inf", ".nan", "''", "[]", "{}", "[1, 2]", "{k: 1}",
        "true", "x" * 300, '"2025年底前"', "2022-13-40", "!!binary aGVsbG8=",
        "!!python/object:os.system ls", "&anchor x", "*anchor", '"\\u0000"',
        "99999999999999999999999", "中文", "[[[[]]]]",
    ]
)  # fmt: skip


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    """The real plan with 1-3 line-level mutations: a key dropped (with its block), a
    value replaced by one of another type, a key line duplicated."""
    lines = list(PLAN_LINES)
    for _ in range(draw(st.integers(1, 3))):
        candidates = [i for i in KEY_LINES if i < len(lines)]
        i = draw(st.sampled_from(candidates))
        match = _KEY_LINE.match(lines[i].rstrip("\n"))
        if match is None:
            continue
        indent = len(match["indent"])
        end = i + 1
        while end < len(lines) and (
            not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
        ):
            end += 1
        op = draw(st.sampled_from(["drop", "retype", "duplicate"]))
        if op == "drop":
            del lines[i:end]
        elif op == "retype":
            lines[i : i + 1] = [f"{match['indent']}{match['key']}: {draw(NEW_VALUES)}\n"]
        else:
            lines.insert(end, f"{' ' * indent if match['indent'].strip() else match['indent']}"
                              f"{match['key']}:{match['rest']}\n")  # fmt: skip
    return "".join(lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_plans())
def test_plan_loader_on_mutations_of_the_real_plan(text: str) -> None:
    try:
        parse_plan(text, file="plan.yaml")
    except GlplanError as exc:
        _check_plan_error(exc, "plan.yaml")
        # A mutation of a real plan is always somewhere: every problem has a line.
        assert all(p.line is not None for p in exc.problems), exc.problems


def test_the_unmutated_plan_is_valid() -> None:
    parse_plan(PLAN_TEXT)


# --------------------------------------------------------------------------- phrases, periods

PHRASE_BITS = st.sampled_from(
    [
        *"0123456789年月底前上下半起开始第季度末一二三四,，、;；持续实施推进长期坚 \tQq-_/.",
        *(
            "２０２２",
            "٢",
            "\u3000",
            "²",
            "𝟚",
            "\x00",
            "\ufeff",
            "㍿",
            "ⅷ",
            "2022",
            "2025年",
            "12月",
        ),
    ]
)


@FUZZ
@given(st.one_of(st.text(max_size=60), st.lists(PHRASE_BITS, max_size=20).map("".join)))
def test_deadline_parser_raises_only_its_own_error(text: str) -> None:
    try:
        deadline = parse_deadline(text)
    except DeadlineError:
        return
    assert deadline.text == text
    assert deadline.due is not None or deadline.ongoing


@FUZZ
@given(st.one_of(st.text(max_size=60), st.lists(PHRASE_BITS, max_size=20).map("".join)))
def test_period_parser_raises_only_its_own_error(text: str) -> None:
    try:
        period = parse_period(text)
    except PeriodError:
        return
    assert 1900 <= period.year <= 2199
    assert parse_period(str(period)) == period


# --------------------------------------------------------------------------- indicator files

CELLS = st.one_of(
    st.sampled_from(
        [
            "", "450302", "450321", "阳朔县", "阳朔", "Yangshuo", "2024Q1", "2024年第三季度",
            "2024", "2030Q1", "preschool_gross_enrollment_rate", "学前教育毛入园率", "95.5",
            "95.5%", "98,5", "-1", "1e400", "nan", "0", "9850", "10000", "region", "period",
            "indicator", "value", "numerator", "denominator", "地区", "时期", '"', "\r", "\n",
            "\x00", "\ufeff", " ", "\t",
        ]
    ),
    st.text(max_size=20),
)  # fmt: skip


@FUZZ
@given(st.binary(max_size=2000))
def test_csv_reader_on_any_bytes(plan: Plan, folder: Path, raw: bytes) -> None:
    path = folder / "450302_bytes.csv"
    path.write_bytes(raw)
    result = _read_one(path, plan)
    for problem in result.issues:
        assert problem.text()


@FUZZ
@given(
    st.sampled_from(
        [
            ["region", "period", "indicator", "value"],
            ["region", "period", "indicator", "numerator", "denominator"],
            ["地区", "时期", "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"],
            [],
        ]
    ),
    st.lists(st.lists(CELLS, max_size=7), max_size=12),
    st.sampled_from([",", ";", "\t"]),
)
def test_csv_reader_on_any_rows(
    plan: Plan, folder: Path, header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    path = folder / "450302_rows.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8", errors="surrogatepass"))
    result = _read_one(path, plan)
    assert all(p.text() for p in result.issues)
    # Every accepted observation is in range and of a known region and indicator.
    for obs in result.observations:
        assert obs.region in plan.region_by_code
        assert obs.indicator in plan.indicator_by_id


def _excel_text() -> st.SearchStrategy[str]:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return st.text(st.characters(blacklist_categories=["Cs"]), max_size=30).filter(
        lambda s: not ILLEGAL_CHARACTERS_RE.search(s)
    )


EXCEL_CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2199, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2199, 12, 31)),
    st.sampled_from(["450302", "2024Q1", "preschool_gross_enrollment_rate", "95.5", "阳朔"]),
    _excel_text(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.booleans(),
    st.lists(st.lists(EXCEL_CELLS, max_size=6), max_size=8),
    st.sampled_from([None, "0.0%", "0.00", "@", "yyyy-mm-dd"]),
)
def test_xlsx_reader_on_any_cells(
    plan: Plan, folder: Path, header: bool, rows: list[list[object]], number_format: str | None
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    if header:
        sheet.append(["region", "period", "indicator", "value"])
    for row in rows:
        sheet.append(row)
        if number_format is not None:
            for cell in sheet[sheet.max_row]:
                cell.number_format = number_format
    path = folder / "450302_cells.xlsx"
    book.save(path)
    result = _read_one(path, plan)
    assert all(p.text() for p in result.issues)


# --------------------------------------------------------------------------- ledgers

LEDGER_CELLS = st.sampled_from(
    [
        b"", b"2022-08-31", b"2022/8/31", "2022年8月31日".encode(), b"9999-99-99", b"A9.4",
        b"a3.6", b"A99.9", b"completed", "已完成".encode(), b"1e400", b"nan", b"-1", b"18",
        b'"', b'"x,y"', b"\r", b"\n", b"\x00", b"\xff\xfe", b"450321", "阳朔".encode(),
        b"national_labour_education_zones", b";", b"\t", b"date", b"task", b"status",
    ]
)  # fmt: skip
LEDGER_HEADER = b"date,task,status,value,note,region,reporter,metric\n"
LEDGER_BYTES = st.one_of(
    st.binary(max_size=400),
    st.lists(st.lists(LEDGER_CELLS, max_size=9).map(b",".join), max_size=8).map(
        lambda rows: LEDGER_HEADER + b"\n".join(rows)
    ),
    st.lists(st.lists(LEDGER_CELLS, max_size=9).map(b",".join), max_size=8).map(b"\n".join),
)


@FUZZ
@given(LEDGER_BYTES)
def test_ledger_reader_on_any_bytes(plan: Plan, folder: Path, raw: bytes) -> None:
    path = folder / "progress_bytes.csv"
    path.write_bytes(raw)
    try:
        ledger, problems = read_ledger(path, plan)
    except GlplanError as exc:
        assert exc.problems
        assert all(p.file == str(path) for p in exc.problems)
        return
    assert all(p.text() for p in problems)
    assert all(e.task in plan.task_by_id for e in ledger.entries)


@FUZZ
@given(st.text(max_size=400))
def test_ledger_text_parser_never_raises(plan: Plan, text: str) -> None:
    entries, problems, _ = parse_ledger_text(text, plan, file="t.csv")
    assert all(p.file == "t.csv" for p in problems)
    assert len(entries) <= text.count("\n") + text.count("\r") + 1


NOTE = st.text(st.sampled_from(list('ab,";\r\n\t 阳朔\u2028\x85')), max_size=12)


@FUZZ
@given(
    LEDGER_BYTES,
    st.sampled_from(["A9.4", "A3.6", "a9.4", "Z1.1"]),
    st.sampled_from(["completed", "进行中", "in progress", "done"]),
    NOTE,
    st.one_of(st.none(), NOTE),
    st.one_of(st.none(), st.sampled_from(["18", "-1", "nan", "1e309", "x", "１８"])),
    st.one_of(st.none(), st.sampled_from(["阳朔", "450321", "Yangshuo", "nowhere"])),
)
def test_ledger_append_adds_exactly_its_entry_or_nothing(
    plan: Plan,
    folder: Path,
    raw: bytes,
    task: str,
    status: str,
    note: str,
    reporter: str | None,
    value: str | None,
    region: str | None,
) -> None:
    path = folder / "progress_append.csv"
    path.write_bytes(raw)
    try:
        before: list[object] | None = list(read_ledger(path, plan)[0].entries)
    except GlplanError:
        before = None
    try:
        entry = append_entry(
            path, plan, task=task, status=status, entry_date=date(2023, 1, 1), note=note,
            reporter=reporter, value=value, region=region, today=DAY,
        )  # fmt: skip
    except GlplanError:
        assert path.read_bytes() == raw, "a refused append writes nothing"
        return
    new = path.read_bytes()
    assert new.startswith(raw), "every earlier byte is kept"
    after, _ = read_ledger(path, plan)
    if before is not None:
        assert after.entries[: len(before)] == before
        assert len(after.entries) == len(before) + 1
    assert after.entries[-1] == entry, "the entry returned is the entry read back"
