"""How names typed by people are compared: the plan's regions and indicators, the headers
and labels of indicator files, the ledger's columns.

A foundation beside the packages (``plan``, ``data``, ``ledger`` all use it), so that none
of them imports another for it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["normalise_name"]


def normalise_name(text: str) -> str:
    """Fold case, width and spacing so that ``Yangshuo``, ``ＹＡＮＧＳＨＵＯ `` and
    ``yang shuo`` compare equal; punctuation that varies by typist is dropped.

    >>> normalise_name("ＹＡＮＧ shuo "), normalise_name("阳朔县（城区）")
    ('yangshuo', '阳朔县城区')
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return folded if folded.isalnum() else "".join(filter(str.isalnum, folded))
