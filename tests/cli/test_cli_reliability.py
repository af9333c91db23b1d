"""What every command owes its caller whatever the output: it never writes over its own
inputs, a failed write to standard output is a one-line error (exit 2), a reader leaving
early is no error, and one finding is one line of bounded length.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from gl_plan.cli import app
from gl_plan.errors import MAX_FIELD_CHARS, MAX_MESSAGE_CHARS, Problem, Severity
from gl_plan.i18n import _

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-28"
COUNTY = "450302_秀峰区.csv"
#: The longest line any finding may print (the severity label included).
MAX_LINE = 2000

runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's data/ folder, and the current folder set to its parent."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def glplan(
    *args: str | os.PathLike[str], cwd: Path, stdout: int | object = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GLPLAN_LANG": "en", "NO_COLOR": "1", "COLUMNS": "80"}
    return subprocess.run(
        [sys.executable, "-m", "gl_plan", *map(str, args)],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def _refused(result: Result, output: str, target: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    stderr = result.stderr
    assert output in stderr, stderr
    assert target in stderr, stderr
    assert "Traceback" not in stderr


# --------------------------------------------------------------------- --output over inputs


def test_check_output_over_the_ledger_is_refused(project: Path) -> None:
    ledger = project / "data" / "progress.csv"
    before = ledger.read_bytes()
    result = runner.invoke(app, ["check", "--as-of", AS_OF, "--output", "data/progress.csv"])
    _refused(result, "data/progress.csv", "progress.csv")
    assert ledger.read_bytes() == before


def test_check_output_over_a_county_file_is_refused(project: Path) -> None:
    county = project / "data" / "indicators" / COUNTY
    before = county.read_bytes()
    out = f"data/indicators/{COUNTY}"
    result = runner.invoke(app, ["check", "--as-of", AS_OF, "--output", out])
    _refused(result, out, COUNTY)
    assert county.read_bytes() == before


@pytest.mark.parametrize("folder", [None, "data/indicators", "data/indicators/"])
def test_data_output_over_a_county_file_is_refused(project: Path, folder: str | None) -> None:
    county = project / "data" / "indicators" / COUNTY
    before = county.read_bytes()
    out = f"data/indicators/{COUNTY}"
    paths = [] if folder is None else [folder]
    result = runner.invoke(app, ["data", *paths, "--as-of", AS_OF, "--output", out])
    _refused(result, out, COUNTY)
    assert county.read_bytes() == before


COMMANDS_WITH_OUTPUT = {
    "check": ["check", "--as-of", AS_OF, "--format", "json"],
    "data": ["data", "--as-of", AS_OF, "--format", "json"],
    "tasks": ["tasks", "--as-of", AS_OF, "--format", "json"],
}


@pytest.mark.parametrize("command", list(COMMANDS_WITH_OUTPUT))
def test_a_symlink_to_the_plan_is_refused(project: Path, command: str) -> None:
    plan = project / "data" / "plan.yaml"
    before = plan.read_bytes()
    link = project / "report.json"
    link.symlink_to(plan)
    result = runner.invoke(app, [*COMMANDS_WITH_OUTPUT[command], "--output", "report.json"])
    _refused(result, "report.json", "plan.yaml")
    assert plan.read_bytes() == before
    assert link.is_symlink()


@pytest.mark.parametrize("command", ["check", "tasks"])
def test_a_hard_link_to_the_ledger_is_refused(project: Path, command: str) -> None:
    ledger = project / "data" / "progress.csv"
    before = ledger.read_bytes()
    os.link(ledger, project / "copy.csv")
    args = [command, "--as-of", AS_OF, "--progress", "data/progress.csv", "-o", "copy.csv"]
    result = runner.invoke(app, args)
    _refused(result, "copy.csv", "progress.csv")
    assert ledger.read_bytes() == before


def test_a_ledger_given_by_another_spelling_is_refused(project: Path) -> None:
    ledger = project / "data" / "progress.csv"
    before = ledger.read_bytes()
    out = "data/indicators/../progress.csv"
    result = runner.invoke(app, ["tasks", "--as-of", AS_OF, "-f", "csv", "-o", out])
    _refused(result, out, "progress.csv")
    assert ledger.read_bytes() == before


def test_an_output_beside_the_inputs_is_still_written(project: Path) -> None:
    result = runner.invoke(app, ["tasks", "--as-of", AS_OF, "-o", "data/tasks.json"])
    assert result.exit_code == 0, result.output
    assert (project / "data" / "tasks.json").read_text("utf-8").startswith("{")


# --------------------------------------------------------------------- standard output

needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")

STDOUT_COMMANDS = {
    "check": ["check", "--as-of", AS_OF, "--format", "csv"],
    "data": ["data", "--as-of", AS_OF, "--format", "csv"],
    "tasks": ["tasks", "--as-of", AS_OF, "--format", "csv"],
    "validate": ["validate", "--as-of", AS_OF],
    "plan": ["plan", "--format", "json"],
    "schema": ["schema"],
}


@needs_dev_full
@pytest.mark.parametrize("command", list(STDOUT_COMMANDS))
def test_a_full_standard_output_is_a_one_line_error(project: Path, command: str) -> None:
    with open("/dev/full", "wb") as full:
        run = glplan(*STDOUT_COMMANDS[command], cwd=project, stdout=full)
    stderr = run.stderr.decode("utf-8")
    assert run.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr
    lines = [line for line in stderr.splitlines() if "standard output" in line]
    assert lines == ["cannot write to standard output: No space left on device"], stderr


@needs_dev_full
def test_a_full_output_file_is_the_same_error_code(project: Path) -> None:
    run = glplan("tasks", "--as-of", AS_OF, "-f", "csv", "-o", "/dev/full", cwd=project)
    assert run.returncode == 2
    assert b"No space left on device" in run.stderr
    assert b"Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["tasks", "--as-of", AS_OF, "--format", "csv"], 0),
        (["schema"], 0),
        # The usual verdict still comes out: overdue tasks reach --fail-on overdue.
        (["check", "--as-of", AS_OF, "--format", "csv", "--fail-on", "overdue"], 1),
    ],
)
def test_a_reader_that_leaves_is_no_error(project: Path, args: list[str], code: int) -> None:
    """``glplan ... | head -1``: the rest of the output is dropped quietly, and the exit code
    is the one the command would have had (``set -o pipefail`` sees the real verdict)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    try:
        run = glplan(*args, cwd=project, stdout=write_end)
    finally:
        os.close(write_end)
    stderr = run.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr
    assert "Broken pipe" not in stderr
    assert run.returncode == code, stderr


