"""Every command against every kind of bad input: a clear message naming the file, a
non-zero exit, no traceback, and nothing written.

"Nothing written": a command refused (exit code 2: unreadable input, usage error) leaves
no ``--output`` file behind, and ``progress add`` never changes the ledger unless it adds
its line. Commands that read indicator files report a broken one as a finding (exit code 1)
and still produce their report; those are checked for message, exit code and traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hardening_support import (
    AS_OF,
    BAD,
    DATA_ROLE,
    GOOD_CSV,
    LEDGER,
    LEDGER_ROLE,
    PLAN,
    PLAN_ROLE,
    copy_of,
    run_glplan,
)
from typer.testing import CliRunner, Result

from gl_plan.cli import app

runner = CliRunner()

Command = Callable[[Path, Path, Path], list[str]]
"""(bad path, folder for outputs, a ledger copy) -> command line."""

PLAN_COMMANDS: dict[str, Command] = {
    "validate": lambda bad, out, ledger: ["validate", str(bad)],
    "plan": lambda bad, out, ledger: ["plan", str(bad)],
    "data": lambda bad, out, ledger: [
        "data", "--plan", str(bad), str(GOOD_CSV), "--as-of", AS_OF, "-o", str(out / "o.csv")
    ],
    "check": lambda bad, out, ledger: [
        "check", "--plan", str(bad), "--data", str(GOOD_CSV), "--progress", str(ledger),
        "--as-of", AS_OF, "-o", str(out / "o.json"),
    ],
    "tasks": lambda bad, out, ledger: [
        "tasks", "--plan", str(bad), "--progress", str(ledger), "--as-of", AS_OF,
        "-f", "markdown", "-o", str(out / "o.md"),
    ],
    "progress-add": lambda bad, out, ledger: [
        "progress", "add", "A9.4", "--status", "completed", "--date", "2023-01-01",
        "--plan", str(bad), "--progress", str(ledger),
    ],
}  # fmt: skip

DATA_COMMANDS: dict[str, Command] = {
    "validate": lambda bad, out, ledger: [
        "validate", str(PLAN), "--data", str(bad), "--as-of", AS_OF,
    ],
    "data": lambda bad, out, ledger: [
        "data", "--plan", str(PLAN), str(bad), "--as-of", AS_OF, "-f", "csv",
    ],
    "check": lambda bad, out, ledger: [
        "check", "--plan", str(PLAN), "--data", str(bad), "--progress", str(ledger),
        "--as-of", AS_OF, "-f", "json",
    ],
}  # fmt: skip

LEDGER_COMMANDS: dict[str, Command] = {
    "tasks": lambda bad, out, ledger: [
        "tasks", "--plan", str(PLAN), "--progress", str(bad), "--as-of", AS_OF,
        "-f", "json", "-o", str(out / "o.json"),
    ],
    "check": lambda bad, out, ledger: [
        "check", "--plan", str(PLAN), "--data", str(GOOD_CSV), "--progress", str(bad),
        "--as-of", AS_OF, "-o", str(out / "o.md"),
    ],
    "progress-add": lambda bad, out, ledger: [
        "progress", "add", "A9.4", "--status", "completed", "--date", "2023-01-01",
        "--plan", str(PLAN), "--progress", str(bad),
    ],
}  # fmt: skip

#: Inputs that are fine in a role although bad elsewhere: `progress add` creates a missing
#: ledger (that is how a ledger starts).
# `validate FOLDER` checks the folder as indicator files (as pre-commit passes paths), so a
# folder is not a bad plan there: an empty one gives a warning naming it.
NOT_BAD = {("progress-add", "missing"), ("validate", "folder")}


def _cases(role: str, commands: dict[str, Command]) -> Iterator[object]:
    for kind, bad in BAD.items():
        if role not in bad.roles:
            continue
        for command in commands:
            if (command, kind) not in NOT_BAD and (bad.only is None or command in bad.only):
                yield pytest.param(kind, command, id=f"{command}-{kind}")


def _flat(text: str) -> str:
    # Usage errors come in a box that may wrap a long path: compare without the frame.
    return re.sub(r"[\s│╭╮╰╯─]", "", text)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _assert_clear_refusal(result: Result, bad: Path) -> None:
    output = result.output + (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}"
    )
    assert "Traceback" not in output
    assert result.exit_code in (1, 2), output
    assert result.stderr.strip(), "the refusal must say why, on stderr"
    assert _flat(bad.name) in _flat(result.stderr), result.stderr


def _invoke(
    command: Command, bad: Path, tmp_path: Path, ledger_bytes: bytes | None = None
) -> tuple[Result, Path, Path]:
    out = tmp_path / "out"
    out.mkdir()
    ledger = tmp_path / "progress.csv"
    ledger.write_bytes(ledger_bytes if ledger_bytes is not None else LEDGER.read_bytes())
    result = runner.invoke(app, command(bad, out, ledger))
    return result, out, ledger


@pytest.mark.parametrize(("kind", "command"), list(_cases(PLAN_ROLE, PLAN_COMMANDS)))
def test_bad_plan_is_refused(
    corpus: dict[str, Path], tmp_path: Path, kind: str, command: str
) -> None:
    bad = corpus[kind]
    result, out, ledger = _invoke(PLAN_COMMANDS[command], bad, tmp_path)
    _assert_clear_refusal(result, bad)
    # No plan, no report: nothing is written whatever the exit code.
    assert _snapshot(out) == {}
    assert ledger.read_bytes() == LEDGER.read_bytes()


@pytest.mark.parametrize(("kind", "command"), list(_cases(DATA_ROLE, DATA_COMMANDS)))
def test_bad_indicator_file_is_reported(
    corpus: dict[str, Path], tmp_path: Path, kind: str, command: str
) -> None:
    bad = corpus[kind]
    result, _, ledger = _invoke(DATA_COMMANDS[command], bad, tmp_path)
    _assert_clear_refusal(result, bad)
    assert ledger.read_bytes() == LEDGER.read_bytes()


@pytest.mark.parametrize(("kind", "command"), list(_cases(LEDGER_ROLE, LEDGER_COMMANDS)))
def test_bad_ledger_is_refused(
    corpus: dict[str, Path], tmp_path: Path, kind: str, command: str
) -> None:
    bad = corpus[kind]
    before = bad.read_bytes() if bad.is_file() else None
    result, out, _ = _invoke(LEDGER_COMMANDS[command], bad, tmp_path)
    _assert_clear_refusal(result, bad)
    if result.exit_code == 2 or command == "progress-add":
        assert _snapshot(out) == {}
    after = bad.read_bytes() if bad.is_file() else None
    assert after == before, "a bad ledger is never changed"


def test_the_good_inputs_pass(tmp_path: Path) -> None:
    """The matrix above means something: with good inputs each command exits 0 and writes."""
    commands = [
        PLAN_COMMANDS[name](PLAN, tmp_path / name, tmp_path / "progress.csv")
        for name in PLAN_COMMANDS
    ]
    copy_of(LEDGER, tmp_path)
    for name, command in zip(PLAN_COMMANDS, commands, strict=True):
        (tmp_path / name).mkdir()
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (name, result.output)
        if name in ("data", "check", "tasks"):
            assert len(list((tmp_path / name).iterdir())) == 1
    assert (tmp_path / "progress.csv").read_bytes().startswith(LEDGER.read_bytes())


def test_schema_refuses_arguments() -> None:
    result = runner.invoke(app, ["schema", "extra"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("option", "value"),
    [("--as-of", "2026-13-45"), ("--lang", "fr"), ("--format", "xml"), ("--encoding", "no-such")],
)
def test_bad_options_are_usage_errors(tmp_path: Path, option: str, value: str) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(
        app,
        ["check", "--plan", str(PLAN), "--data", str(GOOD_CSV), "--progress", str(LEDGER),
         "--as-of", AS_OF, option, value, "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert value in result.stderr
    if result.exit_code == 2:
        assert not out.exists()


def test_unreadable_file_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read refused by the system (simulated: tests run as root, who may read anything)."""
    plan = copy_of(PLAN, tmp_path, "locked_plan.yaml")
    ledger = copy_of(LEDGER, tmp_path, "locked_ledger.csv")
    data = copy_of(GOOD_CSV, tmp_path, "locked_data.csv")
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object) -> object:
        if self.name.startswith("locked_"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refusing_open)
    cases = {
        plan: ["validate", str(plan)],
        ledger: ["tasks", "--plan", str(PLAN), "--progress", str(ledger), "--as-of", AS_OF],
        data: ["validate", str(PLAN), "--data", str(data), "--as-of", AS_OF],
    }
    for path, command in cases.items():
        result = runner.invoke(app, command)
        _assert_clear_refusal(result, path)
        assert "Permission denied" in result.stderr


