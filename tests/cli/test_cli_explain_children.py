"""``glplan explain`` for the city lists every county figure summed into it: the summed
children's numerators and denominators add up to the city's, and each child's file and
line hold that child's figure (on the bundled data, as of 2026-11-28)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
import python_calamine
from typer.testing import CliRunner

from gl_plan.assess.explain import CHILD_KEYS
from gl_plan.cli import app
from gl_plan.plan.load import load_plan

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
FILES = [
    "--plan", str(DATA / "plan.yaml"),
    "--data", str(DATA / "indicators"),
    "--progress", str(DATA / "progress.csv"),
    "--as-of", "2026-11-28",
]  # fmt: skip
CITY = "450300"
INDICATORS = [
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "senior_secondary_gross_enrollment_rate",
]
ORIGINS = {"rate", "counts", "total_row", "sum_of_rows", "prior_year_column"}

runner = CliRunner()


def _explain(region: str, indicator: str) -> dict[str, Any]:
    result = runner.invoke(app, ["explain", region, indicator, *FILES, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _row_cells(source: str, line: int) -> list[str]:
    """The cells of line ``line`` of the file (``file[sheet]``: that sheet's row), as
    text: whole numbers without a decimal point."""
    found = re.fullmatch(r"(.+)\[(.+)\]", source)
    path, sheet = (Path(found[1]), found[2]) if found else (Path(source), None)
    if sheet is None:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")  # 灵川县's file, as Excel on Chinese Windows saves it
        return next(csv.reader([text.splitlines()[line - 1]]))
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return [_text(c) for c in rows[line - 1]]


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _number_texts(cells: list[str]) -> set[float]:
    out: set[float] = set()
    for cell in cells:
        try:
            out.add(float(cell.replace(",", "").rstrip("%")))
        except ValueError:
            continue
    return out


@pytest.mark.parametrize("indicator", INDICATORS)
def test_the_citys_children_add_up_to_its_figure(indicator: str) -> None:
    exp = _explain(CITY, indicator)
    city = exp["points"][-1]
    assert city["period"] == exp["period"]
    children = exp["children"]
    plan = load_plan(DATA / "plan.yaml")
    assert {c["region"] for c in children} <= set(plan.region_tree.children(CITY))
    assert len(children) >= 10  # the bundled quarter has most counties' files
    summed = [c for c in children if c["summed"]]
    assert summed, "no child was summed"
    for child in children:
        assert list(child) == list(CHILD_KEYS)
        assert child["period"] == exp["period"]
        assert child["origin"] in ORIGINS
        # Summed exactly when it has both counts: a rate alone cannot be added up.
        assert child["summed"] == (
            child["numerator"] is not None and child["denominator"] is not None
        )
    assert sum(c["numerator"] for c in summed) == pytest.approx(city["numerator"], abs=1e-6)
    assert sum(c["denominator"] for c in summed) == pytest.approx(city["denominator"], abs=1e-6)
    assert city["value"] == pytest.approx(
        100 * sum(c["numerator"] for c in summed) / sum(c["denominator"] for c in summed)
    )


@pytest.mark.parametrize("indicator", INDICATORS)
def test_each_childs_file_and_line_hold_its_figure(indicator: str) -> None:
    for child in _explain(CITY, indicator)["children"]:
        assert child["source"] is not None, child
        assert child["line"] is not None, child
        numbers = _number_texts(_row_cells(child["source"], child["line"]))
        where = f"{child['source']}:{child['line']}"
        if child["summed"]:
            assert child["numerator"] in numbers, where
            assert child["denominator"] in numbers, where
        else:
            assert round(child["value"], 2) in {round(n, 2) for n in numbers}, where


def test_a_county_lists_no_children() -> None:
    assert _explain("450325", INDICATORS[0])["children"] == []
