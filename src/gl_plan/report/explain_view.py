"""``glplan explain``: one figure taken apart, as a terminal view or Markdown.

Both show the same lines: the status and the rule that gave it, the latest value, the
baseline and where it came from, the growths and their ratio, the projection, the
straight path and the value needed next, then the figures used with their file and line
(and, for a parent region, the regions summed for the current period and the coverage).

Values are shown to 2 decimals here, growths in percent a year (points a year for linear
growth); the JSON keeps them whole. File names are shown without their folder.
"""

from __future__ import annotations

from pathlib import PurePath

from rich.console import RenderableType
from rich.table import Table

from gl_plan.assess.explain import Explanation, PointRef
from gl_plan.i18n import Lang, text
from gl_plan.numbers import format_number
from gl_plan.plan.models import Plan
from gl_plan.report.format import (
    display_name,
    fmt_target,
    md_table,
    md_text,
    region_name,
)
from gl_plan.report.safe_text import cell

__all__ = ["explain_lines", "explain_markdown", "explain_renderables"]

_STYLE = {"red": "bold red", "amber": "yellow", "green": "green", "grey": "dim"}


#: Values, gaps and growths are shown to 2 decimals here.
DIGITS = 2


def _num(value: float | None) -> str:
    return format_number(value, DIGITS, missing="—")


def _signed(value: float | None) -> str:
    return format_number(value, DIGITS, signed=True, missing="—")


def _growth(value: float | None, method: str | None) -> str:
    if value is None or method != "cagr":
        return _signed(value)
    return format_number(value * 100, DIGITS, signed=True) + "%"


def _where(point: PointRef) -> str:
    if point.source is None:
        return ""
    name = PurePath(point.source).name
    return name if point.line is None else f"{name}:{point.line}"


def _title(exp: Explanation, plan: Plan, lang: Lang) -> str:
    indicator = plan.indicator_by_id.get(exp.indicator)
    return text(
        "explain.title",
        lang,
        region=display_name(plan, exp.region, lang),
        indicator=indicator.name.get(lang) if indicator else exp.indicator,
        year=exp.target_year,
        target=fmt_target(exp.target),
        as_of=exp.as_of.isoformat(),
    )


def _why(exp: Explanation, lang: Lang) -> str:
    thresholds = exp.rule.thresholds
    return text(
        f"explain.rule.{exp.rule.code}",
        lang,
        value=_num(exp.value),
        target=fmt_target(exp.target),
        base=_num(exp.baseline.value),
        ratio=_num(exp.ratio),
        span=format_number(thresholds.get("min_span_years", 1.0)),
        on_track=format_number(thresholds.get("on_track_ratio", 0.0)),
        accel=format_number(thresholds.get("acceleration_ratio", 0.0)),
    )


def _baseline(exp: Explanation, lang: Lang) -> str:
    base = exp.baseline
    if base.period is None:
        return text("explain.none", lang)
    if base.source == "plan":
        return text("explain.baseline_plan", lang, value=_num(base.value), period=base.period)
    first = next((p for p in exp.points if "baseline" in p.roles), None)
    where = _where(first) if first is not None else ""
    return text(
        "explain.baseline_earliest",
        lang,
        value=_num(base.value),
        period=base.period,
        where=text("explain.where", lang, where=where) if where else "",
    )


def _coverage(exp: Explanation, plan: Plan, lang: Lang) -> str | None:
    cov = exp.coverage
    if cov is None:
        return None
    line = text("explain.coverage_text", lang, reporting=cov.reporting, expected=cov.expected)
    if cov.missing:
        names = text("sep.names", lang).join(region_name(plan, c, lang) for c in cov.missing)
        line += text("explain.coverage_missing", lang, names=names)
    if not cov.computed:
        line += text("explain.coverage_reported", lang, computed=_num(cov.computed_value))
    return line


