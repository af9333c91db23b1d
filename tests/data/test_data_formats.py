"""Every shape, header language, encoding and spelling reads to the same observation."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_support import Reader, file_issues

from gl_plan.data.observations import Observation
from gl_plan.errors import Severity
from gl_plan.periods import Period

EXPECTED = ("450321", Period(2024, 3), "preschool_gross_enrollment_rate", 98.5)
COUNTS = (9850.0, 10000.0)

# file -> whether it carries the counts
GOOD = {
    "long.csv": True,
    "long_counts_only.csv": True,
    "long_value_only.csv": False,
    "wide.csv": False,
    "wide_zh.csv": False,
    "chinese_headers.csv": True,
    "gbk.csv": True,
    "bom.csv": True,
    "450321_阳朔县.csv": True,
    "semicolon.csv": True,
    "title_row.csv": True,
    "crlf_quoted.csv": True,
    "code_and_name.csv": True,
}


def only(result_observations: list[Observation]) -> Observation:
    assert len(result_observations) == 1, result_observations
    return result_observations[0]


@pytest.mark.parametrize(("name", "counts"), sorted(GOOD.items()))
def test_good_file_reads_to_the_same_observation(
    read: Reader, indicator_fixtures: Path, name: str, counts: bool
) -> None:
    path = indicator_fixtures / "good" / name
    result = read(path)
    assert result.errors == []
    obs = only(list(result.observations))
    assert (obs.region, obs.period, obs.indicator) == EXPECTED[:3]
    assert obs.value == pytest.approx(EXPECTED[3])
    assert (obs.numerator, obs.denominator) == (COUNTS if counts else (None, None))
    assert obs.source == str(path)
    assert (obs.line or 0) >= 2


def test_encodings_are_reported(read: Reader, indicator_fixtures: Path) -> None:
    good = indicator_fixtures / "good"
    result = read(good / "gbk.csv", good / "bom.csv", good / "long.csv")
    assert [f.encoding for f in result.files] == ["gb18030", "utf-8-sig", "utf-8"]
    assert [p for p in result.warnings if p.code == "encoding"] == []
    notes = [p for p in result.issues if p.code == "encoding"]  # a note, not a warning
    assert [(p.file, p.severity) for p in notes] == [(str(good / "gbk.csv"), Severity.INFO)]


def test_forced_encoding(read: Reader, indicator_fixtures: Path) -> None:
    gbk = indicator_fixtures / "good" / "gbk.csv"
    result = read(gbk, encoding="gbk")
    assert file_issues(result) == []
    assert len(result.observations) == 1
    wrong = read(gbk, encoding="utf-8")
    assert [p.code for p in wrong.errors] == ["encoding-error"]
    assert wrong.errors[0].line == 1  # the Chinese header
    unknown = read(gbk, encoding="no-such-codec")
    assert [p.code for p in unknown.errors] == ["usage"]


def test_title_row_is_skipped_with_a_note(read: Reader, indicator_fixtures: Path) -> None:
    result = read(indicator_fixtures / "good" / "title_row.csv")
    assert file_issues(result) == ["skipped-rows@1"]
    [note] = result.issues
    assert note.severity is Severity.INFO
    assert note.text() == "skipped, not data: title line 1 above the header"


def test_folder_reads_csv_and_xlsx_sorted_and_skips_others(read: Reader, tmp_path: Path) -> None:
    body = "region,period,indicator,value\n{r},2024Q3,preschool_gross_enrollment_rate,98.5\n"
    (tmp_path / "b.csv").write_text(body.format(r="阳朔"), encoding="utf-8")
    (tmp_path / "a.CSV").write_text(body.format(r="灵川"), encoding="utf-8")
    (tmp_path / "README.md").write_text("# not data\n", encoding="utf-8")
    (tmp_path / ".hidden.csv").write_text("junk", encoding="utf-8")
    (tmp_path / "~$book.xlsx").write_bytes(b"lock")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.csv").write_text(body.format(r="荔浦"), encoding="utf-8")
    result = read(tmp_path)
    assert [Path(f.path).name for f in result.files] == ["a.CSV", "b.csv"]
    assert sorted(result.observations.regions()) == ["450321", "450323"]
    assert result.errors == []


def test_same_file_twice_is_read_once(read: Reader, indicator_fixtures: Path) -> None:
    good = indicator_fixtures / "good"
    result = read(good / "long.csv", good)
    assert [Path(f.path).name for f in result.files].count("long.csv") == 1


def test_missing_path_raises_usage_error(read: Reader, tmp_path: Path) -> None:
    from gl_plan.errors import ExitCode, GlplanError

    with pytest.raises(GlplanError) as info:
        read(tmp_path / "nope.csv", tmp_path / "nope2")
    assert info.value.exit_code is ExitCode.USAGE
    assert [p.file for p in info.value.problems] == [
        str(tmp_path / "nope.csv"),
        str(tmp_path / "nope2"),
    ]


# -- spellings of single cells --------------------------------------------------------------

REGION_SPELLINGS = [
    ("450321", "450321"),
    ("阳朔县", "450321"),
    ("阳朔", "450321"),
    ("Yangshuo County", "450321"),
    (" ＹＡＮＧＳＨＵＯ ", "450321"),
    ("荔浦县", "450381"),
    ("450331", "450381"),
    ("荔浦市", "450381"),
    ("龙胜县", "450328"),
    ("龙胜各族自治县", "450328"),
    ("临桂县", "450312"),
    ("恭城县", "450332"),
]
PERIOD_SPELLINGS = [
    ("2024Q3", Period(2024, 3)),
    ("2024q3", Period(2024, 3)),
    ("2024-Q3", Period(2024, 3)),
    ("2024 Q3", Period(2024, 3)),
    ("2024年第三季度", Period(2024, 3)),
    ("2024年第3季度", Period(2024, 3)),
    ("2024年3季度", Period(2024, 3)),
    ("２０２４年第三季度", Period(2024, 3)),
    ("2024", Period(2024)),
    ("2024年", Period(2024)),
    ("2024.0", Period(2024)),
]
NUMBER_SPELLINGS = [
    ("98.5", 98.5),
    (" 98.5 ", 98.5),
    ("98.5%", 98.5),
    ("98.5 %", 98.5),
    ("９８．５", 98.5),
    ("９８．５％", 98.5),
    ("98.50", 98.5),
    ("+98.5", 98.5),
    ("1e2", 100.0),
]
COUNT_SPELLINGS = [
    ("9850", 9850.0),
    ("9,850", 9850.0),
    ("9，850", 9850.0),
    ("９，８５０", 9850.0),
    ("1,234,567", 1234567.0),
    ("9 850", 9850.0),
    ("9850.0", 9850.0),
]


def _one_row(tmp_path: Path, region: str, period: str, value: str, num: str, den: str) -> Path:
    import csv

    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["region", "period", "indicator", "value", "numerator", "denominator"])
        writer.writerow([region, period, "preschool_gross_enrollment_rate", value, num, den])
    return path


@pytest.mark.parametrize(("text", "code"), REGION_SPELLINGS)
def test_region_spellings(read: Reader, tmp_path: Path, text: str, code: str) -> None:
    result = read(_one_row(tmp_path, text, "2024Q3", "98.5", "", ""))
    assert result.errors == []
    assert only(list(result.observations)).region == code


@pytest.mark.parametrize(("text", "period"), PERIOD_SPELLINGS)
def test_period_spellings(read: Reader, tmp_path: Path, text: str, period: Period) -> None:
    result = read(_one_row(tmp_path, "450321", text, "98.5", "", ""))
    assert result.errors == []
    assert only(list(result.observations)).period == period


@pytest.mark.parametrize(("text", "value"), NUMBER_SPELLINGS)
def test_value_spellings(read: Reader, tmp_path: Path, text: str, value: float) -> None:
    result = read(_one_row(tmp_path, "450321", "2024Q3", text, "", ""))
    assert result.errors == []
    assert only(list(result.observations)).value == pytest.approx(value)


@pytest.mark.parametrize(("text", "count"), COUNT_SPELLINGS)
def test_count_spellings(read: Reader, tmp_path: Path, text: str, count: float) -> None:
    result = read(_one_row(tmp_path, "450321", "2024Q3", "", text, text))
    assert result.errors == []
    obs = only(list(result.observations))
    assert (obs.numerator, obs.denominator, obs.value) == (count, count, 100.0)


def test_rate_is_computed_from_counts(read: Reader, tmp_path: Path) -> None:
    result = read(_one_row(tmp_path, "450321", "2024Q3", "", "1", "3"))
    assert only(list(result.observations)).value == pytest.approx(100 / 3)


def test_value_within_tolerance_of_counts_is_kept(read: Reader, tmp_path: Path) -> None:
    # 1/3 = 33.333...; 33.33 is within the plan's 0.05 points
    result = read(_one_row(tmp_path, "450321", "2024Q3", "33.33", "1", "3"))
    assert result.errors == []
    assert only(list(result.observations)).value == 33.33


def test_rows_of_another_region_than_the_file_name_are_errors(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "450321_阳朔县.csv"
    path.write_text(
        "region,period,indicator,value\n灵川县,2024Q3,preschool_gross_enrollment_rate,98\n"
        ",2024Q2,preschool_gross_enrollment_rate,97\n",
        encoding="utf-8",
    )
    result = read(path)
    [err] = result.errors
    assert (err.line, err.code) == (2, "wrong-region")
    assert err.text() == (
        "this row is for 450323 灵川县, but the file name says 450321 阳朔县; row not used "
        "(is this the right file?)"
    )
    # an empty region cell falls back to the file name
    assert {(o.region, str(o.period)) for o in result.observations} == {("450321", "2024Q2")}


# -- Excel ----------------------------------------------------------------------------------


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_region_from_sheet_name(read: Reader, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "book.xlsx",
        {
            "阳朔县": [
                ["时期", "指标", "数值", "分子", "分母"],
                ["2024Q3", "学前教育三年毛入园率", 98.5, 9850, 10000],
                [2024, "inclusive_kindergarten_coverage", None, 850, 1000],
                [2023.0, "inclusive_kindergarten_coverage", 84, None, None],
            ]
        },
    )
    result = read(path)
    assert file_issues(result) == []
    obs = {(o.region, str(o.period), o.indicator): o for o in result.observations}
    first = obs[("450321", "2024Q3", "preschool_gross_enrollment_rate")]
    assert (first.value, first.numerator, first.denominator) == (98.5, 9850.0, 10000.0)
    assert first.source == f"{path}[阳朔县]"
    assert first.line == 2
    assert obs[("450321", "2024", "inclusive_kindergarten_coverage")].value == 85.0
    assert obs[("450321", "2023", "inclusive_kindergarten_coverage")].value == 84.0
    assert [(f.sheet, f.shape, f.rows) for f in result.files] == [("阳朔县", "long", 3)]


def test_xlsx_region_from_file_name_and_percent_format(read: Reader, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "450321_阳朔县.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["period", "indicator", "value"])
    sheet.append(["2024Q3", "preschool_gross_enrollment_rate", 0.985])
    sheet["C2"].number_format = "0.0%"
    book.save(path)
    result = read(path)
    assert result.errors == []
    assert only(list(result.observations)).value == pytest.approx(98.5)


def test_xlsx_several_sheets_and_notes_sheet(read: Reader, tmp_path: Path) -> None:
    head: list[object] = ["region", "period", "indicator", "value"]
    path = _workbook(
        tmp_path / "counties.xlsx",
        {
            "说明": [["填表说明：每季度填报一次"]],
            "阳朔": [head, ["阳朔", "2024Q3", "preschool_gross_enrollment_rate", 98.5]],
            "Blank": [],
            "灵川": [head, [450323, "2024Q3", "preschool_gross_enrollment_rate", 96]],
        },
    )
    result = read(path)
    assert result.errors == []
    notes = [p for p in result.warnings if p.sheet == "说明"]
    assert [p.code for p in notes] == ["no-header"]
    assert {o.region for o in result.observations} == {"450321", "450323"}
    assert [f.sheet for f in result.files] == ["说明", "阳朔", "灵川"]


def test_xlsx_errors_are_located_by_sheet_and_row(read: Reader, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "book.xlsx",
        {
            "Data": [
                ["region", "period", "indicator", "value"],
                ["阳朔", "2024Q3", "preschool_gross_enrollment_rate", 98.5],
                ["阳朔", "2024Q2", "preschool_gross_enrollment_rate", "n/a"],
            ]
        },
    )
    result = read(path)
    [err] = result.errors
    assert (err.file, err.sheet, err.line, err.column, err.field, err.code) == (
        str(path),
        "Data",
        3,
        4,
        "value",
        "type-error",
    )
    assert str(err).startswith(f"{path}[Data]:3:4: value:")


def test_damaged_xlsx_is_a_problem(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip file")
    result = read(path)
    assert [(p.file, p.severity) for p in result.issues] == [(str(path), Severity.ERROR)]
    assert "cannot open as an Excel workbook" in result.issues[0].text()
    assert result.files[0].shape == "unreadable"


def test_empty_workbook_is_an_error(read: Reader, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "empty.xlsx", {"Sheet1": []})
    result = read(path)
    assert [p.code for p in result.errors] == ["empty-file"]
