"""A plan's text made into a draft plan file: the steps of :mod:`gl_plan.plan.draft` in order,
and the YAML they make, with a comment wherever the user must check or complete a value.

The draft must pass ``glplan validate`` as it is, so what the text lacks is filled with a
placeholder that validates and says so (a region code ``TOP``, a task without a time limit
kept as ongoing with a ``deadline_override`` that gives the reason). Nothing is invented
silently: every placeholder carries a comment, and every line of the text the draft could
not place is listed (:class:`Unplaced`) with its line number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import Lang, Msg, _
from gl_plan.plan.deadlines import DeadlineError, parse_deadline
from gl_plan.plan.draft.clean import Line, Metadata, fold, read_lines
from gl_plan.plan.draft.emit import Map, dump
from gl_plan.plan.draft.goals import FoundTarget, read_sentences, read_table
from gl_plan.plan.draft.header import (
    PlanHeader,
    RegionGuess,
    infer_year,
    read_header,
    region_of,
    sentence_deadline,
)
from gl_plan.plan.draft.indicators import indicator_id, plausible_range, unit_of
from gl_plan.plan.draft.structure import Node, PlannedAction, PlannedTask, actions_of, outline
from gl_plan.plan.draft.task_table import read_task_table
from gl_plan.plan.models import Direction
from gl_plan.plan.targets import Target

__all__ = ["Draft", "Unplaced", "draft_plan"]

#: The code a draft gives its one region when neither the text nor ``--region-code`` does.
PLACEHOLDER_CODE: Final = "TOP"
#: The time limit a draft writes for a task whose text gives none (with an override).
NO_DEADLINE: Final = "未明确"
#: Longest piece of an unplaced line repeated in a message or a comment.
_QUOTE_CHARS: Final = 60


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A line of the text the draft did not place, and why."""

    line: int
    text: str
    reason: Msg


@dataclass
class Draft:
    """The draft plan file's text, what it holds, and what it left out."""

    yaml: str
    unplaced: list[Unplaced]
    actions: int
    tasks: int
    targets: int
    #: Each task's time limit as written in the draft, in order (for the tests and summary).
    deadlines: list[str] = field(default_factory=list)


@dataclass
class _State:
    """What the steps pass along: the lines, and those already placed."""

    lines: list[Line]
    meta: Metadata
    lang: Lang
    placed: set[int] = field(default_factory=set)
    unplaced: list[Unplaced] = field(default_factory=list)

    def say(self, message: Msg) -> str:
        return message.text(self.lang)

    def leave(self, line: Line, reason: Msg) -> None:
        if line.number not in self.placed:
            self.placed.add(line.number)
            self.unplaced.append(Unplaced(line.number, line.text, reason))


def draft_plan(
    text: str, *, file: str = "<text>", region_code: str | None = None, lang: Lang = "zh"
) -> Draft:
    """Draft a plan file from a plan's text (see the package docstring).

    Raises :class:`GlplanError` (exit 2) for a text with nothing to read.
    """
    lines, meta = read_lines(text)
    if not lines:
        raise GlplanError.single(
            _("no text to read (an empty file, or only the page's chrome)"),
            file=file,
            code=Code.EMPTY,
        )
    state = _State(lines, meta, lang)
    header = read_header(lines)
    table, unread, covered = read_table(lines)
    for line in unread:
        state.leave(line, _("a row of the indicator table not read"))
    state.placed |= covered
    listed, listed_lines, empty_groups = read_task_table(lines)
    for line in empty_groups:
        state.leave(line, _("a section with no task or target"))
    state.placed |= listed_lines
    prose = [line for line in lines if line.number not in covered | listed_lines]
    root = outline(prose)
    actions, leftover = actions_of(root)
    actions = _joined(listed, actions)
    first_due = _first_due_year(actions)
    issued, issued_note = _issued(header, meta, first_due, lines, state)
    # A task table's cells state targets too (新增托位数400个以上): read them as sentences.
    sentences = [line for line in lines if line.number not in covered]
    targets = table + _targets(root, sentences, actions, header, state)
    region = _region(header, meta, region_code)

    doc = Map()
    doc.note(
        state.say(
            _(
                "Drafted by glplan draft from {file}. Every entry is a reading of the text: check "
                "each against it.",
                file=file,
            )
        )
    )
    doc.note(state.say(_("Complete what is marked 'to complete'; then run glplan validate.")))
    doc.add("schema_version", 1)
    doc.add("plan", _plan_info(header, meta, issued, issued_note, region, state))
    doc.add("regions", [_region_entry(region, region_code, state)])
    indicators, ids = _indicators(targets, state)
    doc.add("indicators", indicators)
    goals, kept = _goals(targets, ids, issued, header, _milestones(root, actions, state), state)
    doc.add("goals", goals)
    baselines = _baselines(kept, ids, region, region_code)
    if baselines:
        doc.add("baselines", baselines)
    action_maps, deadlines = _actions(actions, issued, state)
    doc.add("actions", action_maps)
    for node in leftover:
        if node.line is not None:
            state.leave(node.line, _("a section with no task or target"))
            for line in node.body:
                state.leave(line, _("a section with no task or target"))
    for line in lines:
        if line.number not in state.placed:
            state.leave(line, _("introduction or background"))
    unplaced = sorted(state.unplaced, key=lambda u: u.line)
    if unplaced:
        doc.note(state.say(_("Lines of the text not placed in the draft (see to them yourself):")))
        for item in unplaced:
            doc.note(
                state.say(
                    _(
                        "line {line} ({reason}): {text}",
                        line=item.line,
                        reason=item.reason.text(lang),
                        text=_quote(item.text),
                    )
                )
            )
    return Draft(
        yaml=dump(doc),
        unplaced=unplaced,
        actions=len(actions),
        tasks=sum(len(a.tasks) for a in actions),
        targets=len(kept),
        deadlines=deadlines,
    )


