"""The one rule for a value beside its target (:mod:`gl_plan.numbers`): the shown value,
the shown gap and the status never contradict each other, in any report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from gl_plan.assess.indicators import IndicatorAssessment, Point, Status, assess_points
from gl_plan.numbers import format_comparison, format_number
from gl_plan.periods import parse_period
from gl_plan.plan.models import Direction, Settings
from gl_plan.report.check_summary import gap_text, value_text
from gl_plan.report.format import CSV_DIGITS, csv_comparison, digits_for, fmt_target

REACHED = {Status.MET, Status.ACHIEVED}

#: Targets as plans write them: whole numbers or up to three decimals (95, 100.7, 16.25).
targets = st.builds(
    lambda whole, decimals: whole / 10**decimals,
    st.integers(min_value=0, max_value=200_000),
    st.integers(min_value=0, max_value=3),
)


@st.composite
def value_and_target(draw: st.DrawFn) -> tuple[float, float]:
    """A target, and a value anywhere, or just off the target (where rounding would hide
    the difference), or on it, or half a last decimal away (where rounding ties)."""
    target = draw(targets)
    step = 10.0 ** -digits_for(target)
    value = draw(
        st.one_of(
            st.floats(min_value=0, max_value=1000),
            st.floats(min_value=-step, max_value=step).map(lambda d: target + d),
            st.floats(min_value=-1e-9, max_value=1e-9).map(lambda d: target + d),
            st.sampled_from([0.0, 0.5, -0.5, 1.5, -1.5]).map(lambda k: target + k * step),
        )
    )
    return max(value, 0.0), target


def _assessed(value: float, target: float, direction: Direction, over: bool) -> IndicatorAssessment:
    """The core's own status: a verdict once the target year is over, else a status on
    the way (from a declared 2021 baseline)."""
    as_of = date(2026, 3, 31) if over else date(2025, 6, 30)
    period = "2025" if over else "2024"
    return assess_points(
        [Point(parse_period(period), value)],
        region="450300",
        region_level="city",
        indicator="rate",
        target_year=2025,
        target=target,
        as_of=as_of,
        settings=Settings(),
        direction=direction,
        declared_baseline=Point(parse_period("2021"), 50.0),
    )


def _decimals(shown: str) -> int:
    return len(shown.partition(".")[2])


@given(value_and_target(), st.sampled_from(list(Direction)), st.booleans())
@example((94.96, 95.0), Direction.HIGHER_IS_BETTER, True)
@example((0.54, 0.5), Direction.LOWER_IS_BETTER, False)
@example((57.99999999999999, 58.0), Direction.HIGHER_IS_BETTER, True)
def test_shown_value_gap_and_status_agree(
    pair: tuple[float, float], direction: Direction, over: bool
) -> None:
    value, target = pair
    a = _assessed(value, target, direction, over)
    shown, gap = value_text(a), gap_text(a)
    written = Decimal(fmt_target(target))
    # shown equal to the target only when it is equal
    assert (Decimal(shown) == written) == (value == target), (shown, target)
    # the gap is the shown value minus the target, with the value's decimals
    assert Decimal(gap) == Decimal(shown) - written, (shown, gap, target)
    assert _decimals(gap) == _decimals(shown) >= digits_for(target)
    assert gap.startswith("+") == (Decimal(gap) > 0)
    # and its sign says what the status says
    sign = 1 if direction is Direction.HIGHER_IS_BETTER else -1
    assert (a.status in REACHED) == (sign * Decimal(gap) >= 0), (shown, gap, a.status)
    # the workbook stores the value rounded to the shown decimals, so Excel shows the
    # same (a value only the shortest form tells from its target is stored whole)
    if "e" not in shown:
        assert format_number(round(value, _decimals(shown)), _decimals(shown)) == shown
    # the CSV (and the workbook's long table) by the same rule, with more decimals
    csv_value, csv_gap = csv_comparison(value, target)
    assert isinstance(csv_value, float | int)
    assert isinstance(csv_gap, float | int)
    assert (csv_value == target) == (value == target)
    assert Decimal(repr(csv_gap)) == Decimal(repr(float(csv_value))) - written
    assert (a.status in REACHED) == (sign * csv_gap >= 0)
    assert abs(csv_value - value) <= 0.5 * 10**-CSV_DIGITS + 1e-12


def test_the_decimals_that_explain_a_missed_target() -> None:
    assert format_comparison(94.96, 95, 1) == ("94.96", "-0.04")
    assert format_comparison(94.9996, 95, 1) == ("94.9996", "-0.0004")
    assert format_comparison(95.04, 95, 1) == ("95.04", "+0.04")
    assert format_comparison(94.46, 95, 1) == ("94.5", "-0.5")  # no more than needed
    assert format_comparison(95.0, 95, 1) == ("95.0", "0.0")


def test_no_written_figure_tells_them_apart_then_the_shortest_form() -> None:
    tiny = "0." + "0" * 24 + "1"  # written out: a reader or Excel never sees "1e-25"
    assert format_comparison(1e-25, 0.0, 1) == (tiny, "+" + tiny)
    assert "e" not in format_comparison(5e-324, 0.0, 1)[0]
