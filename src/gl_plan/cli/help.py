"""``--help`` in the user's language: English in :mod:`gl_plan.cli.help_texts`, Chinese in
the catalogue.

Commands and options name their help by key (``help="help.check.fail_on"``: see
:mod:`gl_plan.cli.help_texts`); when a command is built (:mod:`gl_plan.cli.application`)
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
import sys
from collections.abc import Sequence
from typing import Any, Final

from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption, UsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup

from gl_plan.cli.formats import formats_of, suffixes_of
from gl_plan.cli.help_texts import HELP_TEXTS
from gl_plan.i18n import NAMES_SEP, Foreign, Join, Lang, Msg, _

__all__ = ["LocalisedCommand", "LocalisedGroup", "examples", "lang_in_args", "localise"]


def examples(*lines: str) -> str:
    """A command's epilog: its example command lines, the same in every language, one a
    line (:func:`localise` joins them and puts "Examples:" before them)."""
    return "\n".join(f"`{line}`" for line in lines)


class _Localised:
    """What a command prints around the help texts, in :attr:`lang`."""

    lang: Lang = "en"
    #: While the help is being formatted: parameters are listed, not parsed.
    _listing: bool = False

    def make_context(self, info_name: Any, args: list[str], *rest: Any, **kwargs: Any) -> Any:
        # A usage error (an unknown option, a missing argument) in the user's language too:
        # Click words it in English, before glplan sees the command line.
        try:
            return super().make_context(info_name, args, *rest, **kwargs)  # type: ignore[misc]
        except UsageError as exc:
            if self.lang == "en":
                raise
            lines = []
            if exc.ctx is not None:
                help_of = _("Try '{command} -h' for help.", command=exc.ctx.command_path)
                lines += [exc.ctx.get_usage(), help_of.text(self.lang)]
            lines.append(_usage_message(exc).text(self.lang))
            sys.stderr.write("\n".join(lines) + "\n")
            raise SystemExit(exc.exit_code) from None

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        # The usage line shows required arguments as they are parsed (REGION, not [REGION]).
        listing, self._listing = self._listing, False
        try:
            pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        finally:
            self._listing = listing
        prefix = _help("help.usage", self.lang) + " "
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
            option.help = _help("help.help_option", self.lang)
            option.rich_help_panel = _help("help.panel.options", self.lang)
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
    listed.help = (param.help or "") + _help("help.required", lang)
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
        epilog = _help(key, lang, examples=_help("help.examples_sep", lang).join(lines))
        if f"help.{name}.examples" in HELP_TEXTS:
            epilog += " " + _help(f"help.{name}.examples", lang)
        command.epilog = epilog
    command.options_metavar = _help("help.options_metavar", lang)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = _help("help.subcommand_metavar", lang)
    command.rich_help_panel = _help("help.panel.commands", lang)
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
        if help_text not in HELP_TEXTS and own in HELP_TEXTS:
            help_text = own
        param.help = _breakable(_text(help_text, lang, values), lang)
        param.rich_help_panel = _help(f"help.panel.{panel}", lang)
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
    head = NAMES_SEP.text(lang).join(names[:-1])
    return _help("help.or", lang, head=head, last=names[-1])


def _text(value: str | None, lang: Lang, values: dict[str, str]) -> str | None:
    """The text of a help key; anything else (no help, Typer's own) as it is."""
    if value is None or value not in HELP_TEXTS:
        return value
    return _help(value, lang, **values)


def _help(key: str, lang: Lang, **values: object) -> str:
    """The help text of ``key`` in ``lang``, its fields filled in."""
    return HELP_TEXTS[key].format(**values).text(lang)


#: Click's "Got unexpected extra argument(s) (a b)".
_EXTRA: Final = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)$")


def _usage_message(exc: UsageError) -> Msg:
    """A Click usage error in glplan's words: the option, argument or value it names is
    kept as typed; a detail Click words itself stays English (:class:`Foreign`)."""
    if isinstance(exc, NoSuchOption):
        said = _("no such option: {name}", name=exc.option_name)
        if exc.possibilities:
            names = Join(tuple(sorted(exc.possibilities)), _(", "))
            said = _("{said} (did you mean {names}?)", said=said, names=names)
        return said
    if isinstance(exc, MissingParameter):
        hint = exc.param_hint or (exc.param.get_error_hint() if exc.param else "")
        return _("missing {name}", name=hint)
    if isinstance(exc, BadParameter):
        hint = exc.param_hint or (exc.param.get_error_hint() if exc.param else "")
        return _("{name}: value not accepted: {detail}", name=hint, detail=Foreign(exc.message))
    if (extra := _EXTRA.match(exc.message)) is not None:
        return _("unexpected argument: {args}", args=extra["args"])
    return _("the command line is not understood: {detail}", detail=Foreign(exc.message))


def lang_in_args(args: Sequence[str]) -> Lang | None:
    """The language a command line asks for (``--lang zh``, ``--lang=en``), read before it
    is parsed: a usage error or ``--help`` is then in that language too."""
    for i, arg in enumerate(args):
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None:
            value = value.strip().lower()
            if value.startswith("zh"):
                return "zh"
            if value.startswith("en"):
                return "en"
    return None
