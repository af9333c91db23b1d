"""The city's (and any parent region's) rates, from the counties' counts: sum over sum.

A rate for a larger area is the sum of the numerators over the sum of the denominators,
× 100, recomputed at each level (DHIS2's rule; DOMAIN.md section 1), never the mean of the
county rates: a small county at 80 % and a large one at 100 % do not make a city at 90 %.

For each parent region, indicator and period:

- the *expected* regions are the parent's reporting (leaf) descendants;
- those with both a numerator and a denominator for that period contribute; the value is
  ``sum(numerators) / sum(denominators) × 100`` over them;
- if any expected region lacks counts (it did not report, or reported only a rate, which
  cannot be summed), the figure covers only part of the area: it is kept but marked
  ``partial``, with the missing codes named. Rates are never averaged to fill the hole.

A parent region that reported its own figure for a period (a city statistics file, say)
keeps it: a reported figure wins over a computed one, since the statistics bureau's total
may include pupils no county file lists. The computed figure is still given in the
coverage, and ``differs`` flags a reported figure more than ``settings.rate_tolerance``
away from a complete computed one.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from gl_plan.data.observations import ObservationSet, Series
from gl_plan.plan.models import Plan


class Coverage(BaseModel):
    """How a parent region's figure for one period was obtained."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    period: str
    #: True: sum over sum of the reporting regions' counts; False: the region's own figure.
    computed: bool
    #: Reporting regions expected under this region.
    expected: int
    #: Of those, how many had counts for the period.
    reporting: int
    #: Expected regions without counts for the period, by code.
    missing: list[str] = Field(default_factory=list)
    #: Of the missing, those that sent a rate without counts (it cannot be summed).
    without_counts: list[str] = Field(default_factory=list)
    #: A computed figure that leaves out some expected regions.
    partial: bool = False
    #: The sum-over-sum figure, also when a reported figure was used instead.
    computed_value: float | None = None
    #: A reported figure that disagrees with a complete computed one.
    differs: bool = False


@dataclass(frozen=True)
class Aggregated:
    """Observations for the reporting regions as given, plus one series per parent region.

    ``coverage`` is keyed by (region, indicator, period ordinal) and covers every point of
    every parent series.
    """

    observations: ObservationSet
    coverage: dict[tuple[str, str, int], Coverage] = field(default_factory=dict)


@dataclass
class _Sum:
    numerator: float = 0.0
    denominator: float = 0.0
    regions: list[str] = field(default_factory=list)


_EMPTY = _Sum()


#: From this many observations on, sums are computed with numpy (the result is the same:
#: the sums are taken in the same order); below it, importing numpy would cost more.
VECTOR_MIN_OBSERVATIONS = 20_000


def aggregate(plan: Plan, observations: ObservationSet) -> Aggregated:
    """Add each parent region's series, computed from its reporting regions' counts.

    Worked examples: ``tests/assess/test_assess_aggregate.py``.
    """
    return _aggregate(plan, observations)


