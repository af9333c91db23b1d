"""The normalised observations as the clean combined table analysts otherwise build by hand.

Plain text formats only (CSV and JSON-ready dicts); the terminal table lives with the CLI.
Column names are the same in both: ``region, period, indicator, value, numerator,
denominator, source, line``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from gl_plan.data.observations import ObservationSet
from gl_plan.report.format import csv_cell

COLUMNS = ("region", "period", "indicator", "value", "numerator", "denominator", "source", "line")


def observation_rows(observations: ObservationSet) -> list[dict[str, Any]]:
    """One dict per observation, ordered by region, indicator and period."""
    return [o.to_dict() for o in observations]


def observations_csv(observations: ObservationSet) -> str:
    """CSV text with a header; absent numerators and denominators are empty cells.

    Counts are written as integers when they are whole (``9850``, not ``9850.0``). Text
    cells (region, indicator, source file) go through :func:`csv_cell`, so that a file
    named ``=cmd.csv`` does not become a spreadsheet formula.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for o in observations:
        writer.writerow(
            (
                csv_cell(o.region),
                str(o.period),
                csv_cell(o.indicator),
                format_number(o.value),
                format_number(o.numerator),
                format_number(o.denominator),
                csv_cell(o.source or ""),
                "" if o.line is None else o.line,
            )
        )
    return out.getvalue()


def format_number(x: float | None) -> str:
    """``""`` for None, ``9850`` for a whole number, else the shortest exact repr."""
    if x is None:
        return ""
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)
