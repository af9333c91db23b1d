"""The ``glplan`` command line: each command parses options, calls the library, renders.

Exit codes (the same for every command):

- 0: the command ran and nothing reached ``--fail-on`` (for ``validate``: the input is valid);
- 1: findings reach ``--fail-on`` (for ``validate``: the input has errors);
- 2: a usage error, input that could not be read at all, or output that could not be
  written (``--output``, or standard output: a full disk, ``> /dev/full``).

A reader that leaves early (``glplan check | head``) is not an error: the command's exit
code is the one it would have had.

Each command lives in a module of its own (``check_cmd``, ``explain_cmd``, ``task_cmds``,
``plan_cmds``, ``data_cmds``, ``init_cmd``), imported when the command runs: see
:mod:`gl_plan.cli.application`.
"""

from __future__ import annotations

from gl_plan.cli.application import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
