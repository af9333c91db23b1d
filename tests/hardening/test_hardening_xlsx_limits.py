"""Indicator files over the .xlsx and row limits of gl_plan.limits: refused whole, quickly, in
bounded memory, with a message naming the file and the limit.

Every hostile workbook is built here at test time (a 2 MB zip may expand to 440 MB). Limits
are lowered with monkeypatch where the full-size case would be slow to build or read; the
full-size bombs run in a child process, under a timeout (never a timed assertion), to
measure peak memory and CPU time.
"""

from __future__ import annotations

import io
import itertools
import json
import sys
import zipfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from hardening_support import AS_OF, GOOD_CSV, PLAN, run_glplan
from typer.testing import CliRunner, Result

from gl_plan import limits
from gl_plan.cli import app
from gl_plan.data import csvfile, xlsxguard
from gl_plan.data.csvfile import TooManyRows, limit_rows
from gl_plan.data.read import DataResult, NothingRead, read_indicators
from gl_plan.data.xlsxguard import check_workbook
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

runner = CliRunner()
MB = 1024 * 1024
DAY = date.fromisoformat(AS_OF)
INDICATOR = "preschool_gross_enrollment_rate"
SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
SHARED_STRINGS_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

#: Runs a command in a child and prints its exit code, stderr, peak memory (bytes) and CPU
#: time (seconds).
_MEASURE = """
import json, resource, subprocess, sys
run = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = usage.ru_maxrss
print(json.dumps({"rc": run.returncode, "stderr": run.stderr[-3000:],
                  "peak": peak if sys.platform == "darwin" else peak * 1024,
                  "cpu": usage.ru_utime + usage.ru_stime}))
"""


# --------------------------------------------------------------------------- building


def _workbook(rows: Iterable[list[object]] = (), sheets: int = 1) -> bytes:
    """A workbook made by openpyxl: the header and ``rows`` on each of ``sheets`` sheets."""
    import openpyxl

    book = openpyxl.Workbook()
    rows = list(rows)
    for i in range(sheets):
        sheet = book.active if i == 0 else book.create_sheet(f"S{i}")
        sheet.append(["region", "period", "indicator", "value"])
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _data_rows(n: int) -> list[list[object]]:
    # One value per quarter: no two rows are duplicates of each other.
    return [["450302", f"{2000 + i // 4}Q{i % 4 + 1}", INDICATOR, 90] for i in range(n)]


def _rebuild(
    source: bytes,
    path: Path,
    parts: dict[str, bytes | Iterable[bytes]],
    *,
    types: str = "",
    rels: str = "",
) -> Path:
    """``source`` with ``parts`` replaced or added (an iterable part is streamed), and
    ``types`` and ``rels`` added to the content types and the workbook's relationships."""
    original = zipfile.ZipFile(io.BytesIO(source))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            if info.filename in parts:
                continue
            data = original.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", types.encode() + b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            out.writestr(info, data)
        for name, content in parts.items():
            with out.open(name, "w") as fh:
                if isinstance(content, bytes):
                    fh.write(content)
                else:
                    for chunk in content:
                        fh.write(chunk)
    return path


def _shared_strings(n: int) -> Iterable[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}">'.encode()
    pad = b"<si><t>" + b"x" * 200 + b"</t></si>"
    for start in range(0, n, 10_000):
        yield pad * min(10_000, n - start)
    yield b"</sst>"


def _shared_strings_bomb(path: Path, n: int, part: str = "xl/sharedStrings.xml") -> Path:
    """The hardening helper's bomb: ``n`` strings of 200 characters, registered as the
    shared-string table (2,000,000 make a 2 MB zip that expands to 432 MB)."""
    return _rebuild(
        _workbook(_data_rows(1)),
        path,
        {part: _shared_strings(n)},
        types=f'<Override PartName="/{part}" ContentType="{SHARED_STRINGS_TYPE}"/>',
        rels=f'<Relationship Id="rId99" Type="{SHARED_STRINGS_REL}" Target="/{part}"/>',
    )


