"""The quarter's submissions at a glance: for each region, which files gave its figures,
which figures are missing, which files a correction superseded, and each file's problems.

DHIS2 calls it reporting completeness: the reports expected for a period against those
received. What is expected of a region is what any region reported for the period (as
:func:`~gl_plan.data.quality.check_completeness` has it): an indicator asked once a year is
not missing from a quarter. Pure: the files' modification times are passed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.data.problems import MORE_PROBLEMS
from gl_plan.data.sources import FileInfo
from gl_plan.data.values import region_from_name
from gl_plan.errors import Problem, Severity
from gl_plan.i18n import Msg
from gl_plan.periods import Period
from gl_plan.plan.models import Plan


@dataclass(frozen=True)
class FileStatus:
    """One file read: its problems and whether a correction superseded it."""

    file: str
    modified: datetime | None
    errors: int
    warnings: int
    regions: tuple[str, ...] = ()
    superseded_by: str | None = None
    refused: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "modified": self.modified.isoformat(timespec="seconds") if self.modified else None,
            "regions": list(self.regions),
            "errors": self.errors,
            "warnings": self.warnings,
            "superseded_by": self.superseded_by,
            "refused": self.refused,
        }


@dataclass(frozen=True)
class RegionStatus:
    """One reporting region for the period: the files its figures came from, the figures
    expected but not received, and the rates received without their counts."""

    region: str
    files: tuple[str, ...]
    missing: tuple[str, ...]
    without_counts: tuple[str, ...] = ()
    superseded: tuple[str, ...] = ()

    @property
    def sent_nothing(self) -> bool:
        return not self.files

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "sent": not self.sent_nothing,
            "files": list(self.files),
            "missing": list(self.missing),
            "without_counts": list(self.without_counts),
            "superseded": list(self.superseded),
        }


@dataclass(frozen=True)
class Submissions:
    """Every reporting region (those that sent nothing first) and every file."""

    period: Period | None
    expected: tuple[str, ...]
    regions: list[RegionStatus] = field(default_factory=list)
    files: list[FileStatus] = field(default_factory=list)

    @property
    def not_sent(self) -> list[str]:
        return [r.region for r in self.regions if r.sent_nothing]

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": None if self.period is None else str(self.period),
            "expected": list(self.expected),
            "not_sent": self.not_sent,
            "regions": [r.to_dict() for r in self.regions],
            "files": [f.to_dict() for f in self.files],
        }


def file_of(o: Observation) -> str:
    """The file an observation came from (its source without the ``[sheet]``)."""
    source = o.source or ""
    return source[: source.rindex("[")] if source.endswith("]") and "[" in source else source


def submissions(
    plan: Plan,
    observations: ObservationSet,
    issues: Sequence[Problem],
    files: Sequence[FileInfo],
    *,
    period: Period | None = None,
    modified: Mapping[str, datetime] | None = None,
    refused: Sequence[str] = (),
) -> Submissions:
    """Who sent what for ``period`` (default: the latest period in the data)."""
    period = period if period is not None else observations.latest_period()
    modified = modified or {}
    received: dict[str, dict[str, Observation]] = {}
    for o in observations:
        if period is not None and o.period == period:
            received.setdefault(o.region, {})[o.indicator] = o
    reported = {ind for figures in received.values() for ind in figures}
    expected = tuple(i.id for i in plan.indicators if i.id in reported)
    superseded: dict[str, list[str]] = {}
    by_file: dict[str, list[FileInfo]] = {}
    for info in files:
        by_file.setdefault(info.path, []).append(info)
        if info.superseded_by and info.region and info.period == str(period):
            superseded.setdefault(info.region, []).append(info.path)
    regions: list[RegionStatus] = []
    for leaf in plan.leaves():
        figures = received.get(leaf.code, {})
        regions.append(
            RegionStatus(
                leaf.code,
                tuple(dict.fromkeys(file_of(o) for o in figures.values())),
                tuple(ind for ind in expected if ind not in figures),
                tuple(
                    ind
                    for ind in expected
                    if ind in figures
                    and not figures[ind].has_counts
                    and plan.indicator_by_id[ind].unit.scale is not None
                ),
                tuple(superseded.get(leaf.code, ())),
            )
        )
    regions.sort(key=lambda r: not r.sent_nothing)  # stable: plan order within each
    return Submissions(period, expected, regions, _files(issues, by_file, modified, refused))


def weight(p: Problem) -> int:
    """How many problems ``p`` stands for: the line "... and 12 more" stands for 12."""
    m = p.message
    if isinstance(m, Msg) and m.message == MORE_PROBLEMS.message:
        n = dict(m.values).get("n")
        return n if isinstance(n, int) else 1
    return 1


def _files(
    issues: Sequence[Problem],
    by_file: Mapping[str, Sequence[FileInfo]],
    modified: Mapping[str, datetime],
    refused: Sequence[str],
) -> list[FileStatus]:
    counts: dict[str, list[int]] = {}
    for p in issues:
        if p.file is not None:
            tally = counts.setdefault(p.file, [0, 0])
            if p.severity is Severity.ERROR:
                tally[0] += weight(p)
            elif p.severity is Severity.WARNING:
                tally[1] += weight(p)
    names = list(dict.fromkeys([*by_file, *(f for f in counts if f not in by_file)]))
    out = []
    for name in names:
        infos = by_file.get(name, ())
        errors, warnings = counts.get(name, [0, 0])
        regions = tuple(dict.fromkeys(i.region for i in infos if i.region))
        newer = next((i.superseded_by for i in infos if i.superseded_by), None)
        out.append(
            FileStatus(name, modified.get(name), errors, warnings, regions, newer, name in refused)
        )
    return out


def files_with_problems(issues: Sequence[Problem]) -> list[tuple[str, int, int]]:
    """(file, errors, warnings) of each file with an error or a warning, in the order the
    problems are listed; what ``check`` prints instead of every problem."""
    counts: dict[str, list[int]] = {}
    for p in issues:
        if p.file is None or p.severity is Severity.INFO:
            continue
        tally = counts.setdefault(p.file, [0, 0])
        tally[0 if p.severity is Severity.ERROR else 1] += weight(p)
    return [(file, e, w) for file, (e, w) in counts.items()]


def problems_touching(
    plan: Plan,
    observations: ObservationSet,
    issues: Sequence[Problem],
    files: Sequence[FileInfo],
    region: str,
    indicator: str,
) -> list[Problem]:
    """The problems that touch one region's figures of one indicator: those of the files
    its figures came from, of the files named for it (``450321_阳朔县.csv``: a rejected row
    leaves no figure to point to its file) or that carry its template, and, in a file of
    several regions, at a line that gave one of its figures."""
    series = observations.get(region, indicator)
    used = {file_of(o) for o in series} if series is not None else set()
    lines = {(file_of(o), o.line) for o in series} if series is not None else set()
    own = set(used)
    for info in files:
        if info.region == region or region_from_name(_name(info.path), plan) == region:
            own.add(info.path)
    shared = {f for f in used if any(i.path == f and i.region not in (None, region) for i in files)}
    return [
        p for p in issues if p.file in own and (p.file not in shared or (p.file, p.line) in lines)
    ]


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
