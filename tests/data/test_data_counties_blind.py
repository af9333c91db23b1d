"""The 18 county files written blind (by someone who never saw the reader), read against
the bundled plan: every figure in TRUTH.json read right, and every trap caught as its
``expected`` says."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gl_plan.data.read import DataResult, read_indicators
from gl_plan.errors import Severity
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "fixtures" / "counties_blind"
TRUTH: dict[str, Any] = json.loads((BLIND / "TRUTH.json").read_text(encoding="utf-8"))
AS_OF = date(2026, 11, 28)
FILES = [f["file"] for f in TRUTH["files"]]
#: Figures the truth allows a reader to refuse (its trap says "reject it or convert it with
#: a warning"), and that glplan refuses: a lone fraction in a rate column cannot be told from
#: a typing mistake, so it is an error suggesting the percentage, never scaled silently.
REFUSED = {
    "兴安2026.9三项指标.csv": [
        {"region": "450325", "period": "2026Q3", "indicator": "compulsory_consolidation_rate"}
    ]
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(ROOT / "data" / "plan.yaml")


def _read(plan: Plan, *names: str) -> DataResult:
    return read_indicators([BLIND / n for n in names], plan, as_of=AS_OF)


def _figure(result: DataResult, region: str, period: str, indicator: str) -> Any:
    series = result.observations.get(region, indicator)
    return next((o for o in series or () if str(o.period) == period), None)


def _texts(result: DataResult, severity: Severity) -> list[str]:
    return [p.text() for p in result.issues if p.severity is severity]


@pytest.mark.parametrize("name", FILES)
def test_every_figure_is_read_right(plan: Plan, name: str) -> None:
    entry = next(f for f in TRUTH["files"] if f["file"] == name)
    result = _read(plan, name)
    refused = {(r["region"], r["period"], r["indicator"]) for r in REFUSED.get(name, [])}
    for fig in entry["figures"]:
        o = _figure(result, fig["region"], fig["period"], fig["indicator"])
        if (fig["region"], fig["period"], fig["indicator"]) in refused:
            # a trap the truth allows to be refused: an error names it, and no figure is used
            assert o is None, fig
            continue
        assert o is not None, fig
        if fig["kind"] == "rate":
            assert o.value == pytest.approx(fig["value"], abs=0.051), fig
        else:
            assert getattr(o, fig["part"]) == pytest.approx(fig["value"], abs=0.5), fig


def test_a_count_typo_is_a_warning_naming_both_numbers(plan: Plan) -> None:
    result = _read(plan, "永福县2026年第三季度教育统计报表.xls")
    [warning] = [w for w in _texts(result, Severity.WARNING) if "6381" in w]
    assert "6381/7013 = 90.99" in warning
    assert "97.4" in warning
    o = _figure(result, "450326", "2026Q3", "preschool_gross_enrollment_rate")
    assert (o.value, o.numerator) == (97.4, 6381)  # both kept as written


def test_swapped_counts_are_a_warning_and_read_swapped(plan: Plan) -> None:
    result = _read(plan, "龙胜县2026Q3教育指标.csv")
    assert any("swapped" in w and "108.49" in w for w in _texts(result, Severity.WARNING))
    o = _figure(result, "450328", "2026Q3", "senior_secondary_gross_enrollment_rate")
    assert (o.numerator, o.denominator) == (4101, 3780)


def test_a_fraction_is_an_error_suggesting_the_percentage(plan: Plan) -> None:
    result = _read(plan, "兴安2026.9三项指标.csv")
    [err] = result.errors
    assert "0.953 looks like a fraction: did you mean 95.3?" in err.text()
    assert _figure(result, "450325", "2026Q3", "compulsory_consolidation_rate") is None
    # the cell written with a percent sign is read as written
    o = _figure(result, "450325", "2026Q3", "senior_secondary_gross_enrollment_rate")
    assert o.value == 104.2


def test_a_drop_against_the_year_earlier_column_is_a_warning(plan: Plan) -> None:
    result = _read(plan, "恭城县2026年三季度主要教育指标.xlsx")
    [jump] = [p for p in result.issues if p.code == "implausible-jump"]
    assert "450332 senior_secondary_gross_enrollment_rate 2026Q3" in jump.text()
    assert "99.8" in jump.text()
    assert "-4.7" in jump.text()


def test_township_rows_are_not_the_county(plan: Plan) -> None:
    result = _read(plan, "全州县各乡镇2026年9月底学前教育入园情况统计表.xlsx")
    o = _figure(result, "450324", "2026Q3", "preschool_gross_enrollment_rate")
    assert (o.value, o.numerator, o.denominator, o.origin) == (96.29, 18950, 19680, "total_row")
    summed = _read(plan, "平乐县各乡镇2026年1-9月入园入学基础数据.xlsx")
    p = _figure(summed, "450330", "2026Q3", "preschool_gross_enrollment_rate")
    assert (p.numerator, p.denominator, p.origin) == (9862, 10020, "sum_of_rows")


def test_school_sheets_add_nothing_twice(plan: Plan) -> None:
    result = _read(plan, "资源县2026年9月学前教育和高中阶段分校统计.xlsx")
    o = _figure(result, "450329", "2026Q3", "preschool_gross_enrollment_rate")
    assert (o.numerator, o.denominator) == (4377, 4620)
    assert result.errors == []


def test_a_corrected_file_supersedes_the_original(plan: Plan) -> None:
    result = _read(
        plan, "临桂区2026年三季度教育指标.xlsx", "临桂区2026年三季度教育指标（更正）.xlsx"
    )
    assert [p for p in result.issues if p.code == "conflicting-value"] == []
    o = _figure(result, "450312", "2026Q3", "senior_secondary_gross_enrollment_rate")
    assert (o.numerator, o.value) == (18502, 108.8)
    assert o.supersedes is not None
    assert o.supersedes.endswith("临桂区2026年三季度教育指标.xlsx")
    assert any("superseded" in p.text() for p in result.issues)


def test_another_county_s_row_is_named_and_not_used(plan: Plan) -> None:
    result = _read(plan, "秀峰区2026年第三季度主要指标报表.xlsx", "叠彩区2026年三季度指标.csv")
    assert any("450303" in e for e in _texts(result, Severity.ERROR))
    o = _figure(result, "450303", "2026Q3", "preschool_gross_enrollment_rate")
    assert o.value == 104.01


def test_origins_say_where_a_figure_came_from(plan: Plan) -> None:
    counts_only = _read(plan, "雁山区2026年1-9月教育基础数据.csv")
    o = _figure(counts_only, "450311", "2026Q3", "preschool_gross_enrollment_rate")
    assert (round(o.value, 2), o.origin) == (98.83, "counts")
    form = _read(plan, "灵川县教育局2026年1-9月教育事业主要指标统计表.xlsx")
    prior = _figure(form, "450323", "2025Q3", "preschool_gross_enrollment_rate")
    assert prior.origin == "prior_year_column"
    # the 其中 sub-rows are not the numerator, and no conflict is reported
    senior = _figure(form, "450323", "2026Q3", "senior_secondary_gross_enrollment_rate")
    assert senior.numerator == 10412
    assert form.errors == []
