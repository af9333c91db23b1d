"""Normalised observations: plain frozen records, grouped by region and indicator.

A quarter brings 17 county files of under a thousand rows, so each observation is one
small frozen record; a :class:`Series` is one region's observations of one indicator,
sorted by period, one per period.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from gl_plan.periods import Period


@dataclass(frozen=True, slots=True)
class Observation:
    """One region's value of one indicator for one period, with where it came from.

    ``numerator`` and ``denominator`` are ``None`` when the region sent only the rate;
    ``source`` and ``line`` locate the row (``None`` for a computed figure).
    """

    region: str
    period: Period
    indicator: str
    value: float
    numerator: float | None = None
    denominator: float | None = None
    source: str | None = None
    line: int | None = None
    #: How the figure was obtained: ``rate`` (as reported), ``counts`` (computed from its
    #: numerator and denominator), ``total_row`` (a table's 合计 row over its sub-units),
    #: ``sum_of_rows`` (summed from sub-unit rows without a total), ``prior_year_column``
    #: (a later form's 上年同期数).
    origin: str = "rate"
    #: The file a corrected file replaced, when this figure comes from the correction.
    supersedes: str | None = None

    @property
    def has_counts(self) -> bool:
        return self.numerator is not None and self.denominator is not None

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
            "origin": self.origin,
            "supersedes": self.supersedes,
        }


@dataclass(frozen=True, slots=True)
class Series:
    """One region × indicator: its observations sorted by period, one per period."""

    region: str
    indicator: str
    points: tuple[Observation, ...] = ()

    def __len__(self) -> int:
        return len(self.points)

    def __iter__(self) -> Iterator[Observation]:
        return iter(self.points)

    def __getitem__(self, i: int) -> Observation:
        return self.points[i]

    def periods(self) -> list[Period]:
        return [o.period for o in self.points]

    def latest(self) -> Observation | None:
        return self.points[-1] if self.points else None


@dataclass(frozen=True)
class ObservationSet:
    """All accepted observations, keyed by (region, indicator).

    The readers reject conflicting rows before building a set; here a later observation
    for the same region, indicator and period replaces an earlier one.
    """

    series: dict[tuple[str, str], Series] = field(default_factory=dict)

    @classmethod
    def from_observations(cls, observations: Iterable[Observation]) -> ObservationSet:
        """Group observations into series, each sorted by period."""
        grouped: dict[tuple[str, str], dict[Period, Observation]] = {}
        for obs in observations:
            grouped.setdefault((obs.region, obs.indicator), {})[obs.period] = obs
        return cls(
            {
                key: Series(key[0], key[1], tuple(by_period[p] for p in sorted(by_period)))
                for key, by_period in grouped.items()
            }
        )

    def get(self, region: str, indicator: str) -> Series | None:
        return self.series.get((region, indicator))

    def __len__(self) -> int:
        return sum(len(s) for s in self.series.values())

    def __iter__(self) -> Iterator[Observation]:
        """Observations ordered by region, indicator and period."""
        for key in sorted(self.series):
            yield from self.series[key]

    def regions(self) -> set[str]:
        return {region for region, _ in self.series}

    def latest_period(self) -> Period | None:
        """The latest period any region reported."""
        return max((s.points[-1].period for s in self.series.values() if s.points), default=None)
