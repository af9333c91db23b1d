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
from gl_plan.i18n import Lang, _
from gl_plan.i18n.labels import label
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

#: The texts once looked up as ``explain.rule.*``, by the rest of that key.
_EXPLAIN_RULE = {
    "verdict_met": _(
        "the target year is over and its last figure, {value}, reaches the target {target}"
    ),
    "verdict_missed": _(
        "the target year is over and its last figure, {value}, falls short of the target {target}",
    ),
    "verdict_no_data": _("the target year is over and has no figure"),
    "no_data": _("no figure by the as-of date"),
    "achieved": _("the latest figure, {value}, reaches the target {target}"),
    "short_span": _(
        "the baseline and the latest figure are less than {span} year apart: no trend yet"
    ),
    "baseline_above_target_holding": _(
        "the baseline, {base}, already reached the target and the figure has not fallen "
        "since (observed growth ≥ 0)",
    ),
    "baseline_above_target_falling": _(
        "the baseline, {base}, already reached the target and the figure has fallen since "
        "(observed growth < 0)",
    ),
    "ratio_on_track": _("growth ratio {ratio} ≥ {on_track} (the plan's on_track_ratio)"),
    "ratio_needs_acceleration": _(
        "growth ratio {ratio} is at least {accel} (the plan's acceleration_ratio) but "
        "below {on_track} (its on_track_ratio)",
    ),
    "ratio_off_track": _(
        "growth ratio {ratio} is at least 0 but below {accel} (the plan's acceleration_ratio)",
    ),
    "ratio_deteriorating": _("growth ratio {ratio} < 0: the figure is moving away from the target"),
}


#: The texts once looked up as ``explain.role.*``, by the rest of that key.
_EXPLAIN_ROLE = {
    "baseline": _("baseline"),
    "trend": _("trend"),
    "latest": _("latest"),
    "verdict": _("verdict"),
}


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
    return _(
        "{region} · {indicator} · {year} target {target}, as of {as_of}",
        region=display_name(plan, exp.region, lang),
        indicator=indicator.name.get(lang) if indicator else exp.indicator,
        year=exp.target_year,
        target=fmt_target(exp.target),
        as_of=exp.as_of.isoformat(),
    ).text(lang)


def _why(exp: Explanation, lang: Lang) -> str:
    thresholds = exp.rule.thresholds
    return (
        _EXPLAIN_RULE[exp.rule.code]
        .format(
            value=_num(exp.value),
            target=fmt_target(exp.target),
            base=_num(exp.baseline.value),
            ratio=_num(exp.ratio),
            span=format_number(thresholds.get("min_span_years", 1.0)),
            on_track=format_number(thresholds.get("on_track_ratio", 0.0)),
            accel=format_number(thresholds.get("acceleration_ratio", 0.0)),
        )
        .text(lang)
    )


def _baseline(exp: Explanation, lang: Lang) -> str:
    base = exp.baseline
    if base.period is None:
        return _("none").text(lang)
    if base.source == "plan":
        return _(
            "{value} ({period}), declared in the plan",
            value=_num(base.value),
            period=base.period,
        ).text(lang)
    first = next((p for p in exp.points if "baseline" in p.roles), None)
    where = _where(first) if first is not None else ""
    return _(
        "{value} ({period}), the earliest figure{where}",
        value=_num(base.value),
        period=base.period,
        where=_(" ({where})", where=where).text(lang) if where else "",
    ).text(lang)


def _coverage(exp: Explanation, plan: Plan, lang: Lang) -> str | None:
    cov = exp.coverage
    if cov is None:
        return None
    line = _(
        "{reporting} of {expected} counties with counts",
        reporting=cov.reporting,
        expected=cov.expected,
    ).text(lang)
    if cov.missing:
        names = _(", ").text(lang).join(region_name(plan, c, lang) for c in cov.missing)
        line += _("; missing: {names}", names=names).text(lang)
    if not cov.computed:
        line += _(
            "; the region's own reported figure is used (summed from below: {computed})",
            computed=_num(cov.computed_value),
        ).text(lang)
    return line


