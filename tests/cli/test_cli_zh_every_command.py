"""Every command, on good input and on bad, writes Chinese under ``--lang zh``.

The list of runs below names every command and subcommand the application has: a new
command fails :func:`test_every_command_is_scanned` until its runs are added here. Each run's
standard output and standard error go through the same scanner as ``test_cli_zh.py``
(Latin words left once file names, ids, codes, option names and quoted user text are taken
out). The bad inputs are the ones users make: a plan with a misspelt key, a wrong type and
a bad time limit; a file that is not a plan; a folder that does not exist; a county file
with one of every kind of problem; a ledger sheet with bad rows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_cli_zh import AS_OF, english_words
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.cli.application import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "plan.yaml"
DATA = ROOT / "data" / "indicators"
BAD_PLANS = ROOT / "tests" / "fixtures" / "plans" / "bad"
runner = CliRunner()

#: One of every kind of problem a county clerk's file can hold, one per line after the header.
EVERY_PROBLEM = (
    "region,period,indicator,value,numerator,denominator\n"
    "450325,2026Q3,preschool_gross_enrollment_rate,abc,,\n"  # not a number
    "火星县,2026Q3,preschool_gross_enrollment_rate,90,,\n"  # unknown region
    "450325,2026Q3,happiness_rate,90,,\n"  # unknown indicator
    "450325,2026Q9,preschool_gross_enrollment_rate,90,,\n"  # no such quarter
    "450325,2026Q2,compulsory_consolidation_rate,130,,\n"  # a rate over 100
    "450325,2026Q2,preschool_gross_enrollment_rate,90,,\n"  # the same figure twice,
    "450325,2026Q2,preschool_gross_enrollment_rate,80,,\n"  # differently
    "450325,2026Q1,senior_secondary_gross_enrollment_rate,,900,800\n"  # numerator > denominator
    "450325,2026Q1,compulsory_consolidation_rate,95,900,1000\n"  # rate not its counts
    "450325,2030Q4,compulsory_consolidation_rate,95,,\n"  # after the as-of date
    "450325,2026Q1,compulsory_consolidation_rate,0.953,,\n"  # a fraction, not a percentage
    "450325,2026Q1\n"  # a short row
)


def zh(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--lang", "zh"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled project (plan, county files, ledger), as the current folder."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _runs(project: Path) -> dict[str, list[list[str]]]:
    """Every command's runs: good input first, then bad."""
    bad_county = project / "bad" / "450325_兴安县.csv"
    bad_county.parent.mkdir()
    bad_county.write_text(EVERY_PROBLEM, encoding="utf-8")
    sheet = project / "returns.csv"
    sheet.write_text(
        "任务编号,日期,状态,备注\nA1.1,2026-09-30,进行中,已开工\nA9.9,2026-09-30,进行中,\n"
        "A1.2,明天,完成,\n",
        encoding="utf-8",
    )
    not_a_plan = project / "notes.txt"
    not_a_plan.write_bytes(b"\x00\x01\x02 not yaml \xff")
    out = project / "out"
    out.mkdir()
    as_of = ["--as-of", AS_OF]
    return {
        "check": [
            ["check", *as_of],
            ["check", *as_of, "--full", "--format", "markdown"],
            ["check", *as_of, "--data", str(bad_county.parent), "--full"],
            ["check", *as_of, "--data", str(project / "no-such-folder")],
            ["check", "--plan", str(not_a_plan), *as_of],
        ],
        "explain": [
            ["explain", "兴安", "学前教育三年毛入园率", *as_of],
            ["explain", "450300", "preschool_gross_enrollment_rate", *as_of],
            ["explain", "火星县", "学前教育三年毛入园率", *as_of],
        ],
        "tasks": [
            ["tasks", *as_of],
            ["tasks", *as_of, "--by", "responsible"],
            ["tasks", *as_of, "--by", "colour"],
        ],
        "progress list": [["progress", "list"], ["progress", "list", "--task", "Z9.9"]],
        "progress add": [
            ["progress", "add", "A1.1", "--status", "进行中", "--date", "2026-10-01"],
            ["progress", "add", "Z9.9", "--status", "进行中", "--date", "2026-10-01"],
        ],
        "progress import": [["progress", "import", str(sheet)]],
        "validate": [
            ["validate", *as_of],
            ["validate", str(BAD_PLANS / "three_mistakes.yaml")],
            ["validate", str(BAD_PLANS / "misspelt_key.yaml")],
            ["validate", str(BAD_PLANS / "region_cycle_two.yaml")],
            ["validate", str(not_a_plan)],
            ["validate", "--data", str(bad_county), *as_of],
        ],
        "plan": [["plan"], ["plan", str(BAD_PLANS / "types.yaml")]],
        "schema": [["schema"], ["schema", "--bogus"]],
        "data": [["data", *as_of], ["data", "--data", str(bad_county), *as_of]],
        "init": [["init", str(project / "new")], ["init", str(project / "data")]],
        "template": [
            ["template", "--period", "2026Q4", "--output", str(out)],
            ["template", "--period", "2026Q9", "--output", str(out)],
        ],
        "draft": [
            # The draft itself is YAML (keys, not prose): written to a file, the notes scanned.
            [
                "draft",
                str(ROOT / "docs" / "source" / "guilin-education-plan-2022.txt"),
                "--output",
                str(out / "draft.yaml"),
            ],
            ["draft", str(not_a_plan)],
        ],
        "status": [
            ["status", "--period", "2026Q3", *as_of],
            ["status", "--period", "2026Q3", "--data", str(bad_county.parent), *as_of],
        ],
    }


def test_every_command_is_scanned(project: Path) -> None:
    runs = _runs(project)
    scanned = {name.split(" ")[0] for name in runs}
    assert scanned == set(COMMANDS)
    progress = runner.invoke(app, ["progress", "--help"]).stdout
    for sub in ("list", "add", "import"):
        assert sub in progress
        assert f"progress {sub}" in runs


def test_every_command_writes_chinese_on_good_and_bad_input(project: Path) -> None:
    found: list[str] = []
    for name, runs in _runs(project).items():
        for args in runs:
            _code, out = zh(*args)
            assert out.strip(), (name, args)  # says something, good or bad
            assert "Traceback" not in out, (args, out)
            found += [f"{' '.join(args)}: {word}" for word in english_words(out)]
    assert found == []


def test_a_bad_input_fails_with_a_chinese_message(project: Path) -> None:
    """The bad runs above do fail (so the scan reads their messages, not a happy path)."""
    runs = _runs(project)
    for args in (
        runs["validate"][1],
        runs["validate"][4],
        runs["check"][3],
        runs["explain"][2],
        runs["progress add"][1],
        runs["progress import"][0],
        runs["template"][1],
    ):
        code, out = zh(*args)
        assert code != 0, args
        assert any("\u4e00" <= ch <= "\u9fff" for ch in out), (args, out)
