"""A plan's headings, and which of them are its actions and its tasks.

Chinese plans number their parts with a few markers, nested in a customary order:
``行动一：`` / ``专栏3`` / ``第一章``, ``一、``, ``（一）``, ``1.``, ``（1）``. A document uses
some of them, in the order it first uses them, so the nesting is read from the document
itself (:func:`outline`): a marker first met later nests inside the ones met before.

A line that carries a ``（完成时限：…）`` note but no number (Guilin's tasks under
``行动三``) is a heading of its own, the innermost kind: the note says a task starts there.

Which levels are actions and which tasks (:func:`actions_of`): the tasks are the innermost
headings that hold the plan's work, the actions the level just above them, chosen as the
level most of those tasks sit under. A heading at the action level with nothing under it
(``行动一：…（完成时限：…）`` followed by its paragraph) is an action with one task, itself.
Headings deeper than the tasks belong to their task's text. Sections about goals or about
the guiding ideas (``主要目标``, ``指导思想``) hold no tasks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from gl_plan.plan.draft.clean import Line, fold

__all__ = ["Node", "PlannedAction", "PlannedTask", "actions_of", "outline"]

_CN_DIGITS: Final = "一二三四五六七八九十"
_CN_NUMBER: Final = f"[{_CN_DIGITS}]{{1,3}}"

#: Each kind of heading: its name, the pattern of its marker (on the raw line: full- and
#: half-width forms both), and how its id is written.
_MARKERS: Final = (
    ("action", re.compile(rf"^行[动動]\s*(?P<n>{_CN_NUMBER}|[0-9]{{1,2}})\s*[：:、．.\s]\s*")),
    ("box", re.compile(rf"^(?:专栏|專欄)\s*(?P<n>[0-9]{{1,2}}|{_CN_NUMBER})\s*[：:、．.\s]?\s*")),
    (
        "chapter",
        re.compile(rf"^第\s*(?P<n>{_CN_NUMBER}|[0-9]{{1,2}})\s*(?:章|部分|篇)\s*[：:、]?\s*"),
    ),
    ("cn", re.compile(rf"^(?P<n>{_CN_NUMBER})\s*[、，,．]\s*")),
    ("paren_cn", re.compile(rf"^[（(]\s*(?P<n>{_CN_NUMBER})\s*[）)]\s*[、，,.．]?\s*")),
    ("num", re.compile(r"^(?P<n>[0-9]{1,2})\s*(?:[.．](?![0-9])|、)\s*")),
    ("paren_num", re.compile(r"^[（(]\s*(?P<n>[0-9]{1,2})\s*[）)]\s*[、，,.．]?\s*")),
    ("circled", re.compile(r"^(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
)
#: The innermost kind: an unnumbered line carrying a 完成时限 note.
NOTE_KIND: Final = "note"

#: ``（完成时限：2022年底前，持续实施）``, and ``（责任单位：…）`` beside it.
DEADLINE_NOTE: Final = re.compile(
    r"[（(]\s*(?:完成时限|完成時限|时限要求|時限要求|完成时间|完成時間|时间节点|時間節點)\s*[：:]\s*"
    r"(?P<phrase>[^）)]{1,60})[）)]"
)
RESPONSIBLE_NOTE: Final = re.compile(
    r"[（(]\s*(?:责任单位|責任單位|牵头单位|牽頭單位)\s*[：:]\s*(?P<units>[^）)]{1,200})[）)]"
)
#: Sections about goals, and about the ideas and principles before the work: no tasks.
_GOAL_TITLE: Final = re.compile(r"^[^,，。]{0,8}(?:目标|指标)$")
_PREAMBLE_TITLE: Final = re.compile(
    r"^[^,，。]{0,6}(?:指导思想|基本原则|总体要求|总体思路|重要意义|发展基础|发展现状|"
    r"面临形势|发展成效|工作成效|现实基础)$"
)
#: A title is the heading's words up to the first full stop, when that is short.
_TITLE_END: Final = re.compile(r"[。；;：:]")
_TITLE_MAX: Final = 40


def cn_number(numeral: str) -> int:
    """``十二`` → 12, ``三`` → 3, ``①`` → 1, ``7`` → 7."""
    if numeral.isdecimal() and numeral.isascii():
        return int(numeral)
    if len(numeral) == 1 and "①" <= numeral <= "⑳":
        return ord(numeral) - ord("①") + 1
    digits = {ch: i for i, ch in enumerate(_CN_DIGITS[:-1], start=1)}
    if "十" not in numeral:
        return digits.get(numeral, 0)
    tens, _, ones = numeral.partition("十")
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


@dataclass
class Node:
    """A heading and what follows it up to the next heading (the root: the preamble)."""

    kind: str
    number: int
    line: Line | None
    title: str = ""
    #: Body text on the heading's own line, after its title and notes.
    rest: str = ""
    #: The 完成时限 phrase of a note on the heading line, verbatim.
    deadline: str | None = None
    responsible: list[str] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    rank: int = -1

    @property
    def label(self) -> str:
        """This heading's part of an id: ``A3``, ``专栏3``, ``三``, ``(一)``, ``1``, ``(1)``."""
        n = self.number
        assert self.line is not None
        match self.kind:
            case "action":
                return f"A{n}"
            case "box":
                return f"专栏{n}"
            case "chapter":
                return f"C{n}"
            case "cn":
                return _CN_LABELS[n] if n < len(_CN_LABELS) else str(n)
            case "paren_cn":
                return f"({_CN_LABELS[n] if n < len(_CN_LABELS) else n})"
            case "paren_num" | "circled":
                return f"({n})"
        return str(n)

    @property
    def in_goal_section(self) -> bool:
        return any(_GOAL_TITLE.search(fold(n.title)) for n in self.path())

    @property
    def in_preamble_section(self) -> bool:
        return any(_PREAMBLE_TITLE.search(fold(n.title)) for n in self.path())

    def path(self) -> list[Node]:
        """This node and its ancestors below the root, outermost first."""
        out: list[Node] = []
        node: Node | None = self
        while node is not None and node.line is not None:
            out.append(node)
            node = node.parent
        return out[::-1]

    def walk(self) -> list[Node]:
        """This node and every node below it, in document order."""
        out = [self]
        for child in self.children:
            out += child.walk()
        return out

    def lines(self) -> list[Line]:
        """Every line of this node and its descendants, in document order."""
        out = ([self.line] if self.line is not None else []) + self.body
        for child in self.children:
            out += child.lines()
        return sorted(out, key=lambda line: line.number)


