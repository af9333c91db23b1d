"""Data-quality findings over accepted observations: completeness, gaps and outliers.

These are warnings, in the manner of DHIS2's data-quality app; the rows stay in use. Pure
functions: observations and the plan in, located problems out.

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
- **Implausible jumps**: a figure of a ``percent`` indicator more than
  ``plan.settings.max_quarterly_change`` percentage points (by default **3.0**; an indicator
  may set its own per quarter and per year, ``change_limits``) away from
  the same region's figure for the period just before it: the previous quarter for a
  quarter, the previous year for a year's figure. A county's enrollment rate does not move
  3 points in a quarter without a data error or a boundary change, and the outlier screen
  cannot see it in a short series (it needs :data:`MIN_CHANGES` changes), which is what a
  new county's first quarters are. A spike and the move back are reported once, at the
  spike; a figure the outlier screen already reported is not reported again.

- **Denominator jumps**: a figure's denominator more than :data:`MAX_DENOMINATOR_CHANGE`
  (25 %) away from the same region's denominator for the period just before. A
  denominator is a population or a cohort (children aged 3-5, grade-1 entrants nine years
  before, young people aged 15-17): China's yearly births fell by at most about 18 %
  (2019 to 2020), a three-year age group moves less, and a county's figure moves by
  migration a few percent more; another county's counts pasted under a code double or
  halve it. So more than a quarter in one period is a wrong row until someone says why.
- **Numerator above denominator**: a figure of an indicator the plan marks
  ``can_exceed_100: false`` (a share of a whole) whose counts give more than 100 %, where
  the plausible range let it through. (Outside the range the row is refused at reading,
  with the same cause, :func:`gl_plan.data.rates.out_of_range_cause`, as is a rate whose
  counts make sense only swapped.)

Both kinds of flagged figure stay in use, but never silently: :func:`flagged_figures` gives
them to the assessment, which notes ``outlier`` on the row whose value is one and
``includes_outlier`` on a parent figure summed from one.

A problem is located at the observation's ``source`` and ``line``; ``sources`` maps a
source to its (file, sheet) for a workbook's sheets (by default the source is the file).
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.data.rates import numerator_above
from gl_plan.data.wording import joined, region_named
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import Message, _
from gl_plan.periods import Period
from gl_plan.plan.indicator_rules import ChangeLimits
from gl_plan.plan.models import Plan, Unit

#: Fewer quarter-on-quarter changes than this give no stable median and MAD.
MIN_CHANGES = 4
#: Quarter-on-quarter changes smaller than this (percentage points) are never outliers.
MIN_OUTLIER_CHANGE = 1.0
#: The share a denominator may move from one period to the next (module docstring).
MAX_DENOMINATOR_CHANGE = 0.25
#: The constant that makes the MAD consistent with the standard deviation for normal data.
_MAD_SCALE = 0.6745

#: ``Observation.source`` → (file, sheet).
Sources = Mapping[str, tuple[str, str | None]]
#: A figure: (region, indicator, period).
FigureKey = tuple[str, str, Period]
FlagKind = Literal["outlier", "implausible-jump"]


def check_quality(
    observations: ObservationSet,
    plan: Plan,
    sources: Sources | None = None,
    *,
    completeness: bool = True,
    flags: Mapping[FigureKey, Flag] | None = None,
) -> list[Problem]:
    """All quality warnings: gaps, outliers, implausible jumps (those not already reported
    as outliers), the counts' checks, then (unless switched off) completeness.

    ``flags`` is :func:`flagged_figures`' result when the caller has it already (the reader
    keeps it for the assessment); computed here otherwise.
    """
    if flags is None:
        flags = flagged_figures(observations, plan)
    threshold = plan.settings.outlier_z
    return [
        *gaps(observations, plan, sources),
        *[_outlier_problem(f, threshold, sources) for f in flags.values() if f.kind == "outlier"],
        *[_jump_problem(f, plan, sources) for f in flags.values() if f.kind == "implausible-jump"],
        *denominator_jumps(observations, plan, sources),
        *numerators_above_denominators(observations, plan, sources),
        *(check_completeness(observations, plan) if completeness else []),
    ]


def _locate(o: Observation, sources: Sources | None) -> tuple[str | None, str | None]:
    if o.source is None:
        return None, None
    if sources is not None and o.source in sources:
        return sources[o.source]
    return o.source, None


def _is_next_quarter(a: Period, b: Period) -> bool:
    return a.quarter is not None and b.quarter is not None and b == _next(a)


def _next(p: Period) -> Period:
    """The period after ``p`` at the same granularity."""
    if p.quarter is None:
        return Period(p.year + 1)
    return Period(p.year + 1, 1) if p.quarter == 4 else Period(p.year, p.quarter + 1)


def check_completeness(observations: ObservationSet, plan: Plan) -> list[Problem]:
    """Which reporting regions did not report, for the latest period, each indicator that
    some region reported for it."""
    latest = observations.latest_period()
    if latest is None:
        return []
    reported: dict[str, set[str]] = {}
    for (region, indicator), s in observations.series.items():
        # Series are sorted and `latest` is the maximum, so it can only be the last entry.
        if len(s) and s[-1].period == latest:
            reported.setdefault(indicator, set()).add(region)
    order = [i.id for i in plan.indicators if i.id in reported]
    order += sorted(set(reported) - set(order))
    # Regions missing the same indicators share one line: checking the first files of a
    # quarter should not print a line for every county still to send its own.
    alike: dict[tuple[str, ...], list[str]] = {}
    depth = {leaf.code: plan.region_tree.depth(leaf.code) for leaf in plan.leaves()}
    for leaf in plan.leaves():
        # An indicator reported only higher up (Indicator.levels) is not missing here.
        missing = tuple(
            ind
            for ind in order
            if leaf.code not in reported[ind] and _reported_at(plan, ind, depth[leaf.code])
        )
        if missing:
            alike.setdefault(missing, []).append(leaf.code)
    problems: list[Problem] = []
    for missing, regions in alike.items():
        if len(regions) == 1:
            message = _(
                "{region} did not report {period} (the latest period in the data): {indicators}",
                region=region_named(regions[0], plan),
                period=latest,
                indicators=joined(list(missing)),
            )
        else:
            message = _(
                "{count} regions did not report {period} (the latest period in the data): "
                "{regions}; missing {indicators}",
                count=len(regions),
                regions=joined([region_named(code, plan) for code in regions]),
                period=latest,
                indicators=joined(list(missing)),
            )
        problems.append(Problem(message, severity=Severity.WARNING, code=Code.INCOMPLETE_REPORTING))
    return problems


def _reported_at(plan: Plan, indicator: str, depth: int) -> bool:
    found = plan.indicator_by_id.get(indicator)
    return found is None or found.levels is None or depth in found.levels


def _describe_gap(before: Period, after: Period) -> Message:
    first = before
    count = 0
    p = after.previous()
    while p > before:
        first, count = p, count + 1
        p = p.previous()
    last = after.previous()
    if count == 1:
        return str(first)
    return _("{first}-{last} ({count} periods)", first=first, last=last, count=count)


def gaps(
    observations: ObservationSet, plan: Plan | None = None, sources: Sources | None = None
) -> list[Problem]:
    """Periods missing inside a region's series: one warning per region and gap, listing
    the indicators, located at the first observation after the gap.

    Quarters and annual figures are separate runs: a year's figure does not fill a quarter.
    """
    del plan  # the signature matches the other checks; gaps need only the series
    found: dict[tuple[str, Message, Period, Period], tuple[list[str], Observation]] = {}
    for key in sorted(observations.series):
        s = observations.series[key]
        last: dict[bool, Period] = {}  # the previous quarter and the previous year
        for o in s:
            annual = o.period.quarter is None
            before = last.get(annual)
            if before is not None and o.period != _next(before):
                gap = (s.region, _describe_gap(before, o.period), before, o.period)
                found.setdefault(gap, ([], o))[0].append(s.indicator)
            last[annual] = o.period
    problems: list[Problem] = []
    for (region, missing, before, after), (indicators, at) in found.items():
        file, sheet = _locate(at, sources)
        problems.append(
            Problem(
                _(
                    "{region} has no data for {missing} (between {before} and {after}): "
                    "{indicators}",
                    region=region,
                    missing=missing,
                    before=before,
                    after=after,
                    indicators=joined(indicators),
                ),
                file=file,
                line=at.line,
                severity=Severity.WARNING,
                code=Code.INCOMPLETE_REPORTING,
                sheet=sheet,
            )
        )
    return problems


def modified_z_scores(changes: Sequence[float]) -> list[float] | None:
    """``0.6745·|x − median| / MAD`` for each change, or None when the MAD is 0."""
    med = statistics.median(changes)
    mad = statistics.median([abs(x - med) for x in changes])
    if mad == 0:
        return None
    return [_MAD_SCALE * abs(x - med) / mad for x in changes]


@dataclass(frozen=True, slots=True)
class Flag:
    """A figure a screen marks: it is still used, but never without saying so."""

    #: ``outlier`` (the modified z-score) or ``implausible-jump`` (the plan's bound).
    kind: FlagKind
    observation: Observation
    #: The same region's figure for the period before, which the change is measured from.
    previous: Observation
    #: The modified z-score of the change, for an outlier.
    score: float | None = None

    @property
    def change(self) -> float:
        return self.observation.value - self.previous.value

    @property
    def key(self) -> FigureKey:
        o = self.observation
        return (o.region, o.indicator, o.period)


def outlier_flags(observations: ObservationSet, threshold: float) -> list[Flag]:
    """Figures whose quarter-on-quarter change has a modified z-score above ``threshold``
    within their series (module docstring)."""
    flags: list[Flag] = []
    for key in sorted(observations.series):
        # Quarters only: a year's figure sorts between 2022Q4 and 2023Q1 and would hide the
        # change between them.
        s = [o for o in observations.series[key] if o.period.quarter is not None]
        if len(s) <= MIN_CHANGES:
            continue
        # (index of the later observation, change) for consecutive quarters only
        changes = [
            (i, s[i].value - s[i - 1].value)
            for i in range(1, len(s))
            if _is_next_quarter(s[i - 1].period, s[i].period)
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
            flags.append(Flag("outlier", s[i], s[i - 1], scores[k]))
    return flags


def jump_flags(observations: ObservationSet, plan: Plan) -> list[Flag]:
    """Figures of a percent indicator that move more than ``settings.max_quarterly_change``
    points from the same region's figure for the period just before (module docstring).

    Only consecutive periods are compared: across a gap the move may be real. A figure that
    jumps and is followed by a jump back to within the bound of the figure before it is one
    wrong value: only that value is flagged, not the return to normal.
    """
    flags: list[Flag] = []
    for key in sorted(observations.series):
        s = observations.series[key]
        indicator = plan.indicator_by_id.get(s.indicator)
        if indicator is None or indicator.unit is not Unit.PERCENT:
            continue  # the bound is in percentage points
        limits = indicator.change_limits or ChangeLimits()
        default = plan.settings.max_quarterly_change
        # Quarters and years interleave in a series: look each figure's predecessor up.
        by_period = {o.period: o for o in s}
        back_to_normal: set[Period] = set()
        for o in s:
            before = by_period.get(o.period.previous())
            if before is None or o.period in back_to_normal:
                continue
            limit = limits.limit(o.period.quarter is not None, default)
            if abs(o.value - before.value) <= limit:
                continue
            flags.append(Flag("implausible-jump", o, before))
            after = by_period.get(_next(o.period))
            if after is not None and abs(after.value - before.value) <= limit:
                back_to_normal.add(after.period)
    return flags


def flagged_figures(observations: ObservationSet, plan: Plan) -> dict[FigureKey, Flag]:
    """Every figure a screen marks, by (region, indicator, period): the outlier screen's
    first, then the jumps it did not already flag. The assessment notes these figures
    wherever it uses them."""
    found: dict[FigureKey, Flag] = {}
    for flag in outlier_flags(observations, plan.settings.outlier_z):
        found.setdefault(flag.key, flag)
    for flag in jump_flags(observations, plan):
        found.setdefault(flag.key, flag)
    return found


@dataclass(frozen=True, slots=True)
class Screening:
    """The figures the screens flagged, and what they were found in: the reader's, kept for
    the assessment's notes so that the screens run once a check."""

    observations: ObservationSet
    #: The settings the screens read: the outlier threshold, the jump bound and the
    #: indicators measured in percent.
    bounds: tuple[object, ...]
    flags: dict[FigureKey, Flag]

    def flags_for(self, observations: ObservationSet, plan: Plan) -> dict[FigureKey, Flag] | None:
        """The flags, when found in these very observations under this plan's settings;
        None otherwise (the caller screens again)."""
        if observations is self.observations and self.bounds == _bounds(plan):
            return self.flags
        return None


