"""Inputs that are not regular files are refused before they are opened, naming the file.

Opening a FIFO for reading waits for a writer forever, so every FIFO case runs in a child
process under a timeout: a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from gl_plan.data.read import read_indicators
from gl_plan.decoding import not_a_file, read_input_file
from gl_plan.errors import ExitCode, GlplanError
from gl_plan.plan.models import Plan

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "plan.yaml"
GOOD_CSV = ROOT / "data" / "indicators" / "450302_秀峰区.csv"
FIFO = "is a FIFO (named pipe), not a regular file"

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _glplan(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GLPLAN_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "gl_plan", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "450302_pipe.csv"
    os.mkfifo(path)
    return path


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    path = tmp_path / "loop.csv"
    os.symlink("loop_other.csv", path)
    os.symlink("loop.csv", tmp_path / "loop_other.csv")
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as sock:
        try:
            sock.bind(str(path))
        except OSError as exc:  # a socket path over the length limit
            pytest.skip(f"cannot make a socket: {exc}")
        yield path


@needs_fifo
@pytest.mark.parametrize("command", ["data", "validate", "check"])
def test_fifo_as_data_file_is_refused_at_once(fifo: Path, tmp_path: Path, command: str) -> None:
    args: list[str | Path] = [command, fifo] if command == "data" else [command, "--data", fifo]
    if command == "validate":
        args.insert(1, PLAN)
    run = _glplan(*args, "--as-of", "2026-11-28", cwd=tmp_path)
    assert run.returncode == ExitCode.USAGE, run.stderr
    assert f"{fifo}: {FIFO}" in run.stderr
    assert "Traceback" not in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [fifo.name], "nothing is written"


@needs_fifo
def test_fifo_as_plan_or_ledger_is_refused_at_once(fifo: Path, tmp_path: Path) -> None:
    run = _glplan("validate", fifo, cwd=tmp_path)
    assert run.returncode == ExitCode.USAGE, run.stderr
    assert f"{fifo}: {FIFO}" in run.stderr
    run = _glplan("check", "--progress", fifo, "--data", GOOD_CSV, cwd=tmp_path)
    assert run.returncode == ExitCode.USAGE, run.stderr
    assert f"{fifo}: {FIFO}" in run.stderr


@needs_fifo
def test_fifo_in_process(fifo: Path, data_plan: Plan) -> None:
    assert str(not_a_file(fifo)) == FIFO
    with pytest.raises(GlplanError) as info:
        read_input_file(fifo, 1000, "a plan")
    [problem] = info.value.problems
    assert (problem.file, problem.text(), problem.code) == (str(fifo), FIFO, "not-a-file")
    with pytest.raises(GlplanError) as info:
        read_indicators([fifo, GOOD_CSV], data_plan, as_of=date(2026, 11, 28))
    assert info.value.exit_code == ExitCode.USAGE
    assert [(p.file, p.text()) for p in info.value.problems] == [(str(fifo), FIFO)]


def test_a_fifo_in_a_folder_is_skipped(tmp_path: Path, data_plan: Plan) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(tmp_path / "450303_pipe.csv")
    (tmp_path / GOOD_CSV.name).write_bytes(GOOD_CSV.read_bytes())
    result = read_indicators([tmp_path], data_plan, as_of=date(2026, 11, 28))
    assert [f.path for f in result.files] == [str(tmp_path / GOOD_CSV.name)]


def test_symlink_loop_is_named(loop: Path, data_plan: Plan) -> None:
    message = "is a symlink loop, not a regular file"
    assert str(not_a_file(loop)) == message
    with pytest.raises(GlplanError) as info:
        read_indicators([loop], data_plan, as_of=date(2026, 11, 28))
    assert [(p.file, p.text()) for p in info.value.problems] == [(str(loop), message)]
    with pytest.raises(GlplanError) as info:
        read_input_file(loop, 1000, "a progress ledger")
    assert [(p.file, p.text()) for p in info.value.problems] == [(str(loop), message)]


def test_socket_and_device_are_named(unix_socket: Path, data_plan: Plan) -> None:
    assert str(not_a_file(unix_socket)) == "is a socket, not a regular file"
    with pytest.raises(GlplanError) as info:
        read_indicators([unix_socket], data_plan, as_of=date(2026, 11, 28))
    assert info.value.problems[0].text() == "is a socket, not a regular file"
    if Path("/dev/null").exists():
        assert str(not_a_file("/dev/null")) == "is a device, not a regular file"


def test_regular_files_folders_and_missing_paths_pass(tmp_path: Path) -> None:
    assert not_a_file(GOOD_CSV) is None
    assert not_a_file(tmp_path) is None
    assert not_a_file(tmp_path / "missing.csv") is None  # the callers say "no such file"
