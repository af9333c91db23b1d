"""``glplan check`` for people: one table per target year, Markdown, or CSV.

The terminal table answers "which counties are behind on what, and by how much": counties
are rows in plan order (the city last, below a rule), and each goal indicator has two
columns: "value gap" (the gap to the target in percentage points, in its RAG colour) and
the status, coloured green / amber / red (grey for no data) and always named in text, so
it reads the same without colour. Markers: ``*`` a figure older than the latest period
others reported, ``~`` a city figure computed from only some counties (footnotes name
them). Under each table, one line per indicator names the counties behind (red status),
worst gap first, with their gaps. Then the national county standards and the data-issue
counts. It fits 80 columns: short region names, a one-word key per indicator (the line
above the table gives the full names and targets), short English status labels (a legend
explains them).

Numbers are rounded here and only here (values and gaps to 1 decimal in the table and
Markdown, 3 in CSV); JSON keeps them whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import IndicatorAssessment, Status
from gl_plan.assess.standards import StandardOutcome
from gl_plan.assess.tasks import TaskAssessment
from gl_plan.i18n import Lang, label
from gl_plan.plan.models import Plan

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.text import Text

__all__ = [
    "CSV_COLUMNS",
    "check_csv",
    "check_markdown",
    "check_renderables",
    "render_check",
    "status_label",
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
    "behind": ("{name}落后(目标 {target}):", "Behind on {name} (target {target}): "),
    "missed": ("{name}未实现(目标 {target}):", "Missed {name} (target {target}): "),
    "none_missed": ("各县区{name}均已实现或无数据。", "No county missed {name}."),
    "no_county_data": ("各县区均无{name}数据。", "No county has data on {name}."),
    "none_behind": ("各县区{name}均未落后。", "No county is behind on {name}."),
    "older": ("* 非最新一期数据:", "* older figure: "),
    "partial": (
        "~ {name}仅由 {reporting}/{expected} 个县区汇总(缺 {missing})",
        "~ {name}: from {reporting} of {expected} counties (missing {missing})",
    ),
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


def _t(key: str, lang: Lang, **values: object) -> str:
    zh, en = _TEXT[key]
    return (zh if lang == "zh" else en).format(**values)


def status_label(status: str, lang: Lang, *, short: bool = False) -> str:
    """A status for people; ``short`` gives the table's English abbreviations."""
    if short and lang == "en" and status in _SHORT_EN:
        return _SHORT_EN[status]
    return label(status, lang)


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _gap(value: float | None) -> str:
    # The sign survives rounding: -0.0 is short of the target, +0.0 at or past it.
    if value is None:
        return ""
    return "0.0" if value == 0 else f"{value:+.1f}"


def _target(value: float) -> str:
    return f"{value:g}"


def _region_name(plan: Plan, code: str, lang: Lang) -> str:
    region = plan.region_by_code.get(code)
    return region.short.get(lang) if region else code


def _display_name(plan: Plan, code: str, lang: Lang) -> str:
    """The short name; the city by its full name in Chinese (桂林市 rather than 桂林)."""
    region = plan.region_by_code.get(code)
    if region is None:
        return code
    if lang == "zh" and region.kind == "city":
        return region.name.zh
    return region.short.get(lang)


def _region_label(plan: Plan, code: str, level: str, lang: Lang) -> Text:
    """A row label; the regions above the counties in bold."""
    from rich.text import Text

    return Text(_display_name(plan, code, lang), style="" if level == "county" else "bold")


def _indicator_name(plan: Plan, indicator_id: str, lang: Lang) -> str:
    ind = plan.indicator_by_id.get(indicator_id)
    if ind is None:
        return indicator_id
    return (ind.short or ind.name).get(lang)


def _indicator_keys(plan: Plan, ids: Sequence[str], lang: Lang) -> dict[str, str]:
    """A one-word column key per indicator (学前, Preschool), unless two would clash."""
    names = {i: _indicator_name(plan, i, lang) for i in ids}
    keys = {i: (n[:2] if lang == "zh" else n.split()[0]) for i, n in names.items()}
    if len(set(keys.values())) < len(keys):
        return names
    return keys


def _years(result: CheckResult) -> list[int]:
    return sorted({a.target_year for a in result.indicators})


def _grid(
    result: CheckResult, year: int
) -> tuple[list[str], list[str], dict[tuple[str, str], IndicatorAssessment]]:
    rows = [a for a in result.indicators if a.target_year == year]
    indicators = list(dict.fromkeys(a.indicator for a in rows))
    regions = list(dict.fromkeys(a.region for a in rows))
    return indicators, regions, {(a.region, a.indicator): a for a in rows}


def _over(result: CheckResult, year: int) -> bool:
    return result.as_of.year > year


