"""County files as county statistics offices make them, read unedited against the real plan.

Each test builds its file the way the office makes it: an .xlsx with openpyxl (merged title,
merged group headers), an Excel 97-2003 .xls with xlwt, an .ods with odfpy, a CSV saved as
GBK. Each asserts the exact values read and that no error is raised.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import xlwt

from gl_plan.data import bookextent, spreadsheet, xlsxguard
from gl_plan.data.read import DataResult, NothingRead, read_indicators
from gl_plan.errors import GlplanError, Severity
from gl_plan.periods import Period, read_period
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 28)
PRE = "preschool_gross_enrollment_rate"
COM = "compulsory_consolidation_rate"
SEN = "senior_secondary_gross_enrollment_rate"
INC = "inclusive_kindergarten_coverage"
Q3 = Period(2026, 3)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(ROOT / "data" / "plan.yaml")


def _read(plan: Plan, *paths: Path, **kw: str) -> DataResult:
    return read_indicators(list(paths), plan, as_of=AS_OF, completeness=False, **kw)


def _values(result: DataResult) -> dict[tuple[str, str, str], float]:
    return {(o.region, o.indicator, str(o.period)): o.value for o in result.observations}


def _warnings(result: DataResult) -> list[tuple[int | None, str, str]]:
    """The warnings, but the one every GBK file gets (read as GB18030, as Excel saves it)."""
    return [(p.line, p.code, p.text()) for p in result.warnings if p.code != "encoding"]


def _codes(result: DataResult, severity: Severity) -> list[str]:
    return [p.code for p in result.issues if p.severity is severity]


def _xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def _xls(path: Path, rows: list[list[object]], percent: tuple[tuple[int, int], ...] = ()) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    shown = xlwt.easyxf(num_format_str="0.0%")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if (r, c) in percent:
                sheet.write(r, c, value, shown)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def _gbk(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


# -- 1. title, footnote and signature rows --------------------------------------------------


def test_merged_title_footnotes_and_signatures_are_skipped_with_one_note(
    plan: Plan, tmp_path: Path
) -> None:
    path = _xlsx(
        tmp_path / "2026年三季度教育指标.xlsx",
        [
            ["桂林市各县（市、区）2026年第三季度教育主要指标"],
            ["地区", "时期", "学前教育三年毛入园率", "九年义务教育巩固率", "高中阶段毛入学率"],
            ["阳朔县", "2026Q3", 96.9, 101.2, 92.5],
            ["灵川\u3000县", "2026Q3", 97.4, 100.6, 93.1],
            [],
            ["注：本表数据截至2026年9月30日。"],
            ["说明：毛入园率按在园幼儿数计算。"],
            ["填表人：张三\u3000\u3000审核人：李四\u3000\u3000填报日期：2026年10月10日"],
            ["单位负责人：王五", None, "制表：赵六"],
        ],
        merges=("A1:E1", "A6:E6"),
    )
    result = _read(plan, path)
    assert result.errors == []
    assert result.warnings == []
    assert _values(result) == {
        ("450321", PRE, "2026Q3"): 96.9,
        ("450321", COM, "2026Q3"): 101.2,
        ("450321", SEN, "2026Q3"): 92.5,
        ("450323", PRE, "2026Q3"): 97.4,
        ("450323", COM, "2026Q3"): 100.6,
        ("450323", SEN, "2026Q3"): 93.1,
    }
    [note] = result.issues
    assert (note.code, note.severity, note.file, note.line) == (
        "skipped-rows",
        Severity.INFO,
        str(path),
        1,
    )
    assert note.text() == (
        "skipped, not data: title line 1 above the header; notes and signatures on lines 5-9 "
        "below the data"
    )


# -- 2. units in headers --------------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "学前教育三年毛入园率(%)",
        "学前教育三年毛入园率（%）",
        "学前教育三年毛入园率%",
        "学前教育三年毛入园率（单位：%）",
        "学前教育三年毛入园率 单位：%",
    ],
)
def test_units_in_headers_match_the_indicator(plan: Plan, tmp_path: Path, label: str) -> None:
    path = _gbk(
        tmp_path / "450321_阳朔县.csv",
        [f"时期,{label},九年义务教育巩固率（%）", "2026年第三季度,96.9,101.2"],
    )
    result = _read(plan, path)
    assert result.errors == []
    assert _values(result) == {
        ("450321", PRE, "2026Q3"): 96.9,
        ("450321", COM, "2026Q3"): 101.2,
    }


# -- 3. two-row headers ---------------------------------------------------------------------

TWO_ROWS: list[list[object]] = [
    ["地区", "时期", "学前教育", None, "义务教育", "高中阶段"],
    [None, None, "三年毛入园率(%)", "普惠性幼儿园覆盖率(%)", "巩固率(%)", "毛入学率(%)"],
    ["阳朔县", "2026Q3", 96.9, 88.5, 101.2, 92.5],
    ["恭城县", "2026Q3", 95.1, 86.0, 99.8, 90.4],
]
TWO_ROWS_READ = {
    ("450321", PRE, "2026Q3"): 96.9,
    ("450321", INC, "2026Q3"): 88.5,
    ("450321", COM, "2026Q3"): 101.2,
    ("450321", SEN, "2026Q3"): 92.5,
    ("450332", PRE, "2026Q3"): 95.1,
    ("450332", INC, "2026Q3"): 86.0,
    ("450332", COM, "2026Q3"): 99.8,
    ("450332", SEN, "2026Q3"): 90.4,
}


def test_two_row_header_with_merged_groups_xlsx(plan: Plan, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "各县.xlsx", TWO_ROWS, merges=("A1:A2", "B1:B2", "C1:D1"))
    result = _read(plan, path)
    assert result.errors == []
    assert result.warnings == []
    assert _values(result) == TWO_ROWS_READ


def test_two_row_header_xls(plan: Plan, tmp_path: Path) -> None:
    path = _xls(tmp_path / "各县.xls", TWO_ROWS)
    result = _read(plan, path)
    assert result.errors == []
    assert _values(result) == TWO_ROWS_READ
    assert [f.encoding for f in result.files] == ["xls"]


# -- 4. the statistical form ----------------------------------------------------------------


def test_statistical_form_gbk_csv_region_and_period_from_title(plan: Plan, tmp_path: Path) -> None:
    path = _gbk(
        tmp_path / "恭城瑶族自治县2026年第三季度教育主要指标.csv",
        [
            "恭城瑶族自治县2026年第三季度教育主要指标,,,",
            "指标名称,计量单位,本期数,上年同期数",
            "1.学前教育三年毛入园率,%,96.9,95.2",
            "2.九年义务教育巩固率,%,101.3,100.8",
            "3.高中阶段毛入学率,%,91.4,90.1",
            "  其中：在园幼儿数,人,9690,9520",
            "  3至5岁适龄人口数,人,10000,10000",
            ",,,",
            "注：毛入园率按在园幼儿数（不分年龄）计算。,,,",
            "填表人：张三　审核人：李四　填报日期：2026年10月12日,,,",
        ],
    )
    result = _read(plan, path)
    assert result.errors == []
    assert _warnings(result) == []
    # Changed deliberately: 上年同期数 is that period's figure where no file gives it.
    assert _values(result) == {
        ("450332", PRE, "2026Q3"): 96.9,
        ("450332", COM, "2026Q3"): 101.3,
        ("450332", SEN, "2026Q3"): 91.4,
        ("450332", PRE, "2025Q3"): 95.2,
        ("450332", COM, "2025Q3"): 100.8,
        ("450332", SEN, "2025Q3"): 90.1,
    }
    pre = result.observations.series[("450332", PRE)]
    assert [(str(o.period), o.numerator, o.denominator, o.origin) for o in pre] == [
        ("2025Q3", 9520.0, 10000.0, "prior_year_column"),
        ("2026Q3", 9690.0, 10000.0, "rate"),
    ]
    notes = {p.code: p.text() for p in result.issues if p.severity is Severity.INFO}
    assert notes == {
        "encoding": "not UTF-8: read as GB18030 (GBK), as Excel on Chinese Windows saves it",
        "context": "no region or period column: region 450332 恭城瑶族自治县 from the title "
        "line (line 1); period 2026Q3 from the title line (line 1)",
        "previous-year": "column '上年同期数' read as the same period a year earlier "
        "(2025Q3); used only where no file of that period gives the figure",
        "skipped-rows": "skipped, not data: title line 1 above the header; notes and "
        "signatures on lines 8-10 below the data",
    }


def test_statistical_form_xls_from_file_name(plan: Plan, tmp_path: Path) -> None:
    path = _xls(
        tmp_path / "450332_恭城瑶族自治县_2026Q3.xls",
        [
            ["指标名称", "计量单位", "本年", "去年同期"],
            ["学前教育三年毛入园率", "%", 96.9, 95.2],
            ["九年义务教育巩固率", "%", 101.3, None],
            ["在园幼儿总数", "人", 9690, 9520],
            ["普惠性幼儿园在园幼儿数", "人", 8576, 8100],
        ],
    )
    result = _read(plan, path)
    assert result.errors == []
    # 8100/9520 = 85.1 a year earlier, 88.5 now: beyond the 3-point year-on-year threshold
    [jump] = result.warnings
    assert (jump.code, jump.line) == ("implausible-jump", 4)
    assert _values(result) == {
        ("450332", PRE, "2026Q3"): 96.9,
        ("450332", COM, "2026Q3"): 101.3,
        # no row of its own: made from its two count rows
        ("450332", INC, "2026Q3"): pytest.approx(8576 * 100 / 9690),
        # the 去年同期 column gives 2025Q3 (no file of its own here)
        ("450332", PRE, "2025Q3"): 95.2,
        ("450332", INC, "2025Q3"): pytest.approx(8100 * 100 / 9520),
    }
    [context] = [p for p in result.issues if p.code == "context"]
    assert context.text() == (
        "no region or period column: region 450332 恭城瑶族自治县 from the file name; "
        "period 2026Q3 from the file name"
    )


# -- 5. region and period stated by the caller ----------------------------------------------


def test_region_and_period_stated(plan: Plan, tmp_path: Path) -> None:
    path = _gbk(tmp_path / "data.csv", ["学前教育三年毛入园率,九年义务教育巩固率", "96.9,101.2"])
    result = _read(plan, path, region="恭城县", period="2026年第三季度")
    assert result.errors == []
    assert _values(result) == {
        ("450332", PRE, "2026Q3"): 96.9,
        ("450332", COM, "2026Q3"): 101.2,
    }
    [note] = [p for p in result.issues if p.code == "context"]
    assert note.severity is Severity.INFO
    assert note.text() == (
        "no region or period column: region 450332 恭城瑶族自治县 from --region; period "
        "2026Q3 from --period"
    )


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"region": "火星县"}, "--region '火星县' is not a region of the plan"),
        ({"period": "next spring"}, "--period: cannot read period 'next spring'"),
    ],
)
def test_a_wrong_stated_region_or_period_is_a_usage_error(
    plan: Plan, tmp_path: Path, kw: dict[str, str], message: str
) -> None:
    path = _gbk(tmp_path / "data.csv", ["学前教育三年毛入园率", "96.9"])
    with pytest.raises(GlplanError) as caught:
        _read(plan, path, **kw)
    assert caught.value.exit_code == 2
    [problem] = caught.value.problems
    assert problem.text().startswith(message)


# -- 6. count columns named by the plan -----------------------------------------------------


def test_count_columns_named_by_the_plan(plan: Plan, tmp_path: Path) -> None:
    path = _gbk(
        tmp_path / "各县学前教育.csv",
        [
            "地区,时期,在园幼儿数（人）,3至5岁适龄人口数（人）",
            "阳朔县,2026Q3,9690,10000",
            "恭城县,2026Q3,5710,6000",
        ],
    )
    result = _read(plan, path)
    assert result.errors == []
    assert _warnings(result) == []
    assert [(o.region, o.indicator, o.value, o.numerator, o.denominator) for o in
            sorted(result.observations, key=lambda o: o.region)] == [
        ("450321", PRE, 96.9, 9690.0, 10000.0),
        ("450332", PRE, pytest.approx(95.1666666), 5710.0, 6000.0),
    ]  # fmt: skip


def test_count_columns_named_by_the_plan_beside_an_indicator_column(
    plan: Plan, tmp_path: Path
) -> None:
    path = _gbk(
        tmp_path / "450321_阳朔县.csv",
        [
            "时期,指标,数值,在园幼儿数,3至5岁适龄人口数",
            "2026Q3,学前教育三年毛入园率,96.9,9690,10000",
        ],
    )
    result = _read(plan, path)
    assert result.errors == []
    [obs] = result.observations
    assert (obs.value, obs.numerator, obs.denominator) == (96.9, 9690.0, 10000.0)


# -- 7. total rows --------------------------------------------------------------------------


def test_total_rows_are_checked_and_not_used(plan: Plan, tmp_path: Path) -> None:
    path = _gbk(
        tmp_path / "桂林市2026Q3.csv",
        [
            "地区,时期,指标,数值,分子,分母",
            "阳朔县,2026Q3,学前教育三年毛入园率,96.9,9690,10000",
            "恭城县,2026Q3,学前教育三年毛入园率,95.0,5700,6000",
            "小计,2026Q3,学前教育三年毛入园率,96.2,15390,16000",
            "合计,2026Q3,学前教育三年毛入园率,97.5,15390,16100",
            "全市,2026Q3,学前教育三年毛入园率,96.19,15390,16000",
        ],
    )
    result = _read(plan, path)
    assert result.errors == []
    assert set(_values(result)) == {("450321", PRE, "2026Q3"), ("450332", PRE, "2026Q3")}
    assert _warnings(result) == [
        (
            5,
            "total-mismatch",
            f"total row '合计' ({PRE} 2026Q3) denominator 16100, but the rows above add up "
            "to 16000; the total is not used either way (check the rows)",
        ),
        (
            5,
            "total-mismatch",
            f"total row '合计' ({PRE} 2026Q3) gives 97.5, but the rows above give 96.19 (their "
            "numerators over their denominators, 15390/16000); the total is not used either "
            "way (check the rows)",
        ),
    ]
    [note] = [p for p in result.issues if p.code == "skipped-rows"]
    assert note.text() == "skipped, not data: total rows on lines 4-6 (not any region's)"


def test_a_total_row_is_never_the_parent_s_figure(plan: Plan, tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "桂林市.xlsx",
        [
            ["县区", "季度", "学前教育三年毛入园率"],
            ["阳朔", "2026Q3", 96.9],
            ["全市", "2026Q3", 96.9],
        ],
    )
    result = _read(plan, path)
    assert result.errors == []
    assert list(_values(result)) == [("450321", PRE, "2026Q3")]


# -- 8. other spreadsheet formats -----------------------------------------------------------


def test_xls_percent_cells_read_as_the_percentage_shown(plan: Plan, tmp_path: Path) -> None:
    path = _xls(
        tmp_path / "450321_阳朔县.xls",
        [["时期", "学前教育三年毛入园率"], ["2026Q3", 0.969], ["2026Q2", 0.965]],
        percent=((1, 1), (2, 1)),
    )
    result = _read(plan, path)
    assert result.errors == []
    assert _values(result) == {
        ("450321", PRE, "2026Q3"): 96.9,
        ("450321", PRE, "2026Q2"): 96.5,
    }
    assert _codes(result, Severity.WARNING) == ["percent-fraction"]


def _ods(path: Path, rows: list[list[object]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Sheet1")
    for row in rows:
        tr = TableRow()
        for value in row:
            if isinstance(value, float):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_ods_is_read(plan: Plan, tmp_path: Path) -> None:
    path = _ods(
        tmp_path / "450321_阳朔县.ods", [["时期", "学前教育三年毛入园率"], ["2026Q3", 96.9]]
    )
    result = _read(plan, path)
    assert result.errors == []
    assert _values(result) == {("450321", PRE, "2026Q3"): 96.9}


def test_folder_lists_xls_and_ods(plan: Plan, tmp_path: Path) -> None:
    _xls(tmp_path / "450321_阳朔县.xls", [["时期", "学前教育三年毛入园率"], ["2026Q3", 96.9]])
    _ods(tmp_path / "450332_恭城县.ods", [["时期", "学前教育三年毛入园率"], ["2026Q3", 95.1]])
    result = _read(plan, tmp_path)
    assert result.errors == []
    assert set(_values(result)) == {("450321", PRE, "2026Q3"), ("450332", PRE, "2026Q3")}


def test_xls_over_the_size_limit_is_refused(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _xls(
        tmp_path / "450321_阳朔县.xls", [["时期", "学前教育三年毛入园率"], ["2026Q3", 96.9]]
    )
    monkeypatch.setattr(spreadsheet, "MAX_BINARY_WORKBOOK_BYTES", 100)
    with pytest.raises(NothingRead) as caught:
        _read(plan, path)
    [problem, _] = caught.value.problems
    assert (problem.file, problem.code) == (str(path), "file-too-large")
    assert "at most 100 bytes are read" in problem.text()


def test_xls_sheet_over_the_row_limit_is_refused_before_its_cells(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows: list[list[object]] = [["时期", "学前教育三年毛入园率"]]
    rows += [[f"{y}Q1", 96.0] for y in range(1990, 2010)]
    path = _xls(tmp_path / "450321_阳朔县.xls", rows)
    monkeypatch.setattr(bookextent, "MAX_XLSX_ROWS", 10)
    with pytest.raises(NothingRead) as caught:
        _read(plan, path)
    assert caught.value.problems[0].code == "too-many-rows"


def test_ods_expanding_past_the_limit_is_refused(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _ods(
        tmp_path / "450321_阳朔县.ods", [["时期", "学前教育三年毛入园率"], ["2026Q3", 96.9]]
    )
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_EXPANDED_BYTES", 1000)
    with pytest.raises(NothingRead) as caught:
        _read(plan, path)
    assert caught.value.problems[0].code == "file-too-large"


# -- 9. period spellings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period", "noted"),
    [
        ("2026年1-9月", Q3, True),
        ("2026年1～9月", Q3, True),
        ("2026年前三季度", Q3, True),
        ("2026年三季度", Q3, False),
        ("2026年第3季度", Q3, False),
        ("2026年7-9月", Q3, False),
    ],
)
def test_period_spellings_on_forms(text: str, period: Period, noted: bool) -> None:
    read, note = read_period(text)
    assert read == period
    assert (note is not None) == noted


def test_cumulative_periods_in_cells_are_read_with_a_note(plan: Plan, tmp_path: Path) -> None:
    path = _gbk(
        tmp_path / "450321_阳朔县.csv",
        ["时期,学前教育三年毛入园率", "2026年1-9月,96.9", "2026年上半年,96.5"],
    )
    result = _read(plan, path)
    assert result.errors == []
    assert _values(result) == {
        ("450321", PRE, "2026Q3"): 96.9,
        ("450321", PRE, "2026Q2"): 96.5,
    }
    notes = [p.text() for p in result.issues if p.code == "period-read-as"]
    assert notes == [
        "'2026年1-9月' (January to September) is read as 2026Q3, the quarter it ends with",
        "'2026年上半年' (the first half of the year) is read as 2026Q2, the quarter it ends with",
    ]


# -- 10. a rate typed as a fraction ---------------------------------------------------------


def test_a_fraction_in_csv_is_an_error_suggesting_the_percentage(
    plan: Plan, tmp_path: Path
) -> None:
    path = _gbk(tmp_path / "450321_阳朔县.csv", ["时期,学前教育三年毛入园率", "2026Q3,0.969"])
    result = _read(plan, path)
    assert list(result.observations) == []
    [err] = result.errors
    assert (err.line, err.column, err.code) == (2, 2, "constraint-error")
    assert "0.969 looks like a fraction: did you mean 96.9?" in err.text()


def test_a_lone_fraction_in_a_sheet_is_an_error(plan: Plan, tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "450321_阳朔县.xlsx",
        [["时期", "学前教育三年毛入园率"], ["2026Q3", 0.969], ["2026Q2", 96.5]],
    )
    result = _read(plan, path)
    assert _values(result) == {("450321", PRE, "2026Q2"): 96.5}
    [err] = result.errors
    assert err.line == 2
    assert "0.969 looks like a fraction: did you mean 96.9?" in err.text()


# -- 11. the file names one county, the rows another ----------------------------------------


def test_file_named_for_one_county_holding_another_s_rows(plan: Plan, tmp_path: Path) -> None:
    path = _gbk(
        tmp_path / "450325_兴安县_2026Q3.csv",
        ["地区,时期,指标,数值", "灌阳县,2026Q3,学前教育三年毛入园率,88.1"],
    )
    result = _read(plan, path)
    assert list(result.observations) == []
    [err] = result.errors
    assert (err.line, err.code) == (2, "wrong-region")
    assert err.text() == (
        "this row is for 450327 灌阳县, but the file name says 450325 兴安县; row not used "
        "(is this the right file?)"
    )


# -- 12. one bad file does not stop the report ----------------------------------------------


def test_a_damaged_county_file_does_not_stop_the_others(plan: Plan, tmp_path: Path) -> None:
    folder = tmp_path / "q3"
    shutil.copytree(ROOT / "data" / "indicators", folder)
    damaged = folder / "450321_阳朔县.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 100)
    result = read_indicators([folder], plan, as_of=AS_OF)
    assert {o.region for o in result.observations} == {
        r.code for r in plan.leaves() if r.code != "450321"
    }
    assert len({o.region for o in result.observations}) == 16
    [err] = result.errors
    assert (err.file, err.code) == (str(damaged), "io-error")
    assert err.text().startswith("cannot open as an Excel workbook")
    assert result.refused == [str(damaged)]


def test_nothing_read_at_all_is_exit_2(plan: Plan, tmp_path: Path) -> None:
    bad = tmp_path / "450321_阳朔县.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(NothingRead) as caught:
        read_indicators([bad], plan, as_of=AS_OF)
    assert caught.value.exit_code == 2
    assert caught.value.problems[-1].text() == (
        "nothing could be read (the file was refused whole, see above), so nothing was written"
    )


# -- 13. a value from counts uses the indicator's unit --------------------------------------


def test_a_ratio_is_computed_from_its_counts_without_100(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "fixtures" / "indicators" / "plan.yaml").read_text(encoding="utf-8")
    ratio = """  - id: pupil_teacher_ratio
    name: {zh: 小学生师比, en: Primary pupil-teacher ratio}
    unit: ratio
    direction: lower_is_better
    numerator: {zh: 小学在校生数, en: Primary pupils}
    denominator: {zh: 小学专任教师数, en: Primary teachers}
    plausible_range: {min: 5, max: 30}
goals:
"""
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(text.replace("goals:\n", ratio, 1), encoding="utf-8")
    plan = load_plan(plan_path)
    path = _gbk(
        tmp_path / "450321_阳朔县.csv",
        [
            "时期,指标,数值,分子,分母",
            "2026Q3,小学生师比,,1800,120",
            "2026Q2,小学生师比,15,1800,120",
            "2026Q1,小学生师比,16,1800,120",
        ],
    )
    result = read_indicators([path], plan, as_of=AS_OF, completeness=False)
    assert sorted((str(o.period), o.value) for o in result.observations) == [
        ("2026Q2", 15.0),
        ("2026Q3", 15.0),
    ]
    [err] = result.errors
    assert err.text() == ("value 16 does not match numerator/denominator × 1 = 15 (tolerance 0.05)")
