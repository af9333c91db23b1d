"""Normalised observations, stored compactly by series.

A national-scale file has a million rows; keeping each as a Python object would cost a
kilobyte a row. A :class:`Series` keeps one region's values for one indicator in typed
arrays, sorted by period, and hands out :class:`Observation` objects only when asked.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from gl_plan.periods import Period

NAN = math.nan


@dataclass(frozen=True, slots=True)
class Observation:
    """One region's value of one indicator for one period, with where it came from."""

    region: str
    period: Period
    indicator: str
    value: float
    numerator: float | None = None
    denominator: float | None = None
    source: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "region": self.region,
            "period": str(self.period),
            "indicator": self.indicator,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "source": self.source,
            "line": self.line,
        }


def _opt(x: float) -> float | None:
    return None if math.isnan(x) else x


@dataclass(slots=True)
class Series:
    """One region × indicator, sorted by period; numerator/denominator NaN when absent."""

    region: str
    indicator: str
    ordinals: array[int] = field(default_factory=lambda: array("q"))
    values: array[float] = field(default_factory=lambda: array("d"))
    numerators: array[float] = field(default_factory=lambda: array("d"))
    denominators: array[float] = field(default_factory=lambda: array("d"))
    sources: array[int] = field(default_factory=lambda: array("l"))
    lines: array[int] = field(default_factory=lambda: array("q"))

    def __len__(self) -> int:
        return len(self.ordinals)

    def period(self, i: int) -> Period:
        return Period.from_ordinal(self.ordinals[i])

    def observation(self, i: int, files: list[str]) -> Observation:
        src = self.sources[i]
        return Observation(
            region=self.region,
            period=Period.from_ordinal(self.ordinals[i]),
            indicator=self.indicator,
            value=self.values[i],
            numerator=_opt(self.numerators[i]),
            denominator=_opt(self.denominators[i]),
            source=files[src] if 0 <= src < len(files) else None,
            line=self.lines[i] or None,
        )

    def has_counts(self, i: int) -> bool:
        return not (math.isnan(self.numerators[i]) or math.isnan(self.denominators[i]))


@dataclass
class ObservationSet:
    """All accepted observations, keyed by (region, indicator).

    Built by the readers (which reject conflicts) or by :meth:`from_observations` in tests
    and the Python API. Series are kept sorted by period and hold one value per period.
    """

    series: dict[tuple[str, str], Series] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @classmethod
    def from_observations(cls, observations: list[Observation]) -> ObservationSet:
        """Build a set from plain observations (a later duplicate period replaces an earlier)."""
        files: list[str] = []
        file_index: dict[str, int] = {}
        grouped: dict[tuple[str, str], dict[int, Observation]] = {}
        for obs in observations:
            grouped.setdefault((obs.region, obs.indicator), {})[obs.period.ordinal] = obs
            if obs.source is not None and obs.source not in file_index:
                file_index[obs.source] = len(files)
                files.append(obs.source)
        out = cls(files=files)
        for (region, indicator), by_period in grouped.items():
            s = Series(region, indicator)
            for ordinal in sorted(by_period):
                o = by_period[ordinal]
                s.ordinals.append(ordinal)
                s.values.append(o.value)
                s.numerators.append(NAN if o.numerator is None else o.numerator)
                s.denominators.append(NAN if o.denominator is None else o.denominator)
                s.sources.append(file_index[o.source] if o.source is not None else -1)
                s.lines.append(o.line or 0)
            out.series[(region, indicator)] = s
        return out

    def get(self, region: str, indicator: str) -> Series | None:
        return self.series.get((region, indicator))

    def __len__(self) -> int:
        return sum(len(s) for s in self.series.values())

    def __iter__(self) -> Iterator[Observation]:
        """Observations ordered by region, indicator and period."""
        for key in sorted(self.series):
            s = self.series[key]
            for i in range(len(s)):
                yield s.observation(i, self.files)

    def regions(self) -> set[str]:
        return {region for region, _ in self.series}

    def latest_period(self) -> Period | None:
        """The latest period any region reported."""
        best = max((s.ordinals[-1] for s in self.series.values() if len(s)), default=None)
        return None if best is None else Period.from_ordinal(best)
