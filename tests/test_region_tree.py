"""The region tree: its walks, the proof that the regions are a tree, and what a plan whose
regions are not one (a cycle, a very deep chain, any random map of parents) gets from the
command line."""

from __future__ import annotations

import ast
import json
import re
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from gl_plan.cli import app
from gl_plan.errors import GlplanError
from gl_plan.plan.load import parse_plan
from gl_plan.region_tree import MAX_CYCLE_NAMED, NotATree, RegionTree, TreeProblem

ROOT = Path(__file__).resolve().parent
MINIMAL = ROOT / "fixtures" / "plans" / "minimal.yaml"
SRC = ROOT.parent / "src" / "gl_plan"
INDICATOR = "preschool_gross_enrollment_rate"
AS_OF = "2026-11-28"

runner = CliRunner()

Links = list[tuple[str, str | None]]

#: A nation, two provinces, four prefectures, listed out of tree order on purpose.
NATION: Links = [
    ("b1", "B"),
    ("N", None),
    ("A", "N"),
    ("a1", "A"),
    ("B", "N"),
    ("a2", "A"),
    ("b2", "B"),
]


def refused(links: Links) -> list[TreeProblem]:
    with pytest.raises(NotATree) as info:
        RegionTree(links)
    return info.value.problems


def english(problems: list[TreeProblem]) -> list[tuple[int | None, str | None, str]]:
    return [(p.index, p.field, p.message.text("en")) for p in problems]


# --- the walks ---------------------------------------------------------------------------


def test_the_walks_of_a_three_level_tree() -> None:
    tree = RegionTree(NATION)
    assert tree.root == "N"
    assert list(tree) == ["b1", "N", "A", "a1", "B", "a2", "b2"]
    assert tree.children("N") == ("A", "B")
    assert tree.children("A") == ("a1", "a2")
    assert tree.children("a1") == ()
    assert tree.leaves == ("b1", "a1", "a2", "b2")
    assert tree.levels == (("N",), ("A", "B"), ("b1", "a1", "a2", "b2"))
    assert [tree.depth(c) for c in ("N", "B", "b2")] == [0, 1, 2]
    assert tree.ancestors("a2") == ("A", "N")
    assert tree.ancestors("N") == ()
    assert tree.descendants("N") == ("A", "a1", "a2", "B", "b1", "b2")
    assert tree.descendants("B") == ("b1", "b2")
    assert tree.descendants("b1") == ()
    assert tree.leaves_under("N") == ("b1", "a1", "a2", "b2")
    assert tree.leaves_under("a1") == ("a1",)
    assert tree.bottom_up() == ("a1", "a2", "A", "b1", "b2", "B", "N")


def test_an_unknown_code_is_a_key_error_not_an_empty_answer() -> None:
    tree = RegionTree(NATION)
    assert "Z" not in tree
    with pytest.raises(KeyError):
        tree.ancestors("Z")


def test_a_plan_of_one_region_is_a_tree_whose_root_is_its_leaf() -> None:
    tree = RegionTree([("CN", None)])
    assert (tree.root, tree.leaves, tree.levels, tree.bottom_up()) == (
        "CN",
        ("CN",),
        (("CN",),),
        ("CN",),
    )


# --- the proof ---------------------------------------------------------------------------


def test_a_region_its_own_parent_is_refused_at_its_parent() -> None:
    assert english(refused([("C", None), ("x", "x")])) == [
        (1, "parent", "a region cannot be its own parent")
    ]


def test_a_two_cycle_is_located_at_the_region_that_closes_it() -> None:
    problems = refused([("C", None), ("x", "y"), ("y", "x")])
    assert english(problems) == [
        (
            2,
            "parent",
            "parent 'x' closes a cycle of 2 regions: y → x → y (each region is followed by "
            "its parent); no region can be below itself",
        )
    ]
    assert problems[0].message.text("zh") == (
        "上级“x”使 2 个地区构成循环：y → x → y（每个地区后面是它的上级）；地区不能在自身之下"
    )


def test_a_cycle_is_reported_once_whichever_region_the_walk_starts_from() -> None:
    # Three regions in a loop, one hanging below it: one problem, at the loop's last region.
    problems = refused([("C", None), ("below", "z"), ("x", "z"), ("y", "x"), ("z", "y")])
    assert [(p.index, p.field) for p in problems] == [(4, "parent")]
    assert "z → y → x → z" in problems[0].message.text("en")


def test_a_long_cycle_names_ten_regions_and_counts_the_rest() -> None:
    n = 40
    links: Links = [("C", None), *((f"r{i}", f"r{(i + 1) % n}") for i in range(n))]
    (problem,) = refused(links)
    assert problem.index == n  # r39, the last of the loop in plan order
    text = problem.message.text("en")
    ring = text.split(": ", 1)[1].split(" (each", 1)[0]
    assert ring.split(" → ") == [
        *(f"r{i}" for i in [39, *range(8)]),
        f"… {n + 1 - MAX_CYCLE_NAMED} more …",
        "r39",
    ]
    assert f"a cycle of {n} regions" in text


