"""The HTML report's charts: one per indicator, the top region large and the regions
furthest behind as small panels beside it, each with its caption (what the colours and
lines mean, who has no data, who was left out for the gap table)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import IndicatorAssessment, Point, Status
from gl_plan.i18n import Lang, _
from gl_plan.periods import PeriodError, parse_period
from gl_plan.plan.models import Plan
from gl_plan.report.charts import MAX_SMALL_PANELS, Panel, indicator_chart_svg
from gl_plan.report.check_summary import grid, status_label, target_of, target_years
from gl_plan.report.format import display_name, fmt_target, indicator_name
from gl_plan.report.levels import leaf_word, whole
from gl_plan.report.safe_text import clean, html_text

#: Statuses from the worst: the order the charts' small panels and the summary rank them.
WORST_FIRST: Final = (
    Status.DETERIORATING,
    Status.MISSED,
    Status.OFF_TRACK,
    Status.NEEDS_ACCELERATION,
    Status.INSUFFICIENT_DATA,
    Status.NO_DATA,
    Status.ON_TRACK,
    Status.MET,
    Status.ACHIEVED,
)


def current_year(result: CheckResult) -> int | None:
    """The target year the charts' colours speak of: the first not yet over."""
    years = target_years(result)
    ahead = [y for y in years if result.as_of.year <= y]
    return ahead[0] if ahead else (years[-1] if years else None)


def _period_t(period: str | None) -> float | None:
    if period is None:
        return None
    try:
        return parse_period(period).t
    except PeriodError:  # a plan baseline the reader could not place: no path
        return None


def _chart_order(a: IndicatorAssessment) -> tuple[int, float, str]:
    """Worst first: the status as the summary ranks it, then the furthest below target."""
    gap = a.gap if a.gap is not None else float("inf")
    return (WORST_FIRST.index(a.status), gap, a.region)


def _chart_regions(
    cells: Mapping[tuple[str, str], IndicatorAssessment],
    regions: Sequence[str],
    indicator: str,
    points: Mapping[tuple[str, str], Sequence[Point]],
) -> tuple[str | None, list[str], list[str], int]:
    """The regions one chart draws: the top region, at most :data:`MAX_SMALL_PANELS` others
    and, apart, those with no figure at all (named in the caption, not drawn as an empty
    frame); the last number counts the regions with figures left out of the chart.

    A city's counties all fit, in the tables' order. A national plan has thousands of
    regions: a panel each would take minutes to draw and make a chart nobody can read, so
    the chart keeps the ones furthest behind (worst status, then largest gap) and the
    caption sends the reader to the gap table for the rest.
    """
    here = [r for r in regions if (r, indicator) in cells]
    main = next((r for r in here if cells[(r, indicator)].region_level == "city"), None)
    others = [r for r in here if r != main]
    drawn = [r for r in others if points.get((r, indicator))]
    empty = [r for r in others if not points.get((r, indicator))]
    if len(drawn) <= MAX_SMALL_PANELS:
        return main, drawn, empty, 0
    worst = sorted(drawn, key=lambda r: _chart_order(cells[(r, indicator)]))
    return main, worst[:MAX_SMALL_PANELS], empty, len(drawn) - MAX_SMALL_PANELS


def _panel(
    plan: Plan,
    lang: Lang,
    a: IndicatorAssessment,
    known: Sequence[IndicatorAssessment],
    points: Sequence[Point],
) -> Panel:
    """One region's panel; ``known`` are its assessments for every target year."""
    # A verdict (a target year already over) carries no baseline; the region's baseline
    # is the same for every target year, so take it from any assessment.
    base = next(
        (r for r in known if r.baseline_period is not None and r.baseline_value is not None),
        None,
    )
    paths = []
    labels = []
    t0 = _period_t(base.baseline_period) if base is not None else None
    if base is not None and base.baseline_value is not None and t0 is not None:
        for b in known:
            paths.append((t0, base.baseline_value, b.target_year + 1.0, b.target))
            labels.append(f"{b.target_year}: {fmt_target(b.target)}")
    return Panel(
        title=clean(display_name(plan, a.region, lang)),
        status=status_label(a.status.value, lang, short=True),
        rag=a.rag.value,
        points=[(p.period.t, p.value) for p in points],
        paths=paths,
        main=a.region_level == "city",
        empty=_("no data").text(lang),
        target_labels=labels,
    )


def charts_section(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    points: Mapping[tuple[str, str], Sequence[Point]],
) -> list[str]:
    year = current_year(result)
    if year is None:
        return []
    indicators, regions, cells = grid(result, year)
    years = target_years(result)
    grids = {y: grid(result, y)[2] for y in years}
    sep = _(" and ").text(lang)
    out = [
        '<section id="charts">',
        (
            "<h2>"
            + html_text(_("Each indicator against the path to its targets").text(lang))
            + "</h2>"
        ),
    ]
    as_of_t = result.as_of.year + (result.as_of.timetuple().tm_yday - 1) / 365.25
    for n, ind in enumerate(indicators, start=1):
        name = indicator_name(plan, ind, lang)
        full = plan.indicator_by_id[ind].name.get(lang) if ind in plan.indicator_by_id else name
        targets = " · ".join(f"{y}: {fmt_target(target_of(grids[y], ind))}" for y in years)
        out.append('<figure class="chart">')
        out.append(f'<h3>{html_text(full)} <span class="muted">({html_text(targets)})</span></h3>')
        main, drawn, empty, left_out = _chart_regions(cells, regions, ind, points)
        panels = [
            _panel(
                plan,
                lang,
                cells[(r, ind)],
                [k for k in (grids[y].get((r, ind)) for y in years) if k is not None],
                points.get((r, ind), ()),
            )
            for r in ([main] if main is not None else []) + drawn
        ]
        if any(p.points for p in panels):
            out.append(
                indicator_chart_svg(
                    panels,
                    as_of_t=as_of_t,
                    chart_id=f"c{n}",
                    label=clean(
                        _("{name}: every region against the targets", name=name).text(lang)
                    ),
                ).rstrip()
            )
        else:
            out.append("<p>" + html_text(_("No figures to draw.").text(lang)) + "</p>")
        note = _(
            "Solid line: the region's figures, coloured by its status for the {year} "
            "target (named at the top right of each panel). Dashed: the straight path "
            "from the baseline to the {years} targets; ◆ marks a target, at the end of "
            "its year. Dotted: the as-of date, {as_of}.",
            year=year,
            years=sep.join(str(y) for y in years),
            as_of=result.as_of.isoformat(),
        ).text(lang)
        if len(panels) > 1:
            leaf = leaf_word(plan, lang, many=False)
            note += _(
                " Light grey in the {leaf} panels: {whole}.",
                leaf=leaf,
                whole=whole(plan, lang),
            ).text(lang)
        note += _(" All panels share the same scales.").text(lang)
        if empty:
            names = _(", ").text(lang).join(display_name(plan, r, lang) for r in empty)
            note += " " + _("No data: ").text(lang) + names
        caption = html_text(note)
        if left_out:
            more = _(
                "The chart draws the {shown} regions furthest behind; {n} more regions "
                "are in the gap table.",
                shown=len(drawn),
                n=left_out,
            ).text(lang)
            caption += f' <a href="#gaps">{html_text(more)}</a>'
        out += [f"<figcaption>{caption}</figcaption>", "</figure>"]
    out.append("</section>")
    return out
