"""National county-level standards, reported as pass / fail.

The plan's ``standards`` list the thresholds (学前三年毛入园率 ≥ 85 % for 县域学前教育普及
普惠督导评估, for example) and the kinds of region each applies to. Each region of such a
kind is judged on its latest value of the standard's indicator whose period has ended by
``as_of``: ``pass``, ``fail``, or ``no_data`` when it has none.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from gl_plan.assess.aggregate import Aggregated
from gl_plan.assess.indicators import latest_point
from gl_plan.data.observations import ObservationSet
from gl_plan.plan.models import Plan


class StandardOutcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NO_DATA = "no_data"


class StandardResult(BaseModel):
    """One region against one national standard."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    region: str
    standard: str
    indicator: str
    threshold: float
    comparison: Literal["at_least", "at_most"]
    value: float | None = None
    period: str | None = None
    result: StandardOutcome


def assess_standards(
    plan: Plan, data: Aggregated | ObservationSet, as_of: date
) -> list[StandardResult]:
    """Every (region, standard) pair where the standard applies to the region's kind.

    Standards in plan order; regions in plan order within each.
    """
    observations = data.observations if isinstance(data, Aggregated) else data
    out: list[StandardResult] = []
    for std in plan.standards:
        kinds = set(std.applies_to)
        for region in plan.regions:
            if region.kind not in kinds:
                continue
            latest = latest_point(observations.get(region.code, std.indicator), as_of)
            if latest is not None:
                outcome = StandardOutcome.PASS if std.passes(latest.value) else StandardOutcome.FAIL
                value: float | None = latest.value
                period: str | None = str(latest.period)
            else:
                outcome, value, period = StandardOutcome.NO_DATA, None, None
            out.append(
                StandardResult(
                    region=region.code,
                    standard=std.id,
                    indicator=std.indicator,
                    threshold=float(std.threshold),
                    comparison=std.comparison,
                    value=value,
                    period=period,
                    result=outcome,
                )
            )
    return out
