"""The small workbook reader gives exactly what the openpyxl path gives, or declines.

:mod:`gl_plan.data.xlsxlite` reads plain workbooks without importing openpyxl; it must give
the same cells as ``read._sheet_rows`` over openpyxl, and leave to openpyxl whatever it
cannot be sure of. Workbooks are generated with openpyxl (as WPS and Excel files are
common, some are written by hand as XML) and read both ways.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gl_plan.data import xlsxlite
from gl_plan.data.read import _sheet_rows, read_indicators
from gl_plan.plan.load import load_plan

ROOT = Path(__file__).resolve().parents[2]


def via_openpyxl(path: Path) -> list[tuple[str, list[tuple[int, list[object]]]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            out = []
            for ws in book.worksheets:
                ws.reset_dimensions()
                out.append((str(ws.title), list(_sheet_rows(ws))))
            return out
        finally:
            book.close()


def same_both_ways(path: Path) -> list[tuple[str, list[tuple[int, list[object]]]]]:
    lite = xlsxlite.read_workbook(path)
    assert lite == via_openpyxl(path)
    return lite


# -- generated workbooks ---------------------------------------------------------------------

_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("秀峰区 %,"),
    max_size=12,
).filter(lambda s: not s.startswith("=") and "_x" not in s and "x005F_" not in s)
_number = st.integers(-(10**12), 10**12) | st.floats(
    allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12
)
#: (value, number format); formats the small reader knows, built-in and custom.
_cell = st.one_of(
    st.tuples(st.none(), st.just("General")),
    st.tuples(_text, st.sampled_from(["General", "@", "0.0%"])),
    st.tuples(st.booleans(), st.just("General")),
    st.tuples(
        _number,
        st.sampled_from(
            ["General", "0", "0.00", "#,##0", "0%", "0.00%", "0.0%", "0.0", "0.00E+00"]
        ),
    ),
    st.tuples(
        st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)).map(
            lambda d: d.replace(microsecond=0)
        ),
        st.sampled_from(["mm-dd-yy", "d-mmm-yy", "m/d/yy h:mm"]),
    ),
)
_row = st.lists(st.tuples(st.integers(1, 6), _cell), max_size=6)
_sheet = st.lists(st.tuples(st.integers(1, 4), _row), min_size=0, max_size=8)
_title = st.text(st.sampled_from("abcXYZ 阳朔县数据01"), min_size=1, max_size=10).filter(
    lambda s: s.strip() == s
)


def write_book(path: Path, sheets: list[tuple[str, list[tuple[int, list[Any]]]]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        ws = book.create_sheet(title)
        line = 0
        for skip, cells in rows:
            line += skip
            col = 0
            for gap, (value, fmt) in cells:
                col += gap
                cell = ws.cell(row=line, column=col, value=value)
                cell.number_format = fmt
    book.save(path)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheets=st.lists(st.tuples(_title, _sheet), min_size=1, max_size=3, unique_by=lambda s: s[0]))
def test_generated_workbooks_read_the_same_both_ways(tmp_path: Path, sheets: Any) -> None:
    path = tmp_path / "book.xlsx"
    write_book(path, sheets)
    same_both_ways(path)


def test_percent_date_and_gaps(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_book(
        path,
        [
            (
                "数据",
                [
                    (2, [(1, ("时期", "General")), (2, ("数值", "General"))]),
                    (1, [(1, ("2024Q3", "@")), (2, (0.985, "0.0%"))]),
                    (3, [(3, (datetime(2024, 9, 30), "mm-dd-yy")), (1, (True, "General"))]),
                ],
            )
        ],
    )
    [(title, rows)] = same_both_ways(path)
    assert title == "数据"
    assert rows[0] == (1, [])  # openpyxl's empty row for the gap
    assert rows[1] == (2, ["时期", "", "数值"])
    assert rows[2] == (3, ["2024Q3", "", "98.5%"])
    assert rows[5] == (6, ["", "", datetime(2024, 9, 30), "TRUE"])


# -- hand-written XML: what other programs write ------------------------------------------

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_STYLES = (
    f"<styleSheet {_NS}><numFmts><numFmt numFmtId='164' formatCode='0.0%'/>"
    "<numFmt numFmtId='165' formatCode='yyyy&quot;年&quot;m&quot;月&quot;'/></numFmts>"
    "<cellXfs><xf numFmtId='0'/><xf numFmtId='164'/><xf numFmtId='165'/><xf numFmtId='14'/>"
    "<xf numFmtId='31'/></cellXfs></styleSheet>"
)


def handmade(
    path: Path,
    sheet_xml: str,
    strings: str | None = None,
    workbook_pr: str = "",
    styles: str = _STYLES,
    prolog: str = "",
) -> Path:
    """A minimal workbook as another program might write it: one sheet, given as XML."""
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/>'
        + (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            if strings is not None
            else ""
        )
        + "</Types>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    book = (
        f"<workbook {_NS} {_R}>{workbook_pr}<sheets>"
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    book_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
        + (
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            if strings is not None
            else ""
        )
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", book)
        z.writestr("xl/_rels/workbook.xml.rels", book_rels)
        z.writestr("xl/styles.xml", styles)
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f"{prolog}<worksheet {_NS}><sheetData>{sheet_xml}</sheetData></worksheet>",
        )
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", f"<sst {_NS}>{strings}</sst>")
    return path


def rewritten(path: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the workbook at ``path`` with one part changed."""
    out = path.with_name(f"changed-{path.name}")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, change(body) if info.filename == part else body)
    return out


