"""The whole check: every indicator assessment, every standard, and a summary, as one result.

:func:`build_check` is pure (models in, a :class:`CheckResult` out). Loading files and
choosing defaults happen in :mod:`gl_plan.api` and the CLI.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from gl_plan.assess.aggregate import aggregate
from gl_plan.assess.indicators import (
    RED_STATUSES,
    IndicatorAssessment,
    Rag,
    Status,
    assess_indicators,
)
from gl_plan.assess.standards import StandardOutcome, StandardResult, assess_standards
from gl_plan.assess.tasks import TaskAssessment, task_summary
from gl_plan.data.observations import ObservationSet
from gl_plan.data.quality import FigureKey, Flag
from gl_plan.errors import Problem, Severity
from gl_plan.plan.models import Plan
from gl_plan.plan.targets import Attribute

#: The top-level keys of ``--format json`` (:meth:`CheckResult.to_json`), in order: the
#: model's fields. A contract for JSON users.
JSON_KEYS = (
    "as_of",
    "plan",
    "indicators",
    "standards",
    "tasks",
    "data_issues",
    "summary",
    "sources",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class PlanRef(_Frozen):
    """Which plan was checked and the thresholds used."""

    id: str
    title_zh: str
    title_en: str
    on_track_ratio: float
    acceleration_ratio: float


class Sources(_Frozen):
    """The files the check read, and whether they are the bundled sample."""

    plan: str | None = None
    data: list[str] = Field(default_factory=list)
    progress: str | None = None
    bundled: bool = False


class Counts(_Frozen):
    total: int
    by_status: dict[str, int]
    by_rag: dict[str, int]


class Summary(_Frozen):
    """Counts for a glance (and for ``--fail-on``)."""

    indicators: Counts
    #: Per target year (keys are years as text, for JSON).
    by_target_year: dict[str, Counts]
    #: For each target year and indicator, the regions behind (red status) at every level:
    #: the reporting regions first, then the regions above them, the root last; within a
    #: level the largest gap first (the gap below the target, or above it for a
    #: lower-is-better indicator).
    behind: dict[str, dict[str, list[str]]]
    standards: dict[str, int]
    data_issues: dict[str, int]
    tasks: dict[str, int] = Field(default_factory=dict)
    #: Per target year, the aspirational (力争) targets' figures: counted here and not in
    #: ``by_target_year`` or ``behind``, which hold the commitments. Absent when none.
    aspirational: dict[str, Counts] = Field(default_factory=dict, exclude_if=lambda v: not v)
    #: Per target year, the binding (约束性) targets' figures, a part of ``by_target_year``.
    binding: dict[str, Counts] = Field(default_factory=dict, exclude_if=lambda v: not v)


class CheckResult(_Frozen):
    """What ``glplan check`` reports; :meth:`to_json` is its ``--format json`` output."""

    as_of: date
    plan: PlanRef
    indicators: list[IndicatorAssessment]
    standards: list[StandardResult]
    tasks: list[TaskAssessment] = Field(default_factory=list)
    data_issues: list[dict[str, Any]] = Field(default_factory=list)
    summary: Summary
    sources: Sources = Field(default_factory=Sources)
    #: What the assessment read, the parent regions' computed series included; not a field,
    #: so not part of the JSON. Set by :func:`build_check`.
    _observations: ObservationSet = PrivateAttr(default_factory=ObservationSet)

    @property
    def observations(self) -> ObservationSet:
        """Every region's observations the check assessed, the parents' sum-over-sum series
        included (:func:`gl_plan.assess.aggregate.aggregate`): what the sparklines and the
        charts draw, without computing them again. Empty for a result read back from JSON.
        """
        return self._observations

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with exactly the keys in :data:`JSON_KEYS`."""
        data = self.model_dump(mode="json")
        return {key: data[key] for key in JSON_KEYS}

    def to_json_text(self) -> str:
        """``--format json``: the same document as :meth:`to_json`, as text."""
        return self.to_json_bytes().decode("utf-8")

    def to_json_bytes(self) -> bytes:
        """:meth:`to_json_text` encoded as UTF-8, serialised by pydantic straight from the
        models."""
        return self.__pydantic_serializer__.to_json(self, indent=2)


class FailOn(StrEnum):
    """``--fail-on`` levels: which findings make ``glplan check`` exit 1.

    Every level but ``never`` includes data errors, since an error means a figure was left
    out and the statuses may be wrong.
    """

    NEVER = "never"
    #: any data error (the default)
    ERROR = "error"
    #: any data error or warning
    WARNING = "warning"
    #: any indicator off track, deteriorating or missed (red), for any region
    OFF_TRACK = "off_track"
    #: the same, or any indicator that needs acceleration
    NEEDS_ACCELERATION = "needs_acceleration"
    #: any data error or overdue task
    OVERDUE = "overdue"