def _quote(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= _QUOTE_CHARS else one[: _QUOTE_CHARS - 1] + "…"


# --- the plan, its date and its region ------------------------------------------------


def _first_due_year(actions: list[PlannedAction]) -> int | None:
    years = []
    for task in (t for a in actions for t in a.tasks):
        if task.deadline is None:
            continue
        try:
            due = parse_deadline(fold(task.deadline)).due
        except DeadlineError:
            continue
        if due is not None:
            years.append(due.year)
    return min(years, default=None)


def _issued(
    header: PlanHeader, meta: Metadata, first_due: int | None, lines: list[Line], state: _State
) -> tuple[date, str]:
    if header.issued is not None and header.issued_how == "text":
        state.placed.add(header.issued_line or 0)
        return header.issued, state.say(_("date from text line {line}", line=header.issued_line))
    if meta.issued is not None:
        which = state.say(
            _("written date") if meta.issued_from == "written" else _("publication date")
        )
        return meta.issued, state.say(
            _(
                "the page's {which} (line {line}): check the issue date",
                which=which,
                line=meta.issued_line,
            )
        )
    if header.issued_how is not None and (found := infer_year(header.issued_how, first_due)):
        return found, state.say(
            _(
                "the text gives month and day only (line {line}); the year is that of the "
                "first time limit: check it",
                line=header.issued_line,
            )
        )
    years = [
        int(y) for line in lines for y in re.findall(r"((?:19|20)[0-9]{2})年", fold(line.text))
    ]
    year = header.period[0] if header.period else min(years, default=2000)
    return date(year, 1, 1), state.say(
        _("to complete: the text gives no date; this is a placeholder")
    )


def _region(header: PlanHeader, meta: Metadata, code: str | None) -> RegionGuess:
    issuer = header.issuer.value if header.issuer else meta.issuer
    title = header.title.value if header.title else None
    guess = region_of(issuer, title)
    if guess is None:
        return RegionGuess("", "county", code)
    return RegionGuess(guess.name, guess.kind, code or guess.code)


def _plan_info(
    header: PlanHeader,
    meta: Metadata,
    issued: date,
    issued_note: str,
    region: RegionGuess,
    state: _State,
) -> Map:
    info = Map()
    code = (region.code or PLACEHOLDER_CODE).lower()
    plan_id = re.sub(r"[^a-z0-9_-]", "-", f"{code}-plan-{issued.year}").strip("-")
    info.add("id", plan_id, state.say(_("to complete: lower-case letters, digits and -")))
    if header.title is not None:
        state.placed.add(header.title.line)
        state.placed |= {
            line.number for line in state.lines if fold(line.text) == fold(header.title.value)
        }
        info.add(
            "title",
            {"zh": header.title.value},
            state.say(_("text line {line}", line=header.title.line)),
        )
    else:
        info.add(
            "title",
            {"zh": state.say(_("Plan title to complete"))},
            state.say(_("to complete")),
        )
    if header.issuer is not None:
        state.placed.add(header.issuer.line)
        info.add(
            "issuer",
            {"zh": header.issuer.value},
            state.say(_("text line {line}", line=header.issuer.line)),
        )
    elif meta.issuer is not None:
        info.add(
            "issuer", {"zh": meta.issuer}, state.say(_("text line {line}", line=meta.issuer_line))
        )
    info.add("issued", issued, issued_note)
    return info


def _region_entry(region: RegionGuess, given: str | None, state: _State) -> Map:
    entry = Map()
    code = region.code or PLACEHOLDER_CODE
    if given:
        entry.add("code", code)
    else:
        entry.add(
            "code",
            code,
            state.say(
                _("to complete: the region's code (GB/T 2260, six digits), or give --region-code")
            ),
        )
    if region.name:
        short = re.sub(
            r"(?:[\u4e00-\u9fff]{0,6}族)*(?:自治)?(?:省|市|县|区|州|旗|盟)$", "", region.name
        )
        entry.add(
            "name", {"zh": region.name}, state.say(_("read from the issuer or the title: check it"))
        )
        entry.add("short", {"zh": short or region.name})
        entry.add("kind", region.kind)
    else:
        entry.add(
            "name",
            {"zh": state.say(_("Region to complete"))},
            state.say(_("to complete")),
        )
        entry.add("short", {"zh": state.say(_("Region to complete"))})
        entry.add("kind", region.kind, state.say(_("to complete: the region's kind")))
    entry.note(
        state.say(
            _(
                "the text lists no regions below; to monitor counties, add them here (parent: the "
                "code above)",
            )
        )
    )
    return entry


# --- targets, indicators, goals, baselines --------------------------------------------


def _joined(listed: list[PlannedAction], actions: list[PlannedAction]) -> list[PlannedAction]:
    """The table's actions then the headings', each id once (a clash gets a ``T``)."""
    ids = {a.id for a in actions}
    for action in listed:
        if action.id in ids:
            action.id = f"T{action.number or len(ids)}"
        ids.add(action.id)
    return [*listed, *actions]


def _targets(
    root: Node, lines: list[Line], actions: list[PlannedAction], header: PlanHeader, state: _State
) -> list[FoundTarget]:
    """Targets in sentences; one without a year is dated from the title or the period."""
    state.placed |= {number for action in actions for number in action.lines}
    out: list[FoundTarget] = []
    for target in read_sentences(lines):
        if target.year is None:
            if header.year is None:
                state.leave(Line(target.line, target.sentence), _("a target figure without a year"))
                continue
            target.year = header.year
            target.notes.append("year")
        out.append(target)
    return out


def _milestones(root: Node, actions: list[PlannedAction], state: _State) -> dict[int, list[Line]]:
    """Goal paragraphs with a year and no figure (``确保2034年底…实现…目标``), by year: they
    belong in that year's goal text."""
    in_tasks = {number for action in actions for number in action.lines}
    out: dict[int, list[Line]] = defaultdict(list)
    for node in root.walk():
        if node.line is None or not node.in_goal_section:
            continue
        for line in node.body:
            found = sentence_deadline(line.text, None)
            if line.number in in_tasks or found is None or found[1] is None:
                continue
            out[found[1].year].append(line)
    return out


def _indicators(targets: list[FoundTarget], state: _State) -> tuple[list[Any], dict[str, str]]:
    ids: dict[str, str] = {}
    taken: set[str] = set()
    out: list[Any] = []
    by_key: dict[str, list[FoundTarget]] = defaultdict(list)
    for target in targets:
        by_key[target.key].append(target)
    for key, group in by_key.items():
        first = group[0]
        ids[key] = indicator_id(first.name, taken)
        unit = unit_of(first.unit)
        highest = max(float(t.reading.get("value") or t.reading.get("max") or 0) for t in group)
        low, high = plausible_range(unit, highest)
        entry = Map()
        entry.note(
            state.say(
                _(
                    "to complete: the id, unit, counts and plausible range are the draft's "
                    "placeholders; set them from the definition",
                )
            )
        )
        entry.add("id", ids[key])
        entry.add("name", {"zh": first.name})
        entry.add("unit", unit)
        if unit == "amount":
            entry.add("unit_label", {"zh": first.unit})
        if any(t.reading.get("comparison") == "at_most" for t in group):
            entry.add(
                "direction",
                Direction.LOWER_IS_BETTER.value,
                state.say(_("read from an at-most wording: check it")),
            )
        if unit in ("percent", "ratio", "per_thousand"):
            entry.add(
                "numerator",
                {"zh": state.say(_("numerator (to complete)"))},
                state.say(_("placeholders: delete both for an indicator reported as rates only")),
            )
            entry.add("denominator", {"zh": state.say(_("denominator (to complete)"))})
        entry.add(
            "plausible_range",
            {"min": low, "max": high},
            state.say(_("placeholder: narrow it to plausible values")),
        )
        out.append(entry)
    if not out:
        placeholder = Map()
        placeholder.note(
            state.say(
                _("to complete: no indicator was found in the text; a placeholder, replace it")
            )
        )
        placeholder.add("id", "indicator_1")
        placeholder.add("name", {"zh": state.say(_("Indicator to complete"))})
        placeholder.add("unit", "percent")
        placeholder.add("plausible_range", {"min": 0.0, "max": 200.0})
        out.append(placeholder)
    return out, ids


def _target_fields(target: FoundTarget) -> dict[str, Any]:
    fields = dict(target.reading)
    fields["wording"] = target.wording
    if target.attribute:
        fields["attribute"] = target.attribute
    return fields


def _goals(
    targets: list[FoundTarget],
    ids: dict[str, str],
    issued: date,
    header: PlanHeader,
    milestones: dict[int, list[Line]],
    state: _State,
) -> tuple[list[Any], list[FoundTarget]]:
    by_year: dict[int, list[FoundTarget]] = defaultdict(list)
    for target in targets:
        assert target.year is not None
        by_year[target.year].append(target)
    kept: list[FoundTarget] = []
    earlier: dict[str, Target] = {}
    goals: list[Any] = []
    for year in sorted(set(by_year) | set(milestones)):
        chosen: dict[str, FoundTarget] = {}
        for target in by_year[year]:
            ind = ids[target.key]
            line = Line(target.line, target.sentence)
            if ind in chosen:
                state.unplaced.append(
                    Unplaced(
                        target.line,
                        target.wording,
                        _("a second target for one indicator in one year"),
                    )
                )
                continue
            model = Target.model_validate(_target_fields(target))
            before = earlier.get(ind)
            direction = (
                Direction.LOWER_IS_BETTER
                if model.comparison.value == "at_most"
                else Direction.HIGHER_IS_BETTER
            )
            if (
                before is not None
                and before.comparison is model.comparison
                and (
                    model.line(direction) < before.line(direction)
                    if direction is Direction.HIGHER_IS_BETTER
                    else model.line(direction) > before.line(direction)
                )
            ):
                state.unplaced.append(
                    Unplaced(
                        target.line,
                        target.wording,
                        _("less ambitious than an earlier year's target"),
                    )
                )
                continue
            chosen[ind] = target
            earlier[ind] = model
            state.placed.add(line.number)
        written = [line.text for line in milestones.get(year, [])]
        if not chosen and not written:
            continue
        state.placed |= {line.number for line in milestones.get(year, [])}
        sentences = list(dict.fromkeys([*written, *(t.sentence for t in chosen.values())]))
        goal = Map()
        goal.add("year", year)
        goal.add("text", {"zh": "\n".join(sentences)})
        mapping = Map()
        for ind, target in chosen.items():
            where = (
                state.say(_("main indicator table, text line {line}", line=target.line))
                if target.source == "table"
                else state.say(_("text line {line}", line=target.line))
            )
            if "year" in target.notes:
                where += state.say(
                    _(
                        "; the sentence gives no year: taken from the title or the plan's "
                        "period, check it",
                    )
                )
            mapping.add(ind, _target_fields(target), where)
        goal.add("targets", mapping)
        goals.append(goal)
        kept += chosen.values()
    if not goals:
        year = header.period[1] if header.period else issued.year + 3
        placeholder = Map()
        placeholder.note(
            state.say(_("to complete: no dated target was found in the text; a placeholder"))
        )
        placeholder.add("year", year)
        placeholder.add("text", {"zh": state.say(_("Goal to complete"))})
        placeholder.add("targets", {})
        goals.append(placeholder)
    return goals, kept


def _baselines(
    kept: list[FoundTarget], ids: dict[str, str], region: RegionGuess, given: str | None
) -> list[Any]:
    out: list[Any] = []
    seen: set[tuple[str, str]] = set()
    for target in kept:
        if target.base is None:
            continue
        period, value = target.base
        key = (ids[target.key], period)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "region": region.code or PLACEHOLDER_CODE,
                "indicator": key[0],
                "period": period,
                "value": value,
                "source": f"line {target.line}",
            }
        )
    return out


