"""The parts of the data messages that are worded differently in each language: lists,
quoted text, line numbers, region names, where a region or period was found.

Each gives a value for a :class:`~gl_plan.i18n.Msg`, never pre-rendered English, so a
message shown in Chinese is Chinese throughout (``第 1、9-12 行``, ``“火星县”``).
"""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.i18n import Join, Message, Msg, _, ngettext
from gl_plan.plan.models import Plan

#: Between the items of a list inside a data message, and between its parts.
COMMA = _(", ")
SEMICOLON = _("; ")


def joined(items: Sequence[Message], sep: Msg = COMMA) -> Message:
    """The items in one message, ``sep`` between each two: ``a, b`` or ``a、b``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return Join(tuple(items), sep)


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
    return ngettext("line {lines}", "lines {lines}", len(lines), lines=text)


def line_span(lines: Sequence[int]) -> Msg:
    """``line 7`` or ``lines 7-9``: the first and last of a run of lines."""
    span = str(lines[0]) if len(lines) == 1 else f"{lines[0]}-{lines[-1]}"
    return ngettext("line {lines}", "lines {lines}", len(lines), lines=span)


def region_named(code: str, plan: Plan) -> Message:
    """``450321 Yangshuo County`` in English, ``450321 阳朔县`` in Chinese; the code alone
    for a region the plan does not have."""
    region = plan.region_by_code.get(code)
    if region is None:
        return code
    return _("{code} {name}", code=code, name=region.name)
