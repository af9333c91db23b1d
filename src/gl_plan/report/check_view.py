"""``glplan check`` for people: one table per target year, a trend table, Markdown, or CSV.

The terminal table answers "which counties are behind on what, and by how much": counties
are rows in plan order (the city last, below a rule), and each goal indicator has two
columns: "value gap" (the gap to the target in percentage points, in its RAG colour) and
the status, coloured green / amber / red (grey for no data) and always named in text, so
it reads the same without colour. Counties with no figure at all are named on one line
under the table instead of filling it with dashes. Markers: ``*`` a figure older than the
latest period others reported, ``~`` a city figure computed from only some counties
(footnotes name them). Under each table, one line per indicator names the counties behind
(red status), worst gap first, with their gaps.

Then a trend table: for each region and indicator, a sparkline of the last eight quarters
(``▁▂▃▄▅▆▇█``, scaled to the region's own range but never less than 2 points, so noise
stays flat) and the change over those quarters in points. It is a table of its own rather
than a column of the status tables because those already use the 80 columns; and it is
one table for both target years since the course of a figure does not depend on the
target. Then the national county standards, the red and amber tasks and the data-issue
counts. Everything fits 80 columns: short region names, a one-word key per indicator (the
line above each table gives the full names and targets), short English status labels (a
legend explains them).

Markdown and CSV name their columns like the JSON keys (``region``, ``indicator``,
``period``, ``value``, ``gap``, ``status``, ``rag``, ...); Markdown has one table per
target year and indicator, with names and statuses in the chosen language, CSV one row
per region × indicator × target year, with codes.

Numbers are rounded here and only here (values and gaps to 1 decimal in the table and
Markdown, 3 in CSV); JSON keeps them whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import IndicatorAssessment, Status
from gl_plan.assess.standards import StandardOutcome
from gl_plan.assess.tasks import TaskAssessment
from gl_plan.i18n import Lang, label
from gl_plan.plan.models import Plan
from gl_plan.report.format import (
    display_name,
    fmt_gap,
    fmt_num,
    fmt_target,
    indicator_name,
    md_table,
    region_name,
)
from gl_plan.report.trends import Trend, sparkline

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.text import Text

__all__ = [
    "CSV_COLUMNS",
    "MARKDOWN_COLUMNS",
    "attention_tasks",
    "behind_lines",
    "check_csv",
    "check_markdown",
    "check_renderables",
    "footnote_entries",
    "footnotes",
    "grid",
    "issues_line",
    "no_data_regions",
    "render_check",
    "standard_lines",
    "status_label",
    "target_of",
    "target_years",
    "text",
    "year_is_over",
    "year_title",
]

_TEXT: Final[dict[str, tuple[str, str]]] = {
    "region": ("地区", "Region"),
    "gap": ("差距", "gap"),
    "status": ("状态", "status"),
    "value_gap": ("数值 差距", "value  gap"),
    "title_ahead": ("{year}年目标(截至 {as_of})", "{year} targets, as of {as_of}"),
    "title_over": (
        "{year}年目标:该年已结束,按当年最后一期数据判定",
        "{year} targets: the year is over, met or missed on its last figure",
    ),
    "heading_ahead": (
        "{year}年目标(截至 {as_of}):{targets}",
        "{year} targets, as of {as_of}: {targets}",
    ),
    "heading_over": (
        "{year}年目标(该年已结束,按当年最后一期数据判定):{targets}",
        "{year} targets (the year is over: met or missed on its last figure): {targets}",
    ),
    "indicator_target": ("{name}:目标 {target}", "{name}: target {target}"),
    "behind": ("{name}落后(目标 {target}):", "Behind on {name} (target {target}): "),
    "missed": ("{name}未实现(目标 {target}):", "Missed {name} (target {target}): "),
    "none_missed": ("各县区{name}均已实现或无数据。", "No county missed {name}."),
    "no_county_data": ("各县区均无{name}数据。", "No county has data on {name}."),
    "none_behind": ("各县区{name}均未落后。", "No county is behind on {name}."),
    "no_data_rows": ("无数据:", "No data: "),
    "older": ("* 非最新一期数据:", "* older figure: "),
    "partial": (
        "~ {name}仅由 {reporting}/{expected} 个县区的分子分母汇总(缺 ",
        "~ {name}: summed from {reporting} of {expected} counties (no counts from ",
    ),
    "trend_title": (
        "近八个季度走势({first}–{last}),及期间变化(百分点)",
        "Last eight quarters ({first}–{last}) and the change over them, in points",
    ),
    "trend_head": ("走势      变化", "trend   change"),
    "standards": ("国家县域标准(最新一期)", "National county standards (latest figures)"),
    "standard_line": (
        "{name} {op} {threshold}:{passed} 个达标,{failed} 个未达标{failing},{missing} 个无数据",
        "{name} {op} {threshold}: {passed} pass, {failed} fail{failing}, {missing} no data",
    ),
    "issues": (
        "数据问题:{error} 个错误,{warning} 个警告,{info} 个提示",
        "Data issues: {error} error{s_error}, {warning} warning{s_warning}, {info} note{s_info}",
    ),
    "issues_hint": (
        "(用 glplan validate --data 查看详情)",
        " (glplan validate --data lists them)",
    ),
    "legend": (
        "",
        "speed up = needs acceleration; falling = deteriorating; "
        "no trend = no two figures a year apart",
    ),
    "tasks_hint": (
        "红、黄任务见上表;全部任务:glplan tasks",
        "Red and amber tasks above; all tasks: glplan tasks",
    ),
    "tasks_hint_md": (
        "红、黄任务见上表;全部任务:`glplan tasks`",
        "Red and amber tasks above; all tasks: `glplan tasks`",
    ),
    "heading": ("{title}:评估结果(截至 {as_of})", "{title}: check as of {as_of}"),
    "summary": ("汇总", "Summary"),
}

#: English labels short enough for the 80-column table; Chinese labels are short already.
_SHORT_EN: Final[dict[str, str]] = {
    "needs_acceleration": "speed up",
    "deteriorating": "falling",
    "insufficient_data": "no trend",
}

_STYLE: Final[dict[str, str]] = {
    "red": "bold red",
    "amber": "yellow",
    "green": "green",
    "grey": "dim",
}

CSV_COLUMNS: Final = (
    "region",
    "region_name",
    "region_level",
    "indicator",
    "target_year",
    "target",
    "period",
    "value",
    "gap",
    "status",
    "rag",
    "baseline_period",
    "baseline_value",
    "baseline_source",
    "growth_method",
    "observed_growth",
    "required_growth",
    "ratio",
    "projected",
    "projected_gap",
    "path_value",
    "path_gap",
    "coverage_reporting",
    "coverage_expected",
    "coverage_missing",
    "notes",
)

#: The columns of each Markdown table (one per target year and indicator).
MARKDOWN_COLUMNS: Final = ("region", "period", "value", "gap", "projected", "status", "rag")


def text(key: str, lang: Lang, **values: object) -> str:
    """One of this module's phrases in ``lang``, filled in."""
    zh, en = _TEXT[key]
    return (zh if lang == "zh" else en).format(**values)


