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
from pathlib import Path, PurePosixPath
from typing import Final

from gl_plan.assess.check import CheckResult
from gl_plan.assess.indicators import RAG_BY_STATUS, IndicatorAssessment, Point, Status
from gl_plan.assess.tasks import TaskAssessment, attention_order
from gl_plan.i18n import Lang, _, pgettext
from gl_plan.i18n.labels import label
from gl_plan.plan.models import Plan
from gl_plan.report.charts import (
    require_matplotlib,
)
from gl_plan.report.check_summary import (
    behind_lines,
    footnotes,
    gap_text,
    grid,
    headline,
    issue_counts,
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
from gl_plan.report.html_charts import WORST_FIRST, charts_section
from gl_plan.report.html_style import CSS, page_css
from gl_plan.report.levels import leaf_word, levels_below, whole
from gl_plan.report.safe_text import clean, html_text
from gl_plan.report.tasks_view import progress_text, responsible_text, summary_line

__all__ = ["MOST_OVERDUE", "RAG_MARKS", "check_html", "most_overdue"]

#: A shape per level, so that the level survives black-and-white printing.
RAG_MARKS: Final[dict[str, str]] = {"red": "▼", "amber": "◆", "green": "●", "grey": "○"}


_e = html_text


def _rag(rag: str, name: str, tag: str = "span", extra: str = "") -> str:
    mark = RAG_MARKS.get(rag, "")
    cls = f"rag rag-{_e(rag)}{(' ' + extra) if extra else ''}"
    return f'<{tag} class="{cls}">{mark} {_e(name)}</{tag}>'


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


def _regions_by_status(result: CheckResult, year: int) -> dict[Status, int]:
    """How many regions have each status as their worst for ``year``: a region is off
    track if any of its indicators is."""
    worst: dict[str, int] = {}
    for a in result.indicators:
        if a.target_year == year:
            rank = WORST_FIRST.index(a.status)
            worst[a.region] = min(worst.get(a.region, rank), rank)
    counts = dict.fromkeys(Status, 0)
    for rank in worst.values():
        counts[WORST_FIRST[rank]] += 1
    return counts


def _status_counts(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    years = target_years(result)
    by_year = {y: _regions_by_status(result, y) for y in years}
    rows = []
    for status in WORST_FIRST:
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
        ("<h3>" + _e(_("Tasks").text(lang)) + "</h3>"),
        f"<p>{_e(summary_line(result.tasks, result.as_of, lang))}</p>",
    ]
    shown = most_overdue(result)
    if not shown:
        return out
    total = sum(1 for t in result.tasks if t.status == "overdue")
    head = (
        _("The {n} longest overdue of {total} overdue tasks", n=len(shown), total=total).text(lang)
        if total > len(shown)
        else _("Overdue tasks, longest overdue first").text(lang)
    )
    # Each header, and whether its column holds numbers (dates and days are right-aligned).
    heads = ((_("ID"), False), (_("Task"), False), (_("Due"), True), (_("Days"), True),
             (_("Responsible"), False))  # fmt: skip
    cells = "".join(
        f'<th class="{"num" if numeric else ""}">{_e(h.text(lang))}</th>' for h, numeric in heads
    )
    rows = [
        (
            f'<tr><td>{_e(t.id)}</td><td class="title">{_e(t.title.get(lang))}</td>'
            f'<td class="num">{_e(t.due.isoformat() if t.due else "")}</td><td class="num">'
            + _e(_("{n} days late", n=-(t.days_left or 0)).text(lang))
            + f"</td><td>{_e(responsible_text(t, lang))}</td></tr>"
        )
        for t in shown
    ]
    more = _e(
        _(
            "Every overdue and due-soon task is under “{section}”.",
            section=_("Overdue and due-soon tasks").text(lang),
        ).text(lang)
    )
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


def _sources(result: CheckResult, lang: Lang, root: Path | None) -> list[str]:
    """The files read, relative to the project (``root``): the plan, the indicator files'
    folders and names, the ledger."""
    src = result.sources
    items = []
    if src.plan:
        plan_file = shown_path(src.plan, root)
        items.append("<li>" + _e(_("Plan").text(lang)) + f": <code>{_e(plan_file)}</code></li>")
    if src.data:
        shown = [PurePosixPath(shown_path(p, root)) for p in src.data]
        folders = sorted({str(p.parent) for p in shown} - {"."})
        names = ", ".join(p.name for p in shown)
        where = ", ".join(f"<code>{_e(f)}</code>" for f in folders)
        items.append(
            "<li>"
            + _e(_("Indicator files ({n})", n=len(src.data)).text(lang))
            + f': {where}<br/><span class="muted">{_e(names)}</span></li>'
        )
    else:
        items.append("<li>" + _e(_("Indicator files: none").text(lang)) + "</li>")
    if src.progress:
        ledger = shown_path(src.progress, root)
        items.append(
            "<li>" + _e(_("Progress ledger").text(lang)) + f": <code>{_e(ledger)}</code></li>"
        )
    else:
        items.append(
            "<li>" + _e(_("Progress ledger: none (no task reported)").text(lang)) + "</li>"
        )
    return ["<ul>", *items, "</ul>"]


def _problem_files(files: Sequence[tuple[str, int, int]], lang: Lang) -> list[str]:
    """Each file with problems and its counts: where to look, named."""
    if not files:
        return []
    items = [
        "<li>"
        + _e(
            _(
                "{file}: {counts}",
                file=Path(file).name,
                counts=issue_counts({"error": e, "warning": w}, ("error", "warning")),
            ).text(lang)
        )
        + "</li>"
        for file, e, w in files
    ]
    command = _e(_("details: {command}", command="glplan validate --data FILE").text(lang))
    return ["<ul>", *items, "</ul>", f'<p class="muted">{command}</p>']


def _summary(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    """Page 1: the headline, the regions by status, who is behind, the tasks."""
    out = [
        '<section id="summary">',
        ("<h2>" + _e(pgettext("html.summary", "Summary").text(lang)) + "</h2>"),
    ]
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
        ("<h3>" + _e(_("National county standards").text(lang)) + "</h3>"),
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
    out = ['<section id="sources">', ("<h2>" + _e(_("Sources").text(lang)) + "</h2>")]
    out.append(f"<p>{_e(issues_line(result, lang))}</p>")
    out += _problem_files(problem_files, lang)
    out += _sources(result, lang, root)
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
    out += _standards(result, plan, lang)
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
        '<section id="tasks">',
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


def _page(result: CheckResult, plan: Plan, lang: Lang) -> str:
    """The print page's running texts: the issuer (the title when the plan names none)
    and the as-of date at the top, the page number at the foot."""
    issuer = plan.plan.issuer.get(lang) if plan.plan.issuer else plan.plan.title.get(lang)
    as_of = _("As of {as_of}", as_of=result.as_of.isoformat()).text(lang)
    # {page} and {pages} are left in the text for page_css to turn into CSS counters.
    page_of = _("Page {page} of {pages}", page="{page}", pages="{pages}").text(lang)
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
        *charts_section(result, plan, lang, points),
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
