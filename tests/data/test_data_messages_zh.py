"""Under ``--lang zh`` the findings about indicator files are Chinese throughout.

Bad county files are built to trigger as many kinds of finding as possible; each problem's
Chinese rendering must hold no English word once what is printed as it is (the location,
the column's label, quoted user text, file names, ids, codes, options) is taken out. The
English rendering of the same problems is the one the other tests check.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.data.read import NothingRead, read_indicators
from gl_plan.errors import Code, GlplanError, Problem
from gl_plan.plan.models import Plan

AS_OF = date(2026, 11, 28)
SRC = Path(__file__).resolve().parents[2] / "src" / "gl_plan"

#: Names printed as they are in Chinese text: encodings, formats, products.
KNOWN_NAMES = {
    "UTF",
    "GBK",
    "Latin",
    "CSV",
    "Excel",
    "WPS",
    "OpenDocument",
    "ZIP",
    "zip",
    "gzip",
    "PDF",
    "FIFO",
}
_QUOTED = re.compile(r"“[^”]*”|'[^']*'|\"[^\"]*\"")
_FILE_NAME = re.compile(r"[\w./\\\[\]-]*\.(?:csv|xlsx|xlsm|xls|xlsb|ods|xml|rels|txt)\b")
_OPTION = re.compile(r"--[a-z][a-z-]*")
_WORD = re.compile(r"[A-Za-z]{3,}")


def english_words(problem: Problem, plan: Plan, *, root: Path) -> list[str]:
    """The English words left in ``problem`` rendered in Chinese, once the location, the
    field, quoted text, file names, ids, codes and options are taken out."""
    text = problem.render("zh")
    where = problem.location()
    if where:
        assert text.startswith(where + ": "), text
        text = text[len(where) + 2 :]
    if problem.field:
        assert text.startswith(problem.field + ": "), text
        text = text[len(problem.field) + 2 :]
    return leftover(text, plan, root=root)


def leftover(text: str, plan: Plan, *, root: Path) -> list[str]:
    text = text.replace(str(root), "")
    text = _QUOTED.sub(" ", text)
    text = _FILE_NAME.sub(" ", text)
    text = _OPTION.sub(" ", text)
    text = text.replace("settings.max_quarterly_change", " ")
    tokens = {i.id for i in plan.indicators} | {str(c) for c in Code}
    for token in sorted(tokens, key=len, reverse=True):
        text = text.replace(token, " ")
    return [w for w in _WORD.findall(text) if w not in KNOWN_NAMES]


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def bad_folder(root: Path) -> Path:
    """A quarter's folder of county files with something wrong in each."""
    folder = root / "q3"
    folder.mkdir()
    rows = [
        "阳朔县2026年教育主要指标",
        "地区,时期,指标,数值,分子,分母",
        "火星县,2026Q2,preschool_gross_enrollment_rate,98.5,,",
        "阳朔县,2026Q2,不存在的指标,98.5,,",
        "阳朔县,2026年第五季度,preschool_gross_enrollment_rate,98,,",
        "阳朔县,2026年4-9月,preschool_gross_enrollment_rate,98,,",
        "阳朔县,2026Q1,compulsory_consolidation_rate,abc,,",
        '阳朔县,2026Q1,compulsory_consolidation_rate,"9,85",,',
        "阳朔县,2026Q1,senior_secondary_gross_enrollment_rate,0.969,,",
        "阳朔县,2026Q1,inclusive_kindergarten_coverage,150,,",
        "阳朔县,2026Q1,public_kindergarten_share,-3,,",
        ",,,,,",
        "阳朔县,2025Q4,preschool_gross_enrollment_rate,97.0,9700,10000",
        "阳朔县,2025Q4,preschool_gross_enrollment_rate,97.0,9700,10000",
        "阳朔县,2025Q4,preschool_gross_enrollment_rate,97.0",
        "阳朔县,2025Q4,preschool_gross_enrollment_rate,97.0,9700,10000,,x",
        "灌阳县,2026Q1,compulsory_consolidation_rate,95,,",
        "阳朔县,2027Q1,compulsory_consolidation_rate,95,,",
        "阳朔县,2025Q3,compulsory_consolidation_rate,96,9600,9000",
        "阳朔县,2025Q2,compulsory_consolidation_rate,,9600,",
        "阳朔县,2025Q1,compulsory_consolidation_rate,,9600,0",
        "阳朔县,2024Q4,compulsory_consolidation_rate,,-1,100",
        "阳朔县,2024Q3,compulsory_consolidation_rate,,,",
        "阳朔县,2026年1-9月,public_kindergarten_share,40,1%,100",
        "阳朔县,2026年前三季度,inclusive_kindergarten_coverage,60,,",
        "阳朔县,2026年上半年,inclusive_kindergarten_coverage,61,,",
        "阳朔县,2026年下半年,inclusive_kindergarten_coverage,62,,",
        "注：本表由县教育局填报",
        "填表人：张三    审核人：李四",
    ]
    _write(folder / "450321_阳朔县.csv", "\n".join(rows) + "\n")
    # The statistical form: region and period from the file name, last year's column.
    _write(
        folder / "450325_兴安县_2026Q3.csv",
        "指标名称,计量单位,本期数,上年同期数\n"
        "1.学前教育三年毛入园率,%,95.1,94.0\n"
        "2.幼儿园教师数,人,120,118\n"
        ",,,\n"
        "在园幼儿数,人,abc,\n",
    )
    # Totals that the rows above do not add up to.
    _write(
        folder / "汇总.csv",
        "地区,时期,指标,数值,分子,分母,颜色\n"
        "灵川县,2026Q2,preschool_gross_enrollment_rate,90,900,1000,\n"
        "全州县,2026Q2,preschool_gross_enrollment_rate,80,800,1000,\n"
        "合计,2026Q2,preschool_gross_enrollment_rate,70,1800,2100,\n",
    )
    # Saved by Excel on Chinese Windows.
    _write(
        folder / "永福县.csv",
        "地区,时期,指标,数值\n永福县,2026Q2,学前教育三年毛入园率,95\n",
        encoding="gbk",
    )
    # No period anywhere.
    _write(folder / "资源县数据.csv", "地区,指标,数值\n资源县,学前教育三年毛入园率,95\n")
    # A workbook that is not one.
    _write(folder / "损坏.xlsx", "这不是工作簿")
    # 平乐县's series: a gap, an outlier, an implausible jump, conflicting values.
    series = [
        ("2024Q1", 90.0),
        ("2024Q2", 90.5),
        ("2024Q3", 91.2),
        ("2024Q4", 91.6),
        ("2025Q1", 92.3),
        ("2025Q2", 105.0),
        ("2025Q3", 93.0),
        ("2025Q4", 93.4),
    ]
    lines = ["地区,时期,指标,数值"]
    lines += [f"平乐县,{p},compulsory_consolidation_rate,{v}" for p, v in series]
    lines += [
        "平乐县,2025Q1,preschool_gross_enrollment_rate,95",
        "平乐县,2025Q3,preschool_gross_enrollment_rate,96",
        "平乐县,2026Q1,senior_secondary_gross_enrollment_rate,80",
        "平乐县,2026Q2,senior_secondary_gross_enrollment_rate,86",
        "平乐县,2026Q1,public_kindergarten_share,50",
        "平乐县,2026Q1,public_kindergarten_share,51",
    ]
    _write(folder / "450330_平乐县.csv", "\n".join(lines) + "\n")
    # A wide sheet whose rates are stored as fractions, and a sheet with only a header.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "龙胜"
    sheet.append(["地区", "时期", "学前教育三年毛入园率", "", "说明"])
    sheet.append(["龙胜各族自治县", "2026Q2", 0.951, None, None])
    sheet.append(["龙胜各族自治县", "2026Q1", 0.948, 5, None])
    header_only = book.create_sheet("恭城")
    header_only.append(["地区", "时期", "指标", "数值"])
    book.save(folder / "龙胜.xlsx")
    # More than a hundred problems of one kind.
    many = ["地区,时期,指标,数值"] + [f"灵川县,2026Q{1 + i % 2},未知{i},1" for i in range(105)]
    _write(folder / "灵川县.csv", "\n".join(many) + "\n")
    return folder


