"""Helpers for the assessment tests: a small plan (the city and three counties) and
observations. Imported by name (the tests folder is on sys.path when pytest runs)."""

from __future__ import annotations

from typing import Any

from gl_plan.data.observations import Observation
from gl_plan.periods import parse_period
from gl_plan.plan.models import Plan

CITY, YANGSHUO, LINGCHUAN, LONGSHENG = "450300", "450321", "450323", "450328"
PRE = "preschool_gross_enrollment_rate"
COVERAGE = "inclusive_kindergarten_coverage"


def _text(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def plan_dict() -> dict[str, Any]:
    region = _text
    return {
        "plan": {
            "id": "test-plan",
            "title": _text("测试计划", "Test plan"),
            "issuer": _text("测试", "Test"),
            "issued": "2022-03-16",
            "source": {"file": "none", "note": "fixture"},
        },
        "regions": [
            {
                "code": CITY,
                "name": region("桂林市", "Guilin"),
                "short": region("桂林", "Guilin"),
                "kind": "city",
            },
            {
                "code": YANGSHUO,
                "name": region("阳朔县", "Yangshuo County"),
                "short": region("阳朔", "Yangshuo"),
                "kind": "county",
                "parent": CITY,
            },
            {
                "code": LINGCHUAN,
                "name": region("灵川县", "Lingchuan County"),
                "short": region("灵川", "Lingchuan"),
                "kind": "county",
                "parent": CITY,
            },
            {
                "code": LONGSHENG,
                "name": region("龙胜各族自治县", "Longsheng Autonomous County"),
                "short": region("龙胜", "Longsheng"),
                "kind": "autonomous_county",
                "parent": CITY,
            },
        ],
        "indicators": [
            {
                "id": PRE,
                "name": _text("学前教育三年毛入园率", "Preschool gross enrollment rate"),
                "short": _text("学前毛入园率", "Preschool GER"),
                "numerator": _text("在园幼儿数", "children enrolled"),
                "denominator": _text("3-5岁人口", "population aged 3-5"),
                "plausible_range": {"min": 0, "max": 150},
            },
            {
                "id": COVERAGE,
                "name": _text("普惠性幼儿园覆盖率", "Inclusive coverage"),
                "numerator": _text("普惠园在园幼儿数", "children in inclusive kindergartens"),
                "denominator": _text("在园幼儿数", "children enrolled"),
                "plausible_range": {"min": 0, "max": 100},
            },
        ],
        "goals": [
            {"year": 2025, "text": _text("到2025年", "By 2025"), "targets": {PRE: 100.7}},
            {"year": 2030, "text": _text("到2030年", "By 2030"), "targets": {PRE: 102.2}},
        ],
        "actions": [
            {
                "id": "A1",
                "number": 1,
                "title": _text("党建", "Party building"),
                "tasks": [
                    {
                        "id": "A1.1",
                        "title": _text("党建", "Party building"),
                        "text": "坚持党建引领。",
                        "deadline": "2022年底前,持续实施",
                    }
                ],
            },
        ],
        "standards": [
            {
                "id": "preschool_85",
                "name": _text("毛入园率不低于85%", "GER at least 85%"),
                "indicator": PRE,
                "threshold": 85,
                "comparison": "at_least",
                "applies_to": ["county", "autonomous_county"],
                "source": _text("教育部", "MOE"),
            },
            {
                "id": "coverage_80",
                "name": _text("普惠覆盖率不低于80%", "Coverage at least 80%"),
                "indicator": COVERAGE,
                "threshold": 80,
                "comparison": "at_least",
                "applies_to": ["county", "autonomous_county"],
                "source": _text("教育部", "MOE"),
            },
        ],
    }


def make_plan(**changes: Any) -> Plan:
    data = plan_dict()
    data.update(changes)
    return Plan.model_validate(data)


def obs(
    region: str,
    period: str,
    value: float | None = None,
    num: float | None = None,
    den: float | None = None,
    indicator: str = PRE,
    source: str | None = None,
) -> Observation:
    """An observation; with counts only, the value is num / den × 100."""
    if value is None:
        assert num is not None
        assert den is not None
        value = num / den * 100
    return Observation(region, parse_period(period), indicator, value, num, den, source)
