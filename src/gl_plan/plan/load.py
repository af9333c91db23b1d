"""Load ``plan.yaml`` safely and map every validation error back to its line and column.

The YAML text is read as a stream of parser events (libyaml's fast C parser when PyYAML has
it, else PyYAML's own) and values are built from the events here, without recursion and
without PyYAML's constructors, so that:

- anchors and aliases are refused (a 400-byte alias bomb otherwise expands to hundreds of
  MB once validated);
- a plan nested deeper than :data:`~gl_plan.limits.MAX_PLAN_DEPTH` levels or holding more
  than :data:`~gl_plan.limits.MAX_PLAN_NODES` values is refused with a located message as
  soon as the limit is passed, not after filling memory (or overflowing the stack);
- duplicate keys are errors, not "last one wins";
- plain scalars follow YAML 1.2's core schema: ``NO``, ``on`` and ``yes`` stay text, only
  ``true``/``false`` are booleans; ``0123`` stays text so a leading zero survives; dates
  stay text for the models to parse;
- every value's position is kept, keyed by its path, for located messages.

A file that is not valid YAML gets PyYAML's own wording of the error (the C parser words
some errors differently), so messages do not depend on how PyYAML was installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path as FsPath
from typing import Any, Final

import yaml
from pydantic import ValidationError

from gl_plan.errors import Code, ExitCode, GlplanError, Message, Problem
from gl_plan.io import read_input_file
from gl_plan.limits import MAX_PLAN_BYTES, MAX_PLAN_DEPTH, MAX_PLAN_NODES, MAX_PLAN_PROBLEMS
from gl_plan.plan.models import Plan

__all__ = [
    "MAX_PLAN_BYTES",
    "MAX_PLAN_DEPTH",
    "MAX_PLAN_NODES",
    "load_plan",
    "parse_plan",
    "read_plan_text",
]

DocPath = tuple[str | int, ...]
Position = tuple[int, int]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
#: Quoted and block scalars are always text. A plain scalar's style is None from PyYAML's
#: parser and "" from libyaml's.
_TEXT_STYLES: Final = frozenset({"'", '"', "|", ">"})
#: A YAML syntax error the C parser finds within this many characters is worded by PyYAML's
#: parser (a second, slower pass over the text up to the error); beyond, libyaml's wording.
_REWORD_LIMIT: Final = 256 * 1024

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(Exception):
    def __init__(self, message: str, mark: Any, code: Code) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.code = code


def _pos(mark: Any) -> Position:
    return (int(mark.line) + 1, int(mark.column) + 1)


def _events(text: str, loader: type[yaml.SafeLoader]) -> Iterator[yaml.Event]:
    parser = loader(text)
    try:
        while parser.check_event():
            yield parser.get_event()  # type: ignore[no-untyped-call]
    finally:
        parser.dispose()


class _Skip:
    """Marks a mapping entry whose value is to be read past, not kept."""


_SKIP: Final = _Skip()


class _Frame:
    """A list or mapping being built; for a mapping, the key whose value comes next."""

    __slots__ = ("key", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: DocPath) -> None:
        self.value = value
        self.path = path
        self.key: str | _Skip | None = None


class _Builder:
    """Turns parser events into plain Python values, recording where each came from.

    Iterative (an explicit stack, no recursion) and bounded: nesting depth and the number of
    values are checked at each event, before anything else is allocated.
    """

    def __init__(self) -> None:
        #: Where each value starts, as the parser's marks (turned into line and column only
        #: for the few paths a message needs: see :func:`_pos`).
        self.positions: dict[DocPath, Any] = {}
        self.problems: list[tuple[Position, DocPath, str]] = []
        self.nodes = 0
        self.documents = 0

    def build(self, events: Iterable[yaml.Event]) -> tuple[bool, Any, Any]:
        """``(found, value, mark)``: whether the stream held a document, its value, and
        where the document's root starts."""
        stack: list[_Frame] = []
        #: > 0 while reading past a value that is not kept (a duplicate key's, ...).
        skipping = 0
        #: What the mapping on top expects once the skipped value is read past.
        after_skip: str | _Skip | None = None
        found, root, root_mark = False, None, None
        positions = self.positions
        # The parsers make exactly these classes; comparing classes is much cheaper than
        # isinstance over the ~20 events per region of a large plan.
        scalar_cls, alias_cls = yaml.ScalarEvent, yaml.AliasEvent
        mapping_cls, sequence_cls = yaml.MappingStartEvent, yaml.SequenceStartEvent
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        document_cls = yaml.DocumentStartEvent

        top: _Frame | None
        for event in events:
            cls = event.__class__
            if cls is scalar_cls:
                is_start = False
            elif cls is mapping_cls or cls is sequence_cls:
                is_start = True
            elif cls in ends:
                if skipping:
                    skipping -= 1
                    if not skipping:
                        stack[-1].key = after_skip
                    continue
                frame = stack.pop()
                value: Any = frame.value
                if not stack:
                    found, root = True, value
                    continue
                parent = stack[-1]
                if parent.value.__class__ is dict:
                    parent.value[parent.key] = value  # type: ignore[index]
                    parent.key = None
                else:
                    parent.value.append(value)  # type: ignore[union-attr]
                continue
            elif cls is document_cls:
                self.documents += 1
                if self.documents > 1:
                    raise _Refused(
                        "invalid YAML: a plan is a single document, but a second one starts "
                        "here (a stray '---'?)",
                        event.start_mark,
                        Code.YAML,
                    )
                continue
            elif cls is alias_cls:
                raise _Refused(
                    f"YAML aliases (*{event.anchor}) are not allowed in a plan",  # type: ignore[attr-defined]
                    event.start_mark,
                    Code.YAML_ALIAS,
                )
            else:
                continue  # stream and document boundaries
            anchor = event.anchor  # type: ignore[attr-defined]
            if anchor is not None:
                raise _Refused(
                    f"YAML anchors (&{anchor}) are not allowed in a plan",
                    event.start_mark,
                    Code.YAML_ALIAS,
                )
            self.nodes += 1
            if self.nodes > MAX_PLAN_NODES:
                raise _Refused(
                    f"too many values: a plan holds at most {MAX_PLAN_NODES:,} "
                    "(keys, texts, numbers, lists and mappings)",
                    event.start_mark,
                    Code.TOO_LARGE,
                )
            if is_start and len(stack) + skipping >= MAX_PLAN_DEPTH:
                raise _Refused(_too_deep(), event.start_mark, Code.TOO_DEEP)

            if skipping:
                if is_start:
                    skipping += 1
                continue
            if not stack:
                path: DocPath = ()
                root_mark = event.start_mark
                top = None
            else:
                top = stack[-1]
                container = top.value
                if container.__class__ is dict:
                    key = top.key
                    if key is None:
                        self._key(event, top)
                        if is_start:
                            # A list or mapping as a key: read past it, then past its value.
                            skipping, after_skip = 1, _SKIP
                        continue
                    if key is _SKIP:
                        if is_start:
                            skipping, after_skip = 1, None
                        else:
                            top.key = None
                        continue
                    path = (*top.path, key)  # type: ignore[arg-type]
                else:
                    path = (*top.path, len(container))
            if path not in positions:
                positions[path] = event.start_mark
            if is_start:
                stack.append(_Frame({} if cls is mapping_cls else [], path))
                continue
            value = _scalar(event)  # type: ignore[arg-type]
            if top is None:
                found, root = True, value
            elif top.value.__class__ is dict:
                top.value[top.key] = value  # type: ignore[index]
                top.key = None
            else:
                top.value.append(value)  # type: ignore[union-attr]
        return found, root, root_mark

    def _key(self, event: yaml.Event, top: _Frame) -> None:
        """Take a mapping key (or refuse it: the value that follows is then skipped)."""
        assert isinstance(top.value, dict)
        top.key = _SKIP
        if not isinstance(event, yaml.ScalarEvent):
            self.problems.append((_pos(event.start_mark), top.path, "a key must be plain text"))
            return
        key = str(event.value)
        if key == "<<" and event.style in (None, ""):
            self.problems.append(
                (_pos(event.start_mark), top.path, "YAML merge keys (<<) are not allowed")
            )
            return
        if key in top.value:
            self.problems.append(
                (_pos(event.start_mark), (*top.path, key), f"duplicate key {key!r}")
            )
            return
        self.positions[(*top.path, key)] = event.start_mark
        top.key = key


