"""``glplan explain`` end to end on the bundled data (data/), as of 2026-11-28."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gl_plan.cli import app

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
FILES = [
    "--plan", str(DATA / "plan.yaml"),
    "--data", str(DATA / "indicators"),
    "--progress", str(DATA / "progress.csv"),
    "--as-of", "2026-11-28",
]  # fmt: skip
PRE = "preschool_gross_enrollment_rate"

runner = CliRunner()


def explain(*args: str) -> Any:
    return runner.invoke(app, ["explain", *args, *FILES])


def explain_json(*args: str) -> dict[str, Any]:
    result = explain(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="module")
def check_rows() -> dict[tuple[str, str, int], dict[str, Any]]:
    result = runner.invoke(app, ["check", *FILES, "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["indicators"]
    return {(r["region"], r["indicator"], r["target_year"]): r for r in rows}


@pytest.mark.parametrize(
    ("region", "indicator", "year"),
    [
        ("450325", PRE, "2030"),  # a county, deteriorating
        ("450325", PRE, "2025"),  # a verdict
        ("450300", "senior_secondary_gross_enrollment_rate", "2030"),  # the city, partial
        ("450330", "compulsory_consolidation_rate", "2030"),  # achieved
    ],
)
def test_explain_json_equals_the_check_row(
    check_rows: dict[tuple[str, str, int], dict[str, Any]], region: str, indicator: str, year: str
) -> None:
    exp = explain_json(region, indicator, "--year", year)
    row = check_rows[(region, indicator, int(year))]
    for key in ("status", "value", "ratio", "projected", "period", "target"):
        assert exp[key] == row[key], key


@pytest.mark.slow
def test_explain_json_equals_check_for_every_row(
    check_rows: dict[tuple[str, str, int], dict[str, Any]],
) -> None:
    for (region, indicator, year), row in check_rows.items():
        exp = explain_json(region, indicator, "--year", str(year))
        assert [exp[k] for k in ("status", "value", "ratio", "projected")] == [
            row[k] for k in ("status", "value", "ratio", "projected")
        ]


def test_json_keys() -> None:
    exp = explain_json("450325", PRE)
    assert list(exp) == [
        "region", "indicator", "target_year", "target", "status", "value", "period",
        "baseline", "observed_growth", "required_growth", "ratio", "projected", "path_value",
        "path_gap", "needed_next", "rule", "points", "children",
    ]  # fmt: skip
    assert exp["children"] == []  # a county: nothing summed into it
    assert list(exp["baseline"]) == ["period", "value", "source"]
    assert exp["target_year"] == 2030  # the nearest target year not yet over


@pytest.mark.parametrize("region", ["兴安", "Xing'an", "xingan", "450325", "兴安县"])
@pytest.mark.parametrize("indicator", ["学前教育三年毛入园率", PRE])
def test_names_codes_and_ids_resolve(region: str, indicator: str) -> None:
    exp = explain_json(region, indicator)
    assert (exp["region"], exp["indicator"]) == ("450325", PRE)


def test_unknown_region_names_close_matches() -> None:
    result = explain("兴按", PRE)
    assert result.exit_code == 2
    assert "unknown region" in result.stderr
    assert "450325" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_indicator_names_close_matches() -> None:
    result = explain("兴安", "preschool_enrollment")
    assert result.exit_code == 2
    assert "unknown indicator" in result.stderr
    assert PRE in result.stderr


def test_unknown_year_lists_the_target_years() -> None:
    result = explain("兴安", PRE, "--year", "2027")
    assert result.exit_code == 2
    assert "2025, 2030" in result.stderr


def test_table_shows_rule_path_and_figures() -> None:
    result = explain("兴安", PRE, "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "deteriorating (red)" in out
    assert "growth ratio -3.05 < 0" in out
    assert "101.54 by 2027-12-31" in out
    assert "450325_兴安县.csv:21" in out


def test_city_table_lists_the_counties_summed() -> None:
    result = explain("桂林", PRE, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "16 of 17 counties with counts; missing: Xiangshan" in result.stdout
    assert "450381_荔浦市.csv" in result.stdout


# Words allowed in Chinese output: none but file names (their extension), codes and ids.
_FILE = re.compile(r"\S+\.(csv|xlsx)(\[[^\]]*\])?(:\d+)?")
_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize(
    ("region", "indicator", "year"),
    [("兴安", PRE, "2030"), ("兴安", PRE, "2025"), ("桂林", PRE, "2030"), ("平乐", PRE, "2030")],
)
def test_chinese_output_has_no_english_word(
    region: str, indicator: str, year: str, fmt: str
) -> None:
    result = explain(region, indicator, "--year", year, "--lang", "zh", "--format", fmt)
    assert result.exit_code == 0, result.output
    words = _WORD.findall(_FILE.sub("", result.stdout))
    assert words == []


def test_chinese_error_is_chinese() -> None:
    result = explain("兴按", PRE, "--lang", "zh")
    assert result.exit_code == 2
    assert "未知地区" in result.stderr
