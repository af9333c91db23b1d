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


# --- counts checked as data ------------------------------------------------------------------

PUBLIC = "public_kindergarten_share"
SENIOR = "senior_secondary_gross_enrollment_rate"


def _counts_file(tmp_path: Path, indicator: str, rows: list[tuple[str, int, int]]) -> Path:
    """Yangshuo's counts for ``indicator``: (period, numerator, denominator) per row."""
    path = tmp_path / "450321_阳朔县.csv"
    lines = ["region,period,indicator,numerator,denominator"]
    lines += [f"阳朔县,{p},{indicator},{n},{d}" for p, n, d in rows]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _by_code(doc: dict[str, object], code: str) -> list[dict[str, str]]:
    return [p for p in _issues(doc) if p["code"] == code]


def test_a_denominator_that_doubles_is_a_located_warning(tmp_path: Path) -> None:
    """Another county's counts pasted under Yangshuo's code in 2026Q3: the denominator
    doubles. The figure is still used, with a warning naming both rows and both numbers."""
    data = _counts_file(
        tmp_path, PRE, [("2026Q1", 5300, 5321), ("2026Q2", 5310, 5330), ("2026Q3", 10600, 10650)]
    )
    code, doc, _ = _check(data)
    assert code == 0
    (jump,) = _by_code(doc, "denominator-jump")
    assert jump["severity"] == "warning"
    assert jump["line"] == 4
    assert jump["file"].endswith("450321_阳朔县.csv")
    message = jump["message"]
    assert "450321" in message
    assert "2026Q3" in message
    assert "10650" in message
    assert "5330" in message
    assert "450321_阳朔县.csv:3" in message
    assert "+100%" in message
    assert "another region's counts" in message


def test_a_denominator_that_moves_a_fifth_is_not_flagged(tmp_path: Path) -> None:
    """A cohort falling 18 % in a year (China's births, 2019 to 2020) is real."""
    data = _counts_file(tmp_path, PRE, [("2025Q3", 5300, 5321), ("2026Q3", 4400, 4363)])
    code, doc, _ = _check(data)
    assert code == 0
    assert not _by_code(doc, "denominator-jump")


def _bounded_plan(tmp_path: Path, high: int) -> Path:
    """The bundled plan with the public-kindergarten share's plausible range up to
    ``high`` (it stays ``can_exceed_100: false``)."""
    text = Path(PLAN).read_text(encoding="utf-8")
    old = "    plausible_range: {min: 10, max: 100}\n    can_exceed_100: false\n"
    assert text.count(old) == 1
    text = text.replace(old, f"    plausible_range: {{min: 10, max: {high}}}\n"
                             "    can_exceed_100: false\n")  # fmt: skip
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    return path


def _check_with(plan: Path, *paths: Path) -> tuple[int, dict[str, object]]:
    result = runner.invoke(
        app,
        ["check", "--plan", str(plan), "--as-of", AS_OF, "--format", "json", "--lang", "en"]
        + [str(p) for p in paths],
    )
    return result.exit_code, json.loads(result.stdout)


def test_a_share_above_100_from_its_counts_is_a_warning(tmp_path: Path) -> None:
    plan = _bounded_plan(tmp_path, 120)
    data = _counts_file(tmp_path, PUBLIC, [("2026Q3", 5400, 5300)])
    code, doc = _check_with(plan, data)
    assert code == 0
    (above,) = _by_code(doc, "numerator-above-denominator")
    assert above["severity"] == "warning"
    assert above["line"] == 2
    assert "numerator 5400 is above denominator 5300" in above["message"]
    assert "can_exceed_100: false" in above["message"]


def test_a_gross_rate_above_100_is_not_flagged(tmp_path: Path) -> None:
    """The three Guilin goal rates may exceed 100: 5419 over 5321 is a figure."""
    data = _counts_file(tmp_path, PRE, [("2026Q3", 5419, 5321)])
    code, doc, _ = _check(data)
    assert code == 0
    assert _issues(doc) == []


def test_a_share_above_100_outside_the_range_names_the_cause(tmp_path: Path) -> None:
    data = _counts_file(tmp_path, PUBLIC, [("2026Q3", 5400, 5300)])
    code, doc, _ = _check(data)
    assert code == 1
    (above,) = _by_code(doc, "numerator-above-denominator")
    assert above["severity"] == "error"
    assert "cannot exceed 100" in above["message"]


def test_a_series_swapped_in_every_quarter_says_so_at_every_row(tmp_path: Path) -> None:
    """Senior-secondary counts the wrong way round in every quarter: about 167 %, outside
    the plausible 50-140, whose inverse (60 %) is inside. Each row is refused with that
    cause."""
    rows = [(f"2026Q{q}", 6000 + 10 * q, 3600) for q in (1, 2, 3)]
    code, doc, _ = _check(_counts_file(tmp_path, SENIOR, rows))
    assert code == 1
    swapped = _by_code(doc, "swapped-counts")
    assert [p["line"] for p in swapped] == [2, 3, 4]
    assert all(p["severity"] == "error" for p in swapped)
    message = swapped[0]["message"]
    assert "numerator 6010 / denominator 3600" in message
    assert "but 59.9, the counts the other way round, is inside" in message
    assert "swapped?" in message


def test_a_share_swapped_names_its_rule_first(tmp_path: Path) -> None:
    rows = [("2026Q3", 12000, 4800)]  # 250 %: a share of 40 % the wrong way round
    code, doc, _ = _check(_counts_file(tmp_path, PUBLIC, rows))
    assert code == 1
    (above,) = _by_code(doc, "numerator-above-denominator")
    assert "or numerator and denominator swapped?" in above["message"]