def explain_lines(exp: Explanation, plan: Plan, lang: Lang) -> list[tuple[str, str]]:
    """The explanation as (label, text) pairs, in the order they are shown."""
    none = text("explain.none", lang)
    status = text(
        "explain.status_text", lang, status=text(exp.status.value, lang), rag=text(exp.rag, lang)
    )
    value = none
    if exp.value is not None:
        value = text(
            "explain.value_text",
            lang,
            value=_num(exp.value),
            period=exp.period,
            gap=_signed(exp.gap),
        )
    lines = [
        (text("explain.status", lang), status),
        (text("explain.why", lang), _why(exp, lang)),
        (text("explain.value", lang), value),
    ]
    coverage = _coverage(exp, plan, lang)
    if coverage is not None:
        lines.append((text("explain.coverage", lang), coverage))
    if exp.verdict:
        # A verdict: no baseline, growth or path, only the last figure of the year.
        lines.append((text("explain.baseline", lang), text("explain.verdict_only", lang)))
        return lines
    lines.append((text("explain.baseline", lang), _baseline(exp, lang)))
    if exp.observed_growth is not None and exp.required_growth is not None:
        key = "explain.growth_cagr" if exp.growth_method == "cagr" else "explain.growth_linear"
        growth = text(
            key,
            lang,
            observed=_growth(exp.observed_growth, exp.growth_method),
            required=_growth(exp.required_growth, exp.growth_method),
        )
    else:
        growth = text("explain.growth_none", lang)
    lines.append((text("explain.growth", lang), growth))
    ratio = none if exp.ratio is None else text("explain.ratio_text", lang, ratio=_num(exp.ratio))
    lines.append((text("explain.ratio", lang), ratio))
    if exp.projected is None:
        projected = text("explain.projected_none", lang)
    else:
        projected = text(
            "explain.projected_text",
            lang,
            year=exp.target_year,
            value=_num(exp.projected),
            gap=_signed(exp.projected - exp.target),
        )
    lines.append((text("explain.projected", lang), projected))
    if exp.path_value is not None:
        path = text(
            "explain.path_text",
            lang,
            value=_num(exp.path_value),
            period=exp.period,
            gap=_signed(exp.path_gap),
        )
        lines.append((text("explain.path", lang), path))
    if exp.needed_next is not None and exp.needed_by is not None:
        at_target = exp.needed_by.year == exp.target_year
        needed = text(
            "explain.needed_target" if at_target else "explain.needed_path",
            lang,
            value=_num(exp.needed_next),
            date=exp.needed_by.isoformat(),
        )
        lines.append((text("explain.needed", lang), needed))
    return lines


def _point_columns(lang: Lang, *, children: bool) -> list[str]:
    first = "explain.col.region" if children else "explain.col.period"
    last = "explain.col.source"
    middle = ["explain.col.value", "explain.col.numerator", "explain.col.denominator"]
    keys = [first, *middle, last] + ([] if children else ["explain.col.use"])
    return [text(k, lang) for k in keys]


def _point_row(point: PointRef, plan: Plan, lang: Lang, *, children: bool) -> list[str]:
    where = _where(point) or text("explain.computed", lang)
    first = region_name(plan, point.region or "", lang) if children else point.period
    row = [
        first,
        _num(point.value),
        format_number(point.numerator),
        format_number(point.denominator),
        where,
    ]
    if not children:
        row.append(
            text("sep.names", lang).join(text(f"explain.role.{r}", lang) for r in point.roles)
        )
    return row


def explain_renderables(exp: Explanation, plan: Plan, lang: Lang) -> list[RenderableType]:
    """Everything the terminal view prints, in order."""
    out: list[RenderableType] = [cell(_title(exp, plan, lang), style="bold")]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(no_wrap=True, style="bold")
    facts.add_column()
    for i, (label, value) in enumerate(explain_lines(exp, plan, lang)):
        facts.add_row(cell(label), cell(value, style=_STYLE.get(exp.rag, "") if i == 0 else ""))
    out += [facts, cell("")]
    out += _points_renderables(exp, plan, lang)
    return out


def _points_renderables(exp: Explanation, plan: Plan, lang: Lang) -> list[RenderableType]:
    if not exp.points:
        return [cell(text("explain.no_points", lang))]
    out: list[RenderableType] = [
        cell(text("explain.points", lang, n=len(exp.points)), style="bold")
    ]
    out.append(_table(exp.points, plan, lang, children=False))
    if exp.children and exp.period is not None:
        out += [cell(""), cell(text("explain.children", lang, period=exp.period), style="bold")]
        out.append(_table(exp.children, plan, lang, children=True))
    return out


def _table(points: list[PointRef], plan: Plan, lang: Lang, *, children: bool) -> Table:
    columns = _point_columns(lang, children=children)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for i, name in enumerate(columns):
        table.add_column(name, justify="right" if 1 <= i <= 3 else "left", no_wrap=i < 4)
    for point in points:
        table.add_row(*(cell(c) for c in _point_row(point, plan, lang, children=children)))
    return table


def explain_markdown(exp: Explanation, plan: Plan, lang: Lang) -> str:
    """The explanation as Markdown: a heading, a list of facts, the figures used."""
    lines = [f"# {md_text(_title(exp, plan, lang))}", ""]
    colon = text("colon", lang)
    lines += [f"- **{md_text(label)}**{colon}{md_text(value)}" for label, value in
              explain_lines(exp, plan, lang)]  # fmt: skip
    lines.append("")
    if not exp.points:
        lines += [md_text(text("explain.no_points", lang)), ""]
        return "\n".join(lines)
    lines += [f"## {md_text(text('explain.points', lang, n=len(exp.points)))}", ""]
    columns = _point_columns(lang, children=False)
    rows = [_point_row(p, plan, lang, children=False) for p in exp.points]
    lines += md_table(columns, rows, right=columns[1:4])
    lines.append("")
    if exp.children and exp.period is not None:
        lines += [f"## {md_text(text('explain.children', lang, period=exp.period))}", ""]
        columns = _point_columns(lang, children=True)
        rows = [_point_row(p, plan, lang, children=True) for p in exp.children]
        lines += md_table(columns, rows, right=columns[1:4])
        lines.append("")
    return "\n".join(lines)
