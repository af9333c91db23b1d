"""Text from the plan or the data cannot become markup in the files glplan writes.

CSV: a text cell that starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets a leading ``'`` (OWASP, CSV injection); numbers stay numbers,
negative gaps included. Markdown: ``<``, ``>`` and ``&`` become entities and the table
pipe is escaped, so a ``<script>`` in a plan title is shown, not run.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_fixtures import AS_OF, DATA, LEDGER, PLAN, run
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.report.check_files import CSV_COLUMNS
from gl_plan.report.format import column_names, csv_cell, md_cell, md_text
from gl_plan.report.safe_text import clean

FORMULA = '=HYPERLINK("http://example.com/x","click")'
SCRIPT = "<script>alert(1)</script> a|b"
_runner = CliRunner()


def _evil_plan(tmp_path: Path) -> Path:
    """The bundled plan with a formula for Longsheng's and A1.1's names, a script in the
    plan's title and in A3.6's title."""
    text = PLAN.read_text(encoding="utf-8")
    replacements = {
        "short: {zh: 龙胜, en: Longsheng}": f"short: {{zh: '{FORMULA}', en: '{FORMULA}'}}",
        "zh: 桂林市推进教育高质量发展行动计划": f"zh: '{SCRIPT}'",
        "en: Guilin Action Plan for Promoting High-Quality Development of Education": (
            f"en: '{SCRIPT}'"
        ),
        # A1.1's title (the action A1 has the same one, four spaces less indented)
        "          zh: 实施党建引领工程": f"          zh: '{FORMULA}'",
        "          en: Implement the Party-building leadership project": (
            f"          en: '{FORMULA}'"
        ),
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    return plan


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        (-1.3, -1.3),
        (-4, -4),
    ],
)
def test_csv_cell_guards_text_only(cell: str | float, written: str | float) -> None:
    assert csv_cell(cell) == written


def test_markdown_text_is_escaped() -> None:
    assert md_text(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt; a\\|b"
    assert md_text("R&D\nline") == "R&amp;D line"
    assert md_cell("a\\|b\nc") == "a\\\\\\|b<br>c"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_csv_guards_region_names_and_keeps_numbers(tmp_path: Path, lang: str) -> None:
    plan = _evil_plan(tmp_path)
    out = run(
        "check", "--plan", str(plan), "--data", str(DATA), "--progress", str(LEDGER),
        "--as-of", AS_OF, "--format", "csv", "--lang", lang,
    ).stdout  # fmt: skip
    # The Chinese headers stand for the same columns as the English ones.
    english = dict(zip(column_names("check_csv", CSV_COLUMNS, lang), CSV_COLUMNS, strict=True))
    rows = [{english[k]: v for k, v in row.items()} for row in _rows(out)]
    longsheng = [r for r in rows if r["region"] == "450328"]
    assert longsheng
    assert {r["region_name"] for r in longsheng} == {"'" + FORMULA}
    gaps = [r["gap"] for r in rows if r["gap"]]
    assert any(g.startswith("-") for g in gaps)  # a negative gap, written as a number
    assert all(not g.startswith("'") for g in gaps)
    assert not any(cell.startswith("=") for row in rows for cell in row.values())


def test_tasks_csv_guards_titles_and_keeps_numbers(tmp_path: Path) -> None:
    plan = _evil_plan(tmp_path)
    out = run(
        "tasks", "--plan", str(plan), "--progress", str(LEDGER), "--as-of", AS_OF,
        "--format", "csv", "--lang", "en",
    ).stdout  # fmt: skip
    rows = {r["id"]: r for r in _rows(out)}
    assert rows["A1.1"]["title"] == "'" + FORMULA
    assert rows["A1.1"]["title_zh"] == "'" + FORMULA
    assert rows["A1.1"]["title_en"] == "'" + FORMULA
    late = [r["days_left"] for r in rows.values() if r["days_left"].startswith("-")]
    assert late  # overdue tasks: negative day counts, as numbers
    assert all(d[1:].isdigit() for d in late)


def test_data_csv_guards_a_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(DATA / "450321.csv", tmp_path / "=cmd.csv")
    out = run("data", "=cmd.csv", "--plan", str(PLAN), "--format", "csv").stdout
    rows = _rows(out)
    assert rows
    assert {Path(r["source"].lstrip("'")).name for r in rows} == {"=cmd.csv"}
    assert all(not r["source"].startswith("=") for r in rows)
    assert all(not r["value"].startswith("'") for r in rows)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_markdown_escapes_html_and_pipes(tmp_path: Path, lang: str) -> None:
    plan = _evil_plan(tmp_path)
    out = run(
        "check", "--plan", str(plan), "--data", str(DATA), "--progress", str(LEDGER),
        "--as-of", AS_OF, "--format", "markdown", "--lang", lang,
    ).stdout  # fmt: skip
    assert "<script>" not in out
    first = out.splitlines()[0]
    assert first.startswith("# &lt;script&gt;alert(1)&lt;/script&gt; a\\|b")


def test_tasks_markdown_escapes_html_and_pipes(tmp_path: Path) -> None:
    plan_path = _evil_plan(tmp_path)
    text = plan_path.read_text(encoding="utf-8")
    text = text.replace(f"          en: '{FORMULA}'", f"          en: '{SCRIPT}'")
    plan_path.write_text(text, encoding="utf-8")
    out = run(
        "tasks", "--plan", str(plan_path), "--progress", str(LEDGER), "--as-of", AS_OF,
        "--format", "markdown", "--lang", "en", "--all",
    ).stdout  # fmt: skip
    assert "<script>" not in out
    row = next(line for line in out.splitlines() if line.startswith("| A1.1 "))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; a\\|b" in row
    assert row.count(" | ") == 8  # still nine cells: the title's pipe did not add one


# --- the terminal edge: markup and escape sequences -------------------------------------------

#: What a hostile or careless name may hold: rich markup, an OSC 52 clipboard write, a
#: screen clear, an OSC 8 hyperlink, a C1 CSI, a bidi override, a lone carriage return,
#: and mathtext for matplotlib.
OSC52 = "\x1b]52;c;aGVsbG8=\x07"
HOSTILE = {
    "Yangshuo": f"Yang[/]shuo{OSC52}\x1b[2J\u202eoh\r",
    "Lingchuan": "\x1b]8;;https://x.example\x1b\\Ling\x1b]8;;\x1b\\chuan\x9b31m $\\foo$",
}
#: A county file name holding rich markup that would print a live hyperlink.
LINK_FILE = "[link=https:x.example]阳朔[.csv"  # no "/" in a file name
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _yaml_quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar: JSON's escapes (``\\uXXXX`` for every
    control and non-ASCII character) are YAML's too."""
    return json.dumps(value)


