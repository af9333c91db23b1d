"""``glplan tasks`` and ``glplan progress add`` through the command line."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from gl_plan.cli import app, progress_cmds

runner = CliRunner()
AS_OF = "2026-11-30"


@pytest.fixture
def real(repo_root: Path) -> list[str]:
    """Options naming the repository's plan and sample ledger."""
    return [
        "--plan",
        str(repo_root / "data" / "plan.yaml"),
        "--progress",
        str(repo_root / "data" / "progress.csv"),
    ]


@pytest.fixture
def project(tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (data/plan.yaml and data/progress.csv) as the working directory."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(repo_root / "data" / "plan.yaml", data / "plan.yaml")
    shutil.copy(repo_root / "data" / "progress.csv", data / "progress.csv")
    monkeypatch.chdir(tmp_path)
    return data


# --------------------------------------------------------------------------- glplan tasks


def test_json_covers_all_35_tasks_overdue_first(real: list[str]) -> None:
    result = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["as_of"] == AS_OF
    assert len(doc["tasks"]) == 35
    first = doc["tasks"][0]
    assert {
        "id",
        "action",
        "title",
        "deadline",
        "due",
        "ongoing",
        "status",
        "rag",
        "completed_on",
        "last_report",
        "flags",
        "quantities",
        "regions",
    } <= set(first)
    assert set(first["title"]) == {"zh", "en"}
    statuses = [t["status"] for t in doc["tasks"]]
    n = statuses.count("overdue")
    assert n > 0
    assert statuses[:n] == ["overdue"] * n
    assert doc["summary"]["total"] == 35
    assert doc["summary"]["overdue"] == n
    assert doc["problems"] == []
    a94 = next(t for t in doc["tasks"] if t["id"] == "A9.4")
    assert a94["due"] == "2022-08-31"
    assert a94["regions"][0]["completed"][:1] == ["450321"]


def test_due_soon_follows_overdue(real: list[str]) -> None:
    result = runner.invoke(app, ["tasks", *real, "--as-of", "2025-10-15", "-f", "json"])
    statuses = [t["status"] for t in json.loads(result.stdout)["tasks"]]
    first_other = next(i for i, s in enumerate(statuses) if s not in ("overdue", "due_soon"))
    assert "due_soon" in statuses[:first_other]
    assert statuses[:first_other] == sorted(
        statuses[:first_other], key=["overdue", "due_soon"].index
    )
    assert not {"overdue", "due_soon"} & set(statuses[first_other:])


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--status", "overdue"], lambda t: t["status"] == "overdue"),
        (["--status", "done,done_late"], lambda t: t["status"] in ("done", "done_late")),
        (["-s", "red", "-s", "amber"], lambda t: t["rag"] in ("red", "amber")),
        (["--action", "a9"], lambda t: t["action"] == "A9"),
    ],
)
def test_filters(real: list[str], args: list[str], check: object) -> None:
    result = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "-f", "json", *args])
    assert result.exit_code == 0, result.output
    tasks = json.loads(result.stdout)["tasks"]
    assert tasks
    assert all(check(t) for t in tasks)  # type: ignore[operator]
    assert json.loads(result.stdout)["summary"]["total"] == len(tasks)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "late"], "--status must be one of"),
        (["--action", "A11"], "--action must be one of"),
        (["--format", "html"], "--format must be one of"),
        (["--as-of", "2026-13-01"], "--as-of must be a date"),
        (["--lang", "fr"], "--lang must be zh or en"),
    ],
)
def test_usage_errors_exit_2(real: list[str], args: list[str], message: str) -> None:
    result = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, *args])
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("as_of", ["2022-10-15", "2025-10-15", AS_OF])
def test_table_fits_80_columns(real: list[str], lang: str, as_of: str) -> None:
    result = runner.invoke(app, ["tasks", *real, "--as-of", as_of, "--lang", lang, "--all"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert sum(1 for line in lines if re.match(r"\s*A\d+\.\d+ ", line)) == 35


def test_table_labels_colours_in_text(real: list[str]) -> None:
    result = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "--lang", "en", "--all"])
    out = result.stdout
    assert "Tasks as of 2026-11-30" in out
    assert "red" in out
    assert "overdue" in out
    assert "18/30 (60%)" in out
    assert "6/6 regions" in out
    assert "As of 2026-11-30, 35 tasks: 5 overdue" in out
    zh = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "--lang", "zh"]).stdout
    assert "已逾期" in zh
    assert "红" in zh


