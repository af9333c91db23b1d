"""glplan status on the bundled sample and a half-submitted quarter; check's problems one
line per file before the answer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import AS_OF, PLAN, ROOT, glplan

SAMPLE = ROOT / "data" / "indicators"


def _status(folder: Path, *extra: str) -> dict:
    done = glplan("status", "--plan", str(PLAN), "--data", str(folder), "--as-of", AS_OF,
                  "--format", "json", *extra)  # fmt: skip
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    return json.loads(done.stdout)  # type: ignore[attr-defined]


def test_the_sample_quarter_is_complete() -> None:
    status = _status(SAMPLE)
    assert status["period"] == "2026Q3"
    assert status["not_sent"] == []
    assert all(r["missing"] == [] for r in status["regions"])
    xiangshan = next(r for r in status["regions"] if r["region"] == "450304")
    assert len(xiangshan["without_counts"]) == 3  # the wide file: values only


def test_a_half_submitted_quarter_lists_exactly_who_and_what_is_missing(tmp_path: Path) -> None:
    for f in sorted(
        SAMPLE.glob("4503[0-2]*.csv")
    ):  # 阳朔 (.xlsx), 平乐, 恭城 and 荔浦 send nothing
        shutil.copy(f, tmp_path)
    # 秀峰 sends its preschool figures only (its other rows are dropped).
    xiufeng = tmp_path / "450302_秀峰区.csv"
    lines = xiufeng.read_text("utf-8").splitlines()
    kept = [lines[0], *(x for x in lines[1:] if "preschool" in x or "2026Q3" not in x)]
    xiufeng.write_text("\n".join(kept) + "\n", encoding="utf-8")
    status = _status(tmp_path)
    sent = {f.name[:6] for f in tmp_path.glob("*.csv")}
    leaves = [r["region"] for r in status["regions"]]
    assert set(status["not_sent"]) == set(leaves) - sent
    assert leaves[: len(status["not_sent"])] == status["not_sent"]  # listed first
    missing = {r["region"]: r["missing"] for r in status["regions"] if r["missing"]}
    assert missing == {
        **dict.fromkeys(status["not_sent"], status["expected"]),
        "450302": ["compulsory_consolidation_rate", "senior_secondary_gross_enrollment_rate"],
    }
    table = glplan("status", "--plan", str(PLAN), "--data", str(tmp_path), "--as-of", AS_OF,
                   "--lang", "zh")  # fmt: skip
    assert "未报送：450321 阳朔县、450330 平乐县、450332 恭城瑶族自治县、450381 荔浦市\n" in (
        table.output  # type: ignore[attr-defined]
    )


def test_check_names_each_file_with_problems_once_before_the_answer(tmp_path: Path) -> None:
    for f in SAMPLE.glob("*.csv"):
        shutil.copy(f, tmp_path)
    bad = {"450325_兴安县.csv": 30, "450327_灌阳县.csv": 15, "450330_平乐县.csv": 5}
    for name, n in bad.items():
        with (tmp_path / name).open("a", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(f"{name[:6]},2019Q{i % 4 + 1},preschool_gross_enrollment_rate,abc{i}\n")
    done = glplan("check", "--plan", str(PLAN), "--data", str(tmp_path), "--as-of", AS_OF,
                  "--format", "markdown")  # fmt: skip
    assert done.exit_code == 1  # type: ignore[attr-defined]
    messages = done.stderr.splitlines()  # type: ignore[attr-defined]
    listed = [line for line in messages if "error" in line and ".csv" in line]
    assert sorted(listed) == sorted(
        f"{tmp_path / name}: {n} errors, 0 warnings" for name, n in bad.items()
    )
    assert len(messages) <= len(bad) + 3  # a note, the details command, the --fail-on line
    full = glplan("check", "--plan", str(PLAN), "--data", str(tmp_path), "--as-of", AS_OF,
                  "--format", "markdown", "--full")  # fmt: skip
    assert len(full.stderr.splitlines()) >= 50  # type: ignore[attr-defined]


def test_the_html_report_names_the_files_with_problems(tmp_path: Path) -> None:
    for f in SAMPLE.glob("*.csv"):
        shutil.copy(f, tmp_path)
    with (tmp_path / "450325_兴安县.csv").open("a", encoding="utf-8") as fh:
        fh.write("450325,2019Q1,preschool_gross_enrollment_rate,abc\n" * 3)
    # Outside the data folder: a report written among the county files is refused.
    page = tmp_path.parent / f"{tmp_path.name}-report.html"
    glplan("check", "--plan", str(PLAN), "--data", str(tmp_path), "--as-of", AS_OF,
           "--output", str(page), "--fail-on", "never")  # fmt: skip
    assert "<li>450325_兴安县.csv: 3 errors, 0 warnings</li>" in page.read_text("utf-8")
