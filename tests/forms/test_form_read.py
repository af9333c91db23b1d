"""Filled templates read back exactly: counts and rates as a county types them, counts
only, a rate only, saved as .xls; another plan's or period's template refused naming both;
a correction superseding the first file."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from conftest import AS_OF, PLAN, glplan, to_xls, write_templates
from gl_plan.data.read import read_indicators
from gl_plan.forms.layout import KEYS_SHEET, form_rows
from gl_plan.plan.load import load_plan

PLAN_MODEL = load_plan(PLAN)
ROWS = {r.name.zh: r.row for r in form_rows(PLAN_MODEL)}
PRE, CON, SEN = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "senior_secondary_gross_enrollment_rate",
)


def _fill(path: Path, i: int) -> dict[str, tuple[float, float | None, float | None]]:
    """Type a county's figures; what each indicator should read as (value, num, den)."""
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    ws.cell(ROWS["在园幼儿数(不分年龄)"], 3, 9500 + i)
    ws.cell(ROWS["3至5岁适龄人口数"], 3, 10000)
    expected = {PRE: ((9500 + i) / 10000 * 100, 9500 + i, 10000)}
    if i % 3 == 1:  # counts only: the rate cell keeps its formula, with no stored result
        ws.cell(ROWS["初中(九年级)毕业生数"], 3, 4100)
        ws.cell(ROWS["九年前小学一年级入学人数"], 3, 4000 + i)
        expected[CON] = (4100 / (4000 + i) * 100, 4100, 4000 + i)
    else:  # the rate typed over the formula, with no counts
        ws.cell(ROWS["九年义务教育巩固率"], 3, 100 + i / 10)
        expected[CON] = (100 + i / 10, None, None)
    ws.cell(ROWS["高中阶段在校生总数(普通高中、职业高中、普通中专、技工学校)"], 3, 7000 + i)
    ws.cell(ROWS["15至17岁适龄人口数"], 3, 6500)
    ws.cell(ROWS["高中阶段毛入学率"], 3, round((7000 + i) / 6500 * 100, 1))  # typed beside
    expected[SEN] = (round((7000 + i) / 6500 * 100, 1), 7000 + i, 6500)
    book.save(path)
    return expected


@pytest.fixture(scope="module")
def quarter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    folder = tmp_path_factory.mktemp("q3")
    books = write_templates(folder)
    expected = {}
    for i, path in enumerate(books):
        expected[path.name[:6]] = _fill(path, i)
    xls = to_xls(books[0], tmp_path_factory.mktemp("xls"))
    if xls is not None:  # the 秀峰区 county saved it as .xls in its office suite
        books[0].unlink()
        shutil.move(xls, folder / xls.name)
    return folder, expected


def test_check_gives_exactly_the_figures_typed(quarter: tuple[Path, dict]) -> None:
    folder, expected = quarter
    done = glplan("check", "--plan", str(PLAN), "--data", str(folder), "--as-of", AS_OF,
                  "--format", "json", "--fail-on", "never")  # fmt: skip
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    report = json.loads(done.stdout)  # type: ignore[attr-defined]
    assert report["summary"]["data_issues"]["error"] == 0
    seen = {
        (a["region"], a["indicator"]): a["value"]
        for a in report["indicators"]
        if a["period"] == "2026Q3" and a["region"] in expected
    }
    want = {(r, ind): v[0] for r, figures in expected.items() for ind, v in figures.items()}
    assert seen.keys() == want.keys()
    for key, value in want.items():
        assert seen[key] == pytest.approx(value, abs=1e-9), key


def test_counts_are_read_with_the_rates(quarter: tuple[Path, dict]) -> None:
    folder, expected = quarter
    result = read_indicators([folder], PLAN_MODEL, as_of=date(2026, 11, 28))
    assert result.errors == []
    got = {(o.region, o.indicator): (o.value, o.numerator, o.denominator) for o in
           result.observations}  # fmt: skip
    want = {(r, ind): v for r, figures in expected.items() for ind, v in figures.items()}
    assert got.keys() == want.keys()
    for key, (value, num, den) in want.items():
        assert got[key][0] == pytest.approx(value)
        assert got[key][1:] == (num, den)
    if shutil.which("soffice"):
        assert any(f.path.endswith(".xls") and f.shape == "form" for f in result.files)