# --- actions and tasks ----------------------------------------------------------------


def _actions(
    actions: list[PlannedAction], issued: date, state: _State
) -> tuple[list[Any], list[str]]:
    out: list[Any] = []
    deadlines: list[str] = []
    for action in actions:
        entry = Map()
        entry.add("id", action.id, state.say(_("text line {line}", line=action.line)))
        if action.number is not None:
            entry.add("number", action.number)
        title = action.title or state.say(_("Task to complete"))
        entry.add("title", {"zh": title})
        if action.text:
            entry.add("text", action.text)
        tasks: list[Any] = []
        joint = "" if action.id.endswith(")") else "."
        for task in action.tasks:
            tasks.append(_task(task, f"{action.id}{joint}{task.number}", issued, state, deadlines))
        entry.add("tasks", tasks)
        out.append(entry)
    if not out:
        placeholder = Map()
        placeholder.note(
            state.say(_("to complete: no action or task was found in the text; a placeholder"))
        )
        placeholder.add("id", "A1")
        placeholder.add("title", {"zh": state.say(_("Task to complete"))})
        only = Map()
        only.add("id", "A1.1")
        only.add("title", {"zh": state.say(_("Task to complete"))})
        only.add("text", state.say(_("Task to complete")))
        only.add("deadline_override", _no_deadline(state))
        only.add("deadline", NO_DEADLINE)
        placeholder.add("tasks", [only])
        out.append(placeholder)
    return out, deadlines


