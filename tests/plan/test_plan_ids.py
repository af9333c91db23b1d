"""Any plan's identifiers: region codes, kinds, action and task ids, units and languages."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from gl_plan.plan.ids import check_identifier, check_task_id, machine_id, split_task_id
from gl_plan.plan.models import (
    ActionId,
    Indicator,
    RegionCode,
    RegionKind,
    TaskId,
    Text,
    Unit,
)

codes = TypeAdapter(RegionCode)
actions = TypeAdapter(ActionId)
tasks = TypeAdapter(TaskId)


@pytest.mark.parametrize("code", ["450300", "110000", "CN", "CN-GX", "450321100", "450321100001"])
def test_region_codes_any_plan_uses(code: str) -> None:
    assert codes.validate_python(code) == code


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("45032", "must have 6 digits (GB/T 2260), or 9 or 12"),
        ("990300", "does not start with a GB/T 2260 province code"),
        ("中国", "must be 1 to 32 letters, digits"),
        ("-CN", "starting with a letter or digit"),
        ("X" * 33, "must be 1 to 32"),
    ],
)
def test_bad_region_codes_are_explained_in_words(code: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        codes.validate_python(code)
    message = info.value.errors()[0]["msg"]
    assert words in message
    assert "^" not in message  # no regular expression


def test_region_kinds_from_the_nation_to_townships() -> None:
    wanted = {
        "nation", "province", "autonomous_region", "municipality", "prefecture_city", "city",
        "district", "county", "autonomous_county", "county_level_city", "banner", "township",
    }  # fmt: skip
    assert wanted <= {k.value for k in RegionKind}


@pytest.mark.parametrize("action", ["A3", "A12", "C19", "一", "第一章"])
def test_action_ids_are_any_identifier(action: str) -> None:
    assert actions.validate_python(action) == action
    assert tasks.validate_python(f"{action}.2") == f"{action}.2"


@pytest.mark.parametrize(
    ("task", "words"),
    [
        ("A3", "must be its action's id, a dot and a number"),
        ("A3.x", "must be its action's id, a dot and a number"),
        (".1", "must be its action's id, a dot and a number"),
        ("A 3.1", "letters (any script) or digits"),
    ],
)
def test_bad_task_ids_are_explained_in_words(task: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        tasks.validate_python(task)
    assert words in info.value.errors()[0]["msg"]


def test_one_language_is_enough_and_stands_in_for_the_other() -> None:
    assert Text.model_validate({"zh": "生师比"}).get("en") == "生师比"
    assert Text.model_validate({"en": "pupils per teacher"}).get("zh") == "pupils per teacher"
    with pytest.raises(ValidationError):
        Text.model_validate({})


def _indicator(**extra: object) -> Indicator:
    return Indicator.model_validate(
        {"id": "x", "name": {"zh": "指标"}, "plausible_range": {"min": 0, "max": 100}, **extra}
    )


def test_units_and_how_parents_are_made() -> None:
    assert [Unit.PERCENT.scale, Unit.RATIO.scale, Unit.PER_THOUSAND.scale] == [100, 1, 1000]
    assert Unit.COUNT.summable
    assert Unit.AMOUNT.summable
    assert not Unit.RATIO.summable
    assert Unit.COUNT.scale is None
    ratio = _indicator(
        unit="ratio",
        direction="lower_is_better",
        numerator={"zh": "在校生数"},
        denominator={"zh": "专任教师数"},
    )
    assert ratio.unit is Unit.RATIO
    assert _indicator(unit="count").numerator is None


def test_a_rate_names_its_counts_and_an_amount_its_unit() -> None:
    with pytest.raises(ValidationError, match="needs its numerator and denominator"):
        _indicator(unit="ratio")
    with pytest.raises(ValidationError, match="needs unit_label"):
        _indicator(unit="amount")
    assert _indicator(unit="amount", unit_label={"zh": "万元"}).unit_label is not None


def test_ids_as_the_text_numbers_them() -> None:
    assert check_identifier("三(一)", "action id", "A3") == "三(一)"
    assert check_identifier("三（一）", "action id", "A3") == "三（一）"
    assert check_identifier("专栏3", "action id", "A3") == "专栏3"
    assert split_task_id("三(一)4") == ("三(一)", "4")
    assert split_task_id("三（一）4") == ("三（一）", "4")
    assert split_task_id("专栏3.2") == ("专栏3", "2")
    assert check_task_id("三(一)4") == "三(一)4"
    with pytest.raises(ValueError, match="a dot and a number"):
        check_task_id("三一4")
    assert [machine_id(i) for i in ("三(一)4", "三（一）4", "专栏3.2", "A3.6", "东1")] == [
        "3-1-4",
        "3-1-4",
        "box3.2",
        "A3.6",
        "u4e1c1",
    ]
