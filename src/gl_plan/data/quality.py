"""Data-quality findings over accepted observations: completeness, gaps and outliers.

These are warnings, in the manner of DHIS2's data-quality app (DOMAIN.md section 5); the
rows stay in use. Pure functions: observations and the plan in, located problems out.

- **Completeness**: for the latest period in the data, every reporting region (a leaf of
  the plan's region tree) should report every indicator that any region reported for it;
  one warning per region that did not, listing the indicators.
- **Gaps**: a region's quarterly (or annual) series that skips a period between its first
  and last observation.
- **Outliers**: the modified z-score of Iglewicz & Hoaglin (1993),
  ``0.6745 · |x − median| / MAD``, computed over a series' quarter-on-quarter *changes*
  (only between consecutive quarters), so that a steady trend is not an outlier but a jump
  is. The threshold is ``plan.settings.outlier_z``, by default **3.5**, the cut-off Iglewicz
  and Hoaglin recommend (DHIS2 offers 3.0, which flags more). When the MAD is 0 (most
  changes equal) the score is undefined and nothing is flagged; a series needs at least
  :data:`MIN_CHANGES` changes, and a change under :data:`MIN_OUTLIER_CHANGE` percentage
  points is never flagged: a county with small counts reports rates in steps of a few
  hundredths, many changes come out equal, the MAD is tiny, and a 0.3-point move would
  otherwise score as extreme. A single wrong value makes two large changes of opposite
  sign (into and out of it); only the value itself is reported.
"""

from __future__ import annotations

import itertools
import statistics
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gl_plan.data.observations import ObservationSet, Series
from gl_plan.errors import Problem, Severity
from gl_plan.periods import Period
from gl_plan.plan.models import Plan

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Fewer quarter-on-quarter changes than this give no stable median and MAD.
MIN_CHANGES = 4
#: Quarter-on-quarter changes smaller than this (percentage points) are never outliers.
MIN_OUTLIER_CHANGE = 1.0
#: The constant that makes the MAD consistent with the standard deviation for normal data.
_MAD_SCALE = 0.6745

Sources = Sequence[tuple[str, str | None]]
#: ``Period.ordinal % 8`` of an annual figure (quarters are 1-4).
_ANNUAL = 5
#: From this many series on, the gap and outlier checks first screen every series at once
#: with numpy and run the per-series code only on the few that may have findings; below,
#: importing numpy costs more than it saves.
_VECTOR_MIN_SERIES = 500


def _steps(ords: Sequence[int]) -> list[bool]:
    """For each neighbouring pair, whether it is one quarter to the next (arithmetic on
    ordinals: Q1-Q3 step by 1, Q4 to the next Q1 by 5; annual figures are never a step)."""
    return [
        (b == a + 1 and a & 7 < 4) or (b == a + 5 and a & 7 == 4)
        for a, b in itertools.pairwise(ords)
    ]


def _next(ordinal: int) -> int:
    """The ordinal of the next period at the same granularity (arithmetic, no objects)."""
    q = ordinal % 8
    if q == _ANNUAL:
        return ordinal + 8
    return ordinal + 1 if q < 4 else ordinal + 5


def check_quality(
    observations: ObservationSet,
    plan: Plan,
    sources: Sources | None = None,
    *,
    completeness: bool = True,
) -> list[Problem]:
    """All quality warnings: gaps, outliers, then (unless switched off) completeness.

    ``sources`` maps a series' source index to (file, sheet); by default the set's file
    names with no sheet.
    """
    where = list(sources) if sources is not None else [(f, None) for f in observations.files]
    keys = sorted(observations.series)
    screen = _Screen.of(observations, keys)
    return [
        *_gaps(observations, keys, screen, where),
        *_outliers(observations, keys, screen, plan.settings.outlier_z, where),
        *(check_completeness(observations, plan) if completeness else []),
    ]


def _locate(s: Series, i: int, sources: Sources) -> tuple[str | None, str | None]:
    src = s.sources[i]
    return sources[src] if 0 <= src < len(sources) else (None, None)


def check_completeness(observations: ObservationSet, plan: Plan) -> list[Problem]:
    """Which reporting regions did not report, for the latest period, each indicator that
    some region reported for it."""
    latest = observations.latest_period()
    if latest is None:
        return []
    ordinal = latest.ordinal
    reported: dict[str, set[str]] = {}
    for (region, indicator), s in observations.series.items():
        # Series are sorted and `latest` is the maximum, so it can only be the last entry.
        if len(s) and s.ordinals[-1] == ordinal:
            reported.setdefault(indicator, set()).add(region)
    order = [i.id for i in plan.indicators if i.id in reported]
    order += sorted(set(reported) - set(order))
    problems: list[Problem] = []
    for leaf in plan.leaves():
        missing = [ind for ind in order if leaf.code not in reported[ind]]
        if missing:
            problems.append(
                Problem(
                    f"{leaf.code} {leaf.name.en} did not report {latest} "
                    f"(the latest period in the data): {', '.join(missing)}",
                    severity=Severity.WARNING,
                    code="incomplete-reporting",
                )
            )
    return problems