# --------------------------------------------------------------------------- real processes


def _unprivileged() -> tuple[str, ...] | None:
    """A command prefix that takes away root's power to read any file, or None."""
    import os
    import shutil

    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        return None
    caps = "-dac_override,-dac_read_search"
    return ("setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}")


def test_unreadable_files_in_a_real_process(tmp_path: Path) -> None:
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: every file is readable")
    plan = copy_of(PLAN, tmp_path, "plan.yaml")
    ledger = copy_of(LEDGER, tmp_path, "progress.csv")
    data = copy_of(GOOD_CSV, tmp_path, "450302.csv")
    for path in (plan, ledger, data):
        path.chmod(0)
    probe = run_glplan("validate", plan, prefix=prefix)
    if probe.returncode == 0:
        pytest.skip("this system lets the process read a mode-000 file")
    out = tmp_path / "report.json"
    runs = [
        probe,
        run_glplan("check", "--plan", PLAN, "--data", GOOD_CSV, "--progress", ledger,
                   "--as-of", AS_OF, "-o", out, prefix=prefix),
        run_glplan("validate", PLAN, "--data", data, "--as-of", AS_OF, prefix=prefix),
        run_glplan("progress", "add", "A9.4", "-s", "completed", "--date", "2023-01-01",
                   "--plan", PLAN, "--progress", ledger, prefix=prefix),
    ]  # fmt: skip
    for run in runs:
        assert run.returncode in (1, 2), run.stderr
        assert "Traceback" not in run.stderr
        # Ours ("cannot read: Permission denied") or the option parser's ("not readable").
        assert re.search("Permission denied|not readable", run.stderr), run.stderr
    assert not out.exists()
    ledger.chmod(0o644)
    assert ledger.read_bytes() == LEDGER.read_bytes()