_t = text


def status_label(status: str, lang: Lang, *, short: bool = False) -> str:
    """A status for people; ``short`` gives the table's English abbreviations."""
    if short and lang == "en" and status in _SHORT_EN:
        return _SHORT_EN[status]
    return label(status, lang)


def _indicator_keys(plan: Plan, ids: Sequence[str], lang: Lang) -> dict[str, str]:
    """A one-word column key per indicator (学前, Preschool), unless two would clash."""
    names = {i: indicator_name(plan, i, lang) for i in ids}
    keys = {i: (n[:2] if lang == "zh" else n.split()[0]) for i, n in names.items()}
    if len(set(keys.values())) < len(keys):
        return names
    return keys


def target_years(result: CheckResult) -> list[int]:
    """The target years assessed, in order."""
    return sorted({a.target_year for a in result.indicators})


Grid = dict[tuple[str, str], IndicatorAssessment]


def grid(result: CheckResult, year: int) -> tuple[list[str], list[str], Grid]:
    """A target year's indicators and regions (in plan order) and the assessment per pair."""
    rows = [a for a in result.indicators if a.target_year == year]
    indicators = list(dict.fromkeys(a.indicator for a in rows))
    regions = list(dict.fromkeys(a.region for a in rows))
    return indicators, regions, {(a.region, a.indicator): a for a in rows}


