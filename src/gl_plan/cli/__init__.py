"""The ``glplan`` command line: each command parses options, calls the library, renders.

Exit codes (the same for every command):

- 0: the command ran and nothing reached ``--fail-on`` (for ``validate``: the input is valid);
- 1: findings reach ``--fail-on`` (for ``validate``: the input has errors);
- 2: a usage error, or input that could not be read at all.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="glplan",
    help=(
        "Monitor Guilin's 2022 education action plan (桂林市推进教育高质量发展行动计划): "
        "targets, county gaps and task deadlines.\n\n"
        "Exit codes: 0 ok; 1 findings reach --fail-on (validate: invalid input); "
        "2 usage error or unreadable input."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _register() -> None:
    # Each module adds its commands to `app`; importing them here keeps one file per command group.
    from gl_plan.cli import check_cmd, data_cmds, plan_cmds, task_cmds  # noqa: F401


_register()


def main() -> None:
    """Console-script entry point."""
    app()