def screen(observations: ObservationSet, plan: Plan) -> Screening:
    """:func:`flagged_figures`, with what they were found in."""
    return Screening(observations, _bounds(plan), flagged_figures(observations, plan))


def change_limit(plan: Plan, o: Observation) -> float:
    """How far ``o`` may move from the period before: its indicator's own limit for a
    quarter or a year (``Indicator.change_limits``), else ``settings.max_quarterly_change``."""
    indicator = plan.indicator_by_id.get(o.indicator)
    limits = (indicator.change_limits if indicator else None) or ChangeLimits()
    return limits.limit(o.period.quarter is not None, plan.settings.max_quarterly_change)


def _bounds(plan: Plan) -> tuple[object, ...]:
    percent = frozenset(i.id for i in plan.indicators if i.unit is Unit.PERCENT)
    own = tuple((i.id, i.change_limits) for i in plan.indicators if i.change_limits)
    return (plan.settings.outlier_z, plan.settings.max_quarterly_change, percent, own)


def outliers(
    observations: ObservationSet, threshold: float, sources: Sources | None = None
) -> list[Problem]:
    """A warning for each figure :func:`outlier_flags` finds, located at its row."""
    return [
        _outlier_problem(flag, threshold, sources)
        for flag in outlier_flags(observations, threshold)
    ]


