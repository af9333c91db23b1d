"""Every command is documented: a help text with an example, and no traceback for --help."""

from __future__ import annotations

import re
from typing import Final

import pytest
import typer
from typer.testing import CliRunner

from gl_plan.assess.check import FailOn
from gl_plan.assess.tasks import RAGS
from gl_plan.assess.tasks import STATUSES as TASK_STATUSES
from gl_plan.cli import app
from gl_plan.cli.application import COMMANDS
from gl_plan.cli.formats import FORMATS
from gl_plan.cli.task_cmds import GROUPINGS
from gl_plan.ledger.model import STATUSES as LEDGER_STATUSES
from gl_plan.project import Template
from gl_plan.report.format import CJK_RE

runner = CliRunner()


def _commands() -> list[list[str]]:
    # Typer vendors click; walk its command tree by duck typing (groups have .commands).
    group = typer.main.get_command(app)
    found: list[list[str]] = []
    for name, command in getattr(group, "commands", {}).items():
        subs = getattr(command, "commands", None)
        if subs:
            found += [[name, sub] for sub in subs]
        else:
            found.append([name])
    return found


def test_the_commands_are_all_there() -> None:
    names = {" ".join(c) for c in _commands()}
    assert names >= {"check", "tasks", "progress add", "data", "validate", "plan", "schema", "init"}


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout, f"glplan {' '.join(command)} --help has no example"


def test_help_lists_the_commands_in_the_table_order() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    listed = [
        m.group(1)
        for line in result.stdout.splitlines()
        if (m := re.match(r"│ ([a-z]+) +\S", line)) and m.group(1) in COMMANDS
    ]
    assert listed == list(COMMANDS)


def test_a_mistyped_command_gets_a_suggestion_and_exit_2() -> None:
    result = runner.invoke(app, ["chek"])
    assert result.exit_code == 2
    assert "Did you mean 'check'" in result.output


#: Words a Chinese help may hold in Latin letters: what the user types (commands, format
#: names, the values of --fail-on, --status and --template), the names of file formats and
#: tools, and the placeholders of a date.
TYPED: Final = {
    *COMMANDS,
    *("add", "list", "import"),
    *(f.name for f in FORMATS),
    *(level.value for level in FailOn),
    *TASK_STATUSES,
    *RAGS,
    *LEDGER_STATUSES,
    *(t.value for t in Template),
    *GROUPINGS,
    "zh",
    "en",
    "inf",
    "nan",
}
#: Names: of formats, tools and encodings, of the program, and JSON keys (in code).
NAMES: Final = {
    *("JSON", "CSV", "Markdown", "Schema", "draft", "shell", "matplotlib", "pip", "install"),
    *("Excel", "utf", "gb", "YYYY", "MM", "DD", "glplan", "summary", "title"),
}
#: What is not prose: option names, metavars, paths and file names, JSON snippets, code.
NOT_PROSE: Final = re.compile(
    r"""--?[A-Za-z][\w-]*        # an option
    | <[^>]*> | \{[^}]*\}        # a metavar: <str>, {task}; a JSON snippet
    | \b[A-Z]{2,}\b              # an argument's name: PATH, REGION
    | \S*[/.$]\S*                # a path, a file name, a suffix, $GLPLAN_LANG
    | '[^']*' | "[^"]*"          # quoted code
    | \b\d\w*                    # 2026Q3, 1e9, A9.4's digits
    | \b[A-Z]\d[\w.]*            # an action or task id: A3, A9.4
    """,
    re.VERBOSE,
)


def _built(command: list[str]) -> list[typer.core.TyperCommand]:
    """The command (its arguments are shown by name) and, for a group, its commands."""
    found = typer.main.get_command(app)
    for name in command:
        found = found.commands[name]
    return [found, *getattr(found, "commands", {}).values()]


def _prose_words(help_text: str) -> set[str]:
    """The Latin words of a help's prose; the examples (command lines, after 示例) aside."""
    body = help_text.split("示例：")[0]
    return set(re.findall(r"[A-Za-z][A-Za-z_]*", NOT_PROSE.sub(" ", body)))


@pytest.mark.parametrize("command", [[], *_commands()], ids=lambda c: " ".join(c) or "glplan")
def test_help_in_chinese_has_no_english_words(
    command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under GLPLAN_LANG=zh the help, the options' help and the examples' heading are
    Chinese; Latin letters only in what the user types and in names."""
    # The language is picked as the app is built, before the runner sets its environment.
    monkeypatch.setenv("GLPLAN_LANG", "zh")
    # Wide enough that no word is cut with "…".
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "用法" in result.stdout
    assert "选项" in result.stdout
    assert command == [] or command == ["progress"] or "示例" in result.stdout
    arguments = {
        p.name for c in _built(command) for p in c.params if p.param_type_name == "argument"
    }
    assert _prose_words(result.stdout) - TYPED - NAMES - arguments == set()


def test_the_english_words_would_be_found() -> None:
    """The check above can fail: English prose is caught, option names and ids are not."""
    assert _prose_words("Write to this file (--output a.csv, A9.4, <str>)") == {
        "Write",
        "to",
        "this",
        "file",
    }


def test_help_in_english_is_english() -> None:
    result = runner.invoke(app, ["check", "--help"], env={"GLPLAN_LANG": "en", "COLUMNS": "300"})
    assert "Usage" in result.stdout
    assert "Options" in result.stdout
    assert "table, json, csv, markdown, html or xlsx" in result.stdout
    assert not CJK_RE.search(result.stdout.split("Examples:")[0].replace("第三季度", ""))


def test_format_help_lists_the_command_s_formats_from_the_table() -> None:
    result = runner.invoke(app, ["explain", "--help"], env={"GLPLAN_LANG": "en", "COLUMNS": "300"})
    assert "table, json or markdown. Default: table" in result.stdout
    assert ".txt, .json, .md or .markdown picks the format" in result.stdout
