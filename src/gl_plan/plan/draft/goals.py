"""A plan's targets as its text states them: in sentences and in a 主要指标 table.

Sentences: ``到2025年，学前教育三年毛入园率达到100.7%`` (an indicator, a verb, a number,
a unit, a qualifier), the year from the sentence's ``到YYYY年``; ``从2015年的93%提高到2020年
的95%`` gives a baseline as well, and so does ``(2022年为54%)`` after a target. ``力争`` at
the head of a sentence makes every target in it aspirational. A change in percentage points
(``提高5个百分点``) is not a target: it has no level to reach.

Tables: a header of ``指标``, year columns (``2020年``, ``2025年``) and ``属性``, its cells
one to a line (as copies of web tables come) or on one line split by ``|``, tabs or
spaces. The first year is the base, the last the target; ``约束性`` / ``预期性`` the attribute.

Each wording is read by :func:`gl_plan.plan.targets.read_wording` where it can; the forms it
does not take (``达95%``, ``超过60%``, ``>90%``) are read here into the same fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from gl_plan.plan.draft.clean import Line, fold, fold_map, verbatim
from gl_plan.plan.targets import read_wording

__all__ = ["Cell", "FoundTarget", "cells_of", "read_sentences", "read_table"]

_NUMBER: Final = r"[0-9]+(?:\.[0-9]+)?"
_VERBS: Final = (
    "保持在|稳定在|保持|达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|上升到|"
    "下降到|下降至|降低到|降低至|降至|降到|控制在|不低于|不少于|不高于|不超过|超过|超|增长|"
    "高于|低于|>|≥|<|≤"
)
_UNITS: Final = r"%|‰|年|所|个|人次|万人|人|名|家|项|万元|亿元|元|平方米|:1"
_SUFFIXES: Final = r"以上|及以上|左右|以下|及以下|以内"
# The name is what stands before the verb inside one clause (no punctuation in it).
_SENTENCE_TARGET: Final = re.compile(
    rf"(?P<name>[^，,；;。：:、()（）]{{2,40}}?)(?P<strive>力争)?(?P<verb>{_VERBS})?(?P<num>{_NUMBER})"
    rf"(?P<unit>个百分点|{_UNITS})?(?P<suffix>{_SUFFIXES})?"
)
_FROM_TO: Final = re.compile(
    rf"(?P<name>[^，,；;。：:、()（）]{{2,40}}?)(?:从|由)(?:(?P<y1>(?:19|20)[0-9]{{2}})年(?:的|底的|底)?)?"
    rf"(?P<v1>{_NUMBER})(?P<u1>%|‰)?(?:提高|提升|增加|增长|上升|下降|降低)(?:到|至)"
    rf"(?:(?P<y2>(?:19|20|21)[0-9]{{2}})年(?:的|底的|底)?)?(?P<v2>{_NUMBER})(?P<u2>%|‰)?"
)
_PAREN_BASE: Final = re.compile(
    rf"^[(（](?:(?P<y>(?:19|20)[0-9]{{2}})年(?:底)?)?(?:为|是)?(?P<v>{_NUMBER})(?:%|‰)?[)）]"
)
_YEAR_CONTEXT: Final = re.compile(
    r"(?P<before>截至|截止|从|由|自)?(?:力争|确保)?(?:到|至|在)?(?P<y>(?:20|21)[0-9]{2})年(?:底|末)?(?:前)?"
)
#: Words a clause may open with before the indicator: not part of its name.
_LEADING: Final = re.compile(
    r"^(?:其中|并且|并|且|同时|使|实现|确保|基本|进一步|每年|分别|和|及|与|预期|预计|"
    r"(?:力争)?(?:到|至)?(?:20|21)[0-9]{2}年(?:底|末)?(?:前)?)+"
)
_SCOPE: Final = re.compile(r"^(?P<w>全[国省市县区州盟旗乡镇])")
_INDICATOR_END: Final = re.compile(r"(?:率|比例|占比|比重|覆盖面|年限|数|规模|指数|人次|比)$")
_ATTRIBUTES: Final = {"约束性": "约束性", "预期性": "预期性"}
_AT_LEAST: Final = frozenset({"不低于", "不少于", "超过", "超", "高于", ">", "≥", "以上", "及以上"})
_AT_MOST: Final = frozenset({"不高于", "不超过", "低于", "<", "≤", "以下", "及以下", "以内"})
_MAINTAIN: Final = frozenset({"保持在", "保持", "稳定在"})


@dataclass
class FoundTarget:
    """One indicator's target in one year, as the text gives it."""

    name: str
    year: int | None
    wording: str
    reading: dict[str, Any]
    unit: str
    line: int
    sentence: str
    attribute: str | None = None
    base: tuple[str, float] | None = None
    #: Where in the text: a sentence or the 主要指标 table.
    source: str = "sentence"
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The name as indicators are matched across years (units and brackets dropped)."""
        return re.sub(r"[(（][^)）]*[)）]|[\"“”]", "", fold(self.name))


def reading_of(wording: str, *, attribute: str | None = None) -> dict[str, Any]:
    """The target fields of a wording: :func:`read_wording`'s where it reads it, else the
    same fields from the verb and qualifier (``达``, ``超过``, ``>``, ``提高至``)."""
    folded = fold(wording)
    try:
        reading = read_wording(folded)
        reading["wording"] = wording
    except ValueError:
        reading = _own_reading(folded, wording)
    if attribute is not None:
        reading["attribute"] = attribute
    return reading


def _own_reading(folded: str, wording: str) -> dict[str, Any]:
    scope = _SCOPE.match(folded)
    body = folded[scope.end() :] if scope else folded
    strive = body.startswith("力争")
    body = body.removeprefix("力争")
    found = re.match(
        rf"(?P<verb>{_VERBS})?(?P<num>{_NUMBER})(?P<unit>{_UNITS})?(?P<suffix>{_SUFFIXES})?$", body
    )
    if found is None:
        raise ValueError(wording)
    words = {found["verb"], found["suffix"]}
    reading: dict[str, Any] = {"wording": wording, "value": float(found["num"])}
    if words & _AT_LEAST:
        reading["comparison"] = "at_least"
    elif words & _AT_MOST:
        reading["comparison"] = "at_most"
    elif found["suffix"] == "左右":
        reading["comparison"] = "about"
    if found["verb"] in _MAINTAIN:
        reading["maintain"] = True
    if strive:
        reading["aspirational"] = True
    if scope:
        reading["applies_to"] = "top"
    return reading


def read_sentences(lines: list[Line]) -> list[FoundTarget]:
    """Targets in the sentences of ``lines``, each with the year its sentence gives (None
    when it gives none: the caller dates it from the plan or leaves it out)."""
    found: list[FoundTarget] = []
    for line in lines:
        folded, where = fold_map(line.text)
        year: int | None = None
        for sentence in re.finditer(r"[^。；;！!]+[。；;！!]?", folded):
            strive = False
            for clause in re.finditer(r"[^，,]+", sentence.group()):
                year = _clause_year(clause.group(), year)
                head = _LEADING.sub("", clause.group())
                strive = strive or head.startswith("力争")
                offset = sentence.start() + clause.start()
                for target in _clause_targets(clause.group(), line, year, (where, offset)):
                    if strive and "aspirational" not in target.reading:
                        target.reading["aspirational"] = True
                    found.append(target)
    return found


def _clause_year(clause: str, year: int | None) -> int | None:
    for context in _YEAR_CONTEXT.finditer(clause):
        if context["before"]:
            continue  # 截至2020年 / 从2015年: a base year, not the goal's
        after = clause[context.end() : context.end() + 1]
        if after in ("的", "为", "比") or (after and after.isdigit()):
            continue
        year = int(context["y"])
    return year


def _clause_targets(
    clause: str, line: Line, year: int | None, place: tuple[list[int], int]
) -> list[FoundTarget]:
    where, offset = place

    def original(name: str, end: int) -> str:
        return verbatim(line.text, where, offset + end - len(name), offset + end)

    out: list[FoundTarget] = []
    taken: list[tuple[int, int]] = []
    for match in _FROM_TO.finditer(clause):
        name, scope, strive = _clean_name(match["name"])
        if not _is_indicator(name, match["u2"] or "", verb=True):
            continue
        wording = f"{scope}{'力争' if strive else ''}{match['v2']}{match['u2'] or ''}"
        target_year = int(match["y2"]) if match["y2"] else year
        name = original(name, match.end("name"))
        target = _target(name, wording, match["u2"] or "", target_year, line)
        if match["y1"]:
            target.base = (match["y1"], float(match["v1"]))
        out.append(target)
        taken.append(match.span())
    for match in _SENTENCE_TARGET.finditer(clause):
        if any(a <= match.start() < b for a, b in taken) or match["unit"] == "个百分点":
            continue
        name, scope, strive = _clean_name(match["name"])
        strive = strive or match["strive"] is not None
        unit = match["unit"] or ""
        if not _is_indicator(name, unit, verb=match["verb"] is not None):
            continue
        if clause[match.end() : match.end() + 1] in ("的", "是") or (
            match["verb"] is None and not (unit or match["suffix"])
        ):
            continue  # 总数10%的比例: a share of something, not a level to reach
        wording = (
            f"{scope}{'力争' if strive else ''}{match['verb'] or ''}{match['num']}{unit}"
            f"{match['suffix'] or ''}"
        )
        target = _target(original(name, match.end("name")), wording, unit, year, line)
        base = _PAREN_BASE.match(clause[match.end() :])
        if base is not None and base["y"]:
            target.base = (base["y"], float(base["v"]))
        out.append(target)
    return out


def _clean_name(raw: str) -> tuple[str, str, bool]:
    """The indicator's name, the scope word before it (全县) and whether 力争 led it."""
    name = _LEADING.sub("", raw)
    scope = ""
    strive = False
    while True:
        if (found := _SCOPE.match(name)) is not None and len(name) > 3:
            scope, name = found["w"], name[found.end() :]
        elif name.startswith("力争"):
            strive, name = True, name[2:]
        else:
            break
        name = _LEADING.sub("", name)
    return name, scope, strive


