"""``glplan data --format markdown``: the normalised observations as a Markdown table.

Columns are named like the JSON keys (``region``, ``period``, ``indicator``, ``value``,
``numerator``, ``denominator``, ``source``, ``line``) in English, with labels in Chinese;
the cells give region and indicator by their short names in the chosen language (the
codes are in the JSON and CSV), and the source file by its name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from gl_plan.data.export import COLUMNS
from gl_plan.data.observations import ObservationSet
from gl_plan.i18n import Lang, _
from gl_plan.plan.models import Plan
from gl_plan.report.format import column_names, indicator_name, md_table, md_text, region_name

__all__ = ["MARKDOWN_COLUMNS", "observations_markdown"]

#: The CSV's columns (:data:`gl_plan.data.export.COLUMNS`), so that the two never part.
MARKDOWN_COLUMNS: Final = COLUMNS


def _count(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:g}"


def observations_markdown(observations: ObservationSet, plan: Plan, lang: Lang) -> str:
    """A Markdown section: a heading and one table row per observation (values to 2 d.p.)."""
    lines = [("## " + md_text(_("Indicator data").text(lang))), ""]
    rows = [
        [
            region_name(plan, o.region, lang),
            str(o.period),
            indicator_name(plan, o.indicator, lang),
            f"{o.value:.2f}",
            _count(o.numerator),
            _count(o.denominator),
            Path(o.source).name if o.source else "",
            "" if o.line is None else str(o.line),
        ]
        for o in observations
    ]
    if not rows:
        return "\n".join([*lines, md_text(_("No observations.").text(lang))]) + "\n"
    right = ("value", "numerator", "denominator", "line")
    lines += md_table(
        column_names("data_md", MARKDOWN_COLUMNS, lang),
        rows,
        right=column_names("data_md", right, lang),
    )
    return "\n".join(lines) + "\n"
