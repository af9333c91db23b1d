"""Every command is documented: a help text with an example, and no traceback for --help."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.cli.application import COMMANDS

runner = CliRunner()


def _commands() -> list[list[str]]:
    # Typer vendors click; walk its command tree by duck typing (groups have .commands).
    group = typer.main.get_command(app)
    found: list[list[str]] = []
    for name, command in getattr(group, "commands", {}).items():
        subs = getattr(command, "commands", None)
        if subs:
            found += [[name, sub] for sub in subs]
        else:
            found.append([name])
    return found


def test_the_commands_are_all_there() -> None:
    names = {" ".join(c) for c in _commands()}
    assert names >= {"check", "tasks", "progress add", "data", "validate", "plan", "schema", "init"}


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout, f"glplan {' '.join(command)} --help has no example"


def test_help_lists_the_commands_in_the_table_order() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    listed = [
        m.group(1)
        for line in result.stdout.splitlines()
        if (m := re.match(r"│ ([a-z]+) +\S", line)) and m.group(1) in COMMANDS
    ]
    assert listed == list(COMMANDS)


def test_a_mistyped_command_gets_a_suggestion_and_exit_2() -> None:
    result = runner.invoke(app, ["chek"])
    assert result.exit_code == 2
    assert "Did you mean 'check'" in result.output