def test_every_data_finding_reads_in_chinese(data_plan: Plan, tmp_path: Path) -> None:
    folder = bad_folder(tmp_path)
    others = tmp_path / "others"
    others.mkdir()
    empty_folder = tmp_path / "空文件夹"
    empty_folder.mkdir()
    paths = [
        folder,
        _write(others / "empty.csv", ""),
        _write(others / "header_only.csv", "地区,时期,指标,数值\n"),
        _write(others / "报表.csv", b"%PDF-1.4 ...".decode()),
        _write(others / "latin.csv", "région,période\n", encoding="latin-1"),
        _write(others / "列.csv", "地区,地区代码,时期,时期,数值\n阳朔县,450321,2026Q1,2026Q1,1\n"),
        _write(others / "表.csv", "甲,乙\n1,2\n"),
        empty_folder,
    ]
    result = read_indicators(paths, data_plan, as_of=AS_OF)
    codes = {p.code for p in result.issues}
    wanted = {
        Code.UNKNOWN_REGION,
        Code.UNKNOWN_INDICATOR,
        Code.TYPE_ERROR,
        Code.CONSTRAINT_ERROR,
        Code.PERCENT_FRACTION,
        Code.CONFLICTING_VALUE,
        Code.DUPLICATE_ROW,
        Code.BLANK_ROW,
        Code.MISSING_CELL,
        Code.EXTRA_CELL,
        Code.WRONG_REGION,
        Code.FUTURE_PERIOD,
        Code.INCONSISTENT_VALUE,
        Code.TOTAL_MISMATCH,
        Code.SKIPPED_ROWS,
        Code.CONTEXT,
        Code.PREVIOUS_YEAR,
        Code.PERIOD_READ_AS,
        Code.ENCODING,
        Code.ENCODING_ERROR,
        Code.MISSING_LABEL,
        Code.NO_HEADER,
        Code.DUPLICATE_LABEL,
        Code.BLANK_LABEL,
        Code.EXTRA_LABEL,
        Code.IO_ERROR,
        Code.INCOMPLETE_REPORTING,
        Code.OUTLIER,
        Code.IMPLAUSIBLE_JUMP,
        Code.EMPTY_FILE,
    }
    assert wanted <= codes, sorted(wanted - codes)
    assert any(p.text().startswith("... and 5 more") for p in result.issues)
    assert len(result.issues) > 60
    english = {p.render("zh"): english_words(p, data_plan, root=tmp_path) for p in result.issues}
    assert {line: words for line, words in english.items() if words} == {}
    # The English is as it was: a sample, word for word.
    assert any(
        p.text() == "not UTF-8: read as GB18030 (GBK), as Excel on Chinese Windows saves it"
        for p in result.issues
    )