def year_is_over(result: CheckResult, year: int) -> bool:
    """Whether the target year ended before the as-of date (a verdict, not a trend)."""
    return result.as_of.year > year


def target_of(cells: Grid, indicator: str) -> float:
    """The target of ``indicator`` in a target year's grid."""
    return next(a.target for (_, i), a in cells.items() if i == indicator)


def year_title(result: CheckResult, year: int, lang: Lang) -> str:
    """``2025 targets, as of 2025-10-15`` (or that the year is over)."""
    key = "title_over" if year_is_over(result, year) else "title_ahead"
    return _t(key, lang, year=year, as_of=result.as_of.isoformat())


def no_data_regions(result: CheckResult, year: int) -> list[str]:
    """Counties with no figure for any indicator of the target year, in plan order."""
    indicators, regions, cells = grid(result, year)
    return [
        r
        for r in regions
        if cells[(r, indicators[0])].region_level == "county"
        and all(cells[(r, i)].status is Status.NO_DATA for i in indicators)
    ]


def behind_lines(
    result: CheckResult, plan: Plan, year: int, lang: Lang
) -> list[tuple[str, list[str]]]:
    """Per indicator, a heading and the counties behind (red), worst gap first."""
    indicators, _, cells = grid(result, year)
    behind = result.summary.behind.get(str(year), {})
    lines: list[tuple[str, list[str]]] = []
    for ind in indicators:
        name = indicator_name(plan, ind, lang)
        codes = behind.get(ind, [])
        over = year_is_over(result, year)
        county_rows = [
            a for a in cells.values() if a.indicator == ind and a.region_level == "county"
        ]
        if county_rows and all(a.status is Status.NO_DATA for a in county_rows):
            lines.append((_t("no_county_data", lang, name=name), []))
            continue
        if not codes:
            lines.append((_t("none_missed" if over else "none_behind", lang, name=name), []))
            continue
        items = [f"{region_name(plan, c, lang)} {fmt_gap(cells[(c, ind)].gap)}" for c in codes]
        target = fmt_target(target_of(cells, ind))
        lines.append((_t("missed" if over else "behind", lang, name=name, target=target), items))
    return lines


def _sep(lang: Lang) -> str:
    return "," if lang == "zh" else ", "


class _Entries:
    """A heading and a list that wraps between entries, never inside one (``Lipu -9.0``)."""

    def __init__(self, head: str, items: list[str], sep: str, style: str) -> None:
        self.head, self.items, self.sep, self.style = head, items, sep, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.text import Text

        width = options.max_width
        line = self.head
        for i, item in enumerate(self.items):
            piece = item + (self.sep if i + 1 < len(self.items) else "")
            if cell_len(line) + cell_len(piece.rstrip()) > width and line.strip():
                yield Text(line.rstrip(), style=self.style)
                line = "  "
            line += piece
        yield Text(line.rstrip(), style=self.style)


def footnote_entries(
    result: CheckResult, plan: Plan, year: int, lang: Lang
) -> list[tuple[str, list[str]]]:
    """Footnotes as a heading and a list: figures older than the latest period, and the
    totals computed from only some counties (with the indicators named when the totals
    of one region differ in coverage)."""
    indicators, _, cells = grid(result, year)
    keys = _indicator_keys(plan, indicators, lang)
    # dicts as ordered sets: one entry per region even when several indicators share it
    older: dict[str, None] = {}
    partial: dict[tuple[str, int, int, tuple[str, ...]], list[str]] = {}
    for a in cells.values():
        if "older_period" in a.notes:
            older[f"{display_name(plan, a.region, lang)} {a.period}"] = None
        cov = a.coverage
        if cov is not None and cov.partial:
            key = (a.region, cov.reporting, cov.expected, tuple(cov.missing))
            partial.setdefault(key, []).append(keys[a.indicator])
    out = [(_t("older", lang), list(older))] if older else []
    per_region: dict[str, int] = {}
    for region, *_ in partial:
        per_region[region] = per_region.get(region, 0) + 1
    for (region, reporting, expected, missing), names in partial.items():
        name = display_name(plan, region, lang)
        if per_region[region] > 1:
            name += f"({'、'.join(names)})" if lang == "zh" else f" ({', '.join(names)})"
        head = _t("partial", lang, name=name, reporting=reporting, expected=expected)
        items = [region_name(plan, c, lang) for c in missing]
        out.append((head, [*items[:-1], items[-1] + ")"] if items else [")"]))
    return out


