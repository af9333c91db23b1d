"""One value per region, indicator and period across every file read.

Copies of one figure collapse into one (a warning at each extra copy); conflicting values
are all rejected (an error at each place, naming the others), since which one is right
cannot be known.

**The conflict rule.** Two copies are one figure when their counts, where both give them,
are equal and their values differ by at most ``settings.rate_tolerance`` for a rate (the
tolerance a rate and its own counts may differ by, :mod:`gl_plan.data.rows`), exactly
equal otherwise (counts, amounts). So a county that re-sends 5419/5321 as the rate 101.84,
or 101.842 as 101.8, has sent one figure; the more precise copy is kept (the one with
counts, else the one with more decimals) and the other is noted. Values further apart, or
different counts, are a conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Final

from gl_plan.data.observations import Observation, ObservationSet, Series
from gl_plan.data.wording import joined
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import _

#: ``Observation.source`` → (file, sheet), for locating problems.
Sources = Mapping[str, tuple[str, str | None]]


def merge(
    observations: Iterable[Observation],
    sources: Sources,
    report: Callable[[Problem], None],
    tolerance: Mapping[str, float] | None = None,
) -> ObservationSet:
    """The observations grouped into series, duplicates collapsed and conflicts removed.

    ``tolerance``: by indicator, how far apart two copies' values may be and still be one
    figure (``settings.rate_tolerance`` for rates); exact for an indicator not in it.

    Each series is a list sorted by period (stable: copies of one figure keep the order
    they were read in), so repeated figures sit side by side; a national file of a million
    rows needs no dictionary entry per figure.
    """
    grouped: dict[tuple[str, str], list[Observation]] = {}
    for obs in observations:
        grouped.setdefault((obs.region, obs.indicator), []).append(obs)
    series: dict[tuple[str, str], Series] = {}
    tolerances = tolerance or {}
    for (region, indicator), group in grouped.items():
        group.sort(key=_ordinal)
        allowed = tolerances.get(indicator, 0.0)
        kept: list[Observation] = []
        start = 0
        while start < len(group):
            end = start + 1
            while end < len(group) and group[end].period == group[start].period:
                end += 1
            keep = (
                group[start]
                if end - start == 1
                else _one_of(group[start:end], sources, report, allowed)
            )
            if keep is not None:
                kept.append(keep)
            start = end
        if kept:
            series[(region, indicator)] = Series(region, indicator, tuple(kept))
    return ObservationSet(series)


def _ordinal(o: Observation) -> int:
    return o.period.ordinal


def _where(o: Observation) -> str:
    return f"{o.source}:{o.line}"


#: Differences below this are the float arithmetic of reading, not a different figure.
_EXACT: Final = 1e-9


def _same(a: Observation, b: Observation, tolerance: float) -> bool:
    def same_counts(x: float | None, y: float | None) -> bool:
        return x is None or y is None or x == y

    return (
        abs(a.value - b.value) <= tolerance + _EXACT
        and same_counts(a.numerator, b.numerator)
        and same_counts(a.denominator, b.denominator)
    )


def _decimals(value: float) -> int:
    """Decimals as written: 101.84 → 2 (a float's shortest repr is what the file said)."""
    text = repr(value)
    return len(text.split(".", 1)[1].rstrip("0")) if "." in text and "e" not in text else 0


def _precision(o: Observation) -> tuple[bool, int]:
    return (o.has_counts, _decimals(o.value))


def _one_of(
    group: list[Observation],
    sources: Sources,
    report: Callable[[Problem], None],
    tolerance: float,
) -> Observation | None:
    first = group[0]
    what = f"{first.region} {first.indicator} {first.period}"

    def located(o: Observation) -> tuple[str | None, str | None]:
        return sources.get(o.source or "", (o.source, None))

    # The most precise copy (counts, then decimals; the first read among equals) is the
    # figure; every other copy must agree with it.
    keep = max(group, key=_precision)
    if all(_same(o, keep, tolerance) for o in group):
        for o in group:
            if o is keep:
                continue
            file, sheet = located(o)
            if abs(o.value - keep.value) <= _EXACT:
                message = _(
                    "duplicate row: {what} is also given at {where}; one copy is used",
                    what=what,
                    where=_where(keep),
                )
            else:
                message = _(
                    "the same figure, rounded: {what} is {value:g} here and {kept:g} at "
                    "{where} (within settings.rate_tolerance, {tolerance:g}); the more "
                    "precise is used",
                    what=what,
                    value=o.value,
                    kept=keep.value,
                    where=_where(keep),
                    tolerance=tolerance,
                )
            report(
                Problem(
                    message,
                    file=file,
                    line=o.line,
                    severity=Severity.WARNING,
                    code=Code.DUPLICATE_ROW,
                    sheet=sheet,
                )
            )
        return keep
    for o in group:
        others = joined(
            [_("{value:g} at {where}", value=p.value, where=_where(p)) for p in group if p is not o]
        )
        file, sheet = located(o)
        report(
            Problem(
                _(
                    "conflicting values for {what}: {value:g} here, {others}; none is used",
                    what=what,
                    value=o.value,
                    others=others,
                ),
                file=file,
                line=o.line,
                code=Code.CONFLICTING_VALUE,
                sheet=sheet,
            )
        )
    return None
