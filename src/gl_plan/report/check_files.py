"""``glplan check --format markdown|csv``: the check as files to mail, paste or open.

In English both name their columns like the JSON keys (``region``, ``indicator``,
``period``, ``value``, ``gap``, ``status``, ``rag``, ...); in Chinese with labels (地区,
指标代码, 时期, ...). Markdown opens with the headline, then has
one table per target year and indicator, with names and statuses in the chosen language,
then the same lines as the terminal view; CSV one row per region × indicator × target
year, with codes.

Values and gaps are rounded here: to 1 decimal in Markdown, to 3 in CSV (growth rates
to 5); JSON keeps them whole. Text from the plan or the data is escaped for each format
(:func:`~gl_plan.report.format.md_text`, :func:`~gl_plan.report.format.csv_cell`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from gl_plan.assess.check import CheckResult
from gl_plan.assess.compare import Comparison
from gl_plan.assess.indicators import IndicatorAssessment
from gl_plan.i18n import Lang, _
from gl_plan.i18n.labels import label
from gl_plan.plan.models import Plan
from gl_plan.report.changes_view import changes_markdown
from gl_plan.report.check_summary import (
    attention_tasks,
    behind_lines,
    footnotes,
    gap_text,
    grid,
    headline,
    issues_line,
    no_data_regions,
    standard_lines,
    status_label,
    table_rows,
    target_of,
    target_years,
    value_marks,
    value_text,
    year_title,
)
from gl_plan.report.format import (
    CsvCell,
    column_names,
    csv_comparison,
    csv_number,
    csv_text,
    csv_word,
    digits_for,
    display_name,
    fmt_num,
    fmt_target,
    indicator_name,
    md_table,
    md_text,
    region_name,
)
from gl_plan.report.levels import level_word, whole
from gl_plan.report.tasks_view import tasks_markdown

__all__ = ["CSV_COLUMNS", "MARKDOWN_COLUMNS", "check_csv", "check_markdown", "check_rows"]

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


def _md_value(a: IndicatorAssessment) -> str:
    # The period column shows an older figure: only the other marks are needed here.
    marks = value_marks(a).replace("*", "")
    if a.coverage is not None and a.coverage.partial and "~" not in marks:
        marks += "~"
    return value_text(a) + "".join(f" {m}" for m in marks)


def _md_year(result: CheckResult, plan: Plan, year: int, lang: Lang) -> list[str]:
    indicators, regions, cells = grid(result, year)
    hidden = no_data_regions(result, year)
    sep = _(", ").text(lang)
    lines = [f"## {md_text(year_title(result, year, lang))}", ""]
    for ind in indicators:
        name = indicator_name(plan, ind, lang)
        target = fmt_target(target_of(cells, ind))
        heading = _("{name}: target {target}", name=name, target=target).text(lang)
        lines += [f"### {md_text(heading)}", ""]
        rows = []
        for region, _row in table_rows(plan, [r for r in regions if r not in hidden]):
            a = cells[(region, ind)]
            digits = digits_for(a.target)
            shown = display_name(plan, region, lang)
            rows.append(
                [
                    shown if a.region_level == "county" else f"**{shown}**",
                    a.period or "—",
                    _md_value(a),
                    gap_text(a),
                    fmt_num(a.projected, digits) if a.projected is not None else "",
                    status_label(a.status.value, lang),
                    label(a.rag.value).text(lang),
                ]
            )
        lines += md_table(
            column_names("check_md", MARKDOWN_COLUMNS, lang),
            rows,
            right=column_names("check_md", ("value", "gap", "projected"), lang),
        )
        lines.append("")
    if hidden:
        names = sep.join(region_name(plan, r, lang) for r in hidden)
        lines.append("- " + md_text(_("No data: ").text(lang) + names))
    # The period column shows older figures; only the partial totals need a note.
    lines += [
        f"- {md_text(line)}" for line in footnotes(result, plan, year, lang) if line[0] != "*"
    ]
    lines += [
        f"- {md_text(head + sep.join(items))}"
        for head, items in behind_lines(result, plan, year, lang)
    ]
    lines.append("")
    return lines


def check_markdown(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    *,
    comparison: Comparison | None = None,
    status: Sequence[str] = (),
) -> str:
    """A Markdown report: the headline, what changed since ``comparison``'s date
    (``--compare-to``), then per target year and indicator a table, who is behind,
    standards, the red and amber tasks, data issues."""
    title = _(
        "{title}: check as of {as_of}", title=plan.plan.title.get(lang), as_of=result.as_of
    ).text(lang)
    lines = [f"# {md_text(title)}", ""]
    head, points = headline(result, plan, lang)
    lines += [f"## {md_text(head)}", "", *(f"- {md_text(p)}" for p in points), ""]
    if status:
        lines += [f"## {md_text(status[0])}", "", *(f"- {md_text(s)}" for s in status[1:]), ""]
    if comparison is not None:
        lines += [changes_markdown(comparison, plan, lang).rstrip("\n"), ""]
    for year in target_years(result):
        lines += _md_year(result, plan, year, lang)
    standards = standard_lines(result, plan, lang)
    if standards:
        lines += [("## " + md_text(_("National county standards (latest figures)").text(lang))), ""]
        lines += [f"- {md_text(line)}" for line in standards]
        lines.append("")
    if result.tasks:
        section = tasks_markdown(
            attention_tasks(result), result.as_of, lang, summary_of=result.tasks
        )
        lines += [section.rstrip("\n"), ""]
        lines += [("- " + _("Red and amber tasks above; all tasks: `glplan tasks`").text(lang)), ""]
    lines += [
        ("## " + md_text(_("Summary").text(lang))),
        "",
        f"- {md_text(issues_line(result, lang))}",
    ]
    return "\n".join(lines) + "\n"


def _level_word(plan: Plan, code: str, level: str) -> str:
    """The Chinese word for a region's level: the whole area (全市), else its level's word
    (县区)."""
    if level == "city":
        return whole(plan, "zh")
    return level_word(plan, plan.region_tree.depth(code), "zh", many=False)


def check_csv(result: CheckResult, plan: Plan, lang: Lang) -> str:
    """One row per region × indicator × target year, with region codes and indicator ids.

    In English the level, status and colour are codes (``county``, ``off_track``,
    ``red``), as in the JSON; in Chinese the words of the Markdown (县区, 进度滞后, 红).
    The growth method, the baseline's source and the notes are codes in both."""
    return csv_text(column_names("check_csv", CSV_COLUMNS, lang), check_rows(result, plan, lang))


