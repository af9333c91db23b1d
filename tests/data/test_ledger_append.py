"""Appending to the progress ledger: checks first, one quoted line, every earlier byte kept."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gl_plan.errors import ExitCode, GlplanError, Severity
from gl_plan.ledger.append import append_entry
from gl_plan.ledger.read import read_ledger
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan
from gl_plan.report.tasks_view import entry_line

HEADER = "date,task,status,value,note,region,reporter,metric\n"
OLD = HEADER + '2022-06-30,A2.1,in_progress,3,"起步,顺利",,电教站,\n'
TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def plan(fixtures_dir: Path) -> Plan:
    return load_plan(fixtures_dir / "tasks" / "plan.yaml")


def ledger_file(tmp_path: Path, data: bytes | str = OLD) -> Path:
    path = tmp_path / "progress.csv"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def add(path: Path, plan: Plan, **fields: Any) -> Any:
    fields.setdefault("task", "A2.1")
    fields.setdefault("status", "in_progress")
    fields.setdefault("entry_date", date(2023, 6, 30))
    fields.setdefault("today", TODAY)
    return append_entry(path, plan, **fields)


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# --------------------------------------------------------------------------- writing


def test_append_keeps_every_earlier_byte(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path)
    before = path.read_bytes()
    entry = add(path, plan, value="18", note="已建成18所", reporter="电教站")
    after = path.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :] == "2023-06-30,A2.1,in_progress,18,已建成18所,,电教站,\n".encode()
    assert entry.line == 3
    assert (entry.value, entry.note, entry.reporter) == (18.0, "已建成18所", "电教站")
    ledger, problems = read_ledger(path, plan)
    assert problems == []
    assert ledger.entries[-1] == entry


def test_note_with_commas_quotes_and_newlines_is_quoted(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path)
    note = 'a, b "quoted"\nsecond line; 第三，行'
    entry = add(path, plan, note=note)
    tail = path.read_bytes()[len(OLD.encode()) :].decode()
    assert tail == '2023-06-30,A2.1,in_progress,,"a, b ""quoted""\nsecond line; 第三，行",,,\n'
    ledger, problems = read_ledger(path, plan)
    assert problems == []
    assert ledger.entries[-1].note == note
    assert ledger.entries[-1].line == entry.line == 3
    # The next entry starts two physical lines later, after the note's line break.
    assert add(path, plan).line == 5


def test_file_without_final_newline_gets_one_first(tmp_path: Path, plan: Plan) -> None:
    old = OLD.rstrip("\n").encode()
    path = ledger_file(tmp_path, old)
    add(path, plan, status="completed")
    data = path.read_bytes()
    assert data.startswith(old)
    assert data[len(old) :] == b"\n2023-06-30,A2.1,completed,,,,,\n"
    assert len(read_ledger(path, plan)[0].entries) == 2


def test_crlf_file_stays_crlf(tmp_path: Path, plan: Plan) -> None:
    old = OLD.replace("\n", "\r\n").encode()
    path = ledger_file(tmp_path, old)
    add(path, plan)
    assert path.read_bytes() == old + b"2023-06-30,A2.1,in_progress,,,,,\r\n"


def test_crlf_file_without_final_newline(tmp_path: Path, plan: Plan) -> None:
    old = OLD.replace("\n", "\r\n").rstrip().encode()
    path = ledger_file(tmp_path, old)
    add(path, plan)
    assert path.read_bytes() == old + b"\r\n2023-06-30,A2.1,in_progress,,,,,\r\n"


def test_gbk_ledger_stays_gbk(tmp_path: Path, plan: Plan) -> None:
    old = OLD.encode("gbk")
    path = ledger_file(tmp_path, old)
    add(path, plan, note="已建成18所", region="荔浦县")
    data = path.read_bytes()
    assert data.startswith(old)
    assert data[len(old) :] == "2023-06-30,A2.1,in_progress,,已建成18所,荔浦市,,\n".encode("gbk")
    ledger, problems = read_ledger(path, plan)
    assert ledger.encoding == "gb18030"
    assert [p.code for p in problems] == ["encoding"]
    assert ledger.entries[-1].region == "450381"


def test_gbk_ledger_refuses_characters_gbk_cannot_hold(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path, OLD.encode("gbk"))
    before = path.read_bytes()
    with pytest.raises(GlplanError) as info:
        add(path, plan, note="完成 😀")
    assert "GBK" in str(info.value)
    assert path.read_bytes() == before


def test_bom_is_kept_and_not_repeated(tmp_path: Path, plan: Plan) -> None:
    old = codecs.BOM_UTF8 + OLD.encode()
    path = ledger_file(tmp_path, old)
    add(path, plan, note="备注")
    data = path.read_bytes()
    assert data.startswith(old)
    assert data.count(codecs.BOM_UTF8) == 1
    ledger, problems = read_ledger(path, plan)
    assert (ledger.encoding, problems) == ("utf-8-sig", [])
    assert ledger.entries[-1].note == "备注"


def test_missing_file_is_created_with_a_header(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "new.csv"
    entry = add(path, plan, status="未开始")
    assert path.read_text("utf-8") == HEADER + "2023-06-30,A2.1,not_started,,,,,\n"
    assert entry.line == 2
    assert entry.status == "not_started"


@pytest.mark.parametrize("old", [b"", codecs.BOM_UTF8, b"\n\n"])
def test_empty_file_gets_a_header(tmp_path: Path, plan: Plan, old: bytes) -> None:
    path = ledger_file(tmp_path, old)
    add(path, plan)
    data = path.read_bytes()
    assert data.startswith(old)
    ledger, problems = read_ledger(path, plan)
    assert problems == []
    assert len(ledger.entries) == 1


def test_the_files_column_order_and_delimiter_are_used(tmp_path: Path, plan: Plan) -> None:
    old = b"task;date;status;note\nA1.1;2022-06-30;in_progress;x\n"
    path = ledger_file(tmp_path, old)
    add(path, plan, task="a1.1", status="completed", note="a;b")
    assert path.read_bytes() == old + b'A1.1;2023-06-30;completed;"a;b"\n'


def test_region_is_written_as_its_name_and_returned_as_its_code(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path)
    entry = add(path, plan, task="A2.2", status="completed", region="Yangshuo")
    assert entry.region == "450321"
    assert path.read_text("utf-8").endswith("2023-06-30,A2.2,completed,,,阳朔县,,\n")
    assert "县区=阳朔县" in entry_line(entry, plan, "zh")
    assert "region=Yangshuo County" in entry_line(entry, plan, "en")


def test_metric_and_numbers(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path)
    add(path, plan, task="A2.4", value=3.0, metric="bases")
    add(path, plan, task="A2.4", value="２.5")
    lines = path.read_text("utf-8").splitlines()
    assert lines[-2] == "2023-06-30,A2.4,in_progress,3,,,,bases"
    assert lines[-1] == "2023-06-30,A2.4,in_progress,2.5,,,,"


def test_date_as_text_in_excel_form(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path)
    entry = add(path, plan, entry_date="2023/7/1")
    assert entry.date == date(2023, 7, 1)


def test_the_due_date_today_is_allowed(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path)
    assert add(path, plan, entry_date=TODAY).date == TODAY


# --------------------------------------------------------------------------- refusing


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"task": "A2.9"}, "task", "did you mean"),
        ({"task": ""}, "task", "unknown task"),
        ({"status": "finished"}, "status", "not_started, in_progress or completed"),
        ({"entry_date": "2023-02-30"}, "date", "impossible date"),
        ({"entry_date": "soon"}, "date", "not a date"),
        ({"entry_date": date(2026, 12, 1)}, "date", "in the future"),
        ({"entry_date": date(2021, 12, 1)}, "date", "before the plan was issued"),
        ({"value": "-1"}, "value", "must not be negative"),
        ({"value": "many"}, "value", "not a number"),
        ({"value": "nan"}, "value", "not a finite number"),
        ({"task": "A1.1", "value": "2"}, "value", "commits to no quantity"),
        ({"task": "A2.4", "metric": "schools"}, "metric", "no quantity 'schools'"),
        ({"region": "Atlantis"}, "region", "unknown region"),
        ({"task": "A2.3", "region": "灵川"}, "region", "not one of the regions"),
        ({"note": "x" * 10_001}, "note", "longer than"),
        ({"reporter": "a\x00b"}, "reporter", "NUL"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(
    tmp_path: Path, plan: Plan, fields: dict[str, Any], field: str, message: str
) -> None:
    path = ledger_file(tmp_path)
    before = path.read_bytes()
    with pytest.raises(GlplanError) as info:
        add(path, plan, **fields)
    assert info.value.exit_code is ExitCode.USAGE
    (problem,) = info.value.problems
    assert str(problem.field) == field
    assert message in problem.text()
    assert problem.file == str(path)
    assert path.read_bytes() == before
    assert no_temp_files(tmp_path)


def test_all_problems_are_reported_at_once(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path)
    with pytest.raises(GlplanError) as info:
        add(path, plan, task="Z1", status="?", entry_date="x", value="-2", region="nowhere")
    fields = [str(p.field) for p in info.value.problems]
    assert fields == ["task", "status", "date", "value", "region"]


def test_a_missing_file_is_not_created_on_bad_input(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "new.csv"
    with pytest.raises(GlplanError):
        add(path, plan, status="bad")
    assert not path.exists()


def test_a_field_without_a_column_is_refused(tmp_path: Path, plan: Plan) -> None:
    old = b"date,task,status,note\n2022-06-30,A2.1,in_progress,x\n"
    path = ledger_file(tmp_path, old)
    with pytest.raises(GlplanError) as info:
        add(path, plan, value="3")
    assert "no value column" in str(info.value)
    assert path.read_bytes() == old


def test_a_ledger_without_a_header_is_refused(tmp_path: Path, plan: Plan) -> None:
    old = b"2022-06-30,A2.1,in_progress\n"
    path = ledger_file(tmp_path, old)
    with pytest.raises(GlplanError) as info:
        add(path, plan)
    assert "not a header" in str(info.value)
    assert path.read_bytes() == old


def test_an_unclosed_quote_on_the_last_line_is_refused(tmp_path: Path, plan: Plan) -> None:
    old = (OLD + '2022-07-01,A2.1,in_progress,,"unfinished note\n').encode()
    path = ledger_file(tmp_path, old)
    with pytest.raises(GlplanError) as info:
        add(path, plan)
    assert "unclosed double quote" in str(info.value)
    assert path.read_bytes() == old


def test_a_read_only_ledger_is_refused(tmp_path: Path, plan: Plan) -> None:
    path = ledger_file(tmp_path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(GlplanError) as info:
        add(path, plan)
    assert info.value.exit_code is ExitCode.USAGE
    assert "is read-only" in str(info.value)
    assert info.value.problems[0].file == str(path)
    assert path.read_bytes() == before
    assert no_temp_files(tmp_path)


# --------------------------------------------------------------------------- interruptions


def test_a_failed_flush_leaves_the_old_file(
    tmp_path: Path, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ledger_file(tmp_path)
    before = path.read_bytes()
    inode = path.stat().st_ino
    flushes = []

    def fail(fd: int) -> None:
        flushes.append(fd)
        if len(flushes) == 1:  # the append's flush, not the cut-back's
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(GlplanError) as info:
        add(path, plan)
    assert "No space left on device" in str(info.value)
    assert path.read_bytes() == before
    assert path.stat().st_ino == inode
    assert no_temp_files(tmp_path)


def test_an_interrupt_during_the_write_leaves_the_old_file(
    tmp_path: Path, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ledger_file(tmp_path)
    before = path.read_bytes()

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        add(path, plan)
    assert path.read_bytes() == before
    assert no_temp_files(tmp_path)


@pytest.mark.skipif(not hasattr(os, "kill") or sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("dies_at", "entries"), [("write", 1), ("fsync", 2)])
def test_a_process_killed_mid_append_leaves_a_valid_file(
    tmp_path: Path, plan: Plan, fixtures_dir: Path, dies_at: str, entries: int
) -> None:
    """The writer dies (SIGKILL) just before its write (nothing added) or just before the
    flush (the kernel has the whole line): either way a ledger that reads cleanly."""
    path = ledger_file(tmp_path)
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import os, signal
        from datetime import date
        from gl_plan.ledger.append import append_entry
        from gl_plan.plan.load import load_plan

        def die(*args):
            os.kill(os.getpid(), signal.SIGKILL)

        os.{dies_at} = die
        plan = load_plan({str(fixtures_dir / "tasks" / "plan.yaml")!r})
        append_entry({str(path)!r}, plan, task="A2.1", status="completed",
                     entry_date=date(2023, 1, 1), note="never written")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9, result.stderr.decode()
    assert path.read_bytes().startswith(before)
    ledger, problems = read_ledger(path, plan)
    assert problems == []
    assert len(ledger.entries) == entries
    if entries == 1:
        assert path.read_bytes() == before


# --------------------------------------------------------------------------- round trip

notes = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    max_size=40,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=notes, reporter=notes)
def test_any_note_reads_back_as_written(
    tmp_path_factory: pytest.TempPathFactory, plan: Plan, note: str, reporter: str
) -> None:
    path = ledger_file(tmp_path_factory.mktemp("ledger"))
    before = path.read_bytes()
    entry = add(path, plan, note=note, reporter=reporter)
    assert path.read_bytes().startswith(before)
    ledger, problems = read_ledger(path, plan)
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    got = ledger.entries[-1]
    assert got.line == entry.line
    # The reader trims each cell; a note is stored as given apart from that.
    assert got.note == note.strip("\r\n").strip()
    assert (got.reporter or "") == reporter.strip()
