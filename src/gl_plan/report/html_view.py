"""``glplan check --output report.html``: one self-contained page to read on screen or print.

What a leader reads first comes first: a summary (the headline, with the overdue tasks
named; the regions counted by their worst status, each region once; who is behind; the
national county standards; what the figures come from; and a plain warning when they are
the bundled synthetic sample); then one chart per
goal indicator (every county and the city against the straight path to the 2025 and 2030
targets, :mod:`gl_plan.report.charts`); then the gap tables; then the overdue and
due-soon tasks; then a short note on method.

Self-contained and offline: the CSS is inline, the charts are inline SVG, there is no
script, no web font, no link to anything. Colour is never the only signal: every status
has its name in text and a shape (▼ red, ◆ amber, ● green, ○ no data), and the page
needs no background colours to read, so a black-and-white printout says the same. Print
styles: A4 pages, each section on a new page, no table row or chart split across pages.
Every text from the plan or the data is escaped. The page has no time stamp other than
the as-of date, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Final

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import RAG_BY_STATUS, IndicatorAssessment, Point, Status
from gl_plan.assess.tasks import TaskAssessment, attention_order
from gl_plan.i18n import Lang, _, pgettext
from gl_plan.i18n.labels import label
from gl_plan.periods import PeriodError, parse_period
from gl_plan.plan.models import Plan
from gl_plan.report.charts import Panel, indicator_chart_svg, require_matplotlib
from gl_plan.report.check_summary import (
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
from gl_plan.report.format import display_name, fmt_target, indicator_name
from gl_plan.report.levels import leaf_word, levels_below, whole
from gl_plan.report.tasks_view import progress_text, summary_line

__all__ = ["RAG_MARKS", "check_html"]

#: A shape per level, so that the level survives black-and-white printing.
RAG_MARKS: Final[dict[str, str]] = {"red": "▼", "amber": "◆", "green": "●", "grey": "○"}

_CSS: Final = """
:root { --red: #c0262d; --amber: #b35900; --green: #1b7a3a; --grey: #6b6b6b; --rule: #d0d0d0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC",
    "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif;
  color: #111; background: #fff; line-height: 1.45; font-size: 15px;
  max-width: 1040px; margin: 0 auto; padding: 24px 20px 40px;
}
svg text { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC",
  "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
  "DejaVu Sans", sans-serif !important; }