def _one(tmp_path: Path, *extra: str) -> Path:
    [path] = write_templates(tmp_path, "--region", "阳朔", *extra)
    book = openpyxl.load_workbook(path)
    book.worksheets[0].cell(ROWS["九年义务教育巩固率"], 3, 101.5)
    book.worksheets[0]["A1"] = "灵川县2025年教育报表"  # the title says nothing that counts
    book.save(path)
    return path


def test_the_keys_not_the_title_or_file_name_say_which_report(tmp_path: Path) -> None:
    path = _one(tmp_path)
    renamed = path.rename(tmp_path / "报表.xlsx")
    result = read_indicators([renamed], PLAN_MODEL, as_of=date(2026, 11, 28))
    [obs] = list(result.observations)
    assert (obs.region, str(obs.period), obs.indicator, obs.value) == (
        "450321",
        "2026Q3",
        CON,
        101.5,
    )


def test_another_period_than_the_file_name_says_is_refused_naming_both(tmp_path: Path) -> None:
    path = _one(tmp_path)
    wrong = path.rename(tmp_path / "450321_阳朔县_2026Q2.xlsx")
    done = glplan("validate", "--plan", str(PLAN), "--data", str(wrong), "--as-of", AS_OF)
    assert done.exit_code != 0  # type: ignore[attr-defined]
    assert "the template is for 2026Q3, but the file name says 2026Q2" in done.output  # type: ignore[attr-defined]


def test_another_plans_template_is_refused_naming_both(tmp_path: Path) -> None:
    path = _one(tmp_path)
    book = openpyxl.load_workbook(path)
    book[KEYS_SHEET]["B2"] = "another-plan"
    book.save(path)
    done = glplan("validate", "--plan", str(PLAN), "--data", str(path), "--as-of", AS_OF)
    assert done.exit_code != 0  # type: ignore[attr-defined]
    output = done.output  # type: ignore[attr-defined]
    assert "'another-plan'" in output
    assert repr(PLAN_MODEL.plan.id) in output


def test_a_rate_its_counts_do_not_give_is_an_error(tmp_path: Path) -> None:
    [path] = write_templates(tmp_path, "--region", "阳朔")
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    ws.cell(ROWS["在园幼儿数(不分年龄)"], 3, 9000)
    ws.cell(ROWS["3至5岁适龄人口数"], 3, 10000)
    ws.cell(ROWS["学前教育三年毛入园率"], 3, 95.0)
    ws.cell(ROWS["15至17岁适龄人口数"], 3, 12.5)
    book.save(path)
    result = read_indicators([path], PLAN_MODEL, as_of=date(2026, 11, 28))
    codes = sorted(p.code.value for p in result.errors)
    assert codes == ["constraint-error", "inconsistent-value"]
    assert len(result.observations) == 0


def test_a_correction_supersedes_the_first_file(tmp_path: Path) -> None:
    first = _one(tmp_path / "a")
    corrected = _one(tmp_path / "b")
    book = openpyxl.load_workbook(corrected)
    book.worksheets[0].cell(ROWS["九年义务教育巩固率"], 3, 102.5)
    book.save(corrected)
    folder = tmp_path / "q3"
    folder.mkdir()
    old = shutil.copy(first, folder / "450321_阳朔县_2026Q3.xlsx")
    new = shutil.copy(corrected, folder / "450321_阳朔县_2026Q3_更正.xlsx")
    os.utime(old, (1_790_000_000, 1_790_000_000))
    os.utime(new, (1_790_086_400, 1_790_086_400))
    result = read_indicators([folder], PLAN_MODEL, as_of=date(2026, 11, 28))
    assert result.errors == []
    [obs] = list(result.observations)
    assert obs.value == 102.5
    [warning] = [p for p in result.warnings if p.code.value == "superseded"]
    assert warning.file == str(old)
    assert "更正" in str(warning.message)
    done = glplan("status", "--plan", str(PLAN), "--data", str(folder), "--as-of", AS_OF,
                  "--format", "json")  # fmt: skip
    files = {Path(f["file"]).name: f for f in json.loads(done.stdout)["files"]}  # type: ignore[attr-defined]
    assert files["450321_阳朔县_2026Q3.xlsx"]["superseded_by"] == str(new)
