"""Figures not to be used silently: flagged figures (outliers, implausible jumps) are noted
where they are shown, and a parent figure from too little of the area is not judged.

Every share below is computed by hand from the counts.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from assess_fixtures import CITY, LINGCHUAN, LONGSHENG, PRE, YANGSHUO, make_plan, obs, plan_dict
from typer.testing import CliRunner

from gl_plan.api import run_check
from gl_plan.assess.aggregate import aggregate
from gl_plan.assess.check import build_check
from gl_plan.assess.indicators import IndicatorAssessment, Rag, Status, assess_indicators
from gl_plan.cli import app
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.data.quality import flagged_figures, screen
from gl_plan.data.read import DataResult
from gl_plan.periods import Period
from gl_plan.plan.models import Plan

CHECK_PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "check" / "plan.yaml"
runner = CliRunner()


def row(rows: list[IndicatorAssessment], region: str, year: int = 2030) -> IndicatorAssessment:
    return next(a for a in rows if a.region == region and a.target_year == year)


def jump_data() -> list[Observation]:
    """Three quarters; Yangshuo jumps from 90.4 to 96.0 (+5.6 points) in 2024Q3."""
    return [
        obs(YANGSHUO, "2024Q1", num=450, den=500),
        obs(YANGSHUO, "2024Q2", num=452, den=500),
        obs(YANGSHUO, "2024Q3", num=480, den=500),
        obs(LINGCHUAN, "2024Q1", num=1800, den=2000),
        obs(LINGCHUAN, "2024Q2", num=1810, den=2000),
        obs(LINGCHUAN, "2024Q3", num=1820, den=2000),
        obs(LONGSHENG, "2024Q1", num=270, den=300),
        obs(LONGSHENG, "2024Q2", num=271, den=300),
        obs(LONGSHENG, "2024Q3", num=272, den=300),
    ]


def test_a_jumped_figure_is_noted_on_its_row_and_on_the_parent(plan: Plan) -> None:
    result = build_check(plan, ObservationSet.from_observations(jump_data()), date(2024, 12, 31))
    yangshuo = row(result.indicators, YANGSHUO)
    assert (yangshuo.period, yangshuo.value) == ("2024Q3", pytest.approx(96.0))
    assert "outlier" in yangshuo.notes
    assert "outlier" not in row(result.indicators, LINGCHUAN).notes
    city = row(result.indicators, CITY)
    # (480 + 1820 + 272) / 2800: the city's own move, +1.39 points, is no jump
    assert city.value == pytest.approx(2572 / 2800 * 100)
    assert "includes_outlier" in city.notes
    assert "outlier" not in city.notes
    assert city.coverage is not None
    assert city.coverage.outliers == [YANGSHUO]
    # and so in the JSON, for every target year
    for entry in result.to_json()["indicators"]:
        if entry["region"] == YANGSHUO:
            assert "outlier" in entry["notes"]
        if entry["region"] == CITY:
            assert "includes_outlier" in entry["notes"]
            assert entry["coverage"]["outliers"] == [YANGSHUO]


def test_the_flags_the_reader_found_are_the_ones_the_assessment_notes(plan: Plan) -> None:
    """The screens run once: the reader's flags reach the notes, not a second search."""
    observations = ObservationSet.from_observations(jump_data())
    found = flagged_figures(observations, plan)
    assert list(found) == [(YANGSHUO, PRE, Period(2024, 3))]
    given = build_check(plan, observations, date(2024, 12, 31), flags=found)
    assert "outlier" in row(given.indicators, YANGSHUO).notes
    # Given no flags, nothing is noted: the assessment used what it was given.
    none = build_check(plan, observations, date(2024, 12, 31), flags={})
    assert "outlier" not in row(none.indicators, YANGSHUO).notes
    assert "includes_outlier" not in row(none.indicators, CITY).notes


def test_the_readers_flags_are_reused_only_under_the_same_settings(plan: Plan) -> None:
    """run_check with the reader's result reuses its screening only for the same
    observations and plan settings: a plan with a looser bound screens again."""
    observations = ObservationSet.from_observations(jump_data())
    data = DataResult(observations, screening=screen(observations, plan))
    day = date(2024, 12, 31)
    assert "outlier" in row(run_check(plan, data, day).indicators, YANGSHUO).notes
    loose = plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"max_quarterly_change": 10.0})}
    )
    assert "outlier" not in row(run_check(loose, data, day).indicators, YANGSHUO).notes
    assert run_check(loose, data, day).to_json() == run_check(loose, observations, day).to_json()


def test_the_note_follows_the_figure_not_the_region(plan: Plan) -> None:
    # Before 2024Q3 has ended, the rows show 2024Q2: nothing flagged there.
    data = aggregate(plan, ObservationSet.from_observations(jump_data()))
    rows = assess_indicators(plan, data, date(2024, 8, 1))
    assert row(rows, YANGSHUO).period == "2024Q2"
    assert "outlier" not in row(rows, YANGSHUO).notes
    assert "includes_outlier" not in row(rows, CITY).notes
    assert data.coverage[(CITY, PRE, Period(2024, 2))].outliers == []


def test_a_figure_within_the_setting_is_not_noted(plan: Plan) -> None:
    lenient = plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"max_quarterly_change": 6.0})}
    )
    rows = assess_indicators(
        lenient, aggregate(lenient, ObservationSet.from_observations(jump_data())), date(2025, 1, 1)
    )
    assert not [a for a in rows if {"outlier", "includes_outlier"} & set(a.notes)]


def test_a_grandparent_says_which_county_below_it_is_flagged() -> None:
    data = plan_dict()
    data["regions"].insert(
        1,
        {
            "code": "450399",
            "name": {"zh": "北片区", "en": "North"},
            "short": {"zh": "北片", "en": "North"},
            "kind": "district",
            "parent": CITY,
        },
    )
    for region in data["regions"]:
        if region["code"] in (YANGSHUO, LINGCHUAN):
            region["parent"] = "450399"
    plan = Plan.model_validate(data)
    aggregated = aggregate(plan, ObservationSet.from_observations(jump_data()))
    assert aggregated.coverage[("450399", PRE, Period(2024, 3))].outliers == [YANGSHUO]
    assert aggregated.coverage[(CITY, PRE, Period(2024, 3))].outliers == [YANGSHUO]


