"""Header spellings: which column of a county's table or of the ledger holds what.

One table for every file glplan reads, so an office that writes ``备注`` or ``填报日期`` is
understood the same way everywhere. Spellings are compared after
:func:`gl_plan.plan.models.normalise_name` (case, width, spacing and punctuation folded:
``Region``, ``区 县`` and ``县（市、区）`` all match).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeVar

from gl_plan.plan.models import normalise_name

Role = Literal["region", "period", "indicator", "value", "numerator", "denominator", "note"]

#: Indicator files (long or wide): each role's header spellings.
# fmt: off
INDICATOR_HEADERS: Final[dict[Role, tuple[str, ...]]] = {
    "region": (
        "region", "regioncode", "regionname", "county", "countycode", "district", "area",
        "地区", "区县", "县区", "县市区", "地区名称", "地区代码", "区划代码", "行政区划",
        "行政区划代码", "行政区", "区域", "县", "单位",
    ),
    "period": (
        "period", "quarter", "time", "year", "时期", "期间", "季度", "时间", "年度", "年份",
        "报告期", "统计期", "统计时期",
    ),
    "indicator": (
        "indicator", "indicatorid", "indicatorname", "indicatorcode", "指标", "指标名称",
        "指标代码", "指标id", "项目",
    ),
    "value": ("value", "rate", "数值", "值", "指标值", "比率", "率", "数据", "取值"),
    "numerator": ("numerator", "num", "分子", "分子数", "分子值"),
    "denominator": ("denominator", "den", "denom", "分母", "分母数", "分母值"),
    "note": (
        "note", "notes", "remark", "remarks", "comment", "comments", "备注", "说明", "注",
    ),
}

#: The progress ledger: each column's header spellings.
LEDGER_HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "date": ("date", "日期", "填报日期"),
    "task": ("task", "taskid", "任务", "任务编号"),
    "status": ("status", "状态", "进展状态"),
    "value": ("value", "数值", "完成数"),
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