def test_cells_as_other_programs_write_them(tmp_path: Path) -> None:
    """Inline and rich-text strings with phonetic runs, rows and cells without references,
    formula results, error values, empty values: read as openpyxl reads them."""
    strings = (
        "<si><t>地区</t></si>"
        "<si><r><t>阳朔</t></r><r><rPr><b/></rPr><t>县</t></r>"
        "<rPh sb='0' eb='1'><t>x</t></rPh></si>"
        "<si><t xml:space='preserve'> 98.5 </t></si>"
        "<si><t/></si>"
    )
    sheet = (
        "<row><c t='s'><v>0</v></c><c t='inlineStr'><is><t>数值</t></is></c></row>"
        "<row r='3'><c r='A3' t='s'><v>1</v></c><c r='C3' t='s'><v>2</v></c>"
        "<c r='D3' t='str'><f>A1</f><v>地区</v></c></row>"
        "<row><c t='e'><v>#DIV/0!</v></c><c><v></v></c><c t='b'><v>0</v></c><c t='s'><v>3</v></c>"
        "<c s='1'><v>0.5</v></c><c s='3'><v>45565</v></c><c s='3'><v>0.25</v></c>"
        "<c t='inlineStr'/><c><v>1E3</v></c><c><v>7</v></c></row>"
        "<row r='6'/>"
    )
    rows = same_both_ways(handmade(tmp_path / "h.xlsx", sheet, strings))[0][1]
    assert rows[0] == (1, ["地区", "数值"])
    assert rows[2] == (3, ["阳朔县", "", " 98.5 ", "地区"])
    assert rows[3][1][:5] == ["#DIV/0!", "", "FALSE", "", "50.0%"]
    assert rows[5] == (6, [])


@pytest.mark.parametrize(
    ("why", "sheet", "strings", "workbook_pr"),
    [
        ("custom date format", "<row><c s='2'><v>45565</v></c></row>", None, ""),
        ("locale built-in format", "<row><c s='4'><v>45565</v></c></row>", None, ""),
        ("1904 calendar", "<row><c><v>1</v></c></row>", None, "<workbookPr date1904='1'/>"),
        (
            "escaped string",
            "<row><c t='s'><v>0</v></c></row>",
            "<si><t>a_x005F_x000D_</t></si>",
            "",
        ),
        ("rows out of order", "<row r='2'><c><v>1</v></c></row><row r='1'/>", None, ""),
        ("cells out of order", "<row><c r='B1'><v>1</v></c><c r='A1'><v>2</v></c></row>", None, ""),
        ("ISO date cell", "<row><c t='d'><v>2024-09-30</v></c></row>", None, ""),
        ("style past the table", "<row><c s='9'><v>1</v></c></row>", None, ""),
        ("not a number", "<row><c><v>1,5</v></c></row>", None, ""),
        # What an adversarial review found openpyxl reads its own way:
        (
            "1904 spelled False",
            "<row><c><v>1</v></c></row>",
            None,
            "<workbookPr date1904='False'/>",
        ),
        (
            "two texts in an item",
            "<row><c t='s'><v>0</v></c></row>",
            "<si><t>a</t><t>b</t></si>",
            "",
        ),
        (
            "two texts in a run",
            "<row><c t='s'><v>0</v></c></row>",
            "<si><r><t>a</t><t>b</t></r></si>",
            "",
        ),
        (
            "text of no namespace",
            "<row><c t='s'><v>0</v></c></row>",
            "<si><t xmlns=''>a</t></si>",
            "",
        ),
        ("negative style", "<row><c s='-1'><v>45000</v></c></row>", None, ""),
        ("empty style", "<row><c s=''><v>45000</v></c></row>", None, ""),
    ],
)
def test_declines_what_it_cannot_be_sure_of(
    tmp_path: Path, why: str, sheet: str, strings: str | None, workbook_pr: str
) -> None:
    path = handmade(tmp_path / "h.xlsx", sheet, strings, workbook_pr)
    with pytest.raises(xlsxlite.Unsupported):
        xlsxlite.read_workbook(path)