def test_the_cli_fails_on_warning_for_a_jump_and_shows_the_figure(tmp_path: Path) -> None:
    folder = tmp_path / "indicators"
    folder.mkdir()
    for code in (YANGSHUO, LINGCHUAN, LONGSHENG):
        lines = ["region,period,indicator,numerator,denominator"]
        lines += [
            f"{o.region},{o.period},{o.indicator},{o.numerator:g},{o.denominator:g}"
            for o in jump_data()
            if o.region == code
        ]
        (folder / f"{code}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["check", "--plan", str(CHECK_PLAN), "--data", str(folder), "--as-of", "2024-12-31"]
    failed = runner.invoke(app, [*args, "--fail-on", "warning", "--format", "json"])
    assert failed.exit_code == 1, failed.output
    assert "findings reach --fail-on" in failed.stderr
    report: dict[str, Any] = json.loads(failed.stdout)
    [issue] = report["data_issues"]
    assert issue["code"] == "implausible-jump"
    assert issue["severity"] == "warning"
    assert issue["line"] == 4
    assert issue["message"] == (
        "implausible jump: 450321 Yangshuo County preschool_gross_enrollment_rate "
        "2024Q3 = 96, 2024Q2 = 90.4: a change of +5.6 points, more than "
        "settings.max_quarterly_change (3); check the figure (a typing error, or a "
        "boundary change to explain)"
    )
    shown = [
        (r["region"], r["value"], r["notes"])
        for r in report["indicators"]
        if r["indicator"] == PRE and r["target_year"] == 2030
    ]
    assert (YANGSHUO, pytest.approx(96.0), ["outlier"]) in shown
    assert (CITY, pytest.approx(2572 / 2800 * 100), ["includes_outlier"]) in shown
    # nothing else to report: --fail-on error passes
    passed = runner.invoke(app, [*args, "--fail-on", "error", "--format", "json"])
    assert passed.exit_code == 0, passed.output
    assert json.loads(passed.stdout) == report


# --- too little coverage -----------------------------------------------------------------


def coverage_data(*extra: Observation) -> ObservationSet:
    """2024Q1 complete, every county at 100: 500 + 2000 + 300 = 2800 in the denominators.
    (The figures after it move less than 3 points: no jump is flagged.)"""
    return ObservationSet.from_observations(
        [
            obs(YANGSHUO, "2024Q1", num=500, den=500),
            obs(LINGCHUAN, "2024Q1", num=2000, den=2000),
            obs(LONGSHENG, "2024Q1", num=300, den=300),
            *extra,
        ]
    )


def test_a_parent_from_too_little_of_the_area_is_insufficient_data(plan: Plan) -> None:
    # 2024Q2 without Longsheng: 2500 / 2800 = 0.892857 < 0.9; the value itself would be
    # achieved (2555 / 2500 = 102.2 ≥ 100.7)
    observations = coverage_data(
        obs(YANGSHUO, "2024Q2", num=505, den=500),
        obs(LINGCHUAN, "2024Q2", num=2050, den=2000),
    )
    data = aggregate(plan, observations)
    cov = data.coverage[(CITY, PRE, Period(2024, 2))]
    assert cov.partial
    assert cov.denominator_share == pytest.approx(2500 / 2800)
    assert cov.reference_period == "2024Q1"
    assert cov.low_coverage
    city = row(assess_indicators(plan, data, date(2024, 12, 31)), CITY, 2025)
    assert city.value == pytest.approx(102.2)
    assert (city.status, city.rag) == (Status.INSUFFICIENT_DATA, Rag.AMBER)
    assert city.notes == ["partial_coverage", "low_coverage"]
    # the counties' own figures are judged as usual
    yangshuo = row(assess_indicators(plan, data, date(2024, 12, 31)), YANGSHUO, 2025)
    assert yangshuo.status is Status.ACHIEVED


def test_partial_above_the_setting_keeps_its_status(plan: Plan) -> None:
    # 2024Q2 without Longsheng, larger denominators: 2570 / 2800 = 0.917857 ≥ 0.9
    observations = coverage_data(
        obs(YANGSHUO, "2024Q2", num=530, den=520),
        obs(LINGCHUAN, "2024Q2", num=2090, den=2050),
    )
    data = aggregate(plan, observations)
    cov = data.coverage[(CITY, PRE, Period(2024, 2))]
    assert cov.denominator_share == pytest.approx(2570 / 2800)
    assert not cov.low_coverage
    city = row(assess_indicators(plan, data, date(2024, 12, 31)), CITY, 2025)
    assert city.status is Status.ACHIEVED  # 2620 / 2570 = 101.95 ≥ 100.7
    assert city.notes == ["partial_coverage"]
    # a stricter plan judges the same figure too thin
    strict = make_plan(settings={"min_coverage": 0.95})
    data = aggregate(strict, observations)
    city = row(assess_indicators(strict, data, date(2024, 12, 31)), CITY, 2025)
    assert city.status is Status.INSUFFICIENT_DATA
    assert "low_coverage" in city.notes


def test_the_reference_is_the_latest_complete_period_before(plan: Plan) -> None:
    observations = coverage_data(
        # 2024Q2 complete: 520 + 2150 + 330 = 3000
        obs(YANGSHUO, "2024Q2", num=515, den=520),
        obs(LINGCHUAN, "2024Q2", num=2140, den=2150),
        obs(LONGSHENG, "2024Q2", num=329, den=330),
        # 2024Q3 without Longsheng: 2600 / 3000 = 0.8667 (against 2024Q1 it would be 0.9286)
        obs(YANGSHUO, "2024Q3", num=525, den=530),
        obs(LINGCHUAN, "2024Q3", num=2060, den=2070),
    )
    cov = aggregate(plan, observations).coverage[(CITY, PRE, Period(2024, 3))]
    assert (cov.reference_period, cov.low_coverage) == ("2024Q2", True)
    assert cov.denominator_share == pytest.approx(2600 / 3000)


def test_no_complete_period_before_means_no_share(plan: Plan) -> None:
    # Only a complete *year* before, and a complete quarter after: neither is compared.
    observations = ObservationSet.from_observations(
        [
            obs(YANGSHUO, "2023", num=900, den=1000),
            obs(LINGCHUAN, "2023", num=3600, den=4000),
            obs(LONGSHENG, "2023", num=540, den=600),
            obs(YANGSHUO, "2024Q1", num=450, den=500),
            obs(YANGSHUO, "2024Q2", num=452, den=500),
            obs(LINGCHUAN, "2024Q2", num=1810, den=2000),
            obs(LONGSHENG, "2024Q2", num=271, den=300),
        ]
    )
    data = aggregate(plan, observations)
    cov = data.coverage[(CITY, PRE, Period(2024, 1))]
    assert cov.partial
    assert (cov.denominator_share, cov.reference_period, cov.low_coverage) == (None, None, False)
    city = row(assess_indicators(plan, data, date(2024, 5, 1)), CITY)
    assert city.period == "2024Q1"
    assert city.notes == ["partial_coverage"]


def test_a_county_sending_rates_only_leaves_the_best_covered_figure_as_reference(
    plan: Plan,
) -> None:
    # Longsheng only ever sends a rate: no period is complete. 2024Q1 misses Longsheng only
    # (500 + 2000 = 2500); 2024Q2 misses Lingchuan too: 510 / 2500 = 0.204.
    observations = ObservationSet.from_observations(
        [
            obs(YANGSHUO, "2024Q1", num=500, den=500),
            obs(LINGCHUAN, "2024Q1", num=2000, den=2000),
            obs(LONGSHENG, "2024Q1", value=100.0),
            obs(YANGSHUO, "2024Q2", num=505, den=510),
            obs(LONGSHENG, "2024Q2", value=100.0),
            # 2024Q3 misses Longsheng only again: as covered as ever, nothing to measure
            obs(YANGSHUO, "2024Q3", num=515, den=520),
            obs(LINGCHUAN, "2024Q3", num=1900, den=1950),
            obs(LONGSHENG, "2024Q3", value=100.0),
        ]
    )
    data = aggregate(plan, observations)
    q2 = data.coverage[(CITY, PRE, Period(2024, 2))]
    assert (q2.reference_period, q2.low_coverage) == ("2024Q1", True)
    assert q2.denominator_share == pytest.approx(510 / 2500)
    q3 = data.coverage[(CITY, PRE, Period(2024, 3))]
    assert (q3.partial, q3.denominator_share, q3.reference_period) == (True, None, None)
    city = row(assess_indicators(plan, data, date(2024, 8, 1)), CITY, 2025)
    assert (city.period, city.status) == ("2024Q2", Status.INSUFFICIENT_DATA)
    assert city.notes == ["partial_coverage", "low_coverage", "baseline_partial_coverage"]


def test_a_verdict_from_too_little_of_the_area_is_no_verdict(plan: Plan) -> None:
    # 2025Q4 without Lingchuan: 800 / 2800 = 0.2857, value 810 / 800 = 101.25 ≥ 100.7
    observations = coverage_data(
        obs(YANGSHUO, "2025Q4", num=505, den=500),
        obs(LONGSHENG, "2025Q4", num=305, den=300),
    )
    data = aggregate(plan, observations)
    city = row(assess_indicators(plan, data, date(2026, 3, 31)), CITY, 2025)
    assert city.period == "2025Q4"
    assert (city.status, city.rag) == (Status.INSUFFICIENT_DATA, Rag.AMBER)
    assert city.coverage is not None
    assert city.coverage.denominator_share == pytest.approx(800 / 2800)


def test_a_reported_parent_figure_is_not_measured(plan: Plan) -> None:
    # The city's own statistics figure is used: it does not depend on which counties sent.
    observations = coverage_data(
        obs(YANGSHUO, "2024Q2", num=505, den=500),
        obs(CITY, "2024Q2", num=2900, den=2850),
    )
    data = aggregate(plan, observations)
    cov = data.coverage[(CITY, PRE, Period(2024, 2))]
    assert (cov.computed, cov.low_coverage, cov.denominator_share) == (False, False, None)
    city = row(assess_indicators(plan, data, date(2024, 12, 31)), CITY, 2025)
    assert city.status is Status.ACHIEVED
    assert "low_coverage" not in city.notes


def test_the_cli_json_shows_the_share(tmp_path: Path) -> None:
    folder = tmp_path / "indicators"
    folder.mkdir()
    rows = {
        YANGSHUO: [("2024Q1", 500, 500), ("2024Q2", 505, 500)],
        LINGCHUAN: [("2024Q1", 2000, 2000), ("2024Q2", 2050, 2000)],
        LONGSHENG: [("2024Q1", 300, 300)],
    }
    for code, figures in rows.items():
        text = "region,period,indicator,numerator,denominator\n" + "".join(
            f"{code},{p},{PRE},{n},{d}\n" for p, n, d in figures
        )
        (folder / f"{code}.csv").write_text(text, encoding="utf-8")
    args = ["check", "--plan", str(CHECK_PLAN), "--data", str(folder), "--as-of", "2024-12-31"]
    result = runner.invoke(app, [*args, "--fail-on", "never", "--format", "json"])
    assert result.exit_code == 0, result.output
    [city] = [
        r
        for r in json.loads(result.stdout)["indicators"]
        if r["region"] == CITY and r["indicator"] == PRE and r["target_year"] == 2025
    ]
    assert (city["status"], city["rag"]) == ("insufficient_data", "amber")
    assert city["notes"] == ["partial_coverage", "low_coverage"]
    assert city["coverage"]["denominator_share"] == pytest.approx(2500 / 2800)
    assert city["coverage"]["reference_period"] == "2024Q1"
    assert city["coverage"]["low_coverage"] is True