def _hostile_plan(tmp_path: Path) -> Path:
    """The bundled plan with hostile short names for two counties, a hostile plan title
    and a hostile title for task A1.1."""
    text = PLAN.read_text(encoding="utf-8")
    replacements = {
        "short: {zh: 阳朔, en: Yangshuo}": (
            f"short: {{zh: {_yaml_quoted(HOSTILE['Yangshuo'])}, "
            f"en: {_yaml_quoted(HOSTILE['Yangshuo'])}}}"
        ),
        "short: {zh: 灵川, en: Lingchuan}": (
            f"short: {{zh: {_yaml_quoted(HOSTILE['Lingchuan'])}, "
            f"en: {_yaml_quoted(HOSTILE['Lingchuan'])}}}"
        ),
        "en: Guilin Action Plan for Promoting High-Quality Development of Education": (
            f"en: {_yaml_quoted('Plan ' + OSC52 + '[bold]x[/bold]')}"
        ),
        "          en: Implement the Party-building leadership project": (
            f"          en: {_yaml_quoted('Party [/] building ' + OSC52 + chr(0x1B) + '[2J')}"
        ),
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    return plan


def _hostile_data(tmp_path: Path) -> Path:
    folder = tmp_path / "indicators"
    folder.mkdir()
    for source in DATA.iterdir():
        name = LINK_FILE if source.name == "450321.csv" else source.name
        shutil.copy(source, folder / name)
    shutil.copy(DATA / "450323.csv", folder / f"450323{OSC52}.csv")
    (folder / "450323.csv").unlink()
    return folder


def _safe_run(*args: str) -> str:
    """Run ``glplan``; it may report findings (exit 1) but never crash."""
    result = _runner.invoke(app, list(args))
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout


def _assert_safe(out: str) -> None:
    assert out.strip()
    found = _UNSAFE.findall(out)
    assert not found, sorted(set(found))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_command_lets_a_name_drive_the_terminal(tmp_path: Path, lang: str) -> None:
    plan = str(_hostile_plan(tmp_path))
    data = _hostile_data(tmp_path)
    common = ["--plan", plan, "--as-of", AS_OF, "--lang", lang]
    outputs = {
        "check": _safe_run(
            "check", *common, "--data", str(data), "--progress", str(LEDGER), "--full"
        ),
        "check markdown": _safe_run(
            "check", *common, "--data", str(data), "--progress", str(LEDGER), "--format", "markdown"
        ),
        "tasks": _safe_run("tasks", *common, "--progress", str(LEDGER), "--all"),
        "tasks markdown": _safe_run(
            "tasks", *common, "--progress", str(LEDGER), "--all", "--format", "markdown"
        ),
        "plan": _safe_run("plan", plan, "--lang", lang),
        "data": _safe_run("data", str(data), "--plan", plan, "--lang", lang),
        "data markdown": _safe_run(
            "data", str(data), "--plan", plan, "--lang", lang, "--format", "markdown"
        ),
        "explain": _safe_run(
            "explain", "450321", "preschool_gross_enrollment_rate", *common, "--data", str(data)
        ),
        "explain city": _safe_run(
            "explain", "450300", "preschool_gross_enrollment_rate", *common, "--data", str(data)
        ),
    }
    for command, out in outputs.items():
        try:
            _assert_safe(out)
        except AssertionError as error:
            raise AssertionError(f"{command}: {error}") from None
    # The names are shown, as text: markup and all, without the escapes.
    assert "Yang[/]shuo" in outputs["data"]
    assert LINK_FILE in outputs["data markdown"]
    if lang == "en":
        assert "Party [/]" in outputs["tasks"]  # the title column wraps before "building"


def test_a_lone_carriage_return_does_not_split_a_markdown_row(tmp_path: Path) -> None:
    plan = str(_hostile_plan(tmp_path))
    out = _safe_run("data", str(DATA / "450321.csv"), "--plan", plan, "--format", "markdown")
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert rows
    assert all(line.endswith("|") for line in rows)
    assert len({line.count(" | ") for line in rows}) == 1
    assert "\r" not in out


def test_mathtext_in_a_name_is_drawn_as_written(tmp_path: Path) -> None:
    plan = str(_hostile_plan(tmp_path))
    target = tmp_path / "report.html"
    _safe_run("check", "--plan", plan, "--data", str(DATA), "--progress", str(LEDGER),
              "--as-of", AS_OF, "--lang", "en", "--output", str(target))  # fmt: skip
    page = target.read_text(encoding="utf-8")
    assert "$\\foo$" in page
    assert "\x1b" not in page


@given(st.text())
def test_clean_leaves_no_control_and_keeps_printable_text(value: str) -> None:
    cleaned = clean(value)
    assert not _UNSAFE.search(cleaned)
    if value.isprintable():
        assert cleaned == value
    assert set(cleaned) <= set(value) | {"\n"}


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (OSC52 + "ok", "ok"),
        ("a\x1b[2Jb", "ab"),
        ("\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("x\u202eyz", "xyz"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("tab\there", "tab\there"),
        ("\x1b]52;unterminated", "52;unterminated"),
    ],
)
def test_clean_removes_whole_sequences(value: str, shown: str) -> None:
    assert clean(value) == shown
