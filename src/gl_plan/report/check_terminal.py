"""``glplan check`` in the terminal: one table per target year, a trend table, then lines.

The table answers "which regions are behind on what, and by how much": the reporting
regions are rows in plan order (the root last, below a rule; with more levels, each group
of regions is followed by its parent's row, the children indented), and each goal
indicator has two columns: "value gap" (the gap to the target, in its RAG colour) and the
status, coloured green / amber / red (grey for no data) and always named in text, so it
reads the same without colour. Reporting regions with no figure at all are named on one
line under the table instead of filling it with dashes. Markers: ``!`` a figure to check
(it jumped or is an outlier, or a total includes one), ``*`` a figure older than the
latest period others reported, ``~`` a total computed from only some reporting regions
(footnotes name them). Under each table, one line per indicator names the regions behind
(red status) at every level, worst gap first, with their gaps.

Then a trend table: for each region and indicator, a sparkline of the last eight quarters
(``▁▂▃▄▅▆▇█``, scaled to the region's own range but never less than 2 points, so noise
stays flat) and the change over those quarters in points. It is a table of its own rather
than a column of the status tables because those already use the 80 columns; and it is
one table for both target years since the course of a figure does not depend on the
target. Then the national county standards, the red and amber tasks and the data-issue
counts. Everything fits 80 columns: short region names, a one-word key per indicator (the
line above each table gives the full names and targets), short English status labels (a
legend explains them).

Values and gaps are rounded here, to 1 decimal or as many as the target is written with,
and a gap that would round to zero gets more (``+0.04``); the result keeps them whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.box import Box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import IndicatorAssessment
from gl_plan.i18n import Lang, text
from gl_plan.plan.models import Plan
from gl_plan.report.check_summary import (
    attention_tasks,
    behind_lines,
    footnote_entries,
    gap_text,
    grid,
    indicator_keys,
    issues_line,
    no_data_regions,
    standard_lines,
    status_label,
    table_rows,
    target_years,
    value_marks,
    value_text,
    year_heading,
)
from gl_plan.report.format import display_name, fmt_gap, region_name
from gl_plan.report.tasks_view import summary_line, tasks_table
from gl_plan.report.trends import Trend, sparkline

__all__ = ["check_renderables", "render_check"]

_STYLE = {
    "red": "bold red",
    "amber": "yellow",
    "green": "green",
    "grey": "dim",
}

#: Like SIMPLE_HEAD, plus a rule where a section ends (above the city).
_RULE_BOX = Box("    \n    \n ── \n    \n ── \n ── \n    \n    \n")


class _Entries:
    """A heading and a list that wraps between entries, never inside one (``Lipu -9.0``)."""

    def __init__(self, head: str, items: list[str], sep: str, style: str) -> None:
        self.head, self.items, self.sep, self.style = head, items, sep, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line = self.head
        for i, item in enumerate(self.items):
            piece = item + (self.sep if i + 1 < len(self.items) else "")
            if cell_len(line) + cell_len(piece.rstrip()) > width and line.strip():
                yield Text(line.rstrip(), style=self.style)
                line = "  "
            line += piece
        yield Text(line.rstrip(), style=self.style)


def _styled(value: str, rag: str) -> Text:
    return Text(value, style=_STYLE.get(rag, ""))


def _value_cell(a: IndicatorAssessment) -> Text:
    """``94.5 -6.2``: the value plain (with its footnote marks), the gap in its RAG colour."""
    if a.value is None:
        return Text("—", style=_STYLE["grey"])
    cell = Text(value_text(a) + (value_marks(a) or " "))
    cell.append(f" {gap_text(a):>5}", style=_STYLE.get(a.rag.value, ""))
    return cell


def _region_rows(
    plan: Plan, regions: Sequence[str], levels: Mapping[str, str]
) -> list[tuple[str, int, bool]]:
    """Each region in table order (:func:`table_rows`), its indent, and whether a rule
    follows it: above the root, and under each group's subtotal row."""
    rows = table_rows(plan, regions)
    out = []
    for i, (region, indent) in enumerate(rows):
        following = levels[rows[i + 1][0]] if i + 1 < len(rows) else None
        end = following is not None and (
            following == "city" or (levels[region] == "group" and following != "group")
        )
        out.append((region, indent, end))
    return out


def _region_label(plan: Plan, code: str, level: str, indent: int, lang: Lang) -> Text:
    """A row label, indented by level; the regions above the reporting ones in bold."""
    label = "  " * indent + display_name(plan, code, lang)
    return Text(label, style="" if level == "county" else "bold")


