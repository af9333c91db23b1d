"""The template as Excel sees it: protection, validations and their ranges, the rate
formulas, the hidden keys."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import PLAN, glplan, write_templates
from gl_plan.forms.layout import KEYS_SHEET, MARKER, TEMPLATE_VERSION, form_rows
from gl_plan.plan.load import load_plan


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_templates(tmp_path_factory.mktemp("forms"))


def test_one_workbook_per_county_named_by_code_name_and_period(books: list[Path]) -> None:
    plan = load_plan(PLAN)
    assert [b.name for b in books] == sorted(
        f"{r.code}_{r.name.zh}_2026Q3.xlsx" for r in plan.leaves()
    )
    assert len(books) == 17


def test_the_form_sheet(books: list[Path]) -> None:
    book = openpyxl.load_workbook(books[6])  # 450321 阳朔县
    ws = book.worksheets[0]
    assert ws["A1"].value == "阳朔县2026年第三季度教育主要指标报表"
    assert [c.value for c in ws[3]] == ["指标名称", "计量单位", "本期数", "上年同期数", "备注"]
    assert "450321" in ws["A2"].value
    assert ws.protection.sheet
    assert not ws.protection.password
    rows = form_rows(load_plan(PLAN))
    for row in rows:
        assert ws.cell(row.row, 1).protection.locked
        for col in (3, 4):
            assert not ws.cell(row.row, col).protection.locked
    # Rates of counts asked for are formulas of them, in both figure columns.
    rate = next(r for r in rows if r.uses == (("preschool_gross_enrollment_rate", "value"),))
    num, den = rate.numerator_row, rate.denominator_row
    assert ws.cell(rate.row, 3).value == (
        f'=IF(AND(ISNUMBER(C{num}),ISNUMBER(C{den}),C{den}>0),ROUND(C{num}/C{den}*100,2),"")'
    )
    assert ws.cell(rate.row, 4).value.startswith(f"=IF(AND(ISNUMBER(D{num})")


def test_validations_whole_counts_and_plausible_rates(books: list[Path]) -> None:
    ws = openpyxl.load_workbook(books[0]).worksheets[0]
    plan = load_plan(PLAN)
    rules = {str(rule.sqref): rule for rule in ws.data_validations.dataValidation}
    for row in form_rows(plan):
        rule = rules[f"C{row.row}:D{row.row}"]
        assert rule.showInputMessage
        assert rule.prompt
        if row.kind == "count":
            assert (rule.type, rule.operator, rule.formula1) == ("whole", "greaterThanOrEqual", "0")
        else:
            bounds = plan.indicator_by_id[row.uses[0][0]].plausible_range
            assert rule.type == "decimal"
            assert (float(rule.formula1), float(rule.formula2)) == (bounds.min, bounds.max)


def test_instructions_and_hidden_keys(tmp_path: Path) -> None:
    [book_path] = write_templates(
        tmp_path, "--region", "兴安", "--due", "2026-10-15", "--contact", "市教育局规划科"
    )
    book = openpyxl.load_workbook(book_path)
    guide = "\n".join(str(c.value) for c in book["填报说明"]["A"] if c.value)
    assert "2026-10-15" in guide
    assert "市教育局规划科" in guide
    assert "在园幼儿数(不分年龄)" in guide  # each count's use, each indicator's definition
    keys = book[KEYS_SHEET]
    assert keys.sheet_state == "veryHidden"
    assert [keys["A1"].value, keys["B1"].value] == [MARKER, TEMPLATE_VERSION]
    assert keys["B2"].value == load_plan(PLAN).plan.id
    assert keys["B3"].value == "2026Q3"
    assert {keys.cell(r, 2).value for r in range(6, keys.max_row + 1)} == {"450325"}


def test_english_form_and_all_in_one(tmp_path: Path) -> None:
    [book_path] = write_templates(tmp_path, "--lang", "en", "--all-in-one")
    book = openpyxl.load_workbook(book_path)
    assert book_path.name == "450300_Guilin_2026Q3.xlsx" or book_path.name.startswith("450300_")
    assert len(book.worksheets) == 17 + 2
    assert book.worksheets[0]["C3"].value == "This period"
    assert "Instructions" in book.sheetnames


def test_existing_forms_are_not_replaced(tmp_path: Path) -> None:
    write_templates(tmp_path, "--region", "阳朔")
    again = glplan("template", "--plan", str(PLAN), "--period", "2026Q3", "--region", "阳朔",
                   "--output", str(tmp_path))  # fmt: skip
    assert again.exit_code == 2  # type: ignore[attr-defined]
    assert "450321_阳朔县_2026Q3.xlsx" in again.output  # type: ignore[attr-defined]
