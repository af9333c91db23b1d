"""``glplan check --output report.html``: one self-contained page to read on screen or print.

What a leader reads first comes first, and printed on A4 it is page 1: the headline; the
regions counted by their worst status, each region once; who is behind; the tasks counted
by status with the five most overdue named (and a plain warning when the figures are the
bundled synthetic sample). Then the gap tables, with the national county standards; then
the charts, one per goal indicator (every county and the city against the straight path
to the 2025 and 2030 targets, :mod:`gl_plan.report.charts`), each sized for the width of
an A4 page; then every overdue and due-soon task; then what the figures come from and a
short note on method.

Values and gaps are written by the rule of :mod:`gl_plan.numbers`: a value is never shown
equal to a target it misses, and its gap is the shown value minus the target. File names
are relative to the project folder, never absolute (:func:`~gl_plan.report.format.shown_path`).

Self-contained and offline: the CSS is inline, the charts are inline SVG, there is no
script, no web font, no link to anything. Colour is never the only signal: every status
has its name in text and a shape (▼ red, ◆ amber, ● green, ○ no data), and the page
needs no background colours to read, so a black-and-white printout says the same. The
print layout is :mod:`gl_plan.report.html_style`'s: page numbers, the issuer and the as-of
date on every page, no row or chart split across pages. Every text from the plan or the
data is cleaned of control characters and escaped. The page has no time stamp other than
the as-of date, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path, PurePosixPath
from typing import Final

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import RAG_BY_STATUS, IndicatorAssessment, Point, Status
from gl_plan.assess.tasks import TaskAssessment, attention_order
from gl_plan.i18n import Lang, text
from gl_plan.periods import PeriodError, parse_period
from gl_plan.plan.models import Plan
from gl_plan.report.charts import (
    MAX_SMALL_PANELS,
    Panel,
    indicator_chart_svg,
    require_matplotlib,
)
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
from gl_plan.report.format import display_name, fmt_target, indicator_name, shown_path
from gl_plan.report.html_style import CSS, page_css
from gl_plan.report.levels import leaf_word, levels_below, whole
from gl_plan.report.safe_text import clean
from gl_plan.report.tasks_view import progress_text, responsible_text, summary_line

__all__ = ["MOST_OVERDUE", "RAG_MARKS", "check_html", "most_overdue"]

#: A shape per level, so that the level survives black-and-white printing.
RAG_MARKS: Final[dict[str, str]] = {"red": "▼", "amber": "◆", "green": "●", "grey": "○"}


def _e(value: object) -> str:
    # Cleaned as for a terminal: a control character is not allowed in HTML text, and an
    # escape sequence would reach a terminal that shows the file.
    return escape(clean(str(value)), quote=True)


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
        f'<p class="subtitle">{_e(text("html.subtitle", lang, as_of=result.as_of))}</p>',
    ]
    if result.sources.bundled:
        colon = text("colon", lang)
        root = display_name(plan, plan.root_region.code, lang)
        sample = text("html.sample", lang, root=root, leaves=leaf_word(plan, lang))
        out.append(
            f'<p class="sample"><strong>{_e(text("html.sample_head", lang))}{colon}</strong>'
            f"{_e(sample)}</p>"
        )
    out.append("</header>")
    return out


def _who(plan: Plan, lang: Lang) -> str:
    """``counties and the city`` / ``县区和全市``: every level, the root last."""
    levels = [*reversed(levels_below(plan, lang)), whole(plan, lang)]
    if len(levels) == 1:
        return levels[0]
    return text("sep.and", lang).join([text("sep.names", lang).join(levels[:-1]), levels[-1]])


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
        rows.append(f'<tr><td class="st rag-{rag}">{_rag(rag, text(status.value, lang))}</td>'
                    f"{cells}</tr>")  # fmt: skip
    head = "".join(
        f'<th class="num">{_e(text("html.target_col", lang, year=y))}</th>' for y in years
    )
    return [
        f"<h3>{_e(text('html.status_counts', lang, who=_who(plan, lang)))}</h3>",
        '<table class="counts keep">',
        f"<thead><tr><th>{_e(text('html.status', lang))}</th>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table>",
        f'<p class="muted">{_e(text("headline.html_note", lang))}</p>',
    ]


def _headline(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    """The headline as a list: per target year, the tasks, the data issues."""
    title, lines = headline(result, plan, lang)
    items = [f"<li>{_e(line)}</li>" for line in lines]
    return [f"<h3>{_e(title)}</h3>", '<ul class="headline">', *items, "</ul>"]


#: How many overdue tasks page 1 names; the tasks section lists them all.
MOST_OVERDUE: Final = 5


def most_overdue(result: CheckResult, n: int = MOST_OVERDUE) -> list[TaskAssessment]:
    """The ``n`` overdue tasks with the most days overdue, in plan order among equals."""
    overdue = [t for t in attention_order(result.tasks) if t.status == "overdue"]
    return sorted(overdue, key=lambda t: t.days_left or 0)[:n]


def _tasks_lead(result: CheckResult, lang: Lang) -> list[str]:
    """Page 1's tasks: the counts by status, and the most overdue in a small table (id,
    task, due date, days overdue, who is responsible), with a link to the full list."""
    if not result.tasks:
        return []
    out = [
        f"<h3>{_e(text('html.tasks_head', lang))}</h3>",
        f"<p>{_e(summary_line(result.tasks, result.as_of, lang))}</p>",
    ]
    shown = most_overdue(result)
    if not shown:
        return out
    total = sum(1 for t in result.tasks if t.status == "overdue")
    head = (
        text("html.most_overdue", lang, n=len(shown), total=total)
        if total > len(shown)
        else text("html.all_overdue", lang)
    )
    heads = ("tasks.id", "tasks.task", "tasks.due", "html.days", "tasks.responsible")
    numeric = {"tasks.due", "html.days"}
    cells = "".join(
        f'<th class="{"num" if h in numeric else ""}">{_e(text(h, lang))}</th>' for h in heads
    )
    rows = [
        "<tr>"
        f"<td>{_e(t.id)}</td>"
        f'<td class="title">{_e(t.title.get(lang))}</td>'
        f'<td class="num">{_e(t.due.isoformat() if t.due else "")}</td>'
        f'<td class="num">{_e(text("html.days_late", lang, n=-(t.days_left or 0)))}</td>'
        f"<td>{_e(responsible_text(t, lang))}</td>"
        "</tr>"
        for t in shown
    ]
    more = _e(text("html.tasks_more", lang, section=text("html.task_table", lang)))
    return [
        *out,
        f"<p><strong>{_e(head)}</strong></p>",
        '<table class="overdue">',
        f"<thead><tr>{cells}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table>",
        f'<p class="muted"><a href="#tasks">{more}</a></p>',
    ]


def _behind(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    sep = text("sep.list", lang)
    out = [f"<h3>{_e(text('html.behind_head', lang))}</h3>"]
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


def _sources(result: CheckResult, lang: Lang, root: Path | None) -> list[str]:
    """The files read, relative to the project (``root``): the plan, the indicator files'
    folders and names, the ledger."""
    src = result.sources
    items = []
    if src.plan:
        plan_file = shown_path(src.plan, root)
        items.append(f"<li>{_e(text('html.plan_file', lang))}: <code>{_e(plan_file)}</code></li>")
    if src.data:
        shown = [PurePosixPath(shown_path(p, root)) for p in src.data]
        folders = sorted({str(p.parent) for p in shown} - {"."})
        names = ", ".join(p.name for p in shown)
        where = ", ".join(f"<code>{_e(f)}</code>" for f in folders)
        items.append(
            f"<li>{_e(text('html.data_files', lang, n=len(src.data)))}: {where}<br/>"
            f'<span class="muted">{_e(names)}</span></li>'
        )
    else:
        items.append(f"<li>{_e(text('html.no_data_files', lang))}</li>")
    if src.progress:
        ledger = shown_path(src.progress, root)
        items.append(f"<li>{_e(text('html.ledger', lang))}: <code>{_e(ledger)}</code></li>")
    else:
        items.append(f"<li>{_e(text('html.no_ledger', lang))}</li>")
    return ["<ul>", *items, "</ul>"]


def _problem_files(files: Sequence[tuple[str, int, int]], lang: Lang) -> list[str]:
    """Each file with problems and its counts: where to look, named."""
    if not files:
        return []
    items = [
        "<li>"
        + _e(
            text(
                "status.file_problems",
                lang,
                file=Path(file).name,
                errors=e,
                warnings=w,
                s_errors="" if e == 1 else "s",
                s_warnings="" if w == 1 else "s",
            )
        )
        + "</li>"
        for file, e, w in files
    ]
    command = _e(text("status.details", lang, command="glplan validate --data FILE"))
    return ["<ul>", *items, "</ul>", f'<p class="muted">{command}</p>']


def _summary(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    """Page 1: the headline, the regions by status, who is behind, the tasks."""
    out = ['<section id="summary">', f"<h2>{_e(text('html.summary', lang))}</h2>"]
    out += _headline(result, plan, lang)
    out += _status_counts(result, plan, lang)
    out += _behind(result, plan, lang)
    out += _tasks_lead(result, lang)
    out.append("</section>")
    return out


def _standards(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    standards = standard_lines(result, plan, lang)
    if not standards:
        return []
    return [
        f"<h3>{_e(text('html.standards', lang))}</h3>",
        "<ul>",
        *(f"<li>{_e(line)}</li>" for line in standards),
        "</ul>",
    ]


def _about(
    result: CheckResult,
    lang: Lang,
    problem_files: Sequence[tuple[str, int, int]],
    root: Path | None,
) -> list[str]:
    """What the figures come from: the data issues, the files with problems, the files."""
    out = ['<section id="sources">', f"<h2>{_e(text('html.sources', lang))}</h2>"]
    out.append(f"<p>{_e(issues_line(result, lang))}</p>")
    out += _problem_files(problem_files, lang)
    out += _sources(result, lang, root)
    out.append("</section>")
    return out


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
    return (_WORST_FIRST.index(a.status), gap, a.region)


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
        empty=text("no_data", lang),
        target_labels=labels,
    )


def _charts(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    points: Mapping[tuple[str, str], Sequence[Point]],
) -> list[str]:
    year = _current_year(result)
    if year is None:
        return []
    indicators, regions, cells = grid(result, year)
    years = target_years(result)
    grids = {y: grid(result, y)[2] for y in years}
    sep = text("sep.years", lang)
    out = ['<section id="charts">', f"<h2>{_e(text('html.charts', lang))}</h2>"]
    as_of_t = result.as_of.year + (result.as_of.timetuple().tm_yday - 1) / 365.25
    for n, ind in enumerate(indicators, start=1):
        name = indicator_name(plan, ind, lang)
        full = plan.indicator_by_id[ind].name.get(lang) if ind in plan.indicator_by_id else name
        targets = " · ".join(f"{y}: {fmt_target(target_of(grids[y], ind))}" for y in years)
        out.append('<figure class="chart">')
        out.append(f'<h3>{_e(full)} <span class="muted">({_e(targets)})</span></h3>')
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
                    label=clean(text("html.chart_label", lang, name=name)),
                ).rstrip()
            )
        else:
            out.append(f"<p>{_e(text('html.no_chart_data', lang))}</p>")
        note = text(
            "html.chart_note",
            lang,
            year=year,
            years=sep.join(str(y) for y in years),
            as_of=result.as_of.isoformat(),
        )
        if len(panels) > 1:
            leaf = leaf_word(plan, lang, many=False)
            note += text("html.chart_note_parent", lang, leaf=leaf, whole=whole(plan, lang))
        note += text("html.chart_note_end", lang)
        if empty:
            names = text("sep.list", lang).join(display_name(plan, r, lang) for r in empty)
            note += " " + text("check.no_data_rows", lang) + names
        caption = _e(note)
        if left_out:
            more = text("html.chart_more", lang, shown=len(drawn), n=left_out)
            caption += f' <a href="#gaps">{_e(more)}</a>'
        out += [f"<figcaption>{caption}</figcaption>", "</figure>"]
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
    out = ['<section id="gaps" class="page">', f"<h2>{_e(text('html.gaps', lang))}</h2>"]
    out.append(f'<p class="legend">{_e(text("html.legend", lang))}</p>')
    sep = text("sep.list", lang)
    for year in target_years(result):
        indicators, regions, cells = grid(result, year)
        hidden = no_data_regions(result, year)
        groups = "".join(
            f'<th colspan="3" class="group">{_e(indicator_name(plan, i, lang))} '
            f"({_e(fmt_target(target_of(cells, i)))})</th>"
            for i in indicators
        )
        subs = "".join(
            f'<th class="num">{_e(text("html.value", lang))}</th>'
            f'<th class="num">{_e(text("html.gap", lang))}</th>'
            f"<th>{_e(text('html.status', lang))}</th>"
            for _ in indicators
        )
        shown = [r for r in regions if r not in hidden]
        body = [
            _gap_row(plan, lang, r, indent, (cells[(r, i)] for i in indicators))
            for r, indent in table_rows(plan, shown)
        ]
        out += [
            f"<h3>{_e(year_title(result, year, lang))}</h3>",
            '<table class="gaps">',
            f'<thead><tr><th rowspan="2">{_e(text("html.region", lang))}</th>{groups}</tr>',
            f"<tr>{subs}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody></table>",
        ]
        notes = []
        if hidden:
            names = sep.join(display_name(plan, r, lang) for r in hidden)
            notes.append(text("check.no_data_rows", lang) + names)
        notes += footnotes(result, plan, year, lang)
        if notes:
            out += ['<ul class="muted">', *(f"<li>{_e(n)}</li>" for n in notes), "</ul>"]
    note = text("html.gap_note", lang, whole=whole(plan, lang), leaves=leaf_word(plan, lang))
    out.append(f'<p class="muted">{_e(note)}</p>')
    out += _standards(result, plan, lang)
    out.append("</section>")
    return out


def _task_row(item: TaskAssessment, lang: Lang) -> str:
    if item.days_left is None:
        days = ""
    elif item.days_left < 0:
        days = text("html.days_late", lang, n=-item.days_left)
    else:
        days = text("html.days_left", lang, n=item.days_left)
    progress = "<br/>".join(_e(line) for line in progress_text(item, lang, unit=True))
    cells = [
        f"<td>{_e(item.id)}</td>",
        f'<td class="st rag-{_e(item.rag)}">{_rag(item.rag, text(item.rag, lang))}</td>',
        f"<td>{_e(text(item.status, lang))}</td>",
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
        '<section id="tasks">',
        f"<h2>{_e(text('html.task_table', lang))}</h2>",
        f"<p>{_e(summary_line(result.tasks, result.as_of, lang))}</p>",
    ]
    if not urgent:
        out += [f"<p>{_e(text('html.no_tasks', lang))}</p>", "</section>"]
        return out
    heads = ("tasks.id", "tasks.rag", "tasks.status", "tasks.due", "html.days", "tasks.task",
             "tasks.progress", "tasks.last_report")  # fmt: skip
    numeric = {"tasks.due", "html.days", "tasks.last_report"}
    head = "".join(
        f'<th class="{"num" if h in numeric else ""}">{_e(text(h, lang))}</th>' for h in heads
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
    method = text(
        "html.method_text",
        lang,
        on_track=fmt_target(result.plan.on_track_ratio),
        accel=fmt_target(result.plan.acceleration_ratio),
    )
    if len(plan.regions) > 1:
        the_whole = whole(plan, lang)
        method += text(
            "html.method_sum",
            lang,
            whole=the_whole[:1].upper() + the_whole[1:],
            leaves=leaf_word(plan, lang),
        )
    return [
        "<footer>",
        f"<h3>{_e(text('html.method', lang))}</h3>",
        f"<p>{_e(method)}</p>",
        f"<p>{_e(text('html.footer', lang, as_of=result.as_of.isoformat()))}</p>",
        "</footer>",
    ]


def _page(result: CheckResult, plan: Plan, lang: Lang) -> str:
    """The print page's running texts: the issuer (the title when the plan names none)
    and the as-of date at the top, the page number at the foot."""
    issuer = plan.plan.issuer.get(lang) if plan.plan.issuer else plan.plan.title.get(lang)
    as_of = text("html.as_of", lang, as_of=result.as_of.isoformat())
    # The counters stay placeholders: page_css makes them CSS counters.
    page_of = text("html.page_of", lang, page="{page}", pages="{pages}")
    return page_css(clean(issuer), clean(as_of), page_of)


def check_html(
    result: CheckResult,
    plan: Plan,
    lang: Lang,
    points: Mapping[tuple[str, str], Sequence[Point]],
    *,
    problem_files: Sequence[tuple[str, int, int]] = (),
    root: Path | None = None,
) -> str:
    """The whole report as one HTML page (UTF-8 text); ``problem_files`` (file, errors,
    warnings) names the files with problems; file names are shown relative to ``root``,
    the project folder (a file outside it by its name alone).

    ``points`` are every region's figures by the as-of date
    (:func:`gl_plan.report.trends.region_points`), for the charts. Needs matplotlib (the
    ``report`` extra); raises :class:`~gl_plan.errors.GlplanError` naming it when missing.
    """
    require_matplotlib()
    title = f"{plan.plan.title.get(lang)} · {result.as_of.isoformat()}"
    body = [
        *_header(result, plan, lang),
        *_summary(result, plan, lang),
        *_gaps(result, plan, lang),
        *_charts(result, plan, lang, points),
        *_tasks(result, lang),
        *_about(result, lang, problem_files, root),
        *_footer(result, plan, lang),
    ]
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}{_page(result, plan, lang)}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"
