"""A wrong number never reaches the report silently: the message, the exit code, and the
figure left out, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from gl_plan.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "data" / "plan.yaml")
AS_OF = "2026-11-28"
PRE = "preschool_gross_enrollment_rate"
runner = CliRunner()


def _check(*paths: Path) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(
        app,
        ["check", "--plan", PLAN, "--as-of", AS_OF, "--format", "json", "--lang", "en"]
        + [str(p) for p in paths],
    )
    return result.exit_code, json.loads(result.stdout), result.stderr


def _value(doc: dict[str, object], region: str) -> object:
    rows = doc["indicators"]
    assert isinstance(rows, list)
    row = next(
        r
        for r in rows
        if r["region"] == region and r["indicator"] == PRE and r["target_year"] == 2030
    )
    return row["value"]


def test_a_rate_typed_as_a_fraction_is_an_error_and_not_used(tmp_path: Path) -> None:
    county = tmp_path / "450321_阳朔县.csv"
    county.write_text(f"region,period,indicator,value\n阳朔县,2026Q3,{PRE},0.969\n", "utf-8")
    code, doc, stderr = _check(county)
    assert code == 1
    assert "0.969 looks like a fraction: did you mean 96.9?" in stderr
    assert _value(doc, "450321") is None


def test_a_file_named_for_one_county_holding_another_s_rows(tmp_path: Path) -> None:
    county = tmp_path / "450325_兴安县_2026Q3.csv"
    county.write_text(f"region,period,indicator,value\n灌阳县,2026Q3,{PRE},98.1\n", "utf-8")
    code, doc, stderr = _check(county)
    assert code == 1
    assert "450327" in stderr
    assert "450325" in stderr
    assert "row not used" in stderr
    assert _value(doc, "450327") is None
    assert _value(doc, "450325") is None


def _issues(doc: dict[str, object]) -> list[dict[str, str]]:
    issues = doc["data_issues"]
    assert isinstance(issues, list)
    return issues


def _two_files(tmp_path: Path, first: str, second: str) -> tuple[Path, Path]:
    """Yangshuo's 2026Q3 preschool figure sent twice: ``first`` and ``second`` are the
    cells after the indicator (``value[,numerator,denominator]``)."""
    a = tmp_path / "450321_阳朔县.csv"
    a.write_text(
        f"region,period,indicator,value,numerator,denominator\n阳朔县,2026Q3,{PRE},{first}\n",
        "utf-8",
    )
    b = tmp_path / "450321_阳朔县_补报.csv"
    b.write_text(f"region,period,indicator,value\n阳朔县,2026Q3,{PRE},{second}\n", "utf-8")
    return a, b


def test_a_figure_re_sent_rounded_is_one_figure_the_more_precise_kept(tmp_path: Path) -> None:
    """Counts 5419/5321 (101.842) in one file, the rate 101.84 in another: one figure."""
    code, doc, stderr = _check(*_two_files(tmp_path, "101.842,5419,5321", "101.84"))
    assert code == 0, stderr
    assert _value(doc, "450321") == 101.842
    (note,) = _issues(doc)
    assert note["severity"] == "warning"
    assert note["file"].endswith("450321_阳朔县_补报.csv")
    assert "the same figure, rounded" in note["message"]
    assert "101.84 here and 101.842 at" in note["message"]


def test_two_roundings_of_one_rate_keep_the_more_decimals(tmp_path: Path) -> None:
    code, doc, stderr = _check(*_two_files(tmp_path, "101.8,,", "101.842"))
    assert code == 0, stderr
    assert _value(doc, "450321") == 101.842
    (note,) = _issues(doc)
    assert "the same figure, rounded: 450321" in note["message"]
    assert note["file"].endswith("450321_阳朔县.csv")


def test_figures_further_apart_than_the_tolerance_still_conflict(tmp_path: Path) -> None:
    code, doc, stderr = _check(*_two_files(tmp_path, "101.842,5419,5321", "101.7"))
    assert code == 1
    assert "conflicting values" in stderr
    assert _value(doc, "450321") is None