def _year_table(result: CheckResult, plan: Plan, year: int, lang: Lang) -> RenderableType:
    """Reporting regions as rows, the root last below a line (with more levels, each group
    closed by its subtotal row); per indicator "value gap" and status."""
    indicators, regions, cells = grid(result, year)
    keys = indicator_keys(plan, indicators, lang)
    # The box's own column separator is the only space between columns: 80 columns fit.
    table = Table(box=_RULE_BOX, padding=(0, 0), show_edge=False)
    table.add_column(text("check.region", lang), no_wrap=True)
    for ind in indicators:
        head = f"{keys[ind]}\n{text('check.value_gap', lang)}"
        table.add_column(head, justify="right", no_wrap=True)
        table.add_column(f"\n{text('check.status', lang)}", no_wrap=True)
    hidden = set(no_data_regions(result, year))
    shown = [r for r in regions if r not in hidden]
    levels = {r: cells[(r, indicators[0])].region_level for r in shown}
    for region, indent, end in _region_rows(plan, shown, levels):
        row: list[RenderableType] = [_region_label(plan, region, levels[region], indent, lang)]
        for ind in indicators:
            a = cells[(region, ind)]
            row.append(_value_cell(a))
            row.append(_styled(status_label(a.status.value, lang, short=True), a.rag.value))
        table.add_row(*row, end_section=end)
    return table


def _trend_renderables(
    result: CheckResult, plan: Plan, lang: Lang, trends: Mapping[tuple[str, str], Trend]
) -> list[RenderableType]:
    """The sparkline table: regions as rows, per indicator the trend and the change."""
    years = target_years(result)
    if not trends or not years:
        return []
    indicators, regions, cells = grid(result, years[-1])
    shown = [r for r in regions if any((r, i) in trends for i in indicators)]
    if not shown:
        return []
    window = next(iter(trends.values())).periods
    keys = indicator_keys(plan, indicators, lang)
    table = Table(box=_RULE_BOX, padding=(0, 0), show_edge=False)
    table.add_column(text("check.region", lang), no_wrap=True)
    for ind in indicators:
        table.add_column(f"{keys[ind]}\n{text('check.trend_head', lang)}", no_wrap=True)
    levels = {r: cells[(r, indicators[0])].region_level for r in shown}
    for region, indent, end in _region_rows(plan, shown, levels):
        row: list[RenderableType] = [_region_label(plan, region, levels[region], indent, lang)]
        for ind in indicators:
            trend = trends.get((region, ind))
            if trend is None:
                row.append(Text("—", style=_STYLE["grey"]))
                continue
            row.append(Text(f"{sparkline(trend.values)} {fmt_gap(trend.change):>5}"))
        table.add_row(*row, end_section=end)
    title = text("check.trend_title", lang, first=window[0], last=window[-1])
    return [Text(title, style="bold"), table, Text("")]


def _task_renderables(result: CheckResult, lang: Lang) -> list[RenderableType]:
    out: list[RenderableType] = [Text("")]
    flagged = attention_tasks(result)
    if flagged:
        out.append(tasks_table(flagged, result.as_of, lang))
    out.append(Text(summary_line(result.tasks, result.as_of, lang)))
    out.append(Text(text("check.tasks_hint", lang), style="dim"))
    return out


def check_renderables(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    trends: Mapping[tuple[str, str], Trend] | None = None,
) -> list[RenderableType]:
    """Everything the terminal view prints, in order (tables and lines).

    ``trends`` (from :func:`gl_plan.report.trends.quarter_trends`) adds the sparkline
    table; without it the view has the status tables only.
    """
    out: list[RenderableType] = []
    sep = text("sep.list", lang)
    for year in target_years(result):
        out.append(Text(year_heading(result, plan, year, lang), style="bold"))
        out.append(_year_table(result, plan, year, lang))
        missing = [region_name(plan, r, lang) for r in no_data_regions(result, year)]
        if missing:
            out.append(_Entries(text("check.no_data_rows", lang), missing, sep, "dim"))
        for head, items in footnote_entries(result, plan, year, lang):
            out.append(_Entries(head, items, sep, "dim"))
        for head, items in behind_lines(result, plan, year, lang):
            out.append(_Entries(head, items, sep, "bold" if items else ""))
        out.append(Text(""))
    legend = text("check.legend", lang)
    if legend:
        out += [Text(legend, style="dim"), Text("")]
    out.extend(_trend_renderables(result, plan, lang, trends or {}))
    standards = standard_lines(result, plan, lang)
    if standards:
        out.append(Text(text("check.standards", lang), style="bold"))
        out.extend(Text("  " + line) for line in standards)
    if result.tasks:
        out.extend(_task_renderables(result, lang))
    out.append(Text(issues_line(result, lang)))
    return out


def render_check(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    console: Console,
    trends: Mapping[tuple[str, str], Trend] | None = None,
) -> None:
    """Print the terminal view to ``console``."""
    for item in check_renderables(result, plan, lang, trends):
        console.print(item)
