"""Choosing the output format and writing files: suffixes, conflicts, atomic writes, BOM."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_fixtures import fixture_args, run
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.cli.common import output_format, print_problems, write_output
from gl_plan.cli.terminal import write_view
from gl_plan.errors import GlplanError, Problem, Severity
from gl_plan.i18n import _

ALL = ("table", "json", "csv", "markdown", "html")


@pytest.mark.parametrize(
    ("fmt", "name", "expected"),
    [
        (None, None, "table"),
        ("json", None, "json"),
        ("md", None, "markdown"),
        (None, "r.md", "markdown"),
        (None, "r.CSV", "csv"),
        (None, "r.json", "json"),
        (None, "r.html", "html"),
        (None, "r.txt", "table"),
        ("csv", "r.csv", "csv"),
        ("markdown", "report.out", "markdown"),
    ],
)
def test_format_from_option_and_suffix(fmt: str | None, name: str | None, expected: str) -> None:
    assert output_format(fmt, Path(name) if name else None, ALL) == expected


@pytest.mark.parametrize(
    ("fmt", "name", "formats", "message"),
    [
        ("pdf", None, ALL, "--format must be one of"),
        (None, "report.xyz", ALL, "cannot tell the format"),
        ("csv", "r.json", ALL, "does not match"),
        (None, "r.html", ("table", "json"), "this command writes"),
    ],
)
def test_format_usage_errors(
    fmt: str | None, name: str | None, formats: tuple[str, ...], message: str
) -> None:
    with pytest.raises(GlplanError) as err:
        output_format(fmt, Path(name) if name else None, formats)
    assert message in str(err.value.problems[0])


def test_csv_file_has_a_bom_and_text_files_do_not(tmp_path: Path) -> None:
    write_output("a,b\n", tmp_path / "x.csv", "csv")
    write_output("# x", tmp_path / "x.md", "markdown")
    assert (tmp_path / "x.csv").read_bytes() == b"\xef\xbb\xbfa,b\n"
    assert (tmp_path / "x.md").read_bytes() == b"# x\n"


def test_tables_written_to_a_file_have_no_colour_codes(tmp_path: Path) -> None:
    from rich.text import Text

    write_view([Text("red", style="bold red")], tmp_path / "t.txt", "table")
    assert (tmp_path / "t.txt").read_text(encoding="utf-8") == "red\n"


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    target = tmp_path / "report.md"
    target.write_text("old\n", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(GlplanError, match="No space left"):
        write_output("new", target, "markdown")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_tasks_pick_the_format_from_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "tasks.csv"
    result = run(*fixture_args("tasks"), "--lang", "en", "--output", str(target))
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8-sig").startswith("id,action,title,")


def test_tasks_do_not_write_html(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*fixture_args("tasks"), "--output", str(tmp_path / "t.html")])
    assert result.exit_code == 2
    assert "this command writes" in result.stderr


def _md_header(text: str) -> list[str]:
    header = next(line for line in text.splitlines() if line.startswith("| "))
    return [c.strip() for c in header.strip("|").split("|")]


@pytest.mark.parametrize("command", ["check", "tasks"])
def test_markdown_and_csv_columns_are_named_like_the_json_keys(command: str) -> None:
    """In English; in Chinese the same columns have Chinese headers (and the JSON keys
    never change)."""
    import csv
    import io
    import json

    from gl_plan.report.format import CJK_RE

    doc = json.loads(run(*fixture_args(command), "-f", "json").stdout)
    rows = doc["indicators"] if command == "check" else doc["tasks"]
    keys = set(rows[0])
    columns = _md_header(run(*fixture_args(command), "-f", "markdown", "--lang", "en").stdout)
    assert {"region", "status"} <= set(columns) or {"id", "status"} <= set(columns)
    assert set(columns) - keys <= {"progress"}
    csv_head = next(csv.reader(io.StringIO(run(*fixture_args(command), "-f", "csv").stdout)))
    assert "status" in csv_head
    assert "rag" in csv_head

    zh_md = _md_header(run(*fixture_args(command), "-f", "markdown", "--lang", "zh").stdout)
    zh_csv = next(
        csv.reader(io.StringIO(run(*fixture_args(command), "-f", "csv", "--lang", "zh").stdout))
    )
    assert len(zh_md) == len(columns)
    assert len(zh_csv) == len(csv_head)
    assert all(CJK_RE.search(name) for name in [*zh_md, *zh_csv])
    zh_doc = json.loads(run(*fixture_args(command), "-f", "json", "--lang", "zh").stdout)
    zh_rows = zh_doc["indicators"] if command == "check" else zh_doc["tasks"]
    assert set(zh_rows[0]) == keys


def _colour_codes(text: str) -> list[str]:
    """SGR parameters that set a colour (30-38, 40-48, 90-97, 100-107)."""
    import re

    found = []
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        for p in params.split(";"):
            if p and (30 <= int(p) <= 48 or 90 <= int(p) <= 107):
                found.append(p)
    return found


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    coloured = run(*fixture_args("tasks"), env={"FORCE_COLOR": "1", "TERM": "xterm"}).stdout
    assert _colour_codes(coloured)
    assert "overdue" in coloured  # the colour's meaning is also written out
    plain = run(
        *fixture_args("tasks"), env={"FORCE_COLOR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    ).stdout
    assert _colour_codes(plain) == []


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, False),
        ({"FORCE_COLOR": "1", "TERM": "unknown"}, False),
        ({"FORCE_COLOR": ""}, False),
        ({"TTY_COMPATIBLE": "1"}, True),
        ({}, False),  # a pipe
    ],
)
def test_messages_on_stderr_are_coloured_as_rich_colours_tables(
    env: dict[str, str],
    coloured: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    error = Problem(
        _(
            "{option} must be one of {allowed}, not {value!r}",
            option="--x",
            allowed="a",
            value="b",
        ),
        file="f.csv",
    )
    note = Problem(
        _(
            "using the bundled sample (synthetic data, not official statistics): no "
            "data/plan.yaml in this folder or its parents",
        ),
        severity=Severity.INFO,
    )
    print_problems([error, note], "en")
    err = capsys.readouterr().err
    assert ("\x1b[31m" in err and "\x1b[36m" in err) is coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", err).splitlines()[0].startswith("f.csv: ")
