"""``glplan check --compare-to`` on the bundled data (data/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from gl_plan.assess.check import JSON_KEYS
from gl_plan.cli import app

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
FILES = [
    "--plan", str(DATA / "plan.yaml"),
    "--data", str(DATA / "indicators"),
    "--progress", str(DATA / "progress.csv"),
    "--fail-on", "never",
]  # fmt: skip
BEFORE, AFTER = "2025-11-30", "2026-02-15"

runner = CliRunner()


def check(*args: str) -> Any:
    return runner.invoke(app, ["check", *FILES, *args])


def check_json(*args: str) -> dict[str, Any]:
    result = check(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_compare_to_lists_exactly_the_status_differences() -> None:
    before, after = check_json("--as-of", BEFORE), check_json("--as-of", AFTER)
    # Computed here, independently: the rows whose status differs.
    old = {(r["region"], r["indicator"], r["target_year"]): r for r in before["indicators"]}
    expected = {
        (key, old[key]["status"], r["status"], old[key]["value"], r["value"])
        for r in after["indicators"]
        if old[(key := (r["region"], r["indicator"], r["target_year"]))]["status"] != r["status"]
    }
    old_tasks = {t["id"]: t["status"] for t in before["tasks"]}
    expected_tasks = {
        (t["id"], old_tasks[t["id"]], t["status"])
        for t in after["tasks"]
        if old_tasks[t["id"]] != t["status"]
    }
    assert expected
    assert expected_tasks

    data = check_json("--as-of", AFTER, "--compare-to", BEFORE)
    changes = data["changes"]
    got = {
        ((c["region"], c["indicator"], c["target_year"]), c["from"], c["to"], c["value_from"],
         c["value_to"])
        for c in changes if c["kind"] == "indicator"
    }  # fmt: skip
    got_tasks = {(c["task"], c["from"], c["to"]) for c in changes if c["kind"] == "task"}
    assert got == expected
    assert got_tasks == expected_tasks
    assert len(changes) == len(got) + len(got_tasks) + sum(c["kind"] == "data" for c in changes)
    # The rest of the document is the check's own.
    assert {k: v for k, v in data.items() if k != "changes"} == after


def test_json_keys_unchanged_without_compare_to() -> None:
    assert tuple(check_json("--as-of", AFTER)) == JSON_KEYS
    assert tuple(check_json("--as-of", AFTER, "--compare-to", BEFORE)) == (*JSON_KEYS, "changes")


def test_compare_to_a_json_file_equals_compare_to_the_date(tmp_path: Path) -> None:
    reference = tmp_path / "2025Q4.json"
    reference.write_text(json.dumps(check_json("--as-of", BEFORE)), encoding="utf-8")
    by_file = check_json("--as-of", AFTER, "--compare-to", str(reference))["changes"]
    by_date = check_json("--as-of", AFTER, "--compare-to", BEFORE)["changes"]
    assert by_file == by_date


def test_table_and_markdown_have_a_since_section() -> None:
    table = check("--as-of", "2026-11-28", "--compare-to", "2026-08-31", "--lang", "en")
    assert table.exit_code == 0, table.output
    section = table.stdout.split("Since 2026-08-31 (to 2026-11-28)")[1]
    assert "Status changes: 9 figures, 0 tasks; data gone or back: 1" in section
    assert "Quanzhou every indicator: data back" in section
    md = check(
        "--as-of", "2026-11-28", "--compare-to", "2026-08-31", "--lang", "zh", "--format", "md"
    )
    assert md.exit_code == 0, md.output
    assert "## 自 2026-08-31 以来的变化（至 2026-11-28）" in md.stdout
    assert "- 全州 全部指标：数据恢复" in md.stdout


def test_no_change_says_so() -> None:
    result = check("--as-of", AFTER, "--compare-to", AFTER, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"Nothing changed since {AFTER}." in result.stdout


def test_bad_values_exit_2(tmp_path: Path) -> None:
    assert check("--as-of", AFTER, "--compare-to", "last quarter").exit_code == 2
    assert check("--as-of", AFTER, "--compare-to", BEFORE, "--format", "csv").exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"as_of": "2026-01-01", "indicators": [{"region": 1}], "tasks": []}')
    result = check("--as-of", AFTER, "--compare-to", str(bad))
    assert result.exit_code == 2
    assert "bad.json" in result.stderr
    assert "indicators[0]" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    result = check("--as-of", AFTER, "--compare-to", str(broken))
    assert result.exit_code == 2
    assert "line 1" in result.stderr
    assert "Traceback" not in result.output
