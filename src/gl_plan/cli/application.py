"""The ``glplan`` Typer application; each command module adds its commands to :data:`app`.

A module of its own so that command modules need not import the package that imports them.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="glplan",
    help=(
        "Monitor an action plan: every region's gap to each target year and whether it is on "
        "track, and which dated tasks are overdue. Guilin's 2022 education action plan "
        "(桂林市推进教育高质量发展行动计划) is bundled as the example.\n\n"
        "Exit codes: 0 ok; 1 findings reach --fail-on (validate: invalid input); "
        "2 usage error, nothing usable to read (one unreadable county file is a finding), "
        "or unwritable output."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