# Usual spellings several times over, odd ones once: most examples are then read (and
# compared) rather than declined.
_raw_value = st.sampled_from(
    ["0", "1", "2", "45565", "0.985", "98.5", "1E5"] * 4
    + ["-0", " 1", "1.", "+1", ".5", "1e5", "0.81259421875", "59.5", "nan", "inf", "1,5", "x", ""]
)
_raw_cell = st.builds(
    lambda ref, kind, style, value, inline: (
        "<c"
        + (f" r='{ref}'" if ref else "")
        + (f" t='{kind}'" if kind else "")
        + (f" s='{style}'" if style is not None else "")
        + ">"
        + (f"<v>{value}</v>" if value is not None else "")
        + (f"<is><t>{inline}</t></is>" if inline is not None else "")
        + "</c>"
    ),
    st.sampled_from([None] * 12 + ["C7", "AA1", "a1", "$B$1", "B"]),
    st.sampled_from([None, "n", "s", "b", "str", "e", "inlineStr"] * 3 + ["d", "x"]),
    st.sampled_from([None, "0", "1", "3"] * 4 + ["2", "4", "9", "-1", "", "x"]),
    st.one_of(st.none(), _raw_value),
    st.one_of(st.none(), st.sampled_from(["a", "", " b "])),
)
#: A row: how it is numbered (None: no ``r``; a number: that many past the last row; text:
#: as written) and its cells.
_raw_row = st.tuples(
    st.sampled_from([None] * 6 + [1, 2, 3] + ["0", "x"]), st.lists(_raw_cell, max_size=3)
)


def raw_rows(rows: list[tuple[int | str | None, list[str]]]) -> str:
    xml, number = [], 0
    for r, cells in rows:
        if isinstance(r, int):
            number += r
            r = str(number)
        else:
            number += 1
        xml.append((f"<row r='{r}'>" if r is not None else "<row>") + "".join(cells) + "</row>")
    return "".join(xml)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_raw_row, max_size=4))
def test_odd_cells_are_read_as_openpyxl_reads_them_or_declined(
    tmp_path: Path, rows: list[tuple[int | str | None, list[str]]]
) -> None:
    """Cells as any program might write them, odd ones included: whenever the small reader
    returns cells, they are openpyxl's (where openpyxl itself fails, the file goes to it and
    fails there with its own message)."""
    strings = "<si><t>地区</t></si><si><r><t>a</t></r><r><t>b</t></r></si><si><t/></si>"
    path = handmade(tmp_path / "odd.xlsx", raw_rows(rows), strings)
    try:
        lite = xlsxlite.read_workbook(path)
    except xlsxlite.Unsupported:
        return
    try:
        reference = via_openpyxl(path)
    except Exception:
        return
    assert lite == reference


def test_styles_given_twice_are_declined(tmp_path: Path) -> None:
    styles = _STYLES.replace("</styleSheet>", "<cellXfs><xf numFmtId='0'/></cellXfs></styleSheet>")
    path = handmade(tmp_path / "h.xlsx", "<row><c s='3'><v>45000</v></c></row>", styles=styles)
    with pytest.raises(xlsxlite.Unsupported, match="more than once"):
        xlsxlite.read_workbook(path)


def test_a_workbook_in_another_namespace_is_declined(tmp_path: Path) -> None:
    """Lite finds no sheets in a workbook part of no (or the Strict) namespace; openpyxl
    reads it, so the small reader must decline rather than say the workbook is empty."""
    moved = rewritten(
        handmade(tmp_path / "h.xlsx", "<row><c><v>1</v></c></row>"),
        "xl/workbook.xml",
        lambda xml: xml.replace(
            b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ', b""
        ),
    )
    with pytest.raises(xlsxlite.Unsupported, match="namespace"):
        xlsxlite.read_workbook(moved)
    assert via_openpyxl(moved)[0][1] == [(1, [1])]


def test_half_milliseconds_round_as_openpyxl_rounds_them(tmp_path: Path) -> None:
    sheet = "".join(
        f"<row><c s='3'><v>{v}</v></c></row>" for v in ("0.81259421875", "1.5", "59.999", "0")
    )
    same_both_ways(handmade(tmp_path / "h.xlsx", sheet))


