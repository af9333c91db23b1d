"""The course of each region's indicators over time, for sparklines and charts.

An assessment's statuses rest on a few figures; a reader also wants to see the way there.
:func:`region_points` gives every region's observations by the check's as-of date, read
from the check result (the city's are the ones the assessment computed from the counties'
counts), and :func:`quarter_trends` cuts the last eight quarters out of them for the
terminal's sparklines.

Pure: no I/O, no clock, no printing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import Point, points_until
from gl_plan.periods import Period

__all__ = [
    "SPARK_CHARS",
    "TREND_QUARTERS",
    "Trend",
    "quarter_trends",
    "quarter_window",
    "region_points",
    "sparkline",
]

#: Eight quarters: two school years, long enough to show a direction, short enough to fit.
TREND_QUARTERS: Final = 8
SPARK_CHARS: Final = "▁▂▃▄▅▆▇█"
#: A sparkline is scaled to its own range, but never to less than this many percentage
#: points: otherwise a county that moved 0.1 point would look as if it had swung wildly.
MIN_SPAN: Final = 2.0

PointsByKey = Mapping[tuple[str, str], Sequence[Point]]


def region_points(result: CheckResult) -> dict[tuple[str, str], list[Point]]:
    """Every (region, indicator)'s observations whose period has ended by the check's
    ``as_of``, parent regions (the city) included, as the check assessed them."""
    out: dict[tuple[str, str], list[Point]] = {}
    for key, series in result.observations.series.items():
        points = points_until(series, result.as_of)
        if points:
            out[key] = points
    return out


def quarter_window(points: PointsByKey, size: int = TREND_QUARTERS) -> list[Period]:
    """The ``size`` quarters that end with the latest quarter anyone reported."""
    latest = max(
        (p.period for pts in points.values() for p in pts if p.period.quarter is not None),
        default=None,
    )
    if latest is None:
        return []
    window = [latest]
    while len(window) < size:
        window.append(window[-1].previous())
    return window[::-1]


@dataclass(frozen=True)
class Trend:
    """One region's values of one indicator over a window of quarters (``None``: no figure)."""

    region: str
    indicator: str
    periods: tuple[Period, ...]
    values: tuple[float | None, ...]

    @property
    def change(self) -> float | None:
        """The last figure in the window minus the first, in percentage points."""
        known = [v for v in self.values if v is not None]
        if len(known) < 2:
            return None
        return known[-1] - known[0]


def quarter_trends(points: PointsByKey, size: int = TREND_QUARTERS) -> dict[tuple[str, str], Trend]:
    """Each (region, indicator)'s quarterly figures over the common window of ``size``."""
    window = quarter_window(points, size)
    if not window:
        return {}
    periods = tuple(window)
    out: dict[tuple[str, str], Trend] = {}
    for (region, indicator), pts in points.items():
        by_period = {p.period: p.value for p in pts}
        values = tuple(by_period.get(period) for period in periods)
        if any(v is not None for v in values):
            out[(region, indicator)] = Trend(region, indicator, periods, values)
    return out


def sparkline(values: Sequence[float | None], min_span: float = MIN_SPAN) -> str:
    """One block character per value, ``▁`` lowest to ``█`` highest; a space for no figure.

    The scale is the values' own range, widened to ``min_span`` around its middle.

    >>> sparkline([1.0, 8.0, None, 4.0])
    '▁█ ▄'
    """
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    if high - low < min_span:
        middle = (high + low) / 2
        low, high = middle - min_span / 2, middle + min_span / 2
    top = len(SPARK_CHARS) - 1
    chars = []
    for v in values:
        if v is None:
            chars.append(" ")
            continue
        level = round((v - low) / (high - low) * top)
        chars.append(SPARK_CHARS[max(0, min(top, level))])
    return "".join(chars)
