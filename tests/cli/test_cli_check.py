"""``glplan check`` end to end, on tests/fixtures/check (a city and three counties).

Hand-computed expectations for as of 2025-03-31 (targets 2025: preschool 100.7, senior 113):

- Yangshuo preschool 90 (2021) → 98 (2024): on track; senior 100 → 112: on track.
- Lingchuan preschool 90 → 92: off track; senior 100 → 95: deteriorating.
- Longsheng preschool 90 → 88: deteriorating; senior one rate only (96, no counts):
  insufficient data.
- The city: preschool (490 + 1840 + 264) / (500 + 2000 + 300) = 92.64 (the plain mean of
  the county rates would be 92.67); senior (560 + 1900) / 2500 = 98.4, partial (Longsheng
  sent a rate without counts).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from gl_plan.api import check, load_inputs, run_check
from gl_plan.cli import app
from gl_plan.cli.check_cmd import PROBLEMS_IN_FULL

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "check"
PLAN = FIXTURE / "plan.yaml"
DATA = FIXTURE / "indicators"
AS_OF = "2025-03-31"
PRE = "preschool_gross_enrollment_rate"
SENIOR = "senior_secondary_gross_enrollment_rate"

runner = CliRunner()


def invoke(*args: str) -> Any:
    return runner.invoke(app, ["check", "--plan", str(PLAN), "--data", str(DATA), *args])


def rows(data: dict[str, Any]) -> dict[tuple[str, str, int], dict[str, Any]]:
    return {(r["region"], r["indicator"], r["target_year"]): r for r in data["indicators"]}


def test_json_equals_the_python_api() -> None:
    result = invoke("--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    api = check(PLAN, [DATA], as_of=date(2025, 3, 31))
    assert json.loads(result.stdout) == json.loads(json.dumps(api.to_json()))


def test_json_statuses_and_the_weighted_city_figure() -> None:
    data = json.loads(invoke("--as-of", AS_OF, "--format", "json").stdout)
    assert list(data) == [
        "as_of", "plan", "indicators", "standards", "tasks", "data_issues", "summary", "sources"
    ]  # fmt: skip
    by = rows(data)
    expected = {
        ("450321", PRE): "on_track",
        ("450321", SENIOR): "on_track",
        ("450323", PRE): "off_track",
        ("450323", SENIOR): "deteriorating",
        ("450328", PRE): "deteriorating",
        ("450328", SENIOR): "insufficient_data",
        ("450300", PRE): "off_track",
        ("450300", SENIOR): "deteriorating",
    }
    assert {k: by[(*k, 2025)]["status"] for k in expected} == expected
    city = by[("450300", PRE, 2025)]
    assert city["value"] == pytest.approx(2594 / 2800 * 100)
    assert city["value"] != pytest.approx((98 + 92 + 88) / 3, abs=0.01)
    assert city["gap"] == pytest.approx(2594 / 2800 * 100 - 100.7)
    senior = by[("450300", SENIOR, 2025)]
    assert senior["value"] == pytest.approx(98.4)
    assert "partial_coverage" in senior["notes"]
    assert senior["coverage"]["missing"] == ["450328"]
    assert senior["coverage"]["without_counts"] == ["450328"]
    # every task of the plan is listed; with no ledger beside the plan none is reported
    assert [t["id"] for t in data["tasks"]] == ["A1.1"]
    assert {t["status"] for t in data["tasks"]} == {"overdue"}
    assert data["summary"]["tasks"]["overdue"] == 1
    assert data["sources"]["bundled"] is False
    # every level behind: the counties worst first, then the city
    assert data["summary"]["behind"]["2025"][PRE] == ["450328", "450323", "450300"]
    assert [s["result"] for s in data["standards"]] == ["pass", "pass", "pass"]


def test_table_shows_who_is_behind_and_fits_80_columns() -> None:
    result = invoke("--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert out.startswith("At a glance, as of ")
    # the tables follow the headline and the submissions block
    lines = out.split("\n\n", 2)[2].splitlines()
    # counties in plan order, then a rule, then the city
    order = [i for i, line in enumerate(lines[:10]) if line.split()[:1] in (
        ["Yangshuo"], ["Lingchuan"], ["Longsheng"], ["Guilin"])]  # fmt: skip
    names = [lines[i].split()[0] for i in order]
    assert names == ["Yangshuo", "Lingchuan", "Longsheng", "Guilin"]
    assert set(lines[order[-1] - 1].strip()) == {"─"}
    assert "Behind on Preschool GER (target 100.7): Longsheng -12.7, Lingchuan -8.7" in out
    assert "Behind on Senior secondary GER (target 113): Lingchuan -18.0" in out
    assert "~ Guilin: summed from 2 of 3 counties (no counts from Longsheng)" in out
    assert "Preschool GER ≥ 85: 3 pass, 0 fail, 0 no data" in out
    assert "off track" in out
    assert "falling" in out


def test_table_in_chinese() -> None:
    result = invoke("--as-of", AS_OF, "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "进度滞后" in result.stdout
    assert "学前毛入园率落后（目标 100.7）：龙胜 -12.7、灵川 -8.7" in result.stdout
    assert "桂林市" in result.stdout


def test_verdict_after_the_target_year() -> None:
    data = json.loads(invoke("--as-of", "2026-01-01", "--format", "json").stdout)
    by = rows(data)
    # no 2025 figures in the fixture: a verdict needs one
    assert by[("450321", PRE, 2025)]["status"] == "no_data"
    assert by[("450321", PRE, 2030)]["status"] == "on_track"


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ("never", 0),
        ("error", 0),
        ("warning", 1),  # the fixture has gap warnings (no data for 2022-2023)
        ("off_track", 1),
        ("needs_acceleration", 1),
        ("overdue", 1),  # no ledger beside the fixture plan: its dated tasks are overdue
        ("off-track", 1),
    ],
)
def test_fail_on_levels(fail_on: str, code: int) -> None:
    result = invoke("--as-of", AS_OF, "--fail-on", fail_on, "--format", "json")
    assert result.exit_code == code, result.output
    json.loads(result.stdout)  # the report is written either way
    if code:
        assert "findings reach --fail-on" in result.stderr


def test_data_errors_fail_by_default(tmp_path: Path) -> None:
    data = tmp_path / "indicators"
    shutil.copytree(DATA, data)
    (data / "bad.csv").write_text(
        "region,period,indicator,value\n450321,2024Q2,preschool_gross_enrollment_rate,abc\n",
        encoding="utf-8",
    )
    args = ["check", "--plan", str(PLAN), "--data", str(data), "--as-of", AS_OF]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 1, result.output
    # One problem is shown as it is, located.
    assert "bad.csv:2:4: value" in result.stderr
    # Many are summarised per file; the problems themselves with --full (or validate).
    (data / "bad.csv").write_text(
        "region,period,indicator,value\n"
        + "450321,2024Q2,preschool_gross_enrollment_rate,abc\n" * (PROBLEMS_IN_FULL + 1),
        encoding="utf-8",
    )
    many = runner.invoke(app, [*args, "--format", "json"])
    assert f"bad.csv: {PROBLEMS_IN_FULL + 1} errors, 0 warnings" in many.stderr
    assert "bad.csv:2" not in many.stderr
    assert "bad.csv:2" in runner.invoke(app, [*args, "--format", "json", "--full"]).stderr
    report = json.loads(result.stdout)
    assert report["summary"]["data_issues"]["error"] == 1
    assert runner.invoke(app, [*args, "--fail-on", "never"]).exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--fail-on", "sometimes"],
        ["--format", "pdf"],
        ["--output", "report.html", "--format", "json"],
        ["--output", "report.xyz"],
        ["--output", "report.json", "--format", "csv"],
        ["--as-of", "31/03/2025"],
        ["--lang", "fr"],
    ],
)
def test_usage_errors_exit_2(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("--as-of", AS_OF, *args) if "--as-of" not in args else invoke(*args)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "report.html").exists()


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["check", "--plan", str(tmp_path / "missing.yaml"), "--data", str(DATA)]
    )
    assert result.exit_code == 2
    result = runner.invoke(
        app, ["check", "--plan", str(PLAN), "--data", str(tmp_path / "nowhere"), "--as-of", AS_OF]
    )
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("name", "check_text"),
    [
        ("report.json", lambda t: json.loads(t)["as_of"] == AS_OF),
        ("report.csv", lambda t: t.startswith("\ufeffregion,region_name,")),
        ("report.md", lambda t: t.startswith("# Check test plan: check as of 2025-03-31")),
        ("report.txt", lambda t: "Behind on Preschool GER" in t),
    ],
)
def test_output_file_by_suffix(name: str, check_text: Any, tmp_path: Path) -> None:
    target = tmp_path / name
    result = invoke("--as-of", AS_OF, "--lang", "en", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert check_text(target.read_text(encoding="utf-8"))


def test_json_file_equals_stdout(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    invoke("--as-of", AS_OF, "--output", str(target))
    stdout = invoke("--as-of", AS_OF, "--format", "json").stdout
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(stdout)


def test_csv_has_one_row_per_assessment() -> None:
    out = invoke("--as-of", AS_OF, "--format", "csv").stdout
    lines = out.strip().splitlines()
    assert len(lines) == 1 + 4 * 2 * 2  # header + regions × indicators × years
    assert lines[1].startswith("450321,Yangshuo,county,preschool_gross_enrollment_rate,2025,")


def test_markdown_report() -> None:
    out = invoke("--as-of", AS_OF, "--format", "markdown", "--lang", "en").stdout
    assert "| region | period | value | gap | projected | status | rag |" in out
    assert "| **Guilin** | 2024 | 92.6 | -8.1 |" in out
    assert "- Behind on Preschool GER (target 100.7): Longsheng -12.7, Lingchuan -8.7" in out


def test_progress_is_recorded(tmp_path: Path) -> None:
    ledger = tmp_path / "progress.csv"
    ledger.write_text("task,status,date\n", encoding="utf-8")
    data = json.loads(
        invoke("--as-of", AS_OF, "--format", "json", "--progress", str(ledger)).stdout
    )
    assert data["sources"]["progress"] == str(ledger)


def test_results_do_not_depend_on_how_rows_are_split_across_files(tmp_path: Path) -> None:
    header = "region,period,indicator,numerator,denominator,value"
    lines: list[str] = []
    for path in sorted(DATA.glob("*.csv")):
        body = path.read_text(encoding="utf-8").splitlines()
        for row in body[1:]:
            cells = row.split(",")
            lines.append(",".join(([*cells, "", "", ""])[:6]))
    one = tmp_path / "one"
    many = tmp_path / "many"
    one.mkdir()
    many.mkdir()
    (one / "all.csv").write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    shuffled = list(reversed(lines))
    for i in range(3):
        part = shuffled[i::3]
        (many / f"part{i}.csv").write_text("\n".join([header, *part]) + "\n", encoding="utf-8")

    def essence(folder: Path) -> dict[str, Any]:
        inputs = load_inputs(PLAN, [folder], as_of=date(2025, 3, 31))
        out = run_check(inputs.plan, inputs.data, date(2025, 3, 31)).to_json()
        return {k: out[k] for k in ("indicators", "standards")}

    assert essence(one) == essence(many) == essence(DATA)


def test_bundled_sample_is_used_outside_a_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--as-of", AS_OF, "--fail-on", "never", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "bundled sample" in result.stderr
    data = json.loads(result.stdout)
    assert data["sources"]["bundled"] is True


def test_project_folder_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "data"
    project.mkdir()
    shutil.copy(PLAN, project / "plan.yaml")
    shutil.copytree(DATA, project / "indicators")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--as-of", AS_OF, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "bundled" not in result.stderr
    data = json.loads(result.stdout)
    assert data["sources"]["bundled"] is False
    assert len(data["sources"]["data"]) == 3
    assert rows(data)[("450300", PRE, 2025)]["status"] == "off_track"


def test_help_documents_exit_codes() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout
    assert "--fail-on" in result.stdout


def test_fail_on_overdue_follows_the_ledger(tmp_path: Path) -> None:
    ledger = tmp_path / "progress.csv"
    ledger.write_text("date,task,status,value,note\n2022-12-20,A1.1,in_progress,,\n", "utf-8")
    args = ["--as-of", AS_OF, "--progress", str(ledger), "--fail-on", "overdue"]
    late = invoke(*args, "--format", "json")
    assert late.exit_code == 1
    assert "1 overdue tasks" in late.stderr
    assert json.loads(late.stdout)["tasks"][0]["last_report"] == "2022-12-20"

    with ledger.open("a", encoding="utf-8") as fh:
        fh.write("2022-12-30,A1.1,completed,,\n")
    done = invoke(*args, "--format", "json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["tasks"][0]["status"] == "done"


@pytest.mark.parametrize("command", ["check", "data"])
def test_nothing_usable_writes_nothing(command: str, tmp_path: Path) -> None:
    """The only file given cannot be read: nothing usable, so no report (exit 2).

    Needs the reader's refusal of a read with nothing usable (``DataResult.refused``).
    """
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x1f\x8b\x08\x00 gzip, not a table")
    target = tmp_path / "out.json"
    source = ["--data", str(junk)] if command == "check" else [str(junk)]
    args = [command, "--plan", str(PLAN), *source, "--as-of", AS_OF]
    result = runner.invoke(app, [*args, "--output", str(target)])
    assert result.exit_code == 2, result.output
    assert "junk.csv" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [junk]


def test_rows_with_errors_still_give_a_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "region,period,indicator,value\n450321,2024Q2,preschool_gross_enrollment_rate,abc\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.json"
    args = ["check", "--plan", str(PLAN), "--data", str(DATA), "--data", str(bad)]
    args += ["--as-of", AS_OF]
    result = runner.invoke(app, [*args, "--output", str(target), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["data_issues"]["error"] == 1


def test_a_past_quarter_re_runs_without_errors() -> None:
    """Figures after --as-of (but not after today) are left out, not reported as errors."""
    early = invoke("--as-of", "2024-06-30", "--format", "json")
    assert early.exit_code == 0, early.output
    assert "left out of the assessment" in early.stderr
    report = json.loads(early.stdout)
    assert report["summary"]["data_issues"]["error"] == 0
    periods = {row["period"] for row in report["indicators"] if row["period"]}
    assert periods
    assert all(p <= "2024Q2" for p in periods)


def test_as_of_takes_the_spellings_the_ledger_takes() -> None:
    iso = json.loads(invoke("--as-of", "2025-03-31", "--format", "json").stdout)
    for spelling in ("2025/3/31", "2025年3月31日"):
        other = invoke("--as-of", spelling, "--format", "json")
        assert other.exit_code == 0, other.output
        assert json.loads(other.stdout)["indicators"] == iso["indicators"]
