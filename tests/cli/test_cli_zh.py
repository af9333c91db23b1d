"""Under ``--lang zh`` every line glplan writes is Chinese.

Each command runs on the bundled sample at a fixed as-of date, and every line of its
standard output and standard error is scanned for English words once the things printed
as they are have been taken out: file names and paths, codes and ids (450325, A3.6,
2026Q3, preschool_gross_enrollment_rate), option names (--full), glplan's own command
lines (``glplan tasks``), the user's text in quotes, and the names of file formats.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gl_plan.cli import app

AS_OF = "2026-11-28"
runner = CliRunner()

#: What is printed as it is, in the order it is taken out of a line.
_VERBATIM = [
    re.compile(r"“[^”]*”|'[^']*'|`[^`]*`"),  # the user's text, code in Markdown
    re.compile(r"glplan(?: [a-z]+)?"),  # glplan's own command lines
    re.compile(r"--[a-z][a-z-]*"),  # option names
    re.compile(r"[^\s:：，、（）()]*/[^\s:：，、（）()]*"),  # paths
    re.compile(r"[\w.-]*\.(?:csv|yaml|yml|md|html|json|txt|xlsx|xls|ods|gitignore)\b"),  # files
    re.compile(r"\.gitignore"),
    re.compile(r"\b[a-z]+(?:_[a-z]+)+\b"),  # indicator ids and codes
    # the values an option takes, listed when one is wrong (typed as they are)
    re.compile(
        r"\b(?:never|error|warning|overdue|table|json|csv|markdown|html|xlsx|ics|responsible)\b"
    ),
    re.compile(r"\bYYYY-MM-DD\b"),  # a date as it is typed
]
#: Names of formats and products: the same in Chinese text.
_NAMES = re.compile(r"\b(?:CSV|UTF|GBK|JSON|HTML|Excel|YAML|WPS)\b")
_ENGLISH = re.compile(r"[A-Za-z]{3,}")


_LOCATED = re.compile(r"^\S+?\.\w+(?:\[[^\]]*\])?:\d+(?::\d+)?: (?:[^:：\s]+: )?")


def english_words(text: str) -> list[str]:
    """The English words left in ``text``, each with its line."""
    found = []
    for line in text.splitlines():
        # A finding's location and the column label it names are the user's own text.
        rest = _LOCATED.sub(" ", line)
        for pattern in _VERBATIM:
            rest = pattern.sub(" ", rest)
        rest = _NAMES.sub(" ", rest)
        found += [f"{word!r} in {line!r}" for word in _ENGLISH.findall(rest)]
    return found


def zh(*args: str) -> tuple[int, str]:
    """Run glplan in Chinese: the exit code and everything it wrote (stdout, stderr)."""
    result = runner.invoke(app, [*args, "--lang", "zh"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture(autouse=True)
def _outside_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No project around: the bundled sample is read (and its note is printed)."""
    monkeypatch.chdir(tmp_path)


def test_the_scanner_finds_english_and_lets_verbatim_text_through() -> None:
    line = "451 项指标 off track"
    assert english_words(line) == [f"'off' in {line!r}", f"'track' in {line!r}"]
    verbatim = (
        "/tmp/a b/450325_兴安县.csv:3:4: 数值: “abc”不是数字；preschool_gross_enrollment_rate "
        "2026Q3 A3.6 用 glplan tasks --all 列出；`glplan tasks`；CSV 或 Excel"
    )
    assert english_words(verbatim) == []


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_check(fmt: str) -> None:
    code, out = zh("check", "--as-of", AS_OF, "--full", "--format", fmt)
    assert code == 0
    if fmt == "csv":
        # The cells of a CSV keep the codes a spreadsheet filters on (off_track, red,
        # county, cagr, partial_coverage): the header and the names are scanned.
        header, *rows = out.splitlines()
        out = "\n".join([header, *(row.split(",")[1] for row in rows if "," in row)])
    assert "要点" in out or "地区" in out
    assert english_words(out) == []


def test_check_fails_on_off_track_in_chinese() -> None:
    code, out = zh("check", "--as-of", AS_OF, "--fail-on", "off_track")
    assert code == 1
    assert "已达到 --fail-on 设定的级别（进度滞后、倒退或未实现）：" in out
    assert english_words(out) == []


