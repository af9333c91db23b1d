"""Checks that span the whole plan document: unique ids, one region tree, unambiguous
spellings, tasks numbered in source order, targets that name known regions and levels, and
later goals at least as ambitious as earlier ones. Each problem comes with its path in the
document, so the loader can give it a line and column."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from gl_plan.i18n import Message, _
from gl_plan.names import normalise_name
from gl_plan.periods import PeriodError, parse_period
from gl_plan.plan.base import Direction
from gl_plan.plan.counts import check_counts
from gl_plan.plan.deadlines import DeadlineError
from gl_plan.plan.ids import split_task_id
from gl_plan.plan.targets import check_targets
from gl_plan.region_tree import NotATree

#: The texts once looked up as ``plan.less_ambitious.*``, by the rest of that key.
_PLAN_LESS_AMBITIOUS = {
    "higher_is_better": _(
        "{later} target {value} is less ambitious than the {earlier} target {before} for "
        "a higher_is_better indicator",
    ),
    "lower_is_better": _(
        "{later} target {value} is less ambitious than the {earlier} target {before} for "
        "a lower_is_better indicator",
    ),
}


if TYPE_CHECKING:
    from gl_plan.plan.models import Plan

DocPath = tuple[str | int, ...]


def cross_check(plan: Plan) -> list[tuple[DocPath, Message]]:
    """Checks that span the document; each problem comes with its path in the plan."""
    problems: list[tuple[DocPath, Message]] = []

    def unique(items: list[Any], attr: str, where: str) -> None:
        seen: dict[Any, int] = {}
        for i, item in enumerate(items):
            key = getattr(item, attr)
            if key in seen:
                message = _(
                    "duplicate {attr} {value!r} (first at {where}[{first}])",
                    attr=attr,
                    value=key,
                    where=where,
                    first=seen[key],
                )
                problems.append(((where, i, attr), message))
            else:
                seen[key] = i

    unique(plan.indicators, "id", "indicators")
    unique(plan.goals, "year", "goals")
    unique(plan.actions, "id", "actions")
    unique(plan.standards, "id", "standards")
    problems.extend(check_counts(plan.counts, plan.indicators))

    codes = {r.code for r in plan.regions}
    # Unique codes, known parents, one root, no cycle: the tree proves them all at once.
    tree_ok = True
    try:
        plan.region_tree  # noqa: B018 - built here to be proven, then kept for the walks
    except NotATree as refused:
        tree_ok = False
        for problem in refused.problems:
            where: DocPath = ("regions",)
            if problem.index is not None:
                where = ("regions", problem.index, problem.field or "code")
            problems.append((where, problem.message))

    # A spelling may name only one region, or a county file's rows could land anywhere.
    owner: dict[str, tuple[str, int]] = {}
    for i, region in enumerate(plan.regions):
        for spelling in region.spellings():
            key = normalise_name(spelling)
            if not key:
                problems.append((("regions", i), _("empty name or alias {name!r}", name=spelling)))
                continue
            if key in owner and owner[key][0] != region.code:
                other = owner[key][0]
                problems.append(
                    (
                        ("regions", i, "aliases"),
                        _(
                            "name {name!r} is ambiguous: it names both {other} and {code}",
                            name=spelling,
                            other=other,
                            code=region.code,
                        ),
                    )
                )
            else:
                owner.setdefault(key, (region.code, i))

    indicator_owner: dict[str, str] = {}
    for i, indicator in enumerate(plan.indicators):
        for spelling in indicator.spellings():
            key = normalise_name(spelling)
            if key in indicator_owner and indicator_owner[key] != indicator.id:
                other = indicator_owner[key]
                problems.append(
                    (
                        ("indicators", i, "aliases"),
                        _(
                            "name {name!r} names both {other} and {id}",
                            name=spelling,
                            other=other,
                            id=indicator.id,
                        ),
                    )
                )
            indicator_owner.setdefault(key, indicator.id)

    if tree_ok:
        problems.extend(check_targets(plan))
    indicators = {ind.id: ind for ind in plan.indicators}
    for gi, goal in enumerate(plan.goals):
        for ind_id in goal.targets:
            if ind_id not in indicators:
                message = _("unknown indicator {id!r}", id=ind_id)
                problems.append((("goals", gi, "targets", ind_id), message))
    # A later target must not ask for less than an earlier one.
    goals = sorted(enumerate(plan.goals), key=lambda pair: pair[1].year)
    for (_gj, earlier), (gi, later) in itertools.pairwise(goals):
        for ind_id in later.targets:
            ind = indicators.get(ind_id)
            if ind is None or ind_id not in earlier.targets:
                continue
            first, then = earlier.target(ind_id), later.target(ind_id)
            if first.comparison is not then.comparison:
                continue  # 以上 then 左右: not one scale to compare on
            value, before = then.line(ind.direction), first.line(ind.direction)
            worse = (
                value < before if ind.direction is Direction.HIGHER_IS_BETTER else value > before
            )
            if worse:
                problems.append(
                    (
                        ("goals", gi, "targets", ind_id),
                        _PLAN_LESS_AMBITIOUS[ind.direction.value].format(
                            later=later.year, value=value, earlier=earlier.year, before=before
                        ),
                    )
                )

    task_ids: dict[str, DocPath] = {}
    for ai, action in enumerate(plan.actions):
        # A1..An ids follow their numbers; other schemes (C19, 一) carry no number to match.
        numbered = action.id.startswith("A") and action.id[1:].isdecimal()
        if numbered and action.number is not None and action.id != f"A{action.number}":
            problems.append(
                (("actions", ai, "id"), _("id {id!r} does not match number", id=action.id))
            )
        previous = 0
        for ti, task in enumerate(action.tasks):
            here: DocPath = ("actions", ai, "tasks", ti, "id")
            if task.id in task_ids:
                problems.append((here, _("duplicate task id {id!r}", id=task.id)))
            task_ids.setdefault(task.id, here)
            if task.action_id != action.id:
                problems.append(
                    (
                        here,
                        _(
                            "task {id!r} is listed under action {action}",
                            id=task.id,
                            action=action.id,
                        ),
                    )
                )
            elif int(split_task_id(task.id)[1]) <= previous:
                # Numbers rise in source order; gaps are allowed (a plan skips an item).
                problems.append(
                    (
                        here,
                        _(
                            "task {task!r} must be numbered above the task before it ({number}): "
                            "numbers may skip, not go back",
                            task=task.id,
                            number=previous,
                        ),
                    )
                )
            previous = int(split_task_id(task.id)[1])
            if task.deadline_override is None:
                try:
                    task.schedule  # noqa: B018 - 三年内 and the like are dated only here
                except DeadlineError as exc:
                    problems.append(((*here[:-1], "deadline"), exc.message))
            for qi, qty in enumerate(task.quantities):
                for ri, code in enumerate(qty.regions):
                    if code not in codes:
                        problems.append(
                            (
                                ("actions", ai, "tasks", ti, "quantities", qi, "regions", ri),
                                _("unknown region {code!r}", code=code),
                            )
                        )

    for si, std in enumerate(plan.standards):
        if std.indicator not in indicators:
            problems.append(
                (("standards", si, "indicator"), _("unknown indicator {id!r}", id=std.indicator))
            )
    for bi, base in enumerate(plan.baselines):
        if base.region not in codes:
            problems.append(
                (("baselines", bi, "region"), _("unknown region {code!r}", code=base.region))
            )
        if base.indicator not in indicators:
            problems.append(
                (("baselines", bi, "indicator"), _("unknown indicator {id!r}", id=base.indicator))
            )
        try:
            parse_period(base.period)
        except PeriodError as exc:
            problems.append((("baselines", bi, "period"), exc.message))
    return problems
