"""Safe loading of plan YAML and located error messages (golden files)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.errors import GlplanError
from gl_plan.plan.load import MAX_PLAN_BYTES, load_plan, parse_plan

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "bad"
GOLDEN = BAD / "expected"
MINIMAL = BAD.parent / "minimal.yaml"
UPDATE = os.environ.get("GLPLAN_UPDATE_GOLDEN") == "1"

runner = CliRunner()


def golden_file(name: str, lang: str) -> Path:
    """``expected/NAME.txt`` in English, ``expected/zh/NAME.txt`` in Chinese."""
    return GOLDEN / f"{name}.txt" if lang == "en" else GOLDEN / lang / f"{name}.txt"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(p.stem for p in BAD.glob("*.yaml")))
def test_broken_plan_gives_located_messages(
    name: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    result = runner.invoke(app, ["validate", f"{name}.yaml", "--lang", lang])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    golden = golden_file(name, lang)
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.stderr, encoding="utf-8")
    assert result.stderr == golden.read_text(encoding="utf-8")
    for line in result.stderr.splitlines():
        assert line.startswith(f"{name}.yaml"), "every message names the file"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_broken_fixture_has_a_golden_file(lang: str) -> None:
    goldens = golden_file("*", lang).parent.glob("*.txt")
    assert {p.stem for p in BAD.glob("*.yaml")} == {p.stem for p in goldens}


def test_messages_carry_line_column_and_field() -> None:
    with pytest.raises(GlplanError) as info:
        load_plan(BAD / "misspelt_key.yaml")
    fields = {p.field for p in info.value.problems}
    assert "indicators.0.numerater" in fields
    unknown = next(p for p in info.value.problems if p.field == "indicators.0.numerater")
    assert (unknown.line, unknown.column) == (29, 5)


def test_minimal_plan_loads() -> None:
    plan = load_plan(MINIMAL)
    assert plan.task_by_id["A1.1"].due is not None
    assert plan.resolve_region("荔浦县") == "450381"


def test_unquoted_no_in_a_text_is_refused_with_advice() -> None:
    """YAML 1.1, as yaml.safe_load reads it: an unquoted NO is false, which a text refuses
    with a message saying why; quoted, it is the text NO."""
    text = MINIMAL.read_text(encoding="utf-8").replace("en: Yangshuo}", "en: NO}", 1)
    with pytest.raises(GlplanError) as info:
        parse_plan(text)
    [problem] = info.value.problems
    assert (problem.field, problem.line) == ("regions.1.short.en", 16)
    assert "put the text in quotes" in problem.text()
    assert "请给文字加上引号" in problem.text("zh")
    quoted = parse_plan(text.replace("en: NO}", 'en: "NO"}'))
    assert quoted.region_by_code["450321"].short.en == "NO"


def test_yaml_11_scalars_are_read_as_safe_load_reads_them() -> None:
    """Dates, numbers with underscores and an unquoted ISO deadline, as PyYAML resolves them."""
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("deadline: 2022年8月底前", "deadline: 2022-08-31")
        .replace("value: 6", "value: 1_000")
    )
    task = parse_plan(text).task_by_id["A2.1"]
    assert (task.deadline, str(task.due)) == ("2022-08-31", "2022-08-31")
    assert task.quantities[0].value == 1000


def test_unquoted_region_code_is_read_as_text() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace('code: "450321"', "code: 450321")
    assert "450321" in parse_plan(text).region_by_code


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    with pytest.raises(GlplanError) as info:
        parse_plan(bomb)
    assert info.value.problems[0].code == "yaml-alias"


def test_oversized_plan_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_PLAN_BYTES + 1))
    with pytest.raises(GlplanError) as info:
        load_plan(big)
    assert info.value.problems[0].code == "too-large"


def test_missing_file_is_a_usage_error() -> None:
    result = runner.invoke(app, ["validate", "/nonexistent/plan.yaml"])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


@given(st.text(max_size=300))
def test_any_text_gives_a_result_or_our_error(text: str) -> None:
    try:
        parse_plan(text)
    except GlplanError as exc:
        assert exc.problems


@given(st.binary(max_size=300))
def test_any_bytes_give_a_result_or_our_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "plan.yaml"
    path.write_bytes(data)
    try:
        load_plan(path)
    except GlplanError as exc:
        assert exc.problems


def test_validate_takes_indicator_files_as_arguments(
    monkeypatch: pytest.MonkeyPatch, repo_root: Path, tmp_path: Path
) -> None:
    """As the pre-commit data hook calls it: changed county files, checked against the plan."""
    monkeypatch.chdir(repo_root)
    good = "data/indicators/450321_阳朔县.xlsx"
    ok = runner.invoke(app, ["validate", "--quiet", good, "--as-of", "2026-11-28"])
    assert ok.exit_code == 0, ok.output
    bad = tmp_path / "450323_灵川县.csv"
    bad.write_text("period,indicator,value\n2026Q1,巩固率,abc\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--quiet", good, str(bad), "--as-of", "2026-11-28"])
    assert result.exit_code == 1
    assert f"{bad}:2" in result.stderr


def test_an_integer_of_5000_digits_is_a_located_problem() -> None:
    """Python refuses to read an integer of more than 4,300 digits; the plan says where."""
    huge = "9" * 5000
    text = MINIMAL.read_text(encoding="utf-8").replace("value: 6", f"value: {huge}")
    with pytest.raises(GlplanError) as info:
        parse_plan(text, file="huge.yaml")
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.column) == ("huge.yaml", 60, 20)
    assert problem.field == "actions.1.tasks.0.quantities.0.value"
    assert "5,000 characters is too long" in problem.text()
    assert "5,000 个字符" in problem.text("zh")
