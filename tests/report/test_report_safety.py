"""Text from the plan or the data cannot become markup in the files glplan writes.

CSV: a text cell that starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets a leading ``'`` (OWASP, CSV injection); numbers stay numbers,
negative gaps included. Markdown: ``<``, ``>`` and ``&`` become entities and the table
pipe is escaped, so a ``<script>`` in a plan title is shown, not run.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from report_fixtures import AS_OF, DATA, LEDGER, PLAN, run

from gl_plan.report.check_files import CSV_COLUMNS
from gl_plan.report.format import column_names, csv_cell, md_cell, md_text

FORMULA = '=HYPERLINK("http://example.com/x","click")'
SCRIPT = "<script>alert(1)</script> a|b"


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
