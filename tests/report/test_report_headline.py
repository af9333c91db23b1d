"""The headline on top of ``glplan check`` and the one-screen view in a terminal.

The headline's numbers are computed here from ``check --format json`` (its ``summary`` and
the region levels of its rows), independently of the report code, and compared with the
text. The one-screen view is tested with a rich console forced to be a terminal of a given
height, and through the command line with ``FORCE_COLOR`` and ``LINES``.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from report_fixtures import AS_OF, DATA, LEDGER, PLAN, fixture_args, run
from rich.console import Console

from gl_plan.api import check
from gl_plan.assess.check import CheckResult
from gl_plan.plan.load import load_plan
from gl_plan.report.check_summary import headline
from gl_plan.report.check_terminal import screen_renderables
from gl_plan.report.trends import quarter_trends, region_points

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "data"
BUNDLED_AS_OF = "2026-11-28"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

#: (command-line arguments, as-of) of the two data sets: the fixture (both target years
#: ahead, 13 counties without data) and the bundled sample (2025 over, 2030 ahead).
CASES = {
    "fixture": [*fixture_args("check")],
    "bundled": [
        "check",
        "--plan",
        str(BUNDLED / "plan.yaml"),
        "--data",
        str(BUNDLED / "indicators"),
        "--progress",
        str(BUNDLED / "progress.csv"),
        "--as-of",
        BUNDLED_AS_OF,
    ],
}


def expected_numbers(doc: dict[str, Any]) -> list[Counter[int]]:
    """The numbers each headline line must carry, from the JSON alone."""
    summary = doc["summary"]
    as_of_year = int(doc["as_of"][:4])
    out = []
    for year, counts in sorted(summary["by_target_year"].items()):
        rows = [r for r in doc["indicators"] if str(r["target_year"]) == year]
        level = {r["region"]: r["region_level"] for r in rows}
        behind = {code for codes in summary["behind"][year].values() for code in codes}
        counties = {r for r, lv in level.items() if lv == "county"}
        red = counts["by_rag"]["red"]
        numbers = [int(year), red, counts["total"]]
        if counts["by_status"]["no_data"]:  # figures without data are counted as such
            numbers.append(counts["by_status"]["no_data"])
        if behind & counties:
            numbers += [len(behind & counties), len(counties)]
        if as_of_year <= int(year):  # still ahead: how many need acceleration
            numbers.append(counts["by_status"]["needs_acceleration"])
        out.append(Counter(numbers))
    tasks = summary["tasks"]
    out.append(Counter([tasks["overdue"], tasks["due_soon"], tasks["total"]]))
    issues = summary["data_issues"]
    out.append(Counter([issues["error"], issues["warning"]]))
    return out


def _headline_lines(report: str, markdown: bool) -> list[str]:
    """The headline's lines, each wrapped line joined to its start."""
    lines = report.splitlines()
    if markdown:
        start = lines.index(next(line for line in lines if line.startswith("## "))) + 2
        body = []
        for line in lines[start:]:
            if not line.startswith("- "):
                break
            body.append(line[2:])
        return body
    body: list[str] = []
    for line in lines[1:]:
        if not line.strip():
            break
        if line.startswith("  - "):
            body.append(line[4:])
        else:
            body[-1] += " " + line.strip()
    return body


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_headline_counts_equal_the_json_summary(case: str, fmt: str, lang: str) -> None:
    args = CASES[case]
    doc = json.loads(run(*args, "--format", "json").stdout)
    report = run(*args, "--format", fmt, "--lang", lang).stdout
    lines = _headline_lines(report, markdown=fmt == "markdown")
    expected = expected_numbers(doc)
    assert len(lines) == len(expected), lines
    # Numbers only (dates and years excluded from the task and data lines by position).
    found = [Counter(int(n) for n in re.findall(r"(?<![\d-])\d+(?![\d-])", line)) for line in lines]
    assert found == expected
    summary = doc["summary"]
    city_red = {}
    for year in sorted(summary["by_target_year"]):
        cities = {r["region"] for r in doc["indicators"] if r["region_level"] == "city"}
        behind = {c for codes in summary["behind"][year].values() for c in codes}
        city_red[year] = bool(cities & behind)
    whole = "全市" if lang == "zh" else "the city"
    for line, year in zip(lines, city_red, strict=False):
        assert (whole in line) == city_red[year], line