def _sheet(rows: Iterable[bytes]) -> Iterable[bytes]:
    """Worksheet XML: a header row, then ``rows`` (each a whole ``<row>`` element)."""
    cells = "".join(
        f'<c t="inlineStr"><is><t>{name}</t></is></c>'
        for name in ("region", "period", "indicator", "value")
    )
    yield f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">{cells}</row>'.encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def _row(line: int, period: str = "2022Q1") -> bytes:
    return (
        f'<row r="{line}"><c><v>450302</v></c><c t="inlineStr"><is><t>{period}</t></is></c>'
        f'<c t="inlineStr"><is><t>{INDICATOR}</t></is></c><c><v>90</v></c></row>'
    ).encode()


# --------------------------------------------------------------------------- running


def _validate(*paths: Path) -> Result:
    args = ["validate", str(PLAN), "--as-of", AS_OF, "--lang", "en"]
    for path in paths:
        args += ["--data", str(path)]
    return runner.invoke(app, args)


def _assert_refused(result: Result, file: Path, *fragments: str, exit_code: int = 2) -> str:
    """Exit 2 (the file was refused whole, so nothing at all was read; 1 when another file
    was read), no traceback, and a message naming the file and every fragment."""
    output = result.output + (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in output
    assert result.exit_code == exit_code, output
    lines = [line for line in output.splitlines() if file.name in line]
    assert any(all(f in line for f in fragments) for line in lines), output
    return output


def _measured(*args: str | Path) -> tuple[int, str, int, float]:
    """``glplan ARGS`` in a fresh process tree: exit code, stderr, peak memory in bytes and
    CPU seconds (the extra parent keeps RUSAGE_CHILDREN to this one command)."""
    run = run_glplan(*args, prefix=(sys.executable, "-c", _MEASURE), timeout=90)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    return int(data["rc"]), str(data["stderr"]), int(data["peak"]), float(data["cpu"])


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


# --------------------------------------------------------------------------- zip checks


def test_real_shared_strings_bomb_is_refused_in_little_memory(tmp_path: Path) -> None:
    bomb = _shared_strings_bomb(tmp_path / "ssbomb.xlsx", 2_000_000)
    assert bomb.stat().st_size < 3 * MB
    rc, stderr, peak, _ = _measured("validate", PLAN, "--data", bomb, "--as-of", "2026-01-01")
    assert rc == 2, stderr  # refused whole, and nothing else given
    assert "Traceback" not in stderr
    assert "ssbomb.xlsx" in stderr
    assert f"{limits.MAX_XLSX_SHARED_STRINGS_BYTES:,}" in stderr.replace("\n", "")
    assert peak < 300 * MB, f"peak memory {peak / MB:.0f} MB"


def test_shared_strings_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_SHARED_STRINGS_BYTES", MB)
    bomb = _shared_strings_bomb(tmp_path / "strings.xlsx", 10_000)  # 2.2 MB expanded
    _assert_refused(_validate(bomb), bomb, "shared-string table", f"{MB:,}")


def test_shared_strings_elsewhere_are_found_through_the_content_types(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table registered by its content type counts, whatever the part is called."""
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_SHARED_STRINGS_BYTES", MB)
    bomb = _shared_strings_bomb(tmp_path / "hidden.xlsx", 10_000, part="xl/worksheets/s.xml")
    _assert_refused(_validate(bomb), bomb, "xl/worksheets/s.xml", f"{MB:,}")


def test_shared_strings_within_the_limit_are_read(tmp_path: Path) -> None:
    book = _shared_strings_bomb(tmp_path / "450302_strings.xlsx", 100)
    result = _validate(book)
    assert result.exit_code == 0, result.output


def test_total_expanded_size_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_EXPANDED_BYTES", 2 * MB)
    bomb = _rebuild(
        _workbook(_data_rows(1)), tmp_path / "big.xlsx", {"xl/media/padding.bin": b"\0" * 3 * MB}
    )
    _assert_refused(_validate(bomb), bomb, "unzipped", f"{2 * MB:,}")


def test_part_read_whole_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_PART_BYTES", MB)
    padding = '<Override PartName="/xl/x.xml" ContentType="application/xml"/>' * 20_000
    bomb = _rebuild(_workbook(_data_rows(1)), tmp_path / "types.xlsx", {}, types=padding)
    _assert_refused(_validate(bomb), bomb, "[Content_Types].xml", f"{MB:,}")


def test_zip_directory_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_DIRECTORY_BYTES", 64 * 1024)
    many = {f"x/{i}": b"" for i in range(2_000)}
    bomb = _rebuild(_workbook(_data_rows(1)), tmp_path / "many.xlsx", dict(many))
    _assert_refused(_validate(bomb), bomb, "zip directory", f"{64 * 1024:,}")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        pytest.param(b"PK\x03\x04 not really a zip", "BadZipFile", id="not-a-zip"),
        pytest.param(None, "xl/workbook.xml", id="no-workbook-part"),
    ],
)
def test_not_a_workbook(tmp_path: Path, content: bytes | None, fragment: str) -> None:
    path = tmp_path / "broken.xlsx"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
    else:
        path.write_bytes(content)
    _assert_refused(_validate(path), path, "cannot open as an Excel workbook", fragment)
    refusal = check_workbook(path)
    assert refusal is not None
    assert refusal.code == "io-error"


def test_ordinary_workbook_passes_the_zip_checks(tmp_path: Path) -> None:
    path = tmp_path / "ok.xlsx"
    path.write_bytes(_workbook(_data_rows(3)))
    assert check_workbook(path) is None


# --------------------------------------------------------------------------- row limits


@pytest.mark.parametrize(
    ("row", "fragments"),
    [
        pytest.param(
            b"<row>"
            + b"".join(
                f'<c t="inlineStr"><is><t>{text}</t></is></c>'.encode()
                for text in ("450302", "2022Q1", INDICATOR)
            )
            + b"<c><v>90</v></c></row>",
            ("unzipped", f"{limits.MAX_XLSX_EXPANDED_BYTES:,}"),
            id="inline-strings",
        ),
        pytest.param(
            b"<row><c><v>1</v></c></row>",
            ("more than", f"{limits.MAX_XLSX_ROWS:,} rows"),
            id="compact",
        ),
    ],
)
def test_real_row_bomb_is_refused_before_it_is_parsed(
    tmp_path: Path, row: bytes, fragments: tuple[str, ...]
) -> None:
    """3,000,000 rows in a 2 MB zip: the hardening helper's (cells of inline strings)
    expands past the size limit; a compact one is refused by counting its rows in the zip,
    before any is parsed."""
    chunks = [row * 10_000] * 300
    bomb = _rebuild(
        _workbook(), tmp_path / "rows.xlsx", {"xl/worksheets/sheet1.xml": _sheet(chunks)}
    )
    assert bomb.stat().st_size < 3 * MB
    _assert_refused(_validate(bomb), bomb, *fragments)


def test_a_million_rows_within_the_byte_limits_are_refused_at_once(tmp_path: Path) -> None:
    """A 3 MB zip whose sheet inflates to 174 MB of 1,030,001 real rows, well within the
    byte limits, once took 111 s of CPU to read; it is refused after scanning the first
    rows past the row limit, in a fraction of a second."""

    def rows() -> Iterable[bytes]:
        for start in range(2, 1_030_002, 10_000):
            yield b"".join(_row(i) for i in range(start, min(start + 10_000, 1_030_002)))

    bomb = _rebuild(
        _workbook(), tmp_path / "million.xlsx", {"xl/worksheets/sheet1.xml": _sheet(rows())}
    )
    rc, stderr, peak, cpu = _measured("validate", PLAN, "--data", bomb, "--as-of", AS_OF)
    assert rc == 2, stderr  # refused whole, and nothing else given
    assert "million.xlsx" in stderr
    assert f"more than {limits.MAX_XLSX_ROWS:,} rows" in stderr.replace("\n", "")
    assert cpu < 20, f"{cpu:.1f} s of CPU"  # generous for a loaded machine; about 1 s alone
    assert peak < 300 * MB, f"peak memory {peak / MB:.0f} MB"


def test_a_cell_far_away_is_refused_before_the_grid_is_made(tmp_path: Path) -> None:
    """One cell in A1 and one in XFD1048576: a 5 KB workbook whose grid would be 17 billion
    cells (the spreadsheet library would abort the process asking for 512 GB)."""
    far = b'<row r="60000"><c r="XFD60000"><v>1</v></c></row>'
    path = _rebuild(_workbook(), tmp_path / "far.xlsx", {"xl/worksheets/sheet1.xml": _sheet([far])})
    _assert_refused(_validate(path), path, "cells", "16,384")
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = _rebuild(
        _workbook(), tmp_path / "farther.xlsx", {"xl/worksheets/sheet1.xml": _sheet([far])}
    )
    _assert_refused(_validate(path), path, f"more than {limits.MAX_XLSX_ROWS:,} rows")


def test_many_cells_in_one_row_are_refused(tmp_path: Path) -> None:
    """Cells without references follow one another: 3,000,000 of them in one row."""
    wide = b"<row>" + b"<c><v>1</v></c>" * 3_000_000 + b"</row>"
    path = _rebuild(
        _workbook(), tmp_path / "wide.xlsx", {"xl/worksheets/sheet1.xml": _sheet([wide])}
    )
    _assert_refused(_validate(path), path, f"{limits.MAX_XLSX_CELLS:,} cells")


def test_sheet_over_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_ROWS", 50)
    path = tmp_path / "450302_rows.xlsx"
    path.write_bytes(_workbook(_data_rows(50)))  # 51 rows with the header
    _assert_refused(_validate(path), path, "more than 50 rows")
    path.write_bytes(_workbook(_data_rows(49)))
    assert _validate(path).exit_code == 0  # 50 rows with the header: at the limit


def test_workbook_over_the_row_limit_across_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_ROWS", 50)
    path = tmp_path / "450302_sheets.xlsx"
    path.write_bytes(_workbook(_data_rows(20), sheets=3))  # 63 rows in all
    _assert_refused(_validate(path), path, "more than 50 rows")


def test_rows_of_a_gap_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan: Plan) -> None:
    """Two row elements, numbered 1 and 200: the sheet has 200 rows, and is refused before
    it is parsed; the good file beside it still counts."""
    monkeypatch.setattr(xlsxguard, "MAX_XLSX_ROWS", 50)
    path = _rebuild(
        _workbook(),
        tmp_path / "450302_gaps.xlsx",
        {"xl/worksheets/sheet1.xml": _sheet([_row(2), _row(200, "2022Q2")])},
    )
    good = tmp_path / GOOD_CSV.name
    good.write_bytes(GOOD_CSV.read_bytes())
    _assert_refused(_validate(path, good), path, "more than 50 rows", exit_code=1)
    result = read_indicators([path, good], plan, as_of=DAY)
    assert len(result.observations) > 0  # the good file still counts
    for obs in result.observations:
        assert obs.source is not None
        assert str(path) not in obs.source
    [info] = [f for f in result.files if f.path == str(path)]
    assert (info.shape, info.rows) == ("unreadable", 0)
    [problem] = result.errors
    assert (problem.file, problem.code) == (str(path), "too-many-rows")


def test_csv_over_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvfile, "MAX_INDICATOR_ROWS", 50)
    header = "region,period,indicator,value\n"
    path = tmp_path / "450302_long.csv"
    path.write_text(header + "".join(f"450302,{y}Q1,{INDICATOR},90\n" for y in range(1950, 2000)))
    output = _assert_refused(_validate(path), path, "more than 50 rows", "none of")
    assert f"{path.name}:51" in output
    path.write_text(header + "".join(f"450302,{y}Q1,{INDICATOR},90\n" for y in range(1951, 2000)))
    assert _validate(path).exit_code == 0  # 50 rows with the header: at the limit


def test_csv_rows_before_the_limit_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan: Plan
) -> None:
    monkeypatch.setattr(csvfile, "MAX_INDICATOR_ROWS", 50)
    path = tmp_path / "450302_long.csv"
    rows = "".join(f"450302,{y}Q1,{INDICATOR},90\n" for y in range(1950, 2000))
    path.write_text("region,period,indicator,value\n" + rows)
    with pytest.raises(NothingRead) as refused:
        read_indicators([path], plan, as_of=DAY)
    result = refused.value.result
    assert isinstance(result, DataResult)
    assert result.refused == [str(path)]
    assert len(result.observations) == 0
    assert [p.code for p in result.errors] == ["too-many-rows"]
    assert [(f.shape, f.rows) for f in result.files] == [("unreadable", 0)]


def test_row_limit_stops_an_endless_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit is checked as rows arrive: an endless source stops at the first row past it."""
    monkeypatch.setattr(csvfile, "MAX_INDICATOR_ROWS", 1_000)
    endless = ((line, ["x"]) for line in itertools.count(1))
    with pytest.raises(TooManyRows) as info:
        for _ in limit_rows(endless, "endless.csv"):
            pass
    assert info.value.problem.line == 1_001
