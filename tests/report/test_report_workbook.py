"""``check --output report.xlsx``: opened with openpyxl and checked against ``--format json``:
every figure, status and red or amber task, and every sheet's print set-up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from report_fixtures import PLAN, fixture_args, run

from gl_plan.i18n import Lang, _, pgettext
from gl_plan.i18n.labels import label
from gl_plan.plan.load import load_plan
from gl_plan.report.format import display_name
from gl_plan.report.workbook import RAG_FILLS, text_width

SHEETS = {
    "zh": ["要点", "2025年目标", "2030年目标", "任务督办", "数据问题", "数据"],
    "en": ["Summary", "2025 targets", "2030 targets", "Task supervision", "Data issues", "Data"],
}


def _workbook(tmp_path: Path, lang: Lang, *extra: str) -> tuple[Any, dict[str, Any]]:
    out = tmp_path / f"report_{lang}.xlsx"
    run(*fixture_args("check"), "--lang", lang, "--output", str(out), *extra)
    doc = json.loads(run(*fixture_args("check"), "--format", "json").stdout)
    return load_workbook(out), doc


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_and_status_is_in_its_year_sheet(tmp_path: Path, lang: Lang) -> None:
    book, doc = _workbook(tmp_path, lang)
    assert book.sheetnames == SHEETS[lang]
    plan = load_plan(PLAN)
    for year in (2025, 2030):
        ws: Worksheet = book[_("{year} targets", year=year).text(lang)]
        indicators = list(dict.fromkeys(r["indicator"] for r in doc["indicators"]))
        rows = {ws.cell(row=r, column=1).value: r for r in range(4, ws.max_row + 1)}
        for a in (r for r in doc["indicators"] if r["target_year"] == year):
            row = rows[display_name(plan, a["region"], lang)]
            col = 2 + 3 * indicators.index(a["indicator"])
            value, gap, status = (ws.cell(row=row, column=col + k) for k in range(3))
            if a["value"] is None:
                assert value.value is None
            else:
                # the value as the reports round it (its format's decimals), the gap that
                # value minus the target, both with the same decimals
                decimals = len(value.number_format.partition(".")[2])
                assert decimals >= 1  # the bundled targets have one decimal
                assert abs(value.value - a["value"]) <= 0.5 * 10**-decimals + 1e-12
                assert gap.value == pytest.approx(value.value - a["target"], abs=1e-9)
                assert gap.number_format.startswith("+0." + "0" * decimals)
            assert status.value == label(a["status"]).text(lang)
            assert status.fill.start_color.rgb.endswith(RAG_FILLS[a["rag"]])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_supervision_sheet_lists_every_red_and_amber_task(tmp_path: Path, lang: Lang) -> None:
    book, doc = _workbook(tmp_path, lang)
    ws = book[_("Task supervision").text(lang)]
    header = [c.value for c in ws[1]]
    assert header[0] == _("ID").text(lang)
    got = {row[0]: row for row in ws.iter_rows(min_row=2, values_only=True)}
    flagged = {t["id"]: t for t in doc["tasks"] if t["rag"] != "green"}
    assert set(got) == set(flagged)
    for task_id, task in flagged.items():
        row = got[task_id]
        assert row[2] == task["deadline"]
        assert row[3].date().isoformat() == task["due"]
        assert row[4] == label(task["rag"]).text(lang)
        assert row[5] == label(task["status"]).text(lang)
        late = -task["days_left"] if task["status"] == "overdue" else None
        assert row[6] == late
        units = _("; ").text(lang).join(u[lang] for u in task["responsible"])
        assert (row[8] or "") == units
    assert any(t["responsible"] for t in flagged.values())  # the column is not empty


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_issues_and_data_sheets_agree_with_the_json(tmp_path: Path, lang: Lang) -> None:
    book, doc = _workbook(tmp_path, lang)
    summary = book[pgettext("xlsx.sheet.summary", "Summary").text(lang)]
    cells = {row[0]: row[1:] for row in summary.iter_rows(values_only=True) if row[0]}
    for rag in ("red", "amber", "green"):
        counts = doc["summary"]["by_target_year"]
        assert list(cells[label(rag).text(lang)][:2]) == [
            counts[y]["by_rag"][rag] for y in sorted(counts)
        ]
    assert cells[_("overdue").text(lang)][0] == doc["summary"]["tasks"]["overdue"]
    issues = book[_("Data issues").text(lang)]
    listed = list(issues.iter_rows(min_row=2, values_only=True))
    assert len(listed) == len(doc["data_issues"])
    for row, issue in zip(listed, doc["data_issues"], strict=True):
        assert (issue["file"] or "").endswith(row[0] or "")
        assert row[1] == issue["line"]
        assert row[3] == label(issue["severity"]).text(lang)
    data = book[_("Data").text(lang)]
    assert data.max_row - 1 == len(doc["indicators"])
    first = [c.value for c in data[2]]
    assert first[0] == doc["indicators"][0]["region"]
    assert first[7] == pytest.approx(doc["indicators"][0]["value"], abs=1e-3)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sheet_prints_on_a4_landscape_one_page_wide(tmp_path: Path, lang: Lang) -> None:
    book, doc = _workbook(tmp_path, lang)
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert int(setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert int(setup.fitToWidth) == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows is not None
        assert ws.print_title_rows.startswith("$1:$")
        assert ws.freeze_panes is not None
        assert doc["as_of"] in ws.oddHeader.center.text
        assert "&P" in ws.oddFooter.center.text
        assert "&N" in ws.oddFooter.center.text
        assert ws.column_dimensions["A"].width > 0


def test_xlsx_is_a_format_and_a_suffix(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    run(*fixture_args("check"), "--format", "xlsx", "--output", str(out))
    assert out.read_bytes()[:2] == b"PK"  # a zip, with nothing appended
    assert load_workbook(out).sheetnames


def test_east_asian_characters_count_twice() -> None:
    assert text_width("学前") == 4
    assert text_width("ab") == 2
    assert text_width("（A）") == 5
