"""How a number is written as text, in every report, file and message: one module.

The result models keep numbers whole; they are rounded only here, when written.

**A value beside its target** (:func:`comparison_digits`, :func:`shown_gap`,
:func:`format_comparison`) follows one rule, so that the shown value, the shown gap and
the status never contradict each other:

1. A value is shown with its indicator's decimals, and with more while that would show
   it equal to its target although it is not: a rate of 94.96 against a target of 95 is
   ``94.96``, not ``95.0`` beside the status "missed".
2. Its gap is written with the same decimals and is the difference of the two numbers
   *as shown*: shown value − target, so that ``94.96`` has the gap ``-0.04`` and the
   reader's own subtraction gives the same figure.

A value that differs from its target therefore never shows a zero gap or the target
itself, and the gap's sign is the sign of the true difference (rounding never crosses
the target, which is written with no more decimals than the value).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

__all__ = [
    "COMPARISON_DIGITS",
    "INTEGER_BOUND",
    "comparison_digits",
    "format_comparison",
    "format_number",
    "shown_gap",
]

#: Whole numbers below this print without decimals; a larger one (a hand-edited 1e308)
#: prints in exponent form, never as hundreds of digits.
INTEGER_BOUND: Final = 1e15

#: The most decimals :func:`comparison_digits` adds to tell a value from its target; two
#: numbers no written figure tells apart within these are written in Python's shortest
#: form instead (``1e-25``), still different from each other.
COMPARISON_DIGITS: Final = 20


def format_number(
    value: float | None, digits: int | None = None, *, signed: bool = False, missing: str = ""
) -> str:
    """``value`` as text: with ``digits`` decimals (the indicator's precision, see
    :func:`gl_plan.report.format.digits_for`), or, with no ``digits``, as written: a whole
    number without decimals, any other in Python's shortest form that reads back the same.

    ``signed`` puts ``+`` before a positive number; ``missing`` stands for no figure.

    >>> format_number(94.46, 1), format_number(9850.0), format_number(100.7)
    ('94.5', '9850', '100.7')
    >>> format_number(0.674, 2, signed=True), format_number(None, missing="—")
    ('+0.67', '—')
    """
    if value is None:
        return missing
    sign = "+" if signed else ""
    if digits is not None:
        return f"{value:{sign}.{digits}f}"
    if value.is_integer() and abs(value) < INTEGER_BOUND:
        return f"{int(value):{sign}d}"
    return f"+{value!r}" if signed and value > 0 else repr(value)


def comparison_digits(value: float, target: float, digits: int) -> int | None:
    """How many decimals ``value`` is shown with beside ``target``: ``digits``, or more
    while that would write it equal to a target it is not equal to (rule 1 above).

    None when no written figure up to :data:`COMPARISON_DIGITS` decimals tells the two
    apart: then both are written in their shortest form (:func:`format_comparison`).

    >>> comparison_digits(94.96, 95, 1), comparison_digits(94.5, 95, 1)
    (2, 1)
    >>> comparison_digits(95.0, 95, 1), comparison_digits(0.46, 0.5, 1)
    (1, 2)
    """
    shown = digits
    while value != target and f"{value:.{shown}f}" == f"{target:.{shown}f}":
        if shown >= COMPARISON_DIGITS:
            return None
        shown += 1
    return shown


def shown_gap(value: float, target: float, digits: int | None) -> float:
    """``value - target`` as the reader sees it (rule 2 above): the difference of the two
    numbers rounded to ``digits`` decimals (from :func:`comparison_digits`), exact in
    decimal; the plain difference when ``digits`` is None.

    >>> shown_gap(94.96, 95, 2), shown_gap(94.46, 95, 1), shown_gap(100.0, 100.7, 1)
    (-0.04, -0.5, -0.7)
    """
    if digits is None:
        return value - target
    return float(Decimal(f"{value:.{digits}f}") - Decimal(f"{target:.{digits}f}"))


def format_comparison(
    value: float | None, target: float, digits: int, *, missing: str = "—"
) -> tuple[str, str]:
    """The value and its signed gap as text, by the rule above (``missing`` and an empty
    gap for no figure); ``digits`` is the indicator's precision.

    >>> format_comparison(94.96, 95, 1), format_comparison(94.46, 95, 1)
    (('94.96', '-0.04'), ('94.5', '-0.5'))
    >>> format_comparison(95.0, 95, 1), format_comparison(None, 95, 1)
    (('95.0', '0.0'), ('—', ''))
    """
    if value is None:
        return missing, ""
    shown = comparison_digits(value, target, digits)
    gap = shown_gap(value, target, shown)
    if shown is None:
        # The shortest digits that are the number, written out (never 5e-324).
        text, gap_text = _positional(value, digits), _positional(gap, digits)
        return text, f"+{gap_text}" if gap > 0 else gap_text
    return format_number(value, shown), format_number(gap, shown, signed=gap != 0)


def _positional(number: float, digits: int) -> str:
    """``number`` in its shortest exact digits, in positional notation, with at least
    ``digits`` decimals: ``5e-324`` is written ``0.000…005``, never in scientific form."""
    text = format(Decimal(repr(number)), "f")
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(digits, '0')}" if digits or decimals else whole
