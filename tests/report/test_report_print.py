"""The HTML report as a printed report that leads: page 1 says what ``check --format json``
says (headline, regions by status, who is behind, tasks with the most overdue), the gap
tables come before the charts, every page is numbered and names the issuer and the as-of
date, and no file is named by an absolute path."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from report_fixtures import PLAN, ROOT, fixture_args, run

from gl_plan.i18n.labels import label
from gl_plan.numbers import format_comparison
from gl_plan.plan.load import load_plan
from gl_plan.report.format import digits_for, display_name
from gl_plan.report.html_view import MOST_OVERDUE


@dataclass
class _Page(HTMLParser):
    """The page as a flat list of (section, tag, class, text) in document order, every
    attribute value, and the style sheet."""

    blocks: list[tuple[str, str, str, str]] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)
    style: str = ""
    _section: str = ""
    _stack: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.attributes += [v for v in values.values() if v]
        if tag == "section":
            self._section = values.get("id") or ""
        if tag not in ("br", "meta"):
            self._stack.append((tag, values.get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._stack:
            return
        tag, cls = self._stack[-1]
        if tag == "style":
            self.style += data
        elif data.strip():
            self.blocks.append((self._section, tag, cls, data.strip()))

    def text_of(self, section: str) -> str:
        return " ".join(t for s, _, _, t in self.blocks if s == section)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[_Page, str, dict[str, Any]]:
    target = tmp_path_factory.mktemp("print") / "report.html"
    run(*fixture_args("check"), "--lang", "en", "--output", str(target))
    html = target.read_text(encoding="utf-8")
    doc = json.loads(run(*fixture_args("check"), "--format", "json").stdout)
    return _parse(html), html, doc


def test_page_one_leads_and_the_gap_tables_come_before_the_charts(
    printed: tuple[_Page, str, dict[str, Any]],
) -> None:
    page, _, _ = printed
    sections = list(dict.fromkeys(s for s, _, _, _ in page.blocks if s))
    assert sections == ["summary", "gaps", "charts", "tasks", "sources"]
    summary = [t for s, tag, _, t in page.blocks if s == "summary" and tag in ("h2", "h3")]
    order = ["Summary", "At a glance", "Regions by status", "Who is behind", "Tasks"]
    where = [next(i for i, h in enumerate(summary) if h.startswith(o)) for o in order]
    assert where == sorted(where)
    # what used to spill onto a near-empty page 2 is at the end now
    summary_text = page.text_of("summary")
    assert "Sources" not in summary_text
    assert "National county standards" not in summary_text
    assert "National county standards" in page.text_of("gaps")


def test_page_one_has_every_headline_figure_of_the_json(
    printed: tuple[_Page, str, dict[str, Any]],
) -> None:
    page, _, doc = printed
    summary = page.text_of("summary")
    tasks = doc["summary"]["tasks"]
    assert f"{tasks['overdue']} overdue, {tasks['due_soon']} due soon (of {tasks['total']})" in (
        summary
    )
    for status in ("overdue", "due_soon", "on_schedule", "ongoing", "done_late", "done"):
        if tasks[status]:
            assert f"{tasks[status]} {label(status).text('en')}" in summary
    for year, by_year in doc["summary"]["by_target_year"].items():
        assert f"{year} targets, {by_year['total']} figures" in summary
    issues = doc["summary"]["data_issues"]
    assert f"Data issues: {issues['error']} errors" in summary


def test_who_is_behind_with_each_gap_as_the_json_gives_it(
    printed: tuple[_Page, str, dict[str, Any]],
) -> None:
    page, _, doc = printed
    plan = load_plan(PLAN)
    summary = page.text_of("summary")
    rows = {(a["region"], a["indicator"], str(a["target_year"])): a for a in doc["indicators"]}
    for year, behind in doc["summary"]["behind"].items():
        block = summary[summary.index(f"{year} targets, as of") :]
        for indicator, regions in behind.items():
            for region in regions:
                a = rows[(region, indicator, year)]
                gap = format_comparison(a["value"], a["target"], digits_for(a["target"]))[1]
                assert f"{display_name(plan, region, 'en')} {gap}" in block, (region, year)


def test_the_five_most_overdue_are_the_five_with_most_days_overdue(
    printed: tuple[_Page, str, dict[str, Any]],
) -> None:
    page, html, doc = printed
    overdue = [t for t in doc["tasks"] if t["status"] == "overdue"]
    expected = sorted(overdue, key=lambda t: t["days_left"])[:MOST_OVERDUE]  # stable
    table = html[html.index('<table class="overdue">') : html.index("</table>", html.index(
        '<table class="overdue">'))]  # fmt: skip
    rows = re.findall(r"<tr><td>([^<]+)</td><td[^>]*>([^<]+)</td>.*?(\d+) days late", table)
    assert [(i, title) for i, title, _ in rows] == [(t["id"], t["title"]["en"]) for t in expected]
    assert [int(n) for _, _, n in rows] == [-t["days_left"] for t in expected]
    assert len(overdue) > MOST_OVERDUE  # the fixture has more: the rest are further on
    assert f"The {MOST_OVERDUE} longest overdue of {len(overdue)} overdue tasks" in html
    rest = page.text_of("tasks")
    assert all(t["title"]["en"] in rest for t in overdue)
    assert '<a href="#tasks">' in html


def test_no_absolute_path_anywhere(printed: tuple[_Page, str, dict[str, Any]]) -> None:
    page, html, _ = printed
    assert str(ROOT) not in html
    assert str(Path.home()) not in html or str(Path.home()) == "/"
    words = [t for *_, t in page.blocks] + page.attributes
    absolute = re.compile(r"(?:^|[\s(:：,])(?:/[\w.-]+){2,}|[A-Za-z]:\\")
    assert [w for w in words if absolute.search(w)] == []
    # the files are named relative to the project
    sources = page.text_of("sources")
    assert "data/plan.yaml" in sources
    assert "tests/fixtures/golden/indicators" in sources
    assert "tests/fixtures/golden/progress.csv" in sources


def test_a_file_outside_the_project_is_named_alone(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_text(
        "region,period,indicator,value\n450321,2025Q2,preschool_gross_enrollment_rate,99\n",
        "utf-8",
    )
    args = ["check", "--plan", str(PLAN), "--data", str(outside), "--as-of", "2025-10-15"]
    html = run(*args, "--lang", "en", "--format", "html").stdout
    assert str(tmp_path) not in html
    assert "elsewhere.csv" in _parse(html).text_of("sources")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_printed_page_has_its_number_the_issuer_and_the_date(lang: str) -> None:
    html = run(*fixture_args("check"), "--lang", lang, "--format", "html").stdout
    style = _parse(html).style
    issuer = load_plan(PLAN).plan.issuer
    assert issuer is not None
    page = style[style.index("@page") :]
    assert f'@top-left {{ content: "{issuer.get(lang)}"' in page
    as_of = "截至 2025-10-15" if lang == "zh" else "As of 2025-10-15"
    assert f'@top-right {{ content: "{as_of}"' in page
    assert "counter(page)" in page
    assert "counter(pages)" in page
    # a forced page break only before the two long sections; nothing split
    assert re.findall(r'<section id="(\w+)" class="page">', html) == ["gaps"]
    assert re.search(r"figure, tr, li, footer[^{]*\{ break-inside: avoid", style)