@pytest.mark.parametrize("kind", ["binary-junk", "deep-flow-yaml", "alias-bomb"])
def test_bad_plan_in_a_real_process(corpus: dict[str, Path], kind: str) -> None:
    run = run_glplan("validate", corpus[kind])
    assert run.returncode in (1, 2)
    assert "Traceback" not in run.stderr
    assert corpus[kind].name in run.stderr


def test_an_empty_folder_to_validate_is_named_in_a_warning(corpus: dict[str, Path]) -> None:
    run = run_glplan("validate", corpus["folder"], "--as-of", AS_OF)
    assert run.returncode == 0
    assert "Traceback" not in run.stderr
    assert f"{corpus['folder'].name}: no .csv or .xlsx files in this folder" in run.stderr


def test_bad_inputs_together_in_a_real_process(corpus: dict[str, Path], tmp_path: Path) -> None:
    ledger = copy_of(LEDGER, tmp_path)
    before = ledger.read_bytes()
    run = run_glplan(
        "validate", PLAN,
        "--data", corpus["10k-columns"], "--data", corpus["gzip-named-csv"],
        "--data", corpus["corrupt-xlsx"], "--data", corpus["10mb-line"],
        "--as-of", AS_OF,
    )  # fmt: skip
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    for kind in ("10k-columns", "gzip-named-csv", "corrupt-xlsx", "10mb-line"):
        assert corpus[kind].name in run.stderr
    add = run_glplan(
        "progress", "add", "A9.4", "-s", "done-ish", "--plan", PLAN, "--progress", ledger
    )
    assert add.returncode == 2
    assert "Traceback" not in add.stderr
    assert ledger.read_bytes() == before
