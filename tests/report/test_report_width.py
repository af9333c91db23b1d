"""Every line of every terminal report fits 80 columns, in Chinese (two cells a character)
and in English, on the bundled sample and on the small fixture data set."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_fixtures import fixture_args, run
from rich.cells import cell_len

#: The bundled sample ends in 2026Q3: a later date reads it without "future period" errors.
BUNDLED_AS_OF = "2026-10-15"


def widest(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", ["check", "tasks", "plan"])
def test_bundled_sample_fits_80_columns(
    command: str, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # outside a project: the bundled sample
    args = [command, "--lang", lang]
    if command != "plan":
        args += ["--as-of", BUNDLED_AS_OF]
    if command == "tasks":
        args.append("--all")  # every task: the widest titles too
    out = run(*args).stdout
    assert len(out.splitlines()) > 20
    assert widest(out) <= 80, next(line for line in out.splitlines() if cell_len(line) > 80)
    assert "\x1b[" not in out  # a pipe gets no colour codes


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", ["check", "tasks"])
def test_fixture_report_and_its_file_fit_80_columns(
    command: str, lang: str, tmp_path: Path
) -> None:
    out = run(*fixture_args(command), "--lang", lang).stdout
    assert widest(out) <= 80
    target = tmp_path / "report.txt"
    run(*fixture_args(command), "--lang", lang, "--output", str(target))
    text = target.read_text(encoding="utf-8")
    assert text == out
    assert widest(text) <= 80
    assert "\x1b[" not in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_wide_terminal_is_used_for_a_pipe_only_up_to_its_width() -> None:
    """``COLUMNS`` sets the width of a piped table; the 80-column layout stays intact."""
    out = run(*fixture_args("tasks"), "--lang", "en", env={"COLUMNS": "120"}).stdout
    assert 80 < widest(out) <= 120
