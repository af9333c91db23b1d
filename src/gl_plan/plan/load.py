"""Load ``plan.yaml`` safely and map every problem back to its line and column.

PyYAML's composer (:mod:`gl_plan.plan.yamlnodes`) makes nodes that carry their line and
column, refusing anchors, aliases, tags and input past the size and depth limits as it
goes. Values are built from the
nodes: scalars by ``yaml.SafeLoader``'s constructors (YAML 1.1: unquoted ``no`` is false,
``2022-08-31`` a date), keys as written, a duplicate key refused. Both walks recurse at most
the depth limit.
"""

from __future__ import annotations

import sys
from pathlib import Path as FsPath
from typing import Any, Final

import yaml
from pydantic import ValidationError
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gl_plan.decoding import read_input_file
from gl_plan.errors import Code, ExitCode, GlplanError, Problem
from gl_plan.i18n import Message, Msg, _
from gl_plan.limits import MAX_PLAN_BYTES, MAX_PLAN_PROBLEMS
from gl_plan.plan import messages
from gl_plan.plan.crosscheck import DocPath
from gl_plan.plan.messages import Mark, Place
from gl_plan.plan.models import Plan
from gl_plan.plan.yamlnodes import TAG, PlanComposer

__all__ = ["load_plan", "parse_plan", "read_plan_text"]

#: SafeLoader's constructors of the scalars YAML 1.1 resolves; ``=`` and ``<<`` stay text.
_KINDS: Final = ("null", "bool", "int", "float", "timestamp", "str")
_SCALARS: Final = {TAG + kind: SafeConstructor.yaml_constructors[TAG + kind] for kind in _KINDS}
_CONSTRUCTOR: Final = SafeConstructor()
#: Where each value of the document starts (a mapping's entry: its key), by path.
_Marks = dict[DocPath, Mark]


def parse_plan(text: str, file: str = "<plan>") -> Plan:
    """Validate plan YAML text; raise :class:`GlplanError` listing every problem, located,
    and nothing else whatever the text (not YAML, too deep, too large, an alias)."""
    try:
        root = yaml.compose(text, Loader=PlanComposer)  # type: ignore[arg-type]
    except yaml.YAMLError as exc:  # what libyaml cannot parse, or what the loader refuses
        raise _refused(file, *messages.syntax_error(exc, text)) from None
    except UnicodeEncodeError:  # a str with lone surrogates (libyaml reads UTF-8); no file
        raise _refused(file, _("not valid Unicode text"), Code.ENCODING_ERROR) from None
    if root is None:
        raise _refused(file, _("the plan file is empty"), Code.EMPTY)
    if not isinstance(root, MappingNode):
        kind = _("a list") if isinstance(root, SequenceNode) else _("a single value")
        message = _(
            "the plan must be a mapping of keys (plan, regions, ...), not {kind}", kind=kind
        )
        raise _refused(file, message, Code.TYPE_ERROR, messages.place(root.start_mark))
    problems: list[Problem] = []
    data, marks, unread = _plain(root, file, problems)
    cross: list[tuple[DocPath, Message]] = []
    found: list[tuple[DocPath, Message, Code]] = []
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(data, context={"cross_check_problems": cross})
    except ValidationError as exc:
        found = [messages.validation_error(e) for e in exc.errors(include_url=False)]
    for path, said, code in found + [(path, m, Code.CROSS_CHECK) for path, m in cross]:
        if path not in unread:  # its problem is the value's own, already listed
            start = next(marks[path[:n]] for n in range(len(path), -1, -1) if path[:n] in marks)
            problems.append(_problem(said, file, start, path, code))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        if len(problems) > MAX_PLAN_PROBLEMS:
            more = _("... and {n:,} more problems not listed", n=len(problems) - MAX_PLAN_PROBLEMS)
            problems[MAX_PLAN_PROBLEMS:] = [Problem(more, file=file, code=Code.MORE)]
        raise GlplanError(problems, ExitCode.FINDINGS)
    assert plan is not None
    return plan


