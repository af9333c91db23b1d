"""Text from outside (plan names, task titles, file names, cells) made safe for a terminal.

A region named ``Yang[/]shuo`` is rich markup and would raise; a file named
``[link=https://x]阳朔[.csv`` would print a live hyperlink; an OSC 52 sequence in a task
title (``\\x1b]52;c;...\\x07``) writes to the reader's clipboard, ``\\x1b[2J`` clears the
screen, a bidi override (U+202E) shows text in another order than it is stored. A report
shows names; it never lets a name drive the terminal.

Two layers, one function (:func:`clean`):

- every table cell and line built from outside text is a :class:`rich.text.Text` made by
  :func:`cell` (never markup, cleaned before layout, so columns line up);
- :class:`Sanitised` wraps whatever the commands print and cleans each segment rich
  renders, so that a string a renderer forgot still reaches the terminal without an
  escape byte. The colours rich adds are written after that, by the console.

Problem lines are escaped visibly instead (:func:`gl_plan.errors.one_line`): there the
exact bytes of a bad key matter; in a report, the name as a reader would read it.
"""

from __future__ import annotations

import re
from html import escape
from typing import Final

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

__all__ = ["Sanitised", "cell", "clean"]

#: ECMA-48 sequences, whole: CSI (``ESC [`` … final byte), the string commands OSC, DCS,
#: SOS, PM and APC up to their terminator (BEL or ``ESC \\``), and the two- and
#: three-byte escapes (``ESC c``, ``ESC ( B``). An unterminated string command loses only
#: its introducer: the rest stays visible, as text.
_SEQUENCE: Final = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[ -/]*[0-~]?"
)
#: What is left: C0 but tab and newline, DEL, C1, and the bidi embeddings, overrides and
#: isolates (U+202A-U+202E, U+2066-U+2069); U+2028/U+2029 break lines like ``\n``.
_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_SEPARATORS: Final = re.compile("\r\n|[\r\u2028\u2029]")


def clean(text: str) -> str:
    """``text`` without escape sequences or control characters, ready for a terminal.

    A carriage return (alone or before ``\\n``) and the Unicode line separators become
    ``\\n``, which a table cell shows as a line break; tabs stay.

    >>> clean("Yang\\x1b[2Jshuo \\x1b]52;c;aGk=\\x07x \\u202eab")
    'Yangshuo x ab'
    >>> clean("a\\rb\\x9bc")
    'a\\nbc'
    """
    if text.isprintable():
        return text
    return _CONTROL.sub("", _SEQUENCE.sub("", _LINE_SEPARATORS.sub("\n", text)))


def cell(text: str, style: str = "") -> Text:
    """A table cell or line from outside text: cleaned, and never read as markup."""
    return Text(clean(text), style=style)


class Sanitised:
    """A renderable printed with every segment's text cleaned (:func:`clean`).

    The backstop at the terminal edge: rich has laid the renderable out already, so a
    string cleaned here may leave a column a few cells short, but no escape byte through.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if segment.control or segment.text.isprintable():
                yield segment
            else:
                yield Segment(clean(segment.text), segment.style)


def html_text(value: object) -> str:
    """``value`` as HTML text: cleaned as for a terminal (a control character is not allowed
    in HTML text, and an escape sequence would reach a terminal that shows the file), then
    escaped, quotes too."""
    return escape(clean(str(value)), quote=True)
