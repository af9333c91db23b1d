"""Under ``--lang zh`` what glplan says about a plan is Chinese throughout.

Each line is scanned for English words once what is printed as the user wrote it is taken
out: the location and the field's path, quoted text, the plan's own keys (``regions``,
``deadline_override``), file formats (YAML, UTF-8) and ``glplan schema``. Every pydantic
error type a plan can produce is worded in both languages by its type, never passed on in
pydantic's English.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.errors import GlplanError
from gl_plan.i18n import Msg
from gl_plan.plan import messages
from gl_plan.plan.load import parse_plan
from gl_plan.plan.messages import reason
from gl_plan.plan.models import Plan
from gl_plan.plan.schema import plan_json_schema

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "bad"
MINIMAL = BAD.parent / "minimal.yaml"
runner = CliRunner()

_LOCATED = re.compile(r"^\S+?\.yaml(?::\d+){0,2}: (?:[\w.<>]+: )?")
_VERBATIM = [
    re.compile(r"“[^”]*”|'[^']*'|`[^`]*`"),  # the user's text, commands
    re.compile(r"\b(?:YAML|UTF|Unicode|YYYY|GB/T)\b"),  # formats and notations
]
#: A word, or a key written with underscores (deadline_override).
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z_]+[A-Za-z]")


def _schema_keys(node: Any) -> set[str]:
    """Every key the plan's schema has, at any depth: the words a plan author types."""
    keys: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            keys |= (
                set(item.get("properties", {}))
                if isinstance(item.get("properties"), dict)
                else set()
            )
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return keys


KEYS = _schema_keys(plan_json_schema())
ENUM_VALUES = {"higher_is_better", "lower_is_better"}


def english_words(line: str) -> list[str]:
    rest = _LOCATED.sub(" ", line)
    for pattern in _VERBATIM:
        rest = pattern.sub(" ", rest)
    return [w for w in _ENGLISH.findall(rest) if w not in KEYS and w not in ENUM_VALUES]


def test_the_scanner_finds_english_and_lets_the_users_words_through() -> None:
    assert english_words("p.yaml:3:1: a.b: 应为整数 expected") == ["expected"]
    assert english_words("p.yaml:3:1: a.b: 缺少“regions”，参见 `glplan schema`；YAML") == []
    assert "deadline_override" in KEYS


def test_validate_in_chinese_on_three_mistakes() -> None:
    """A misspelt key, a wrong type and a bad time limit: three located lines in Chinese."""
    result = runner.invoke(app, ["validate", str(BAD / "three_mistakes.yaml"), "--lang", "zh"])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "indicators.0.denominater",
        "goals.1.year",
        "actions.1.tasks.0.deadline",
    ]
    assert {line: english_words(line) for line in lines} == {line: [] for line in lines}


@pytest.mark.parametrize("golden", sorted((BAD / "expected" / "zh").glob("*.txt")), ids=str)
def test_every_broken_plan_reads_in_chinese(golden: Path) -> None:
    lines = golden.read_text(encoding="utf-8").splitlines()
    assert lines
    assert {line: english_words(line) for line in lines} == {line: [] for line in lines}


#: A change to the minimal plan for each pydantic error type a plan can produce.
MISTAKES = {
    "missing": ("    kind: city\n", "\n"),
    "extra_forbidden": ("    kind: city\n", "    kind: city\n    knd: city\n"),
    "string_type": ("text: 坚持党建引领。", "text: [a]"),
    "string_type (yes/no)": ("en: Yangshuo}", "en: NO}"),
    "string_type (date)": ("text: 坚持党建引领。", "text: 2022-01-01"),
    "string_type (empty)": ("text: 坚持党建引领。", "text:"),
    "string_too_short": ("text: 坚持党建引领。", "text: ''"),
    "string_too_long": ("id: preschool_gross_enrollment_rate", f"id: p{'x' * 80}"),
    "string_pattern_mismatch": ("id: test-plan", "id: Test Plan"),
    "int_parsing": ("year: 2025", "year: 二〇二五"),
    "int_type": ("year: 2025", "year: [2025]"),
    "int_from_float": ("year: 2025", "year: 2025.5"),
    "int_parsing_size": ("number: 1", f"number: '{'9' * 5000}'"),
    "float_parsing": ("value: 6", "value: six"),
    "float_type": ("value: 6", "value: [6]"),
    "bool_parsing": ("per_region: true", "per_region: maybe"),
    "bool_type": ("per_region: true", "per_region: [true]"),
    "date_from_datetime_parsing": ("issued: 2022-03-16", "issued: sometime"),
    "date_type": ("issued: 2022-03-16", "issued: [1]"),
    "date_from_datetime_inexact": ("by: 2022-08-31", "by: 2022-08-31 10:00:00"),
    "enum": ("kind: city", "kind: town"),
    "literal_error": ("schema_version: 1", "schema_version: 2"),
    "greater_than_equal": ("until: 2018", "until: 1900"),
    "less_than_equal": ("until: 2018", "until: 2300"),
    "too_short": ("    tasks:\n      - id: A1.1", "    tasks: []\n    xtasks:\n      - id: A1.1"),
    "list_type": ("    former:\n", "    former: 荔浦县\n    xformer:\n"),
    "dict_type": ("targets: {preschool_gross_enrollment_rate: 100.7}", "targets: [1]"),
    "model_type": ("title: {zh: 任务, en: Task}", "title: 任务"),
    "value_error": ("plausible_range: {min: 0, max: 150}", "plausible_range: {min: 9, max: 1}"),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_every_error_type_is_worded_in_both_languages(mistake: str) -> None:
    old, new = MISTAKES[mistake]
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    with pytest.raises(ValidationError) as raised:
        Plan.model_validate(yaml.safe_load(changed))
    assert mistake.split(" ")[0] in {err["type"] for err in raised.value.errors()}
    with pytest.raises(GlplanError) as info:
        parse_plan(changed, file="plan.yaml")
    for problem in info.value.problems:
        assert isinstance(problem.message, Msg), problem
        # Worded by its type, not the catch-all "not accepted (type)".
        assert not str(problem.message).startswith("not accepted ("), problem
        assert problem.line is not None, problem
        line = problem.render("zh")
        assert english_words(line) == [], line


def test_an_error_type_not_worded_still_says_in_chinese_that_the_value_is_refused() -> None:
    err: Any = {
        "type": "uuid_parsing",
        "loc": ("plan", "id"),
        "msg": "Input should be a valid UUID",
        "input": "x",
        "ctx": {},
    }
    said = reason(err)
    assert said.text("zh") == "此值不被接受（uuid_parsing）（实际为“x”）"
    assert said.text("en") == "not accepted (uuid_parsing): Input should be a valid UUID (got 'x')"


def test_doctests() -> None:
    assert doctest.testmod(messages).failed == 0
