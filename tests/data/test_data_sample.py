"""The bundled sample in data/indicators reads cleanly against data/plan.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.data.read import read_indicators
from gl_plan.plan.load import load_plan

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "indicators"
PLAN = ROOT / "data" / "plan.yaml"
AS_OF = date(2026, 11, 28)

pytestmark = pytest.mark.skipif(not PLAN.is_file(), reason="data/plan.yaml not present")


def test_sample_has_no_errors_and_the_expected_warnings() -> None:
    result = read_indicators([SAMPLE], load_plan(PLAN), as_of=AS_OF)
    assert result.errors == []
    assert sorted((Path(p.file or "").name, p.code) for p in result.warnings) == [
        ("450324_全州县.csv", "incomplete-reporting"),
    ]
    # The GBK county file is read cleanly: a note, not a warning.
    notes = {(Path(p.file or "").name, p.code) for p in result.issues if p.severity.value == "info"}
    assert ("450323_灵川县.csv", "encoding") in notes
    assert len(result.files) == 17
    assert {f.shape for f in result.files} == {"long", "wide"}
    regions = {r.code for r in load_plan(PLAN).leaves()}
    assert result.observations.regions() == regions
    assert str(result.observations.latest_period()) == "2026Q3"


def test_sample_is_synthetic_and_says_so() -> None:
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    assert "synthetic" in readme.lower()
    assert "not official statistics" in readme


def test_validate_sample_exits_0() -> None:
    result = CliRunner().invoke(
        app, ["validate", str(PLAN), "--data", str(SAMPLE), "--as-of", "2026-11-28"]
    )
    assert result.exit_code == 0, result.stderr
    assert "0 errors" in result.stdout