def test_chinese_samples_read_naturally(data_plan: Plan, tmp_path: Path) -> None:
    folder = bad_folder(tmp_path)
    result = read_indicators([folder], data_plan, as_of=AS_OF)
    zh = [p.text("zh") for p in result.issues]
    assert "未知地区“火星县”：不是计划中地区的代码、名称、简称或曾用名" in zh
    assert "表格中间有空行（第 12 行）" in zh
    assert "已跳过，不是数据：表头上方的标题（第 1 行）；数据下方的注释和签名（第 28-29 行）" in zh
    assert any(t.startswith("“2026年1-9月”（1月至9月）按 2026Q3 读取") for t in zh)
    assert "450327 灌阳县" in next(t for t in zh if t.startswith("此行是"))
    # A county named in Chinese, where the English names it in English.
    missing = next(
        p for p in result.issues if p.code is Code.INCOMPLETE_REPORTING and p.file is None
    )
    assert "秀峰区" in missing.text("zh")
    assert "Xiufeng District" in missing.text("en")


def test_refusals_and_usage_errors_read_in_chinese(data_plan: Plan, tmp_path: Path) -> None:
    damaged = _write(tmp_path / "损坏.xlsx", "这不是工作簿")
    with pytest.raises(NothingRead) as refused:
        read_indicators([damaged], data_plan, as_of=AS_OF)
    problems = list(refused.value.problems)
    assert [p.code for p in problems] == [Code.IO_ERROR, Code.NOTHING_READ]
    assert problems[0].text().startswith("cannot open as an Excel workbook: BadZipFile")
    assert (
        problems[-1].text("zh")
        == "没有读到任何数据（该文件被整体拒绝，见上文），因此未写出任何内容"
    )
    good = _write(
        tmp_path / "ok.csv", "地区,时期,指标,数值\n阳朔县,2026Q1,学前教育三年毛入园率,95\n"
    )
    for kwargs in ({"region": "火星县"}, {"period": "2026年第五季度"}, {"encoding": "klingon"}):
        try:
            result = read_indicators([good], data_plan, as_of=AS_OF, **kwargs)
        except GlplanError as exc:
            problems += exc.problems
        else:
            problems += result.issues
    with pytest.raises(GlplanError) as missing:
        read_indicators([tmp_path / "没有.csv"], data_plan, as_of=AS_OF)
    problems += missing.value.problems
    assert len(problems) >= 6
    english = {p.render("zh"): english_words(p, data_plan, root=tmp_path) for p in problems}
    assert {line: words for line, words in english.items() if words} == {}


def test_validate_lang_zh_prints_the_findings_in_chinese(
    data_plan: Plan, indicator_fixtures: Path, tmp_path: Path
) -> None:
    folder = bad_folder(tmp_path)
    bad = folder / "450321_阳朔县.csv"
    result = CliRunner().invoke(
        app,
        [
            "validate",
            "--data",
            str(bad),
            "--plan",
            str(indicator_fixtures / "plan.yaml"),
            "--as-of",
            "2026-11-28",
            "--lang",
            "zh",
        ],
    )
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) > 15
    leftovers = {
        line: leftover(_without_location(line), data_plan, root=tmp_path) for line in lines
    }
    assert {line: words for line, words in leftovers.items() if words} == {}


def _without_location(line: str) -> str:
    """A printed finding without its ``file:line:column: field:`` prefix."""
    parts = line.split(": ")
    return parts[-1] if len(parts) > 1 else line