def _no_deadline(state: _State) -> dict[str, Any]:
    return {
        "due": None,
        "ongoing": True,
        "reason": state.say(
            _("the text gives no time limit: the draft keeps it ongoing; to complete")
        ),
    }


def _task(
    task: PlannedTask, task_id: str, issued: date, state: _State, deadlines: list[str]
) -> Map:
    entry = Map()
    entry.add("id", task_id, state.say(_("text line {line}", line=task.line)))
    entry.add("title", {"zh": task.title})
    entry.add("text", task.text)
    phrase, note, override = _deadline(task, issued, state)
    if override is not None:
        entry.add("deadline_override", override)
    entry.add("deadline", phrase, note)
    deadlines.append(phrase)
    if task.responsible:
        entry.add("responsible", [{"zh": unit.strip()} for unit in task.responsible])
    return entry


def _deadline(task: PlannedTask, issued: date, state: _State) -> tuple[str, str, Any]:
    """The time limit to write, the comment beside it and an override when it is not read."""
    if task.deadline is not None:
        for candidate in (task.deadline, fold(task.deadline)):
            try:
                parse_deadline(candidate, issued)
            except DeadlineError:
                continue
            note = state.say(
                _(
                    "the action's time limit (text line {line}): check it",
                    line=task.deadline_line,
                )
                if task.inherited
                else _("time limit from text line {line}", line=task.deadline_line)
            )
            if candidate != task.deadline:
                note += state.say(_("; the text writes {verbatim!r}", verbatim=task.deadline))
            return candidate, note, None
        state.unplaced.append(
            Unplaced(
                task.deadline_line or task.line,
                task.deadline,
                _("a time limit that could not be read"),
            )
        )
        override = _no_deadline(state)
        return (
            task.deadline,
            state.say(_("to complete: this time limit could not be read")),
            override,
        )
    found = sentence_deadline(task.text, issued)
    if found is not None:
        return (
            found[0],
            state.say(
                _("read from the task's sentence (text line {line}): check it", line=task.line)
            ),
            None,
        )
    return (
        NO_DEADLINE,
        state.say(_("to complete: the text gives no time limit")),
        _no_deadline(state),
    )
