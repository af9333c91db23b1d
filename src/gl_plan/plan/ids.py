"""Identifiers a plan uses: region codes, action and task ids.

Messages say what is accepted in words, with an example, never as a regular expression.
"""

from __future__ import annotations

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
        raise ValueError(
            f"region code {code!r} must be 1 to 32 letters, digits, '-', '_' or '.', "
            "starting with a letter or digit (e.g. 450300, CN)"
        )
    if code.isdigit():
        if len(code) not in (6, 9, 12):
            raise ValueError(
                f"numeric region code {code!r} must have 6 digits (GB/T 2260), or 9 or 12 "
                "(statistical codes of townships and villages)"
            )
        if code[:2] not in GB2260_PROVINCES or (code[2:6] == "0000" and code[:2] == "00"):
            raise ValueError(
                f"region code {code!r} does not start with a GB/T 2260 province code "
                "(11 to 82, e.g. 45 for Guangxi)"
            )
    return code


def check_identifier(text: str, what: str, example: str) -> str:
    """An id a plan uses for an action: letters (any script), digits and '_' or '-'."""
    if not 1 <= len(text) <= 32 or not all(ch.isalnum() or ch in "_-" for ch in text):
        raise ValueError(
            f"{what} {text!r} must be 1 to 32 letters (any script) or digits, '_' or '-', "
            f"with no dot or space (e.g. {example})"
        )
    return text


def check_task_id(text: str) -> str:
    """A task id: its action's id, a dot and a number (A3.6, C19.2, 一.1)."""
    action, dot, number = text.rpartition(".")
    if not dot or not action or not number.isdecimal() or not number.isascii():
        raise ValueError(
            f"task id {text!r} must be its action's id, a dot and a number (e.g. A3.6 or C19.2)"
        )
    check_identifier(action, "the action id in task id", "A3")
    return text
