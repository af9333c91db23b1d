"""A small YAML writer that keeps comments: a draft says, beside each value it guessed,
what the user must check.

PyYAML writes values but drops comments, so the draft's structure is written here in block
style (mappings and lists, one entry a line) and every scalar by PyYAML itself
(:func:`yaml.safe_dump`), which quotes what needs quoting (``"450300"``, ``'yes'``, a
leading ``*``). The output is read back by the project's own loader in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

__all__ = ["Comment", "Map", "Note", "dump"]


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment on a line of its own, where it stands in a mapping or a list."""

    text: str


@dataclass(frozen=True, slots=True)
class Note:
    """A value with a comment at the end of its line (or of its key's line)."""

    value: Any
    comment: str


@dataclass
class Map:
    """A mapping in the order written, with comments between its entries."""

    items: list[tuple[str, Any] | Comment] = field(default_factory=list)

    def add(self, key: str, value: Any, comment: str | None = None) -> Map:
        self.items.append((key, Note(value, comment) if comment else value))
        return self

    def note(self, text: str) -> Map:
        self.items.append(Comment(text))
        return self


def scalar(value: Any) -> str:
    """One scalar as YAML writes it, on one line."""
    if isinstance(value, date):
        return value.isoformat()
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True)
    return text.removesuffix("\n...\n").removesuffix("\n")


def _comment_lines(text: str, pad: str) -> list[str]:
    return [f"{pad}# {part}".rstrip() for part in text.splitlines() or [""]]


def _is_block(value: Any) -> bool:
    return isinstance(value, Map | dict | list) and bool(
        value.items if isinstance(value, Map) else value
    )


def _entries(value: Map | dict[str, Any]) -> list[tuple[str, Any] | Comment]:
    return value.items if isinstance(value, Map) else list(value.items())


def _empty(value: Any) -> str:
    return "[]" if isinstance(value, list) else "{}"


def dump(value: Map | dict[str, Any], indent: int = 0) -> str:
    """The YAML text of a mapping, comments included."""
    return "\n".join(_mapping(value, indent)) + "\n"


def _mapping(value: Map | dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    for entry in _entries(value):
        if isinstance(entry, Comment):
            out += _comment_lines(entry.text, pad)
            continue
        key, item = entry
        comment = ""
        if isinstance(item, Note):
            item, comment = item.value, f"  # {item.comment}"
        if _is_block(item):
            out.append(f"{pad}{scalar(key)}:{comment}")
            if isinstance(item, list):
                out += _sequence(item, indent + 2)
            else:
                out += _mapping(item, indent + 2)
        elif isinstance(item, Map | dict | list):
            out.append(f"{pad}{scalar(key)}: {_empty(item)}{comment}")
        else:
            out.append(f"{pad}{scalar(key)}: {scalar(item)}{comment}")
    return out


def _sequence(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    for item in items:
        if isinstance(item, Comment):
            out += _comment_lines(item.text, pad)
            continue
        comment = ""
        if isinstance(item, Note):
            item, comment = item.value, f"  # {item.comment}"
        if isinstance(item, Map | dict) and _is_block(item):
            inner = _mapping(item, indent + 2)
            first = next(i for i, text in enumerate(inner) if not text.lstrip().startswith("#"))
            out += inner[:first]
            out.append(f"{pad}- {inner[first].lstrip()}{comment}")
            out += inner[first + 1 :]
        elif isinstance(item, list) and item:
            out.append(f"{pad}-{comment}")
            out += _sequence(item, indent + 2)
        else:
            shown = _empty(item) if isinstance(item, Map | dict | list) else scalar(item)
            out.append(f"{pad}- {shown}{comment}")
    return out
