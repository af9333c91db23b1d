"""Inputs refused with a located message instead of a traceback or a silent result: periods
outside the years read, encodings that are not text, a default ledger that is not a file,
values that are not plain decimals, and standard output that cannot be written."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_support import AS_OF, ROOT, run_glplan
from typer.testing import CliRunner, Result

from gl_plan.cli import app
from gl_plan.periods import FIRST_YEAR, LAST_YEAR

runner = CliRunner()
COUNTY = "450302_秀峰区.csv"
PRE = "preschool_gross_enrollment_rate"
#: Commands that read the county files (problems on stderr, as ``file:line:column``).
READERS: dict[str, list[str]] = {
    "check": ["check", "--as-of", AS_OF, "-f", "json"],
    "data": ["data", "--as-of", AS_OF, "-f", "csv"],
    "explain": ["explain", "450302", PRE, "--as-of", AS_OF, "-f", "json"],
    "validate": ["validate", "--as-of", AS_OF, "--data", "data/indicators"],
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _clean(result: Result) -> str:
    output = result.output + (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in output
    return output


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize("command", list(READERS))
@pytest.mark.parametrize("period", ["1900Q1", "1901", "1948Q4", "2101", "2199Q4"])
def test_a_period_outside_the_years_read_is_a_located_error(
    project: Path, command: str, period: str
) -> None:
    county = project / "data" / "indicators" / COUNTY
    with county.open("a", encoding="utf-8") as fh:
        fh.write(f"450302,{period},{PRE},5000,6000\n")
    line = county.read_text("utf-8").count("\n")
    output = _clean(runner.invoke(app, READERS[command]))
    flat = " ".join(output.split())
    assert f"{COUNTY}:{line}:" in flat, output  # file and line
    assert f"{FIRST_YEAR}-{LAST_YEAR}" in flat, output


def test_a_plan_baseline_outside_the_years_read_is_a_located_error(project: Path) -> None:
    plan = project / "data" / "plan.yaml"
    baseline = (
        'baselines:\n  - region: "450300"\n    indicator: preschool_gross_enrollment_rate\n'
        '    period: "1900"\n    value: 95.0\n    source: a typo\n'
    )
    plan.write_text(plan.read_text("utf-8").replace("baselines: []\n", baseline), "utf-8")
    result = runner.invoke(app, ["validate", "--as-of", AS_OF])
    output = _clean(result)
    assert result.exit_code != 0
    assert "plan.yaml:" in output
    assert f"{FIRST_YEAR}-{LAST_YEAR}" in " ".join(output.split()), output


# --------------------------------------------------------------------------- --encoding


ENCODING_COMMANDS: dict[str, list[str]] = {
    **{k: v for k, v in READERS.items() if k != "validate"},
    "tasks": ["tasks", "--as-of", AS_OF, "-f", "json"],
}


@pytest.mark.parametrize("command", list(ENCODING_COMMANDS))
@pytest.mark.parametrize(
    "encoding", ["base64", "rot13", "hex", "zlib", "unicode_escape", "utf-16", "no-such"]
)
def test_an_encoding_that_is_not_text_is_refused(
    project: Path, command: str, encoding: str
) -> None:
    result = runner.invoke(app, [*ENCODING_COMMANDS[command], "--encoding", encoding])
    output = " ".join(_clean(result).split())
    assert encoding in output
    if encoding == "utf-16":  # a text encoding: each file without its BOM is refused
        assert "byte-order mark" in output
        assert result.exit_code in (1, 2), output  # county files are findings (data: 1)
    else:
        assert result.exit_code == 2, output


def test_progress_add_refuses_an_encoding_that_is_not_text(project: Path) -> None:
    ledger = project / "data" / "progress.csv"
    before = ledger.read_bytes()
    args = ["progress", "add", "A9.4", "--status", "in_progress", "--date", "2024-01-05"]
    result = runner.invoke(app, [*args, "--encoding", "unicode_escape"])
    output = " ".join(_clean(result).split())
    assert result.exit_code == 2, output
    assert "not a text encoding" in output
    assert ledger.read_bytes() == before


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_utf16_ledger_with_its_bom_is_read_and_appended_to(project: Path, bom: bytes) -> None:
    ledger = project / "data" / "progress.csv"
    order = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    text = ledger.read_text("utf-8")
    ledger.write_bytes(bom + text.encode(order))
    args = ["progress", "add", "A9.4", "--status", "in_progress", "--date", "2024-01-05"]
    result = runner.invoke(app, [*args, "--encoding", "utf-16"])
    assert result.exit_code == 0, _clean(result)
    raw = ledger.read_bytes()
    assert raw.count(bom) == 1  # no second BOM in the middle
    assert raw[len(bom) :].decode(order).endswith("\n")
    tasks = runner.invoke(app, ["tasks", "--as-of", AS_OF, "-f", "json", "--encoding", "utf-16"])
    assert tasks.exit_code == 0, _clean(tasks)


# --------------------------------------------------------------------------- the default ledger


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _loop(path: Path) -> None:
    other = path.with_name("loop.csv")
    os.symlink(other.name, path)
    os.symlink(path.name, other)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize("make", [_fifo, _folder, _loop], ids=["fifo", "folder", "loop"])
@pytest.mark.parametrize("command", ["check", "tasks"])
def test_a_default_ledger_that_is_not_a_file_is_refused(
    project: Path, make: object, command: str
) -> None:
    """Not taken for "no ledger", which would show every task as not reported."""
    ledger = project / "data" / "progress.csv"
    ledger.unlink()
    assert callable(make)
    make(ledger)
    run = run_glplan(command, "--as-of", AS_OF, "-f", "json", cwd=project, timeout=60)
    assert "Traceback" not in run.stderr
    assert run.returncode == 2, run.stderr
    assert "progress.csv" in run.stderr


# --------------------------------------------------------------------------- progress add


def test_a_value_with_an_underscore_is_refused(project: Path) -> None:
    ledger = project / "data" / "progress.csv"
    before = ledger.read_bytes()
    args = ["progress", "add", "A9.4", "--status", "in_progress", "--date", "2024-01-05"]
    result = runner.invoke(app, [*args, "--value", "1_0"])
    output = " ".join(_clean(result).split())
    assert result.exit_code == 2, output
    assert "1_0" in output
    assert ledger.read_bytes() == before


def test_progress_add_keeps_the_ledgers_hard_links_and_inode(project: Path) -> None:
    ledger = project / "data" / "progress.csv"
    link = project / "ledger-copy.csv"
    os.link(ledger, link)
    inode = ledger.stat().st_ino
    args = ["progress", "add", "A9.4", "--status", "in_progress", "--date", "2024-01-05"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, _clean(result)
    assert ledger.stat().st_ino == inode
    assert link.read_bytes() == ledger.read_bytes()
    assert ledger.read_bytes().endswith(b"\n")


def test_progress_add_keeps_a_cr_only_ledger_cr_only(project: Path) -> None:
    ledger = project / "data" / "progress.csv"
    text = ledger.read_text("utf-8").replace("\r\n", "\n").replace("\n", "\r")
    ledger.write_bytes(text.encode("utf-8"))
    args = ["progress", "add", "A9.4", "--status", "in_progress", "--date", "2024-01-05"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, _clean(result)
    raw = ledger.read_bytes()
    assert b"\n" not in raw
    assert raw.endswith(b"\r")


# --------------------------------------------------------------------------- standard output


def _python_glplan(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GLPLAN_LANG": "en", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "gl_plan", *args],
        text=True,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["tasks", "-h"]])
def test_help_to_a_full_disk_is_a_clean_error(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        run = _python_glplan(*args, stdout=full)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2, run.stderr
    assert run.stderr.strip(), "a message says why"


@pytest.mark.parametrize("args", [["check", "--as-of", AS_OF], ["--help"]])
def test_a_closed_stdout_is_a_clean_error(args: list[str]) -> None:
    run = _python_glplan(*args, stdout=subprocess.DEVNULL, cwd=ROOT, close_fds=True,
                         preexec_fn=lambda: os.close(1))  # fmt: skip
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2, run.stderr


def test_a_deeply_nested_compare_to_is_a_located_refusal(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    result = runner.invoke(
        app, ["check", "--as-of", AS_OF, "-f", "json", "--compare-to", str(deep)]
    )
    output = _clean(result)
    assert result.exit_code == 2, output
    assert "deep.json" in output


def test_the_clean_gbk_sample_file_is_only_a_note(project: Path) -> None:
    gbk = next(p for p in (project / "data" / "indicators").iterdir() if "灵川" in p.name)
    result = runner.invoke(
        app, ["data", str(gbk), "--as-of", AS_OF, "-f", "json", "--plan", "data/plan.yaml"]
    )
    issues = json.loads(result.stdout)["issues"]
    encoding = [i for i in issues if i["code"] == "encoding"]
    assert [i["severity"] for i in encoding] == ["info"]
