"""Documented limits (gl_plan.limits) and hostile inputs: refused quickly, in bounded memory,
with a message that names the file and the limit.

Time bounds here are only timeouts (a hang fails the test instead of blocking CI), never
timed assertions; memory is measured as the child process's peak resident size.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest
from hardening_support import AS_OF, LEDGER, PLAN, copy_of, run_glplan

from gl_plan import limits
from gl_plan.data.read import NothingRead, read_indicators
from gl_plan.errors import GlplanError
from gl_plan.ledger.append import append_entry
from gl_plan.ledger.read import parse_ledger_text, read_ledger
from gl_plan.plan import yamlnodes
from gl_plan.plan.load import load_plan, parse_plan
from gl_plan.plan.models import Plan

GIB = 1024**3
DAY = date(2026, 11, 28)

#: Runs a command in a child and prints its exit code, stderr and peak memory (bytes).
_MEASURE = """
import json, resource, subprocess, sys
run = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": run.returncode, "stderr": run.stderr[-3000:],
                  "peak": peak if sys.platform == "darwin" else peak * 1024}))
"""


def _measured(*args: str | os.PathLike[str]) -> tuple[int, str, int]:
    """``glplan ARGS`` in a fresh process tree: exit code, stderr and peak memory in bytes.

    The extra parent process keeps the measure to this one command (RUSAGE_CHILDREN of the
    test process would be the largest of every child it ever had).
    """
    run = run_glplan(*args, prefix=(sys.executable, "-c", _MEASURE), timeout=90)
    # run_glplan adds `python -m gl_plan` after the prefix: the measuring script runs it.
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    return int(data["rc"]), str(data["stderr"]), int(data["peak"])


@pytest.fixture(scope="module")
def random_50mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("random") / "random.csv"
    with path.open("wb") as fh:
        for _ in range(50):
            fh.write(os.urandom(1024 * 1024))
    return path


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


# --------------------------------------------------------------------------- 50 MB of noise


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(("validate", PLAN, "--data", "{f}", "--as-of", AS_OF), id="validate-data"),
        pytest.param(("data", "--plan", PLAN, "{f}", "--as-of", AS_OF, "-f", "csv"), id="data"),
        pytest.param(
            ("check", "--plan", PLAN, "--data", "{f}", "--progress", LEDGER, "--as-of", AS_OF),
            id="check",
        ),
        pytest.param(("tasks", "--plan", PLAN, "--progress", "{f}", "--as-of", AS_OF), id="ledger"),
        pytest.param(("validate", "{f}"), id="plan"),
    ],
)
def test_50mb_of_random_bytes_is_refused_quickly_in_little_memory(
    random_50mb: Path, command: tuple[str | Path, ...]
) -> None:
    args = [str(random_50mb) if a == "{f}" else a for a in command]
    rc, stderr, peak = _measured(*args)
    assert rc in (1, 2), stderr
    assert "Traceback" not in stderr
    assert random_50mb.name in stderr
    assert peak < GIB, f"peak memory {peak / 2**20:.0f} MB"


def test_50mb_of_text_noise_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """Bytes without NULs pass the binary check and are read as Latin-1 text, row by row."""
    noise = tmp_path / "noise.csv"
    chunk = bytes(range(1, 256)) * 4096  # about 1 MB, no NUL
    with noise.open("wb") as fh:
        fh.write(b"region,period,indicator,value\n")
        for _ in range(50):
            fh.write(chunk)
    rc, stderr, peak = _measured("validate", PLAN, "--data", noise, "--as-of", AS_OF, "-q")
    assert rc == 1, stderr
    assert "Traceback" not in stderr
    assert "noise.csv" in stderr
    assert peak < GIB, f"peak memory {peak / 2**20:.0f} MB"


# --------------------------------------------------------------------------- plans


def test_oversized_plan_names_file_and_limit(tmp_path: Path) -> None:
    big = tmp_path / "big_plan.yaml"
    with big.open("wb") as fh:
        fh.truncate(limits.MAX_PLAN_BYTES + 1)  # sparse: instant, takes no disk
    with pytest.raises(GlplanError) as info:
        load_plan(big)
    [problem] = info.value.problems
    assert problem.file == str(big)
    assert problem.code == "too-large"
    assert f"{limits.MAX_PLAN_BYTES:,}" in problem.text()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_device_as_plan_or_ledger_is_refused(plan: Plan) -> None:
    """A size check before reading says 0 bytes for a device; it is refused before it is
    opened, as anything that is not a regular file is."""
    with pytest.raises(GlplanError) as info:
        load_plan("/dev/zero")
    assert info.value.problems[0].code == "not-a-file"
    assert info.value.problems[0].text() == "is a device, not a regular file"
    with pytest.raises(GlplanError) as info:
        read_ledger("/dev/zero", plan)
    assert info.value.problems[0].code == "not-a-file"
    assert info.value.problems[0].file == "/dev/zero"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("[" * 10_000 + "]" * 10_000, "too-deep", id="flow-lists"),
        pytest.param("{a: " * 10_000 + "1" + "}" * 10_000, "too-deep", id="flow-mappings"),
        pytest.param("- " * 10_000 + "x\n", "too-deep", id="block-lists"),
        pytest.param(
            "".join(" " * i + "k:\n" for i in range(200)) + " " * 200 + "v\n",
            "too-deep",
            id="block-mappings",
        ),
        pytest.param("[" + "1," * 2_000 + "1]", "too-large", id="values"),
    ],
)
def test_deep_or_huge_yaml_gets_a_clear_message(
    text: str, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The full-size value limit is tried through the command line (test_hardening_cli.py).
    monkeypatch.setattr(yamlnodes, "MAX_PLAN_NODES", 1_000)
    with pytest.raises(GlplanError) as info:
        parse_plan(text, file="hostile.yaml")
    [problem] = info.value.problems
    assert problem.code == code
    assert problem.file == "hostile.yaml"
    assert problem.line is not None
    limit = limits.MAX_PLAN_DEPTH if code == "too-deep" else 1_000
    assert f"{limit:,}" in problem.text()


def test_nesting_within_the_limit_is_accepted_by_the_parser() -> None:
    text = "x: " + "[" * (limits.MAX_PLAN_DEPTH - 1) + "]" * (limits.MAX_PLAN_DEPTH - 1)
    with pytest.raises(GlplanError) as info:
        parse_plan(text)
    assert all(p.code != "too-deep" for p in info.value.problems)


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(20)
    )
    with pytest.raises(GlplanError) as info:
        parse_plan(laughs, file="laughs.yaml")
    [problem] = info.value.problems
    assert (problem.code, problem.line, problem.column) == ("yaml-alias", 1, 4)


def test_alias_without_anchor_syntax_is_refused() -> None:
    with pytest.raises(GlplanError) as info:
        parse_plan("a: 1\nb: *a\n")
    assert info.value.problems[0].code in ("yaml-alias", "yaml")


def test_many_plan_problems_are_capped() -> None:
    text = "\n".join(f"unknown_{i}: 1" for i in range(limits.MAX_PLAN_PROBLEMS + 50))
    with pytest.raises(GlplanError) as info:
        parse_plan(text)
    problems = info.value.problems
    assert len(problems) == limits.MAX_PLAN_PROBLEMS + 1
    assert "more problems not listed" in problems[-1].text()


def test_second_document_is_refused() -> None:
    text = PLAN.read_text(encoding="utf-8") + "\n---\nplan: {}\n"
    with pytest.raises(GlplanError) as info:
        parse_plan(text, file="two.yaml")
    [problem] = info.value.problems
    assert "single document" in problem.text()
    assert problem.line is not None


def test_syntax_errors_keep_pyyaml_wording() -> None:
    with pytest.raises(GlplanError) as info:
        parse_plan("a: {b: 1\nc: 2\n")
    [problem] = info.value.problems
    assert problem.text().startswith("invalid YAML: ")
    assert problem.line is not None


# --------------------------------------------------------------------------- ledgers


def test_oversized_ledger_names_file_and_limit(tmp_path: Path, plan: Plan) -> None:
    big = tmp_path / "big_progress.csv"
    with big.open("wb") as fh:
        fh.truncate(limits.MAX_LEDGER_BYTES + 1)
    with pytest.raises(GlplanError) as info:
        read_ledger(big, plan)
    [problem] = info.value.problems
    assert problem.file == str(big)
    assert problem.code == "too-large"
    assert f"{limits.MAX_LEDGER_BYTES:,}" in problem.text()
    before = os.stat(big).st_size
    with pytest.raises(GlplanError):
        append_entry(big, plan, task="A9.4", status="completed", entry_date=date(2023, 1, 1))
    assert os.stat(big).st_size == before


def _rows(n: int) -> str:
    return "date,task,status\n" + "".join(
        f"2023-01-{1 + i % 28:02d},A9.4,completed\n" for i in range(n)
    )


def test_ledger_row_limit(tmp_path: Path, plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_LEDGER_ROWS", 50)
    full = tmp_path / "progress.csv"
    full.write_text(_rows(50), encoding="utf-8")
    ledger, _ = read_ledger(full, plan)
    assert len(ledger.entries) == 50
    with pytest.raises(GlplanError) as info:
        append_entry(full, plan, task="A9.4", status="completed", entry_date=date(2023, 1, 1))
    assert info.value.problems[0].code == "too-large"
    assert "50" in info.value.problems[0].text()
    assert full.read_text(encoding="utf-8") == _rows(50)
    with pytest.raises(GlplanError) as info:
        parse_ledger_text(_rows(51), plan, file="over.csv")
    [problem] = info.value.problems
    assert (problem.file, problem.code, problem.line) == ("over.csv", "too-large", 52)


def test_ledger_problems_are_capped_per_kind(plan: Plan) -> None:
    n = limits.MAX_PROBLEMS_PER_KIND + 150
    text = "date,task,status\n" + "2023-01-01,A9.4,finished\n" * n
    _, problems, _ = parse_ledger_text(text, plan, file="p.csv")
    kinds = [p for p in problems if p.code == "type-error"]
    assert len(kinds) == limits.MAX_PROBLEMS_PER_KIND + 1
    assert kinds[-1].text() == "... and 150 more type-error problems not listed"


def test_ledger_with_10k_columns_gives_a_few_lines(plan: Plan) -> None:
    header = ",".join(["date", "task", "status"] + [f"extra{i}" for i in range(10_000)])
    _, problems, _ = parse_ledger_text(header + "\n2023-01-01,A9.4,completed\n", plan)
    assert len(problems) <= 2 * (limits.MAX_PROBLEMS_PER_KIND + 1)


# --------------------------------------------------------------------------- indicator files


def test_oversized_indicator_file_names_file_and_limit(tmp_path: Path, plan: Plan) -> None:
    big = tmp_path / "450302_big.csv"
    with big.open("wb") as fh:
        fh.truncate(limits.MAX_INDICATOR_FILE_BYTES + 1)
    with pytest.raises(NothingRead) as refused:  # the only file: nothing read, exit 2
        read_indicators([big], plan, as_of=DAY)
    [problem] = [p for p in refused.value.problems if p.file == str(big)]
    assert "200 MB" in problem.text()


def test_huge_field_and_10mb_line_stop_with_a_located_problem(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "450302.csv"
    path.write_bytes(
        b"region,period,indicator,value\n450302,2024Q1,preschool_gross_enrollment_rate,95\n"
        + b"x" * 10_000_000
        + b"\n"
    )
    result = read_indicators([path], plan, as_of=DAY)
    located = [p for p in result.errors if p.file == str(path) and p.line == 3]
    assert located, result.issues
    assert len(result.observations) == 1


def test_ledger_copy_of_the_sample_reads_clean(tmp_path: Path, plan: Plan) -> None:
    """The sample ledger is far inside every limit."""
    copy = copy_of(LEDGER, tmp_path)
    ledger, problems = read_ledger(copy, plan)
    assert ledger.entries
    assert not [p for p in problems if p.code == "too-large"]