def _behind_lines(
    result: CheckResult, plan: Plan, year: int, lang: Lang
) -> list[tuple[str, list[str]]]:
    """Per indicator, a heading and the counties behind (red), worst gap first."""
    indicators, _, cells = _grid(result, year)
    behind = result.summary.behind.get(str(year), {})
    lines: list[tuple[str, list[str]]] = []
    for ind in indicators:
        name = _indicator_name(plan, ind, lang)
        codes = behind.get(ind, [])
        over = _over(result, year)
        county_rows = [
            a for a in cells.values() if a.indicator == ind and a.region_level == "county"
        ]
        if county_rows and all(a.status is Status.NO_DATA for a in county_rows):
            lines.append((_t("no_county_data", lang, name=name), []))
            continue
        if not codes:
            lines.append((_t("none_missed" if over else "none_behind", lang, name=name), []))
            continue
        items = [f"{_region_name(plan, c, lang)} {_gap(cells[(c, ind)].gap)}" for c in codes]
        target = _target(_cells_target(cells, ind))
        lines.append((_t("missed" if over else "behind", lang, name=name, target=target), items))
    return lines


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


def _footnotes(result: CheckResult, plan: Plan, year: int, lang: Lang) -> list[str]:
    """Which figures are older than the latest period, which totals are partial."""
    _, _, cells = _grid(result, year)
    sep = "," if lang == "zh" else ", "
    # dicts as ordered sets: one line per region even when several indicators share it
    older: dict[str, None] = {}
    partial: dict[str, None] = {}
    for a in cells.values():
        name = _display_name(plan, a.region, lang)
        if "older_period" in a.notes:
            older[f"{name} {a.period}"] = None
        if a.coverage is not None and a.coverage.partial:
            missing = sep.join(_region_name(plan, c, lang) for c in a.coverage.missing)
            text = _t(
                "partial",
                lang,
                name=name,
                reporting=a.coverage.reporting,
                expected=a.coverage.expected,
                missing=missing,
            )
            partial[text] = None
    lines = [_t("older", lang) + sep.join(older)] if older else []
    return lines + list(partial)


def _standard_lines(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    sep = "," if lang == "zh" else ", "
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
                f"{_region_name(plan, s.region, lang)} {_num(s.value)}" for s in failing
            )
            detail = f"({names})" if lang == "zh" else f" ({names})"
        lines.append(
            _t(
                "standard_line",
                lang,
                name=_indicator_name(plan, std.indicator, lang),
                op="≥" if std.comparison == "at_least" else "≤",
                threshold=_target(std.threshold),
                passed=sum(1 for s in rows if s.result is StandardOutcome.PASS),
                failed=len(failing),
                failing=detail,
                missing=sum(1 for s in rows if s.result is StandardOutcome.NO_DATA),
            )
        )
    return lines


def _issues_line(result: CheckResult, lang: Lang) -> str:
    counts = result.summary.data_issues
    plurals = {f"s_{k}": "" if n == 1 else "s" for k, n in counts.items()}
    line = _t("issues", lang, **counts, **plurals)
    if any(counts.values()):
        line += _t("issues_hint", lang)
    return line


# --- terminal ---------------------------------------------------------------------------------


def _styled(text: str, rag: str) -> Text:
    from rich.text import Text

    return Text(text, style=_STYLE.get(rag, ""))


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
    cell = Text(_num(a.value) + marker)
    cell.append(f" {_gap(a.gap):>5}", style=_STYLE.get(a.rag.value, ""))
    return cell


def _year_table(result: CheckResult, plan: Plan, year: int, lang: Lang) -> RenderableType:
    """Counties as rows, the city last below a line; per indicator "value gap" and status."""
    from rich import box
    from rich.table import Table

    indicators, regions, cells = _grid(result, year)
    keys = _indicator_keys(plan, indicators, lang)
    # The box's own column separator is the only space between columns: 80 columns fit.
    # Like SIMPLE_HEAD, plus a rule where a section ends (above the city).
    rule = box.Box("    \n    \n ── \n    \n ── \n ── \n    \n    \n")
    table = Table(box=rule, padding=(0, 0), show_edge=False)
    table.add_column(_t("region", lang), no_wrap=True)
    for ind in indicators:
        table.add_column(f"{keys[ind]}\n{_t('value_gap', lang)}", justify="right", no_wrap=True)
        table.add_column(f"\n{_t('status', lang)}", no_wrap=True)
    levels = {r: cells[(r, indicators[0])].region_level for r in regions}
    for i, region in enumerate(regions):
        row: list[RenderableType] = [_region_label(plan, region, levels[region], lang)]
        for ind in indicators:
            a = cells[(region, ind)]
            row.append(_value_cell(a))
            row.append(_styled(status_label(a.status.value, lang, short=True), a.rag.value))
        next_level = levels[regions[i + 1]] if i + 1 < len(regions) else None
        # The first region above the counties starts a section of its own.
        end = levels[region] == "county" and next_level is not None and next_level != "county"
        table.add_row(*row, end_section=end)
    return table