def _describe_gap(before: Period, after: Period) -> str:
    first = before
    count = 0
    p = after.previous()
    while p > before:
        first, count = p, count + 1
        p = p.previous()
    last = after.previous()
    return str(first) if count == 1 else f"{first}-{last} ({count} periods)"


def gaps(observations: ObservationSet, plan: Plan, sources: Sources) -> list[Problem]:
    """Periods missing inside a region's series: one warning per region and gap, listing
    the indicators, located at the first observation after the gap."""
    del plan  # the signature matches the other checks; gaps need only the series
    keys = sorted(observations.series)
    return _gaps(observations, keys, _Screen.of(observations, keys), sources)


def _gaps(
    observations: ObservationSet,
    keys: list[tuple[str, str]],
    screen: _Screen | None,
    sources: Sources,
) -> list[Problem]:
    found: dict[tuple[str, str, str], tuple[list[str], str | None, str | None, int]] = {}
    for n, key in enumerate(keys):
        s = observations.series[key]
        ords = s.ordinals
        if screen is not None:
            if screen.steady[n]:
                continue
        elif all(_steps(ords)):
            continue  # quarterly without a gap (and no annual figures): the usual case
        last_quarter = last_year = -1
        for i, o in enumerate(ords):
            annual = o % 8 == _ANNUAL
            before = last_year if annual else last_quarter
            if before >= 0 and o != _next(before):
                prev, after = Period.from_ordinal(before), Period.from_ordinal(o)
                file, sheet = _locate(s, i, sources)
                gap = (s.region, _describe_gap(prev, after), f"{prev} and {after}")
                found.setdefault(gap, ([], file, sheet, s.lines[i]))[0].append(s.indicator)
            if annual:
                last_year = o
            else:
                last_quarter = o
    return [
        Problem(
            f"{region} has no data for {missing} (between {between}): {', '.join(indicators)}",
            file=file,
            line=line or None,
            severity=Severity.WARNING,
            code="incomplete-reporting",
            sheet=sheet,
        )
        for (region, missing, between), (indicators, file, sheet, line) in found.items()
    ]


def modified_z_scores(changes: Sequence[float]) -> list[float] | None:
    """``0.6745·|x − median| / MAD`` for each change, or None when the MAD is 0."""
    med = statistics.median(changes)
    mad = statistics.median([abs(x - med) for x in changes])
    if mad == 0:
        return None
    return [_MAD_SCALE * abs(x - med) / mad for x in changes]


def outliers(observations: ObservationSet, threshold: float, sources: Sources) -> list[Problem]:
    """Observations whose quarter-on-quarter change has a modified z-score above
    ``threshold`` within their series (module docstring)."""
    keys = sorted(observations.series)
    return _outliers(observations, keys, _Screen.of(observations, keys), threshold, sources)


def _outliers(
    observations: ObservationSet,
    keys: list[tuple[str, str]],
    screen: _Screen | None,
    threshold: float,
    sources: Sources,
) -> list[Problem]:
    problems: list[Problem] = []
    candidates = None if screen is None else screen.outlier_candidates(threshold)
    for n, key in enumerate(keys):
        if candidates is not None and not candidates[n]:
            continue
        s = observations.series[key]
        if len(s) <= MIN_CHANGES:
            continue
        # (index of the later observation, change) for consecutive quarters only
        vals = s.values
        changes: list[tuple[int, float]] = [
            (i, vals[i] - vals[i - 1]) for i, step in enumerate(_steps(s.ordinals), 1) if step
        ]
        if len(changes) < MIN_CHANGES:
            continue
        scores = modified_z_scores([d for _, d in changes])
        if scores is None:
            continue
        flagged = [
            k
            for k, z in enumerate(scores)
            if z > threshold and abs(changes[k][1]) >= MIN_OUTLIER_CHANGE
        ]
        skip: set[int] = set()
        for k in flagged:
            if k in skip:
                continue
            i, d = changes[k]
            nxt = k + 1
            if nxt in flagged and changes[nxt][0] == i + 1 and (changes[nxt][1] > 0) != (d > 0):
                # Into and out of one wrong value: report the value, not its neighbour.
                skip.add(nxt)
            file, sheet = _locate(s, i, sources)
            problems.append(
                Problem(
                    f"possible outlier: {s.region} {s.indicator} {s.period(i)} = "
                    f"{s.values[i]:.4g}, a change of {d:+.3g} from {s.period(i - 1)} "
                    f"(modified z-score {scores[k]:.1f} > {threshold:g})",
                    file=file,
                    line=s.lines[i] or None,
                    severity=Severity.WARNING,
                    code="outlier",
                    sheet=sheet,
                )
            )
    return problems