def findings(result: CheckResult, level: FailOn) -> dict[str, int]:
    """The findings that reach ``level``, counted by kind; empty when none do.

    Kinds: ``error`` and ``warning`` (data issues), ``red`` (indicators with a red status),
    ``needs_acceleration``, ``overdue`` (tasks).
    """
    if level is FailOn.NEVER:
        return {}
    issues = result.summary.data_issues
    counts: dict[str, int] = {"error": issues.get("error", 0)}
    if level is FailOn.WARNING:
        counts["warning"] = issues.get("warning", 0)
    committed = [a for a in result.indicators if not aspirational(a)]
    if level in (FailOn.OFF_TRACK, FailOn.NEEDS_ACCELERATION):
        counts["red"] = sum(1 for a in committed if a.status in RED_STATUSES)
    if level is FailOn.NEEDS_ACCELERATION:
        counts["needs_acceleration"] = sum(
            1 for a in committed if a.status is Status.NEEDS_ACCELERATION
        )
    if level is FailOn.OVERDUE:
        counts["overdue"] = sum(1 for t in result.tasks if t.status == "overdue")
    return {kind: n for kind, n in counts.items() if n}


def build_check(
    plan: Plan,
    observations: ObservationSet,
    as_of: date,
    *,
    data_issues: Sequence[Problem] = (),
    tasks: Sequence[TaskAssessment] = (),
    sources: Sources | None = None,
    flags: Mapping[FigureKey, Flag] | None = None,
) -> CheckResult:
    """Assess every region, indicator and target year, and every standard, as of ``as_of``.

    ``tasks`` are the task assessments (:func:`gl_plan.assess.tasks.assess_tasks`) to report
    beside the indicators. ``sources`` defaults to the files the observations name.
    ``flags`` are the figures the data-quality screens flagged when the data were read
    (found again when not given).
    """
    data = aggregate(plan, observations, flags)
    indicators = assess_indicators(plan, data, as_of)
    standards = assess_standards(plan, data, as_of)
    result = CheckResult(
        as_of=as_of,
        plan=PlanRef(
            id=plan.plan.id,
            title_zh=plan.plan.title.zh,
            title_en=plan.plan.title.en,
            on_track_ratio=plan.settings.on_track_ratio,
            acceleration_ratio=plan.settings.acceleration_ratio,
        ),
        indicators=indicators,
        standards=standards,
        tasks=list(tasks),
        data_issues=[p.to_dict() for p in data_issues],
        summary=summarise(indicators, standards, data_issues, tasks),
        sources=sources or Sources(data=_source_names(observations)),
    )
    result._observations = data.observations
    return result


def _source_names(observations: ObservationSet) -> list[str]:
    """The files the observations came from, each once, sorted."""
    return sorted({o.source for o in observations if o.source is not None})


def _counts(items: Iterable[IndicatorAssessment]) -> Counts:
    rows = list(items)
    statuses = Counter(a.status for a in rows)
    rags = Counter(a.rag for a in rows)
    return Counts(
        total=len(rows),
        by_status={s.value: statuses.get(s, 0) for s in Status},
        by_rag={r.value: rags.get(r, 0) for r in Rag},
    )


#: The order of the levels in a "behind" list: the reporting regions first, the root last,
#: as the tables show them.
_LEVEL_ORDER = {"county": 0, "group": 1, "city": 2}


def _behind_key(a: IndicatorAssessment) -> tuple[int, float, str]:
    """Sort key of a region behind: its level, then the largest shortfall first.

    A red status always has a gap on the wrong side of the target (below it, or above it
    for a lower-is-better indicator), so the size of the gap is the size of the problem
    whichever way the indicator runs.
    """
    return (_LEVEL_ORDER.get(a.region_level, 1), -abs(a.gap or 0.0), a.region)


def aspirational(a: IndicatorAssessment) -> bool:
    """A 力争 target's figure: reported, never counted among those behind."""
    return a.terms is not None and a.terms.aspirational


def _binding(a: IndicatorAssessment) -> bool:
    return a.terms is not None and a.terms.attribute is Attribute.BINDING


def summarise(
    indicators: Sequence[IndicatorAssessment],
    standards: Sequence[StandardResult],
    data_issues: Sequence[Problem],
    tasks: Sequence[TaskAssessment] = (),
) -> Summary:
    """Counts by status, RAG, year; who is behind; standards; data issues by severity."""
    by_year: dict[int, list[IndicatorAssessment]] = {}
    strived: dict[int, list[IndicatorAssessment]] = {}
    for a in indicators:
        (strived if aspirational(a) else by_year).setdefault(a.target_year, []).append(a)
    years = sorted(by_year)
    behind: dict[str, dict[str, list[str]]] = {}
    for year in years:
        # Every level is listed (a plan of one region, the nation, has only its root), the
        # last assessment of a region, indicator and year winning as a dict would keep it.
        red: dict[str, dict[str, IndicatorAssessment]] = {}
        for a in by_year[year]:
            rows = red.setdefault(a.indicator, {})
            if a.status in RED_STATUSES:
                rows[a.region] = a
            else:
                rows.pop(a.region, None)
        behind[str(year)] = {
            ind: [a.region for a in sorted(rows.values(), key=_behind_key)]
            for ind, rows in red.items()
        }
    outcomes = Counter(s.result for s in standards)
    severities = Counter(p.severity for p in data_issues)
    return Summary(
        indicators=_counts(indicators),
        by_target_year={str(y): _counts(by_year[y]) for y in years},
        behind=behind,
        standards={o.value: outcomes.get(o, 0) for o in StandardOutcome},
        data_issues={s.value: severities.get(s, 0) for s in Severity},
        tasks=task_summary(tasks) if tasks else {},
        aspirational={str(y): _counts(strived[y]) for y in sorted(strived)},
        binding={
            str(y): _counts(bound)
            for y in years
            if (bound := [a for a in by_year[y] if _binding(a)])
        },
    )