def _heading(result: CheckResult, plan: Plan, year: int, lang: Lang) -> str:
    indicators, _, cells = _grid(result, year)
    sep = " · "
    targets = sep.join(
        f"{_indicator_name(plan, i, lang)} {_target(_cells_target(cells, i))}" for i in indicators
    )
    key = "heading_over" if _over(result, year) else "heading_ahead"
    return _t(key, lang, year=year, as_of=result.as_of.isoformat(), targets=targets)


def check_renderables(result: CheckResult, plan: Plan, lang: Lang) -> list[RenderableType]:
    """Everything the terminal view prints, in order (tables and lines)."""
    from rich.text import Text

    out: list[RenderableType] = []
    for year in _years(result):
        out.append(Text(_heading(result, plan, year, lang), style="bold"))
        out.append(_year_table(result, plan, year, lang))
        for line in _footnotes(result, plan, year, lang):
            out.append(Text(line, style="dim"))
        sep = "," if lang == "zh" else ", "
        for head, items in _behind_lines(result, plan, year, lang):
            out.append(_Entries(head, items, sep, "bold" if items else ""))
        out.append(Text(""))
    if lang == "en":
        out.append(Text(_t("legend", lang), style="dim"))
    standards = _standard_lines(result, plan, lang)
    if standards:
        out.append(Text(_t("standards", lang), style="bold"))
        out.extend(Text("  " + line) for line in standards)
    if result.tasks:
        out.extend(_task_renderables(result, lang))
    out.append(Text(_issues_line(result, lang)))
    return out


def attention_tasks(result: CheckResult) -> list[TaskAssessment]:
    """The tasks a reader of the check must see: red or amber, worst first."""
    from gl_plan.assess.tasks import attention_order

    return [t for t in attention_order(result.tasks) if t.rag != "green"]


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


def _cells_target(cells: dict[tuple[str, str], IndicatorAssessment], indicator: str) -> float:
    return next(a.target for (_, i), a in cells.items() if i == indicator)


def render_check(result: CheckResult, plan: Plan, lang: Lang, console: Console) -> None:
    """Print the terminal view to ``console``."""
    for item in check_renderables(result, plan, lang):
        console.print(item)


# --- Markdown and CSV ---------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def check_markdown(result: CheckResult, plan: Plan, lang: Lang) -> str:
    """A Markdown report: one table per target year, who is behind, standards, issues."""
    lines = [
        "# " + _t("heading", lang, title=plan.plan.title.get(lang), as_of=result.as_of),
        "",
    ]
    for year in _years(result):
        indicators, regions, cells = _grid(result, year)
        title = _t(
            "title_over" if _over(result, year) else "title_ahead",
            lang,
            year=year,
            as_of=result.as_of.isoformat(),
        )
        lines += [f"## {title}", ""]
        head = [_t("region", lang)]
        align = ["---"]
        for ind in indicators:
            name = _indicator_name(plan, ind, lang)
            head += [
                f"{name} ({_target(_cells_target(cells, ind))})",
                _t("gap", lang),
                _t("status", lang),
            ]
            align += ["---:", "---:", "---"]
        lines.append("| " + " | ".join(_md_cell(h) for h in head) + " |")
        lines.append("|" + "|".join(align) + "|")
        for region in regions:
            first = cells[(region, indicators[0])]
            name = _display_name(plan, region, lang)
            if first.region_level != "county":
                name = f"**{name}**"
            row = [name]
            for ind in indicators:
                a = cells[(region, ind)]
                value = _num(a.value)
                if a.period is not None and "older_period" in a.notes:
                    value += f" ({a.period})"
                if a.coverage is not None and a.coverage.partial:
                    value += " ~"
                row += [value, _gap(a.gap), status_label(a.status.value, lang)]
            lines.append("| " + " | ".join(_md_cell(c) for c in row) + " |")
        lines.append("")
        # Cells name an older figure's period; only the partial totals need a note.
        notes = _footnotes(result, plan, year, lang)
        lines += [f"- {line}" for line in notes if not line.startswith("*")]
        sep = "," if lang == "zh" else ", "
        lines += [
            f"- {head}{sep.join(items)}" for head, items in _behind_lines(result, plan, year, lang)
        ]
        lines.append("")
    standards = _standard_lines(result, plan, lang)
    if standards:
        lines += [f"## {_t('standards', lang)}", ""]
        lines += [f"- {line}" for line in standards]
        lines.append("")
    if result.tasks:
        from gl_plan.report.tasks_view import tasks_markdown

        lines += [tasks_markdown(attention_tasks(result), result.as_of, lang).rstrip("\n"), ""]
        lines += [f"- {_t('tasks_hint', lang)}", ""]
    lines += [f"## {_t('summary', lang)}", "", f"- {_issues_line(result, lang)}"]
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
                _region_name(plan, a.region, lang),
                a.region_level,
                a.indicator,
                a.target_year,
                _target(a.target),
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
