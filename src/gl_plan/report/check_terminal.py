"""``glplan check`` in the terminal: a headline, one table per target year, a trend table,
then lines; or, in a terminal, what fits one screen (:func:`screen_renderables`).

The headline comes first (:func:`gl_plan.report.check_summary.headline`): per target year
how many figures are red and where, the tasks overdue and due soon, the data issues.

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

from collections.abc import Callable, Mapping, Sequence
from typing import Final

from rich.box import Box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from gl_plan.assess.check import CheckResult
from gl_plan.assess.compare import Comparison
from gl_plan.assess.indicators import IndicatorAssessment, Rag
from gl_plan.assess.tasks import TaskAssessment
from gl_plan.i18n import Lang, _, ngettext
from gl_plan.i18n.labels import abbreviated, label
from gl_plan.plan.models import Plan
from gl_plan.report.changes_view import changes_lines
from gl_plan.report.check_summary import (
    Grid,
    attention_tasks,
    behind_lines,
    footnote_entries,
    gap_text,
    grid,
    headline,
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
    year_is_over,
)
from gl_plan.report.format import display_name, fmt_gap, region_name
from gl_plan.report.safe_text import cell, clean
from gl_plan.report.tasks_view import summary_line, tasks_table
from gl_plan.report.trends import Trend, sparkline

__all__ = ["check_renderables", "headline_renderables", "render_check", "screen_renderables"]

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
                yield cell(line.rstrip(), style=self.style)
                line = "  "
            line += piece
        yield cell(line.rstrip(), style=self.style)


def _styled(value: str, rag: str) -> Text:
    return cell(value, style=_STYLE.get(rag, ""))


def _value_cell(a: IndicatorAssessment) -> Text:
    """``94.5 -6.2``: the value plain (with its footnote marks), the gap in its RAG colour."""
    if a.value is None:
        return cell("—", style=_STYLE["grey"])
    value = cell(value_text(a) + (value_marks(a) or " "))
    value.append(f" {gap_text(a):>5}", style=_STYLE.get(a.rag.value, ""))
    return value


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
    name = "  " * indent + display_name(plan, code, lang)
    return cell(name, style="" if level == "county" else "bold")


def _year_table(
    result: CheckResult,
    plan: Plan,
    year: int,
    lang: Lang,
    rows: Sequence[tuple[str, int, bool]] | None = None,
) -> RenderableType:
    """Reporting regions as rows, the root last below a line (with more levels, each group
    closed by its subtotal row); per indicator "value gap" and status. ``rows`` (region,
    indent, rule after it) replaces that order, for the one-screen view."""
    indicators, regions, cells = grid(result, year)
    keys = indicator_keys(plan, indicators, lang)
    # The box's own column separator is the only space between columns: 80 columns fit.
    table = Table(box=_RULE_BOX, padding=(0, 0), show_edge=False)
    table.add_column(_("Region").text(lang), no_wrap=True)
    for ind in indicators:
        head = f"{keys[ind]}\n" + _("value  gap").text(lang)
        table.add_column(head, justify="right", no_wrap=True)
        table.add_column(("\n" + _("status").text(lang)), no_wrap=True)
    levels = {r: cells[(r, indicators[0])].region_level for r in regions}
    if rows is None:
        hidden = set(no_data_regions(result, year))
        rows = _region_rows(plan, [r for r in regions if r not in hidden], levels)
    for region, indent, end in rows:
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
    table.add_column(_("Region").text(lang), no_wrap=True)
    for ind in indicators:
        table.add_column((f"{keys[ind]}\n" + _("trend   change").text(lang)), no_wrap=True)
    levels = {r: cells[(r, indicators[0])].region_level for r in shown}
    for region, indent, end in _region_rows(plan, shown, levels):
        row: list[RenderableType] = [_region_label(plan, region, levels[region], indent, lang)]
        for ind in indicators:
            trend = trends.get((region, ind))
            if trend is None:
                row.append(cell("—", style=_STYLE["grey"]))
                continue
            row.append(cell(f"{sparkline(trend.values)} {fmt_gap(trend.change):>5}"))
        table.add_row(*row, end_section=end)
    title = _(
        "Last eight quarters ({first}–{last}) and the change over them, in points",
        first=window[0],
        last=window[-1],
    ).text(lang)
    return [cell(title, style="bold"), table, cell("")]


def _task_renderables(result: CheckResult, lang: Lang) -> list[RenderableType]:
    out: list[RenderableType] = [cell("")]
    flagged = attention_tasks(result)
    if flagged:
        out.append(tasks_table(flagged, result.as_of, lang))
    out.append(cell(summary_line(result.tasks, result.as_of, lang)))
    out.append(
        cell(_("Red and amber tasks above; all tasks: glplan tasks").text(lang), style="dim")
    )
    return out


def _changes_block(
    comparison: Comparison, plan: Plan, lang: Lang, limit: int | None = None
) -> list[RenderableType]:
    """The "since DATE" section: heading, counts, then (at most ``limit``) changes, each
    indented as a block so that a wrapped line stays under its own start."""
    heading, lines = changes_lines(comparison, plan, lang)
    out: list[RenderableType] = [cell(heading, style="bold"), cell(lines[0])]
    return out + [Padding(cell(line), (0, 0, 0, 2)) for line in lines[1:][:limit]]


def headline_renderables(result: CheckResult, plan: Plan, lang: Lang) -> list[RenderableType]:
    """The headline: its title, its lines as a list (a wrapped line stays under its own
    start), and a blank line."""
    title, lines = headline(result, plan, lang)
    points = Table.grid(padding=(0, 1, 0, 0))
    points.add_column(no_wrap=True)
    points.add_column(overflow="fold")
    for line in lines:
        points.add_row(cell("  -"), cell(line))
    return [cell(title, style="bold"), points, cell("")]


def _status_block(status: Sequence[str]) -> list[RenderableType]:
    if not status:
        return []
    head, *rest = status
    return [Text(head, style="bold"), *(Text("  " + line) for line in rest), Text("")]


def check_renderables(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    trends: Mapping[tuple[str, str], Trend] | None = None,
    *,
    comparison: Comparison | None = None,
    status: Sequence[str] = (),
) -> list[RenderableType]:
    """Everything the terminal view prints, in order (tables and lines): the headline,
    who sent what (``status``, from :mod:`gl_plan.report.status_view`), what changed since
    ``comparison``'s date (``--compare-to``), then the detail.

    ``trends`` (from :func:`gl_plan.report.trends.quarter_trends`) adds the sparkline
    table; without it the view has the status tables only.
    """
    out: list[RenderableType] = headline_renderables(result, plan, lang)
    out += _status_block(status)
    if comparison is not None:
        out += [*_changes_block(comparison, plan, lang), cell("")]
    sep = _(", ").text(lang)
    for year in target_years(result):
        out.append(cell(year_heading(result, plan, year, lang), style="bold"))
        out.append(_year_table(result, plan, year, lang))
        missing = [region_name(plan, r, lang) for r in no_data_regions(result, year)]
        if missing:
            out.append(_Entries(_("No data: ").text(lang), missing, sep, "dim"))
        for head, items in footnote_entries(result, plan, year, lang):
            out.append(_Entries(head, items, sep, "dim"))
        for head, items in behind_lines(result, plan, year, lang):
            out.append(_Entries(head, items, sep, "bold" if items else ""))
        out.append(cell(""))
    if abbreviated(lang):
        legend = _(
            "speed up = needs acceleration; falling = deteriorating; no trend = no two figures "
            "a year apart"
        )
        out += [cell(legend.text(lang), style="dim"), cell("")]
    out.extend(_trend_renderables(result, plan, lang, trends or {}))
    standards = standard_lines(result, plan, lang)
    if standards:
        out.append(cell(_("National county standards (latest figures)").text(lang), style="bold"))
        out.extend(cell("  " + line) for line in standards)
    if result.tasks:
        out.extend(_task_renderables(result, lang))
    out.append(cell(issues_line(result, lang)))
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


# --- one screen ----------------------------------------------------------------------------

#: Lines kept free under the view for the shell's prompt, so that the headline stays on
#: the screen after the command returns.
PROMPT_LINES: Final = 1


def _height(console: Console, items: Sequence[RenderableType]) -> int:
    """How many lines ``items`` take on ``console``."""
    options = console.options
    return sum(len(console.render_lines(item, options, pad=False)) for item in items)


def _screen_year(result: CheckResult) -> int | None:
    """The target year the one-screen view shows: the nearest one still ahead, else the
    last."""
    years = target_years(result)
    ahead = [y for y in years if not year_is_over(result, y)]
    return ahead[0] if ahead else (years[-1] if years else None)


def _worst_first(cells: Grid, indicators: Sequence[str], regions: Sequence[str]) -> list[str]:
    """The regions with a red or amber status, the most red first, then the most amber,
    then the largest red gaps (in points), then plan order."""

    def key(pair: tuple[int, str]) -> tuple[int, int, float, int]:
        i, region = pair
        rows = [cells[(region, ind)] for ind in indicators]
        red = [a for a in rows if a.rag is Rag.RED]
        amber = sum(1 for a in rows if a.rag is Rag.AMBER)
        return (-len(red), -amber, -sum(abs(a.gap or 0.0) for a in red), i)

    flagged = [
        (i, r)
        for i, r in enumerate(regions)
        if any(cells[(r, ind)].rag in (Rag.RED, Rag.AMBER) for ind in indicators)
    ]
    return [r for _, r in sorted(flagged, key=key)]


def _task_lines(items: Sequence[TaskAssessment], lang: Lang) -> list[RenderableType]:
    """One line per task, cut at the screen's edge: id, colour, how late or how soon (or
    the status), title."""

    def when(item: TaskAssessment) -> str:
        if item.days_left is not None and item.status in ("overdue", "due_soon"):
            if item.days_left < 0:
                return _("{n} d late", n=-item.days_left).text(lang)
            return _("{n} d left", n=item.days_left).text(lang)
        return label(item.status).text(lang)

    cols = [(clean(t.id), label(t.rag).text(lang), when(t)) for t in items]
    widths = [max((cell_len(c[k]) for c in cols), default=0) for k in range(3)]
    out: list[RenderableType] = []
    for item, cells in zip(items, cols, strict=True):
        line = Text(no_wrap=True, overflow="ellipsis")
        for k, part in enumerate(cells):
            style = _STYLE.get(item.rag, "") if k else ""
            line.append(part + " " * (widths[k] - cell_len(part) + 2), style=style)
        line.append(clean(item.title.get(lang)))
        out.append(Padding(line, (0, 0, 0, 2)))
    return out


def _task_part(
    tasks: Sequence[TaskAssessment], lang: Lang
) -> Callable[[int], list[RenderableType]]:
    def build(n: int) -> list[RenderableType]:
        head = cell(_("Red and amber tasks, most urgent first").text(lang), style="bold")
        return [head, *_task_lines(tasks[:n], lang), cell("")]

    return build


def _fit(
    count: int, build: Callable[[int], list[RenderableType]], budget: int, console: Console
) -> tuple[list[RenderableType], int]:
    """The most items of ``count`` (at least one) that :func:`build` fits in ``budget``
    lines, and how many that is; nothing when not even one fits."""
    for n in range(count, 0, -1):
        items = build(n)
        if _height(console, items) <= budget:
            return items, n
    return [], 0


def _hint(omitted: list[str], lang: Lang) -> Text:
    return cell(
        _(
            "Left out: {items}. glplan check --full shows everything.",
            items=_(", ").text(lang).join(omitted),
        ).text(lang),
        style="dim",
    )


def screen_renderables(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    console: Console,
    trends: Mapping[tuple[str, str], Trend] | None = None,
    *,
    comparison: Comparison | None = None,
    reserved: int = 0,
    status: Sequence[str] = (),
) -> list[RenderableType]:
    """What fits one screen of ``console`` (its height, less ``reserved`` lines for
    messages on stderr and :data:`PROMPT_LINES` for the prompt).

    The whole view (:func:`check_renderables`) when it fits. Otherwise: the headline; the
    ``--compare-to`` section, cut to a third of the screen; for the nearest target year
    still ahead (else the last), the regions with a red or amber status, worst first; the
    red and amber tasks, most urgent first; and last a line naming what was left out and
    that ``glplan check --full`` shows it. The tasks get a quarter of the screen before
    the table, and whatever the table leaves.
    """
    full = check_renderables(result, plan, lang, trends, comparison=comparison, status=status)
    budget = console.height - reserved - PROMPT_LINES
    if _height(console, full) <= budget:
        return full
    head = headline_renderables(result, plan, lang) + _status_block(status)
    year = _screen_year(result)
    tasks = attention_tasks(result)
    hint_lines = 1
    for _attempt in range(3):  # the hint's own height depends on what it names
        left = budget - _height(console, head) - hint_lines
        changes: list[RenderableType] = []
        omitted: list[str] = []
        if comparison is not None:
            changes, cut = _changes_part(comparison, plan, lang, max(left // 3, 3), console)
            left -= _height(console, changes)
            if cut:
                omitted.append(ngettext("{n} more change", "{n} more changes", cut).text(lang))
        task_share = min(len(tasks) + 1, max(left // 4, 3)) if tasks else 0
        figures, year_omitted = _figures(result, plan, lang, year, left - task_share, console)
        left -= _height(console, figures)
        task_part, shown_tasks = _fit(len(tasks), _task_part(tasks, lang), left, console)
        omitted += year_omitted
        if trends:
            omitted.append(_("trends").text(lang))
        if standard_lines(result, plan, lang):
            omitted.append(_("county standards").text(lang))
        other = len(result.tasks) - shown_tasks
        if other:
            omitted.append(ngettext("{n} other task", "{n} other tasks", other).text(lang))
        hint = _hint(omitted, lang)
        if _height(console, [hint]) <= hint_lines:
            break
        hint_lines = _height(console, [hint])
    return [*head, *changes, *figures, *task_part, hint]


def _changes_part(
    comparison: Comparison, plan: Plan, lang: Lang, budget: int, console: Console
) -> tuple[list[RenderableType], int]:
    """The "since DATE" section in at most ``budget`` lines, and how many changes it
    leaves out (0 when its own "and N more" line is shown)."""
    lines = len(changes_lines(comparison, plan, lang)[1]) - 1
    part, n = _fit(
        lines + 1,
        lambda n: [*_changes_block(comparison, plan, lang, n - 1), cell("")],
        budget,
        console,
    )
    if not n or n - 1 >= lines:
        return part, 0
    return part, len(comparison.changes) - (n - 1)


def _figures(
    result: CheckResult, plan: Plan, lang: Lang, year: int | None, budget: int, console: Console
) -> tuple[list[RenderableType], list[str]]:
    """The year's red and amber regions, worst first, in as many rows as ``budget`` lines
    hold; and what the view leaves out of the tables (other years, other regions, the
    lists of who is behind, footnotes)."""
    years = target_years(result)
    others = [y for y in years if y != year]
    omitted = []
    if others:
        omitted.append(
            _("the {years} targets", years=_(" and ").text(lang).join(map(str, others))).text(lang)
        )
    if year is None:
        return [], omitted
    indicators, regions, cells = grid(result, year)
    worst = _worst_first(cells, indicators, regions)
    silent = no_data_regions(result, year)
    sep = _(", ").text(lang)

    def build(n: int) -> list[RenderableType]:
        """The heading, the ``n`` worst regions (if any), the regions that sent nothing:
        never the heading alone, so the screen always says where things stand."""
        out: list[RenderableType] = [cell(year_heading(result, plan, year, lang), style="bold")]
        if n:
            rows = [(r, 0, False) for r in worst[:n]]
            out += [
                _year_table(result, plan, year, lang, rows),
                cell(
                    _("Only the regions with a red or amber status, worst first.").text(lang),
                    style="dim",
                ),
            ]
        if silent:
            names = [region_name(plan, r, lang) for r in silent]
            out.append(_Entries(_("No data: ").text(lang), names, sep, "dim"))
        elif not worst:
            out.append(cell(_("No region has a red or amber status.").text(lang)))
        return [*out, cell("")]

    part, shown = [], 0
    for n in range(len(worst), -1, -1):
        candidate = build(n)
        if _height(console, candidate) <= budget:
            part, shown = candidate, n
            break
    if len(regions) > shown:
        n = len(regions) - shown
        omitted.append(ngettext("{n} other region", "{n} other regions", n).text(lang))
    omitted.append(_("the lists of who is behind").text(lang))
    if no_data_regions(result, year) or footnote_entries(result, plan, year, lang):
        omitted.append(_("footnotes").text(lang))
    return part, omitted
