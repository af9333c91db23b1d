"""One value per region, indicator and period across every file read.

Identical copies collapse into one (a warning at each extra copy); conflicting values are
all rejected (an error at each place, naming the others), since which one is right cannot
be known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from gl_plan.data.observations import Observation, ObservationSet, Series
from gl_plan.data.wording import joined
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import _

#: ``Observation.source`` → (file, sheet), for locating problems.
Sources = Mapping[str, tuple[str, str | None]]


def merge(
    observations: Iterable[Observation], sources: Sources, report: Callable[[Problem], None]
) -> ObservationSet:
    """The observations grouped into series, duplicates collapsed and conflicts removed.

    Each series is a list sorted by period (stable: copies of one figure keep the order
    they were read in), so repeated figures sit side by side; a national file of a million
    rows needs no dictionary entry per figure.
    """
    grouped: dict[tuple[str, str], list[Observation]] = {}
    for obs in observations:
        grouped.setdefault((obs.region, obs.indicator), []).append(obs)
    series: dict[tuple[str, str], Series] = {}
    for (region, indicator), group in grouped.items():
        group.sort(key=_ordinal)
        kept: list[Observation] = []
        start = 0
        while start < len(group):
            end = start + 1
            while end < len(group) and group[end].period == group[start].period:
                end += 1
            keep = group[start] if end - start == 1 else _one_of(group[start:end], sources, report)
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


def _same(a: Observation, b: Observation) -> bool:
    def same_counts(x: float | None, y: float | None) -> bool:
        return x is None or y is None or x == y

    return (
        abs(a.value - b.value) <= 1e-9
        and same_counts(a.numerator, b.numerator)
        and same_counts(a.denominator, b.denominator)
    )


def _one_of(
    group: list[Observation], sources: Sources, report: Callable[[Problem], None]
) -> Observation | None:
    first = group[0]
    what = f"{first.region} {first.indicator} {first.period}"

    def located(o: Observation) -> tuple[str | None, str | None]:
        return sources.get(o.source or "", (o.source, None))

    if all(_same(o, first) for o in group[1:]):
        # Keep the copy that carries counts, if one does, else the first.
        keep = next((o for o in group if o.has_counts), first)
        for o in group:
            if o is not keep:
                file, sheet = located(o)
                report(
                    Problem(
                        _(
                            "duplicate row: {what} is also given at {where}; one copy is used",
                            what=what,
                            where=_where(keep),
                        ),
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
