""".ods and .xls workbooks whose sheets would be laid out as huge grids: refused before the
spreadsheet library opens them (it lays out every sheet of an .ods or .xls as it opens the
file), in about a second and little memory.

The bombs are built here: an .ods as raw zip and XML (its repeat attributes make 845 bytes
declare 99 million cells), an .xls with xlwt (a cell in A1 and one in IV65536 on each of
20 sheets), some of them patched byte for byte. The full-size bombs run in a child process
whose address space is capped, so that a guard that lets one through fails the test
instead of taking the machine's memory.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

import pytest
import xlwt
from hardening_support import AS_OF, PLAN, run_glplan
from typer.testing import CliRunner, Result

from gl_plan import limits
from gl_plan.cli import app

runner = CliRunner()
MB = 1024 * 1024
INDICATOR = "preschool_gross_enrollment_rate"

#: Runs a command in a grandchild capped at 2 GB of address space and prints its exit code,
#: stderr, peak memory (bytes) and wall time (seconds).
_MEASURE = """
import json, resource, subprocess, sys, time
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
start = time.monotonic()
run = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60, preexec_fn=cap)
wall = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": run.returncode, "stderr": run.stderr[-3000:],
                  "peak": peak if sys.platform == "darwin" else peak * 1024, "wall": wall}))
"""

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'
)


# --------------------------------------------------------------------------- building


def _text(value: str) -> str:
    cell = '<table:table-cell office:value-type="string">'
    return f"{cell}<text:p>{value}</text:p></table:table-cell>"


def _number(value: float, repeat: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}"{times}>'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def _empty(repeat: int) -> str:
    return f'<table:table-cell table:number-columns-repeated="{repeat}"/>'


def _row(cells: str, repeat: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{times}>{cells}</table:table-row>"


def _data_table(name: str = "Sheet1") -> str:
    """A county's table: a header and one value."""
    header = "".join(_text(t) for t in ("region", "period", "indicator", "value"))
    values = _text("450302") + _text("2024Q1") + _text(INDICATOR) + _number(95.5)
    return f'<table:table table:name="{name}">{_row(header)}{_row(values)}</table:table>'


def _corner_table(name: str, rows: int, columns: int) -> str:
    """A header cell in A1 and a number in the last cell of ``rows`` x ``columns``: the
    rows between are one element repeated, the cells before the number one element too."""
    middle = _row(_empty(1), rows - 2)
    last = _row(_empty(columns - 1) + _number(1))
    return f'<table:table table:name="{name}">{_row(_text("region"))}{middle}{last}</table:table>'


def _ods(path: Path, *tables: str) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet>'
        + "".join(tables)
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
    return path