def _is_indicator(name: str, unit: str, *, verb: bool) -> bool:
    """A rate after a verb names its indicator; without a verb (``占比60%以上``), and for
    counts and durations, the name must end in a word that names a measure."""
    if len(name) < 2 or re.search(r"[0-9]{4}年|[0-9]", name):
        return False
    measure = _INDICATOR_END.search(name) is not None
    if unit in ("%", "‰", ":1"):
        return verb or measure
    if unit == "年":
        return name.endswith("年限")
    return measure and (bool(unit) or verb)


def _target(name: str, wording: str, unit: str, year: int | None, line: Line) -> FoundTarget:
    return FoundTarget(
        name=name,
        year=year,
        wording=wording,
        reading=reading_of(wording),
        unit=unit,
        line=line.number,
        sentence=line.text,
    )


# --- the 主要指标 table ------------------------------------------------------------------

_HEADER_NAME: Final = re.compile(r"^(?:主要)?(?:指标|指标名称|指标内容|项目)$")
_HEADER_YEAR: Final = re.compile(
    r"^(?P<y>(?:19|20|21)[0-9]{2})年?(?:基期值|基数|目标值|目标|预期)?$"
)
_HEADER_OTHER: Final = re.compile(r"^(?:序号|类别|单位|属性|指标属性|备注|类型)$")
_VALUE: Final = re.compile(
    rf"^(?P<cmp>[>≥<≤]|超过|不低于)?(?P<num>{_NUMBER})(?P<unit>%|‰|年|万人|人|所|个)?(?P<suffix>{_SUFFIXES})?$"
)
_MISSING: Final = re.compile(r"^(?:[—\-/－–]+|无|/)$")
_UNIT_CELL: Final = re.compile(r"^(?:%|‰|年|万人|人|所|个|岁|元|万元)$")
_NAME_UNIT: Final = re.compile(r"[(（](?P<u>%|‰|年|万人|人|所|个|岁|元|万元)[)）]")


