"""``--lang en`` prints no Chinese for the bundled data (file names aside); ``--lang zh``
prints the Chinese labels; the default follows ``GLPLAN_LANG``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_fixtures import fixture_args, run

from gl_plan.report.format import CJK_RE

BUNDLED_AS_OF = "2026-10-15"
#: A path (to a file with a Chinese name) in a message: allowed to stay as it is.
PATH_RE = re.compile(r"\S*/\S+")


def cjk_outside_paths(text: str) -> list[str]:
    return [line for line in text.splitlines() if CJK_RE.search(PATH_RE.sub("", line))]


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["validate"],
        ["check", "--as-of", BUNDLED_AS_OF],
        ["check", "--as-of", BUNDLED_AS_OF, "--format", "markdown"],
        ["tasks", "--as-of", BUNDLED_AS_OF],
        ["tasks", "--as-of", BUNDLED_AS_OF, "--format", "markdown"],
    ],
    ids=" ".join,
)
def test_english_output_has_no_chinese(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the bundled sample
    result = run(*args, "--lang", "en")
    assert cjk_outside_paths(result.stdout) == []
    assert cjk_outside_paths(result.stderr) == []


def test_english_html_has_no_chinese_outside_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "report.html"
    run("check", "--lang", "en", "--as-of", BUNDLED_AS_OF, "--output", str(target))
    html = target.read_text(encoding="utf-8")
    assert "Sample data:" in html  # the bundled sample says what it is
    # The sources list names the bundled files (450321_阳朔县.xlsx, ...).
    without_files = re.sub(r"[^\s,>]+\.(csv|xlsx)", "", html)
    assert CJK_RE.search(re.sub(r"<code>[^<]*</code>", "", without_files)) is None


@pytest.mark.parametrize("command", ["check", "tasks"])
def test_chinese_labels(command: str) -> None:
    out = run(*fixture_args(command), "--lang", "zh").stdout
    assert "已逾期" in out if command == "tasks" else "进度滞后" in out
    assert "overdue" not in out


def test_default_language_from_glplan_lang() -> None:
    zh = run(*fixture_args("tasks"), env={"GLPLAN_LANG": "zh_CN.UTF-8"}).stdout
    en = run(*fixture_args("tasks"), env={"GLPLAN_LANG": "en"}).stdout
    assert "已逾期" in zh
    assert "overdue" in en


def test_validate_speaks_both_languages() -> None:
    assert "ok (10 actions, 35 tasks)" in run("validate", "--lang", "en").stdout
    assert "有效（10 项行动，35 项任务）" in run("validate", "--lang", "zh").stdout


def test_bad_language_is_a_usage_error() -> None:
    from typer.testing import CliRunner

    from gl_plan.cli import app

    result = CliRunner().invoke(app, ["plan", "--lang", "fr"])
    assert result.exit_code == 2
    assert "--lang must be zh or en" in result.stderr
