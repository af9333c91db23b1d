"""How a number is written as text, in every report, file and message: one function.

The result models keep numbers whole; they are rounded only here, when written.
"""

from __future__ import annotations

from typing import Final

__all__ = ["INTEGER_BOUND", "format_number"]

#: Whole numbers below this print without decimals; a larger one (a hand-edited 1e308)
#: prints in exponent form, never as hundreds of digits.
INTEGER_BOUND: Final = 1e15


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