def test_csv_and_markdown(real: list[str]) -> None:
    out = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "-f", "csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 35
    assert rows[0]["status"] == "overdue"
    digital = next(r for r in rows if r["id"] == "A3.6")
    assert digital["progress"].startswith("18/30 schools")
    assert "quantity_behind" in digital["flags"]
    md = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "-f", "markdown", "--all"]).stdout
    assert md.startswith("## Tasks as of 2026-11-30")
    assert md.count("\n| A") == 35


def _attention(doc: dict[str, object]) -> list[str]:
    """The ids of the tasks a reader must see, from the JSON: red, amber or stale."""
    return [
        t["id"]
        for t in doc["tasks"]  # type: ignore[attr-defined]
        if t["rag"] in ("red", "amber") or "stale" in t["flags"]
    ]


def _ids(out: str) -> list[str]:
    return re.findall(r"^\|? ?(A\d+\.\d+) ", out, flags=re.MULTILINE)


@pytest.mark.parametrize("as_of", ["2025-10-15", AS_OF])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_default_shows_red_amber_and_stale_and_says_what_is_left_out(
    real: list[str], as_of: str, lang: str, fmt: str
) -> None:
    base = ["tasks", *real, "--as-of", as_of]
    doc = json.loads(runner.invoke(app, [*base, "-f", "json"]).stdout)
    wanted = _attention(doc)
    assert 0 < len(wanted) < 35
    out = runner.invoke(app, [*base, "-f", fmt, "--lang", lang]).stdout
    assert _ids(out) == wanted
    left = 35 - len(wanted)
    if lang == "en":
        line = f"{left} green tasks (on schedule, ongoing or done) not shown; glplan tasks --all"
        assert line in " ".join(out.split())
        assert f"35 tasks: {doc['summary']['overdue']} overdue" in out  # the summary counts all
    else:
        assert f"另有 {left} 项任务为绿色" in out
        assert "glplan tasks --all" in out
    every = runner.invoke(app, [*base, "-f", fmt, "--lang", lang, "--all"]).stdout
    assert len(_ids(every)) == 35
    assert "--all" not in every


def test_status_overrides_the_default(real: list[str]) -> None:
    base = ["tasks", *real, "--as-of", AS_OF]
    done = runner.invoke(app, [*base, "--status", "done"]).stdout
    ids = _ids(done)
    assert ids
    assert "--all" not in done
    doc = json.loads(runner.invoke(app, [*base, "-f", "json", "--status", "done"]).stdout)
    assert ids == [t["id"] for t in doc["tasks"]]


def test_json_and_csv_keep_every_task_by_default(real: list[str]) -> None:
    base = ["tasks", *real, "--as-of", AS_OF]
    assert len(json.loads(runner.invoke(app, [*base, "-f", "json"]).stdout)["tasks"]) == 35
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*base, "-f", "csv"]).stdout)))
    assert len(rows) == 35


def test_output_file(real: list[str], tmp_path: Path) -> None:
    target = tmp_path / "tasks.csv"
    result = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "-f", "csv", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # for Excel
    assert data.decode("utf-8-sig").startswith("id,action,title")
    table = tmp_path / "tasks.txt"
    runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "-o", str(table)])
    text = table.read_text("utf-8")
    assert "\x1b[" not in text
    assert max(cell_len(line) for line in text.splitlines()) <= 80


