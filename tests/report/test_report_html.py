"""The HTML report: one well-formed, self-contained page with charts, tables and tasks."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
import yaml
from report_fixtures import DATA, LEDGER, PLAN, fixture_args, run
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.report.charts import MAX_SMALL_PANELS


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    target = tmp_path_factory.mktemp("html") / "report.html"
    run(*fixture_args("check"), "--lang", "en", "--output", str(target))
    return target.read_text(encoding="utf-8")


def parse(html: str) -> ET.Element:
    assert html.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(html.removeprefix("<!DOCTYPE html>\n"))


def test_well_formed_with_the_sections(page: str) -> None:
    root = parse(page)
    assert root.tag == "html"
    assert root.get("lang") == "en"
    ids = [s.get("id") for s in root.iter("section")]
    assert ids == ["summary", "gaps", "charts", "tasks", "sources"]
    assert root.find("head/meta").get("charset") == "utf-8"  # type: ignore[union-attr]


def test_one_inline_svg_chart_per_goal_indicator(page: str) -> None:
    root = parse(page)
    svgs = list(root.iter("svg"))
    assert len(svgs) == 3
    for svg in svgs:
        assert svg.get("role") == "img"
        assert svg.find("title") is not None
        texts = "".join(t.text or "" for t in svg.iter("text"))
        assert "Guilin" in texts  # text stays text (svg.fonttype none)
        assert "Lingchuan" in texts
    assert "Xiufeng" not in "".join(t.text or "" for t in svgs[0].iter("text"))  # no data
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_nothing_from_the_network(page: str) -> None:
    assert "http://" not in page
    assert "https://" not in page
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "@import" not in page
    assert "@font-face" not in page
    assert re.findall(r"url\((?!#)", page) == []


def test_tables_with_rag_colours_and_text_labels(page: str) -> None:
    root = parse(page)
    tables: dict[str | None, list[ET.Element]] = {}
    for table in root.iter("table"):
        tables.setdefault(table.get("class"), []).append(table)
    assert {"counts keep", "gaps", "tasks"} <= set(tables)
    assert len(tables["gaps"]) == 2  # one per target year
    gaps = "".join(ET.tostring(t, encoding="unicode") for t in tables["gaps"])
    assert 'class="st rag-red"' in gaps
    assert "▼ off track" in gaps
    assert "● achieved" in gaps
    assert "Lingchuan" in gaps
    tasks = ET.tostring(tables["tasks"][0], encoding="unicode")
    assert "overdue" in tasks
    assert "due soon" in tasks
    assert "77 days left" in tasks
    statuses = {row[2].text for row in tables["tasks"][0].iter("tr") if row[0].tag == "td"}
    assert statuses == {"overdue", "due soon"}


def test_summary_print_css_and_method(page: str) -> None:
    assert "@page { size: A4" in page
    assert "break-inside: avoid" in page
    assert "Who is behind" in page
    assert "Behind on Preschool GER (target 100.7)" in page
    assert "Tasks: 8 overdue, 13 due soon (of 35)" in page
    assert "Sample data" not in page  # the fixture is not the bundled sample
    assert "tests/fixtures/golden/indicators" in page
    assert "Statistics Canada" in page
    # no time stamp but the as-of date
    assert set(re.findall(r"\b20\d\d-\d\d-\d\d\b", page)) <= {
        "2025-10-15",
        *re.findall(r"\b20\d\d-\d\d-\d\d\b", LEDGER.read_text(encoding="utf-8")),
        "2022-12-31",
        "2023-12-31",
        "2025-12-31",
    }


def test_same_input_same_bytes_also_on_stdout(page: str) -> None:
    again = run(*fixture_args("check"), "--lang", "en", "--format", "html").stdout
    assert again == page


def test_chinese_page() -> None:
    from gl_plan.api import check
    from gl_plan.plan.load import load_plan
    from gl_plan.report.html_view import check_html
    from gl_plan.report.trends import region_points

    as_of = date(2025, 10, 15)
    plan = load_plan(PLAN)
    result = check(PLAN, [DATA], LEDGER, as_of=as_of)
    points = region_points(result)
    html = check_html(result, plan, "zh", points)
    root = parse(html)
    assert root.get("lang") == "zh-CN"
    assert "桂林市" in "".join(t.text or "" for t in root.iter("text"))
    assert "▼ 进度滞后" in html


def test_text_is_escaped() -> None:
    from gl_plan.api import check
    from gl_plan.plan.load import load_plan
    from gl_plan.plan.models import Text
    from gl_plan.report.html_view import check_html

    plan = load_plan(PLAN)
    hostile = Text(zh="<script>alert(1)</script>", en='A & B <b>"bold"</b>')
    plan = plan.model_copy(update={"plan": plan.plan.model_copy(update={"title": hostile})})
    result = check(PLAN, [DATA], LEDGER, as_of=date(2025, 10, 15))
    html = check_html(result, plan, "en", {})
    parse(html)
    assert "A &amp; B &lt;b&gt;&quot;bold&quot;&lt;/b&gt;" in html
    assert "<b>" not in html


def test_missing_matplotlib_is_a_clear_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    target = tmp_path / "report.html"
    result = CliRunner().invoke(app, [*fixture_args("check"), "--output", str(target)])
    assert result.exit_code == 2
    assert "pip install 'glplan[report]'" in result.stderr
    assert not target.exists()
    # the other formats do not need it
    assert CliRunner().invoke(app, [*fixture_args("check"), "-f", "markdown"]).exit_code == 0


def _counts_table(page: str) -> dict[str, list[int]]:
    table = next(t for t in parse(page).iter("table") if t.get("class") == "counts keep")
    rows = {}
    for tr in table.iter("tr"):
        cells = list(tr)
        if cells[0].tag == "td":
            label = "".join(cells[0].itertext()).split(" ", 1)[1]
            rows[label] = [int(c.text or "0") for c in cells[1:]]
    return rows


def test_status_counts_count_regions_worst_status_first(page: str) -> None:
    """Each region once per target year, under its worst status: the red rows add up to
    the regions behind (any indicator red), and every column to the regions assessed."""
    doc = __import__("json").loads(run(*fixture_args("check"), "--format", "json").stdout)
    rows = _counts_table(page)
    years = sorted(doc["summary"]["by_target_year"])
    for k, year in enumerate(years):
        regions = {r["region"] for r in doc["indicators"] if str(r["target_year"]) == year}
        behind = {c for codes in doc["summary"]["behind"][year].values() for c in codes}
        assert sum(col[k] for col in rows.values()) == len(regions) == 18
        red = sum(rows.get(s, [0] * len(years))[k] for s in ("off track", "deteriorating",
                                                              "missed"))  # fmt: skip
        assert red == len(behind)
    # 2025: Lingchuan, Longsheng and the city red; Yangshuo and Lipu achieved; 13 no data.
    assert rows["no data"][0] == 13
    assert rows["achieved"][0] == 2
    assert "Each region counts once" in page


def test_the_most_overdue_tasks_are_named_in_the_summary(page: str) -> None:
    """Page 1 names the five longest overdue (of 8) after the counts; the tasks section
    lists all 8 (tests/report/test_report_print.py checks which five)."""
    doc = __import__("json").loads(run(*fixture_args("check"), "--format", "json").stdout)
    overdue = [t for t in doc["tasks"] if t["status"] == "overdue"]
    assert len(overdue) == 8
    summary = page[page.index('<section id="summary">') : page.index("</section>")]
    after_counts = re.sub(r"<[^>]+>", " ", summary[summary.index('class="counts keep"') :])
    named = [t for t in overdue if t["title"]["en"] in after_counts]
    assert len(named) == 5
    tasks = page[page.index('<section id="tasks">') :]
    assert all(t["title"]["en"] in tasks for t in overdue)


def test_headline_opens_the_summary(page: str) -> None:
    summary = page[page.index('<section id="summary">') :]
    assert summary.index("At a glance") < summary.index("Regions by status")
    assert "2025 targets, 54 figures: 8 off track or falling, 39 with no data" in summary


def _many_counties(tmp_path: Path, n: int) -> tuple[Path, Path]:
    """The bundled plan with ``n`` more counties under the city, and a file in which
    county ``k`` reports ``60 + k``: the lower the number, the further behind."""
    doc = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    for k in range(n):
        doc["regions"].append(
            {
                "code": f"4599{k:02d}",
                "name": {"zh": f"测试县{k:02d}", "en": f"Testcounty{k:02d}"},
                "short": {"zh": f"测试{k:02d}", "en": f"Testcounty{k:02d}"},
                "kind": "county",
                "parent": "450300",
            }
        )
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    lines = ["region,period,indicator,value"]
    for k in range(n):
        for period in ("2024Q4", "2025Q2"):
            lines.append(f"4599{k:02d},{period},preschool_gross_enrollment_rate,{60 + k}")
    data = tmp_path / "many.csv"
    data.write_text("\n".join(lines) + "\n", "utf-8")
    return plan, data


def test_a_chart_draws_a_bounded_number_of_panels_the_furthest_behind(tmp_path: Path) -> None:
    """Sixty counties: the chart draws the city and the 20 furthest behind, says how many
    more there are and links to the gap table, which still lists every county."""
    plan, data = _many_counties(tmp_path, 60)
    target = tmp_path / "report.html"
    run("check", "--plan", str(plan), "--data", str(data), "--as-of", "2025-10-15",
        "--lang", "en", "--output", str(target))  # fmt: skip
    page = target.read_text(encoding="utf-8")
    root = parse(page)
    svg = next(iter(root.iter("svg")))
    axes = [g for g in svg.iter("g") if re.fullmatch(r"c1-axes_\d+", g.get("id") or "")]
    assert len(axes) == 1 + MAX_SMALL_PANELS
    drawn = "".join(t.text or "" for t in svg.iter("text"))
    assert "Testcounty00" in drawn
    assert "Testcounty19" in drawn
    assert "Testcounty20" not in drawn
    assert "Testcounty59" not in drawn
    caption = next(iter(root.iter("figcaption")))
    link = caption.find("a")
    assert link is not None
    assert link.get("href") == "#gaps"
    assert "40 more regions" in (link.text or "")
    gaps = page[page.index('<section id="gaps"') :]
    assert all(f"Testcounty{k:02d}" in gaps for k in range(60))
