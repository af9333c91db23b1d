"""The ``glplan`` command line: each command parses options, calls the library, renders.

Exit codes (the same for every command):

- 0: the command ran and nothing reached ``--fail-on`` (for ``validate``: the input is valid);
- 1: findings reach ``--fail-on`` (for ``validate``: the input has errors);
- 2: a usage error, input that could not be read at all, or output that could not be
  written (``--output``, or standard output: a full disk, ``> /dev/full``).

A reader that leaves early (``glplan check | head``) is not an error: the command's exit
code is the one it would have had.
"""

from __future__ import annotations

# Importing a command module adds its commands to `app`: one module per command group.
from gl_plan.cli import check_cmd, data_cmds, explain_cmd, init_cmd, plan_cmds, task_cmds
from gl_plan.cli.application import app

__all__ = [
    "app",
    "check_cmd",
    "data_cmds",
    "explain_cmd",
    "init_cmd",
    "main",
    "plan_cmds",
    "task_cmds",
]


def main() -> None:
    """Console-script entry point."""
    app()