_CN_LABELS: Final = [
    "",
    *(_cn for _cn in "一二三四五六七八九十"),
    *("十" + d for d in "一二三四五六七八九"),
    "二十",
]


def _heading(line: Line) -> Node | None:
    text = line.text
    for kind, pattern in _MARKERS:
        if (found := pattern.match(text)) is None:
            continue
        rest = text[found.end() :]
        if not rest.strip() or (kind == "num" and rest[:1] in "年月日%"):
            continue
        node = Node(kind, cn_number(found["n"]), line)
        _split_heading(node, rest)
        return node
    if DEADLINE_NOTE.search(text):
        node = Node(NOTE_KIND, 0, line)
        _split_heading(node, text)
        return node
    return None


def _split_heading(node: Node, words: str) -> None:
    """Title, deadline note, responsible units and the body that follows on the line."""
    note = DEADLINE_NOTE.search(words)
    if note is not None:
        node.deadline = note["phrase"].strip()
        before, after = words[: note.start()].strip(), words[note.end() :].strip()
    else:
        before, after = words.strip(), ""
    for found in RESPONSIBLE_NOTE.finditer(words):
        node.responsible += [u for u in re.split(r"[、，,;；]", found["units"]) if u.strip()]
    before = RESPONSIBLE_NOTE.sub("", before).strip()
    after = RESPONSIBLE_NOTE.sub("", after).strip()
    end = _TITLE_END.search(before)
    if end is not None and end.start() <= _TITLE_MAX:
        title, body = before[: end.start()], before[end.end() :].strip()
    elif len(before) <= _TITLE_MAX:
        title, body = before, ""
    else:  # a long first sentence: its first words stand for the title
        title, body = before[:_TITLE_MAX].rstrip("，,、") + "…", before
    node.title = title.strip() or words.strip()[:_TITLE_MAX]
    if node.kind == NOTE_KIND and body:
        body = before  # several sentences before the note: the paragraph is the task
    node.rest = " ".join(part for part in (body, after) if part)


def outline(lines: list[Line]) -> Node:
    """The document as a tree of headings; a kind's rank is its order of first use."""
    root = Node("root", 0, None)
    ranks: dict[str, int] = {}
    stack = [root]
    for line in lines:
        node = _heading(line)
        if node is None:
            stack[-1].body.append(line)
            continue
        # A note line is the innermost heading, whatever came before.
        rank = 99 if node.kind == NOTE_KIND else ranks.setdefault(node.kind, len(ranks))
        node.rank = rank
        # A box (专栏3) stands beside the text's sections, never inside one.
        while len(stack) > 1 and (stack[-1].rank >= rank or node.kind == "box"):
            stack.pop()
        node.parent = stack[-1]
        stack[-1].children.append(node)
        stack.append(node)
    return root


@dataclass
class PlannedTask:
    """A task as read: its number in its action, its words and where they come from."""

    number: int
    title: str
    text: str
    deadline: str | None
    deadline_line: int | None
    line: int
    responsible: list[str]
    #: The 完成时限 was the action's, not the task's own.
    inherited: bool = False