def jumps(
    observations: ObservationSet,
    plan: Plan,
    sources: Sources | None = None,
    *,
    already: Collection[FigureKey] = (),
) -> list[Problem]:
    """A warning for each figure :func:`jump_flags` finds, except those in ``already``
    (flagged as outliers, with their own warning), located at its row."""
    return [
        _jump_problem(flag, plan, sources)
        for flag in jump_flags(observations, plan)
        if flag.key not in already
    ]


def _jump_problem(flag: Flag, plan: Plan, sources: Sources | None) -> Problem:
    o, before = flag.observation, flag.previous
    file, sheet = _locate(o, sources)
    return Problem(
        _(
            "implausible jump: {region} {indicator} {period} = {value:.4g}, {before} = "
            "{before_value:.4g}: a change of {change:+.3g} points, more than "
            "settings.max_quarterly_change ({limit:g}); check the figure (a typing error, "
            "or a boundary change to explain)",
            region=region_named(o.region, plan),
            indicator=o.indicator,
            period=o.period,
            value=o.value,
            before=before.period,
            before_value=before.value,
            change=flag.change,
            limit=change_limit(plan, o),
        ),
        file=file,
        line=o.line,
        severity=Severity.WARNING,
        code=Code.IMPLAUSIBLE_JUMP,
        sheet=sheet,
    )


