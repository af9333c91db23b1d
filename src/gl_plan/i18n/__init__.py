"""Languages, and the messages glplan prints: English where they are made, translated lazily.

A message is written in English where it is raised, ``_("unknown region {name!r}",
name=text)``, and kept as a :class:`Msg`: ``str()`` gives the English (what the JSON and the
logs carry), :meth:`Msg.text` the user's language, looked up in the gettext catalogue
``gl_plan/locale/zh_CN/LC_MESSAGES/glplan.mo`` (compiled from ``glplan.po`` when the package
is built or installed). :func:`ngettext` picks a plural form, :func:`pgettext` gives one
English word a context where it needs two Chinese renderings.

The values of a message are formatted with :meth:`str.format` after translation; a value
that is itself a message (:class:`Msg`, :class:`Join`, :class:`Foreign`) or a plan's own
text in both languages is given in the same language.

Plan texts (titles, region and indicator names) carry their own zh/en and are not in the
catalogue.
"""

from __future__ import annotations

import gettext
import locale
import os
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Final, Literal, Protocol, runtime_checkable

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

#: The gettext domain, and the folder of its catalogues inside the package.
DOMAIN: Final = "glplan"
LOCALE_DIR: Final = Path(__file__).resolve().parents[1] / "locale"
#: The catalogue of each language but English (the msgids are English).
CATALOGUE_LOCALES: Final[dict[Lang, str]] = {"zh": "zh_CN"}


def detect_lang(environ: dict[str, str] | None = None) -> Lang:
    """``GLPLAN_LANG`` if set, else Chinese for a ``zh`` locale, else English."""
    env = os.environ if environ is None else environ
    forced = env.get("GLPLAN_LANG", "").strip().lower()
    if forced.startswith("zh"):
        return "zh"
    if forced.startswith("en"):
        return "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    if environ is None:
        try:
            current = locale.getlocale()[0] or ""
        except ValueError:
            current = ""
        if current.lower().startswith("zh"):
            return "zh"
    return "en"


class CatalogueMissingError(RuntimeError):
    """The compiled catalogue of a language is not installed: a broken installation, or a
    source checkout that was never installed (``pip install -e .`` compiles it)."""


def catalogue_path(lang: Lang) -> Path:
    """Where the compiled catalogue of ``lang`` lives (``lang`` other than English)."""
    return LOCALE_DIR / CATALOGUE_LOCALES[lang] / "LC_MESSAGES" / f"{DOMAIN}.mo"


@cache
def catalogue(lang: Lang) -> gettext.NullTranslations:
    """The translations of ``lang``: English is the msgids themselves, so it needs none.

    A missing catalogue raises :class:`CatalogueMissingError` rather than printing English
    to a user who asked for Chinese.
    """
    if lang == "en":
        return gettext.NullTranslations()
    path = catalogue_path(lang)
    try:
        with path.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    except FileNotFoundError:
        raise CatalogueMissingError(
            f"{path} is missing: glplan was not installed from this folder "
            "(run `pip install -e .`, which compiles the catalogue), or the installation "
            "is broken"
        ) from None


@runtime_checkable
class Localized(Protocol):
    """Anything that can give itself in a language: a message, a list, foreign words."""

    def text(self, lang: Lang) -> str: ...


@runtime_checkable
class BothLanguages(Protocol):
    """A plan's own text, which has both languages (``plan.models.Text``)."""

    zh: str
    en: str


def localize(value: object, lang: Lang) -> object:
    """``value`` as a message's field shows it in ``lang``."""
    if isinstance(value, str | int | float):  # most fields; a Protocol check is slow
        return value
    if isinstance(value, Localized):
        return value.text(lang)
    if isinstance(value, BothLanguages) and not isinstance(value, str):
        return value.en if lang == "en" else value.zh
    return value


@dataclass(frozen=True, slots=True)
class Msg:
    """A message and its values, translated when it is shown.

    ``message`` is the English (the gettext msgid); ``plural`` its plural form and ``n`` the
    count that picks one; ``context`` the gettext context, for an English text that needs
    two translations.
    """

    message: str
    values: tuple[tuple[str, object], ...] = ()
    context: str | None = None
    plural: str | None = None
    n: int = 1

    def template(self, lang: Lang) -> str:
        """The text of ``lang`` before its fields are filled in."""
        found = catalogue(lang)
        if self.plural is None:
            if self.context is None:
                return found.gettext(self.message)
            return found.pgettext(self.context, self.message)
        if self.context is None:
            return found.ngettext(self.message, self.plural, self.n)
        return found.npgettext(self.context, self.message, self.plural, self.n)

    def text(self, lang: Lang) -> str:
        filled = {key: localize(value, lang) for key, value in self.values}
        return self.template(lang).format(**filled)

    def counted(self, n: int) -> Msg:
        """The same message counted ``n``: the plural form for that count, ``{n}`` filled."""
        return replace(self, n=n, values=(*self.values, ("n", n)))

    def format(self, **values: object) -> Msg:
        """The same message with more values: a message chosen first, filled in later."""
        return replace(self, values=self.values + tuple(values.items()))

    def __str__(self) -> str:
        return self.text("en")


def _(message: str, /, **values: object) -> Msg:
    """``_("unknown region {name!r}", name="火星县")``: the message, translated when shown."""
    return Msg(message, tuple(values.items()))


def pgettext(context: str, message: str, /, **values: object) -> Msg:
    """A message whose English needs ``context`` to be translated (``", "`` between names is
    ``、``, between counts ``，``)."""
    return Msg(message, tuple(values.items()), context=context)


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> Msg:
    """The form of a message for the count ``n``; ``n`` fills ``{n}`` unless given."""
    return Msg(singular, tuple({"n": n, **values}.items()), plural=plural, n=n)


def npgettext(context: str, singular: str, plural: str, n: int, /, **values: object) -> Msg:
    """:func:`ngettext` with a context."""
    return Msg(singular, tuple({"n": n, **values}.items()), context, plural, n)


@dataclass(frozen=True, slots=True)
class Foreign:
    """Words glplan did not write: the operating system's or a library's own English
    (``Permission denied``), shown as they are in English. Another language shows ``gloss``,
    glplan's own words for what they mean, or nothing (the sentence around them says it)."""

    said: str
    gloss: Msg | None = None

    def text(self, lang: Lang) -> str:
        if lang == "en":
            return self.said
        return self.gloss.text(lang) if self.gloss is not None else ""

    def __str__(self) -> str:
        return self.said


#: Between the names of a list: ``、`` or ``, ``.
NAMES_SEP: Final = _(", ")


@dataclass(frozen=True, slots=True)
class Join:
    """Items listed inside a message, joined the way each language lists them (``sep``:
    :data:`NAMES_SEP` by default); an item that is a message is given in the same
    language."""

    items: tuple[object, ...]
    sep: Msg | str = NAMES_SEP

    def text(self, lang: Lang) -> str:
        sep = self.sep.text(lang) if isinstance(self.sep, Msg) else self.sep
        return sep.join(str(localize(item, lang)) for item in self.items)

    def __str__(self) -> str:
        return self.text("en")


#: A message as the code that makes it has it: plain text, or one that is translated.
Message = str | Msg | Join | Foreign


def message_text(message: Message, lang: Lang) -> str:
    return message if isinstance(message, str) else message.text(lang)
