"""The indicators a draft declares for the targets it found: an id, a unit and placeholders
the user completes.

An indicator id must be plain ASCII (``preschool_gross_enrollment_rate``), which the text
does not give. The id is spelt from the common words of education statistics found in the
name (学前 → ``preschool``, 毛入园率 → ``gross_enrollment_rate``); a name with none of them
gets ``indicator_N``. Either way the draft marks the id as one to check: the words are a
help to the reader of the draft, not a reading the monitor depends on.
"""

from __future__ import annotations

import re
from typing import Final

from gl_plan.plan.draft.clean import fold

__all__ = ["UNIT_OF", "indicator_id", "plausible_range", "unit_of"]

#: Words of education statistics and their spelling in an id, longest first when tried.
_WORDS: Final = {
    "学前教育": "preschool",
    "学前": "preschool",
    "三年": "",
    "九年": "",
    "毛入园率": "gross_enrollment_rate",
    "毛入学率": "gross_enrollment_rate",
    "净入学率": "net_enrollment_rate",
    "入学率": "enrollment_rate",
    "入园率": "enrollment_rate",
    "义务教育": "compulsory",
    "巩固率": "consolidation_rate",
    "高中阶段": "senior_secondary",
    "普通高中": "general_high_school",
    "高等教育": "higher_education",
    "职业教育": "vocational",
    "中职": "vocational",
    "普惠性幼儿园": "inclusive_kindergarten",
    "普惠性": "inclusive",
    "公办幼儿园": "public_kindergarten",
    "公办园": "public_kindergarten",
    "在园幼儿": "children",
    "覆盖率": "coverage",
    "占比": "share",
    "比例": "share",
    "残疾儿童少年": "disabled_children",
    "残疾儿童": "disabled_children",
    "适龄": "",
    "平均受教育年限": "average_years_of_schooling",
    "劳动年龄人口": "working_age",
    "新增劳动力": "new_labour",
    "专任教师": "full_time_teachers",
    "教师": "teachers",
    "本科": "bachelor",
    "研究生": "postgraduate",
    "学历": "qualified",
    "生师比": "pupil_teacher_ratio",
    "师生比": "teacher_pupil_ratio",
    "体质健康": "physical_health",
    "达标率": "pass_rate",
    "优良率": "good_rate",
    "近视率": "myopia_rate",
    "双师型": "dual_qualified",
    "就业率": "employment_rate",
    "在校生": "students",
    "学校": "schools",
}
_ORDERED: Final = sorted(_WORDS, key=len, reverse=True)

#: What a unit word in the text makes of the indicator's ``unit``.
UNIT_OF: Final = {
    "%": "percent",
    "‰": "per_thousand",
    "年": "years",
    ":1": "ratio",
    "元": "amount",
    "万元": "amount",
    "亿元": "amount",
    "平方米": "amount",
}

#: Bounds wide enough for any figure of the unit: the user narrows them (see the guide).
_RANGES: Final = {
    "percent": (0.0, 200.0),
    "per_thousand": (0.0, 1000.0),
    "years": (0.0, 30.0),
    "ratio": (0.0, 100.0),
    "count": (0.0, 1e9),
    "amount": (0.0, 1e12),
}


def unit_of(word: str) -> str:
    """The indicator unit for a unit word of the text (所, 个, 万人: a count)."""
    return UNIT_OF.get(word, "count")


def plausible_range(unit: str, highest: float) -> tuple[float, float]:
    low, high = _RANGES[unit]
    return low, max(high, highest * 2)


def indicator_id(name: str, taken: set[str]) -> str:
    """An ASCII id for an indicator's name, not among ``taken`` (which it joins)."""
    folded = re.sub(r"[(（][^)）]*[)）]", "", fold(name))
    parts: list[str] = []
    rest = folded
    while rest:
        word = next((w for w in _ORDERED if rest.startswith(w)), None)
        if word is None:
            rest = rest[1:]
            continue
        if _WORDS[word] and _WORDS[word] not in parts:
            parts.append(_WORDS[word])
        rest = rest[len(word) :]
    base = "_".join(parts)[:60] or "indicator"
    candidate = base if base != "indicator" else "indicator_1"
    n = 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate
