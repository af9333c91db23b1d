"""Completeness, gaps, outliers and implausible jumps over accepted observations."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_support import Reader

from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.data.quality import (
    MIN_CHANGES,
    check_completeness,
    check_quality,
    flagged_figures,
    gaps,
    jumps,
    modified_z_scores,
    outliers,
)
from gl_plan.errors import Severity
from gl_plan.periods import Period
from gl_plan.plan.models import Plan

PRE = "preschool_gross_enrollment_rate"
CONS = "compulsory_consolidation_rate"


def quarters(start: Period, n: int) -> list[Period]:
    out = [start]
    while len(out) < n:
        p = out[-1]
        out.append(
            Period(p.year + 1, 1) if p.quarter == 4 else Period(p.year, (p.quarter or 0) + 1)
        )
    return out


START = Period(2022, 1)


def series(
    region: str, indicator: str, values: list[float], start: Period = START
) -> list[Observation]:
    return [
        Observation(region, p, indicator, v, source="f.csv", line=i + 2)
        for i, (p, v) in enumerate(zip(quarters(start, len(values)), values, strict=True))
    ]


def test_completeness_lists_missing_indicators_per_region(data_plan: Plan) -> None:
    leaves = [r.code for r in data_plan.leaves()]
    obs: list[Observation] = []
    for code in leaves:
        obs += series(code, PRE, [95.0, 96.0])
        if code != "450321":
            obs += series(code, CONS, [100.0, 100.5])
    obs = [o for o in obs if not (o.region == "450324" and o.period == Period(2022, 2))]
    problems = check_completeness(ObservationSet.from_observations(obs), data_plan)
    assert [p.text() for p in problems] == [
        "450321 Yangshuo County did not report 2022Q2 (the latest period in the data): "
        "compulsory_consolidation_rate",
        "450324 Quanzhou County did not report 2022Q2 (the latest period in the data): "
        "preschool_gross_enrollment_rate, compulsory_consolidation_rate",
    ]
    assert all(
        p.severity is Severity.WARNING and p.code == "incomplete-reporting" for p in problems
    )


def test_regions_missing_the_same_indicators_share_one_line(data_plan: Plan) -> None:
    # Two counties' files arrived; fifteen are still to come: one line, not fifteen.
    obs = series("450321", PRE, [95.0, 96.0]) + series("450323", PRE, [95.0, 96.0])
    problems = check_completeness(ObservationSet.from_observations(obs), data_plan)
    assert len(problems) == 1
    text = problems[0].text()
    assert text.startswith("15 regions did not report 2022Q2 (the latest period in the data): ")
    assert "450302 Xiufeng District, 450303 Diecai District" in text
    assert "450321" not in text
    assert text.endswith("; missing preschool_gross_enrollment_rate")
    assert problems[0].text("zh").startswith("15 个地区未报送 2022Q2")


def test_completeness_of_nothing_is_nothing(data_plan: Plan) -> None:
    assert check_completeness(ObservationSet(), data_plan) == []


def test_gap_is_reported_once_per_region_with_indicators(data_plan: Plan) -> None:
    obs = series("450324", PRE, [95.0, 96.0, 97.0, 98.0]) + series("450324", CONS, [1, 2, 3, 4])
    obs = [o for o in obs if o.period != Period(2022, 3)]
    sources = {"f.csv": ("f.csv", None)}
    [gap] = gaps(ObservationSet.from_observations(obs), data_plan, sources)
    assert gap.text() == (
        "450324 has no data for 2022Q3 (between 2022Q2 and 2022Q4): "
        "compulsory_consolidation_rate, preschool_gross_enrollment_rate"
    )
    assert (gap.file, gap.line) == ("f.csv", 5)


def test_long_gap_and_annual_gap(data_plan: Plan) -> None:
    obs = [
        Observation("450321", Period(2020, 1), PRE, 90.0),
        Observation("450321", Period(2021, 2), PRE, 91.0),
        Observation("450321", Period(2020), PRE, 90.0),
        Observation("450321", Period(2023), PRE, 92.0),
    ]
    messages = [p.text() for p in gaps(ObservationSet.from_observations(obs), data_plan)]
    assert any("2020Q2-2021Q1 (4 periods)" in m for m in messages)
    assert any("2021-2022 (2 periods)" in m for m in messages)


def test_modified_z_scores() -> None:
    assert modified_z_scores([1.0, 1.0, 1.0, 5.0]) is None  # MAD 0
    scores = modified_z_scores([0.0, 1.0, 2.0, 3.0, 100.0])
    assert scores is not None
    assert scores[2] == 0.0
    assert scores[-1] == pytest.approx(0.6745 * 98 / 1)


def test_spike_is_reported_once_at_the_wrong_value() -> None:
    values = [95.0, 95.5, 95.9, 96.6, 97.0, 112.0, 97.9, 98.5, 98.8, 99.4]
    obs = ObservationSet.from_observations(series("450321", PRE, values))
    [out] = outliers(obs, 3.5)
    assert out.code == "outlier"
    assert (out.file, out.line) == ("f.csv", 7)  # the sixth value, on line 7
    assert "2023Q2 = 112" in out.text()
    assert "> 3.5" in out.text()


def test_step_change_is_reported() -> None:
    values = [95.0, 95.5, 95.9, 96.6, 97.0, 90.0, 90.5, 90.9, 91.4, 91.9]
    obs = ObservationSet.from_observations(series("450321", PRE, values))
    [out] = outliers(obs, 3.5)
    assert "2023Q2 = 90" in out.text()


def test_no_outliers_in_a_steady_trend_or_short_series() -> None:
    steady = series("450321", PRE, [95.0 + 0.5 * i for i in range(12)])
    short = series("450323", PRE, [95.0, 99.0, 80.0, 97.0][:MIN_CHANGES])
    obs = ObservationSet.from_observations(steady + short)
    assert outliers(obs, 3.5) == []


def test_small_changes_in_a_quantised_series_are_not_outliers() -> None:
    # Rates of small counts move in equal steps: the MAD is tiny, the change is not.
    values = [97.35, 97.40, 97.45, 97.50, 97.55, 97.28, 97.33, 97.38, 97.43, 97.48]
    obs = ObservationSet.from_observations(series("450329", CONS, values))
    assert outliers(obs, 3.5) == []


def test_changes_only_between_consecutive_quarters() -> None:
    obs = series("450321", PRE, [95.0, 95.5, 96.0, 96.5, 97.0, 97.5])
    # a two-year hole: the jump across it is not a quarter-on-quarter change
    obs += series("450321", PRE, [110.0, 110.5, 111.0], start=Period(2025, 1))
    assert outliers(ObservationSet.from_observations(obs), 3.5) == []


def test_check_quality_uses_plan_threshold(data_plan: Plan) -> None:
    values = [95.0, 95.5, 95.9, 96.6, 97.0, 112.0, 97.9, 98.5, 98.8, 99.4]
    obs = ObservationSet.from_observations(series("450321", PRE, values))
    found = check_quality(obs, data_plan)
    assert [p.code for p in found if p.code == "outlier"] == ["outlier"]
    assert found[0].file == "f.csv"
    lenient = data_plan.model_copy(
        update={"settings": data_plan.settings.model_copy(update={"outlier_z": 1000.0})}
    )
    assert not [p for p in check_quality(obs, lenient) if p.code == "outlier"]


def test_reader_reports_outlier_at_its_row(read: Reader, tmp_path: Path) -> None:
    values = [95.0, 95.5, 95.9, 96.6, 97.0, 112.0, 97.9, 98.5, 98.8, 99.4]
    lines = "".join(
        f"450321,{p},{PRE},{v}\n"
        for p, v in zip(quarters(Period(2022, 1), 10), values, strict=True)
    )
    path = tmp_path / "s.csv"
    path.write_text("region,period,indicator,value\n" + lines, encoding="utf-8")
    [out] = [p for p in read(path).warnings if p.code == "outlier"]
    assert (out.file, out.line) == (str(path), 7)


def with_settings(plan: Plan, **changes: float) -> Plan:
    return plan.model_copy(update={"settings": plan.settings.model_copy(update=changes)})


def test_a_jump_is_a_warning_naming_both_figures_and_the_setting(data_plan: Plan) -> None:
    # Too short a series for the outlier screen (two changes): only the bound can see it.
    obs = ObservationSet.from_observations(series("450321", PRE, [95.0, 95.5, 100.5]))
    [out] = jumps(obs, data_plan, {"f.csv": ("county.xlsx", "Q3")})
    assert out.text() == (
        "implausible jump: 450321 Yangshuo County preschool_gross_enrollment_rate "
        "2022Q3 = 100.5, 2022Q2 = 95.5: a change of +5 points, more than "
        "settings.max_quarterly_change (3); check the figure (a typing error, or a "
        "boundary change to explain)"
    )
    assert (out.code, out.severity) == ("implausible-jump", Severity.WARNING)
    assert (out.file, out.sheet, out.line) == ("county.xlsx", "Q3", 4)
    assert [p.code for p in check_quality(obs, data_plan, completeness=False)] == [
        "implausible-jump"
    ]


def test_the_bound_is_the_plan_setting_and_exclusive(data_plan: Plan) -> None:
    obs = ObservationSet.from_observations(
        series("450321", PRE, [95.0, 98.0])  # exactly 3 points: allowed
        + series("450323", PRE, [95.0, 91.99])  # 3.01 points down: flagged
    )
    assert list(flagged_figures(obs, data_plan)) == [("450323", PRE, Period(2022, 2))]
    assert len(jumps(obs, data_plan)) == 1
    assert jumps(obs, with_settings(data_plan, max_quarterly_change=5.0)) == []
    assert len(jumps(obs, with_settings(data_plan, max_quarterly_change=1.0))) == 2


def test_a_spike_is_flagged_once_and_a_step_once(data_plan: Plan) -> None:
    spike = series("450321", PRE, [95.0, 95.5, 101.0, 96.0, 96.5])
    step = series("450323", PRE, [95.0, 95.5, 90.0, 90.5, 91.0])
    flags = flagged_figures(ObservationSet.from_observations(spike + step), data_plan)
    assert sorted((r, str(p)) for r, _, p in flags) == [
        ("450321", "2022Q3"),
        ("450323", "2022Q3"),
    ]


def test_only_the_period_just_before_of_the_same_granularity(data_plan: Plan) -> None:
    obs = [
        Observation("450321", Period(2022, 1), PRE, 90.0),
        # a gap of a year: the move across it may be real, nothing to compare with
        Observation("450321", Period(2023, 2), PRE, 96.0),
        # a year's figure is compared with the previous year's, never with a quarter
        Observation("450321", Period(2022), PRE, 80.0),
        Observation("450321", Period(2023), PRE, 84.0),
    ]
    flags = flagged_figures(ObservationSet.from_observations(obs), data_plan)
    [(key, flag)] = flags.items()
    assert key == ("450321", PRE, Period(2023))
    assert (flag.kind, flag.previous.period, flag.change) == ("implausible-jump", Period(2022), 4.0)


def test_a_figure_the_outlier_screen_reports_is_not_reported_twice(data_plan: Plan) -> None:
    values = [95.0, 95.5, 95.9, 96.6, 97.0, 112.0, 97.9, 98.5, 98.8, 99.4]
    obs = ObservationSet.from_observations(series("450321", PRE, values))
    assert [p.code for p in check_quality(obs, data_plan, completeness=False)] == ["outlier"]
    [(key, flag)] = flagged_figures(obs, data_plan).items()
    assert (key[2], flag.kind) == (Period(2023, 2), "outlier")


def test_a_years_figure_between_quarters_does_not_hide_a_change() -> None:
    # 2022 (the year) sorts between 2022Q4 and 2023Q1; the spike is 2023Q1.
    values = [95.0, 95.5, 95.9, 96.6, 112.0, 97.3, 97.9, 98.5, 98.8, 99.4]
    obs = [*series("450321", PRE, values), Observation("450321", Period(2022), PRE, 96.0)]
    [out] = outliers(ObservationSet.from_observations(obs), 3.5)
    assert "2023Q1 = 112, a change of +15.4 from 2022Q4" in out.text()


def test_the_reader_keeps_the_flags_it_warned_about(
    read: Reader, tmp_path: Path, data_plan: Plan
) -> None:
    """One search: the figures behind the warnings are kept with the result, for the check's
    notes; reused only for the same observations under the same settings."""
    path = tmp_path / "yangshuo.csv"
    path.write_text(
        "region,period,indicator,value\n"
        "阳朔县,2025Q1,preschool_gross_enrollment_rate,95.0\n"
        "阳朔县,2025Q2,preschool_gross_enrollment_rate,95.5\n"
        "阳朔县,2025Q3,preschool_gross_enrollment_rate,100.5\n",
        encoding="utf-8",
    )
    result = read(path)
    warned = [p for p in result.issues if p.code == "implausible-jump"]
    assert [(p.line, p.file) for p in warned] == [(4, str(path))]
    assert result.screening is not None
    flags = result.screening.flags_for(result.observations, data_plan)
    assert flags is not None
    assert [(key, flag.kind) for key, flag in flags.items()] == [
        (("450321", PRE, Period(2025, 3)), "implausible-jump")
    ]
    # Another bound, or other observations: the flags are not theirs.
    lenient = with_settings(data_plan, max_quarterly_change=10.0)
    assert result.screening.flags_for(result.observations, lenient) is None
    copy = ObservationSet(dict(result.observations.series))
    assert result.screening.flags_for(copy, data_plan) is None