h1 { font-size: 1.55em; margin: 0 0 .15em; line-height: 1.25; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; padding-bottom: .2em;
  border-bottom: 2px solid #111; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
p, ul { margin: .4em 0 .8em; }
ul { padding-left: 1.3em; }
.subtitle { color: #333; margin: 0 0 1em; font-size: 1.05em; }
.sample { border: 2px solid var(--amber); padding: .6em .8em; margin: 1em 0; }
.sample strong { color: var(--amber); }
.muted { color: #444; font-size: .9em; }
table { border-collapse: collapse; margin: .4em 0 1em; font-variant-numeric: tabular-nums; }
th, td { padding: .22em .5em; text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 1.5px solid #111; font-weight: 600; }
th.group { text-align: center; border-bottom: 1px solid #888; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.city td { border-top: 1.5px solid #111; font-weight: 600; }
td.sub1 { padding-left: 1.5em; }
td.sub2 { padding-left: 2.5em; }
.rag { white-space: nowrap; font-weight: 600; }
.rag-red { color: var(--red); }
.rag-amber { color: var(--amber); }
.rag-green { color: var(--green); }
.rag-grey { color: var(--grey); font-weight: 400; }
td.st { border-left: 3px solid transparent; }
td.st.rag-red { border-left-color: var(--red); }
td.st.rag-amber { border-left-color: var(--amber); }
td.st.rag-green { border-left-color: var(--green); }
td.st.rag-grey { border-left-color: var(--rule); }
.gaps { width: 100%; font-size: .92em; }
.tasks { width: 100%; font-size: .92em; }
.tasks td.title { min-width: 14em; }
figure { margin: 1em 0 1.6em; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: .88em; color: #333; margin-top: .3em; }
.legend { font-size: .88em; }
ul.overdue { margin: .1em 0 .2em; }
footer { margin-top: 2.5em; border-top: 1px solid var(--rule); padding-top: .6em;
  font-size: .85em; color: #333; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  section.page { break-before: page; page-break-before: always; }
  figure, tr, .sample, .keep { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .gaps, .tasks { font-size: 8.5pt; }
}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _rag(rag: str, name: str, tag: str = "span", extra: str = "") -> str:
    mark = RAG_MARKS.get(rag, "")
    cls = f"rag rag-{_e(rag)}{(' ' + extra) if extra else ''}"
    return f'<{tag} class="{cls}">{mark} {_e(name)}</{tag}>'


def _current_year(result: CheckResult) -> int | None:
    """The target year the charts' colours speak of: the first not yet over."""
    years = target_years(result)
    ahead = [y for y in years if result.as_of.year <= y]
    return ahead[0] if ahead else (years[-1] if years else None)


# --- sections -----------------------------------------------------------------------------------


def _header(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    out = [
        "<header>",
        f"<h1>{_e(plan.plan.title.get(lang))}</h1>",
        (
            '<p class="subtitle">'
            + _e(_("Progress check as of {as_of}", as_of=result.as_of).text(lang))
            + "</p>"
        ),
    ]
    if result.sources.bundled:
        colon = _(": ").text(lang)
        root = display_name(plan, plan.root_region.code, lang)
        sample = _(
            "This report uses the indicator files and progress ledger bundled with "
            "glplan. They are synthetic figures made up to show how the tool works, not "
            "official statistics of {root} or any of its {leaves}; draw no conclusions "
            "from them.",
            root=root,
            leaves=leaf_word(plan, lang),
        ).text(lang)
        out.append(
            '<p class="sample"><strong>'
            + _e(_("Sample data").text(lang))
            + f"{colon}</strong>{_e(sample)}</p>"
        )
    out.append("</header>")
    return out


def _who(plan: Plan, lang: Lang) -> str:
    """``counties and the city`` / ``县区和全市``: every level, the root last."""
    levels = [*reversed(levels_below(plan, lang)), whole(plan, lang)]
    if len(levels) == 1:
        return levels[0]
    return (
        pgettext("sep.and", " and ")
        .text(lang)
        .join([_(", ").text(lang).join(levels[:-1]), levels[-1]])
    )


#: Which status a region counts under when its indicators differ: red first (the worst
#: of them first), then amber, then no data (nothing to show it is on track), then green.
_WORST_FIRST: Final = (
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


def _regions_by_status(result: CheckResult, year: int) -> dict[Status, int]:
    """How many regions have each status as their worst for ``year``: a region is off
    track if any of its indicators is."""
    worst: dict[str, int] = {}
    for a in result.indicators:
        if a.target_year == year:
            rank = _WORST_FIRST.index(a.status)
            worst[a.region] = min(worst.get(a.region, rank), rank)
    counts = dict.fromkeys(Status, 0)
    for rank in worst.values():
        counts[_WORST_FIRST[rank]] += 1
    return counts


def _status_counts(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    years = target_years(result)
    by_year = {y: _regions_by_status(result, y) for y in years}
    rows = []
    for status in _WORST_FIRST:
        counts = [by_year[y][status] for y in years]
        if not any(counts):
            continue
        rag = RAG_BY_STATUS[status].value
        cells = "".join(f'<td class="num">{n}</td>' for n in counts)
        rows.append(f'<tr><td class="st rag-{rag}">{_rag(rag, label(status.value).text(lang))}</td>'
                    f"{cells}</tr>")  # fmt: skip
    head = "".join(
        ('<th class="num">' + _e(_("{year} targets", year=y).text(lang)) + "</th>") for y in years
    )
    return [
        ("<h3>" + _e(_("Regions by status ({who})", who=_who(plan, lang)).text(lang)) + "</h3>"),
        '<table class="counts keep">',
        ("<thead><tr><th>" + _e(_("Status").text(lang)) + f"</th>{head}</tr></thead>"),
        "<tbody>",
        *rows,
        "</tbody></table>",
        (
            '<p class="muted">'
            + _e(_("Each region counts once, under the worst status of its indicators.").text(lang))
            + "</p>"
        ),
    ]


def _headline(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    """The headline as a list, the overdue tasks named (id and title) under its tasks
    line, so that the first screen says how the quarter went."""
    title, lines = headline(result, plan, lang)
    items = [f"<li>{_e(line)}</li>" for line in lines]
    overdue = [t for t in attention_order(result.tasks) if t.status == "overdue"]
    if overdue:
        names = "".join(
            f"<li><strong>{_e(t.id)}</strong> {_e(t.title.get(lang))}</li>" for t in overdue
        )
        # under the tasks line (the one before the data line)
        head = _e(_("Overdue tasks: ").text(lang))
        items[-2] = (
            items[-2].removesuffix("</li>") + f'<br/>{head}<ul class="overdue">{names}</ul></li>'
        )
    return [f"<h3>{_e(title)}</h3>", '<ul class="headline">', *items, "</ul>"]


def _behind(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    sep = _(", ").text(lang)
    out = [("<h3>" + _e(_("Who is behind").text(lang)) + "</h3>")]
    for year in target_years(result):
        items = []
        for head, names in behind_lines(result, plan, year, lang):
            if names:
                items.append(f"<li><strong>{_e(head.strip())}</strong> {_e(sep.join(names))}</li>")
            else:
                items.append(f"<li>{_e(head)}</li>")
        out += [f"<p><strong>{_e(year_title(result, year, lang))}</strong></p>", "<ul>", *items,
                "</ul>"]  # fmt: skip
    return out


def _sources(result: CheckResult, lang: Lang) -> list[str]:
    src = result.sources
    items = []
    if src.plan:
        items.append("<li>" + _e(_("Plan").text(lang)) + f": <code>{_e(src.plan)}</code></li>")
    if src.data:
        folders = sorted({str(Path(p).parent) for p in src.data})
        names = ", ".join(Path(p).name for p in src.data)
        where = ", ".join(f"<code>{_e(f)}</code>" for f in folders)
        items.append(
            "<li>"
            + _e(_("Indicator files ({n})", n=len(src.data)).text(lang))
            + f': {where}<br/><span class="muted">{_e(names)}</span></li>'
        )
    else:
        items.append("<li>" + _e(_("Indicator files: none").text(lang)) + "</li>")
    if src.progress:
        items.append(
            "<li>" + _e(_("Progress ledger").text(lang)) + f": <code>{_e(src.progress)}</code></li>"
        )
    else:
        items.append(
            "<li>" + _e(_("Progress ledger: none (no task reported)").text(lang)) + "</li>"
        )
    return [("<h3>" + _e(_("Sources").text(lang)) + "</h3>"), "<ul>", *items, "</ul>"]


def _summary(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    out = [
        '<section id="summary">',
        ("<h2>" + _e(pgettext("html.summary", "Summary").text(lang)) + "</h2>"),
    ]
    out += _headline(result, plan, lang)
    out += _status_counts(result, plan, lang)
    out += _behind(result, plan, lang)
    standards = standard_lines(result, plan, lang)
    if standards:
        out += [("<h3>" + _e(_("National county standards").text(lang)) + "</h3>"), "<ul>"]
        out += [f"<li>{_e(line)}</li>" for line in standards]
        out.append("</ul>")
    out.append(f"<p>{_e(issues_line(result, lang))}</p>")
    out += _sources(result, lang)
    out.append(
        '<p class="legend">'
        + _e(
            _(
                "▼ red: off track, deteriorating or missed · ◆ amber: needs acceleration or "
                "insufficient data · ● green: achieved, on track or met · ○ no data"
            ).text(lang)
        )
        + "</p>"
    )
    out.append("</section>")
    return out


def _period_t(period: str | None) -> float | None:
    if period is None:
        return None
    try:
        return parse_period(period).t
    except PeriodError:  # a plan baseline the reader could not place: no path
        return None


def _panels(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    indicator: str,
    points: Mapping[tuple[str, str], Sequence[Point]],
    year: int,
) -> list[Panel]:
    years = target_years(result)
    grids = {y: grid(result, y)[2] for y in years}
    _indicators, regions, cells = grid(result, year)
    levels = {r: cells[(r, indicator)].region_level for r in regions if (r, indicator) in cells}
    ordered = [r for r in regions if levels.get(r) == "city"]
    ordered += [r for r in regions if levels.get(r) not in (None, "city")]
    panels: list[Panel] = []
    for region in ordered:
        a = cells[(region, indicator)]
        rows = [grids[y].get((region, indicator)) for y in years]
        known = [r for r in rows if r is not None]
        # A verdict (a target year already over) carries no baseline; the region's
        # baseline is the same for every target year, so take it from any assessment.
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
        panels.append(
            Panel(
                title=display_name(plan, region, lang),
                status=status_label(a.status.value, lang, short=True),
                rag=a.rag.value,
                points=[(p.period.t, p.value) for p in points.get((region, indicator), [])],
                paths=paths,
                main=levels[region] == "city",
                empty=_("no data").text(lang),
                target_labels=labels,
            )
        )
    return panels


def _charts(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    points: Mapping[tuple[str, str], Sequence[Point]],
) -> list[str]:
    year = _current_year(result)
    if year is None:
        return []
    indicators = grid(result, year)[0]
    years = target_years(result)
    sep = _(" and ").text(lang)
    out = [
        '<section id="charts" class="page">',
        ("<h2>" + _e(_("Each indicator against the path to its targets").text(lang)) + "</h2>"),
    ]
    as_of_t = result.as_of.year + (result.as_of.timetuple().tm_yday - 1) / 365.25
    for n, ind in enumerate(indicators, start=1):
        name = indicator_name(plan, ind, lang)
        full = plan.indicator_by_id[ind].name.get(lang) if ind in plan.indicator_by_id else name
        targets = " · ".join(
            f"{y}: {fmt_target(target_of(grid(result, y)[2], ind))}" for y in years
        )
        out.append('<figure class="chart">')
        out.append(f'<h3>{_e(full)} <span class="muted">({_e(targets)})</span></h3>')
        panels = _panels(result, plan, lang, ind, points, year)
        # A county with no figure at all would be an empty frame: name it instead.
        empty = [p.title for p in panels if not p.points and not p.main]
        panels = [p for p in panels if p.points or p.main]
        if any(p.points for p in panels):
            out.append(
                indicator_chart_svg(
                    panels,
                    as_of_t=as_of_t,
                    chart_id=f"c{n}",
                    label=_("{name}: every region against the targets", name=name).text(lang),
                ).rstrip()
            )
        else:
            out.append("<p>" + _e(_("No figures to draw.").text(lang)) + "</p>")
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
            note += " " + _("No data: ").text(lang) + _(", ").text(lang).join(empty)
        out += [f"<figcaption>{_e(note)}</figcaption>", "</figure>"]
    out.append("</section>")
    return out


def _gap_row(
    plan: Plan, lang: Lang, region: str, indent: int, row: Iterable[IndicatorAssessment]
) -> str:
    cells = list(row)
    level = cells[0].region_level
    cls = "" if level == "county" else ' class="city"'
    pad = f' class="sub{min(indent, 2)}"' if indent else ""
    parts = [f"<tr{cls}><td{pad}>{_e(display_name(plan, region, lang))}</td>"]
    for a in cells:
        value = value_text(a)
        marks = value_marks(a).replace("*", "")
        if a.coverage is not None and a.coverage.partial and "~" not in marks:
            marks += "~"
        value += "".join(f" {m}" for m in marks)
        rag = a.rag.value
        parts.append(f'<td class="num">{_e(value)}</td>')
        parts.append(f'<td class="num rag-{rag}">{_e(gap_text(a))}</td>')
        parts.append(
            f'<td class="st rag-{rag}">{_rag(rag, status_label(a.status.value, lang))}</td>'
        )
    parts.append("</tr>")
    return "".join(parts)


def _gaps(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    out = [
        '<section id="gaps" class="page">',
        ("<h2>" + _e(_("Gaps to the targets").text(lang)) + "</h2>"),
    ]
    sep = _(", ").text(lang)
    for year in target_years(result):
        indicators, regions, cells = grid(result, year)
        hidden = no_data_regions(result, year)
        groups = "".join(
            f'<th colspan="3" class="group">{_e(indicator_name(plan, i, lang))} '
            f"({_e(fmt_target(target_of(cells, i)))})</th>"
            for i in indicators
        )
        subs = "".join(
            (
                '<th class="num">'
                + _e(_("Value").text(lang))
                + '</th><th class="num">'
                + _e(_("Gap").text(lang))
                + "</th><th>"
                + _e(_("Status").text(lang))
                + "</th>"
            )
            for _indicator in indicators
        )
        shown = [r for r in regions if r not in hidden]
        body = [
            _gap_row(plan, lang, r, indent, (cells[(r, i)] for i in indicators))
            for r, indent in table_rows(plan, shown)
        ]
        out += [
            f"<h3>{_e(year_title(result, year, lang))}</h3>",
            '<table class="gaps">',
            ('<thead><tr><th rowspan="2">' + _e(_("Region").text(lang)) + f"</th>{groups}</tr>"),
            f"<tr>{subs}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody></table>",
        ]
        notes = []
        if hidden:
            names = sep.join(display_name(plan, r, lang) for r in hidden)
            notes.append(_("No data: ").text(lang) + names)
        notes += footnotes(result, plan, year, lang)
        if notes:
            out += ['<ul class="muted">', *(f"<li>{_e(n)}</li>" for n in notes), "</ul>"]
    note = _(
        "Gap = value − target, in percentage points. ~ marks a figure of {whole} summed "
        "from only some {leaves}.",
        whole=whole(plan, lang),
        leaves=leaf_word(plan, lang),
    ).text(lang)
    out.append(f'<p class="muted">{_e(note)}</p>')
    out.append("</section>")
    return out


def _task_row(item: TaskAssessment, lang: Lang) -> str:
    if item.days_left is None:
        days = ""
    elif item.days_left < 0:
        days = _("{n} days late", n=-item.days_left).text(lang)
    else:
        days = _("{n} days left", n=item.days_left).text(lang)
    progress = "<br/>".join(_e(line) for line in progress_text(item, lang, unit=True))
    cells = [
        f"<td>{_e(item.id)}</td>",
        f'<td class="st rag-{_e(item.rag)}">{_rag(item.rag, label(item.rag).text(lang))}</td>',
        f"<td>{_e(label(item.status).text(lang))}</td>",
        f'<td class="num">{_e(item.due.isoformat() if item.due else "")}</td>',
        f'<td class="num">{_e(days)}</td>',
        f'<td class="title">{_e(item.title.get(lang))}</td>',
        f"<td>{progress}</td>",
        f'<td class="num">{_e(item.last_report.isoformat() if item.last_report else "—")}</td>',
    ]
    return "<tr>" + "".join(cells) + "</tr>"


def _tasks(result: CheckResult, lang: Lang) -> list[str]:
    if not result.tasks:
        return []
    urgent = [t for t in attention_order(result.tasks) if t.status in ("overdue", "due_soon")]
    out = [
        '<section id="tasks" class="page">',
        ("<h2>" + _e(_("Overdue and due-soon tasks").text(lang)) + "</h2>"),
        f"<p>{_e(summary_line(result.tasks, result.as_of, lang))}</p>",
    ]
    if not urgent:
        out += [
            ("<p>" + _e(_("No task is overdue or due soon.").text(lang)) + "</p>"),
            "</section>",
        ]
        return out
    # Each header, and whether its column holds numbers (dates and days are right-aligned).
    heads = ((_("ID"), False), (_("RAG"), False), (_("Status"), False), (_("Due"), True),
             (_("Days"), True), (_("Task"), False), (_("Progress"), False),
             (_("Last report"), True))  # fmt: skip
    head = "".join(
        f'<th class="{"num" if numeric else ""}">{_e(h.text(lang))}</th>' for h, numeric in heads
    )
    out += [
        '<table class="tasks">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *(_task_row(t, lang) for t in urgent),
        "</tbody></table>",
        "</section>",
    ]
    return out


def _footer(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    method = _(
        "While a target year is ahead, the observed annual growth since the baseline is "
        "compared with the growth the target requires (the Statistics Canada method): a "
        "ratio of at least {on_track} is on track, at least {accel} needs acceleration, "
        "at least 0 is off track, below 0 is deteriorating. Once the year is over, its "
        "last figure decides: met or missed.",
        on_track=fmt_target(result.plan.on_track_ratio),
        accel=fmt_target(result.plan.acceleration_ratio),
    ).text(lang)
    if len(plan.regions) > 1:
        the_whole = whole(plan, lang)
        method += _(
            " {whole}'s figure is the sum of the {leaves}' numerators over the sum of "
            "their denominators, never a mean of their rates.",
            whole=the_whole[:1].upper() + the_whole[1:],
            leaves=leaf_word(plan, lang),
        ).text(lang)
    return [
        "<footer>",
        ("<h3>" + _e(_("Method").text(lang)) + "</h3>"),
        f"<p>{_e(method)}</p>",
        (
            "<p>"
            + _e(_("Made by glplan; as of {as_of}.", as_of=result.as_of.isoformat()).text(lang))
            + "</p>"
        ),
        "</footer>",
    ]


def check_html(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    points: Mapping[tuple[str, str], Sequence[Point]],
) -> str:
    """The whole report as one HTML page (UTF-8 text).

    ``points`` are every region's figures by the as-of date
    (:func:`gl_plan.report.trends.region_points`), for the charts. Needs matplotlib (the
    ``report`` extra); raises :class:`~gl_plan.errors.GlplanError` naming it when missing.
    """
    require_matplotlib()
    title = f"{plan.plan.title.get(lang)} · {result.as_of.isoformat()}"
    body = [
        *_header(result, plan, lang),
        *_summary(result, plan, lang),
        *_charts(result, plan, lang, points),
        *_gaps(result, plan, lang),
        *_tasks(result, lang),
        *_footer(result, plan, lang),
    ]
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"
