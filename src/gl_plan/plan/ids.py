"""Identifiers a plan uses: region codes, action and task ids.

Messages say what is accepted in words, with an example, never as a regular expression.
"""

from __future__ import annotations

from gl_plan.errors import Join, MessageError, Msg, msg

#: GB/T 2260 province-level prefixes: the first two digits of every six-digit division code.
# fmt: off
GB2260_PROVINCES: frozenset[str] = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82",
})
# fmt: on
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.")


def check_region_code(code: str) -> str:
    """A region code: any short identifier; an all-digit code is a statistical code.

    GB/T 2260 six-digit codes are the default and are checked as such (a known province
    prefix); nine- and twelve-digit codes are the statistical codes of townships and
    villages. ``CN`` or ``CN-GX`` name regions that have no numeric code.
    """
    if not 1 <= len(code) <= 32 or not set(code) <= _CODE_CHARS or not code[0].isalnum():
        raise MessageError(msg("plan.id.region_code", code=code))
    if code.isdigit():
        if len(code) not in (6, 9, 12):
            raise MessageError(msg("plan.id.numeric_code", code=code))
        if code[:2] not in GB2260_PROVINCES or (code[2:6] == "0000" and code[:2] == "00"):
            raise MessageError(msg("plan.id.province", code=code))
    return code


def check_identifier(text: str, what: Msg, example: Join | str) -> str:
    """An id a plan uses for an action: letters (any script), digits and '_' or '-'."""
    if not 1 <= len(text) <= 32 or not all(ch.isalnum() or ch in "_-" for ch in text):
        raise MessageError(msg("plan.id.identifier", what=what, text=text, example=example))
    return text


def check_action_id(text: str) -> str:
    """An action id: A3, C19 or 一."""
    return check_identifier(text, msg("plan.id.action"), Join(("A3", "C19", "一")))


def check_task_id(text: str) -> str:
    """A task id: its action's id, a dot and a number (A3.6, C19.2, 一.1)."""
    action, dot, number = text.rpartition(".")
    if not dot or not action or not number.isdecimal() or not number.isascii():
        raise MessageError(msg("plan.id.task", text=text))
    check_identifier(action, msg("plan.id.action_in_task"), "A3")
    return text