def footnotes(result: CheckResult, plan: Plan, year: int, lang: Lang) -> list[str]:
    """:func:`footnote_entries` as lines of text."""
    sep = _sep(lang)
    return [head + sep.join(items) for head, items in footnote_entries(result, plan, year, lang)]


def standard_lines(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    """One line per national county standard: how many counties pass, fail, have no data."""
    sep = _sep(lang)
    lines = []
    for std in plan.standards:
        rows = [s for s in result.standards if s.standard == std.id]
        if not rows:
            continue
        failing = [s for s in rows if s.result is StandardOutcome.FAIL]
        failing.sort(key=lambda s: (s.value if s.value is not None else 0.0, s.region))
        detail = ""
        if failing:
            names = sep.join(
                f"{region_name(plan, s.region, lang)} {fmt_num(s.value)}" for s in failing
            )
            detail = f"({names})" if lang == "zh" else f" ({names})"
        lines.append(
            _t(
                "standard_line",
                lang,
                name=indicator_name(plan, std.indicator, lang),
                op="≥" if std.comparison == "at_least" else "≤",
                threshold=fmt_target(std.threshold),
                passed=sum(1 for s in rows if s.result is StandardOutcome.PASS),
                failed=len(failing),
                failing=detail,
                missing=sum(1 for s in rows if s.result is StandardOutcome.NO_DATA),
            )
        )
    return lines


def issues_line(result: CheckResult, lang: Lang, *, hint: bool = True) -> str:
    """``Data issues: 0 errors, 13 warnings, 0 notes``."""
    counts = result.summary.data_issues
    plurals = {f"s_{k}": "" if n == 1 else "s" for k, n in counts.items()}
    line = _t("issues", lang, **counts, **plurals)
    if hint and any(counts.values()):
        line += _t("issues_hint", lang)
    return line


def attention_tasks(result: CheckResult) -> list[TaskAssessment]:
    """The tasks a reader of the check must see: red or amber, worst first."""
    from gl_plan.assess.tasks import attention_order

    return [t for t in attention_order(result.tasks) if t.rag != "green"]


# --- terminal ---------------------------------------------------------------------------------


def _styled(value: str, rag: str) -> Text:
    from rich.text import Text

    return Text(value, style=_STYLE.get(rag, ""))


def _value_cell(a: IndicatorAssessment) -> Text:
    """``94.5 -6.2``: the value plain (with a footnote marker), the gap in its RAG colour."""
    from rich.text import Text

    if a.value is None:
        return Text("—", style=_STYLE["grey"])
    marker = " "
    if "older_period" in a.notes:
        marker = "*"
    elif a.coverage is not None and a.coverage.partial:
        marker = "~"
    cell = Text(fmt_num(a.value) + marker)
    cell.append(f" {fmt_gap(a.gap):>5}", style=_STYLE.get(a.rag.value, ""))
    return cell


def _rule_box() -> Box:
    from rich.box import Box

    # Like SIMPLE_HEAD, plus a rule where a section ends (above the city).
    return Box("    \n    \n ── \n    \n ── \n ── \n    \n    \n")


def _region_rows(regions: Sequence[str], levels: Mapping[str, str]) -> list[tuple[str, bool]]:
    """Each region and whether a rule follows it (the last county above the city)."""
    rows = []
    for i, region in enumerate(regions):
        next_level = levels[regions[i + 1]] if i + 1 < len(regions) else None
        end = levels[region] == "county" and next_level is not None and next_level != "county"
        rows.append((region, end))
    return rows


def _region_label(plan: Plan, code: str, level: str, lang: Lang) -> Text:
    """A row label; the regions above the counties in bold."""
    from rich.text import Text

    return Text(display_name(plan, code, lang), style="" if level == "county" else "bold")


def _year_table(result: CheckResult, plan: Plan, year: int, lang: Lang) -> RenderableType:
    """Counties as rows, the city last below a line; per indicator "value gap" and status."""
    from rich.table import Table

    indicators, regions, cells = grid(result, year)
    keys = _indicator_keys(plan, indicators, lang)
    # The box's own column separator is the only space between columns: 80 columns fit.
    table = Table(box=_rule_box(), padding=(0, 0), show_edge=False)
    table.add_column(_t("region", lang), no_wrap=True)
    for ind in indicators:
        table.add_column(f"{keys[ind]}\n{_t('value_gap', lang)}", justify="right", no_wrap=True)
        table.add_column(f"\n{_t('status', lang)}", no_wrap=True)
    hidden = set(no_data_regions(result, year))
    shown = [r for r in regions if r not in hidden]
    levels = {r: cells[(r, indicators[0])].region_level for r in shown}
    for region, end in _region_rows(shown, levels):
        row: list[RenderableType] = [_region_label(plan, region, levels[region], lang)]
        for ind in indicators:
            a = cells[(region, ind)]
            row.append(_value_cell(a))
            row.append(_styled(status_label(a.status.value, lang, short=True), a.rag.value))
        table.add_row(*row, end_section=end)
    return table


def _heading(result: CheckResult, plan: Plan, year: int, lang: Lang) -> str:
    indicators, _, cells = grid(result, year)
    targets = " · ".join(
        f"{indicator_name(plan, i, lang)} {fmt_target(target_of(cells, i))}" for i in indicators
    )
    key = "heading_over" if year_is_over(result, year) else "heading_ahead"
    return _t(key, lang, year=year, as_of=result.as_of.isoformat(), targets=targets)


def _trend_renderables(
    result: CheckResult, plan: Plan, lang: Lang, trends: Mapping[tuple[str, str], Trend]
) -> list[RenderableType]:
    """The sparkline table: regions as rows, per indicator the trend and the change."""
    from rich.table import Table
    from rich.text import Text

    years = target_years(result)
    if not trends or not years:
        return []
    indicators, regions, cells = grid(result, years[-1])
    shown = [r for r in regions if any((r, i) in trends for i in indicators)]
    if not shown:
        return []
    window = next(iter(trends.values())).periods
    keys = _indicator_keys(plan, indicators, lang)
    table = Table(box=_rule_box(), padding=(0, 0), show_edge=False)
    table.add_column(_t("region", lang), no_wrap=True)
    for ind in indicators:
        table.add_column(f"{keys[ind]}\n{_t('trend_head', lang)}", no_wrap=True)
    levels = {r: cells[(r, indicators[0])].region_level for r in shown}
    for region, end in _region_rows(shown, levels):
        row: list[RenderableType] = [_region_label(plan, region, levels[region], lang)]
        for ind in indicators:
            trend = trends.get((region, ind))
            if trend is None:
                row.append(Text("—", style=_STYLE["grey"]))
                continue
            row.append(Text(f"{sparkline(trend.values)} {fmt_gap(trend.change):>5}"))
        table.add_row(*row, end_section=end)
    title = _t("trend_title", lang, first=window[0], last=window[-1])
    return [Text(title, style="bold"), table, Text("")]


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
    from rich.text import Text

    out: list[RenderableType] = []
    sep = _sep(lang)
    for year in target_years(result):
        out.append(Text(_heading(result, plan, year, lang), style="bold"))
        out.append(_year_table(result, plan, year, lang))
        missing = [region_name(plan, r, lang) for r in no_data_regions(result, year)]
        if missing:
            out.append(_Entries(_t("no_data_rows", lang), missing, sep, "dim"))
        for head, items in footnote_entries(result, plan, year, lang):
            out.append(_Entries(head, items, sep, "dim"))
        for head, items in behind_lines(result, plan, year, lang):
            out.append(_Entries(head, items, sep, "bold" if items else ""))
        out.append(Text(""))
    if lang == "en":
        out += [Text(_t("legend", lang), style="dim"), Text("")]
    out.extend(_trend_renderables(result, plan, lang, trends or {}))
    standards = standard_lines(result, plan, lang)
    if standards:
        out.append(Text(_t("standards", lang), style="bold"))
        out.extend(Text("  " + line) for line in standards)
    if result.tasks:
        out.extend(_task_renderables(result, lang))
    out.append(Text(issues_line(result, lang)))
    return out


def _task_renderables(result: CheckResult, lang: Lang) -> list[RenderableType]:
    from rich.text import Text

    from gl_plan.report.tasks_view import summary_line, tasks_table

    out: list[RenderableType] = [Text("")]
    flagged = attention_tasks(result)
    if flagged:
        out.append(tasks_table(flagged, result.as_of, lang))
    out.append(Text(summary_line(result.tasks, result.as_of, lang)))
    out.append(Text(_t("tasks_hint", lang), style="dim"))
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


# --- Markdown and CSV ---------------------------------------------------------------------------


def _md_value(a: IndicatorAssessment) -> str:
    value = fmt_num(a.value)
    if a.coverage is not None and a.coverage.partial:
        value += " ~"
    return value


def _md_year(result: CheckResult, plan: Plan, year: int, lang: Lang) -> list[str]:
    indicators, regions, cells = grid(result, year)
    hidden = no_data_regions(result, year)
    sep = _sep(lang)
    lines = [f"## {year_title(result, year, lang)}", ""]
    for ind in indicators:
        name = indicator_name(plan, ind, lang)
        target = fmt_target(target_of(cells, ind))
        lines += [f"### {_t('indicator_target', lang, name=name, target=target)}", ""]
        rows = []
        for region in regions:
            if region in hidden:
                continue
            a = cells[(region, ind)]
            shown = display_name(plan, region, lang)
            rows.append(
                [
                    shown if a.region_level == "county" else f"**{shown}**",
                    a.period or "—",
                    _md_value(a),
                    fmt_gap(a.gap),
                    fmt_num(a.projected) if a.projected is not None else "",
                    status_label(a.status.value, lang),
                    label(a.rag.value, lang),
                ]
            )
        lines += md_table(MARKDOWN_COLUMNS, rows, right=("value", "gap", "projected"))
        lines.append("")
    if hidden:
        names = sep.join(region_name(plan, r, lang) for r in hidden)
        lines.append(f"- {_t('no_data_rows', lang)}{names}")
    # The period column shows older figures; only the partial totals need a note.
    lines += [f"- {line}" for line in footnotes(result, plan, year, lang) if line[0] != "*"]
    lines += [
        f"- {head}{sep.join(items)}" for head, items in behind_lines(result, plan, year, lang)
    ]
    lines.append("")
    return lines


def check_markdown(result: CheckResult, plan: Plan, lang: Lang) -> str:
    """A Markdown report: per target year and indicator a table, who is behind, standards,
    the red and amber tasks, data issues."""
    lines = [
        "# " + _t("heading", lang, title=plan.plan.title.get(lang), as_of=result.as_of),
        "",
    ]
    for year in target_years(result):
        lines += _md_year(result, plan, year, lang)
    standards = standard_lines(result, plan, lang)
    if standards:
        lines += [f"## {_t('standards', lang)}", ""]
        lines += [f"- {line}" for line in standards]
        lines.append("")
    if result.tasks:
        from gl_plan.report.tasks_view import tasks_markdown

        section = tasks_markdown(
            attention_tasks(result), result.as_of, lang, summary_of=result.tasks
        )
        lines += [section.rstrip("\n"), ""]
        lines += [f"- {_t('tasks_hint_md', lang)}", ""]
    lines += [f"## {_t('summary', lang)}", "", f"- {issues_line(result, lang)}"]
    return "\n".join(lines) + "\n"


def _csv_num(value: float | None, digits: int) -> str:
    return "" if value is None else str(round(value, digits))


def check_csv(result: CheckResult, plan: Plan, lang: Lang) -> str:
    """One row per region × indicator × target year; codes (``off_track``), not labels."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in result.indicators:
        cov = a.coverage
        writer.writerow(
            [
                a.region,
                region_name(plan, a.region, lang),
                a.region_level,
                a.indicator,
                a.target_year,
                fmt_target(a.target),
                a.period or "",
                _csv_num(a.value, 3),
                _csv_num(a.gap, 3),
                a.status.value,
                a.rag.value,
                a.baseline_period or "",
                _csv_num(a.baseline_value, 3),
                a.baseline_source or "",
                a.growth_method or "",
                _csv_num(a.observed_growth, 5),
                _csv_num(a.required_growth, 5),
                _csv_num(a.ratio, 3),
                _csv_num(a.projected, 3),
                _csv_num(a.projected_gap, 3),
                _csv_num(a.path_value, 3),
                _csv_num(a.path_gap, 3),
                "" if cov is None else cov.reporting,
                "" if cov is None else cov.expected,
                "" if cov is None else " ".join(cov.missing),
                ";".join(a.notes),
            ]
        )
    return out.getvalue()