def _xls_bytes(sheets: int = 1, corner: tuple[int, int] | None = None) -> bytes:
    """A county's table on each of ``sheets`` sheets, and a number at ``corner``."""
    book = xlwt.Workbook()
    for s in range(sheets):
        sheet = book.add_sheet(f"S{s}")
        for c, name in enumerate(("region", "period", "indicator", "value")):
            sheet.write(0, c, name)
        for c, value in enumerate(("450302", "2024Q1", INDICATOR, 95.5)):
            sheet.write(1, c, value)
        if corner is not None:
            sheet.write(*corner, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _dimensions(data: bytes, rows: int, columns: int) -> bytes:
    """``data`` with every sheet's DIMENSIONS record (BIFF8: rows as 32 bits) declaring
    ``rows`` x ``columns`` from A1, whatever its cells; the file's length is unchanged."""
    head = struct.pack("<HH", 0x0200, 14)
    out = bytearray(data)
    at = out.find(head)
    assert at >= 0
    while at >= 0:
        out[at + 4 : at + 18] = struct.pack("<IIHHH", 0, rows, 0, columns, 0)
        at = out.find(head, at + 18)
    return bytes(out)


# --------------------------------------------------------------------------- running


def _validate(path: Path) -> Result:
    return runner.invoke(
        app, ["validate", str(PLAN), "--as-of", AS_OF, "--lang", "en", "--data", str(path)]
    )


def _assert_refused(result: Result, file: Path, *fragments: str) -> None:
    output = result.output + (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in output
    assert result.exit_code == 2, output
    lines = [" ".join(output.split())]
    assert file.name in lines[0], output
    assert all(f in lines[0] for f in fragments), output


def _measured(path: Path) -> tuple[int, str, int, float]:
    """``glplan data --data PATH`` in a fresh, capped process: exit code, stderr, peak
    memory in bytes and wall seconds."""
    run = run_glplan(
        "data", "--data", path, "--plan", PLAN, "--as-of", AS_OF, "--format", "json",
        prefix=(sys.executable, "-c", _MEASURE),
        timeout=90,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    return int(data["rc"]), str(data["stderr"]), int(data["peak"]), float(data["wall"])


def _assert_bomb_refused(path: Path, *fragments: str) -> None:
    rc, stderr, peak, wall = _measured(path)
    flat = " ".join(stderr.split())
    assert "Traceback" not in stderr, stderr
    assert rc == 2, stderr
    assert path.name in flat, stderr
    assert all(f in flat for f in fragments), stderr
    assert peak < 200 * MB, f"peak memory {peak / MB:.0f} MB"
    assert wall < 10, f"{wall:.1f} s"  # a hang guard only: about a second alone


# --------------------------------------------------------------------------- .ods


def test_ods_declaring_99_million_cells_is_refused_at_once(tmp_path: Path) -> None:
    bomb = _ods(tmp_path / "bomb.ods", _corner_table("S0", 99_000, 1_000))
    assert bomb.stat().st_size < 1_000
    _assert_bomb_refused(bomb, "'S0'", "99,000", "1,000", f"{limits.MAX_XLSX_CELLS:,}")


def test_ods_with_four_bomb_sheets_is_refused_at_the_first(tmp_path: Path) -> None:
    tables = [_corner_table(f"S{i}", 99_000, 1_000) for i in range(4)]
    _assert_bomb_refused(_ods(tmp_path / "bomb4.ods", *tables), "'S0'")


def test_ods_sheets_over_the_cell_limit_together_are_refused(tmp_path: Path) -> None:
    """Each sheet within the limit, all of them past it: the library holds every sheet of an
    .ods at once."""
    tables = [_corner_table(f"S{i}", 1_000, 800) for i in range(3)]
    path = _ods(tmp_path / "together.ods", *tables)
    _assert_refused(_validate(path), path, "together", f"{limits.MAX_XLSX_CELLS:,}", "'S2'")


def test_ods_row_repeated_past_the_row_limit_is_refused(tmp_path: Path) -> None:
    table = f'<table:table table:name="S">{_row(_number(1), 200_000)}</table:table>'
    path = _ods(tmp_path / "rows.ods", table)
    _assert_refused(_validate(path), path, f"more than {limits.MAX_XLSX_ROWS:,} rows", "'S'")


def test_ods_cell_repeated_along_a_row_is_refused(tmp_path: Path) -> None:
    """A value repeated ten million times in one row: the library copies it that often."""
    table = f'<table:table table:name="S">{_row(_number(1, 10_000_000))}</table:table>'
    path = _ods(tmp_path / "wide.ods", table)
    _assert_refused(_validate(path), path, "10,000,000", f"{limits.MAX_XLSX_CELLS:,}")


def test_ods_with_empty_repeats_to_the_sheet_end_is_read(tmp_path: Path) -> None:
    """LibreOffice writes the empty rest of a sheet as repeated empty rows and cells (a
    million rows of 16,384 cells): nothing the library lays out, so nothing refused."""
    table = _data_table().replace(
        "</table:table>", _row(_empty(16_384), 1_048_574) + "</table:table>"
    )
    path = _ods(tmp_path / "450302_秀峰区.ods", table)
    result = runner.invoke(
        app,
        ["data", "--plan", str(PLAN), "--data", str(path), "--as-of", AS_OF, "-f", "json"],
    )
    assert result.exit_code == 0, result.output
    observations = json.loads(result.stdout)["observations"]
    assert [o["value"] for o in observations] == [95.5]


def test_ods_that_is_not_xml_is_refused_cleanly(tmp_path: Path) -> None:
    path = _ods(tmp_path / "broken.ods", "<table:table table:name='S'><table:table-row>")
    _assert_refused(_validate(path), path, "cannot open")


# --------------------------------------------------------------------------- .xls


def test_xls_with_corner_cells_on_20_sheets_is_refused_at_once(tmp_path: Path) -> None:
    bomb = tmp_path / "corners.xls"
    bomb.write_bytes(_xls_bytes(20, corner=(65_535, 255)))
    assert bomb.stat().st_size < 20_000
    _assert_bomb_refused(bomb, "'S0'", "65,536", "256", f"{limits.MAX_XLSX_CELLS:,}")


def test_xls_whose_dimensions_hide_its_cells_is_refused(tmp_path: Path) -> None:
    """The declared DIMENSIONS say 2 x 4; the cells say otherwise, and the library lays out
    the cells."""
    path = tmp_path / "liar.xls"
    path.write_bytes(_dimensions(_xls_bytes(1, corner=(9_999, 250)), 2, 4))
    _assert_refused(_validate(path), path, "'S0'", "10,000", "251")


def test_xls_declaring_a_huge_grid_is_refused(tmp_path: Path) -> None:
    """Two cells, and DIMENSIONS declaring 4 billion rows: the library reserves room for
    the declared grid before it reads a cell."""
    path = tmp_path / "declared.xls"
    path.write_bytes(_dimensions(_xls_bytes(1), 4_000_000_000, 256))
    _assert_refused(_validate(path), path, "'S0'", f"more than {limits.MAX_XLSX_ROWS:,} rows")


def test_xls_sheets_past_the_row_limit_together_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "rows.xls"
    path.write_bytes(_xls_bytes(3, corner=(39_999, 3)))
    _assert_refused(_validate(path), path, f"more than {limits.MAX_XLSX_ROWS:,} rows", "'S2'")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
        pytest.param(lambda b: b[:512], id="header-only"),
        pytest.param(lambda b: b[:48] + b"\xff\xff\xff\x7f" + b[52:], id="bad-directory"),
        pytest.param(lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, id="zeros"),
    ],
)
def test_damaged_xls_is_refused_cleanly(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "damaged.xls"
    assert callable(damage)
    path.write_bytes(damage(_xls_bytes(2)))
    _assert_refused(_validate(path), path, "cannot")


def test_ordinary_xls_with_many_sheets_is_read(tmp_path: Path) -> None:
    path = tmp_path / "450302_秀峰区.xls"
    path.write_bytes(_xls_bytes(5))
    result = runner.invoke(
        app,
        ["data", "--plan", str(PLAN), "--data", str(path), "--as-of", AS_OF, "-f", "json"],
    )
    assert result.exit_code in (0, 1), result.output
    observations = json.loads(result.stdout)["observations"]
    assert [o["value"] for o in observations] == [95.5]