def _scalar(event: yaml.ScalarEvent) -> Any:
    text = event.value
    if event.style in _TEXT_STYLES:
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text) and any(c.isdigit() for c in text):
        return float(text)
    return text


def _compose(text: str) -> tuple[_Builder, bool, Any, Any]:
    """Build the document's value; raise :class:`_Refused` or :class:`yaml.YAMLError`."""
    builder = _Builder()
    try:
        found, root, mark = builder.build(_events(text, _Loader))
    except yaml.YAMLError as exc:
        if "maximum nesting depth" in str(getattr(exc, "problem", "")):
            # libyaml's own bound (1,000 levels), reached while it looks ahead of our check.
            raise _Refused(_too_deep(), getattr(exc, "problem_mark", None), Code.TOO_DEEP) from None
        _reword(exc, text)
        raise
    return builder, found, root, mark


def _reword(exc: yaml.YAMLError, text: str) -> None:
    """Raise PyYAML's wording of a syntax error the C parser found, if PyYAML's parser finds
    the same error on the same line; otherwise return, keeping libyaml's wording.

    Only the text up to the end of the error's line is parsed again, and only when it is
    short: PyYAML's parser is pure Python, and slow on some inputs.
    """
    mark = getattr(exc, "problem_mark", None)
    if _Loader is yaml.SafeLoader or mark is None or mark.index > _REWORD_LIMIT:
        return
    end = text.find("\n", mark.index)
    try:
        for _ in _events(text if end < 0 else text[: end + 1], yaml.SafeLoader):
            pass
    except yaml.YAMLError as again:
        again_mark = getattr(again, "problem_mark", None)
        if again_mark is not None and again_mark.line == mark.line:
            raise again from None