def test_only_the_sheet_list_names_sheets(tmp_path: Path) -> None:
    """A ``sheet`` element elsewhere (an extension) is not a worksheet."""
    moved = rewritten(
        handmade(tmp_path / "h.xlsx", "<row><c><v>1</v></c></row>"),
        "xl/workbook.xml",
        lambda xml: xml.replace(
            b"</workbook>", b'<extLst><sheet name="Z" r:id="rId1"/></extLst></workbook>'
        ),
    )
    assert [title for title, _ in xlsxlite.read_workbook(moved)] == ["Sheet1"]


def test_declined_workbooks_are_read_by_openpyxl(tmp_path: Path) -> None:
    """A workbook on the 1904 calendar: the small reader declines, openpyxl reads it, and
    the file's figures arrive all the same (a percentage shown as Excel shows it)."""
    plan = load_plan(ROOT / "data" / "plan.yaml")
    strings = "<si><t>地区</t></si><si><t>时期</t></si><si><t>指标</t></si><si><t>数值</t></si>"
    strings += "<si><t>阳朔县</t></si><si><t>学前教育三年毛入园率</t></si><si><t>2024Q3</t></si>"
    sheet = (
        "<row><c t='s'><v>0</v></c><c t='s'><v>1</v></c><c t='s'><v>2</v></c>"
        "<c t='s'><v>3</v></c></row>"
        "<row><c t='s'><v>4</v></c><c t='s'><v>6</v></c><c t='s'><v>5</v></c>"
        "<c s='1'><v>0.985</v></c></row>"
    )
    path = handmade(tmp_path / "阳朔县.xlsx", sheet, strings, "<workbookPr date1904='1'/>")
    with pytest.raises(xlsxlite.Unsupported, match="1904"):
        xlsxlite.read_workbook(path)
    result = read_indicators([path], plan, as_of=date(2026, 11, 28))
    assert not result.errors
    [obs] = list(result.observations)
    assert (obs.region, str(obs.period), obs.value) == ("450321", "2024Q3", 98.5)


def test_large_workbooks_are_left_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "book.xlsx"
    write_book(path, [("S", [(1, [(1, (n, "General"))]) for n in range(200)])])
    same_both_ways(path)
    monkeypatch.setattr(xlsxlite, "LITE_MAX_BYTES", 1000)
    with pytest.raises(xlsxlite.Unsupported, match="large"):
        xlsxlite.read_workbook(path)


def test_a_gap_of_many_rows_is_left_to_openpyxl(tmp_path: Path) -> None:
    """Row numbers are cheap to write and costly to fill in: past the cell budget the small
    reader stops (openpyxl streams the rows, and the row limit applies to them)."""
    sheet = "<row r='1'><c><v>1</v></c></row><row r='3000000'><c><v>2</v></c></row>"
    with pytest.raises(xlsxlite.Unsupported, match="many cells"):
        xlsxlite.read_workbook(handmade(tmp_path / "h.xlsx", sheet))


def test_entity_bombs_are_declined_and_reported(tmp_path: Path) -> None:
    """A sheet whose entities expand a billion-fold: the XML parser refuses it (expat's
    amplification limit) at once, and the file is reported as unreadable."""
    entities = '<!ENTITY e0 "0123456789">' + "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)
    )
    path = handmade(
        tmp_path / "bomb.xlsx",
        "<row><c t='inlineStr'><is><t>&e9;</t></is></c></row>",
        prolog=f"<!DOCTYPE worksheet [{entities}]>",
    )
    with pytest.raises(xlsxlite.Unsupported, match="amplification"):
        xlsxlite.read_workbook(path)
    plan = load_plan(ROOT / "data" / "plan.yaml")
    result = read_indicators([path], plan, as_of=date(2026, 11, 28))
    assert [p.code for p in result.errors] == ["io-error"]
    assert not list(result.observations)


def test_damaged_workbooks_are_declined(tmp_path: Path) -> None:
    broken = rewritten(
        handmade(tmp_path / "h.xlsx", "<row><c><v>1</v></c></row>"),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml[: len(xml) // 2],  # XML cut off
    )
    with pytest.raises(xlsxlite.Unsupported):
        xlsxlite.read_workbook(broken)


def test_the_sample_workbook_is_read_without_openpyxl() -> None:
    """Import only what a command needs: reading the bundled county workbook does not load
    openpyxl (about a tenth of a second)."""
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from gl_plan.data.read import read_indicators\n"
        "from gl_plan.plan.load import load_plan\n"
        "root = Path(sys.argv[1])\n"
        "plan = load_plan(root / 'data' / 'plan.yaml')\n"
        "books = sorted((root / 'data' / 'indicators').glob('*.xlsx'))\n"
        "assert books\n"
        "result = read_indicators(books, plan, as_of=date(2026, 11, 28))\n"
        "assert len(result.observations) > 50 and not result.errors\n"
        "print('openpyxl' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
