"""Identifiers a plan uses: region codes, action and task ids.

Messages say what is accepted in words, with an example, never as a regular expression.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from gl_plan.errors import MessageError
from gl_plan.i18n import Join, Msg, _

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
        raise MessageError(
            _(
                "region code {code!r} must be 1 to 32 letters, digits, '-', '_' or '.', "
                "starting with a letter or digit (e.g. 450300, CN)",
                code=code,
            )
        )
    if code.isdigit():
        if len(code) not in (6, 9, 12):
            raise MessageError(
                _(
                    "numeric region code {code!r} must have 6 digits (GB/T 2260), or 9 or 12 "
                    "(statistical codes of townships and villages)",
                    code=code,
                )
            )
        if code[:2] not in GB2260_PROVINCES or (code[2:6] == "0000" and code[:2] == "00"):
            raise MessageError(
                _(
                    "region code {code!r} does not start with a GB/T 2260 province code (11 "
                    "to 82, e.g. 45 for Guangxi)",
                    code=code,
                )
            )
    return code


#: Brackets a plan's own numbering uses (三(一)4, 三（一）4), full width folded by NFKC.
_BRACKETS: Final = "()"


def check_identifier(text: str, what: Msg, example: Join | str) -> str:
    """An id a plan uses for an action: letters (any script), digits, '_' or '-', and the
    brackets of the text's own numbering (``三(一)``, ``专栏3``)."""
    normal = unicodedata.normalize("NFKC", text)
    if not 1 <= len(text) <= 32 or not all(
        ch.isalnum() or ch in "_-" or ch in _BRACKETS for ch in normal
    ):
        raise MessageError(
            _(
                "{what} {text!r} must be 1 to 32 letters (any script) or digits, '_', '-' or "
                "brackets, with no dot or space (e.g. {example})",
                what=what,
                text=text,
                example=example,
            )
        )
    return text


def check_action_id(text: str) -> str:
    """An action id: A3, C19, 一 or as the text numbers it (三(一), 专栏3)."""
    return check_identifier(text, _("action id"), Join(("A3", "C19", "一", "专栏3")))


# 三(一)4: an action numbered with brackets, then the task's own number, no dot needed.
_BRACKETED_TASK: Final = re.compile(r"(?P<action>.+[)）])(?P<number>[0-9]+)")


def split_task_id(text: str) -> tuple[str, str]:
    """(action id, task number) of a task id: ``A3.6`` → (A3, 6), ``三(一)4`` → (三(一), 4)."""
    action, dot, number = text.rpartition(".")
    if dot:
        return action, number
    if (match := _BRACKETED_TASK.fullmatch(text)) is not None:
        return match["action"], match["number"]
    return "", text


def check_task_id(text: str) -> str:
    """A task id: its action's id, a dot and a number (A3.6, C19.2, 一.1), or as the text
    numbers it after a bracketed action (三(一)4)."""
    action, number = split_task_id(text)
    if not action or not number.isdecimal() or not number.isascii():
        raise MessageError(
            _(
                "task id {text!r} must be its action's id, a dot and a number (e.g. A3.6 or "
                "C19.2), or a number right after a bracketed action id",
                text=text,
            )
        )
    check_identifier(action, _("the action id in task id"), "A3")
    return text


_NUMERAL_DIGITS: Final = {
    "〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
    "六": "6", "七": "7", "八": "8", "九": "9", "十": "10",
}  # fmt: skip
#: Words that head a numbered block in Chinese plans, and their machine spelling.
_WORDS: Final = {"专栏": "box", "附件": "annex", "附表": "table"}


def machine_id(text: str) -> str:
    """A stable ASCII id for an id as the text numbers it, where a command or a file name
    needs one: ``三(一)4`` → ``3-1-4``, ``专栏3`` → ``box3``, ``A3.6`` → ``A3.6``.

    The same id always gives the same result; numerals become digits, brackets and dots
    separators, any other character outside ASCII its code point (``u4e1c``).

    >>> machine_id("三(一)4"), machine_id("专栏3.2"), machine_id("A3.6")
    ('3-1-4', 'box3.2', 'A3.6')
    """
    normal = unicodedata.normalize("NFKC", text)
    for word, spelling in _WORDS.items():
        normal = normal.replace(word, spelling)
    out: list[str] = []
    for ch in normal:
        if ch in _NUMERAL_DIGITS:
            out.append(_NUMERAL_DIGITS[ch])
        elif ch in _BRACKETS:
            out.append("-")
        elif ch.isascii():
            out.append(ch)
        else:
            out.append(f"u{ord(ch):04x}")
    return re.sub(r"-+", "-", "".join(out)).strip("-")
