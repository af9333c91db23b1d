"""Reading the progress ledger: encodings, headers, located problems, the sample file."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from gl_plan.assess.tasks import assess_tasks, task_summary
from gl_plan.errors import ExitCode, GlplanError, Problem, Severity
from gl_plan.ledger.model import Ledger, parse_entry_date, parse_status
from gl_plan.ledger.read import parse_ledger_text, read_ledger
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

HEADER = "date,task,status,value,note,region,reporter,metric\n"


@pytest.fixture(scope="module")
def plan(fixtures_dir: Path) -> Plan:
    return load_plan(fixtures_dir / "tasks" / "plan.yaml")


def write(tmp_path: Path, data: bytes | str, name: str = "progress.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def test_reads_entries_with_all_fields(tmp_path: Path, plan: Plan) -> None:
    path = write(
        tmp_path,
        HEADER
        + '2022-08-25,A2.2,completed,,"改革完成,已验收",阳朔,阳朔县教育局,\n'
        + "2023-06-30,A2.4,in_progress,3,,,,bases\n",
    )
    ledger, problems = read_ledger(path, plan)
    assert problems == []
    assert ledger.encoding == "utf-8"
    assert ledger.path == str(path)
    first, second = ledger.entries
    assert first.date == date(2022, 8, 25)
    assert (first.task, first.status, first.region) == ("A2.2", "completed", "450321")
    assert first.note == "改革完成,已验收"
    assert first.reporter == "阳朔县教育局"
    assert (first.line, second.line) == (2, 3)
    assert (second.value, second.metric, second.note, second.reporter) == (3.0, "bases", "", None)


def test_minimal_columns_and_any_order(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "status,task,date\n已完成,a1.1,2022/12/5\n")
    ledger, problems = read_ledger(path, plan)
    assert problems == []
    (e,) = ledger.entries
    assert (e.task, e.status, e.date, e.value, e.region) == (
        "A1.1",
        "completed",
        date(2022, 12, 5),
        None,
        None,
    )


def test_chinese_headers_and_statuses(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "日期,任务,状态,数值,备注\n2022-06-30,A2.1,进行中,3,起步\n")
    ledger, problems = read_ledger(path, plan)
    assert problems == []
    assert ledger.entries[0].status == "in_progress"
    assert ledger.entries[0].value == 3


def test_gbk_ledger(tmp_path: Path, plan: Plan) -> None:
    text = HEADER + "2022-08-25,A2.2,已完成,,县管校聘改革完成,荔浦县,荔浦县教育局,\n"
    path = write(tmp_path, text.encode("gbk"))
    ledger, problems = read_ledger(path, plan)
    assert ledger.encoding == "gb18030"
    assert [p.code for p in problems] == ["encoding"]  # says which encoding was used
    assert problems[0].severity is Severity.INFO  # a note: GBK is how Excel saves a CSV
    (e,) = ledger.entries
    assert (e.status, e.region, e.note) == ("completed", "450381", "县管校聘改革完成")


def test_bom_ledger(tmp_path: Path, plan: Plan) -> None:
    text = HEADER + "2022-08-25,A1.1,进行中,,备注,,,\n"
    path = write(tmp_path, codecs.BOM_UTF8 + text.encode("utf-8"))
    ledger, problems = read_ledger(path, plan)
    assert problems == []
    assert ledger.encoding == "utf-8-sig"
    assert ledger.entries[0].note == "备注"


def test_forced_encoding(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, (HEADER + "2022-08-25,A1.1,进行中,,,,,\n").encode("gbk"))
    ledger, problems = read_ledger(path, plan, encoding="gbk")
    assert problems == []
    assert ledger.encoding == "gbk"
    assert len(ledger.entries) == 1


def test_crlf_and_blank_lines(tmp_path: Path, plan: Plan) -> None:
    text = HEADER.replace("\n", "\r\n") + "\r\n2022-08-25,A1.1,completed,,,,,\r\n\r\n"
    ledger, problems = read_ledger(write(tmp_path, text), plan)
    assert problems == []
    assert [e.line for e in ledger.entries] == [3]


def test_every_row_problem_is_located_and_bad_rows_are_skipped(tmp_path: Path, plan: Plan) -> None:
    text = (
        HEADER
        + "2022-13-01,A1.1,completed,,,,,\n"  # 2 impossible date
        + "2022-08-01,A9.9,completed,,,,,\n"  # 3 unknown task
        + "2022-08-01,A1.1,done,,,,,\n"  # 4 unknown status
        + "2022-08-01,A2.1,in_progress,-3,,,,\n"  # 5 negative value
        + "2022-08-01,A2.1,in_progress,lots,,,,\n"  # 6 not a number
        + "2022-08-01,A2.2,completed,,,Atlantis,,\n"  # 7 unknown region
        + "2022-08-01,A2.4,in_progress,2,,,,schools\n"  # 8 unknown metric
        + "2022-08-01,A1.1,in_progress,,a,b,c,d,e\n"  # 9 extra cell (unquoted comma)
        + ",A1.1,,,,,,\n"  # 10 missing date and status
        + "2022-08-01,A1.1,in_progress,,fine,,,\n"  # 11 ok
    )
    path = write(tmp_path, text)
    ledger, problems = read_ledger(path, plan)
    assert [e.line for e in ledger.entries] == [11]
    located = [(p.line, p.field and str(p.field), p.code) for p in errors(problems)]
    assert located == [
        (2, "date", "type-error"),
        (3, "task", "unknown-task"),
        (4, "status", "type-error"),
        (5, "value", "constraint-error"),
        (6, "value", "type-error"),
        (7, "region", "unknown-region"),
        (8, "metric", "unknown-metric"),
        (9, None, "extra-cell"),
        (10, "date", "missing-cell"),
        (10, "status", "missing-cell"),
    ]
    assert all(p.file == str(path) for p in problems)
    by_line = {p.line: p for p in errors(problems)}
    assert by_line[2].column == 1
    assert by_line[4].column == 3
    assert by_line[3].text() == "unknown task 'A9.9' (tasks are A1.1..A2.5)"
    assert "not_started, in_progress or completed" in by_line[4].text()
    assert "double quotes" in by_line[9].text()
    assert str(by_line[7]).startswith(f"{path}:7:6: region: unknown region")


def test_unknown_task_suggests_close_ids(tmp_path: Path, plan: Plan) -> None:
    _, problems = read_ledger(write(tmp_path, HEADER + "2022-08-01,A2.6,completed,,,,,\n"), plan)
    assert "did you mean A2.1" in problems[0].text() or "A2.5" in problems[0].text()


def test_warnings_keep_the_row(tmp_path: Path, plan: Plan) -> None:
    text = (
        "date,task,status,value,colour\n"
        "2021-08-01,A1.1,in_progress,,blue\n"  # before the plan: a typo?
        "2022-08-01,A1.1,in_progress,5,\n"  # value for a task with no quantity
        "2022-08-01,A1.1,in_progress,5,\n"  # duplicate row
    )
    ledger, problems = read_ledger(write(tmp_path, text), plan)
    assert len(ledger.entries) == 3
    assert errors(problems) == []
    assert [(p.line, p.code) for p in problems] == [
        (1, "unknown-label"),
        (2, "constraint-error"),
        (3, "constraint-error"),
        (4, "constraint-error"),
        (4, "duplicate-row"),
    ]
    assert ledger.entries[1].value is None


def test_region_outside_the_listed_regions_is_a_warning(tmp_path: Path, plan: Plan) -> None:
    text = HEADER + "2024-01-01,A2.3,completed,,,灵川县,,\n"
    ledger, problems = read_ledger(write(tmp_path, text), plan)
    assert len(ledger.entries) == 1
    assert [p.severity for p in problems] == [Severity.WARNING]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,task\n2022-08-01,A1.1\n", "missing required column(s) status"),
        ("2022-08-01,A1.1,completed\n", "the first line is data, not a header"),
        ("date,task,status,date\n", "duplicate column"),
    ],
)
def test_header_problems(tmp_path: Path, plan: Plan, text: str, message: str) -> None:
    ledger, problems = read_ledger(write(tmp_path, text), plan)
    assert ledger.entries == []
    assert any(message in p.text() for p in errors(problems)), problems
    assert all(p.line == 1 for p in errors(problems))


def test_empty_file_is_an_empty_ledger_with_a_warning(tmp_path: Path, plan: Plan) -> None:
    ledger, problems = read_ledger(write(tmp_path, b""), plan)
    assert ledger.entries == []
    assert [p.severity for p in problems] == [Severity.WARNING]


def test_header_only(tmp_path: Path, plan: Plan) -> None:
    ledger, problems = read_ledger(write(tmp_path, HEADER), plan)
    assert (ledger.entries, problems) == ([], [])


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "encoding-error"),
        (b"PK\x03\x04rest", "encoding-error"),
    ],
)
def test_unreadable_files_exit_2(tmp_path: Path, plan: Plan, data: bytes, code: str) -> None:
    with pytest.raises(GlplanError) as info:
        read_ledger(write(tmp_path, data), plan)
    assert info.value.exit_code is ExitCode.USAGE
    assert info.value.problems[0].code == code


def test_undecodable_with_forced_encoding_exits_2(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, (HEADER + "2022-08-01,A1.1,进行中,,,,,\n").encode("gbk"))
    with pytest.raises(GlplanError) as info:
        read_ledger(path, plan, encoding="utf-8")
    assert info.value.exit_code is ExitCode.USAGE
    assert info.value.problems[0].line == 2


def test_missing_file_and_folder_exit_2(tmp_path: Path, plan: Plan) -> None:
    for path, message in ((tmp_path / "nope.csv", "no such file"), (tmp_path, "is a folder")):
        with pytest.raises(GlplanError) as info:
            read_ledger(path, plan)
        assert info.value.exit_code is ExitCode.USAGE
        assert message in str(info.value)


def test_parse_ledger_text_directly(plan: Plan) -> None:
    entries, problems, columns = parse_ledger_text(
        "date;task;status\n2022-08-01;A1.1;completed\n", plan
    )
    assert problems == []
    assert columns == ("date", "task", "status")
    assert entries[0].task == "A1.1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-08-31", date(2022, 8, 31)),
        ("2022/8/31", date(2022, 8, 31)),
        ("2022.08.31", date(2022, 8, 31)),
        ("2022年8月31日", date(2022, 8, 31)),
        ("２０２２-０８-３１", date(2022, 8, 31)),
    ],
)
def test_date_forms(text: str, expected: date) -> None:
    assert parse_entry_date(text) == expected


@pytest.mark.parametrize("text", ["2022-02-30", "31/08/2022", "2022-8", "", "yesterday"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_entry_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("completed", "completed"),
        (" In Progress ", "in_progress"),
        ("in-progress", "in_progress"),
        ("NOT_STARTED", "not_started"),
        ("未开始", "not_started"),
        ("进行中", "in_progress"),
        ("已完成", "completed"),
    ],
)
def test_status_spellings(text: str, expected: str) -> None:
    assert parse_status(text) == expected


# --------------------------------------------------------------------------- the sample


def test_sample_ledger_reads_cleanly_and_has_the_promised_mix(repo_root: Path) -> None:
    real = load_plan(repo_root / "data" / "plan.yaml")
    ledger, problems = read_ledger(repo_root / "data" / "progress.csv", real)
    assert problems == []
    assert isinstance(ledger, Ledger)
    items = {t.id: t for t in assess_tasks(real, ledger, date(2026, 11, 30))}
    counts = task_summary(items.values())
    assert counts["total"] == 35
    assert min(counts[s] for s in ("done", "done_late", "overdue", "ongoing")) > 0
    assert items["A9.5"].status == "overdue"  # 民办义务教育 not completed
    digital = items["A3.6"]
    assert digital.status == "overdue"
    assert digital.quantities[0].achieved == 18
    assert "quantity_behind" in digital.flags
    assert items["A9.4"].regions[0].label == "6/6"
    # A past date re-runs exactly: at the reform's due date 4 of the 6 counties had finished.
    at_due = {t.id: t for t in assess_tasks(real, ledger, date(2022, 8, 31))}
    assert at_due["A9.4"].regions[0].label == "4/6"
    assert at_due["A9.4"].status == "due_soon"
    assert assess_tasks(real, ledger, date(2022, 9, 1))[30].status == "overdue"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2022-08-31 00:00:00", date(2022, 8, 31)),  # a date cell Excel wrote to CSV
        ("2022-08-31T10:00:00+08:00", date(2022, 8, 31)),
        ("2022-08-31T10:00:00.123456789Z", date(2022, 8, 31)),
        ("2022-08-31T1000", date(2022, 8, 31)),
        ("2022-08-31 10:00+0800", date(2022, 8, 31)),
        ("20220831", date(2022, 8, 31)),
        # 24:00 ends the day: the next one starts
        ("2022-08-31T24:00", date(2022, 9, 1)),
        ("2022-12-31 24:00:00.000", date(2023, 1, 1)),
    ],
)
def test_iso_dates_with_a_time_or_in_basic_form(text: str, day: date) -> None:
    assert parse_entry_date(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "2022-08",
        "2022-02-30 00:00:00",
        "2022-08-31 noon",
        "2022-08-31 25:00",
        "2022-08-31 24:30",
        "2022-08-31 10:Z",
        "2022-08-31T00.5",
        "2022-08-31 00:00:00 +08:00",
    ],
)
def test_a_month_alone_or_an_impossible_day_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_entry_date(text)
