"""Read single cells as counties type them: numbers, periods, and region names in file names.

Cells come from CSV (always text) or from Excel (numbers are already numbers, a year may be
an ``int`` or a ``float``). Each reader returns a value or raises :class:`CellError` with a
frictionless-style code and a message that says what was expected.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time
from pathlib import PurePath

from gl_plan.errors import Code
from gl_plan.i18n import Message, _
from gl_plan.names import normalise_name
from gl_plan.plan.models import Plan

# Digit groups of three after the first, with ASCII or full-width commas (NFKC turns "，" into
# ","), or spaces: "12,345", "１２，３４５", "12 345.5".
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?")
_MAX_NUMBER_TEXT = 64


class CellError(ValueError):
    """A cell that cannot be read; ``code`` is a frictionless-style type."""

    def __init__(self, code: Code, message: Message) -> None:
        super().__init__(message)  # str() renders it, only when asked
        self.code = code
        self.message = message


def cell_text(cell: object) -> str:
    """A cell as text: Excel's ``2024.0`` becomes ``2024``, a missing cell ``""``."""
    if cell.__class__ is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime | date | time):
        return cell.isoformat()
    return str(cell).strip()


def number(cell: object, what: Message, *, percent: bool) -> float | None:
    """A number from a cell; None when the cell is empty.

    The one reader of numbers for every file format. Accepts ``98.5``, `` 98.5 ``,
    ``98.5%`` (when ``percent``), ``12,345``, ``１２，３４５``. Rejects non-finite numbers,
    dates and text. ``what`` names the cell in messages (``value``, an indicator's id).

    >>> number("１２，３４５", "numerator", percent=False)
    12345.0
    >>> number("98.5%", "value", percent=True)
    98.5
    """
    if cell.__class__ is str:
        if not cell:
            return None
        try:
            x = float(cell)
        except ValueError:
            return _number_text(cell, what, percent)
        # x - x is NaN for inf and NaN, 0 otherwise: one comparison checks finiteness.
        if x - x == 0:
            return x
        raise CellError(Code.TYPE_ERROR, _("{what} {text!r} is not a number", what=what, text=cell))
    if cell is None:
        return None
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        raise CellError(
            Code.TYPE_ERROR, _("{what} {text!r} is not a number", what=what, text=cell_text(cell))
        )
    if isinstance(cell, float) and not math.isfinite(cell):
        raise CellError(
            Code.TYPE_ERROR, _("{what} {text!r} is not a finite number", what=what, text=cell)
        )
    return float(cell)


def _number_text(text: str, what: Message, percent: bool) -> float | None:
    if len(text) > _MAX_NUMBER_TEXT:
        raise CellError(Code.TYPE_ERROR, _("{what} is not a number (text too long)", what=what))
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return None
    is_percent = s.endswith("%")
    if is_percent:
        if not percent:
            raise CellError(
                Code.TYPE_ERROR,
                _("{what} {text!r} is a count and cannot be a percentage", what=what, text=text),
            )
        s = s[:-1].rstrip()
    if "," in s or " " in s:
        if not _GROUPED.fullmatch(s):
            raise CellError(
                Code.TYPE_ERROR,
                _(
                    "{what} {text!r} is not a number (commas must separate groups of three "
                    "digits; write decimals with a point)",
                    what=what,
                    text=text,
                ),
            )
        s = s.replace(",", "").replace(" ", "")
    try:
        x = float(s)
    except ValueError:
        raise CellError(
            Code.TYPE_ERROR, _("{what} {text!r} is not a number", what=what, text=text)
        ) from None
    if not math.isfinite(x):
        raise CellError(Code.TYPE_ERROR, _("{what} {text!r} is not a number", what=what, text=text))
    return x


#: The largest number read as a fraction of a percentage (1.5 is 150%, the top of the widest
#: plausible range of a gross enrollment rate).
FRACTION_MAX = 1.5


def is_fraction(x: float, low: float, high: float) -> bool:
    """Whether ``x`` looks like a rate stored as a fraction, as a spreadsheet keeps a cell
    shown as a percentage (98.5% is stored 0.985): above 0, at most :data:`FRACTION_MAX`,
    and within the indicator's plausible range ``low``-``high`` once multiplied by 100.

    >>> is_fraction(0.985, 0, 150), is_fraction(98.5, 0, 150), is_fraction(0, 0, 150)
    (True, False, False)
    """
    return 0 < x <= FRACTION_MAX and low <= x * 100 <= high


def region_from_name(name: str, plan: Plan) -> str | None:
    """The region a file or sheet name is about, when it names exactly one.

    ``450321_阳朔县.csv``, ``阳朔县.xlsx``, ``2024年阳朔县教育指标.csv`` and sheet ``阳朔`` all name
    450321. A name that mentions the city and a county names the county; a name that
    mentions two counties, or none, names no region.
    """
    stem = PurePath(name).stem if "." in name else name
    tokens = [t for t in re.split(r"[\s_\-.、,，()（）\[\]【】]+", stem) if t]
    codes = {code for t in tokens if (code := plan.resolve_region(t)) is not None}
    if not codes:
        # Inside longer text only distinctive spellings count: 资源 (a county's short name) is
        # also a common word, 资源县 is not.
        folded = normalise_name(stem)
        for region in plan.regions:
            names = [region.code, region.name.zh, *region.aliases]
            names += [old.name for old in region.former]
            names += [old.code for old in region.former if old.code]
            if any(len(key) >= 3 and key in folded for key in map(normalise_name, names)):
                codes.add(region.code)
    if len(codes) > 1:
        # "桂林市阳朔县" names the city and a county: the county is meant.
        ancestors = {
            code
            for code in codes
            if any(code in plan.region_tree.ancestors(other) for other in codes if other != code)
        }
        codes -= ancestors
    return next(iter(codes)) if len(codes) == 1 else None
