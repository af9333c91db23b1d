"""Shared inputs for the report tests: the bundled plan and a small fixture data set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from gl_plan.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "plan.yaml"
GOLDEN = ROOT / "tests" / "fixtures" / "golden"
DATA = GOLDEN / "indicators"
LEDGER = GOLDEN / "progress.csv"
#: 2025 targets still ahead, tasks due at the end of 2025 "due soon", others overdue.
AS_OF = "2025-10-15"

_runner = CliRunner()


def fixture_args(command: str) -> list[str]:
    """The command line of ``command`` on the fixture data set at :data:`AS_OF`."""
    args = [command, "--plan", str(PLAN), "--progress", str(LEDGER), "--as-of", AS_OF]
    if command == "check":
        args += ["--data", str(DATA)]
    return args


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    """Invoke ``glplan`` and insist it ran (exit 0)."""
    result = _runner.invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result