def check_rows(result: CheckResult, plan: Plan, lang: Lang) -> list[list[CsvCell]]:
    """The cells of :func:`check_csv` (and of the workbook's long table), in
    :data:`CSV_COLUMNS` order: numbers as numbers, an empty string for no figure."""
    rows: list[list[CsvCell]] = []
    for a in result.indicators:
        cov = a.coverage
        value, gap = csv_comparison(a.value, a.target)
        rows.append(
            [
                a.region,
                region_name(plan, a.region, lang),
                csv_word(a.region_level, _level_word(plan, a.region, a.region_level), lang),
                a.indicator,
                a.target_year,
                csv_number(a.target),
                a.period or "",
                value,
                gap,
                csv_word(a.status.value, status_label(a.status.value, lang), lang),
                csv_word(a.rag.value, label(a.rag.value).text(lang), lang),
                a.baseline_period or "",
                csv_number(a.baseline_value, 3),
                a.baseline_source or "",
                a.growth_method or "",
                csv_number(a.observed_growth, 5),
                csv_number(a.required_growth, 5),
                csv_number(a.ratio, 3),
                csv_number(a.projected, 3),
                csv_number(a.projected_gap, 3),
                csv_number(a.path_value, 3),
                csv_number(a.path_gap, 3),
                "" if cov is None else cov.reporting,
                "" if cov is None else cov.expected,
                "" if cov is None else " ".join(cov.missing),
                ";".join(a.notes),
            ]
        )
    return rows
