"""``explain`` takes a check row apart without deciding anything again.

On the bundled data (data/: plan, county files, ledger) as of 2026-11-28, every row of
the check is explained, and the explanation's status, value, ratio and projection are the
row's, to the last bit, in JSON.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gl_plan.api import check
from gl_plan.assess.check import CheckResult
from gl_plan.assess.explain import JSON_KEYS, default_target_year, explain, find_row
from gl_plan.assess.indicators import Status
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
AS_OF = date(2026, 11, 28)
PRE = "preschool_gross_enrollment_rate"
XINGAN = "450325"


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return check(DATA / "plan.yaml", [DATA / "indicators"], DATA / "progress.csv", as_of=AS_OF)


def test_every_row_of_the_bundled_data_explains_to_the_same_figures(result: CheckResult) -> None:
    plan = _plan()
    rows = json.loads(result.to_json_text())["indicators"]
    assert len(rows) == 108  # 18 regions x 3 indicators x 2 target years
    for row in rows:
        assessed = find_row(result, row["region"], row["indicator"], row["target_year"])
        assert assessed is not None
        exp = json.loads(json.dumps(explain(plan, result, assessed).to_json()))
        assert tuple(exp) == JSON_KEYS
        for key in ("region", "indicator", "target_year", "target", "status", "value",
                    "ratio", "projected", "period", "path_value", "path_gap",
                    "observed_growth", "required_growth"):  # fmt: skip
            assert exp[key] == row[key], (row["region"], row["indicator"], key)
        assert exp["baseline"] == {
            "period": row["baseline_period"],
            "value": row["baseline_value"],
            "source": row["baseline_source"],
        }
        assert set(exp["rule"]) == {"code", "condition", "thresholds"}
        for point in exp["points"]:
            assert list(point) == ["period", "value", "numerator", "denominator", "source",
                                   "line", "origin", "supersedes"]  # fmt: skip
        if row["value"] is not None:
            # The current figure is always among the points used.
            assert exp["points"][-1]["period"] == row["period"]
            assert exp["points"][-1]["value"] == row["value"]


def test_needed_next_for_xingan_by_hand(result: CheckResult) -> None:
    """Xing'an preschool, 2030 target 102.2, as of 2026-11-28.

    Baseline: the earliest figure, 2021Q4, 10218 / 10197 x 100 = 100.2059...; it counts at
    the end of 2021 (t = 2022.0). The 2030 target counts at the end of 2030 (t = 2031.0).
    Next year is 2027, whose end is t = 2028.0. On the straight line:

        needed = 100.2059 + (102.2 - 100.2059) x (2028 - 2022) / (2031 - 2022)
               = 100.2059 + 1.9941 x 6 / 9 = 100.2059 + 1.3294 = 101.5353
    """
    row = find_row(result, XINGAN, PRE, 2030)
    assert row is not None
    exp = explain(_plan(), result, row)
    base = 10218 / 10197 * 100
    assert exp.baseline.value == pytest.approx(base)
    assert exp.baseline.period == "2021Q4"
    assert exp.needed_next == pytest.approx(base + (102.2 - base) * 6 / 9)
    assert exp.needed_next == pytest.approx(101.5353, abs=1e-4)
    assert exp.needed_by == date(2027, 12, 31)
    # The path today (2026Q3, t = 2026.75) on the same line: 4.75 of 9 years.
    assert exp.path_value == pytest.approx(base + (102.2 - base) * 4.75 / 9)
    assert exp.status is Status.DETERIORATING
    assert exp.rule.code == "ratio_deteriorating"
    points = exp.points
    assert points[0].roles == ("baseline",)
    assert (points[0].numerator, points[0].denominator, points[0].line) == (10218, 10197, 2)
    assert points[0].source is not None
    assert points[0].source.endswith("450325_兴安县.csv")
    assert points[-1].roles == ("trend", "latest")
    assert len([p for p in points if "trend" in p.roles]) == 12


def test_needed_next_is_the_target_when_the_target_year_ends_first() -> None:
    as_of = date(2024, 11, 28)  # next year is 2025, the target year itself
    result = check(DATA / "plan.yaml", [DATA / "indicators"], as_of=as_of)
    row = find_row(result, XINGAN, PRE, 2025)
    assert row is not None
    exp = explain(_plan(), result, row)
    assert exp.needed_next == 100.7
    assert exp.needed_by == date(2025, 12, 31)


def test_a_verdict_has_no_path_and_uses_one_figure(result: CheckResult) -> None:
    row = find_row(result, XINGAN, PRE, 2025)
    assert row is not None
    exp = explain(_plan(), result, row)
    assert exp.status is Status.MISSED
    assert exp.rule.code == "verdict_missed"
    assert exp.needed_next is None
    assert [(p.period, p.roles) for p in exp.points] == [("2025Q4", ("verdict",))]


def test_the_city_lists_what_was_summed(result: CheckResult) -> None:
    row = find_row(result, "450300", PRE, 2030)
    assert row is not None
    exp = explain(_plan(), result, row)
    assert exp.coverage is not None
    assert exp.coverage.missing == ["450304"]
    assert len(exp.children) == 17
    counted = [c for c in exp.children if c.numerator is not None and c.denominator is not None]
    numerator = sum(c.numerator or 0.0 for c in counted)
    denominator = sum(c.denominator or 0.0 for c in counted)
    assert exp.value == pytest.approx(numerator / denominator * 100)
    assert all(p.source is None for p in exp.points)


def test_rules_carry_the_plans_thresholds(result: CheckResult) -> None:
    plan = _plan()
    seen: dict[str, dict[str, float]] = {}
    for row in result.indicators:
        rule = explain(plan, result, row).rule
        seen[rule.code] = rule.thresholds
    assert seen["ratio_needs_acceleration"] == {
        "acceleration_ratio": plan.settings.acceleration_ratio,
        "on_track_ratio": plan.settings.on_track_ratio,
    }
    assert seen["ratio_on_track"] == {"on_track_ratio": plan.settings.on_track_ratio}


def test_default_target_year() -> None:
    assert default_target_year([2025, 2030], date(2025, 12, 31)) == 2025
    assert default_target_year([2030, 2025], date(2026, 1, 1)) == 2030
    assert default_target_year([2025, 2030], date(2031, 1, 1)) == 2030


def _plan() -> Plan:
    return load_plan(DATA / "plan.yaml")
