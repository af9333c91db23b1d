"""Sparklines and the quarterly window behind them."""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import DATA, PLAN

from gl_plan.assess.check import build_check
from gl_plan.assess.indicators import Point
from gl_plan.data.read import read_indicators
from gl_plan.periods import Period
from gl_plan.plan.load import load_plan
from gl_plan.report.trends import (
    SPARK_CHARS,
    quarter_trends,
    quarter_window,
    region_points,
    sparkline,
)


def test_sparkline_levels_and_gaps() -> None:
    assert sparkline([1.0, 8.0, None, 4.0]) == "▁█ ▄"
    assert sparkline([]) == ""
    assert sparkline([None, None]) == "  "


def test_small_changes_stay_flat() -> None:
    """Noise of a tenth of a point is not drawn as a swing from ▁ to █."""
    line = sparkline([100.0, 100.1, 99.9, 100.0])
    assert set(line) <= set("▃▄▅")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6)), max_size=12))
def test_one_character_per_value_ordered_like_the_values(values: list[float | None]) -> None:
    line = sparkline(values)
    assert len(line) == len(values)
    for v, c in zip(values, line, strict=True):
        assert (c == " ") == (v is None)
        assert c == " " or c in SPARK_CHARS
    known = [(v, c) for v, c in zip(values, line, strict=True) if v is not None]
    for (a, ca), (b, cb) in itertools.pairwise(known):
        if a < b:
            assert SPARK_CHARS.index(ca) <= SPARK_CHARS.index(cb)


def test_window_is_the_last_eight_quarters_anyone_reported() -> None:
    pts = {
        ("a", "x"): [Point(Period(2024, 1), 1.0), Point(Period(2025, 3), 2.0)],
        ("b", "x"): [Point(Period(2025, None), 3.0)],  # annual figures do not extend it
    }
    window = quarter_window(pts)
    assert [str(p) for p in window] == [
        "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3"
    ]  # fmt: skip
    trends = quarter_trends(pts)
    assert trends[("a", "x")].values == (None, 1.0, None, None, None, None, None, 2.0)
    assert trends[("a", "x")].change == 1.0
    assert ("b", "x") not in trends


def test_city_series_is_computed_from_the_counties_up_to_as_of() -> None:
    plan = load_plan(PLAN)
    as_of = date(2025, 6, 30)
    obs = read_indicators([DATA], plan, as_of=date(2025, 10, 15)).observations
    result = build_check(plan, obs, as_of)
    points = region_points(result)
    city = points[("450300", "preschool_gross_enrollment_rate")]
    assert str(city[-1].period) == "2025Q2"  # 2025Q3 ends after as_of
    assert str(city[0].period) == "2021Q4"