def test_ledger_errors_go_to_stderr_and_exit_1(repo_root: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "progress.csv"
    ledger.write_text(
        "date,task,status\n2022-12-01,A9.5,completed\n2022-12-01,A9.55,completed\n", "utf-8"
    )
    plan = str(repo_root / "data" / "plan.yaml")
    result = runner.invoke(
        app, ["tasks", "--plan", plan, "--progress", str(ledger), "--as-of", AS_OF, "-f", "json"]
    )
    assert result.exit_code == 1
    assert f"{ledger}:3:2: task: unknown task 'A9.55'" in result.stderr
    doc = json.loads(result.stdout)
    assert next(t for t in doc["tasks"] if t["id"] == "A9.5")["status"] == "done"
    assert doc["problems"][0]["line"] == 3


def test_unreadable_ledger_exits_2(repo_root: Path, tmp_path: Path) -> None:
    plan = str(repo_root / "data" / "plan.yaml")
    missing = runner.invoke(app, ["tasks", "--plan", plan, "--progress", str(tmp_path / "x.csv")])
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    result = runner.invoke(app, ["tasks", "--plan", plan, "--progress", str(binary)])
    assert result.exit_code == 2


def test_default_ledger_is_the_projects(project: Path) -> None:
    result = runner.invoke(app, ["tasks", "--as-of", AS_OF, "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert Path(doc["ledger"]).resolve() == (project / "progress.csv").resolve()
    assert doc["summary"]["overdue"] == 5


def test_no_default_ledger_means_nothing_reported(project: Path) -> None:
    (project / "progress.csv").unlink()
    result = runner.invoke(app, ["tasks", "--as-of", AS_OF, "-f", "json"])
    assert result.exit_code == 0
    assert "no progress ledger" in result.stderr
    doc = json.loads(result.stdout)
    assert doc["summary"]["overdue"] == 33  # every dated task
    assert doc["summary"]["ongoing"] == 2


def test_the_default_ledger_is_beside_an_explicit_plan(tmp_path: Path, repo_root: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    shutil.copy(repo_root / "data" / "plan.yaml", folder / "plan.yaml")
    (folder / "progress.csv").write_text("date,task,status\n2022-12-01,A9.5,completed\n", "utf-8")
    result = runner.invoke(
        app, ["tasks", "--plan", str(folder / "plan.yaml"), "--as-of", AS_OF, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["ledger"] == str(folder / "progress.csv")
    assert doc["summary"]["done"] == 1


def test_help_has_examples() -> None:
    for args in (["tasks", "--help"], ["progress", "add", "--help"], ["progress", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0
        if args[-2:] != ["progress", "--help"]:
            assert "Example" in result.stdout


# --------------------------------------------------------------------------- progress add


def test_progress_add_appends_and_prints_the_entry(project: Path) -> None:
    ledger = project / "progress.csv"
    before = ledger.read_bytes()
    result = runner.invoke(
        app,
        [
            "progress",
            "add",
            "A3.6",
            "--status",
            "进行中",
            "--value",
            "20",
            "--date",
            "2026-11-01",
            "--note",
            "已建成20所,继续推进",
            "--reporter",
            "电教站",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "added 2026-11-01 A3.6 in_progress value=20" in result.stdout
    after = ledger.read_bytes()
    assert after.startswith(before)
    added = after[len(before) :].decode()
    assert added == '2026-11-01,A3.6,in_progress,20,"已建成20所,继续推进",,电教站,\n'
    doc = json.loads(runner.invoke(app, ["tasks", "--as-of", AS_OF, "-f", "json"]).stdout)
    a36 = next(t for t in doc["tasks"] if t["id"] == "A3.6")
    assert a36["quantities"][0]["achieved"] == 20


def test_progress_add_region_and_metric(project: Path) -> None:
    result = runner.invoke(
        app,
        [
            "progress",
            "add",
            "A9.7",
            "-s",
            "in_progress",
            "--value",
            "2",
            "--metric",
            "national_labour_education_zones",
            "--date",
            "2026-10-01",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app,
        ["progress", "add", "A7.6", "-s", "completed", "--region", "全州", "--date", "2026-10-02"],
    )
    assert result.exit_code == 0, result.output
    assert "region=Quanzhou County" in result.stdout
    result = runner.invoke(
        app,
        ["progress", "add", "A7.6", "-s", "completed", "--region", "兴安", "--date", "2026-10-03"],
        env={"GLPLAN_LANG": "zh"},
    )
    assert result.exit_code == 0, result.output
    assert "已记录 2026-10-03 A7.6 已完成 县区=兴安县" in result.stdout


def test_progress_add_defaults_to_today(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_cmds, "resolve_as_of", lambda _: date(2026, 12, 5))
    result = runner.invoke(app, ["progress", "add", "A9.5", "--status", "completed"])
    assert result.exit_code == 0, result.output
    assert (
        (project / "progress.csv").read_text("utf-8").endswith("2026-12-05,A9.5,completed,,,,,\n")
    )
    # ... and refuses a date after today.
    late = runner.invoke(
        app, ["progress", "add", "A9.5", "-s", "completed", "--date", "2026-12-06"]
    )
    assert late.exit_code == 2
    assert "in the future (today is 2026-12-05)" in late.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["A9.55", "-s", "completed"], "did you mean A9.5"),
        (["A3.6", "-s", "finished"], "unknown status 'finished'"),
        (["A3.6", "-s", "completed", "--value", "-4"], "must not be negative"),
        (["A3.6", "-s", "completed", "--date", "2026-02-30"], "impossible date"),
        (["A3.6", "-s", "completed", "--date", "2999-01-01"], "in the future"),
        (["A3.6", "-s", "completed", "--region", "Atlantis"], "unknown region 'Atlantis'"),
        (["A1.1", "-s", "completed", "--value", "3"], "commits to no quantity"),
    ],
)
def test_progress_add_refuses_and_changes_nothing(
    project: Path, args: list[str], message: str
) -> None:
    ledger = project / "progress.csv"
    before = ledger.read_bytes()
    result = runner.invoke(app, ["progress", "add", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert str(ledger) in result.stderr or "progress.csv" in result.stderr
    assert result.stdout == ""
    assert ledger.read_bytes() == before


def test_progress_add_needs_a_status(project: Path) -> None:
    result = runner.invoke(app, ["progress", "add", "A3.6"])
    assert result.exit_code == 2


def test_progress_add_explicit_file(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "ledger.csv"
    result = runner.invoke(
        app,
        [
            "progress",
            "add",
            "A9.5",
            "-s",
            "completed",
            "--date",
            "2023-01-05",
            "--progress",
            str(target),
            "--plan",
            str(repo_root / "data" / "plan.yaml"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{target}:2: added")
    assert target.read_text("utf-8").startswith("date,task,status,value,note,region,reporter")


def test_progress_add_never_writes_the_bundled_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no data/plan.yaml here: the bundled sample is the default
    result = runner.invoke(
        app, ["progress", "add", "A9.5", "-s", "completed", "--date", "2023-01-05"]
    )
    assert result.exit_code == 2
    assert "no project ledger" in result.stderr


# --------------------------------------------------------------------------- implausible values


def test_progress_add_refuses_a_value_far_beyond_the_target(project: Path) -> None:
    """A3.6 commits to 30 demonstration schools: 1010 is a typo for 10 (or 101), not progress."""
    ledger = project / "progress.csv"
    before = ledger.read_bytes()
    args = ["progress", "add", "A3.6", "-s", "in_progress", "--value", "1010", "--date",
            "2026-11-01"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "1010" in result.stderr
    assert "30" in result.stderr
    assert "--force" in result.stderr
    assert result.stdout == ""
    assert ledger.read_bytes() == before

    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert "value=1010" in forced.stdout
    assert ledger.read_bytes() == before + b"2026-11-01,A3.6,in_progress,1010,,,,\n"


@pytest.mark.parametrize("value", ["1e308", "inf", "-inf", "nan", "1e10"])
def test_progress_add_refuses_absurd_values_even_with_force(project: Path, value: str) -> None:
    ledger = project / "progress.csv"
    before = ledger.read_bytes()
    for extra in ([], ["--force"]):
        result = runner.invoke(
            app, ["progress", "add", "A3.6", "-s", "in_progress", "--value", value, *extra]
        )
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        # Echoed short: never the 309 digits of int(1e308).
        assert not re.search(r"[0-9]{16}", result.stderr), result.stderr
        if value == "1e308":
            assert "1e+308" in result.stderr
        assert ledger.read_bytes() == before


def test_progress_add_refuses_a_read_only_ledger(project: Path) -> None:
    ledger = project / "progress.csv"
    before = ledger.read_bytes()
    ledger.chmod(0o444)
    result = runner.invoke(app, ["progress", "add", "A9.5", "-s", "completed", "--date",
                                 "2026-11-01"])  # fmt: skip
    assert result.exit_code == 2
    assert "is read-only" in result.stderr
    assert ledger.read_bytes() == before


def test_tasks_refuses_to_replace_a_read_only_output(real: list[str], tmp_path: Path) -> None:
    out = tmp_path / "tasks.md"
    out.write_bytes(b"keep me\n")
    out.chmod(0o444)
    result = runner.invoke(app, ["tasks", *real, "--as-of", AS_OF, "--output", str(out)])
    assert result.exit_code == 2
    assert str(out) in result.stderr
    assert "is read-only" in result.stderr
    assert out.read_bytes() == b"keep me\n"