def _outlier_problem(flag: Flag, threshold: float, sources: Sources | None) -> Problem:
    o = flag.observation
    file, sheet = _locate(o, sources)
    return Problem(
        _(
            "possible outlier: {region} {indicator} {period} = {value:.4g}, a change of "
            "{change:+.3g} from {before} (modified z-score {score:.1f} > {threshold:g})",
            region=o.region,
            indicator=o.indicator,
            period=o.period,
            value=o.value,
            change=flag.change,
            before=flag.previous.period,
            score=flag.score or 0.0,
            threshold=threshold,
        ),
        file=file,
        line=o.line,
        severity=Severity.WARNING,
        code=Code.OUTLIER,
        sheet=sheet,
    )


def _where(o: Observation, sources: Sources | None) -> str:
    file, _sheet = _locate(o, sources)
    return f"{file}:{o.line}" if file is not None and o.line is not None else str(file or "")


def denominator_jumps(
    observations: ObservationSet, plan: Plan, sources: Sources | None = None
) -> list[Problem]:
    """A warning for each figure whose denominator moves more than
    :data:`MAX_DENOMINATOR_CHANGE` from the same region's for the period just before (a
    quarter's from the quarter before, a year's from the year before), located at the
    later row and naming the earlier one."""
    problems: list[Problem] = []
    for key in sorted(observations.series):
        s = observations.series[key]
        by_period = {o.period: o for o in s if o.denominator}
        for o in by_period.values():
            before = by_period.get(o.period.previous())
            if before is None or o.denominator is None or before.denominator is None:
                continue
            change = o.denominator / before.denominator - 1
            if abs(change) <= MAX_DENOMINATOR_CHANGE:
                continue
            file, sheet = _locate(o, sources)
            message = _(
                "denominator jump: {region} {indicator} {period} has denominator "
                "{denominator:g}, {before} had {before_denominator:g} ({where}): a change of "
                "{change:+.0%}, more than {limit:.0%} in one period; another region's counts "
                "under this code, or a typing error?",
                region=region_named(o.region, plan),
                indicator=o.indicator,
                period=o.period,
                denominator=o.denominator,
                before=before.period,
                before_denominator=before.denominator,
                where=_where(before, sources),
                change=change,
                limit=MAX_DENOMINATOR_CHANGE,
            )
            problems.append(
                Problem(
                    message,
                    file=file,
                    line=o.line,
                    severity=Severity.WARNING,
                    code=Code.DENOMINATOR_JUMP,
                    sheet=sheet,
                )
            )
    return problems


