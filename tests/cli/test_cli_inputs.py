"""What ``check``, ``data`` and ``validate`` read, the same way for all three: several paths
after one ``--data`` (the shell's expansion of ``--data q3/*.csv``), a region and a period
stated for files whose table lacks them, and a damaged county file that does not stop the
report."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gl_plan.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "indicators"
THREE = ("450302_秀峰区.csv", "450303_叠彩区.csv", "450305_七星区.csv")
AS_OF = "2026-11-28"
DAMAGED = "450327_灌阳县.csv"

runner = CliRunner()


def _run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def q3(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "q3"
    folder.mkdir()
    for name in THREE:
        shutil.copy(SAMPLE / name, folder / name)
    return sorted(folder.iterdir())


# --------------------------------------------------------------------------- several paths


def _check_files(*args: str | Path) -> list[str]:
    result = _run("check", "--plan", PLAN, *args, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout)["sources"]["data"])


def _data_rows(*args: str | Path) -> list[dict[str, Any]]:
    result = _run("data", "--plan", PLAN, *args, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout)["observations"])


def _validated(*args: str | Path) -> str:
    result = _run("validate", PLAN, *args, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    return str(result.stdout.splitlines()[-1])


@pytest.mark.parametrize("spelling", ["expanded", "repeated", "folder"])
def test_check_data_and_validate_take_several_paths_alike(q3: list[Path], spelling: str) -> None:
    """``--data q3/*.csv`` reaches glplan as ``--data a.csv b.csv c.csv``."""
    if spelling == "expanded":
        args: list[str | Path] = ["--data", *q3]
    elif spelling == "repeated":
        args = [x for p in q3 for x in ("--data", p)]
    else:
        args = ["--data", q3[0].parent]
    assert _check_files(*args) == [str(p) for p in q3]
    rows = _data_rows(*args)
    assert {r["source"] for r in rows} == {str(p) for p in q3}
    assert {r["region"] for r in rows} == {"450302", "450303", "450305"}
    assert _validated(*args).startswith(f"data: {len(rows)} observations from 3 files")


def test_the_three_commands_read_the_same_observations(q3: list[Path]) -> None:
    expanded = _data_rows("--data", *q3)
    assert expanded == _data_rows(*q3)  # data's own arguments, as before
    assert expanded == _data_rows(*[x for p in q3 for x in ("--data", p)])


@pytest.mark.parametrize("command", ["check", "data"])
def test_a_plan_among_the_data_paths_is_a_usage_error(q3: list[Path], command: str) -> None:
    result = _run(command, "--data", q3[0], PLAN, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "looks like a plan, not an indicator file: pass it with --plan" in result.stderr


@pytest.mark.parametrize("command", ["check", "data", "validate"])
def test_help_shows_the_several_paths_form(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--data q3/*.csv" in result.stdout
    assert "--region" in result.stdout
    assert "--period" in result.stdout


# --------------------------------------------------------------------------- --region, --period


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """A county's table with neither a region nor a period column, under a name that says
    neither."""
    path = tmp_path / "report.csv"
    path.write_text("指标,数值,分子,分母\n学前教育三年毛入园率,98.5,9850,10000\n", encoding="utf-8")
    return path


STATED = {
    "region": "450321",
    "period": "2026Q3",
    "indicator": "preschool_gross_enrollment_rate",
    "value": 98.5,
}


def test_data_takes_region_and_period_for_a_bare_table(bare: Path) -> None:
    rows = _data_rows("--data", bare, "--region", "阳朔县", "--period", "2026年第三季度")
    assert [{k: r[k] for k in STATED} for r in rows] == [STATED]


def test_check_takes_region_and_period_for_a_bare_table(bare: Path) -> None:
    result = _run(
        "check", "--plan", PLAN, "--data", bare, "--region", "450321", "--period", "2026Q3",
        "--as-of", AS_OF, "-f", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["indicators"]
    mine = [
        r
        for r in rows
        if r["region"] == "450321"
        and r["indicator"] == STATED["indicator"]
        and r["target_year"] == 2030  # 2025 is over: judged on 2025's own figures
    ]
    assert {r["value"] for r in mine} == {98.5}


def test_validate_takes_region_and_period_for_a_bare_table(bare: Path) -> None:
    assert _validated("--data", bare, "--region", "阳朔", "--period", "2026Q3").startswith(
        "data: 1 observations from 1 files; 0 errors"
    )


@pytest.mark.parametrize("command", ["data", "validate"])
def test_a_bare_table_without_region_is_an_error_naming_the_file(bare: Path, command: str) -> None:
    args: list[str | Path] = [command, "--data", bare, "--as-of", AS_OF]
    result = _run(*(args if command == "data" else [command, PLAN, *args[1:]]))
    assert result.exit_code in (1, 2), result.output
    assert "report.csv" in result.stderr


# --------------------------------------------------------------------------- a damaged file


@pytest.fixture
def quarter(tmp_path: Path) -> Path:
    """The 17 sample county files, one of them overwritten with random bytes."""
    folder = tmp_path / "2026Q3"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md"))
    (folder / DAMAGED).write_bytes(random.Random(14).randbytes(4096))
    assert len(list(folder.iterdir())) == 17
    return folder


def test_one_damaged_county_file_does_not_stop_the_report(quarter: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = _run(
        "check", "--plan", PLAN, "--data", quarter, "--as-of", AS_OF, "--format", "json",
        "--output", out,
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert f"{DAMAGED}" in result.stderr
    assert "findings reach --fail-on error" in result.stderr
    doc = json.loads(out.read_text("utf-8"))
    assert len(doc["sources"]["data"]) == 17
    errors = [p for p in doc["data_issues"] if p["severity"] == "error"]
    assert [Path(p["file"]).name for p in errors] == [DAMAGED]
    regions = {r["region"] for r in doc["indicators"]}
    assert len(regions) == 18  # the city and all 17 counties
    damaged = [r for r in doc["indicators"] if r["region"] == "450327"]
    assert damaged
    assert {r["status"] for r in damaged} == {"no_data"}
    others = [r for r in doc["indicators"] if r["region"] == "450328"]
    assert "no_data" not in {r["status"] for r in others}


@pytest.mark.parametrize("command", ["data", "validate"])
def test_one_damaged_file_is_a_finding_for_data_and_validate(quarter: Path, command: str) -> None:
    head = [command, "--plan", PLAN] if command == "data" else [command, PLAN]
    result = _run(*head, "--data", quarter, "--as-of", AS_OF)
    assert result.exit_code == 1, result.output
    assert DAMAGED in result.stderr
    assert "Traceback" not in result.output


def test_nothing_usable_is_exit_2(tmp_path: Path) -> None:
    """Every county file damaged: no report (needs the reader's refusal, wt-read2)."""
    folder = tmp_path / "broken"
    folder.mkdir()
    for i, name in enumerate(THREE):
        (folder / name).write_bytes(random.Random(i).randbytes(2048))
    out = tmp_path / "report.json"
    result = _run("check", "--plan", PLAN, "--data", folder, "--as-of", AS_OF, "--output", out)
    assert result.exit_code == 2, result.output
    assert not out.exists()