@dataclass
class Cell:
    text: str
    folded: str
    line: Line


def cells_of(lines: list[Line]) -> list[Cell]:
    """A table's cells: split by ``|`` or tabs; by runs of spaces only where that gives
    values (``学前教育毛入园率  88  95  约束性``), so that ``指  标`` stays one cell."""
    out: list[Cell] = []
    for line in lines:
        raw = line.text
        if "|" in raw or "｜" in raw:
            parts = re.split(r"[|｜]", raw)
        elif "\t" in raw:
            parts = raw.split("\t")
        else:
            spaced = raw.split()
            valued = sum(1 for p in spaced if _VALUE.match(fold(p)) or fold(p) in _ATTRIBUTES)
            parts = spaced if len(spaced) >= 3 and valued >= 2 else [raw]
        out += [Cell(p.strip(), fold(p), line) for p in parts if p.strip()]
    return out


def read_table(lines: list[Line]) -> tuple[list[FoundTarget], list[Line], set[int]]:
    """Targets and baselines from a 主要指标 table; the lines of rows not read; and every
    line the table covers (so that its figures are not read again as sentences)."""
    cells = cells_of(lines)
    start = next((i for i, c in enumerate(cells) if _HEADER_NAME.match(c.folded)), None)
    if start is None:
        return [], [], set()
    header: list[str] = []
    i = start
    while i < len(cells) and (
        _HEADER_NAME.match(cells[i].folded)
        or _HEADER_YEAR.match(cells[i].folded)
        or _HEADER_OTHER.match(cells[i].folded)
    ):
        header.append(cells[i].folded)
        i += 1
    years = [int(m["y"]) for h in header if (m := _HEADER_YEAR.match(h)) is not None]
    if len(years) < 2:
        return [], [], set()
    with_attribute = any(h in ("属性", "指标属性") for h in header)
    caption = (
        cells[start - 1].text if start > 0 and "指标" in cells[start - 1].folded else "主要指标"
    )
    found: list[FoundTarget] = []
    unread: list[Line] = []
    covered = {c.line.number for c in cells[start:i]}
    row: list[Cell] = []
    for cell in cells[i:]:
        if len(cell.folded) > 40 or cell.folded.endswith("。"):
            break  # prose again: the table has ended
        covered.add(cell.line.number)
        row.append(cell)
        complete = cell.folded in _ATTRIBUTES if with_attribute else _row_values(row) == len(years)
        if complete:
            targets = _table_row(row, years, caption)
            if targets is None:
                unread += [c.line for c in row]
            else:
                found += targets
            row = []
    unread += [c.line for c in row if not _HEADER_OTHER.match(c.folded)]
    return found, list(dict.fromkeys(unread)), covered