def test_every_reason_is_collected_at_once() -> None:
    problems = refused(
        [("C", None), ("D", None), ("x", "nowhere"), ("x", "C"), ("p", "q"), ("q", "p")]
    )
    assert english(problems) == [
        (None, None, "exactly one region must have no parent, found 2"),
        (2, "parent", "unknown parent region 'nowhere'"),
        (3, "code", "duplicate code 'x' (first at regions[2])"),
        (
            5,
            "parent",
            "parent 'p' closes a cycle of 2 regions: q → p → q (each region is followed by "
            "its parent); no region can be below itself",
        ),
    ]


def test_regions_that_are_all_in_cycles_have_no_root() -> None:
    assert [p.index for p in refused([("x", "y"), ("y", "x")])] == [None, 1]


def _is_tree(parents: list[int | None]) -> bool:
    """An independent answer: one root, and from every region the root within n steps."""
    if parents.count(None) != 1:
        return False
    for start in range(len(parents)):
        node: int | None = start
        for _ in range(len(parents)):
            if node is None:
                break
            node = parents[node]
        if node is not None:
            return False
    return True


@st.composite
def parent_maps(draw: st.DrawFn, max_size: int) -> list[int | None]:
    """Every region's parent, by position: any map at all (none, any region, itself), a
    tree listed in any order, or a tree with one parent changed (often a cycle)."""
    n = draw(st.integers(1, max_size))
    shape = draw(st.sampled_from(["any", "tree", "changed"]))
    if shape == "any":
        return draw(st.lists(st.none() | st.integers(0, n - 1), min_size=n, max_size=n))
    # Regions joined one by one below one already placed: a tree, whatever the listing.
    order = draw(st.permutations(range(n)))
    parents: list[int | None] = [None] * n
    for k in range(1, n):
        parents[order[k]] = order[draw(st.integers(0, k - 1))]
    if shape == "changed":
        parents[draw(st.integers(0, n - 1))] = draw(st.none() | st.integers(0, n - 1))
    return parents


@settings(max_examples=300)
@given(parent_maps(9))
def test_the_tree_is_built_exactly_when_the_parents_form_one(parents: list[int | None]) -> None:
    links: Links = [(f"r{i}", None if p is None else f"r{p}") for i, p in enumerate(parents)]
    if not _is_tree(parents):
        assert refused(links)
        return
    tree = RegionTree(links)
    codes = [code for code, _ in links]
    assert sorted(tree.bottom_up()) == sorted(codes)
    assert tree.bottom_up()[-1] == tree.root
    place = {code: i for i, code in enumerate(tree.bottom_up())}
    for code in codes:
        above = tree.ancestors(code)
        assert len(above) == tree.depth(code)
        assert (above[-1] if above else code) == tree.root
        assert all(place[d] < place[code] for d in tree.descendants(code))
        assert set(tree.leaves_under(code)) == (
            {d for d in tree.descendants(code) if tree.is_leaf(d)} or {code}
        )


# --- what a plan and the command line make of it -----------------------------------------


def plan_text(parents: list[str | None]) -> str:
    """The minimal test plan with regions ``R0``, ``R1``, ... whose parents are given."""
    base = MINIMAL.read_text(encoding="utf-8")
    head, rest = base.split("regions:\n", 1)
    tail = rest.split("indicators:\n", 1)[1]
    lines = [head.rstrip("\n"), "regions:"]
    for i, parent in enumerate(parents):
        lines += [
            f'  - code: "R{i}"',
            f"    name: {{zh: 地区{i}, en: Region {i}}}",
            f"    short: {{zh: 区{i}, en: R{i}}}",
            f"    kind: {'city' if parent is None else 'county'}",
        ]
        if parent is not None:
            lines.append(f'    parent: "{parent}"')
    return "\n".join(lines) + "\nindicators:\n" + tail