def test_head_of_a_real_pipe(project: Path) -> None:
    shell = shutil.which("sh")
    if shell is None:
        pytest.skip("no shell")
    glplan_cmd = f'"{sys.executable}" -m gl_plan schema'
    run = subprocess.run(
        [shell, "-c", f"{glplan_cmd} | head -c 1 >/dev/null"],
        capture_output=True,
        cwd=project,
        timeout=120,
        check=False,
    )
    assert b"Traceback" not in run.stderr
    assert run.stderr == b""


# --------------------------------------------------------------------- one finding, one line


def test_a_control_character_in_a_yaml_key_stays_on_one_line(tmp_path: Path) -> None:
    source = (ROOT / "data" / "plan.yaml").read_text("utf-8")
    anchor = "\n  - id: A1\n    number: 1\n"
    assert anchor in source
    plan = tmp_path / "plan.yaml"
    plan.write_text(source.replace(anchor, anchor + '    "bad\\nkey\\u2028x": 1\n', 1), "utf-8")
    run = glplan("validate", plan, cwd=tmp_path)
    assert run.returncode == 1
    stderr = run.stderr.decode("utf-8")
    lines = [line for line in stderr.splitlines() if "bad" in line]
    assert len(lines) == 1, stderr
    assert "actions.0.bad\\nkey\\u2028x: unknown key" in lines[0]
    # Nothing else looks like a finding of its own.
    assert all(line.startswith(str(plan)) for line in stderr.splitlines()), stderr


def test_control_characters_are_escaped_in_every_part() -> None:
    p = Problem(
        "a\tb\rc\x00d\x85e\u2029f",
        file="dir\n/x.csv",
        line=3,
        column=4,
        field="col\x1bumn",
        severity=Severity.WARNING,
    )
    text = str(p)
    assert text == "dir\\n/x.csv:3:4: col\\x1bumn: a\\tb\\rc\\x00d\\x85e\\u2029f"
    assert len(text.splitlines()) == 1
    # JSON keeps the value (json escapes it); the cap applies there too.
    assert p.to_dict()["message"] == "a\tb\rc\x00d\x85e\u2029f"


def test_long_quoted_content_is_cut() -> None:
    p = Problem("x" * 1_000_000, file="f.csv", line=1, field="y" * 10_000)
    text = str(p)
    assert len(text) <= MAX_LINE - len(" (warning)")
    assert text.startswith("f.csv:1: yyyy")
    assert "more characters)" in text
    assert len(p.to_dict()["message"]) <= MAX_MESSAGE_CHARS
    assert len(p.to_dict()["field"]) <= MAX_FIELD_CHARS
    short = Problem("short", file="f.csv")
    assert str(short) == "f.csv: short"
    assert short.to_dict()["message"] == "short"


def _wide_csv(folder: Path) -> Path:
    path = folder / "450302_wide.csv"
    header = ",".join(f"c{i}" for i in range(100_000))
    path.write_text(header + "\n" + ",".join("1" for _ in range(100_000)) + "\n", "utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--data", "{csv}", "--as-of", AS_OF],
        ["data", "{csv}", "--as-of", AS_OF, "-f", "csv"],
        ["data", "{csv}", "--as-of", AS_OF],
        ["data", "{csv}", "--as-of", AS_OF, "-f", "json"],
    ],
)
def test_a_100k_column_header_gives_short_lines(project: Path, args: list[str]) -> None:
    csv = _wide_csv(project)
    run = glplan(*(a.format(csv=csv) for a in args), cwd=project)
    out = run.stdout.decode("utf-8") + run.stderr.decode("utf-8")
    assert "Traceback" not in out
    assert run.returncode in (1, 2), out[:3000]
    assert csv.name in out
    longest = max(len(line) for line in out.splitlines())
    assert longest <= MAX_LINE, longest


def test_a_message_made_from_the_text_table_renders_in_either_language() -> None:
    from gl_plan.errors import Problem

    problem = Problem(_("* older figure: "), file="a.csv", line=3)
    assert str(problem) == "a.csv:3: * older figure: "
    assert problem.render("zh") == "a.csv:3: * 非最新一期数据："
    assert problem.to_dict()["message"] == "* older figure: "
