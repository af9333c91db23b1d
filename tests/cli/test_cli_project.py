"""Which files a command reads: the project found like git finds a repository, or the
bundled sample only when no project is found and nothing is named.

Files named on the command line are never mixed with the bundled sample: outside a project,
``--data`` is read against the bundled plan with no bundled ledger, ``--progress`` with no
bundled county files, and ``--plan`` with the files beside that plan.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gl_plan.api import load_inputs
from gl_plan.cli import app
from gl_plan.resources import bundled_data_dir, find_project, resolve_inputs

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data"
FIXTURE = ROOT / "tests" / "fixtures" / "check"
AS_OF = "2026-11-28"

runner = CliRunner()


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with no data/plan.yaml in it or above it, as the current folder."""
    work = tmp_path / "elsewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    assert find_project(work) is None
    return work


@pytest.fixture
def county_files(tmp_path: Path) -> Path:
    """Two of the sample's county files, in a folder of the user's own."""
    mine = tmp_path / "mine"
    mine.mkdir()
    for name in ("450302_秀峰区.csv", "450303_叠彩区.csv"):
        shutil.copy(SAMPLE / "indicators" / name, mine / name)
    return mine


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder: the fixture plan, its county files and a one-line ledger."""
    root = tmp_path / "proj"
    (root / "data").mkdir(parents=True)
    shutil.copy(FIXTURE / "plan.yaml", root / "data" / "plan.yaml")
    shutil.copytree(FIXTURE / "indicators", root / "data" / "indicators")
    (root / "data" / "progress.csv").write_text(
        "date,task,status,value,note\n2022-12-20,A1.1,completed,,\n", encoding="utf-8"
    )
    return root


# --------------------------------------------------------------------------- discovery


def test_the_project_is_found_from_a_folder_below_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = project / "reports" / "2026Q3"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_project() is not None
    assert find_project().root == project / "data"  # type: ignore[union-attr]
    result = runner.invoke(app, ["check", "--as-of", "2025-03-31", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "bundled" not in result.stderr
    sources = json.loads(result.stdout)["sources"]
    assert sources["plan"] == str(project / "data" / "plan.yaml")
    assert sources["progress"] == str(project / "data" / "progress.csv")
    assert len(sources["data"]) == 3
    assert sources["bundled"] is False


def test_the_nearest_project_wins(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inner = project / "sub"
    (inner / "data").mkdir(parents=True)
    shutil.copy(SAMPLE / "plan.yaml", inner / "data" / "plan.yaml")
    found = find_project(inner / "data" / "indicators")
    assert found is not None
    assert found.root == inner / "data"
    assert find_project(project / "data") == find_project(project)


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--as-of", AS_OF, "--fail-on", "never", "-f", "json"],
        ["data", "--as-of", AS_OF, "-f", "csv"],
        ["tasks", "--as-of", AS_OF, "-f", "json"],
        ["validate", "--as-of", AS_OF],
        ["plan", "-f", "json"],
    ],
    ids=lambda c: c[0],
)
def test_the_bundled_sample_is_said_on_the_first_line(outside: Path, command: list[str]) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code in (0, 1), result.output
    assert "bundled sample" in _first_line(result.stderr), result.stderr


# --------------------------------------------------------------------------- never mixed


def test_data_outside_a_project_reads_no_bundled_ledger(outside: Path, county_files: Path) -> None:
    result = runner.invoke(
        app, ["check", "--data", str(county_files), "--as-of", AS_OF, "-f", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    first = _first_line(result.stderr)
    assert "bundled plan" in first
    assert "not read" in first
    doc = json.loads(result.stdout)
    assert doc["sources"]["progress"] is None
    assert doc["sources"]["bundled"] is False
    assert doc["sources"]["data"] == [str(p) for p in sorted(county_files.iterdir())]
    assert all(t["last_report"] is None for t in doc["tasks"])


def test_progress_outside_a_project_reads_no_bundled_county_files(
    outside: Path, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("date,task,status,value,note\n2022-12-20,A1.1,completed,,\n", "utf-8")
    result = runner.invoke(
        app, ["check", "--progress", str(ledger), "--as-of", AS_OF, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "bundled plan" in _first_line(result.stderr)
    doc = json.loads(result.stdout)
    assert doc["sources"]["data"] == []
    assert doc["sources"]["progress"] == str(ledger)
    assert {r["status"] for r in doc["indicators"]} == {"no_data"}


def test_data_and_progress_outside_a_project(
    outside: Path, county_files: Path, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("date,task,status,value,note\n", "utf-8")
    args = ["--data", str(county_files), "--progress", str(ledger), "--as-of", AS_OF]
    result = runner.invoke(app, ["check", *args, "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    assert doc["sources"]["progress"] == str(ledger)
    assert len(doc["sources"]["data"]) == 2


def test_a_plan_given_outside_a_project_reads_the_files_beside_it(outside: Path) -> None:
    """Not the bundled county files (the fixture plan's folder holds its own)."""
    result = runner.invoke(
        app, ["check", "--plan", str(FIXTURE / "plan.yaml"), "--as-of", "2025-03-31", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "bundled" not in result.stderr
    doc = json.loads(result.stdout)
    assert [Path(p).parent for p in doc["sources"]["data"]] == [FIXTURE / "indicators"] * 3
    assert doc["sources"]["progress"] is None


def test_a_plan_with_nothing_beside_it_has_no_data(outside: Path, tmp_path: Path) -> None:
    plan = tmp_path / "alone" / "plan.yaml"
    plan.parent.mkdir()
    shutil.copy(FIXTURE / "plan.yaml", plan)
    result = runner.invoke(app, ["check", "--plan", str(plan), "--as-of", AS_OF, "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["sources"] == {
        "plan": str(plan),
        "data": [],
        "progress": None,
        "bundled": False,
    }


def test_data_inside_a_project_uses_the_projects_plan_and_ledger(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(project)
    other = tmp_path / "q3"
    shutil.copytree(FIXTURE / "indicators", other)
    (other / "yangshuo.csv").unlink()
    result = runner.invoke(
        app, ["check", "--data", str(other), "--as-of", "2025-03-31", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["sources"]["plan"] == str(project / "data" / "plan.yaml")
    assert doc["sources"]["progress"] == str(project / "data" / "progress.csv")
    assert len(doc["sources"]["data"]) == 2


def test_tasks_with_a_ledger_outside_a_project(outside: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("date,task,status,value,note\n2022-12-20,A1.1,completed,,\n", "utf-8")
    result = runner.invoke(
        app, ["tasks", "--progress", str(ledger), "--as-of", AS_OF, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "using the bundled sample" not in result.stderr
    assert "bundled plan" in _first_line(result.stderr)
    doc = json.loads(result.stdout)
    assert doc["ledger"] == str(ledger)


@pytest.mark.parametrize("command", ["data", "validate"])
def test_data_outside_a_project_is_checked_against_the_bundled_plan(
    outside: Path, county_files: Path, command: str
) -> None:
    result = runner.invoke(app, [command, "--data", str(county_files), "--as-of", AS_OF])
    assert result.exit_code in (0, 1), result.output
    assert "bundled plan" in _first_line(result.stderr)
    assert "using the bundled sample" not in result.stderr


# --------------------------------------------------------------------------- the API


def test_the_api_never_mixes_given_paths_with_the_sample(
    outside: Path, county_files: Path, tmp_path: Path
) -> None:
    day = date(2026, 11, 28)
    only_data = load_inputs(data_paths=[county_files], as_of=day, cwd=outside)
    assert only_data.bundled_plan
    assert only_data.sources.progress is None
    assert not only_data.sources.bundled
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("date,task,status,value,note\n", "utf-8")
    only_ledger = load_inputs(progress_path=ledger, as_of=day, cwd=outside)
    assert only_ledger.sources.data == []
    nothing = load_inputs(as_of=day, cwd=outside)
    assert nothing.sources.bundled
    assert not nothing.bundled_plan
    sample = bundled_data_dir()
    assert sample is not None
    assert nothing.sources.progress == str(sample / "progress.csv")


def test_resolve_inputs_from_a_project(project: Path) -> None:
    found = resolve_inputs(cwd=project / "data" / "indicators")
    assert found.plan == project / "data" / "plan.yaml"
    assert found.data == (project / "data" / "indicators",)
    assert found.progress == project / "data" / "progress.csv"
    assert not found.bundled
    assert not found.bundled_plan
