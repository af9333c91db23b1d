"""``glplan tasks --by responsible``: the supervision list (督办清单), one block per unit.

督查督办 follows the responsible unit (责任单位): each unit is sent the list of its own
tasks, the red and amber ones first, and an item stays on it until it is closed. A task whose
text names several units is on each of their lists; a task whose text names none is listed
under "未明确责任单位" (no unit named) rather than dropped, so that every task is on some
list. The totals count each task once, however many lists it is on, and say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from gl_plan.assess.tasks import TaskAssessment, attention_order, task_summary
from gl_plan.i18n import Lang, _
from gl_plan.plan.models import Text as Words
from gl_plan.report.format import md_text
from gl_plan.report.tasks_view import summary_line, tasks_markdown, tasks_table

__all__ = ["UnitBlock", "by_responsible", "supervision_document", "supervision_markdown",
           "supervision_renderables"]  # fmt: skip


@dataclass(frozen=True)
class UnitBlock:
    """One unit's tasks, red and amber first; ``unit`` is None for tasks naming no unit."""

    unit: Words | None
    tasks: list[TaskAssessment]

    @property
    def flagged(self) -> int:
        return sum(1 for t in self.tasks if t.rag != "green")

    def name(self, lang: Lang) -> str:
        return self.unit.get(lang) if self.unit is not None else _("no unit named").text(lang)


def by_responsible(items: Sequence[TaskAssessment]) -> list[UnitBlock]:
    """The blocks: units with red or amber tasks first (most first), then the others, in
    the order the plan first names them; the tasks naming no unit last."""
    units: dict[str, Words] = {}
    tasks: dict[str | None, list[TaskAssessment]] = {}
    for item in items:
        named_units: list[Words | None] = [*item.responsible] or [None]
        for unit in named_units:
            key = None if unit is None else unit.zh
            if unit is not None:
                units.setdefault(unit.zh, unit)
            tasks.setdefault(key, []).append(item)
    named = [UnitBlock(units[k], attention_order(v)) for k, v in tasks.items() if k is not None]
    order = {id(b): i for i, b in enumerate(named)}
    named.sort(key=lambda b: (-b.flagged, order[id(b)]))
    if None in tasks:
        named.append(UnitBlock(None, attention_order(tasks[None])))
    return named


def _block_head(block: UnitBlock, lang: Lang) -> str:
    counts = task_summary(block.tasks)
    return _(
        "{unit}: {n} tasks, {red} red, {amber} amber",
        unit=block.name(lang),
        n=counts["total"],
        red=counts["red"],
        amber=counts["amber"],
    ).text(lang)


def _total_line(items: Sequence[TaskAssessment], blocks: Sequence[UnitBlock], lang: Lang) -> str:
    shared = sum(1 for t in items if len(t.responsible) > 1)
    listed = sum(len(b.tasks) for b in blocks)
    return _(
        "{n} tasks, each counted once; {shared} name several units and are listed under "
        "each ({units} units, {listed} listings).",
        n=len(items),
        units=len(blocks),
        listed=listed,
        shared=shared,
    ).text(lang)


def supervision_renderables(
    items: Sequence[TaskAssessment], as_of: date, lang: Lang
) -> list[RenderableType]:
    """A heading per unit with its counts, its tasks as the tasks table; then the summary
    of every task (each counted once) and how many appear under more than one unit."""
    blocks = by_responsible(items)
    out: list[RenderableType] = [
        Text(
            _("Supervision list by responsible unit, as of {as_of}", as_of=as_of).text(lang),
            style="bold",
        ),
        Text(""),
    ]
    for block in blocks:
        out += [
            Text(_block_head(block, lang), style="bold"),
            tasks_table(block.tasks, as_of, lang, titled=False),
        ]
        out.append(Text(""))
    out.append(Text(summary_line(items, as_of, lang)))
    out.append(Text(_total_line(items, blocks, lang)))
    return out


def supervision_markdown(items: Sequence[TaskAssessment], as_of: date, lang: Lang) -> str:
    """The same as Markdown: a section per unit."""
    blocks = by_responsible(items)
    lines = [
        (
            "# "
            + md_text(
                _("Supervision list by responsible unit, as of {as_of}", as_of=as_of).text(lang)
            )
        ),
        "",
    ]
    for block in blocks:
        section = tasks_markdown(block.tasks, as_of, lang)
        body = section.split("\n", 4)[-1]  # the unit's heading replaces the table's own
        lines += [f"## {md_text(_block_head(block, lang))}", "", body.rstrip("\n"), ""]
    lines += [md_text(summary_line(items, as_of, lang)), "",
              md_text(_total_line(items, blocks, lang))]  # fmt: skip
    return "\n".join(lines) + "\n"


def supervision_document(items: Sequence[TaskAssessment], as_of: date) -> dict[str, Any]:
    """JSON: ``{"as_of", "units": [{"unit", "task_ids", "summary"}], "summary"}``; ``unit``
    is ``{"zh", "en"}`` or null for the tasks naming none, and ``summary`` counts each task
    once."""
    return {
        "as_of": as_of.isoformat(),
        "units": [
            {
                "unit": None if b.unit is None else b.unit.model_dump(),
                "task_ids": [t.id for t in b.tasks],
                "summary": task_summary(b.tasks),
            }
            for b in by_responsible(items)
        ],
        "summary": task_summary(items),
    }
