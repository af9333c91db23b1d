"""Header spellings: which column of a county's table or of the ledger holds what.

One table for every file glplan reads, so an office that writes ``备注`` or ``填报日期`` is
understood the same way everywhere. Spellings are compared after
:func:`gl_plan.names.normalise_name` (case, width, spacing and punctuation folded:
``Region``, ``区 县`` and ``县（市、区）`` all match).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final, Literal, TypeVar

from gl_plan.names import normalise_name

Role = Literal[
    "region",
    "period",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "note",
    "unit",
    "current",
    "previous",
    "subunit",
    "serial",
    "change",
]

#: Indicator files (long or wide): each role's header spellings.
# fmt: off
INDICATOR_HEADERS: Final[dict[Role, tuple[str, ...]]] = {
    "region": (
        "region", "regioncode", "regionname", "county", "countycode", "district", "area",
        "地区", "区县", "县区", "县市区", "地区名称", "地区代码", "区划代码", "行政区划",
        "行政区划代码", "行政区", "区域", "县", "单位", "单位名称", "县区名称",
    ),
    # Rows below the county: townships, schools, kindergartens (see data/subunits.py).
    "subunit": (
        "乡镇", "乡镇名称", "乡镇街道", "乡镇（街道）", "学校", "学校名称", "幼儿园",
        "幼儿园名称", "园所名称", "校名", "township", "school",
    ),
    "serial": ("序号", "编号", "no", "no.", "#"),
    "change": ("增减", "同比增减", "增减量", "增减幅度", "同比", "增幅", "change"),
    "period": (
        "period", "quarter", "time", "year", "时期", "期间", "季度", "时间", "年度", "年份",
        "报告期", "统计期", "统计时期", "统计时点", "时点", "截止时间",
    ),
    "indicator": (
        "indicator", "indicatorid", "indicatorname", "indicatorcode", "指标", "指标名称",
        "指标代码", "指标id", "项目",
    ),
    "value": ("value", "rate", "数值", "数量", "值", "指标值", "比率", "率", "数据", "取值"),
    "numerator": ("numerator", "num", "分子", "分子数", "分子值"),
    "denominator": ("denominator", "den", "denom", "分母", "分母数", "分母值"),
    "note": (
        "note", "notes", "remark", "remarks", "comment", "comments", "备注", "说明", "注",
    ),
    # The statistical form: 指标名称, 计量单位, 本期数, 上年同期数.
    "unit": ("unit", "units", "计量单位", "计量"),
    "current": (
        "current", "currentperiod", "thisperiod", "本期数", "本期", "本期值", "本年", "本年数",
        "本期实际", "本年实际", "本季度",
    ),
    "previous": (
        "previous", "previousyear", "lastyear", "上年同期数", "上年同期", "去年同期",
        "去年同期数", "上年同期值", "同期数",
    ),
}

#: The progress ledger: each column's header spellings.
LEDGER_HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "date": ("date", "日期", "填报日期"),
    "task": ("task", "taskid", "任务", "任务编号"),
    "status": ("status", "状态", "进展状态", "进度"),
    "value": ("value", "数值", "完成数", "完成值"),
    "note": ("note", "notes", "备注", "说明"),
    "region": ("region", "地区", "县区"),
    "reporter": ("reporter", "填报人", "填报单位"),
    "metric": ("metric", "指标"),
}
# fmt: on


K = TypeVar("K", bound=str)


def lookup(table: Mapping[K, tuple[str, ...]]) -> dict[str, K]:
    """Normalised spelling → column, for one of the tables above."""
    return {normalise_name(spelling): key for key, names in table.items() for spelling in names}


# A unit written after a header: "(%)", "（%）", "%", "单位：%", "(单位:人)".
_UNITS = r"%|‰|人|个|所|元|万元|名|次|岁|年|班|间|平方米|m2|百分比|百分点"
_UNIT_SUFFIX = re.compile(
    rf"\s*(?:[(\[【]\s*(?:单位\s*[:]?\s*)?(?:{_UNITS})\s*[)\]】]"
    rf"|[(\[【]\s*单位\s*[:]\s*[^()\[\]【】]{{1,8}}[)\]】]|[,;]?\s*单位\s*[:]\s*\S{{1,8}}"
    rf"|%|‰)\s*$"
)


def without_unit(label: str) -> str:
    """``label`` without the unit written after it: ``学前教育三年毛入园率(%)``,
    ``…（单位：%）`` and ``…%`` are all ``学前教育三年毛入园率``. Full-width forms and
    spaces (U+3000) are folded first."""
    text = unicodedata.normalize("NFKC", label).strip()
    for _ in range(3):  # "率(%)（单位：%）" has two
        stripped = _UNIT_SUFFIX.sub("", text).strip()
        if stripped == text or not stripped:
            break
        text = stripped
    return text


def header_keys(label: str) -> list[str]:
    """The normalised spellings a header is looked up by: as written, then without its
    unit (``单位`` alone is a region header, so the unit goes only when something is left)."""
    if re.match(r"\s*单位\s*:", unicodedata.normalize("NFKC", label)):
        return []  # "单位：%" says what the figures are in; it holds no column of its own
    keys = [normalise_name(label)]
    bare = normalise_name(without_unit(label))
    if bare and bare != keys[0]:
        keys.append(bare)
    return keys


#: Rows below a table that are not data: notes, sources and the signature lines of a
#: statistical form (填表人：… 审核人：… 填报日期：…). Matched at the start of the row's
#: first non-empty cell, spaces (U+3000 included) removed.
FOOTER_PREFIXES: Final = (
    "注:", "说明:", "备注:", "填表说明", "填表人", "填表:", "填报人", "制表", "审核人", "审核:",
    "单位负责人", "负责人", "统计负责人", "填报日期", "报出日期", "填表日期", "联系电话", "联系人",
    "资料来源", "数据来源", "note:", "notes:", "source:",
)  # fmt: skip

#: A region cell that names the table's total, not a region (合计, 全县 ...).
TOTAL_LABELS: Final = frozenset(
    normalise_name(s)
    for s in ("合计", "总计", "小计", "全县", "全市", "全区", "全县合计", "全市合计", "合 计",
              "total", "subtotal", "sum")
)  # fmt: skip


#: A signature block's date alone on a line: 2026年10月11日, 2026.10.11, 2026-10-11.
_DATE_LINE: Final = re.compile(r"\d{4}(?:年\d{1,2}月\d{1,2}日|[.\-/]\d{1,2}[.\-/]\d{1,2})")
_FOOTER_STARTS: Final = tuple(p.replace(" ", "") for p in FOOTER_PREFIXES)


def is_footer(text: str) -> bool:
    """Whether a row starting with ``text`` is a note or a signature line."""
    folded = "".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return (
        folded.startswith(_FOOTER_STARTS)
        or bool(_DATE_LINE.fullmatch(folded))
        or (folded.startswith("注") and len(folded) > 1 and folded[1] in ":：1①一、")
    )
