"""Load ``plan.yaml`` safely and map every problem back to its line and column.

PyYAML composes the text into its node tree (over libyaml's parser when PyYAML has it), and
every node carries its line and column. The composer is PyYAML's own with one check where
each node is made, so that anchors, aliases and tags are refused (a 400-byte alias bomb
otherwise expands to hundreds of MB), and a plan nested deeper than
:data:`~gl_plan.limits.MAX_PLAN_DEPTH` levels or holding more than
:data:`~gl_plan.limits.MAX_PLAN_NODES` values is refused as soon as the limit is passed.

Plain values are then built from the nodes: scalars by ``yaml.SafeLoader``'s constructors
(YAML 1.1, as ``yaml.safe_load`` reads them: unquoted ``no`` is false, ``2022-08-31`` a
date), keys as the text written, a duplicate key an error rather than "last one wins". Both
walks recurse at most the depth limit, so no input reaches Python's recursion limit.
"""

from __future__ import annotations

import sys
from pathlib import Path as FsPath
from typing import Any, Final, Protocol

import yaml
from pydantic import ValidationError
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from gl_plan.errors import Code, ExitCode, GlplanError, Message, Msg, Problem, msg
from gl_plan.io import read_input_file
from gl_plan.limits import MAX_PLAN_BYTES, MAX_PLAN_DEPTH, MAX_PLAN_NODES, MAX_PLAN_PROBLEMS
from gl_plan.plan.messages import field_path, problem_code, reason, syntax_error, unreadable
from gl_plan.plan.models import DocPath, Plan

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml: its own parser, slower
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

__all__ = ["load_plan", "parse_plan", "read_plan_text"]

_TAG: Final = "tag:yaml.org,2002:"
#: SafeLoader's constructors of the scalars YAML 1.1 resolves; ``=`` and ``<<`` stay text.
_SCALARS: Final = {
    _TAG + kind: SafeConstructor.yaml_constructors[_TAG + kind]
    for kind in ("null", "bool", "int", "float", "timestamp", "str")
}
_CONSTRUCTOR: Final = SafeConstructor()


class _Mark(Protocol):
    """Where a node or an error starts (0-based): PyYAML's or libyaml's mark."""

    line: int
    column: int


class _Refused(Exception):
    def __init__(self, message: Msg, mark: _Mark | None, code: Code = Code.YAML) -> None:
        super().__init__(str(message))
        self.message, self.mark, self.code = message, mark, code


class _PlanLoader(_Parser, Composer, Resolver):
    """libyaml's parser under PyYAML's composer, which checks each node as it makes it."""

    check_node, get_node = Composer.check_node, Composer.get_node
    get_single_node = Composer.get_single_node  # not libyaml's: it would skip compose_node

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        Resolver.__init__(self)
        self.nodes = self.depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        assert isinstance(event, yaml.NodeEvent)
        where, nested = event.start_mark, isinstance(event, yaml.CollectionStartEvent)
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(msg("plan.yaml.alias", name=event.anchor), where, Code.YAML_ALIAS)
        if event.anchor is not None:
            raise _Refused(msg("plan.yaml.anchor", name=event.anchor), where, Code.YAML_ALIAS)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and (nested or tag != _TAG + "str"):
            raise _Refused(msg("plan.yaml.tag", tag=tag.replace(_TAG, "!!")), where)
        self.nodes += 1
        if self.nodes > MAX_PLAN_NODES:
            raise _Refused(msg("plan.too_many_values", limit=MAX_PLAN_NODES), where, Code.TOO_LARGE)
        if nested and self.depth >= MAX_PLAN_DEPTH:
            raise _Refused(msg("plan.too_deep", limit=MAX_PLAN_DEPTH), where, Code.TOO_DEEP)
        self.depth += nested
        node = super().compose_node(parent, index)
        self.depth -= nested
        return node


def parse_plan(text: str, file: str = "<plan>") -> Plan:
    """Validate plan YAML text; raise :class:`GlplanError` listing every problem, located.

    Raises nothing else, whatever the text: a text that is not YAML, nests too deeply, holds
    too many values or uses aliases is refused with a located problem.
    """
    try:
        root = yaml.compose(text, Loader=_PlanLoader)  # type: ignore[arg-type]
    except _Refused as exc:
        raise _refused([_problem(exc.message, file, exc.mark, (), exc.code)]) from None
    except yaml.YAMLError as exc:
        message, code, (line, column) = syntax_error(exc, text)
        problem = Problem(message, file=file, line=line, column=column, code=code)
        raise _refused([problem]) from None
    except UnicodeEncodeError:  # a str with lone surrogates (libyaml reads UTF-8); no file
        problem = Problem(msg("plan.not_unicode"), file=file, code=Code.ENCODING_ERROR)
        raise _refused([problem]) from None
    if root is None:
        raise _refused([Problem(msg("plan.empty"), file=file, code=Code.EMPTY)])
    if not isinstance(root, MappingNode):
        kind = msg("plan.kind.list" if isinstance(root, SequenceNode) else "plan.kind.value")
        message = msg("plan.not_mapping", kind=kind)
        raise _refused([_problem(message, file, root.start_mark, (), Code.TYPE_ERROR)])
    problems: list[Problem] = []
    data, marks, unread = _plain(root, file, problems)
    cross: list[tuple[DocPath, Message]] = []
    try:
        plan = Plan.model_validate(data, context={"cross_check_problems": cross})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            path = field_path(err)
            if path not in unread:
                where = _deepest(path, marks)
                problems.append(_problem(reason(err), file, where, path, problem_code(err)))
    problems += [_problem(m, file, _deepest(p, marks), p, Code.CROSS_CHECK) for p, m in cross]
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        if len(problems) > MAX_PLAN_PROBLEMS:
            more = msg("plan.more_problems", n=len(problems) - MAX_PLAN_PROBLEMS)
            problems[MAX_PLAN_PROBLEMS:] = [Problem(more, file=file, code=Code.MORE)]
        raise _refused(problems)
    return plan


def _plain(
    root: Node, file: str, problems: list[Problem]
) -> tuple[Any, dict[DocPath, _Mark], set[DocPath]]:
    """The document as plain values; where each value starts (a mapping's entry: its key),
    by path; and the paths of the scalars that could not be read (each has its problem)."""
    marks: dict[DocPath, _Mark] = {(): root.start_mark}
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
            message = unreadable(node.value, node.tag.removeprefix(_TAG), exc)
            problems.append(_problem(message, file, node.start_mark, path))
            return node.value

    return value(root, ()), marks, unread


def _key_problem(node: Node, mapping: dict[str, Any]) -> Msg | None:
    if not isinstance(node, ScalarNode):
        return msg("plan.yaml.key_not_text")
    if node.tag == _TAG + "merge":
        return msg("plan.yaml.merge_key")
    return msg("plan.yaml.duplicate_key", name=node.value) if node.value in mapping else None


def _problem(
    message: Message, file: str, mark: _Mark | None, path: DocPath, code: Code = Code.INVALID
) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    field = ".".join(map(str, path)) or None
    return Problem(message, file=file, line=line, column=column, field=field, code=code)


def _refused(problems: list[Problem]) -> GlplanError:
    return GlplanError(problems, ExitCode.FINDINGS)


def _deepest(path: DocPath, marks: dict[DocPath, _Mark]) -> _Mark | None:
    """Where the deepest node on ``path`` that the document has starts."""
    return next(
        (marks[path[:end]] for end in range(len(path), -1, -1) if path[:end] in marks), None
    )


def _scalar(node: ScalarNode) -> Any:
    """The value as ``yaml.safe_load`` reads it; :class:`ValueError` if Python cannot hold
    it, or could not print it (an integer over Python's limit on digits, in decimal or not)."""
    build = _SCALARS.get(node.tag)
    value = node.value if build is None else build(_CONSTRUCTOR, node)
    # Three bits to a decimal digit is fewer than there are: the test errs on the safe side.
    if isinstance(value, int) and value.bit_length() > 3 * sys.get_int_max_str_digits() > 0:
        raise ValueError("an integer over Python's limit on digits")
    return value


def read_plan_text(path: FsPath) -> str:
    """Read a plan file's text, refusing what cannot be a plan before parsing it.

    Refused with :class:`GlplanError`: a missing or unreadable path and a folder (exit code
    2); more than :data:`MAX_PLAN_BYTES` bytes, binary data and text that is not UTF-8
    (exit code 1). Never reads more than the limit, whatever the path is.
    """
    raw = read_input_file(path, MAX_PLAN_BYTES, "a plan", too_large_exit=ExitCode.FINDINGS)
    if b"\x00" in raw:
        problem = Problem(msg("plan.binary"), file=str(path), code=Code.ENCODING_ERROR)
        raise _refused([problem])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = Problem(msg("plan.not_utf8"), file=str(path), line=line, code=Code.ENCODING_ERROR)
        raise _refused([problem]) from None


def load_plan(path: str | FsPath) -> Plan:
    """Read and validate a plan file.

    >>> plan = load_plan("data/plan.yaml")  # doctest: +SKIP
    >>> plan.task_by_id["A9.4"].due  # doctest: +SKIP
    datetime.date(2022, 8, 31)
    """
    return parse_plan(read_plan_text(FsPath(path)), file=str(path))