def _aggregate(plan: Plan, observations: ObservationSet) -> Aggregated:
    tolerance = plan.settings.rate_tolerance
    series = dict(observations.series)  # the input set is left untouched
    coverage: dict[tuple[str, str, int], Coverage] = {}
    indicators = sorted({indicator for _, indicator in observations.series})
    below = leaves_below(plan)
    vector = len(observations) >= VECTOR_MIN_OBSERVATIONS and _numpy_available()
    for indicator in indicators:
        summer = _VectorSums(observations, indicator, below) if vector else None
        for parent, expected in below.items():
            if summer is not None:
                sums, rate_only = summer.sums(parent, expected)
            else:
                sums, rate_only = _sum_counts(observations, expected, indicator)
            direct = observations.get(parent, indicator)
            direct_at = {direct.ordinals[i]: i for i in range(len(direct))} if direct else {}
            ordinals = sorted(set(sums) | set(direct_at))
            out = Series(parent, indicator)
            for ordinal in ordinals:
                acc = sums.get(ordinal, _EMPTY)
                computed = acc.numerator / acc.denominator * 100.0 if acc.denominator > 0 else None
                if len(acc.regions) == len(expected):
                    missing: list[str] = []
                else:
                    contributed = set(acc.regions)
                    missing = [c for c in expected if c not in contributed]
                only = rate_only.get(ordinal)
                without = [c for c in missing if c in only] if only else []
                common: dict[str, object] = {
                    "expected": len(expected),
                    "reporting": len(expected) - len(missing),
                    "missing": missing,
                    "without_counts": without,
                    "computed_value": computed,
                }
                if ordinal in direct_at and direct is not None:
                    i = direct_at[ordinal]
                    _append(
                        out,
                        ordinal,
                        direct.values[i],
                        direct.numerators[i],
                        direct.denominators[i],
                        direct.sources[i],
                        direct.lines[i],
                    )
                    differs = (
                        computed is not None
                        and not missing
                        and abs(direct.values[i] - computed) > tolerance
                    )
                    cov = _coverage(
                        {
                            **common,
                            "period": str(direct.period(i)),
                            "computed": False,
                            "differs": differs,
                        }
                    )
                elif computed is not None:
                    _append(out, ordinal, computed, acc.numerator, acc.denominator, -1, 0)
                    cov = _coverage(
                        {
                            **common,
                            "period": str(out.period(len(out) - 1)),
                            "computed": True,
                            "partial": bool(missing),
                        }
                    )
                else:
                    continue  # counts that sum to a zero denominator give no rate
                coverage[(parent, indicator, ordinal)] = cov
            if len(out):
                series[(parent, indicator)] = out
    # Parents in plan order, indicators sorted within each, as callers iterate them.
    ordered = dict(observations.series)
    for parent in below:
        for indicator in indicators:
            key = (parent, indicator)
            if key in series and key not in ordered:
                ordered[key] = series[key]
    ordered.update(series)
    return Aggregated(ObservationSet(series=ordered, files=list(observations.files)), coverage)


def _coverage(fields: dict[str, object]) -> Coverage:
    # The fields are built above with the right types; validating tens of thousands of
    # points on a national plan would cost seconds for nothing.
    return trusted(Coverage, fields)


_M = TypeVar("_M", bound=BaseModel)
_TEMPLATES: dict[type[BaseModel], tuple[tuple[str, object, Callable[[], object] | None], ...]] = {}


def trusted(cls: type[_M], fields: dict[str, object]) -> _M:
    """``cls.model_validate(fields)`` for fields built internally with the right types.

    The result is equal to the validated model (same values, key order and fields set), but
    nothing is checked. Setting the fields one by one lets CPython share one key table among
    all instances of ``cls``: a national check holds some fifty thousand assessments, and a
    dict of its own for each costs about 30 MB more.
    """
    template = _TEMPLATES.get(cls)
    if template is None:
        template = _TEMPLATES[cls] = tuple(
            (
                name,
                None if info.default_factory is not None else info.default,
                info.default_factory,  # type: ignore[misc]
            )
            for name, info in cls.model_fields.items()
        )
    model = cls.__new__(cls)
    set_attr = object.__setattr__
    for name, default, factory in template:
        if name in fields:
            set_attr(model, name, fields[name])
        else:
            set_attr(model, name, factory() if factory is not None else default)
    set_attr(model, "__pydantic_fields_set__", set(fields))
    set_attr(model, "__pydantic_extra__", None)
    set_attr(model, "__pydantic_private__", None)
    return model


def _numpy_available() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


