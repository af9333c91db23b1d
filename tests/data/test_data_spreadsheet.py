"""Workbooks as the spreadsheet library gives them: cells as Excel shows them, and rates
stored as fractions (a cell shown as 98.5% holds 0.985)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from data_support import Reader

from gl_plan.errors import Severity

IND = "preschool_gross_enrollment_rate"


def _book(path: Path, rows: list[list[object]], percent: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    for cell in percent:
        sheet[cell].number_format = "0.0%"
    book.save(path)
    return path


def test_a_column_of_fractions_is_read_as_percentages(read: Reader, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "450321_阳朔县.xlsx",
        [
            ["period", "indicator", "value"],
            ["2024Q3", IND, 0.985],
            ["2024Q2", IND, 0.981],
            ["2024Q1", IND, 0],  # zero is zero either way
        ],
        percent=("C2", "C3", "C4"),
    )
    result = read(path)
    assert result.errors == []
    assert [o.value for o in result.observations] == [0.0, 98.1, 98.5]
    [note] = [p for p in result.issues if p.code == "percent-fraction"]
    assert (note.file, note.sheet, note.column, note.field, note.severity) == (
        str(path),
        "Data",
        3,
        "value",
        Severity.WARNING,
    )
    assert "multiplied by 100" in note.text()


def test_a_wide_column_of_fractions_is_read_as_percentages(read: Reader, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "wide.xlsx",
        [
            ["地区", "期间", "学前教育三年毛入园率", "九年义务教育巩固率"],
            ["阳朔", "2024Q3", 0.985, 101.5],
            ["阳朔", "2024Q2", 0.98, 101.2],
        ],
    )
    result = read(path)
    assert result.errors == []
    values = {(o.indicator, str(o.period)): o.value for o in result.observations}
    assert values[(IND, "2024Q3")] == 98.5
    assert values[("compulsory_consolidation_rate", "2024Q3")] == 101.5
    assert [p.field for p in result.issues if p.code == "percent-fraction"] == [
        "学前教育三年毛入园率"
    ]


def test_a_lone_fraction_among_percentages_is_read_with_a_warning(
    read: Reader, tmp_path: Path
) -> None:
    # Changed deliberately (counts as data): a fraction in a rate column is read x100 with a
    # warning naming both numbers, never dropped and never kept as 0.985 %.
    path = _book(
        tmp_path / "450321_阳朔县.xlsx",
        [["period", "indicator", "value"], ["2024Q3", IND, 0.985], ["2024Q2", IND, 98.1]],
        percent=("C2",),
    )
    result = read(path)
    assert result.errors == []
    [warning] = [w for w in result.warnings if w.code == "percent-fraction"]
    assert (warning.line, warning.column) == (2, 3)
    assert sorted(o.value for o in result.observations) == [98.1, 98.5]


def test_fractions_typed_as_text_or_in_csv_are_read_with_a_warning(
    read: Reader, tmp_path: Path
) -> None:
    path = _book(
        tmp_path / "450321_阳朔县.xlsx",
        [["period", "indicator", "value"], ["2024Q3", IND, "98.5%"], ["2024Q2", IND, "0.981"]],
    )
    result = read(path)
    assert sorted(o.value for o in result.observations) == [98.1, 98.5]
    [warning] = [w for w in result.warnings if w.code == "percent-fraction"]
    assert warning.line == 3
    assert warning.text() == "rate 0.981 is a fraction; read as 98.1 (type rates as percentages)"
    csv = tmp_path / "450321_阳朔县.csv"
    csv.write_text(f"period,indicator,value\n2024Q3,{IND},0.985\n2024Q2,{IND},0.981\n")
    result = read(csv)
    assert sorted(o.value for o in result.observations) == [98.1, 98.5]
    assert result.errors == []


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (datetime(2024, 9, 30), "cannot read period '2024-09-30T00:00:00'"),
        (True, "cannot read period 'TRUE'"),
    ],
)
def test_dates_and_logicals_read_as_excel_shows_them(
    read: Reader, tmp_path: Path, cell: object, message: str
) -> None:
    path = _book(
        tmp_path / "450321_阳朔县.xlsx", [["period", "indicator", "value"], [cell, IND, 98.5]]
    )
    [err] = read(path).errors
    assert (err.line, err.column, err.code) == (2, 1, "type-error")
    assert message in err.text()


def test_lines_are_the_sheet_rows(read: Reader, tmp_path: Path) -> None:
    """Rows are numbered as the sheet numbers them, with empty rows and columns before the
    table kept."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C4"], sheet["D4"], sheet["E4"] = "period", "indicator", "value"
    sheet["C5"], sheet["D5"], sheet["E5"] = "2024Q3", IND, 98.5
    sheet["C9"], sheet["D9"], sheet["E9"] = "2024Q2", IND, "x"
    path = tmp_path / "450321_阳朔县.xlsx"
    book.save(path)
    result = read(path)
    [obs] = result.observations
    assert obs.line == 5
    blank = [p for p in result.issues if p.code == "blank-row"]
    assert [(p.line, p.text()) for p in blank] == [(6, "blank row (lines 6-8) inside the table")]
    [err] = result.errors
    assert (err.line, err.column) == (9, 5)
