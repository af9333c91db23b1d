"""The example plan of docs/writing-a-plan.md validates and checks, as the guide says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gl_plan.cli import app

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "small-plan"


def test_the_example_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    result = CliRunner().invoke(
        app, ["validate", "data/plan.yaml", "--data", "data/indicators/", "--as-of", "2025-03-31"]
    )
    assert result.exit_code == 0, result.output


def test_the_example_checks_with_its_ratio_lower_is_better(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(EXAMPLE)
    result = CliRunner().invoke(app, ["check", "--as-of", "2025-03-31", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["indicators"]
    city = {r["indicator"]: r for r in rows if r["region"] == "DEMO"}
    # 2024: (18600 + 9100) / (1050 + 490) pupils per teacher, above the target of 17.
    assert city["pupil_teacher_ratio"]["value"] == pytest.approx(27700 / 1540)
    assert city["pupil_teacher_ratio"]["gap"] > 0
    # 2024: (9300 + 4650) / (10000 + 5000) × 100
    assert city["preschool_gross_enrollment_rate"]["value"] == pytest.approx(93.0)
