"""Cells, headers and file names: the small readers under the table reader."""

from __future__ import annotations

import doctest
from datetime import datetime

import pytest

from gl_plan.data import values
from gl_plan.data.columns import recognise
from gl_plan.data.values import CellError, cell_text, number, region_from_name
from gl_plan.plan.models import Plan


def test_doctests() -> None:
    assert doctest.testmod(values).failed == 0


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("98.5", 98.5),
        ("", None),
        (None, None),
        (98, 98.0),
        (98.5, 98.5),
        ("1,234.5", 1234.5),
        ("1_000", 1000.0),
    ],
)
def test_number(cell: object, expected: float | None) -> None:
    assert number(cell, "value", percent=True) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "nan",
        "inf",
        "-infinity",
        "abc",
        "98,5",
        "1,23,456",
        "12,3456",
        True,
        datetime(2024, 9, 30),
        float("nan"),
        float("inf"),
        "%",
    ],
)
def test_number_rejects(cell: object) -> None:
    with pytest.raises(CellError) as info:
        number(cell, "value", percent=True)
    assert info.value.code == "type-error"


def test_count_cannot_be_percentage() -> None:
    with pytest.raises(CellError, match="cannot be a percentage"):
        number("98%", "numerator", percent=False)


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (None, ""),
        (" a ", "a"),
        (2024.0, "2024"),
        (2024, "2024"),
        (98.5, "98.5"),
        (datetime(2024, 9, 30), "2024-09-30T00:00:00"),
    ],
)
def test_cell_text(cell: object, text: str) -> None:
    assert cell_text(cell) == text


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("450321_阳朔县.csv", "450321"),
        ("阳朔县.xlsx", "450321"),
        ("阳朔", "450321"),
        ("2024年阳朔县教育指标.csv", "450321"),
        ("桂林市阳朔县2024.csv", "450321"),
        ("yangshuo-2024Q3.csv", "450321"),
        ("荔浦县数据.csv", "450381"),
        ("教育资源统计.csv", None),  # 资源 is a county's short name and a common word
        ("阳朔县_灵川县.csv", None),
        ("Sheet1", None),
        ("data.csv", None),
    ],
)
def test_region_from_name(data_plan: Plan, name: str, code: str | None) -> None:
    assert region_from_name(name, data_plan) == code


def _header(plan: Plan, cells: list[object], region_known: bool = False):  # type: ignore[no-untyped-def]
    return recognise(cells, plan, file="f.csv", line=1, sheet=None, region_known=region_known)


@pytest.mark.parametrize(
    "labels",
    [
        ["region", "period", "indicator", "value"],
        ["Region", " PERIOD ", "Indicator", "Value"],
        ["地区", "时期", "指标", "数值"],
        ["区县", "期间", "指标名称", "值"],
        ["区 县", "季度", "指标", "分子", "分母"],
        ["县（市、区）", "季度", "指标", "分子", "分母", "备注"],
        ["\ufeffregion", "period", "indicator", "numerator", "denominator"],
    ],
)
def test_long_headers(data_plan: Plan, labels: list[object]) -> None:
    found = _header(data_plan, labels)
    assert found.columns is not None, found.problems
    assert found.columns.shape == "long"
    assert found.columns.region == 0
    assert found.problems == []


def test_wide_header_with_chinese_indicator_names(data_plan: Plan) -> None:
    found = _header(data_plan, ["地区", "季度", "学前教育三年毛入园率", "高中阶段毛入学率", "备注"])
    assert found.columns is not None
    assert found.columns.shape == "wide"
    assert found.columns.wide == [
        (2, "preschool_gross_enrollment_rate"),
        (3, "senior_secondary_gross_enrollment_rate"),
    ]


def test_unknown_column_in_long_table_is_a_warning(data_plan: Plan) -> None:
    found = _header(data_plan, ["region", "period", "indicator", "value", "source"])
    assert found.columns is not None
    assert [(p.code, p.severity.value, p.column) for p in found.problems] == [
        ("extra-label", "warning", 5)
    ]


def test_trailing_blank_labels_are_not_columns(data_plan: Plan) -> None:
    found = _header(data_plan, ["region", "period", "indicator", "value", "", None])
    assert found.columns is not None
    assert found.columns.width == 4
    assert found.problems == []
