"""Choosing the output format and writing files: suffixes, conflicts, atomic writes, BOM."""

from __future__ import annotations

import importlib
import inspect
import json
import re
from pathlib import Path

import pytest
from report_fixtures import fixture_args, run
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.cli.common import print_problems, write_output
from gl_plan.cli.formats import FORMATS, choose_format, formats_of, render
from gl_plan.cli.terminal import write_view
from gl_plan.cli.views import PlanView
from gl_plan.errors import GlplanError, Problem, Severity
from gl_plan.i18n import _
from gl_plan.plan.load import load_plan
from gl_plan.resources import resolve_inputs

#: The views and the formats each is offered in (the table in gl_plan.cli.formats).
OFFERED = {
    "check": ["table", "json", "csv", "markdown", "html", "xlsx"],
    "tasks": ["table", "json", "csv", "markdown", "ics"],
    "supervision": ["table", "json", "markdown"],
    "data": ["table", "json", "csv", "markdown"],
    "explain": ["table", "json", "markdown"],
    "plan": ["table", "json"],
}


@pytest.mark.parametrize("view", sorted(OFFERED))
def test_each_view_is_offered_in_its_formats(view: str) -> None:
    assert [f.name for f in formats_of(view)] == OFFERED[view]


def test_every_registered_renderer_is_a_function_of_a_model_and_a_language() -> None:
    """A renderer is named by ``module:function``: a typo would only fail when chosen."""
    for fmt in FORMATS:
        for view, path in fmt.renders.items():
            module, _, name = path.partition(":")
            function = getattr(importlib.import_module(module), name)
            assert list(inspect.signature(function).parameters) == ["view", "lang"], (view, fmt)


def test_a_suffix_chooses_one_format_and_a_name_one_format() -> None:
    suffixes = [s for f in FORMATS for s in f.suffixes]
    names = [n for f in FORMATS for n in (f.name, *f.aliases)]
    assert len(suffixes) == len(set(suffixes))
    assert len(names) == len(set(names))
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)


def test_render_gives_the_format_s_content() -> None:
    """The view model goes to the chosen format's renderer, nothing else decides."""
    plan = load_plan(resolve_inputs(None).plan)
    content = render("plan", choose_format("plan", "json", None), PlanView(plan), "en")
    assert isinstance(content, str)
    assert json.loads(content)["plan"]["title"]["en"]


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
    assert choose_format("check", fmt, Path(name) if name else None).name == expected


@pytest.mark.parametrize(
    ("fmt", "name", "view", "message"),
    [
        ("pdf", None, "check", "--format must be one of"),
        ("csv", None, "explain", "--format must be one of"),
        (None, "report.xyz", "check", "cannot tell the format"),
        ("csv", "r.json", "check", "does not match"),
        (None, "r.html", "tasks", "this command writes"),
    ],
)
def test_format_usage_errors(fmt: str | None, name: str | None, view: str, message: str) -> None:
    with pytest.raises(GlplanError) as err:
        choose_format(view, fmt, Path(name) if name else None)
    assert message in str(err.value.problems[0])


def test_csv_file_has_a_bom_and_text_files_do_not(tmp_path: Path) -> None:
    write_output("a,b\n", tmp_path / "x.csv", bom=True)
    write_output("# x", tmp_path / "x.md")
    assert (tmp_path / "x.csv").read_bytes() == b"\xef\xbb\xbfa,b\n"
    assert (tmp_path / "x.md").read_bytes() == b"# x\n"


def test_a_binary_format_is_written_exactly_and_text_ends_with_a_newline(tmp_path: Path) -> None:
    write_output(b"PK\x03\x04", tmp_path / "x.xlsx", binary=True)
    write_output(b'{"a": 1}', tmp_path / "x.json")
    assert (tmp_path / "x.xlsx").read_bytes() == b"PK\x03\x04"
    assert (tmp_path / "x.json").read_bytes() == b'{"a": 1}\n'


def test_tables_written_to_a_file_have_no_colour_codes(tmp_path: Path) -> None:
    from rich.text import Text

    write_view([Text("red", style="bold red")], tmp_path / "t.txt")
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
        write_output("new", target)
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


@pytest.mark.parametrize(
    ("command", "columns"),
    [
        ("check", ("region_level", "status", "rag")),
        ("tasks", ("ongoing", "status", "rag", "latest_status", "flags")),
    ],
)
def test_chinese_csv_holds_the_words_and_english_the_codes(
    command: str, columns: tuple[str, ...]
) -> None:
    """``--lang zh``: the status, colour, level and flag cells in Chinese, as in the
    Markdown; ``--lang en`` the codes of the JSON; the ids the same in both."""
    import csv
    import io

    from gl_plan.report.format import CJK_RE

    en = list(csv.reader(io.StringIO(run(*fixture_args(command), "-f", "csv").stdout)))
    zh = list(
        csv.reader(io.StringIO(run(*fixture_args(command), "-f", "csv", "--lang", "zh").stdout))
    )
    head = en[0]
    assert len(en) == len(zh) > 1
    for name in columns:
        i = head.index(name)
        en_cells = {row[i] for row in en[1:]} - {""}
        zh_cells = {row[i] for row in zh[1:]} - {""}
        assert en_cells, name
        assert all(re.fullmatch(r"[a-z_;]+", c) for c in en_cells), name
        assert zh_cells, name
        assert all(CJK_RE.search(c) for c in zh_cells), name
    first = head.index("region" if command == "check" else "id")
    assert [row[first] for row in en][1:] == [row[first] for row in zh][1:]
    doc = json.loads(run(*fixture_args(command), "-f", "json", "--lang", "zh").stdout)
    rows = doc["indicators"] if command == "check" else doc["tasks"]
    assert {r["rag"] for r in rows} <= {"red", "amber", "green", "grey"}