def _too_deep() -> str:
    return f"nested too deeply: a plan nests lists and mappings at most {MAX_PLAN_DEPTH} levels"


def _locate(path: DocPath, positions: dict[DocPath, Any]) -> Position | None:
    """The position of the deepest node on ``path`` that exists in the document."""
    for end in range(len(path), -1, -1):
        mark = positions.get(path[:end])
        if mark is not None:
            return _pos(mark)
    return None


def _clean_loc(loc: Iterable[str | int]) -> DocPath:
    # pydantic adds validator names such as "function-after[_bounds(), Quantity]" to locations
    return tuple(part for part in loc if not (isinstance(part, str) and "[" in part))


def parse_plan(text: str, file: str = "<plan>") -> Plan:
    """Validate plan YAML text; raise :class:`GlplanError` listing every problem, located.

    Raises nothing else, whatever the text: a text that is not YAML, nests too deeply, holds
    too many values or uses aliases is refused with a located problem.
    """
    # A national plan is a few hundred thousand values and models, none in a reference
    # cycle; the collector walking them over and over cost a third of the load.
    return _parse_plan(text, file)


def _parse_plan(text: str, file: str) -> Plan:
    try:
        builder, found, data, root_mark = _compose(text)
    except _Refused as exc:
        line, col = _pos(exc.mark) if exc.mark is not None else (None, None)
        raise GlplanError(
            [Problem(exc.message, file=file, line=line, column=col, code=exc.code)],
            ExitCode.FINDINGS,
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = _pos(mark) if mark is not None else (None, None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise GlplanError(
            [Problem(f"invalid YAML: {reason}", file=file, line=line, column=col, code=Code.YAML)],
            ExitCode.FINDINGS,
        ) from None
    except UnicodeEncodeError:
        # Only a str holding lone surrogates gets here (libyaml reads UTF-8); files never do.
        raise GlplanError.single(
            "not valid Unicode text",
            file=file,
            code=Code.ENCODING_ERROR,
            exit_code=ExitCode.FINDINGS,
        ) from None
    if not found:
        raise GlplanError.single(
            "the plan file is empty", file=file, code=Code.EMPTY, exit_code=ExitCode.FINDINGS
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        line, col = _pos(root_mark) if root_mark is not None else (None, None)
        raise GlplanError.single(
            f"the plan must be a mapping of keys (plan, regions, ...), not {kind}",
            file=file,
            line=line,
            column=col,
            code=Code.TYPE_ERROR,
            exit_code=ExitCode.FINDINGS,
        )
    problems = [
        Problem(msg, file=file, line=ln, column=col, field=_dotted(path) or None, code=Code.YAML)
        for (ln, col), path, msg in builder.problems
    ]
    cross: list[tuple[DocPath, Message]] = []
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(data, context={"cross_check_problems": cross})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            path = _clean_loc(err["loc"])
            pos = _locate(path, builder.positions)
            problems.append(
                Problem(
                    _message(err),
                    file=file,
                    line=pos[0] if pos else None,
                    column=pos[1] if pos else None,
                    field=_dotted(path) or None,
                    code=_PYDANTIC_CODES.get(err["type"], Code.INVALID),
                )
            )
    for path, msg in cross:
        pos = _locate(path, builder.positions)
        problems.append(
            Problem(
                msg,
                file=file,
                line=pos[0] if pos else None,
                column=pos[1] if pos else None,
                field=_dotted(path) or None,
                code=Code.CROSS_CHECK,
            )
        )
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        if len(problems) > MAX_PLAN_PROBLEMS:
            more = len(problems) - MAX_PLAN_PROBLEMS
            problems = [
                *problems[:MAX_PLAN_PROBLEMS],
                Problem(f"... and {more:,} more problems not listed", file=file, code=Code.MORE),
            ]
        raise GlplanError(problems, ExitCode.FINDINGS)
    assert plan is not None
    return plan


#: pydantic's error types that have a code of their own; every other one is ``invalid``.
_PYDANTIC_CODES: Final = {"missing": Code.MISSING_KEY, "extra_forbidden": Code.UNKNOWN_KEY}


def _dotted(path: DocPath) -> str:
    return ".".join(str(p) for p in path)


def _message(err: Any) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown key (check the spelling; see `glplan schema`)"
    if kind == "missing":
        return "required key is missing"
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    given = err.get("input")
    short = isinstance(given, str | int | float) and len(str(given)) < 60
    if kind != "missing" and short and str(given) not in msg:
        msg += f" (got {given!r})"
    return msg


def read_plan_text(path: FsPath) -> str:
    """Read a plan file's text, refusing what cannot be a plan before parsing it.

    Refused with :class:`GlplanError`: a missing or unreadable path and a folder (exit code
    2); more than :data:`MAX_PLAN_BYTES` bytes, binary data and text that is not UTF-8
    (exit code 1). Never reads more than the limit, whatever the path is.
    """
    name = str(path)
    raw = read_input_file(path, MAX_PLAN_BYTES, "a plan", too_large_exit=ExitCode.FINDINGS)
    if b"\x00" in raw:
        raise GlplanError.single(
            "binary data, not a YAML text file",
            file=name,
            code=Code.ENCODING_ERROR,
            exit_code=ExitCode.FINDINGS,
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GlplanError.single(
            "not UTF-8 text (save the plan as UTF-8)",
            file=name,
            line=line,
            code=Code.ENCODING_ERROR,
            exit_code=ExitCode.FINDINGS,
        ) from None


def load_plan(path: str | FsPath) -> Plan:
    """Read and validate a plan file.

    >>> plan = load_plan("data/plan.yaml")  # doctest: +SKIP
    >>> plan.task_by_id["A9.4"].due  # doctest: +SKIP
    datetime.date(2022, 8, 31)
    """
    p = FsPath(path)
    return parse_plan(read_plan_text(p), file=str(path))
