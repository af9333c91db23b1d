"""``glplan data``: the normalised observations as the clean combined table analysts
otherwise build by hand, in every format the command writes.

JSON and CSV are data: region codes and indicator ids, the values as read (counts as
integers when whole: ``9850``, not ``9850.0``). The terminal table and Markdown are for
people: regions and indicators by their short names in the chosen language, the source
file by its name, values to 2 decimals. CSV and Markdown share the columns
(:data:`COLUMNS`), named like the JSON keys in English, with labels in Chinese in Markdown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from gl_plan.data.observations import ObservationSet
from gl_plan.data.read import DataResult
from gl_plan.i18n import Lang, _, pgettext
from gl_plan.numbers import format_number
from gl_plan.plan.models import Plan
from gl_plan.report.format import (
    column_names,
    csv_number,
    csv_text,
    indicator_name,
    md_table,
    md_text,
    region_name,
)

#: The texts once looked up as ``col.data_table.*``, by the rest of that key.
_COL_DATA_TABLE = {
    "region": _("region"),
    "code": _("code"),
    "period": _("period"),
    "indicator": pgettext("col.data_table.indicator", "indicator"),
    "value": _("value"),
    "numerator": _("num."),
    "denominator": _("den."),
    "source": pgettext("col.data_table.source", "source"),
}


__all__ = [
    "COLUMNS",
    "MARKDOWN_COLUMNS",
    "TABLE_COLUMNS",
    "observations_csv",
    "observations_document",
    "observations_markdown",
    "observations_table",
]

#: The columns of the CSV and the Markdown table: the JSON keys of an observation.
COLUMNS: Final = (
    "region",
    "period",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "source",
    "line",
)
#: The Markdown table's columns: the CSV's, so that the two never part.
MARKDOWN_COLUMNS: Final = COLUMNS
#: The columns of the terminal table (their headers are ``col.data_table.*`` texts).
TABLE_COLUMNS: Final = (
    "region",
    "code",
    "period",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "source",
)
#: Values are shown to 2 decimals in the table and Markdown (the CSV and JSON keep them).
DIGITS: Final = 2


def observations_document(result: DataResult) -> dict[str, Any]:
    """The JSON document: ``{"observations": [...], "issues": [...]}``, the observations
    ordered by region, indicator and period."""
    return {
        "observations": [o.to_dict() for o in result.observations],
        "issues": [p.to_dict() for p in result.issues],
    }


def observations_csv(observations: ObservationSet) -> str:
    """CSV text with a header; absent numerators and denominators are empty cells.

    Numbers stay numbers for the spreadsheet, as read (:func:`~gl_plan.report.format.
    csv_number`); text cells (region, indicator, source file) go through
    :func:`~gl_plan.report.format.csv_cell`, so that a file named ``=cmd.csv`` does not
    become a spreadsheet formula.
    """
    rows = [
        (
            o.region,
            str(o.period),
            o.indicator,
            csv_number(o.value),
            csv_number(o.numerator),
            csv_number(o.denominator),
            o.source or "",
            "" if o.line is None else o.line,
        )
        for o in observations
    ]
    return csv_text(COLUMNS, rows)


def _source(source: str | None, line: int | None) -> str:
    name = Path(source).name if source else ""
    return f"{name}:{line}" if name and line else name


def observations_table(observations: ObservationSet, plan: Plan, lang: Lang) -> RenderableType:
    """The observations as a rich table (or a line saying there are none)."""
    if not observations.series:
        return Text(_("no observations").text(lang))
    heads = [_COL_DATA_TABLE[key].text(lang) for key in TABLE_COLUMNS]
    table = Table(*heads, title=_("Indicator data").text(lang), box=box.SIMPLE_HEAD, pad_edge=False)
    for i, column in enumerate(table.columns):
        if i in (4, 5, 6):
            column.justify = "right"
        # Indicator names and file names wrap; the short columns stay whole.
        if i in (3, 7):
            column.overflow = "fold"
            column.min_width = 12
        else:
            column.no_wrap = True
    for o in observations:
        table.add_row(
            region_name(plan, o.region, lang),
            o.region,
            str(o.period),
            indicator_name(plan, o.indicator, lang),
            format_number(o.value, DIGITS),
            format_number(o.numerator),
            format_number(o.denominator),
            _source(o.source, o.line),
        )
    return table


def observations_markdown(observations: ObservationSet, plan: Plan, lang: Lang) -> str:
    """A Markdown section: a heading and one table row per observation."""
    lines = [("## " + md_text(_("Indicator data").text(lang))), ""]
    rows = [
        [
            region_name(plan, o.region, lang),
            str(o.period),
            indicator_name(plan, o.indicator, lang),
            format_number(o.value, DIGITS),
            format_number(o.numerator),
            format_number(o.denominator),
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