def numerators_above_denominators(
    observations: ObservationSet, plan: Plan, sources: Sources | None = None
) -> list[Problem]:
    """A warning for each figure of a ``can_exceed_100: false`` indicator whose numerator
    is above its denominator, located at its row."""
    bounded = {i.id: i for i in plan.indicators if not i.can_exceed_100}
    problems: list[Problem] = []
    for (_region, indicator_id), s in sorted(observations.series.items()):
        indicator = bounded.get(indicator_id)
        if indicator is None:
            continue
        for o in s:
            if o.numerator is None or o.denominator is None:
                continue
            if not numerator_above(indicator, o.numerator, o.denominator):
                continue
            file, sheet = _locate(o, sources)
            message = _(
                "{region} {indicator} {period}: numerator {numerator:g} is above denominator "
                "{denominator:g} ({value:.4g} %), and this indicator cannot exceed 100 "
                "(can_exceed_100: false): counts of different groups, or numerator and "
                "denominator swapped?",
                region=region_named(o.region, plan),
                indicator=o.indicator,
                period=o.period,
                numerator=o.numerator,
                denominator=o.denominator,
                value=o.value,
            )
            problems.append(
                Problem(
                    message,
                    file=file,
                    line=o.line,
                    severity=Severity.WARNING,
                    code=Code.NUMERATOR_ABOVE_DENOMINATOR,
                    sheet=sheet,
                )
            )
    return problems