class _VectorSums:
    """Every reporting region's counts for one indicator as region × period matrices."""

    def __init__(
        self, observations: ObservationSet, indicator: str, below: dict[str, list[str]]
    ) -> None:
        import numpy as np

        self.np = np
        leaves = list(dict.fromkeys(code for expected in below.values() for code in expected))
        self.row = {code: i for i, code in enumerate(leaves)}
        found = [(i, observations.get(code, indicator)) for i, code in enumerate(leaves)]
        present = [(i, s) for i, s in found if s is not None and len(s)]

        def joined(arrays: list[Any], dtype: Any) -> Any:
            return np.frombuffer(b"".join(a.tobytes() for a in arrays), dtype=dtype)

        ords = joined([s.ordinals for _, s in present], np.int64)
        n = joined([s.numerators for _, s in present], np.float64)
        d = joined([s.denominators for _, s in present], np.float64)
        v = joined([s.values for _, s in present], np.float64)
        unique = np.unique(ords)
        self.ordinals: list[int] = unique.tolist()
        rows = np.repeat(
            np.array([i for i, _ in present], dtype=np.intp),
            np.array([len(s) for _, s in present], dtype=np.intp),
        )
        cols = np.searchsorted(unique, ords)
        shape = (len(leaves), len(unique))
        self.num = np.zeros(shape)
        self.den = np.zeros(shape)
        self.counted = np.zeros(shape, dtype=bool)
        self.rate_only = np.zeros(shape, dtype=bool)
        has = ~(np.isnan(n) | np.isnan(d))
        self.num[rows, cols] = np.where(has, n, 0.0)
        self.den[rows, cols] = np.where(has, d, 0.0)
        self.counted[rows, cols] = has
        self.rate_only[rows, cols] = ~has & ~np.isnan(v)

    def sums(self, parent: str, expected: list[str]) -> tuple[dict[int, _Sum], dict[int, set[str]]]:
        """What :func:`_sum_counts` returns, with the additions made in the same order."""
        np = self.np
        rows = np.fromiter((self.row[c] for c in expected), dtype=np.intp, count=len(expected))
        counted = self.counted[rows]
        # cumsum adds row after row, as the loop does (a plain sum would add pairwise);
        # adding 0.0 for a region without counts changes no sum.
        num = np.cumsum(self.num[rows], axis=0)[-1] if len(rows) else np.zeros(0)
        den = np.cumsum(self.den[rows], axis=0)[-1] if len(rows) else np.zeros(0)
        n_counted = counted.sum(axis=0)
        rate_only = self.rate_only[rows]
        has_rate_only = rate_only.any(axis=0)
        sums: dict[int, _Sum] = {}
        only: dict[int, set[str]] = {}
        full = len(expected)
        for j, ordinal in enumerate(self.ordinals):
            k = int(n_counted[j])
            if k:
                regions = (
                    expected
                    if k == full
                    else [expected[r] for r in np.flatnonzero(counted[:, j]).tolist()]
                )
                sums[ordinal] = _Sum(float(num[j]), float(den[j]), regions)
            if has_rate_only[j]:
                only[ordinal] = {expected[r] for r in np.flatnonzero(rate_only[:, j]).tolist()}
        return sums, only


def leaves_below(plan: Plan) -> dict[str, list[str]]:
    """Each parent region's reporting (leaf) descendants, in plan order.

    One pass over a child map: a national plan has thousands of regions, and asking the
    plan for each parent's descendants separately would be quadratic.
    """
    kids: dict[str, list[str]] = {}
    for r in plan.regions:
        if r.parent is not None:
            kids.setdefault(r.parent, []).append(r.code)
    position = {r.code: i for i, r in enumerate(plan.regions)}
    out: dict[str, list[str]] = {}
    for region in plan.regions:
        if region.code not in kids:
            continue
        found: list[str] = []
        stack = [region.code]
        seen = {region.code}
        while stack:
            for child in kids.get(stack.pop(), []):
                if child in seen:  # a cycle is a plan error, reported by the loader
                    continue
                seen.add(child)
                if child in kids:
                    stack.append(child)
                else:
                    found.append(child)
        out[region.code] = sorted(found, key=position.__getitem__)
    return out


def _sum_counts(
    observations: ObservationSet, expected: list[str], indicator: str
) -> tuple[dict[int, _Sum], dict[int, set[str]]]:
    sums: dict[int, _Sum] = {}
    rate_only: dict[int, set[str]] = {}
    for code in expected:
        s = observations.get(code, indicator)
        if s is None:
            continue
        for i in range(len(s)):
            ordinal = s.ordinals[i]
            if s.has_counts(i):
                acc = sums.setdefault(ordinal, _Sum())
                acc.numerator += s.numerators[i]
                acc.denominator += s.denominators[i]
                acc.regions.append(code)
            elif not math.isnan(s.values[i]):
                rate_only.setdefault(ordinal, set()).add(code)
    return sums, rate_only


def _append(
    s: Series,
    ordinal: int,
    value: float,
    numerator: float,
    denominator: float,
    source: int,
    line: int,
) -> None:
    s.ordinals.append(ordinal)
    s.values.append(value)
    s.numerators.append(numerator)
    s.denominators.append(denominator)
    s.sources.append(source)
    s.lines.append(line)
