"""Load ``plan.yaml`` safely and map every validation error back to its line and column.

YAML is parsed into nodes with PyYAML's safe composer, and values are built from the nodes
here rather than by PyYAML's constructors, so that:

- anchors and aliases are refused (a 400-byte alias bomb otherwise expands to hundreds of
  MB once validated);
- duplicate keys are errors, not "last one wins";
- plain scalars follow YAML 1.2's core schema: ``NO``, ``on`` and ``yes`` stay text, only
  ``true``/``false`` are booleans; ``0123`` stays text so a leading zero survives; dates
  stay text for the models to parse;
- every node's position is kept, keyed by its path, for located messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path as FsPath
from typing import Any

import yaml
from pydantic import ValidationError

from gl_plan.errors import ExitCode, GlplanError, Problem
from gl_plan.plan.models import Plan

#: The plan is tens of kilobytes; a cap keeps a mistaken argument (a video, a dump) cheap.
MAX_PLAN_BYTES = 5 * 1024 * 1024

Path = tuple[str | int, ...]
Position = tuple[int, int]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}


class _Refused(Exception):
    def __init__(self, message: str, mark: yaml.Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _NoAliasLoader(yaml.SafeLoader):
    """A composer that refuses anchors and aliases before any node is built."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(f"YAML aliases (*{event.anchor}) are not allowed in a plan", mark)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(f"YAML anchors (&{anchor}) are not allowed in a plan", mark)
        return super().compose_node(parent, index)


def _pos(mark: yaml.Mark) -> Position:
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """Turns composed nodes into plain Python values, recording where each came from."""

    def __init__(self) -> None:
        self.positions: dict[Path, Position] = {}
        self.problems: list[tuple[Position, Path, str]] = []

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.positions.setdefault(path, _pos(node.start_mark))
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(
                        (_pos(key_node.start_mark), path, "a key must be plain text")
                    )
                    continue
                key = str(key_node.value)
                if key_node.tag == "tag:yaml.org,2002:merge" or key == "<<":
                    self.problems.append(
                        (_pos(key_node.start_mark), path, "YAML merge keys (<<) are not allowed")
                    )
                    continue
                if key in out:
                    self.problems.append(
                        (_pos(key_node.start_mark), (*path, key), f"duplicate key {key!r}")
                    )
                    continue
                self.positions[(*path, key)] = _pos(key_node.start_mark)
                out[key] = self.build(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        text = node.value
        if node.style in ("'", '"', "|", ">"):
            return text
        if node.tag == "tag:yaml.org,2002:str" and node.style is not None:
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


def _locate(path: Path, positions: dict[Path, Position]) -> Position | None:
    """The position of the deepest node on ``path`` that exists in the document."""
    for end in range(len(path), -1, -1):
        pos = positions.get(path[:end])
        if pos is not None:
            return pos
    return None


def _clean_loc(loc: Iterable[str | int]) -> Path:
    # pydantic adds validator names such as "function-after[_bounds(), Quantity]" to locations
    return tuple(part for part in loc if not (isinstance(part, str) and "[" in part))


def parse_plan(text: str, file: str = "<plan>") -> Plan:
    """Validate plan YAML text; raise :class:`GlplanError` listing every problem, located."""
    try:
        loader = _NoAliasLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except _Refused as exc:
        line, col = _pos(exc.mark) if exc.mark else (None, None)
        raise GlplanError(
            [Problem(exc.message, file=file, line=line, column=col, code="yaml-alias")],
            ExitCode.FINDINGS,
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = _pos(mark) if mark is not None else (None, None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise GlplanError(
            [Problem(f"invalid YAML: {reason}", file=file, line=line, column=col, code="yaml")],
            ExitCode.FINDINGS,
        ) from None
    if root is None:
        raise GlplanError.single(
            "the plan file is empty", file=file, code="empty", exit_code=ExitCode.FINDINGS
        )
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        line, col = _pos(root.start_mark)
        raise GlplanError.single(
            f"the plan must be a mapping of keys (plan, regions, ...), not {kind}",
            file=file,
            line=line,
            column=col,
            code="type-error",
            exit_code=ExitCode.FINDINGS,
        )
    builder = _Builder()
    data = builder.build(root, ())
    problems = [
        Problem(msg, file=file, line=ln, column=col, field=_dotted(path) or None, code="yaml")
        for (ln, col), path, msg in builder.problems
    ]
    cross: list[tuple[Path, str]] = []
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
                    code=str(err["type"]),
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
                code="cross-check",
            )
        )
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise GlplanError(problems, ExitCode.FINDINGS)
    assert plan is not None
    return plan


def _dotted(path: Path) -> str:
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
    """Read a plan file's text, refusing what cannot be a plan before parsing it."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise GlplanError.single("no such file", file=name, code="not-found") from None
    except OSError as exc:
        raise GlplanError.single(f"cannot read: {exc.strerror}", file=name) from None
    if path.is_dir():
        raise GlplanError.single("is a folder, not a plan file", file=name)
    if size > MAX_PLAN_BYTES:
        raise GlplanError.single(
            f"file is {size:,} bytes; a plan is at most {MAX_PLAN_BYTES:,} bytes",
            file=name,
            code="too-large",
            exit_code=ExitCode.FINDINGS,
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GlplanError.single(f"cannot read: {exc.strerror}", file=name) from None
    if b"\x00" in raw:
        raise GlplanError.single(
            "binary data, not a YAML text file",
            file=name,
            code="encoding-error",
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
            code="encoding-error",
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
