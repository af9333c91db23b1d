"""``glplan init``: a project folder that validates and checks as it is made."""

from __future__ import annotations

import fnmatch
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.ledger.model import COLUMNS

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-28"

runner = CliRunner()


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_makes_a_project_from_the_bundled_plan(cwd: Path) -> None:
    result = runner.invoke(app, ["init", "guilin-2026"])
    assert result.exit_code == 0, result.output
    root = cwd / "guilin-2026"
    assert (root / "data" / "plan.yaml").read_bytes() == (ROOT / "data" / "plan.yaml").read_bytes()
    assert (root / "data" / "progress.csv").read_text("utf-8") == ",".join(COLUMNS) + "\n"
    readme = (root / "data" / "indicators" / "README.md").read_text("utf-8")
    for layout in ("**Long**", "**Wide**", "**Statistical form**", "--region", "--period"):
        assert layout in readme
    assert (root / ".gitignore").read_text("utf-8").splitlines()[1:] == [".*.lock", "*.tmp"]
    assert result.stdout.splitlines() == [
        "Created a glplan project in guilin-2026:",
        "  data/plan.yaml       the plan: a copy of the bundled plan (Guilin's 2022 action plan)",
        "  data/indicators/     the county files go here; its README.md lists the layouts read",
        "  data/progress.csv    the task progress ledger (header only)",
        "  .gitignore           keeps the ledger's lock file and temporary files out of git",
        "Next:",
        "  cd guilin-2026",
        "  put the county files in data/indicators/ as they arrive (CSV or Excel)",
        "  glplan validate --data data/indicators   checks the plan and the files",
        "  glplan check                             the report (--output report.html: a page)",
    ]


@pytest.mark.parametrize("template", ["guilin", "empty"])
def test_a_new_project_validates_and_checks(
    cwd: Path, template: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["init", "--template", template]).exit_code == 0
    valid = runner.invoke(app, ["validate", "--data", "data/indicators", "--as-of", AS_OF])
    assert valid.exit_code == 0, valid.output
    assert valid.stdout.startswith(f"{cwd / 'data' / 'plan.yaml'}: ok")
    # From a folder below the project, as git finds its repository.
    (cwd / "reports").mkdir()
    monkeypatch.chdir(cwd / "reports")
    result = runner.invoke(app, ["check", "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "bundled" not in result.stderr
    doc = json.loads(result.stdout)
    assert {r["status"] for r in doc["indicators"]} == {"no_data"}
    assert doc["sources"]["plan"] == str(cwd / "data" / "plan.yaml")
    assert doc["sources"]["progress"] == str(cwd / "data" / "progress.csv")
    assert doc["summary"]["data_issues"]["error"] == 0


def test_the_empty_template_is_small_and_says_what_to_fill_in(cwd: Path) -> None:
    result = runner.invoke(app, ["init", "new", "-t", "empty", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert "在 data/plan.yaml 填写本地的地区、指标、目标和任务" in result.stdout
    plan = runner.invoke(app, ["plan", "new/data/plan.yaml", "-f", "json"])
    assert plan.exit_code == 0, plan.output
    doc = json.loads(plan.stdout)
    assert [r["kind"] for r in doc["regions"]] == ["city", "county", "county"]
    assert len(doc["indicators"]) == 1
    assert len([t for a in doc["actions"] for t in a["tasks"]]) == 1


def test_init_never_replaces_a_plan(cwd: Path) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    plan = cwd / "data" / "plan.yaml"
    plan.write_text("# edited by hand\n", encoding="utf-8")
    result = runner.invoke(app, ["init", "--template", "empty"])
    assert result.exit_code == 2
    assert "already exists: nothing was changed" in result.stderr
    assert plan.read_text("utf-8") == "# edited by hand\n"


def test_init_keeps_files_already_there(cwd: Path) -> None:
    (cwd / "data" / "indicators").mkdir(parents=True)
    ledger = cwd / "data" / "progress.csv"
    shutil.copy(ROOT / "data" / "progress.csv", ledger)
    (cwd / ".gitignore").write_text("*.pyc\n*.tmp", encoding="utf-8")
    result = runner.invoke(app, ["init", "."])
    assert result.exit_code == 0, result.output
    assert ledger.read_bytes() == (ROOT / "data" / "progress.csv").read_bytes()
    assert "data/progress.csv    already there, kept" in result.stdout
    assert "cd " not in result.stdout
    lines = (cwd / ".gitignore").read_text("utf-8").splitlines()
    assert lines[:2] == ["*.pyc", "*.tmp"]
    assert lines.count("*.tmp") == 1
    assert ".*.lock" in lines
    again = runner.invoke(app, ["init", "other"])
    assert again.exit_code == 0


def test_init_refuses_an_unknown_template(cwd: Path) -> None:
    result = runner.invoke(app, ["init", "--template", "shanghai"])
    assert result.exit_code == 2
    assert "--template must be one of guilin, empty" in result.stderr
    assert not (cwd / "data").exists()


def test_the_ledger_lock_file_is_ignored_by_git(cwd: Path) -> None:
    """The ledger's lock file is `.progress.csv.lock` beside it; .gitignore must match it."""
    assert runner.invoke(app, ["init"]).exit_code == 0
    patterns = [
        line for line in (cwd / ".gitignore").read_text("utf-8").splitlines() if line[:1] != "#"
    ]
    assert any(fnmatch.fnmatch(".progress.csv.lock", p) for p in patterns)
    assert any(fnmatch.fnmatch(".progress.csv.1f2e3d4c5b6a.tmp", p) for p in patterns)