def write_project(folder: Path, parents: list[str | None]) -> tuple[Path, Path]:
    """The plan, and one figure with its counts for every region no region names as its
    parent."""
    plan = folder / "plan.yaml"
    plan.write_text(plan_text(parents), encoding="utf-8")
    named = set(parents)
    rows = [
        f"R{i},2024,{INDICATOR},{90 + i % 10},100"
        for i in range(len(parents))
        if f"R{i}" not in named
    ]
    data = folder / "county.csv"
    data.write_text(
        "region,period,indicator,numerator,denominator\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    return plan, data


class Hung(Exception):
    """A command that did not finish in its time."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Turn a command that loops for ever into a failure instead of a hung test run."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_validate_refuses_a_cycle_in_chinese_too(tmp_path: Path) -> None:
    plan, _ = write_project(tmp_path, [None, "R2", "R1"])
    result = runner.invoke(app, ["validate", str(plan), "--lang", "zh"])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"{plan}:23:5: regions.2.parent: 上级“R1”使 2 个地区构成循环：R2 → R1 → R2"
        "（每个地区后面是它的上级）；地区不能在自身之下\n"
    )


CHAIN = 3000


def test_a_chain_three_thousand_levels_deep_is_a_plan_like_any_other(tmp_path: Path) -> None:
    """The city, and below it one region below another, 3,000 deep; the deepest reports."""
    parents: list[str | None] = [None, *(f"R{i}" for i in range(CHAIN))]
    plan, data = write_project(tmp_path, parents)
    assert runner.invoke(app, ["validate", str(plan)]).exit_code == 0
    with time_limit(120):
        inputs = ["--plan", str(plan), "--data", str(data), "--as-of", AS_OF]
        result = runner.invoke(app, ["check", *inputs, "--format", "json", "--fail-on", "never"])
    assert result.exception is None, result.exception
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["indicators"]
    # Every level's figure is the deepest region's, summed up through all 3,000 parents.
    values = {r["region"]: r["value"] for r in rows if r["target_year"] == 2030}
    assert len(values) == CHAIN + 1
    assert set(values.values()) == {90 + CHAIN % 10}
    levels = {r["region"]: r["region_level"] for r in rows}
    assert (levels["R0"], levels["R1"], levels[f"R{CHAIN}"]) == ("city", "group", "county")


@settings(max_examples=40)
@given(parent_maps(6))
def test_any_map_of_parents_is_refused_or_checked_to_the_end(parents: list[int | None]) -> None:
    """Whatever the parents, ``validate`` refuses the plan (exit 1, a located problem) or
    ``check`` and ``explain`` finish; never a loop, a recursion error or a traceback."""
    names = [None if p is None else f"R{p}" for p in parents]
    text = plan_text(names)
    try:
        parse_plan(text, "plan.yaml")
    except GlplanError as exc:
        event("refused")
        assert not _is_tree(parents)
        assert any(
            re.fullmatch(r"regions(\.\d+\.(parent|code))?", str(p.field)) for p in exc.problems
        )
        return
    event("checked")
    assert _is_tree(parents)
    root = f"R{parents.index(None)}"
    with tempfile.TemporaryDirectory() as folder:
        plan, data = write_project(Path(folder), names)
        common = ["--plan", str(plan), "--data", str(data), "--as-of", AS_OF]
        with time_limit(30):
            checked = runner.invoke(
                app, ["check", *common, "--format", "json", "--fail-on", "never"]
            )
            table = runner.invoke(app, ["check", *common, "--full", "--fail-on", "never"])
            why = runner.invoke(app, ["explain", root, INDICATOR, *common])
    for result in (checked, table, why):
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code == 0, result.output
    assert {r["region"] for r in json.loads(checked.stdout)["indicators"]} == {
        f"R{i}" for i in range(len(parents))
    }


# --- the shape of the code ---------------------------------------------------------------


#: The names a region goes by in glplan's code (``for r in plan.regions``, ``region =
#: plan.region_by_code[code]``); a ``Path``'s ``.parent`` is another thing.
REGION_NAMES = {"r", "region", "current", "child", "kid", "leaf", "root", "node", "parent"}


def _parent_reads(source: str) -> list[int]:
    """The lines where a module reads a region's ``parent``: ``region.parent``,
    ``r.parent``, ``plan.root_region.parent``, ``plan.region_by_code[code].parent``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Attribute) and node.attr == "parent"):
            continue
        owner = node.value
        if isinstance(owner, ast.Subscript):
            owner = owner.value
        name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
        if name in REGION_NAMES or "region" in name:
            found.append(node.lineno)
    return sorted(found)


def test_the_detector_sees_a_walk_and_not_a_folder() -> None:
    source = (
        "while region.parent is not None:\n"
        "    region = plan.region_by_code[region.parent]\n"
        "up = plan.region_by_code[code].parent\n"
        "lock = target.parent / name\n"
    )
    assert _parent_reads(source) == [1, 2, 3]


def test_no_walk_over_parents_is_left_outside_the_tree() -> None:
    """Only the tree follows ``parent``: the plan hands its regions' links over once, in
    ``Plan.region_tree``, and every other module asks the tree."""
    reads = [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        # The draft's headings nest too (node.parent): a document's tree, not regions.
        if path.name != "region_tree.py" and "draft" not in path.parts
        for line in _parent_reads(path.read_text(encoding="utf-8"))
    ]
    (only,) = reads
    assert only.startswith("plan/models.py:")
