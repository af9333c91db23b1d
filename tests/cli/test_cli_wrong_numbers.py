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
    # --full: check itself names only the files with problems; the messages are the point.
    result = runner.invoke(
        app,
        ["check", "--plan", PLAN, "--as-of", AS_OF, "--format", "json", "--lang", "en", "--full"]
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