def test_headline_is_first_and_reads_well() -> None:
    report = run(*CASES["bundled"], "--lang", "en").stdout
    assert report.startswith(
        "At a glance, as of 2026-11-28\n"
        "  - 2025 targets (the year is over): 30 of 54 figures missed, in 11 of 17\n"
        "    counties and the city\n"
        "  - 2030 targets: 20 of 54 figures off track or falling, in 8 of 17 counties; 7\n"
        "    need acceleration\n"
        "  - Tasks: 5 overdue, 0 due soon (of 35)\n"
        "  - Data issues: 0 errors, 1 warning\n\n"
        "2025 targets (the year is over"
    )
    zh = run(*CASES["bundled"], "--lang", "zh", "--format", "markdown").stdout
    assert zh.splitlines()[2:9] == [
        "## 要点（截至 2026-11-28）",
        "",
        "- 2025年目标（该年已结束）：54 项指标数据中 30 项未实现，涉及 17 个县区中的 11 个和全市",
        "- 2030年目标：54 项指标数据中 20 项进度滞后或倒退，涉及 17 个县区中的 8 个；7 项需加快",
        "- 任务：5 项已逾期，0 项即将到期（共 35 项）",
        "- 数据问题：0 个错误，1 个警告",
        "",
    ]


def test_the_python_api_gives_the_same_headline() -> None:
    """Only the regions behind are counted: 2 counties and the city for 2025, 3 counties
    for 2030 (the city is amber)."""
    plan = load_plan(PLAN)
    result = check(PLAN, [DATA], LEDGER, as_of=date.fromisoformat(AS_OF))
    _, lines = headline(result, plan, "en")
    assert lines[0] == (
        "2025 targets, 54 figures: 8 off track or falling, 39 with no data, in 2 of 17 "
        "counties and the city; 0 need acceleration"
    )
    assert lines[1].endswith("in 3 of 17 counties; 3 need acceleration")


def test_figures_without_data_are_counted_as_such(tmp_path: Path) -> None:
    """3 county files for 2025: "3 of 54 missed" would read as if 51 were met."""
    data = tmp_path / "indicators"
    data.mkdir()
    (data / "450321_阳朔县.csv").write_text(
        "period,indicator,value\n2025Q4,preschool_gross_enrollment_rate,99.1\n", encoding="utf-8"
    )
    result = check(PLAN, [data], None, as_of=date(2026, 3, 31))
    _, lines = headline(result, load_plan(PLAN), "zh")
    assert lines[0].startswith("2025年目标（该年已结束）：54 项指标数据：")
    counts = result.summary.by_target_year["2025"]
    assert f"{counts.by_status['no_data']} 项无数据" in lines[0]
    assert counts.by_status["no_data"] == 53  # one rate, no counts: no total for the city


def test_a_project_without_data_says_how_to_add_it() -> None:
    result = check(PLAN, [], None, as_of=date(2026, 3, 31))
    _, lines = headline(result, load_plan(PLAN), "en")
    assert lines[0].startswith(f"No figures yet (all {result.summary.indicators.total}")
    assert "data/indicators/" in lines[0]
    assert not any("0 of" in line for line in lines)


# --- one screen ---------------------------------------------------------------------------


def _bundled() -> CheckResult:
    return check(
        BUNDLED / "plan.yaml",
        [BUNDLED / "indicators"],
        BUNDLED / "progress.csv",
        as_of=date.fromisoformat(BUNDLED_AS_OF),
    )