@dataclass
class PlannedAction:
    id: str
    number: int | None
    title: str
    line: int
    tasks: list[PlannedTask] = field(default_factory=list)
    #: The action's own paragraph before its tasks (``二、目标任务`` then its lead).
    text: str = ""
    #: Every line the action and its tasks hold.
    lines: set[int] = field(default_factory=set)


def _holds_work(node: Node) -> bool:
    return node.line is not None and not node.in_goal_section and not node.in_preamble_section


def _has_content(node: Node) -> bool:
    return bool(node.rest or node.body or node.deadline or node.children)


def actions_of(root: Node) -> tuple[list[PlannedAction], list[Node]]:
    """The actions and their tasks, and the headings left over (sections holding neither).

    The action level is the one most task headings sit directly under (ties: the outer).
    """
    work = [n for n in root.walk() if _holds_work(n)]
    leaves = [n for n in work if not any(_holds_work(c) for c in n.children) and _has_content(n)]
    if not leaves:
        return [], [n for n in root.walk() if n.line is not None]
    parent_ranks = Counter(
        leaf.parent.rank if leaf.parent else -1
        for leaf in leaves
        if leaf.parent is None or leaf.parent.kind != "box"
    ) or Counter({-1: 1})
    action_rank = max(parent_ranks.items(), key=lambda item: (item[1], -item[0]))[0]
    actions: list[PlannedAction] = []
    used: set[int] = set()
    for node in work:
        if id(node) in used:
            continue
        if (
            node.kind == "box"
            or node.rank == action_rank
            or (node.rank < action_rank and node in leaves)
        ):
            action = _action(node)
            action.lines = {line.number for line in node.lines()}
            actions.append(action)
            used.update(id(n) for n in node.walk())
        elif action_rank == -1 and node.parent is not None and node.parent.line is None:
            # The tasks sit at the top: one action holds them (the document names none).
            used.update(id(n) for n in node.walk())
            if not actions or actions[-1].id != "A1":
                actions.append(PlannedAction("A1", 1, "", node.line.number if node.line else 0))
            actions[-1].tasks.append(_task(node, len(actions[-1].tasks) + 1, None))
            actions[-1].lines |= {line.number for line in node.lines()}
    leftover = [n for n in work if id(n) not in used]
    return actions, leftover


def _action(node: Node) -> PlannedAction:
    assert node.line is not None
    parts = [n.label for n in node.path()]
    action_id = parts[0]
    for part in parts[1:]:
        joint = "-" if action_id[-1].isdigit() and part[0].isdigit() else ""
        action_id += joint + part
    action = PlannedAction(action_id, node.number or None, node.title, node.line.number)
    inner = [c for c in node.children if _has_content(c)]
    if not inner:
        action.tasks.append(_task(node, 1, None))
        return action
    # The action's own paragraph before its tasks is its text, not a task of its own.
    action.text = _text(node, whole=False)
    task_rank = min(c.rank for c in inner)
    for child in node.children:
        if child.rank != task_rank and action.tasks:
            # A deeper heading out of place: part of the task before it.
            action.tasks[-1].text = "\n".join(
                part for part in (action.tasks[-1].text, _text(child, whole=True)) if part
            )
            continue
        previous = action.tasks[-1].number if action.tasks else 0
        number = child.number if child.number > previous else previous + 1
        action.tasks.append(_task(child, number, node.deadline))
    return action


def _text(node: Node, *, whole: bool, with_heading: bool = True) -> str:
    parts: list[str] = []
    if node.rest:
        parts.append(node.rest)
    parts += [line.text for line in node.body]
    if whole:
        for child in node.children:
            heading = child.line.text if child.line is not None and with_heading else ""
            parts += [heading, *[line.text for line in child.lines()[1:]]]
    return "\n".join(p for p in parts if p)


def _task(node: Node, number: int, inherited: str | None, *, own_only: bool = False) -> PlannedTask:
    assert node.line is not None
    text = _text(node, whole=not own_only)
    deadline, where = node.deadline, node.line.number
    if deadline is None:
        # A note on a body line: ``…谈心谈话。（完成时限：…）``.
        for line in node.lines() if not own_only else [node.line, *node.body]:
            if (note := DEADLINE_NOTE.search(line.text)) is not None:
                deadline, where = note["phrase"].strip(), line.number
                break
    task = PlannedTask(
        number=number,
        title=node.title,
        text=text or node.line.text,
        deadline=deadline,
        deadline_line=where if deadline else None,
        line=node.line.number,
        responsible=list(dict.fromkeys(node.responsible)),
    )
    if deadline is None and inherited is not None:
        task.deadline, task.deadline_line, task.inherited = inherited, where, True
    return task
