"""Rate cells: a percentage typed or stored as a fraction, and values from counts.

**Stored as fractions.** A spreadsheet keeps a cell shown as ``98.5%`` as the number 0.985,
and the spreadsheet library does not say how a cell is shown. So a rate column of a sheet
(the value column of a long table or a form, an indicator's column of a wide one) is read
as fractions, each number multiplied by 100, when *every* non-zero number in it is a
fraction in the sense of :func:`~gl_plan.data.values.is_fraction` (above 0, at most 1.5,
and within its indicator's plausible range once multiplied by 100), with one warning
(``percent-fraction``) naming the file, sheet and column. This holds for every
spreadsheet format (.xlsx, .xls, .xlsb, .ods).

**Typed as fractions.** Anywhere else (a CSV cell, a text cell, one fraction among
percentages in a sheet's column) a percentage that is a fraction, 0.969 where the rate is
around 97, is an error (``constraint-error``) whose message suggests the percentage: it
cannot be told from a typing mistake, and read as it is it would be a wrong number.

**Counts the wrong way round.** A rate from counts that is outside its indicator's
plausible range while the same counts the other way round (``scale² / value``: 250 % →
40 %) are inside is most likely a numerator and a denominator swapped: the row is still
refused, with that cause (``swapped-counts``). A share that cannot exceed 100
(``can_exceed_100: false``) with a numerator above its denominator says so first
(``numerator-above-denominator``, naming a swap as one cause): the plan's rule is broken
whatever the inverse. Near 100 % a swap cannot be seen (97 ↔ 103 are both
plausible enrollment rates), and no check claims it can.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from gl_plan.data.values import CellError, is_fraction, number
from gl_plan.errors import Code
from gl_plan.i18n import Message, _
from gl_plan.plan.models import Indicator

Cell = object


def stored_number(cell: Cell) -> float | None:
    """A cell a spreadsheet stores as a number (not text, not a date), else None."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    return None


def fraction_column(
    rows: Sequence[tuple[int, Sequence[Cell]]],
    col: int,
    range_of: Callable[[Sequence[Cell]], tuple[float, float] | None],
) -> bool:
    """Whether every non-zero number stored in column ``col`` is a fraction of a percentage
    (``range_of`` gives a row's indicator's plausible range, or None when the row's
    indicator is not a percentage or not known)."""
    fractions = 0
    for _line, cells in rows:
        if col >= len(cells):
            continue
        x = stored_number(cells[col])
        if not x:
            continue
        bounds = range_of(cells)
        if bounds is None:
            continue
        if not is_fraction(x, *bounds):
            return False
        fractions += 1
    return fractions > 0


def suggest_percentage(what: Message, value: float) -> Message:
    """The message for a percentage typed as a fraction."""
    percent = round(value * 100, 10)
    return _(
        "{what} {value:g} looks like a fraction: did you mean {percent:g}? (rates are "
        "percentages: type {percent:g} or {percent:g}%)",
        what=what,
        value=value,
        percent=percent,
    )


def rate(
    cell: Cell, what: Message, scaled: bool, percent_range: tuple[float, float] | None
) -> float | None:
    """A rate cell: None when empty; raises :class:`CellError`. ``scaled``: the cell's
    column holds fractions (read ×100); ``percent_range``: the plausible range of a
    percentage indicator, whose fractions are refused."""
    value = number(cell, what, percent=True)
    if value is None:
        return None
    if scaled and stored_number(cell) is not None:
        return round(value * 100, 10)
    if percent_range is not None and is_fraction(value, *percent_range):
        raise CellError(Code.CONSTRAINT_ERROR, suggest_percentage(what, value))
    return value


def inverse(value: float, scale: float) -> float | None:
    """The rate the same counts give the other way round: ``scale² / value``."""
    return scale * scale / value if value > 0 else None


def numerator_above(indicator: Indicator, numerator: float, denominator: float) -> bool:
    """Whether the counts give more than 100 % where the plan says the rate cannot."""
    return not indicator.can_exceed_100 and numerator > denominator


def out_of_range_cause(
    indicator: Indicator, value: float, numerator: float | None, denominator: float | None
) -> tuple[Code, Message] | None:
    """Why a value from counts outside the plausible range is likely wrong, when the counts
    tell: swapped (their inverse is plausible), or a share above 100; None otherwise."""
    scale = indicator.unit.scale
    if numerator is None or denominator is None or scale is None:
        return None
    low, high = indicator.plausible_range.min, indicator.plausible_range.max
    flipped = inverse(value, scale)
    counts = {"numerator": numerator, "denominator": denominator, "value": value}
    # A share above 100 breaks the plan's own rule, whatever the inverse; its message
    # names a swap as one of the causes.
    if numerator_above(indicator, numerator, denominator):
        return Code.NUMERATOR_ABOVE_DENOMINATOR, _(
            "numerator {numerator:g} is above denominator {denominator:g} ({value:.4g} "
            "%), and this indicator cannot exceed 100 (can_exceed_100: false): counts of "
            "different groups, or numerator and denominator swapped?",
            **counts,
        )
    if flipped is not None and low <= flipped <= high:
        return Code.SWAPPED_COUNTS, _(
            "value {value:.4g} (numerator {numerator:g} / denominator {denominator:g}) is "
            "outside the plausible range ({low:g} to {high:g}), but {inverse:.4g}, the "
            "counts the other way round, is inside: are the numerator and the denominator "
            "swapped?",
            **counts,
            low=low,
            high=high,
            inverse=flipped,
        )
    return None