def _row_values(row: list[Cell]) -> int:
    n = 0
    for cell in reversed(row):
        if _VALUE.match(cell.folded) or _MISSING.match(cell.folded):
            n += 1
        else:
            break
    return n


def _table_row(row: list[Cell], years: list[int], caption: str) -> list[FoundTarget] | None:
    """A row's targets: one, or one per name when a row holds sub-rows (``其中：小学``,
    ``初中``: their values follow column by column, each year's for every name)."""
    attribute = _ATTRIBUTES.get(row[-1].folded)
    body = row[:-1] if attribute else row
    values: list[Cell] = []
    while body and (_VALUE.match(body[-1].folded) or _MISSING.match(body[-1].folded)):
        values.insert(0, body.pop())
    unit = ""
    while body and _UNIT_CELL.match(body[-1].folded):
        unit = body.pop().folded
    if not body or not values or len(values) % len(years):
        return None
    names = len(values) // len(years)
    if names > len(body):
        return None
    out: list[FoundTarget] = []
    for k, name_cell in enumerate(body[len(body) - names :]):
        own = [values[j * names + k] for j in range(len(years))]
        target = _table_target(name_cell, own, years, caption, attribute, unit)
        if target is None:
            return None
        out.append(target)
    return out


def _table_target(
    name_cell: Cell,
    values: list[Cell],
    years: list[int],
    caption: str,
    attribute: str | None,
    unit: str,
) -> FoundTarget | None:
    name = re.sub(r"^(?:其中[:：]?|[0-9]{1,2}\s*[.．、]\s*)", "", name_cell.text.strip()).strip()
    if (in_name := _NAME_UNIT.search(fold(name))) is not None:
        unit = unit or in_name["u"]
    last = values[-1]
    target_value = _VALUE.match(last.folded)
    if target_value is None:
        return None
    unit = unit or (target_value["unit"] or "")
    wording = (
        last.text
        if target_value["unit"] or not unit
        else f"{target_value['cmp'] or ''}{target_value['num']}{unit}{target_value['suffix'] or ''}"
    )
    try:
        reading = reading_of(wording, attribute=attribute)
    except ValueError:
        return None
    target = FoundTarget(
        name=re.sub(r"[(（][^)）]*[)）]$", "", name).strip() or name,
        year=years[-1],
        wording=wording,
        reading=reading,
        unit=unit,
        line=name_cell.line.number,
        sentence=caption,
        attribute=attribute,
        source="table",
    )
    base = _VALUE.match(values[0].folded)
    if base is not None and base["cmp"] is None:
        target.base = (str(years[0]), float(base["num"]))
    return target
