"""One value per region, indicator and period across every file read.

Identical copies collapse into one (a warning at each extra copy); conflicting values are
all rejected (an error at each place, naming the others), since which one is right cannot
be known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from gl_plan.data.observations import Observation, ObservationSet, Series
from gl_plan.data.wording import joined
from gl_plan.errors import Code, Problem, Severity, msg
from gl_plan.periods import Period

#: ``Observation.source`` → (file, sheet), for locating problems.
Sources = Mapping[str, tuple[str, str | None]]


def merge(
    observations: Iterable[Observation], sources: Sources, report: Callable[[Problem], None]
) -> ObservationSet:
    """The observations grouped into series, duplicates collapsed and conflicts removed.

    Built in one pass over one dictionary per series: a national file of a million rows
    would otherwise hold a million one-element groups beside the series being built.
    """
    series: dict[tuple[str, str], dict[Period, Observation]] = {}
    repeated: dict[tuple[str, str, Period], list[Observation]] = {}
    for obs in observations:
        by_period = series.setdefault((obs.region, obs.indicator), {})
        first = by_period.setdefault(obs.period, obs)
        if first is not obs:
            repeated.setdefault((obs.region, obs.indicator, obs.period), [first]).append(obs)
    for (region, indicator, period), group in repeated.items():
        keep = _one_of(group, sources, report)
        if keep is None:
            del series[(region, indicator)][period]
        else:
            series[(region, indicator)][period] = keep
    return ObservationSet(
        {
            key: Series(key[0], key[1], tuple(by_period[p] for p in sorted(by_period)))
            for key, by_period in series.items()
            if by_period
        }
    )


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
                        msg("data.merge.duplicate", what=what, where=_where(keep)),
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
            [msg("data.merge.at", value=p.value, where=_where(p)) for p in group if p is not o]
        )
        file, sheet = located(o)
        report(
            Problem(
                msg("data.merge.conflict", what=what, value=o.value, others=others),
                file=file,
                line=o.line,
                code=Code.CONFLICTING_VALUE,
                sheet=sheet,
            )
        )
    return None