def explain_lines(exp: Explanation, plan: Plan, lang: Lang) -> list[tuple[str, str]]:
    """The explanation as (label, text) pairs, in the order they are shown."""
    none = _("none").text(lang)
    status = _("{status} ({rag})", status=label(exp.status.value), rag=label(exp.rag)).text(lang)
    value = none
    if exp.value is not None:
        value = _(
            "{value} ({period}), gap {gap}",
            value=_num(exp.value),
            period=exp.period,
            gap=_signed(exp.gap),
        ).text(lang)
    lines = [
        (_("Status").text(lang), status),
        (_("Why").text(lang), _why(exp, lang)),
        (_("Latest value").text(lang), value),
    ]
    coverage = _coverage(exp, plan, lang)
    if coverage is not None:
        lines.append((_("Coverage").text(lang), coverage))
    if exp.verdict:
        # A verdict: no baseline, growth or path, only the last figure of the year.
        lines.append(
            (
                _("Baseline").text(lang),
                _("the target year is over: only its last figure decides").text(lang),
            )
        )
        return lines
    lines.append((_("Baseline").text(lang), _baseline(exp, lang)))
    if exp.observed_growth is not None and exp.required_growth is not None:
        key = (
            _("observed {observed} a year, required {required} a year (compound)")
            if exp.growth_method == "cagr"
            else _(
                "observed {observed} points a year, required {required} points a year "
                "(linear: compound growth undefined)",
            )
        )
        growth = key.format(
            observed=_growth(exp.observed_growth, exp.growth_method),
            required=_growth(exp.required_growth, exp.growth_method),
        ).text(lang)
    else:
        growth = _("not computed (see why)").text(lang)
    lines.append((_("Annual growth").text(lang), growth))
    ratio = (
        none
        if exp.ratio is None
        else _("{ratio} (observed ÷ required growth)", ratio=_num(exp.ratio)).text(lang)
    )
    lines.append((_("Growth ratio").text(lang), ratio))
    if exp.projected is None:
        projected = _("none (needs two figures at least a year apart)").text(lang)
    else:
        projected = _(
            "{value} at the end of {year} on the recent trend, gap {gap}",
            year=exp.target_year,
            value=_num(exp.projected),
            gap=_signed(exp.projected - exp.target),
        ).text(lang)
    lines.append((_("Projected").text(lang), projected))
    if exp.path_value is not None:
        path = _(
            "{value} at {period} on the straight line from the baseline to the target; "
            "the gap to it is {gap}",
            value=_num(exp.path_value),
            period=exp.period,
            gap=_signed(exp.path_gap),
        ).text(lang)
        lines.append((_("Straight path").text(lang), path))
    if exp.needed_next is not None and exp.needed_by is not None:
        at_target = exp.needed_by.year == exp.target_year
        needed = (
            (
                _("the target, {value}, by {date}")
                if at_target
                else _("{value} by {date} to be back on the path")
            )
            .format(value=_num(exp.needed_next), date=exp.needed_by.isoformat())
            .text(lang)
        )
        lines.append((_("Needed next").text(lang), needed))
    return lines


def _point_columns(lang: Lang, *, children: bool) -> list[str]:
    first = _("region") if children else _("period")
    middle = [_("value"), _("numerator"), _("denominator")]
    heads = [first, *middle, _("file:line")] + ([] if children else [_("used for")])
    return [head.text(lang) for head in heads]


def _point_row(point: PointRef, plan: Plan, lang: Lang, *, children: bool) -> list[str]:
    where = _where(point) or _("summed below").text(lang)
    first = region_name(plan, point.region or "", lang) if children else point.period
    row = [
        first,
        _num(point.value),
        format_number(point.numerator),
        format_number(point.denominator),
        where,
    ]
    if not children:
        row.append(_(", ").text(lang).join(_EXPLAIN_ROLE[r].text(lang) for r in point.roles))
    return row


def explain_renderables(exp: Explanation, plan: Plan, lang: Lang) -> list[RenderableType]:
    """Everything the terminal view prints, in order."""
    out: list[RenderableType] = [cell(_title(exp, plan, lang), style="bold")]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(no_wrap=True, style="bold")
    facts.add_column()
    for i, (name, value) in enumerate(explain_lines(exp, plan, lang)):
        facts.add_row(cell(name), cell(value, style=_STYLE.get(exp.rag, "") if i == 0 else ""))
    out += [facts, cell("")]
    out += _points_renderables(exp, plan, lang)
    return out


def _points_renderables(exp: Explanation, plan: Plan, lang: Lang) -> list[RenderableType]:
    if not exp.points:
        return [cell(_("No figure by the as-of date.").text(lang))]
    out: list[RenderableType] = [
        cell(_("Figures used ({n})", n=len(exp.points)).text(lang), style="bold")
    ]
    out.append(_table(exp.points, plan, lang, children=False))
    if exp.children and exp.period is not None:
        out += [
            cell(""),
            cell(
                _(
                    "The regions summed for {period} (sum of numerators over sum of denominators)",
                    period=exp.period,
                ).text(lang),
                style="bold",
            ),
        ]
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
    colon = _(": ").text(lang)
    lines += [f"- **{md_text(name)}**{colon}{md_text(value)}" for name, value in
              explain_lines(exp, plan, lang)]  # fmt: skip
    lines.append("")
    if not exp.points:
        lines += [md_text(_("No figure by the as-of date.").text(lang)), ""]
        return "\n".join(lines)
    lines += [("## " + md_text(_("Figures used ({n})", n=len(exp.points)).text(lang))), ""]
    columns = _point_columns(lang, children=False)
    rows = [_point_row(p, plan, lang, children=False) for p in exp.points]
    lines += md_table(columns, rows, right=columns[1:4])
    lines.append("")
    if exp.children and exp.period is not None:
        lines += [
            (
                "## "
                + md_text(
                    _(
                        "The regions summed for {period} (sum of numerators over sum of "
                        "denominators)",
                        period=exp.period,
                    ).text(lang)
                )
            ),
            "",
        ]
        columns = _point_columns(lang, children=True)
        rows = [_point_row(p, plan, lang, children=True) for p in exp.children]
        lines += md_table(columns, rows, right=columns[1:4])
        lines.append("")
    return "\n".join(lines)
