"""``glplan check --compare-to``: the "since DATE" section, and adding it to the check's output.

One line per change (figures, then tasks, then data gone or back), under a heading and a
line of counts; at most :data:`MAX_LINES` lines, the rest counted (the JSON lists all).
The table and Markdown put the section right after the check's headline
(:mod:`gl_plan.report.check_terminal`, :mod:`gl_plan.report.check_files`); in JSON the
changes are a top-level ``changes`` list, added only when ``--compare-to`` is given so
that the check's JSON keys are otherwise unchanged.
"""

from __future__ import annotations

from typing import Final

from rich.console import RenderableType
from rich.padding import Padding

from gl_plan.assess.compare import MISSING, Change, Comparison, count_by_kind
from gl_plan.i18n import Lang, _
from gl_plan.i18n.labels import label
from gl_plan.plan.models import Plan
from gl_plan.report.format import display_name, fmt_num, indicator_name, md_text
from gl_plan.report.safe_text import cell

__all__ = ["changes_lines", "changes_markdown", "changes_renderables"]

#: Lines shown in the table and Markdown: a quarter's changes, not a second report.
MAX_LINES: Final = 30


def _status(value: str | None, lang: Lang) -> str:
    if value is None:
        return _("none").text(lang)
    try:
        return label(value).text(lang)
    except KeyError:  # a status this version does not know (an older or newer file)
        return value


def _line(change: Change, plan: Plan, lang: Lang) -> str:
    region = display_name(plan, change.region, lang) if change.region else ""
    indicator = (
        indicator_name(plan, change.indicator, lang)
        if change.indicator
        else _("every indicator").text(lang)
    )
    if change.kind == "indicator":
        return _(
            "{region} {indicator} ({year} target): {from_} → {to} ({value_from} → {value_to})",
            region=region,
            indicator=indicator,
            year=change.target_year,
            from_=_status(change.from_, lang),
            to=_status(change.to, lang),
            value_from=fmt_num(change.value_from),
            value_to=fmt_num(change.value_to),
        ).text(lang)
    if change.kind == "task":
        task = plan.task_by_id.get(change.task or "")
        return _(
            "Task {task} {title}: {from_} → {to}",
            task=change.task,
            title=task.title.get(lang) if task else "",
            from_=_status(change.from_, lang),
            to=_status(change.to, lang),
        ).text(lang)
    key = (
        _("{region} {indicator}: data gone (no figure for the latest period)")
        if change.to == MISSING
        else _("{region} {indicator}: data back")
    )
    return key.format(region=region, indicator=indicator).text(lang)


def changes_lines(comparison: Comparison, plan: Plan, lang: Lang) -> tuple[str, list[str]]:
    """The section's heading and its lines (the counts first, or "nothing changed")."""
    heading = _("Since {since} (to {as_of})", since=comparison.since, as_of=comparison.as_of).text(
        lang
    )
    changes = comparison.changes
    if not changes:
        return heading, [_("Nothing changed since {since}.", since=comparison.since).text(lang)]
    lines = [
        _(
            "Status changes: {indicator} figures, {task} tasks; data gone or back: {data}",
            **count_by_kind(changes),
        ).text(lang)
    ]
    lines += [_line(c, plan, lang) for c in changes[:MAX_LINES]]
    if len(changes) > MAX_LINES:
        lines.append(
            _("... and {n} more (--format json lists them all)", n=len(changes) - MAX_LINES).text(
                lang
            )
        )
    return heading, lines


def changes_renderables(comparison: Comparison, plan: Plan, lang: Lang) -> list[RenderableType]:
    heading, lines = changes_lines(comparison, plan, lang)
    out: list[RenderableType] = [cell(""), cell(heading, style="bold"), cell(lines[0])]
    # Indented as a block, so that a wrapped line stays under its own start.
    out += [Padding(cell(line), (0, 0, 0, 2)) for line in lines[1:]]
    return out


def changes_markdown(comparison: Comparison, plan: Plan, lang: Lang) -> str:
    heading, lines = changes_lines(comparison, plan, lang)
    body = [f"## {md_text(heading)}", "", md_text(lines[0]), ""]
    body += [f"- {md_text(line)}" for line in lines[1:]]
    return "\n".join(body).rstrip("\n") + "\n"
