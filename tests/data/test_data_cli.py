"""``glplan data`` and ``glplan validate --data`` through the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gl_plan.cli import app

runner = CliRunner()
AS_OF = ["--as-of", "2026-11-28"]


def _data(fixtures: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["data", *args, "--plan", str(fixtures / "plan.yaml"), *AS_OF])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_json_has_observations_and_issues(indicator_fixtures: Path) -> None:
    path = indicator_fixtures / "good" / "chinese_headers.csv"
    code, out, _ = _data(indicator_fixtures, str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["observations"] == [
        {
            "region": "450321",
            "period": "2024Q3",
            "indicator": "preschool_gross_enrollment_rate",
            "value": 98.5,
            "numerator": 9850.0,
            "denominator": 10000.0,
            "source": str(path),
            "line": 2,
            "origin": "rate",
            "supersedes": None,
        }
    ]
    # one county's file: the other counties are not "missing" (no completeness warnings)
    assert data["issues"] == []
    folder = json.loads(_data(indicator_fixtures, str(path.parent), "--format", "json")[1])
    assert {"message", "file", "line", "severity", "code"} <= set(folder["issues"][0])
    assert any(i["code"] == "incomplete-reporting" for i in folder["issues"])


def test_csv_uses_the_json_keys(indicator_fixtures: Path) -> None:
    code, out, _ = _data(indicator_fixtures, str(indicator_fixtures / "good"), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "region",
        "period",
        "indicator",
        "value",
        "numerator",
        "denominator",
        "source",
        "line",
    ]
    # Every good file holds the same observation: identical copies collapse to one, with
    # duplicate-row warnings on stderr.
    assert [(r["region"], r["period"], r["value"]) for r in rows] == [("450321", "2024Q3", "98.5")]


def test_errors_exit_1_and_go_to_stderr(indicator_fixtures: Path) -> None:
    path = indicator_fixtures / "bad" / "unknown_region.csv"
    code, out, err = _data(indicator_fixtures, str(path), "--format", "csv")
    assert code == 1
    assert f"{path}:3:1: region: unknown region '上海市'" in err
    assert out.count("\n") == 2  # header and the one good row


@pytest.mark.parametrize(("lang", "name"), [("en", "Yangshuo"), ("zh", "阳朔")])
def test_table_shows_short_names(indicator_fixtures: Path, lang: str, name: str) -> None:
    path = indicator_fixtures / "good" / "long.csv"
    code, out, _ = _data(indicator_fixtures, str(path), "--lang", lang)
    assert code == 0
    assert name in out
    assert "98.50" in out


def test_output_file_is_written(indicator_fixtures: Path, tmp_path: Path) -> None:
    target = tmp_path / "combined.csv"
    path = indicator_fixtures / "good" / "long.csv"
    code, out, _ = _data(indicator_fixtures, str(path), "-f", "csv", "--output", str(target))
    assert code == 0
    assert out == ""
    # a BOM, so that Excel on Chinese Windows opens the UTF-8 file correctly
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert target.read_text(encoding="utf-8-sig").startswith("region,period,indicator,value")
    markdown = tmp_path / "combined.md"
    assert _data(indicator_fixtures, str(path), "--output", str(markdown))[0] == 0
    assert markdown.read_text(encoding="utf-8").startswith("## ")
    table = tmp_path / "table.txt"
    _data(indicator_fixtures, str(path), "--output", str(table), "--lang", "en")
    assert "Yangshuo" in table.read_text(encoding="utf-8")


def test_bad_format_and_missing_path_exit_2(indicator_fixtures: Path, tmp_path: Path) -> None:
    assert _data(indicator_fixtures, "--format", "xml")[0] == 2
    code, _, err = _data(indicator_fixtures, str(tmp_path / "nope"))
    assert code == 2
    assert "no such file" in err


def test_no_observations(indicator_fixtures: Path) -> None:
    code, out, err = _data(
        indicator_fixtures, str(indicator_fixtures / "warn" / "header_only.csv"), "--lang", "en"
    )
    assert code == 0
    assert "no observations" in out
    assert "header but no data rows" in err


def test_data_help_has_an_example() -> None:
    result = runner.invoke(app, ["data", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
