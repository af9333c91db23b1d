"""What changed between two checks: statuses of figures and tasks, data gone or back.

Both sides are compared in their ``--format json`` form (:meth:`CheckResult.to_json`), so
a reference can be a check run now at an earlier date or a JSON file published last
quarter; the comparison is the same either way.

Three kinds of change, in this order:

- ``indicator``: a region × indicator × target year whose status differs (``from`` and
  ``to`` are statuses, ``value_from`` and ``value_to`` the figures);
- ``task``: a task whose status differs (``done`` → ``overdue`` cannot happen, but
  ``on_schedule`` → ``due_soon`` → ``overdue`` does);
- ``data``: a region whose figure for an indicator went missing or came back. A figure is
  *missing* when the region has none by that date, or only one older than the latest
  period other regions reported (the check's ``older_period`` note); it is judged on the
  region's row for the latest target year, whose figure is the latest observation. When
  every indicator of a region changed the same way the region gets one change with
  ``indicator`` null.

A row or task present on one side only (the plan changed) is a change from or to null.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

ChangeKind = Literal["indicator", "task", "data"]

#: The keys of each change in ``check --format json``'s ``changes`` list, in order.
CHANGE_KEYS = (
    "kind",
    "region",
    "indicator",
    "target_year",
    "task",
    "from",
    "to",
    "value_from",
    "value_to",
)

#: A region's data state for ``data`` changes.
REPORTED = "reported"
MISSING = "missing"


class Change(BaseModel):
    """One difference between the reference check and the current one."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)

    kind: ChangeKind
    region: str | None = None
    indicator: str | None = None
    target_year: int | None = None
    task: str | None = None
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    value_from: float | None = None
    value_to: float | None = None

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", by_alias=True)
        return {key: data[key] for key in CHANGE_KEYS}


class Comparison(BaseModel):
    """The changes from the check as of ``since`` to the check as of ``as_of``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    since: str
    as_of: str
    changes: list[Change]


JsonDoc = Mapping[str, Any]
K = TypeVar("K")
V = TypeVar("V")


def compare(before: JsonDoc, after: JsonDoc) -> Comparison:
    """The changes from ``before`` to ``after``, two ``check --format json`` documents."""
    changes = [
        *_indicator_changes(before, after),
        *_task_changes(before, after),
        *_data_changes(before, after),
    ]
    return Comparison(
        since=str(before.get("as_of", "")), as_of=str(after.get("as_of", "")), changes=changes
    )


def _rows(doc: JsonDoc, key: str) -> list[Mapping[str, Any]]:
    rows = doc.get(key)
    if not isinstance(rows, list):
        return []
    return [r for r in rows if isinstance(r, Mapping)]


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _paired(old: Mapping[K, V], new: Mapping[K, V]) -> Iterator[tuple[K, V | None, V | None]]:
    """Every key of either document with its value in each (None where it is absent): in
    the current check's order (target year, indicator, regions in report order), then the
    keys only the reference has."""
    for key in [*new, *(k for k in old if k not in new)]:
        yield key, old.get(key), new.get(key)


def _indicator_changes(before: JsonDoc, after: JsonDoc) -> list[Change]:
    def keyed(doc: JsonDoc) -> dict[tuple[str, str, int], Mapping[str, Any]]:
        return {(str(r["region"]), str(r["indicator"]), int(r["target_year"])): r
                for r in _rows(doc, "indicators")
                if {"region", "indicator", "target_year"} <= r.keys()}  # fmt: skip

    out: list[Change] = []
    for key, a, b in _paired(keyed(before), keyed(after)):
        status_a = _text(a.get("status")) if a else None
        status_b = _text(b.get("status")) if b else None
        if status_a == status_b:
            continue
        out.append(
            Change(
                kind="indicator",
                region=key[0],
                indicator=key[1],
                target_year=key[2],
                from_=status_a,
                to=status_b,
                value_from=_number(a.get("value")) if a else None,
                value_to=_number(b.get("value")) if b else None,
            )
        )
    return out


def _task_changes(before: JsonDoc, after: JsonDoc) -> list[Change]:
    def keyed(doc: JsonDoc) -> dict[str, Mapping[str, Any]]:
        return {str(t["id"]): t for t in _rows(doc, "tasks") if "id" in t}

    out: list[Change] = []
    for key, a, b in _paired(keyed(before), keyed(after)):
        status_a = _text(a.get("status")) if a else None
        status_b = _text(b.get("status")) if b else None
        if status_a != status_b:
            out.append(Change(kind="task", task=key, from_=status_a, to=status_b))
    return out


def data_states(doc: JsonDoc) -> dict[tuple[str, str], tuple[str, float | None]]:
    """Per region and indicator: ``reported`` or ``missing`` and the figure, judged on the
    row for the latest target year (see the module docstring)."""
    latest: dict[tuple[str, str], Mapping[str, Any]] = {}
    for row in _rows(doc, "indicators"):
        if not {"region", "indicator", "target_year"} <= row.keys():
            continue
        key = (str(row["region"]), str(row["indicator"]))
        if key not in latest or int(row["target_year"]) > int(latest[key]["target_year"]):
            latest[key] = row
    out: dict[tuple[str, str], tuple[str, float | None]] = {}
    for key, row in latest.items():
        value = _number(row.get("value"))
        notes = row.get("notes") or []
        gone = value is None or "older_period" in notes
        out[key] = (MISSING if gone else REPORTED, value)
    return out


def _data_changes(before: JsonDoc, after: JsonDoc) -> list[Change]:
    per_region: dict[str, list[Change]] = {}
    indicators_of: dict[str, set[str]] = {}
    for (region, indicator), a, b in _paired(data_states(before), data_states(after)):
        indicators_of.setdefault(region, set()).add(indicator)
        state_a, state_b = (a[0] if a else None), (b[0] if b else None)
        if state_a == state_b:
            continue
        per_region.setdefault(region, []).append(
            Change(
                kind="data",
                region=region,
                indicator=indicator,
                from_=state_a,
                to=state_b,
                value_from=a[1] if a else None,
                value_to=b[1] if b else None,
            )
        )
    out: list[Change] = []
    for region, changes in per_region.items():
        same_way = len({(c.from_, c.to) for c in changes}) == 1
        if same_way and len(changes) == len(indicators_of[region]) and len(changes) > 1:
            first = changes[0]
            out.append(Change(kind="data", region=region, from_=first.from_, to=first.to))
        else:
            out.extend(changes)
    return out


def changes_json(comparison: Comparison) -> list[dict[str, Any]]:
    """The ``changes`` list of ``check --format json --compare-to``."""
    return [c.to_json() for c in comparison.changes]


def json_with_changes(content: bytes, comparison: Comparison) -> bytes:
    """``check --format json``'s document (UTF-8) with the ``changes`` key added."""
    data = json.loads(content)
    data["changes"] = changes_json(comparison)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def count_by_kind(changes: Sequence[Change]) -> dict[str, int]:
    """How many changes of each kind (every kind listed, zeros included)."""
    counts = {"indicator": 0, "task": 0, "data": 0}
    for c in changes:
        counts[c.kind] += 1
    return counts