def _plain(root: Node, file: str, problems: list[Problem]) -> tuple[Any, _Marks, set[DocPath]]:
    """The document as plain values; where each value starts (a mapping's entry: its key),
    by path; and the paths of the scalars that could not be read (each has its problem)."""
    marks: _Marks = {(): root.start_mark}
    unread: set[DocPath] = set()

    def value(node: Node, path: DocPath) -> Any:
        if isinstance(node, SequenceNode):
            marks.update(((*path, i), item.start_mark) for i, item in enumerate(node.value))
            return [value(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            mapping: dict[str, Any] = {}
            for key_node, item in node.value:
                if (refused := _key_problem(key_node, mapping)) is not None:
                    where = (*path, key_node.value) if isinstance(key_node, ScalarNode) else path
                    problems.append(_problem(refused, file, key_node.start_mark, where, Code.YAML))
                    continue
                marks[(*path, key_node.value)] = key_node.start_mark
                mapping[key_node.value] = value(item, (*path, key_node.value))
            return mapping
        assert isinstance(node, ScalarNode)
        try:
            return _scalar(node)
        except ValueError as exc:  # Python's limit on digits, a 30 February
            unread.add(path)
            message = messages.unreadable(node.value, node.tag.removeprefix(TAG), exc)
            problems.append(_problem(message, file, node.start_mark, path, Code.INVALID))
            return node.value

    return value(root, ()), marks, unread


def _key_problem(node: Node, mapping: dict[str, Any]) -> Msg | None:
    if not isinstance(node, ScalarNode):
        return _("a key must be plain text")
    if node.tag == TAG + "merge":
        return _("YAML merge keys (<<) are not allowed")
    return _("duplicate key {name!r}", name=node.value) if node.value in mapping else None


def _scalar(node: ScalarNode) -> Any:
    """The value as ``yaml.safe_load`` reads it; :class:`ValueError` if Python cannot hold
    it, or could not print it (an integer over Python's limit on digits, in decimal or not)."""
    build = _SCALARS.get(node.tag)
    value = node.value if build is None else build(_CONSTRUCTOR, node)
    # Three bits to a decimal digit is fewer than there are: the test errs on the safe side.
    if isinstance(value, int) and value.bit_length() > 3 * sys.get_int_max_str_digits() > 0:
        raise ValueError("an integer over Python's limit on digits")
    return value


def _problem(message: Message, file: str, mark: Mark, path: DocPath, code: Code) -> Problem:
    line, column = messages.place(mark)
    field = ".".join(map(str, path)) or None
    return Problem(message, file=file, line=line, column=column, field=field, code=code)


def _refused(file: str, message: Msg, code: Code, place: Place = (None, None)) -> GlplanError:
    problem = Problem(message, file=file, line=place[0], column=place[1], code=code)
    return GlplanError([problem], ExitCode.FINDINGS)


def read_plan_text(path: FsPath) -> str:
    """A plan file's text; :class:`GlplanError` for a missing path or a folder (exit code 2),
    more than :data:`MAX_PLAN_BYTES` bytes, binary data or text not UTF-8 (exit code 1)."""
    raw = read_input_file(path, MAX_PLAN_BYTES, "a plan", too_large_exit=ExitCode.FINDINGS)
    if b"\x00" in raw:
        raise _refused(str(path), _("binary data, not a YAML text file"), Code.ENCODING_ERROR)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _refused(
            str(path),
            _("not UTF-8 text (save the plan as UTF-8)"),
            Code.ENCODING_ERROR,
            (line, None),
        ) from None


def load_plan(path: str | FsPath) -> Plan:
    """Read and validate a plan file: ``load_plan("data/plan.yaml").task_by_id["A9.4"].due``
    is ``date(2022, 8, 31)``."""
    return parse_plan(read_plan_text(FsPath(path)), file=str(path))
