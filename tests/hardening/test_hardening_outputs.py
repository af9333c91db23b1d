"""``--output`` never replaces an input of the project, for every command that writes one.

The inputs are the plan, the ledger, every file under the indicators folder and every file
given with ``--data``, whatever the command reads itself (``tasks`` reads no county file,
and still must not replace one), under any spelling of the name. Each refusal names the
output, exits 2 and leaves every file as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hardening_support import AS_OF, ROOT
from typer.testing import CliRunner, Result

from gl_plan.cli import app

runner = CliRunner()
COUNTY = "450302_秀峰区.csv"
PRE = "preschool_gross_enrollment_rate"

#: Every command with ``--output``, as run in a project folder.
COMMANDS: dict[str, list[str]] = {
    "check": ["check", "--as-of", AS_OF],
    "data": ["data", "--as-of", AS_OF],
    "explain": ["explain", "450302", PRE, "--as-of", AS_OF],
    "tasks": ["tasks", "--as-of", AS_OF],
}
#: The commands that write CSV, so that ``--output x.csv`` gets as far as the write.
WRITES_CSV = ("check", "data", "tasks")


def _args(command: str, output: str) -> list[str]:
    """The command with a format that ``output``'s suffix agrees with (JSON for a name
    whose suffix says nothing, as the plan's ``.yaml``)."""
    fmt = "csv" if output.endswith(".csv") else "json"
    return [*COMMANDS[command], "-f", fmt, "--output", output]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's data/ folder, the current folder set to its parent."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _refused(result: Result, output: str, *names: str) -> None:
    stderr = result.stderr
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in stderr
    # Located: the output's name first (data problems may be listed before it).
    assert any(line.startswith(f"{output}: ") for line in stderr.splitlines()), stderr
    for name in names:
        assert name in stderr, stderr
    assert "nothing was written" in stderr, stderr


def _run(project: Path, command: str, output: str) -> tuple[Result, dict[str, bytes]]:
    before = _snapshot(project / "data")
    return runner.invoke(app, _args(command, output)), before


@pytest.mark.parametrize("command", WRITES_CSV)
def test_output_over_a_county_file_is_refused(project: Path, command: str) -> None:
    out = f"data/indicators/{COUNTY}"
    result, before = _run(project, command, out)
    _refused(result, out, COUNTY)
    assert _snapshot(project / "data") == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_output_over_the_plan_is_refused(project: Path, command: str) -> None:
    result, before = _run(project, command, "data/plan.yaml")
    _refused(result, "data/plan.yaml", "plan.yaml")
    assert _snapshot(project / "data") == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_new_file_in_the_indicators_folder_is_refused(project: Path, command: str) -> None:
    """The next run would read the report as county data."""
    out = "data/indicators/report.json"
    result, before = _run(project, command, out)
    _refused(result, out, "indicators")
    assert _snapshot(project / "data") == before


@pytest.mark.parametrize("command", WRITES_CSV)
@pytest.mark.parametrize(
    "spelling",
    [
        "data/plan.yaml.json",  # a symlink to the plan (made below)
        "data/../data/progress.csv",
        "ledger-link.csv",  # a hard link to the ledger (made below)
        "./data/indicators/sub/../" + COUNTY,
    ],
)
def test_inputs_by_another_name_are_refused(project: Path, command: str, spelling: str) -> None:
    data = project / "data"
    (data / "indicators" / "sub").mkdir()
    (data / "plan.yaml.json").symlink_to(data / "plan.yaml")
    os.link(data / "progress.csv", project / "ledger-link.csv")
    before = _snapshot(data)
    result = runner.invoke(app, _args(command, spelling))
    _refused(result, str(Path(spelling)))
    assert _snapshot(data) == before
    assert (data / "plan.yaml.json").is_symlink()


@pytest.mark.parametrize("command", ["check", "data", "explain"])
def test_a_file_given_with_data_is_refused(project: Path, command: str) -> None:
    """A county file outside the project, named with --data."""
    outside = project / "elsewhere"
    outside.mkdir()
    county = outside / COUNTY
    shutil.copyfile(project / "data" / "indicators" / COUNTY, county)
    before = county.read_bytes()
    args = [*_args(command, str(county)), "--data", str(county)]
    if command == "explain":  # it writes no CSV: a county file named otherwise
        county = county.rename(county.with_suffix(".json"))
        before = county.read_bytes()
        args = [*_args(command, str(county)), "--data", str(county)]
    result = runner.invoke(app, args)
    _refused(result, str(county), county.name)
    assert county.read_bytes() == before


def test_a_ledger_given_with_progress_is_refused(project: Path) -> None:
    ledger = project / "other.csv"
    shutil.copyfile(project / "data" / "progress.csv", ledger)
    before = ledger.read_bytes()
    result = runner.invoke(app, [*_args("tasks", "other.csv"), "--progress", "other.csv"])
    _refused(result, "other.csv", "other.csv")
    assert ledger.read_bytes() == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_output_beside_the_inputs_is_written(project: Path, command: str) -> None:
    result = runner.invoke(app, _args(command, "data/report.json"))
    assert result.exit_code in (0, 1), result.output
    assert (project / "data" / "report.json").read_text("utf-8").startswith("{")
