"""Per-indicator rules that steer the data screens: how far a figure may move.

A county's enrollment rate hardly moves 3 points in a quarter, while a newly counted share
(普惠性幼儿园覆盖率 in its first years) moves 10 in a year by policy. One global bound
(``settings.max_quarterly_change``) cannot fit both, so an indicator may set its own, for a
quarter and for a year; what it leaves out falls back to the global setting.
"""

from __future__ import annotations

from pydantic import Field

from gl_plan.plan.base import Model


class ChangeLimits(Model):
    """Percentage points a figure may move from the same region's previous period."""

    quarter: float | None = Field(
        default=None, gt=0, description="From the previous quarter (default: the global setting)"
    )
    year: float | None = Field(
        default=None, gt=0, description="From the previous year (default: the global setting)"
    )

    def limit(self, quarterly: bool, default: float) -> float:
        """The bound for a quarter's figure (``quarterly``) or a year's."""
        own = self.quarter if quarterly else self.year
        return default if own is None else own