def test_check_fails_on_warnings_in_chinese() -> None:
    code, out = zh("check", "--as-of", AS_OF, "--fail-on", "overdue", "--format", "markdown")
    assert code == 1
    assert "项任务已逾期" in out
    assert english_words(out) == []


@pytest.mark.parametrize("extra", [[], ["--all"], ["--format", "markdown"], ["--format", "csv"]])
def test_tasks(extra: list[str]) -> None:
    code, out = zh("tasks", "--as-of", AS_OF, *extra)
    assert code == 0
    if "csv" in extra:
        # Codes again (overdue, red, stale): the header, the titles and progress are scanned.
        lines = out.splitlines()
        out = "\n".join([lines[0], *(line.split(",")[2] for line in lines[1:] if "," in line)])
    assert english_words(out) == []


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_explain(fmt: str) -> None:
    code, out = zh("explain", "兴安", "学前教育三年毛入园率", "--as-of", AS_OF, "--format", fmt)
    assert code == 0
    assert "下一步需达到" in out
    assert english_words(out) == []


def test_explain_of_an_unknown_region() -> None:
    code, out = zh("explain", "火星", "学前教育三年毛入园率", "--as-of", AS_OF)
    assert code == 2
    assert "未知地区“火星”" in out
    assert english_words(out) == []


BAD_LEDGER = (
    "date,task,status,value,foo\n"
    "2026-09-30,A9.9,half,abc,x\n"
    "2026/13/01,A3.6,completed,-1,y\n"
    "2026-09-30,A3.6,completed,1,2,3\n"
    "2020-01-01,,,\n"
)


def test_a_bad_ledger(tmp_path: Path) -> None:
    ledger = tmp_path / "progress.csv"
    ledger.write_text(BAD_LEDGER, encoding="utf-8")
    for command in ("tasks", "check"):
        code, out = zh(command, "--as-of", AS_OF, "--progress", str(ledger))
        assert code == 1
        assert "未知状态“half”：应为 未开始、进行中 或 已完成" in out
        assert "状态: " in out  # the field named in Chinese
        # tasks prints the warnings too, check (--fail-on error) the errors only
        assert ("未知列“foo”，已忽略（可用的列：" in out) == (command == "tasks")
        assert english_words(out) == []


def test_a_ledger_without_its_header(tmp_path: Path) -> None:
    ledger = tmp_path / "progress.csv"
    ledger.write_text("2026-09-30,A3.6,completed\n", encoding="utf-8")
    code, out = zh("tasks", "--as-of", AS_OF, "--progress", str(ledger))
    assert code == 1
    assert "第一行是数据而不是表头" in out
    assert english_words(out) == []


def test_init_and_progress_add(tmp_path: Path) -> None:
    code, out = zh("init", str(tmp_path / "proj"))
    assert code == 0
    assert english_words(out) == []
    ledger = tmp_path / "proj" / "data" / "progress.csv"
    before = ledger.read_bytes()
    bad = ["--status", "half", "--value", "abc", "--progress", str(ledger)]
    code, out = zh("progress", "add", "A3.6", *bad, "--plan", str(ledger.parent / "plan.yaml"))
    assert code == 2
    assert "“abc”不是数字" in out
    assert english_words(out) == []
    assert ledger.read_bytes() == before
    code, out = zh("progress", "add", "A3.6", "--status", "in_progress", "--value", "99999",
                   "--date", "2026-09-30", "--plan", str(ledger.parent / "plan.yaml"))  # fmt: skip
    assert code == 2
    assert "是否有误？" in out
    assert english_words(out) == []


def test_usage_errors() -> None:
    for args in (
        ["check", "--as-of", "soon"],
        ["check", "--as-of", AS_OF, "--fail-on", "sometimes"],
        ["check", "--as-of", AS_OF, "--compare-to", "last quarter"],
    ):
        code, out = zh(*args)
        assert code == 2
        assert english_words(out) == [], args


def test_validate_a_plan() -> None:
    code, out = zh("validate")
    assert code == 0
    assert english_words(out) == []


def test_validate_a_bad_county_file(tmp_path: Path) -> None:
    county = tmp_path / "450325_兴安县.csv"
    county.write_text(
        "region,period,indicator,value\n兴安,2026Q3,preschool_gross_enrollment_rate,abc\n",
        encoding="utf-8",
    )
    code, out = zh("validate", "--data", str(county), "--as-of", AS_OF)
    assert code == 1
    assert english_words(out) == []
