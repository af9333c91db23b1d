"""Draft a plan file from a plan's text (``glplan draft``).

The steps, one module each: :mod:`.clean` (lines, page chrome), :mod:`.header` (title,
issuer, date, region, time limits in sentences), :mod:`.structure` (headings, actions,
tasks), :mod:`.goals` (targets in sentences and in the 主要指标 table), :mod:`.indicators`
(ids and units), :mod:`.emit` (YAML with comments) and :mod:`.build`, which runs them.
"""

from gl_plan.plan.draft.build import Draft, Unplaced, draft_plan

__all__ = ["Draft", "Unplaced", "draft_plan"]
