"""A corpus of bad files: each gives a clear, located problem, and `validate` exits 1.

Expectations are ``code@line`` (line omitted for file-level problems); the first problem
of each file is checked, and every error must name its file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from data_support import Reader, file_issues
from typer.testing import CliRunner

from gl_plan.cli import app

# file -> (issues other than completeness, in order; number of observations still used)
BAD: dict[str, tuple[list[str], int]] = {
    "empty.csv": (["empty-file"], 0),
    "binary_junk.csv": (["encoding-error"], 0),
    "gzip_named_csv.csv": (["encoding-error"], 0),
    "old_excel.csv": (["encoding-error"], 0),
    "wrong_columns.csv": (["no-header@1"], 0),
    "long_without_value.csv": (["no-header@1"], 0),
    "no_region.csv": (["missing-label@1"], 0),
    "duplicate_label.csv": (["duplicate-label@1"], 0),
    "unknown_region.csv": (["unknown-region@3"], 1),
    "unknown_indicator.csv": (["unknown-indicator@3"], 1),
    "wide_unknown_indicator.csv": (["unknown-indicator@1"], 1),
    "bad_period.csv": (["type-error@3"], 1),
    "bad_number.csv": (["type-error@3"], 1),
    "decimal_comma.csv": (["type-error@3"], 1),
    "percent_count.csv": (["type-error@3"], 1),
    "ragged_short.csv": (["missing-cell@3"], 1),
    "ragged_long.csv": (["extra-cell@3"], 1),
    "value_under_blank_label.csv": (["blank-label@1", "extra-cell@3"], 1),
    "conflict_within.csv": (["conflicting-value@2", "conflicting-value@3"], 0),
    "negative_value.csv": (["constraint-error@3"], 1),
    "out_of_range.csv": (["constraint-error@3"], 1),
    "negative_count.csv": (["constraint-error@3"], 1),
    "zero_denominator.csv": (["constraint-error@3"], 1),
    "inconsistent_value.csv": (["inconsistent-value@3"], 1),
    "future_period.csv": (["future-period@3"], 1),
    "missing_value.csv": (["missing-cell@3"], 1),
    "numerator_only.csv": (["missing-cell@3"], 1),
    "garbled_indicator.csv": (["encoding-error", "unknown-indicator@2"], 0),
}


def test_corpus_is_complete(indicator_fixtures: Path) -> None:
    on_disk = {p.name for p in (indicator_fixtures / "bad").glob("*.csv")}
    assert on_disk == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_gives_located_problem(read: Reader, indicator_fixtures: Path, name: str) -> None:
    path = indicator_fixtures / "bad" / name
    expected, kept = BAD[name]
    result = read(path)
    assert file_issues(result) == expected
    assert result.errors, "a bad file must give at least one error"
    assert result.refused == ([str(path)] if name in REFUSED else [])
    for problem in result.issues:
        if problem.code != "incomplete-reporting":
            assert problem.file == str(path)
            assert problem.text()
    assert len(result.observations) == kept


def test_cell_problems_name_column_and_field(read: Reader, indicator_fixtures: Path) -> None:
    result = read(indicator_fixtures / "bad" / "bad_period.csv")
    [err] = result.errors
    assert (err.line, err.column, err.field) == (3, 2, "period")
    assert "2024 third quarter" in err.text()
    assert str(err).startswith(f"{indicator_fixtures / 'bad' / 'bad_period.csv'}:3:2: period: ")


def test_conflict_across_files_names_both_places(read: Reader, indicator_fixtures: Path) -> None:
    folder = indicator_fixtures / "bad" / "conflict_across"
    result = read(folder)
    errors = result.errors
    assert [(Path(p.file or "").name, p.line, p.code) for p in errors] == [
        ("a.csv", 2, "conflicting-value"),
        ("b.csv", 2, "conflicting-value"),
    ]
    assert f"{folder / 'b.csv'}:2" in errors[0].text()
    assert f"{folder / 'a.csv'}:2" in errors[1].text()
    assert len(result.observations) == 0


def test_conflict_message_gives_both_values(read: Reader, indicator_fixtures: Path) -> None:
    result = read(indicator_fixtures / "bad" / "conflict_within.csv")
    first, second = result.errors
    assert "98.5 here, 97.1 at" in first.text()
    assert "97.1 here, 98.5 at" in second.text()


def test_too_large_file_is_refused(
    read: Reader, indicator_fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gl_plan.data import read as read_module

    monkeypatch.setattr(read_module, "MAX_FILE_BYTES", 10)
    result = read(indicator_fixtures / "good" / "long.csv")
    assert [p.code for p in result.errors] == ["file-too-large"]
    assert result.files[0].shape == "unreadable"


def test_many_problems_of_one_kind_are_counted(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    rows = "".join(f"450321,{1960 + i // 4}Q{i % 4 + 1},nope,1\n" for i in range(250))
    path.write_text("region,period,indicator,value\n" + rows, encoding="utf-8")
    result = read(path)
    from gl_plan.data.read import MAX_PROBLEMS_PER_KIND

    assert len(result.errors) == MAX_PROBLEMS_PER_KIND + 1
    assert result.errors[-1].text().startswith("... and 150 more unknown-indicator")


# -- warnings, not errors -------------------------------------------------------------------

WARN = {
    "header_only.csv": ["empty-file@1"],
    "latin1.csv": ["encoding-error"],
    "duplicate_row.csv": ["duplicate-row@3"],
    "blank_rows.csv": ["blank-row@3"],
}


@pytest.mark.parametrize("name", sorted(WARN))
def test_warning_files(read: Reader, indicator_fixtures: Path, name: str) -> None:
    path = indicator_fixtures / "warn" / name
    result = read(path)
    assert file_issues(result) == WARN[name]
    assert result.errors == []
    named = [p for p in result.warnings if p.code != "incomplete-reporting"]
    assert all(p.file == str(path) for p in named)


def test_latin1_warning_says_garbled(read: Reader, indicator_fixtures: Path) -> None:
    result = read(indicator_fixtures / "warn" / "latin1.csv")
    [warning] = [p for p in result.warnings if p.code == "encoding-error"]
    assert "garbled" in warning.text()
    assert len(result.observations) == 1


# -- through the command line ---------------------------------------------------------------

runner = CliRunner()


def _validate(indicator_fixtures: Path, *data: Path) -> tuple[int, str]:
    args = ["validate", str(indicator_fixtures / "plan.yaml"), "--as-of", "2026-11-28"]
    for d in data:
        args += ["--data", str(d)]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


#: Files refused whole: read alone, nothing usable was read at all (exit 2).
REFUSED = {
    "binary_junk.csv",
    "gzip_named_csv.csv",
    "old_excel.csv",
    "wrong_columns.csv",
    "long_without_value.csv",
    "no_region.csv",
    "duplicate_label.csv",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_validate_exit_code_names_the_file(indicator_fixtures: Path, name: str) -> None:
    path = indicator_fixtures / "bad" / name
    code, stderr = _validate(indicator_fixtures, path)
    assert code == (2 if name in REFUSED else 1), stderr
    assert "Traceback" not in stderr
    expected = BAD[name][0][0]
    line = expected.split("@")[1] if "@" in expected else None
    assert f"{path}:{line}" in stderr if line else str(path) in stderr


def test_validate_folder_of_bad_files(indicator_fixtures: Path) -> None:
    code, stderr = _validate(indicator_fixtures, indicator_fixtures / "bad")
    assert code == 1
    assert "Traceback" not in stderr


@pytest.mark.parametrize("name", sorted(WARN))
def test_validate_warning_files_exit_0(indicator_fixtures: Path, name: str) -> None:
    path = indicator_fixtures / "warn" / name
    code, stderr = _validate(indicator_fixtures, path)
    assert code == 0, stderr
    assert str(path) in stderr


def test_validate_missing_path_exits_2(indicator_fixtures: Path, tmp_path: Path) -> None:
    code, stderr = _validate(indicator_fixtures, tmp_path / "nope.csv")
    assert code == 2
    assert "no such file" in stderr


def test_huge_field_stops_reading_with_its_line(read: Reader, tmp_path: Path) -> None:
    from gl_plan.decoding import MAX_FIELD_CHARS

    path = tmp_path / "huge.csv"
    ok = "450321,2024Q3,preschool_gross_enrollment_rate,98.5,9850,10000\n"
    path.write_text(
        "region,period,indicator,value,numerator,denominator\n"
        + ok
        + "450321,2024Q2,preschool_gross_enrollment_rate,98.5,,"
        + "x" * (MAX_FIELD_CHARS + 1)
        + "\n",
        encoding="utf-8",
    )
    result = read(path)
    assert file_issues(result) == ["source-error@3"]
    assert "field larger than field limit" in result.errors[0].text()
    assert len(result.observations) == 1
