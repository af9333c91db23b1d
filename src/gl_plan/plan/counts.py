"""Counts as data: what a county reports (在园幼儿数, 3至5岁适龄人口数), declared once.

DHIS2 separates the *data elements* a unit reports from the *indicators* computed over them;
the plan does the same. A count (``counts:`` in the plan) has an id, a name, the spellings
counties use for it (aliases) and a unit; an indicator's ``numerator`` and ``denominator``
name a count by its id, so one count feeds several indicators (初中毕业生数 is the
numerator of both consolidation rates, 在园幼儿数 the numerator of the gross enrolment rate
and the denominator of two kindergarten shares). An indicator written the older way, with
its numerator as text (``numerator: {zh: 在园幼儿数, en: ...}``), declares that count
implicitly: one whose name is that text, shared by every indicator naming the same text.

A header or row label names a count when :func:`count_key` of it equals the key of one of
the count's spellings. The key folds what varies between county offices, never the words
that tell two counts apart:

- a unit or qualifier in brackets: ``(人)``, ``（人）``, ``（%）``, ``（含中职、技工）``;
- age ranges written any way: ``3-5岁`` = ``3至5岁`` = ``3～5岁`` = ``3—5岁`` = ``3到5周岁``;
- ``适龄`` (age-appropriate) and a trailing ``数``, ``人数`` or ``总数``;
- a leading year or cohort: ``2017年小学一年级招生数``, ``2017年秋季…``, ``2026届初中毕业生数``
  (a 2026 file's 2017 grade-1 intake is the cohort count the consolidation rate needs);
- full-width forms, case, spaces and punctuation (:func:`~gl_plan.plan.base.normalise_name`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from gl_plan.names import normalise_name
from gl_plan.plan.base import Model, Text

if TYPE_CHECKING:
    from gl_plan.plan.models import Indicator

CountRef = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=80,
        description="The id of a count declared in the plan's counts section",
    ),
]
Part = Literal["numerator", "denominator"]
PARTS: tuple[Part, Part] = ("numerator", "denominator")


class Count(Model):
    """A number a county reports: a data element in DHIS2's words."""

    id: CountRef
    name: Text
    #: The spellings county files use for it, matched after :func:`count_key`.
    aliases: list[str] = Field(default_factory=list)
    #: What it is counted in (人, 所); shown beside its values.
    unit: Text | None = None

    def spellings(self) -> list[str]:
        return [self.id, self.name.zh, self.name.en, *self.aliases]


_BRACKETED = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]")
_AGES = re.compile(r"(\d{1,2})(?:周岁|岁)?[-~—–−―至到]+(\d{1,2})(?:周岁|岁)")
_COHORT = re.compile(r"^(?:\d{4}(?:年|届)(?:秋季|春季|秋|春)?)+")
_SUFFIXES = ("总人数", "人数", "总数", "数")


def count_key(label: str) -> str:
    """The key a count's spelling and a file's label are compared by (module docstring).

    >>> count_key("3-5岁适龄人口数（人）") == count_key("3至5岁人口")
    True
    >>> count_key("2017年小学一年级招生数(人)") == count_key("小学一年级招生数")
    True
    """
    text = "".join(unicodedata.normalize("NFKC", label).split())
    for _ in range(3):  # "在园幼儿数(不分年龄)(人)" has two
        stripped = _BRACKETED.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = text.rstrip("%‰")
    text = _AGES.sub(r"\1至\2岁", text)
    text = _COHORT.sub("", text)
    text = text.replace("适龄", "")
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return normalise_name(text)


@dataclass(frozen=True)
class Feed:
    """One indicator a count is part of, and which part."""

    indicator: str
    part: Part


@dataclass(frozen=True)
class CountTable:
    """Every count of a plan (declared and implicit), what each feeds and how it is spelt."""

    counts: dict[str, Count] = field(default_factory=dict)
    feeds: dict[str, tuple[Feed, ...]] = field(default_factory=dict)
    #: (indicator id, part) → count id.
    parts: dict[tuple[str, Part], str] = field(default_factory=dict)
    #: :func:`count_key` of each spelling → count id.
    lookup: dict[str, str] = field(default_factory=dict)

    def resolve(self, label: str) -> str | None:
        """The count a label names, or None."""
        key = count_key(label)
        return self.lookup.get(key) if key else None

    def count_of(self, indicator: str, part: Part) -> Count | None:
        found = self.parts.get((indicator, part))
        return None if found is None else self.counts[found]


def build_counts(declared: Sequence[Count], indicators: Sequence[Indicator]) -> CountTable:
    """The plan's count table. An inline numerator or denominator names a declared count
    when one of its spellings has the same key, else an implicit count (id
    ``indicator.part``) shared by every indicator naming the same text."""
    counts = {c.id: c for c in declared}
    lookup: dict[str, str] = {}
    for count in declared:
        for spelling in count.spellings():
            key = count_key(spelling)
            if key:
                lookup.setdefault(key, count.id)
    feeds: dict[str, list[Feed]] = {}
    parts: dict[tuple[str, Part], str] = {}
    for indicator in indicators:
        for part in PARTS:
            ref = getattr(indicator, part)
            if ref is None:
                continue
            if isinstance(ref, str):
                if ref not in counts:
                    continue  # reported by check_counts
                count_id = ref
            else:
                keys = [k for k in (count_key(ref.zh), count_key(ref.en)) if k]
                found = next((lookup[k] for k in keys if k in lookup), None)
                if found is None:
                    found = f"{indicator.id}.{part}"
                    counts[found] = Count.model_construct(id=found, name=ref, aliases=[])
                    for key in keys:
                        lookup.setdefault(key, found)
                count_id = found
            parts[(indicator.id, part)] = count_id
            feeds.setdefault(count_id, []).append(Feed(indicator.id, part))
    return CountTable(counts, {k: tuple(v) for k, v in feeds.items()}, parts, lookup)


def check_counts(
    declared: Sequence[Count], indicators: Sequence[Indicator]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Located problems: a duplicate count id, a spelling naming two counts, a reference
    to a count that is not declared, a count spelt like an indicator."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    ids: dict[str, int] = {}
    owner: dict[str, str] = {}
    for i, count in enumerate(declared):
        if count.id in ids:
            problems.append((("counts", i, "id"), f"duplicate count id {count.id!r}"))
        ids.setdefault(count.id, i)
        for spelling in count.spellings():
            key = count_key(spelling)
            if not key:
                problems.append((("counts", i), f"empty name or alias {spelling!r}"))
            elif owner.setdefault(key, count.id) != count.id:
                problems.append(
                    (
                        ("counts", i, "aliases"),
                        f"name {spelling!r} names both counts {owner[key]} and {count.id}",
                    )
                )
    indicator_keys = {
        count_key(s): ind.id for ind in indicators for s in ind.spellings() if count_key(s)
    }
    for i, count in enumerate(declared):
        for spelling in count.spellings():
            other = indicator_keys.get(count_key(spelling))
            if other is not None:
                problems.append(
                    (
                        ("counts", i, "aliases"),
                        f"name {spelling!r} of count {count.id} is also indicator {other}'s",
                    )
                )
    for i, indicator in enumerate(indicators):
        for part in PARTS:
            ref = getattr(indicator, part)
            if isinstance(ref, str) and ref not in ids:
                problems.append(
                    (("indicators", i, part), f"unknown count {ref!r} (declare it under counts)")
                )
    return problems
