"""``--help`` in the user's language: the help texts come from the i18n tables.

Commands and options name their help by key (``help="help.check.fail_on"``: see
:mod:`gl_plan.i18n.help`); when a command is built (:mod:`gl_plan.cli.application`)
:func:`localise` puts in the texts of the language :func:`gl_plan.i18n.detect_lang` gives
(``GLPLAN_LANG``, else the locale), with the command's formats and ``--output`` suffixes
from :data:`gl_plan.cli.formats.FORMATS` and its example lines. Typer's and Click's own
words around them (``Usage:``, the panel titles, the ``--help`` option's help,
``[required]``) are put in by :class:`LocalisedCommand` and :class:`LocalisedGroup`,
through the hooks Click gives commands (``format_usage``, ``get_help_option``,
``get_params``) and Typer's ``rich_help_panel``.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Any, Final

from typer.core import TyperArgument, TyperCommand, TyperGroup

from gl_plan.cli.formats import formats_of, suffixes_of
from gl_plan.i18n import TEXTS, Lang, text

__all__ = ["LocalisedCommand", "LocalisedGroup", "examples", "localise"]


def examples(*lines: str) -> str:
    """A command's epilog: its example command lines, the same in every language, one a
    line (:func:`localise` joins them and puts "Examples:" before them)."""
    return "\n".join(f"`{line}`" for line in lines)


class _Localised:
    """What a command prints around the help texts, in :attr:`lang`."""

    lang: Lang = "en"
    #: While the help is being formatted: parameters are listed, not parsed.
    _listing: bool = False

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        # The usage line shows required arguments as they are parsed (REGION, not [REGION]).
        listing, self._listing = self._listing, False
        try:
            pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        finally:
            self._listing = listing
        prefix = text("help.usage", self.lang) + " "
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # Typer adds the completion options to the top group after it is built.
        _localise_params(self, self.lang, {})
        self._listing = True
        try:
            super().format_help(ctx, formatter)  # type: ignore[misc]
        finally:
            self._listing = False

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = text("help.help_option", self.lang)
            option.rich_help_panel = text("help.panel.options", self.lang)
        return option

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        if not self._listing or self.lang == "en":
            return params
        # Typer's "[required]" has no Chinese: a required parameter says so in its help.
        return [_optional_for_listing(p, self.lang) if p.required else p for p in params]


def _optional_for_listing(param: Any, lang: Lang) -> Any:
    """A copy of ``param`` for the help listing only: not marked required by Typer, its
    help saying it is."""
    listed = copy.copy(param)
    listed.required = False
    listed.help = (param.help or "") + text("help.required", lang)
    return listed


class LocalisedCommand(_Localised, TyperCommand):
    """A command whose help is in the language it was built for (:func:`localise`)."""


class LocalisedGroup(_Localised, TyperGroup):
    """A group whose help is in the language it was built for (:func:`localise`)."""


def localise(command: Any, lang: Lang, view: str | None = None) -> Any:
    """Put ``lang``'s help texts into ``command`` (and its subcommands), in place.

    ``view`` is the command's name in :data:`gl_plan.cli.formats.FORMATS` (``check``,
    ``tasks``, ``progress list``, ...), whose formats and suffixes ``--format`` and
    ``--output`` list.
    """
    name = view or command.name or ""
    values = {
        "formats": or_list([f.name for f in formats_of(name)], lang),
        "suffixes": or_list(suffixes_of(name), lang),
    }
    if isinstance(command, _Localised):
        command.lang = lang
    command.help = _text(command.help, lang, values)
    command.short_help = _text(command.short_help, lang, values)
    if command.epilog:
        lines = command.epilog.splitlines()
        key = "help.example" if len(lines) == 1 else "help.examples"
        epilog = text(key, lang, examples=text("help.examples_sep", lang).join(lines))
        if f"help.{name}.examples" in TEXTS:
            epilog += " " + text(f"help.{name}.examples", lang)
        command.epilog = epilog
    command.options_metavar = text("help.options_metavar", lang)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = text("help.subcommand_metavar", lang)
    command.rich_help_panel = text("help.panel.commands", lang)
    _localise_params(command, lang, values)
    for sub in getattr(command, "commands", {}).values():
        # A group's command is a view by its full name (``progress list``).
        localise(sub, lang, f"{name} {sub.name}")
    return command


def _localise_params(command: Any, lang: Lang, values: dict[str, str]) -> None:
    """The help of each option and argument in ``lang``: its key's text, or, for an
    option Typer adds itself (``--install-completion``), ``help.typer.NAME``'s."""
    for param in command.params:
        panel = "arguments" if isinstance(param, TyperArgument) else "options"
        own = f"help.typer.{param.name}"
        help_text = getattr(param, "help", None)
        if help_text not in TEXTS and own in TEXTS:
            help_text = own
        param.help = _breakable(_text(help_text, lang, values), lang)
        param.rich_help_panel = text(f"help.panel.{panel}", lang)
        param.show_default = False  # the help text says the default, in its language


#: Chinese punctuation a line may break after.
_BREAK_AFTER: Final = re.compile(r"([，；：、。）])(?=[^\s，；：、。）])")


def _breakable(value: str | None, lang: Lang) -> str | None:
    """An option's Chinese help with a space after its punctuation: rich breaks the lines
    of a table cell only at spaces, and cuts a longer run of characters with "…"."""
    if value is None or lang == "en":
        return value
    return _BREAK_AFTER.sub(r"\1 ", value)


def or_list(names: Sequence[str], lang: Lang) -> str:
    """``table, json or csv`` / ``table、json 或 csv``."""
    if len(names) < 2:
        return "".join(names)
    head = text("sep.list", lang).join(names[:-1])
    return text("help.or", lang, head=head, last=names[-1])


def _text(value: str | None, lang: Lang, values: dict[str, str]) -> str | None:
    """The text of a help key; anything else (no help, Typer's own) as it is."""
    if value is None or value not in TEXTS:
        return value
    return text(value, lang, **values)
