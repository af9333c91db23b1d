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

import sys

from gl_plan.atomic import os_reason
from gl_plan.cli.application import app
from gl_plan.cli.common import print_problems, writing_stdout
from gl_plan.errors import Code, GlplanError, Problem
from gl_plan.i18n import Message, _, detect_lang

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point.

    Standard output is checked here, around everything a command does not print itself:
    closed (``glplan check >&-``), or failing while the help or a usage message is
    printed (``glplan --help > /dev/full``), it is one line on stderr and exit 2.
    """
    if sys.stdout is None:
        _stop(_("standard output is closed: nothing can be written (drop >&-, or use --output)"))
    try:
        with writing_stdout():
            app()
    except GlplanError as exc:
        print_problems(exc.problems, detect_lang())
        raise SystemExit(2) from None
    except OSError as exc:  # the help's own write, outside writing_stdout's flush
        _stop(_("cannot write to standard output: {reason}", reason=os_reason(exc)))


def _stop(message: Message) -> None:
    print_problems([Problem(message, code=Code.IO_ERROR)], detect_lang())
    raise SystemExit(2)
