"""The ``glplan`` Typer application, and the table of its commands.

Each command module has a Typer app of its own (:func:`command_app`). The top-level
:data:`app` knows the commands only by name, from :data:`COMMANDS`, and imports a command's
module when that command is run (or when ``--help`` lists them all): ``glplan check`` loads
neither the ledger's writer and its lock library nor the plan views, and Typer builds the
options of the one command being run, not of all nine. This is Click's documented pattern
for lazily loaded subcommands; it is the only import by name in glplan.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any, Final

import typer
from typer.core import TyperGroup

from gl_plan.cli.help import LocalisedGroup, lang_in_args, localise
from gl_plan.i18n import Lang, detect_lang

#: Every command, in the order ``glplan --help`` lists them, and the module that defines it
#: (its ``app``). A module can define several (``validate``, ``plan`` and ``schema``).
COMMANDS: Final = {
    "check": "gl_plan.cli.check_cmd",
    "explain": "gl_plan.cli.explain_cmd",
    "tasks": "gl_plan.cli.task_cmds",
    "progress": "gl_plan.cli.progress_cmds",
    "validate": "gl_plan.cli.plan_cmds",
    "plan": "gl_plan.cli.plan_cmds",
    "schema": "gl_plan.cli.plan_cmds",
    "draft": "gl_plan.cli.draft_cmd",
    "data": "gl_plan.cli.data_cmds",
    "init": "gl_plan.cli.init_cmd",
    "template": "gl_plan.cli.template_cmd",
    "status": "gl_plan.cli.status_cmd",
}

#: ``-h`` as well as ``--help``, for every command.
CONTEXT_SETTINGS: Final = {"help_option_names": ["-h", "--help"]}


def command_app(**kwargs: Any) -> typer.Typer:
    """A command module's own Typer app, with the settings every command shares."""
    return typer.Typer(
        cls=LocalisedGroup,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="markdown",
        context_settings=CONTEXT_SETTINGS,
        **kwargs,
    )


class _Commands(MutableMapping[str, Any]):
    """The commands by name, each built from its module when first looked up, its help in
    ``lang`` (:func:`gl_plan.cli.help.localise`).

    Iterating gives the names without importing anything (a mistyped command's "did you
    mean" uses them); looking one up imports its module and builds its options.
    """

    def __init__(self, lang: Lang) -> None:
        self._built: dict[str, Any] = {}
        self._lang = lang

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            module = importlib.import_module(COMMANDS[name])
            built = typer.main.get_command(module.app)
            # A module with several commands builds a group of them.
            command = built.commands[name] if isinstance(built, TyperGroup) else built
            self._built[name] = localise(command, self._lang, name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _CommandsOnDemand(LocalisedGroup):
    """The top-level group: commands listed from :data:`COMMANDS`, loaded when used; its
    help, and theirs, in the language :func:`gl_plan.i18n.detect_lang` gives as it is built
    (each time ``glplan`` runs)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = detect_lang()
        localise(self, lang, "glplan")  # before the commands are there: only its own help
        self.commands = _Commands(lang)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def make_context(self, info_name: Any, args: list[str], *rest: Any, **kwargs: Any) -> Any:
        # `--lang` on the command line wins over GLPLAN_LANG for the help and usage errors.
        lang = lang_in_args(args)
        if lang is not None and lang != self.lang:
            localise(self, lang, "glplan")
            self.commands = _Commands(lang)
        return super().make_context(info_name, args, *rest, **kwargs)


app = typer.Typer(
    name="glplan",
    cls=_CommandsOnDemand,
    help="help.glplan",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings=CONTEXT_SETTINGS,
)


@app.callback()
def _glplan() -> None:
    # A callback makes Typer build a group (its commands come from `COMMANDS`); the group's
    # help is the app's `help` above.
    pass