def _screen(height: int, width: int = 80) -> Console:
    return Console(
        file=io.StringIO(), force_terminal=True, height=height, width=width, no_color=True
    )


def _rendered(console: Console, items: list[Any]) -> list[str]:
    for item in items:
        console.print(item)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return ANSI.sub("", out).rstrip("\n").split("\n")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("height", [40, 30, 60])
def test_a_terminal_gets_one_screen_ending_with_the_hint(lang: str, height: int) -> None:
    plan = load_plan(BUNDLED / "plan.yaml")
    result = _bundled()
    console = _screen(height)
    trends = quarter_trends(region_points(result))
    lines = _rendered(console, screen_renderables(result, plan, lang, console, trends))
    assert len(lines) <= height - 1  # a line for the prompt
    title, _ = headline(result, plan, lang)
    assert lines[0] == title
    assert "glplan check --full" in " ".join(line.strip() for line in lines[-3:])
    hint = "Left out:" if lang == "en" else "未显示："
    assert any(line.startswith(hint) for line in lines[-3:])
    # The worst region of the 2030 targets is shown before any other.
    assert any(("Guanyang" if lang == "en" else "灌阳") in line for line in lines)


def test_a_tall_terminal_gets_the_whole_report() -> None:
    plan = load_plan(BUNDLED / "plan.yaml")
    result = _bundled()
    console = _screen(400)
    lines = _rendered(console, screen_renderables(result, plan, "en", console))
    assert not any("--full" in line for line in lines)
    assert any(line.startswith("National county standards") for line in lines)


def test_a_tiny_terminal_still_gets_the_headline_and_the_hint() -> None:
    plan = load_plan(BUNDLED / "plan.yaml")
    result = _bundled()
    console = _screen(12)
    lines = _rendered(console, screen_renderables(result, plan, "en", console))
    assert lines[0].startswith("At a glance")
    assert "glplan check --full shows everything." in " ".join(line.strip() for line in lines[-3:])


TERMINAL = {"FORCE_COLOR": "1", "LINES": "40", "COLUMNS": "80", "TERM": "xterm"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_fits_one_screen_in_a_terminal_and_full_prints_all(case: str) -> None:
    args = CASES[case]
    screen = ANSI.sub("", run(*args, env=TERMINAL).stdout)
    lines = screen.rstrip("\n").split("\n")
    assert len(lines) <= 40
    assert "glplan check --full" in " ".join(line.strip() for line in lines[-3:])
    piped = run(*args).stdout
    full = ANSI.sub("", run(*args, "--full", env=TERMINAL).stdout)
    assert [line.rstrip() for line in full.splitlines()] == piped.splitlines()
    assert len(piped.splitlines()) > 40


def test_cli_output_file_is_whole_in_a_terminal(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    run(*CASES["bundled"], "--output", str(target), env=TERMINAL)
    assert target.read_text(encoding="utf-8") == run(*CASES["bundled"]).stdout


# --- --compare-to: right after the headline ----------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_changes_come_right_after_the_headline(fmt: str) -> None:
    out = run(*CASES["bundled"], "--compare-to", "2026-06-30", "--format", fmt).stdout
    lines = out.splitlines()
    since = next(i for i, line in enumerate(lines) if "Since 2026-06-30" in line)
    first_year = next(i for i, line in enumerate(lines) if "met or missed on its last" in line)
    data = next(i for i, line in enumerate(lines) if "Data issues: 0 errors, 1 warning" in line)
    assert data < since < first_year
    assert lines[since - 1] == ""
    assert not out.rstrip().splitlines()[-1].startswith("  Task")


def test_changes_in_one_screen() -> None:
    out = ANSI.sub("", run(*CASES["bundled"], "--compare-to", "2026-06-30", env=TERMINAL).stdout)
    lines = out.rstrip("\n").split("\n")
    assert len(lines) <= 40
    assert any("Since 2026-06-30" in line for line in lines[:14])
