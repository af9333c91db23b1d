"""What ``glplan check`` has to say, as plain data and strings, for every output format.

Which target years and indicators were assessed and for which regions (:func:`grid`),
which counties are behind (:func:`behind_lines`), the footnotes on older figures and on
city figures computed from only some counties, one line per national county standard,
the data-issue counts and the tasks a reader must see. The terminal view
(:mod:`gl_plan.report.check_terminal`), the Markdown and CSV files
(:mod:`gl_plan.report.check_files`) and the HTML page (:mod:`gl_plan.report.html_view`)
all say the same things because they take them from here. No markup, no colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import IndicatorAssessment, Status
from gl_plan.assess.standards import StandardOutcome
from gl_plan.assess.tasks import TaskAssessment, attention_order
from gl_plan.i18n import TEXTS, Lang, text
from gl_plan.plan.models import Plan
from gl_plan.report.format import (
    display_name,
    fmt_gap,
    fmt_num,
    fmt_target,
    indicator_name,
    region_name,
)

__all__ = [
    "Grid",
    "attention_tasks",
    "behind_lines",
    "footnote_entries",
    "footnotes",
    "grid",
    "indicator_keys",
    "issues_line",
    "no_data_regions",
    "standard_lines",
    "status_label",
    "target_of",
    "target_years",
    "year_heading",
    "year_is_over",
    "year_title",
]

Grid = dict[tuple[str, str], IndicatorAssessment]


def status_label(status: str, lang: Lang, *, short: bool = False) -> str:
    """A status for people; ``short`` gives the table's English abbreviations."""
    if short and f"short.{status}" in TEXTS:
        return text(f"short.{status}", lang)
    return text(status, lang)


def indicator_keys(plan: Plan, ids: Sequence[str], lang: Lang) -> dict[str, str]:
    """A one-word column key per indicator (学前, Preschool), unless two would clash."""
    names = {i: indicator_name(plan, i, lang) for i in ids}
    keys = {i: (n[:2] if lang == "zh" else n.split()[0]) for i, n in names.items()}
    if len(set(keys.values())) < len(keys):
        return names
    return keys


def target_years(result: CheckResult) -> list[int]:
    """The target years assessed, in order."""
    return sorted({a.target_year for a in result.indicators})


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
    key = "check.title_over" if year_is_over(result, year) else "check.title_ahead"
    return text(key, lang, year=year, as_of=result.as_of.isoformat())


def year_heading(result: CheckResult, plan: Plan, year: int, lang: Lang) -> str:
    """:func:`year_title` with every indicator's name and target."""
    indicators, _, cells = grid(result, year)
    targets = " · ".join(
        f"{indicator_name(plan, i, lang)} {fmt_target(target_of(cells, i))}" for i in indicators
    )
    key = "check.heading_over" if year_is_over(result, year) else "check.heading_ahead"
    return text(key, lang, year=year, as_of=result.as_of.isoformat(), targets=targets)


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
    over = year_is_over(result, year)
    lines: list[tuple[str, list[str]]] = []
    for ind in indicators:
        name = indicator_name(plan, ind, lang)
        codes = behind.get(ind, [])
        county_rows = [
            a for a in cells.values() if a.indicator == ind and a.region_level == "county"
        ]
        if county_rows and all(a.status is Status.NO_DATA for a in county_rows):
            lines.append((text("check.no_county_data", lang, name=name), []))
            continue
        if not codes:
            key = "check.none_missed" if over else "check.none_behind"
            lines.append((text(key, lang, name=name), []))
            continue
        items = [f"{region_name(plan, c, lang)} {fmt_gap(cells[(c, ind)].gap)}" for c in codes]
        target = fmt_target(target_of(cells, ind))
        key = "check.missed" if over else "check.behind"
        lines.append((text(key, lang, name=name, target=target), items))
    return lines


def footnote_entries(
    result: CheckResult, plan: Plan, year: int, lang: Lang
) -> list[tuple[str, list[str]]]:
    """Footnotes as a heading and a list: figures older than the latest period, and the
    totals computed from only some counties (with the indicators named when the totals
    of one region differ in coverage)."""
    indicators, _, cells = grid(result, year)
    keys = indicator_keys(plan, indicators, lang)
    # dicts as ordered sets: one entry per region even when several indicators share it
    older: dict[str, None] = {}
    rates_only: dict[str, None] = {}
    partial: dict[tuple[str, int, int, tuple[str, ...]], list[str]] = {}
    for a in cells.values():
        if "older_period" in a.notes:
            older[f"{display_name(plan, a.region, lang)} {a.period}"] = None
        if "rates_without_counts" in a.notes:
            rates_only[display_name(plan, a.region, lang)] = None
        cov = a.coverage
        if cov is not None and cov.partial:
            key = (a.region, cov.reporting, cov.expected, tuple(cov.missing))
            partial.setdefault(key, []).append(keys[a.indicator])
    out = [(text("check.older", lang), list(older))] if older else []
    if rates_only:
        out.append((text("check.rates_only", lang), list(rates_only)))
    per_region: dict[str, int] = {}
    for region, *_ in partial:
        per_region[region] = per_region.get(region, 0) + 1
    for (region, reporting, expected, missing), names in partial.items():
        name = display_name(plan, region, lang)
        if per_region[region] > 1:
            name += text("aside", lang, items=text("sep.names", lang).join(names))
        head = text("check.partial", lang, name=name, reporting=reporting, expected=expected)
        items = [region_name(plan, c, lang) for c in missing]
        out.append((head, [*items[:-1], items[-1] + ")"] if items else [")"]))
    return out


def footnotes(result: CheckResult, plan: Plan, year: int, lang: Lang) -> list[str]:
    """:func:`footnote_entries` as lines of text."""
    sep = text("sep.list", lang)
    return [head + sep.join(items) for head, items in footnote_entries(result, plan, year, lang)]


def standard_lines(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    """One line per national county standard: how many counties pass, fail, have no data."""
    sep = text("sep.list", lang)
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
            detail = text("aside", lang, items=names)
        lines.append(
            text(
                "check.standard_line",
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
    line = text("check.issues", lang, **counts, **plurals)
    if hint and any(counts.values()):
        line += text("check.issues_hint", lang)
    return line


def attention_tasks(result: CheckResult) -> list[TaskAssessment]:
    """The tasks a reader of the check must see: red or amber, worst first."""
    return [t for t in attention_order(result.tasks) if t.rag != "green"]
