"""``glplan draft``: the command line around :func:`gl_plan.plan.draft.draft_plan`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.plan.load import load_plan, parse_plan

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "fixtures" / "plans" / "draft_blind"
ESHAN = BLIND / "eshan-county-2022.txt"
AS_OF = "2024-06-30"

runner = CliRunner()


def test_a_draft_goes_to_stdout_and_the_unplaced_lines_to_stderr() -> None:
    result = runner.invoke(app, ["draft", str(ESHAN), "--lang", "en"])
    assert result.exit_code == 0, result.output
    plan = parse_plan(result.stdout, "draft.yaml")
    # The excerpt names neither its title nor its issuer: placeholders, marked as such.
    assert plan.root_region.code == "TOP"
    assert "to complete" in result.stdout
    assert f"{ESHAN}:1: not placed in the draft" in result.stderr
    assert "draft: 1 actions, 3 tasks, 4 targets" in result.stderr


def test_output_is_never_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("mine\n", encoding="utf-8")
    refused = runner.invoke(app, ["draft", str(ESHAN), "--output", str(out), "--lang", "en"])
    assert refused.exit_code == 2
    assert "exists: nothing was written; add --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    forced = runner.invoke(app, ["draft", str(ESHAN), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    load_plan(out)


def test_the_text_itself_is_never_the_output(tmp_path: Path) -> None:
    text = tmp_path / "plan.txt"
    shutil.copy(ESHAN, text)
    result = runner.invoke(app, ["draft", str(text), "-o", str(text), "--force", "--lang", "en"])
    assert result.exit_code == 2
    assert "would overwrite" in result.stderr
    assert text.read_bytes() == ESHAN.read_bytes()


def test_a_gbk_text_is_read_and_said_so() -> None:
    result = runner.invoke(app, ["draft", str(BLIND / "eshan-county-2022.gbk.txt")])
    assert result.exit_code == 0, result.output
    assert "GB" in result.stderr
    utf8 = runner.invoke(app, ["draft", str(ESHAN)])
    assert result.stdout.replace(".gbk", "") == utf8.stdout


@pytest.mark.parametrize(
    ("content", "options", "said"),
    [
        (b"", [], "no text to read"),
        (b"\x00\x01binary\x00", [], "binary"),
        ("到2025年，毛入园率达到95%。".encode("gb18030"), ["--encoding", "utf-8"], "utf-8"),
        ("到2025年".encode(), ["--region-code", "99"], "region code"),
    ],
    ids=["empty", "binary", "undecodable", "bad-region-code"],
)
def test_bad_input_is_a_located_message_and_exit_2(
    tmp_path: Path, content: bytes, options: list[str], said: str
) -> None:
    text = tmp_path / "plan.txt"
    text.write_bytes(content)
    result = runner.invoke(app, ["draft", str(text), *options, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert "Traceback" not in result.output
    if said != "region code":
        assert str(text) in result.stderr


def test_a_drafted_county_plan_checks_against_a_synthetic_county_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Draft 峨山 (a county plan), give it the county's code, and check it against a tiny
    made-up file: the figures below are synthetic, not 峨山's."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "indicators").mkdir(parents=True)
    plan_file = tmp_path / "data" / "plan.yaml"
    drafted = runner.invoke(
        app, ["draft", str(ESHAN), "--region-code", "530426", "-o", str(plan_file)]
    )
    assert drafted.exit_code == 0, drafted.output
    plan = load_plan(plan_file)
    goal = plan.goals[0]
    indicator = next(i for i in goal.targets if goal.target(i).value == 95)
    # Synthetic figures: 900 of 1000 children, below the plan's 95 % target.
    (tmp_path / "data" / "indicators" / "synthetic.csv").write_text(
        f"region,period,indicator,numerator,denominator\n530426,2023,{indicator},900,1000\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [r for r in json.loads(result.stdout)["indicators"] if r["indicator"] == indicator]
    assert rows
    assert rows[0]["value"] == 90.0
    assert rows[0]["target"] == 95.0


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("county-indicator-table-14th.txt", "450300"),  # a 主要指标 table
        ("national-public-service-2022.txt", "CN"),  # a national plan, rates only
        ("zhenjiang-preschool-2023-trad.txt", "321100"),  # a city plan, traditional script
    ],
)
def test_other_drafted_plans_validate_and_check_against_synthetic_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, code: str
) -> None:
    """Three more published plans of other shapes: drafted, validated as they are, then
    checked with one synthetic figure per target of their first goal year (made up here:
    the target's own value minus one, so every one is behind)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "indicators").mkdir(parents=True)
    plan_file = tmp_path / "data" / "plan.yaml"
    drafted = runner.invoke(
        app, ["draft", str(BLIND / text), "--region-code", code, "-o", str(plan_file)]
    )
    assert drafted.exit_code == 0, drafted.output
    assert runner.invoke(app, ["validate", str(plan_file)]).exit_code == 0
    plan = load_plan(plan_file)
    goal = plan.goals[0]
    figures = {i: goal.target(i).value for i in goal.targets if goal.target(i).value is not None}
    assert figures, "the draft found no numeric target"
    rows = "".join(f"{code},{goal.year - 1},{i},{v - 1}\n" for i, v in figures.items())
    (tmp_path / "data" / "indicators" / "synthetic.csv").write_text(
        "region,period,indicator,value\n" + rows, encoding="utf-8"
    )
    result = runner.invoke(
        app,
        ["check", "--as-of", f"{goal.year - 1}-12-31", "--format", "json", "--fail-on", "never"],
    )
    assert result.exit_code == 0, result.output
    checked = {
        r["indicator"]: r
        for r in json.loads(result.stdout)["indicators"]
        if r["region"] == code and r["target_year"] == goal.year
    }
    for indicator, target in figures.items():
        assert checked[indicator]["value"] == pytest.approx(target - 1)
