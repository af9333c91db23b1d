"""Figures that another file gives too: a corrected file resent beside the old one, and a
form's 上年同期数 column beside that period's own file.

**Corrections.** A county that finds a mistake resends the table under the same name with a
marker: ``…（更正）.xlsx``, ``…更正版``, ``…修订``, ``…_v2``. The rule: two files whose names
are equal once the marker is removed are one report, and the file with the marker (the
highest version) supersedes the other whole: its figures are used, the other's are not, a
note names both. Modification times are not used: copying a folder changes them.

**上年同期数.** A form's year-earlier column gives that period's figure only where no file
gives it (``origin: prior_year_column``); the period's own file supersedes it without a
conflict, with a note when the two differ by more than ``settings.rate_tolerance``. Such a
figure is kept out of the gap and jump screens (it is not a report of that period) but
compared year on year (:func:`year_on_year`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePath

from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.data.wording import joined
from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import _
from gl_plan.periods import Period
from gl_plan.plan.models import Plan, Unit

_MARKER = re.compile(
    r"[(\[【]?\s*(?:更正版?|修订版?|修正版?|更新版?)\s*[)\]】]?|[_\-\s]?v(\d+)$", re.I
)


def _family(file: str) -> tuple[str, int]:
    """A file name without its correction marker, and its version (0: the original)."""
    stem = unicodedata.normalize("NFKC", PurePath(file.split("[")[0]).stem)
    version = 0
    bare = stem
    for m in _MARKER.finditer(stem):
        version = max(version, int(m.group(1)) if m.group(1) else 1)
    bare = _MARKER.sub("", stem).strip()
    return bare, version


def supersede(
    observations: list[Observation], report: Callable[[Problem], None]
) -> list[Observation]:
    """``observations`` without those of files a correction supersedes; the corrections'
    figures carry the file they replace."""
    by_file: dict[str, str] = {}
    for o in observations:
        file = (o.source or "").split("[")[0]
        by_file.setdefault(file, file)
    families: dict[str, list[tuple[int, str]]] = {}
    for file in by_file:
        bare, version = _family(file)
        families.setdefault(str(PurePath(file).parent / bare), []).append((version, file))
    dropped: dict[str, str] = {}
    for members in families.values():
        if len(members) < 2:
            continue
        members.sort()
        latest = members[-1][1]
        for _version, file in members[:-1]:
            dropped[file] = latest
            report(
                Problem(
                    _(
                        "{file} is superseded by the corrected {by} (rule: a file whose "
                        "name adds a correction marker, 'corrected' or 'revised' in "
                        "Chinese or a version such as _v2, replaces the file of the same "
                        "name); its figures are not used",
                        file=file,
                        by=latest,
                    ),
                    file=file,
                    severity=Severity.INFO,
                    code=Code.DUPLICATE_ROW,
                )
            )
    if not dropped:
        return observations
    replaced = {by: old for old, by in dropped.items()}
    kept = []
    for o in observations:
        file = (o.source or "").split("[")[0]
        if file in dropped:
            continue
        kept.append(replace(o, supersedes=replaced[file]) if file in replaced else o)
    return kept


def with_prior_year(
    merged: ObservationSet,
    prior: Iterable[Observation],
    tolerance: float,
    report: Callable[[Problem], None],
) -> ObservationSet:
    """``merged`` with each year-earlier figure no file of its own period gives."""
    extra: list[Observation] = []
    for o in prior:
        series = merged.get(o.region, o.indicator)
        own = next((p for p in series or () if p.period == o.period), None)
        if own is None:
            if not any(
                e.region == o.region and e.indicator == o.indicator and e.period == o.period
                for e in extra
            ):
                extra.append(o)
            continue
        if abs(own.value - o.value) > tolerance:
            report(
                Problem(
                    _(
                        "{what}: {value:g} from the period's own file supersedes "
                        "{prior:g} in the year-earlier column of {other}",
                        what=_figure(o),
                        value=own.value,
                        prior=o.value,
                        other=_at(o),
                    ),
                    file=(own.source or "").split("[")[0] or None,
                    line=own.line,
                    severity=Severity.INFO,
                    code=Code.PREVIOUS_YEAR,
                )
            )
    if not extra:
        return merged
    return ObservationSet.from_observations([*merged, *extra])


def year_on_year(
    observations: ObservationSet, plan: Plan, report: Callable[[Problem], None]
) -> None:
    """A warning for each percent figure more than ``settings.max_quarterly_change`` points
    from the same region's figure of the same period a year earlier, from any file (a
    form's own 上年同期数 column included). The same threshold as the quarter-on-quarter
    screen: a county's enrolment rate does not move 3 points in a year without a data
    error, a boundary change or a cause the office should state."""
    limit = plan.settings.max_quarterly_change
    for series in observations.series.values():
        indicator = plan.indicator_by_id.get(series.indicator)
        if indicator is None or indicator.unit is not Unit.PERCENT:
            continue
        by_period = {o.period: o for o in series}
        for o in series:
            before = by_period.get(Period(o.period.year - 1, o.period.quarter))
            if before is None or abs(o.value - before.value) <= limit:
                continue
            report(
                Problem(
                    _(
                        "{what}: {value:g} is {change:+.1f} points from {before:g} a year "
                        "earlier ({period}, {where}), beyond {limit:g}; the value is "
                        "accepted, check the cause",
                        what=_figure(o),
                        value=o.value,
                        before=before.value,
                        period=before.period,
                        change=o.value - before.value,
                        limit=limit,
                        where=joined([_at(before)]),
                    ),
                    file=(o.source or "").split("[")[0] or None,
                    line=o.line,
                    severity=Severity.WARNING,
                    code=Code.IMPLAUSIBLE_JUMP,
                )
            )


def _figure(o: Observation) -> str:
    """A figure as a message names it: its region, indicator and period."""
    return f"{o.region} {o.indicator} {o.period}"


def _at(o: Observation) -> str:
    """Where a figure was read: its file and line."""
    return f"{o.source}:{o.line}"