class _Screen:
    """Every series' ordinals and values end to end in numpy arrays (series in ``keys``
    order), to find at once the few series the per-series checks need to look at.

    The screen only skips work: a series it passes over has no finding, and the findings
    themselves come from the per-series code, so they are the same either way.
    """

    def __init__(
        self,
        ords: npt.NDArray[np.int64],
        vals: npt.NDArray[np.float64],
        lengths: npt.NDArray[np.int64],
    ) -> None:
        import numpy as np

        self.vals = vals
        self.count = len(lengths)
        self.starts = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=self.starts[1:])
        #: The series each observation belongs to.
        self.sid = np.repeat(np.arange(len(lengths)), lengths)
        a, b = ords[:-1], ords[1:]
        q = a & 7
        # Pair j is (j, j + 1); only pairs within one series count.
        self.inside = self.sid[:-1] == self.sid[1:]
        self.step = self.inside & (((b == a + 1) & (q < 4)) | ((b == a + 5) & (q == 4)))
        #: Whether each series is quarterly without a gap (what ``all(_steps(...))`` says).
        self.steady = (
            np.bincount(self.sid[:-1][self.inside & ~self.step], minlength=self.count) == 0
        )

    @classmethod
    def of(cls, observations: ObservationSet, keys: list[tuple[str, str]]) -> _Screen | None:
        """The screen of many series; None for few (or oddly typed) ones."""
        if len(keys) < _VECTOR_MIN_SERIES:
            return None
        ords, vals = array("q"), array("d")
        lengths = array("q")
        for key in keys:
            s = observations.series[key]
            if s.ordinals.typecode != "q" or s.values.typecode != "d":
                return None
            ords.extend(s.ordinals)
            vals.extend(s.values)
            lengths.append(len(s.ordinals))
        if len(s.values) != len(s.ordinals) or len(vals) != len(ords):
            return None
        import numpy as np

        return cls(
            np.frombuffer(ords, dtype=np.int64),
            np.frombuffer(vals, dtype=np.float64),
            np.frombuffer(lengths, dtype=np.int64),
        )

    def outlier_candidates(self, threshold: float) -> npt.NDArray[np.bool_]:
        """Which series may hold an outlier: the modified z-scores of :func:`outliers`,
        computed the same way (sorted medians, same operations in the same order), for all
        series with the same number of changes at once."""
        import numpy as np

        pairs = np.flatnonzero(self.step)
        changes = self.vals[pairs + 1] - self.vals[pairs]
        owner = self.sid[pairs]
        counts = np.bincount(owner, minlength=self.count)
        first = np.zeros(self.count, dtype=np.int64)
        np.cumsum(counts[:-1], out=first[1:])
        out = np.zeros(self.count, dtype=np.bool_)
        with np.errstate(all="ignore"):
            self._score(threshold, changes, counts, first, out)
        return out

    def _score(
        self,
        threshold: float,
        changes: npt.NDArray[np.float64],
        counts: npt.NDArray[np.int64],
        first: npt.NDArray[np.int64],
        out: npt.NDArray[np.bool_],
    ) -> None:
        import numpy as np

        for n in np.unique(counts[counts >= MIN_CHANGES]).tolist():
            rows = np.flatnonzero(counts == n)
            x = changes[first[rows][:, None] + np.arange(n)]
            # NaN sorts differently in numpy and in Python: leave such series to Python.
            finite = np.isfinite(x).all(axis=1)
            out[rows[~finite]] = True
            x, rows = x[finite], rows[finite]
            dev = np.abs(x - _median_rows(x)[:, None])
            mad = _median_rows(dev)
            usable = mad != 0
            x, dev, mad, rows = x[usable], dev[usable], mad[usable], rows[usable]
            z = _MAD_SCALE * dev / mad[:, None]
            # A hair below the thresholds: the per-series code decides exactly.
            hit = (z > threshold * (1 - 1e-9)) & (np.abs(x) >= MIN_OUTLIER_CHANGE * (1 - 1e-9))
            out[rows[hit.any(axis=1)]] = True


def _median_rows(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Each row's median as :func:`statistics.median` computes it (sort, middle, or the
    mean of the two middle values as ``(a + b) / 2``)."""
    import numpy as np

    s = np.sort(x, axis=1)
    n = s.shape[1]
    if n % 2:
        return s[:, n // 2]
    return (s[:, n // 2 - 1] + s[:, n // 2]) / 2
