"""``glplan progress list`` (the ledger as a table) and ``glplan progress import`` (the
entries of the returns units send back) through the command line."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner, Result

from gl_plan.cli import app

runner = CliRunner()
HEADER = "date,task,status,value,note,region,reporter,metric\n"
LEDGER = (
    HEADER
    + "2025-01-10,A3.6,in_progress,12,新建12所,,市教育局电教站,\n"
    + "2024-06-30,A9.4,completed,,完成县管校聘改革,阳朔县,阳朔县教育局,\n"
    + "2025-03-31,A3.6,in_progress,18,=cmd,,市教育局电教站,\n"
    + "2025-02-01,A9.7,in_progress,2,,,全州县教育局,national_study_practice_bases\n"
)
RETURNS = Path(__file__).resolve().parents[1] / "fixtures" / "progress_import"


def _expected() -> dict[str, list[dict[str, str]]]:
    data: dict[str, list[dict[str, str]]] = json.loads(
        (RETURNS / "expected.json").read_text(encoding="utf-8")
    )
    return data


def _cells(row: dict[str, str]) -> list[str]:
    return [row[c] for c in HEADER.strip().split(",")]


@pytest.fixture
def project(tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder whose ledger holds four entries; the working directory."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(repo_root / "data" / "plan.yaml", data / "plan.yaml")
    (data / "progress.csv").write_text(LEDGER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return data


def _run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output + (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def _ledger_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))[1:]


# --------------------------------------------------------------------------- progress list


def test_list_json_is_every_entry_in_date_order(project: Path) -> None:
    result = _run("progress", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["total"] == 4
    assert [(e["date"], e["task"], e["line"]) for e in doc["entries"]] == [
        ("2024-06-30", "A9.4", 3),
        ("2025-01-10", "A3.6", 2),
        ("2025-02-01", "A9.7", 5),
        ("2025-03-31", "A3.6", 4),
    ]
    a94 = doc["entries"][0]
    assert a94["status"] == "completed"
    assert a94["region"] == "450321"
    assert a94["title"].startswith("Advance the")
    assert doc["entries"][2]["metric"] == "national_study_practice_bases"
    assert doc["entries"][2]["value"] == 2


def test_list_filters_by_task_and_since(project: Path) -> None:
    result = _run("progress", "list", "-f", "json", "--task", "a3.6", "--since", "2025.2.1")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)["entries"]
    assert [(e["date"], e["value"]) for e in entries] == [("2025-03-31", 18)]
    both = _run("progress", "list", "-f", "json", "--task", "A3.6,A9.4", "--task", "A9.7")
    assert len(json.loads(both.stdout)["entries"]) == 4


def test_list_csv_guards_formulas_and_names_columns_in_chinese(project: Path) -> None:
    en = _run("progress", "list", "-f", "csv")
    rows = list(csv.reader(io.StringIO(en.stdout)))
    assert rows[0] == [
        "date", "task", "title", "status", "metric", "value", "region", "reporter", "note",
        "line",
    ]  # fmt: skip
    assert rows[-1][3] == "in_progress"
    assert rows[-1][8] == "'=cmd"  # a note starting like a formula stays text
    zh = _run("progress", "list", "-f", "csv", "--lang", "zh", "--task", "A9.4")
    zh_rows = list(csv.reader(io.StringIO(zh.stdout)))
    assert zh_rows[0][:4] == ["日期", "任务编号", "任务", "状态"]
    assert zh_rows[1][2] == "全面推进“县管校聘”改革"
    assert zh_rows[1][3] == "已完成"
    assert zh_rows[1][6] == "阳朔"


def test_list_markdown_and_table_in_chinese(project: Path) -> None:
    md = _run("progress", "list", "--format", "md", "--lang", "zh")
    assert md.exit_code == 0
    assert md.stdout.startswith("## 进展台账\n")
    assert "| 日期 | 任务编号 | 任务 | 状态 |" in md.stdout
    assert "| 2024-06-30 | A9.4 | 全面推进“县管校聘”改革 | 已完成 |" in md.stdout
    table = _run("progress", "list", "--lang", "zh", "--task", "A9.4")
    assert "进展台账" in table.stdout
    assert "已完成" in table.stdout
    printed = Counter("".join(table.stdout.split()))
    assert not Counter("完成县管校聘改革阳朔县教育局阳朔全面推进“县管校聘”改革") - printed


def test_list_table_fits_80_columns_and_cuts_nothing(project: Path) -> None:
    """Folded cells interleave line by line, so the check is that every character of every
    cell is printed somewhere, none cut off at the edge."""
    table = _run("progress", "list", "--task", "A9.7")
    assert max(cell_len(line) for line in table.stdout.splitlines()) <= 80
    title = "Combine education with productive labour and social practice"
    cells = ["2025-02-01", "A9.7", title, "in_progress", "2", "全州县教育局"]
    wanted = Counter("".join("".join([*cells, "national_study_practice_bases"]).split()))
    assert not wanted - Counter("".join(table.stdout.split()))


def test_list_output_file_takes_the_format_from_its_suffix(project: Path) -> None:
    out = project.parent / "台账.md"
    result = _run("progress", "list", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("## Progress ledger")


def test_list_refuses_a_format_it_has_not(project: Path) -> None:
    result = _run("progress", "list", "--format", "html")
    assert result.exit_code == 2
    assert "table, json, csv, markdown" in result.output


def test_list_unknown_task_names_the_nearest_ids(project: Path) -> None:
    result = _run("progress", "list", "--task", "A9.8")
    assert result.exit_code == 2
    assert "--task: unknown task 'A9.8'; did you mean A9.7" in result.output


def test_list_bad_since_is_a_usage_error(project: Path) -> None:
    result = _run("progress", "list", "--since", "yesterday")
    assert result.exit_code == 2
    assert "--since: not a date: 'yesterday'" in result.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_list_of_an_empty_ledger_says_how_to_add_one(project: Path, lang: str) -> None:
    (project / "progress.csv").write_text(HEADER, encoding="utf-8")
    result = _run("progress", "list", "--lang", lang)
    assert result.exit_code == 0
    if lang == "en":
        assert "no entries yet" in result.stdout
        assert "glplan progress add" in result.stdout
    else:
        assert "还没有记录" in result.stdout
    doc = _run("progress", "list", "-f", "json")
    assert json.loads(doc.stdout)["entries"] == []
    assert "no entries yet" in doc.stderr


def test_list_with_no_match_says_so(project: Path) -> None:
    result = _run("progress", "list", "--since", "2030-01-01")
    assert "No entries match (the ledger has 4)" in result.stdout


# --------------------------------------------------------------------------- progress import


@pytest.mark.parametrize("name", list(_expected()))
def test_import_each_return_gives_its_expected_entries(project: Path, name: str) -> None:
    ledger = project / "progress.csv"
    before = ledger.read_bytes()
    result = _run("progress", "import", str(RETURNS / name))
    assert result.exit_code == 0, result.output
    expected = _expected()[name]
    tasks = len({row["task"] for row in expected})
    assert f"{len(expected)} entries added for {tasks} tasks" in result.stdout
    after = ledger.read_bytes()
    assert after.startswith(before)
    assert _ledger_rows(ledger)[4:] == [_cells(row) for row in expected]


def test_import_all_three_returns_then_list(project: Path) -> None:
    for name in _expected():
        assert _run("progress", "import", str(RETURNS / name)).exit_code == 0
    doc = json.loads(_run("progress", "list", "-f", "json", "--since", "2025-03-01").stdout)
    assert len(doc["entries"]) == 10  # 9 imported and the ledger's own 2025-03-31 entry
    assert {e["reporter"] for e in doc["entries"]} == {
        "市教育局电教站",
        "秀峰区教育局",
        "灵川县教育局",
        "全州县教育局",
    }


def test_import_a_return_twice_skips_the_duplicates(project: Path) -> None:
    sheet = str(RETURNS / "全州县_progress.csv")
    assert _run("progress", "import", sheet).exit_code == 0
    before = (project / "progress.csv").read_bytes()
    again = _run("progress", "import", sheet)
    assert again.exit_code == 0
    assert "0 entries added for 0 tasks" in again.stdout
    assert "3 already in the ledger, skipped" in again.stdout
    assert "全州县_progress.csv:3: already in the ledger (line 6); skipped" in again.stderr
    assert (project / "progress.csv").read_bytes() == before


def test_import_a_row_already_in_the_ledger_among_new_ones(project: Path) -> None:
    sheet = project.parent / "return.csv"
    sheet.write_text(
        "任务编号,日期,进度,完成值,填报人,备注\n"
        "A3.6,2025-01-10,进行中,12,市教育局电教站,新建12所\n"
        "A3.6,2025-04-30,进行中,20,市教育局电教站,\n",
        encoding="utf-8",
    )
    result = _run("progress", "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "1 entries added for 1 tasks" in result.stdout
    assert "1 already in the ledger, skipped" in result.stdout
    assert "return.csv:2: already in the ledger (line 2)" in result.stderr
    assert _ledger_rows(project / "progress.csv")[-1][:4] == [
        "2025-04-30",
        "A3.6",
        "in_progress",
        "20",
    ]


def test_import_a_row_repeated_in_the_sheet_is_added_once(project: Path) -> None:
    sheet = project.parent / "return.csv"
    row = "A9.2,2025-03-31,已完成,,秀峰区教育局\n"
    sheet.write_text("任务编号,日期,进度,完成值,填报人\n" + row + row, encoding="utf-8")
    result = _run("progress", "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "1 entries added for 1 tasks" in result.stdout
    assert "return.csv:3: the same as row 2 of this sheet; imported once" in result.stderr


def test_import_all_or_nothing_lists_every_bad_row(project: Path) -> None:
    ledger = project / "progress.csv"
    before = ledger.read_bytes()
    sheet = project.parent / "bad.csv"
    sheet.write_text(
        "桂林市教育行动计划任务进展填报表,,,,\n"
        "任务编号,填报日期,进度,完成值,备注\n"
        "A3.6,2025-03-31,进行中,15,\n"
        "A9.9,2025-03-31,进行中,,\n"
        "A3.6,2025-13-01,差不多,abc,\n"
        "A3.6,2025-03-31,进行中,1010,\n"
        "A9.2,,已完成,,\n"
        "A9.4,2025-03-31,已完成,,\n",
        encoding="utf-8",
    )
    result = _run("progress", "import", str(sheet))
    assert result.exit_code == 2
    assert ledger.read_bytes() == before
    err = result.stderr
    assert "bad.csv:4:1: 任务编号: unknown task 'A9.9'; did you mean" in err
    assert "bad.csv:5:2: 填报日期: impossible date '2025-13-01'" in err
    assert "bad.csv:5:3: 进度: unknown status '差不多'" in err
    assert "bad.csv:5:4: 完成值: not a number: 'abc'" in err
    assert "bad.csv:6:4: 完成值: 1010 is more than 10 times" in err
    assert "--force" in err
    assert "bad.csv:7:2: 填报日期: missing date" in err
    assert "nothing was written" in err
    assert not [line for line in err.splitlines() if "bad.csv:3:" in line or "bad.csv:8:" in line]
    assert "added" not in result.stdout


def test_import_force_takes_a_value_over_ten_times_the_target(project: Path) -> None:
    sheet = project.parent / "big.csv"
    sheet.write_text("任务编号,日期,状态,完成值\nA3.6,2025-03-31,进行中,1010\n", encoding="utf-8")
    assert _run("progress", "import", str(sheet)).exit_code == 2
    result = _run("progress", "import", str(sheet), "--force")
    assert result.exit_code == 0, result.output
    assert _ledger_rows(project / "progress.csv")[-1][3] == "1010"


def test_import_refusal_in_chinese(project: Path) -> None:
    sheet = project.parent / "bad.csv"
    sheet.write_text("任务编号,日期,状态\nA9.9,2025-03-31,进行中\n", encoding="utf-8")
    result = _run("progress", "import", str(sheet), "--lang", "zh")
    assert result.exit_code == 2
    assert "bad.csv:2:1: 任务编号: 未知任务“A9.9”" in result.stderr
    assert "未写入任何内容" in result.stderr


def test_import_gbk_csv(project: Path) -> None:
    sheet = project.parent / "秀峰区.csv"
    sheet.write_bytes(
        "序号,任务编号,任务,填报日期,进度,完成值,填报人,备注\r\n"
        "1,A3.6,加快推进教育信息化,2025年3月31日,进行中,21,秀峰区教育局,新增“智慧校园”\r\n".encode(
            "gbk"
        )
    )
    result = _run("progress", "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "read as GB18030 (GBK)" in result.stderr
    assert _ledger_rows(project / "progress.csv")[-1] == [
        "2025-03-31", "A3.6", "in_progress", "21", "新增“智慧校园”", "", "秀峰区教育局", "",
    ]  # fmt: skip


def test_import_xlsx_made_here(project: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "进展"
    sheet.append(["阳朔县教育局任务进展"])
    sheet.append([])
    sheet.append(["Task ID", "Task", "Date", "Status", "Value", "Region", "Reporter"])
    sheet.append(["A9.4", "县管校聘", datetime(2025, 3, 31), "completed", None, "阳朔", "阳朔县"])
    sheet.append(["A3.6", "信息化", "2025.3.31", "in progress", 22, None, "阳朔县"])
    sheet.append([])
    path = project.parent / "阳朔.xlsx"
    book.save(path)
    result = _run("progress", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "2 entries added for 2 tasks" in result.stdout
    rows = _ledger_rows(project / "progress.csv")[-2:]
    assert rows == [
        ["2025-03-31", "A9.4", "completed", "", "", "阳朔县", "阳朔县", ""],
        ["2025-03-31", "A3.6", "in_progress", "22", "", "", "阳朔县", ""],
    ]


def test_import_xlsx_bad_cell_is_located_by_sheet_and_row(project: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一季度"
    sheet.append(["任务编号", "日期", "状态"])
    sheet.append(["A9.4", datetime(2025, 3, 31), "完成了"])
    path = project.parent / "bad.xlsx"
    book.save(path)
    before = (project / "progress.csv").read_bytes()
    result = _run("progress", "import", str(path))
    assert result.exit_code == 2
    assert "bad.xlsx[一季度]:2:3: 状态: unknown status '完成了'" in result.stderr
    assert (project / "progress.csv").read_bytes() == before


def test_import_dry_run_writes_nothing(project: Path) -> None:
    ledger = project / "progress.csv"
    before = ledger.read_bytes()
    result = _run("progress", "import", str(RETURNS / "灵川县任务进展.xlsx"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "dry run: 3 entries would be added for 3 tasks" in result.stdout
    assert "nothing was written" in result.stdout
    assert ledger.read_bytes() == before


def test_import_into_a_ledger_named_by_option(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    result = _run(
        "progress", "import", str(RETURNS / "全州县_progress.csv"), "--ledger", str(other)
    )
    assert result.exit_code == 0, result.output
    assert other.read_text(encoding="utf-8").startswith(HEADER)
    assert len(_ledger_rows(other)) == 3
    assert (project / "progress.csv").read_text(encoding="utf-8") == LEDGER


def test_import_keeps_a_gbk_ledger_gbk(project: Path) -> None:
    ledger = project / "progress.csv"
    ledger.write_bytes(LEDGER.encode("gbk"))
    result = _run("progress", "import", str(RETURNS / "秀峰区_任务进展.csv"))
    assert result.exit_code == 0, result.output
    raw = ledger.read_bytes()
    assert raw.startswith(LEDGER.encode("gbk"))
    assert "新增3所智慧校园示范校".encode("gbk") in raw


def test_import_without_a_header_says_which_columns_are_needed(project: Path) -> None:
    sheet = project.parent / "plain.csv"
    sheet.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    result = _run("progress", "import", str(sheet))
    assert result.exit_code == 2
    assert "no header in the first 10 rows" in result.stderr


def test_import_of_a_header_without_rows_is_refused(project: Path) -> None:
    sheet = project.parent / "empty.csv"
    sheet.write_text("任务编号,日期,状态\n,,\n", encoding="utf-8")
    result = _run("progress", "import", str(sheet))
    assert result.exit_code == 2
    assert "the sheet has no entries" in result.stderr


def test_import_of_a_missing_file_is_located(project: Path) -> None:
    result = _run("progress", "import", "nowhere.xlsx")
    assert result.exit_code == 2
    assert "nowhere.xlsx" in result.output
