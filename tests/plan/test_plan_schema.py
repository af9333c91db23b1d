"""The committed plan.schema.json is what `glplan schema` prints, and the plan satisfies it."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.plan.schema import DIALECT, plan_json_schema

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "plan.schema.json").read_text(encoding="utf-8"))
    assert committed == plan_json_schema(), "run: glplan schema > plan.schema.json"


def test_schema_command_prints_draft_2020_12() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == DIALECT
    assert schema["additionalProperties"] is False


def test_plan_yaml_points_editors_at_the_schema() -> None:
    first = (ROOT / "data" / "plan.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../plan.schema.json"


def test_plan_yaml_validates_against_the_schema() -> None:
    jsonschema = __import__("pytest").importorskip("jsonschema")
    data = yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))
    # YAML dates load as date objects; the schema describes their JSON (ISO text) form.
    data = json.loads(json.dumps(data, default=str))
    jsonschema.Draft202012Validator(plan_json_schema()).validate(data)
