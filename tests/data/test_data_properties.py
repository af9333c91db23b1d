"""Property tests: whatever bytes or rows arrive, the readers report, never raise."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gl_plan.data.read import DataResult, NothingRead, read_indicators
from gl_plan.decoding import decode, iter_rows
from gl_plan.errors import Severity
from gl_plan.plan.models import Plan

AS_OF = date(2026, 11, 28)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

HEADERS = [
    "region",
    "period",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "note",
    "地区",
    "时期",
    "指标",
    "数值",
    "分子",
    "分母",
    "preschool_gross_enrollment_rate",
    "",
    "x",
]
CELLS = st.one_of(
    st.sampled_from(
        [
            "450321",
            "阳朔",
            "荔浦县",
            "2024Q3",
            "2024年第三季度",
            "2027",
            "98.5",
            "98.5%",
            "1,234",
            "９８",
            "-1",
            "0",
            "",
            " ",
            "nan",
            "preschool_gross_enrollment_rate",
            "学前教育三年毛入园率",
            '"',
            "\n",
            "\r",
            "\x00",
            "；",
            "，",
        ]
    ),
    st.text(max_size=12),
)


def _check(result_issues: list, observations: object) -> None:  # type: ignore[type-arg]
    for problem in result_issues:
        assert problem.severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        assert problem.text()


def _read(path: Path, plan: Plan) -> DataResult:
    """The result, also when the file is refused whole (then it must be an error naming
    it, exit 2)."""
    try:
        return read_indicators([path], plan, as_of=AS_OF)
    except NothingRead as exc:
        assert exc.exit_code == 2
        assert exc.problems[-1].code == "nothing-read"
        assert exc.result is not None
        assert exc.result.refused == [str(path)]
        return exc.result


@SETTINGS
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_arbitrary_bytes_never_raise(data_plan: Plan, raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(raw)
        result = _read(path, data_plan)
        _check(result.issues, result.observations)
        assert len(result.files) >= 1


@SETTINGS
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    rows=st.lists(st.lists(CELLS, max_size=9), max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_arbitrary_rows_never_raise(
    data_plan: Plan, header: list[str], rows: list[list[str]], encoding: str
) -> None:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    try:
        raw = buf.getvalue().encode(encoding)
    except UnicodeEncodeError:
        raw = buf.getvalue().encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "450321_阳朔县.csv"
        path.write_bytes(raw)
        result = _read(path, data_plan)
    _check(result.issues, result.observations)
    # Every accepted observation is plausible and dated on or before the as-of date.
    for obs in result.observations:
        assert obs.period.end <= AS_OF
        assert 0 <= obs.value <= 200


@SETTINGS
@given(
    rows=st.lists(st.lists(st.one_of(CELLS, st.integers(), st.floats()), max_size=6), max_size=8)
)
def test_arbitrary_xlsx_rows_never_raise(data_plan: Plan, rows: list[list[object]]) -> None:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "阳朔县"
    sheet.append(["period", "indicator", "value", "numerator", "denominator"])
    for row in rows:
        # openpyxl refuses control characters in cells; Excel cannot hold them either.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.xlsx"
        try:
            book.save(path)
        except Exception:  # openpyxl's own limits are not what is tested
            return
        result = _read(path, data_plan)
    _check(result.issues, result.observations)


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=1000))
def test_decode_and_split_never_raise(raw: bytes) -> None:
    decoded = decode(raw, "f.csv")
    try:
        rows = list(iter_rows(decoded.text))
    except csv.Error:
        return  # a field over the limit; the reader reports it
    assert all(line >= 1 for line, _ in rows)
