"""The parts of the data messages that are worded differently in each language: lists,
quoted text, line numbers, region names, where a region or period was found.

Each gives a value for a :class:`~gl_plan.errors.Msg`, never pre-rendered English, so a
message shown in Chinese is Chinese throughout (``第 1、9-12 行``, ``“火星县”``).
"""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.errors import msg
from gl_plan.i18n import Message, Msg, _
from gl_plan.plan.models import Plan


def joined(items: Sequence[Message], sep: str = "data.sep.comma") -> Message:
    """The items in one message, ``sep`` (a text ``{a}, {b}``) between each two.

    Nested as a balanced tree: a list of thousands of items nests a dozen levels deep.
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    mid = len(items) // 2
    return msg(sep, a=joined(items[:mid], sep), b=joined(items[mid:], sep))


def quoted(text: object) -> Msg:
    """The user's text quoted: ``'火星县'`` in English (its repr), ``“火星县”`` in Chinese."""
    return _("{text!r}", text=text)


def lines_text(lines: Sequence[int]) -> Msg:
    """``line 3``, ``lines 9-12`` or ``lines 1, 9-12`` (``第 1、9-12 行``)."""
    runs: list[list[int]] = []
    for n in sorted(set(lines)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = joined([str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs])
    return msg("data.line" if len(lines) == 1 else "data.lines", lines=text)


def line_span(lines: Sequence[int]) -> Msg:
    """``line 7`` or ``lines 7-9``: the first and last of a run of lines."""
    if len(lines) == 1:
        return _("line {lines}", lines=lines[0])
    return _("lines {lines}", lines=f"{lines[0]}-{lines[-1]}")


def region_named(code: str, plan: Plan) -> Message:
    """``450321 Yangshuo County`` in English, ``450321 阳朔县`` in Chinese; the code alone
    for a region the plan does not have."""
    region = plan.region_by_code.get(code)
    if region is None:
        return code
    return msg("data.region", code=code, zh=region.name.zh, en=region.name.en)
