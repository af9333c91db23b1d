"""The plan's regions as one tree: the city and its counties, or a nation, its provinces,
prefectures and counties, to any depth.

A region names its ``parent``; everything that goes up or down the regions (a county's
city, a group's reporting counties, the order in which parents are summed, each region's
level) asks one :class:`RegionTree`, built once per plan. Building it proves the regions
form a tree, so that no walk can loop or run deeper than the tree is:

- every code is used once, and every ``parent`` is a code of the plan;
- exactly one region has no parent (the root: the city, the province or the nation);
- no region is below itself: a cycle of any length (a county its own parent, two counties
  each other's, or a longer loop) is refused, located at the region that closes it (the
  last one of the loop in plan order: the loop exists only once its ``parent`` is written).

All walks are loops over precomputed tables, never recursion, so a plan thousands of
levels deep is as safe as one of two levels. A problem is a :class:`TreeProblem` about one
region, by its position in the list the tree was built from (the plan's ``regions``), so
that the plan's cross-check can locate it at that region's YAML line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final, Literal

from gl_plan.i18n import Join, Msg, _

#: How many regions of a cycle a message names; the rest are counted.
MAX_CYCLE_NAMED: Final = 10


@dataclass(frozen=True, slots=True)
class TreeProblem:
    """Why the regions are not a tree: a message about the region at ``index`` (its
    position in the plan's ``regions``) and its ``field``; ``index`` is None for a problem
    of the list as a whole (no root, or several)."""

    index: int | None
    field: Literal["code", "parent"] | None
    message: Msg


class NotATree(ValueError):
    """The regions given do not form one tree; :attr:`problems` says every reason."""

    def __init__(self, problems: list[TreeProblem]) -> None:
        super().__init__("; ".join(str(p.message) for p in problems))
        self.problems = problems


class RegionTree:
    """The regions by code, each with its parent, children, depth and place in the walks.

    Codes are the plan's region codes; every method raises :class:`KeyError` for a code
    the plan does not have (``code in tree`` asks first). Orders are fixed: siblings and
    lists of regions in plan order unless a method says otherwise.

    >>> tree = RegionTree([("450300", None), ("450321", "450300"), ("450381", "450300")])
    >>> tree.root, tree.children("450300"), tree.ancestors("450321")
    ('450300', ('450321', '450381'), ('450300',))
    """

    __slots__ = (
        "_after",
        "_children",
        "_depth",
        "_leaves_at",
        "_parent",
        "_position",
        "_preorder",
        "_span",
        "_under",
        "leaves",
        "levels",
        "root",
    )

    def __init__(self, links: Iterable[tuple[str, str | None]]) -> None:
        """Build the tree from ``(code, parent)`` pairs in plan order.

        Raises :class:`NotATree` with every problem found when the pairs are not a tree.
        """
        problems: list[TreeProblem] = []
        self._position: dict[str, int] = {}
        self._parent: dict[str, str | None] = {}
        for i, (code, parent) in enumerate(links):
            if code in self._position:
                first = self._position[code]
                problems.append(
                    TreeProblem(
                        i,
                        "code",
                        _(
                            "duplicate code {code!r} (first at regions[{first}])",
                            code=code,
                            first=first,
                        ),
                    )
                )
                continue
            self._position[code] = i
            self._parent[code] = parent
        for code, parent in self._parent.items():
            if parent is not None and parent not in self._parent:
                where = self._position[code]
                problems.append(
                    TreeProblem(
                        where, "parent", _("unknown parent region {parent!r}", parent=parent)
                    )
                )
        roots = [code for code, parent in self._parent.items() if parent is None]
        if len(roots) != 1:
            problems.append(
                TreeProblem(
                    None, None, _("exactly one region must have no parent, found {n}", n=len(roots))
                )
            )
        problems += self._cycles()
        if problems:
            problems.sort(key=lambda p: -1 if p.index is None else p.index)
            raise NotATree(problems)
        self.root: str = roots[0]
        self._children: dict[str, tuple[str, ...]] = self._child_lists()
        self._preorder, self._span, self._depth = self._walk_down()
        self._after: tuple[str, ...] = self._walk_up()
        #: The regions with no children, in plan order: the units that report data.
        self.leaves: tuple[str, ...] = tuple(c for c in self._parent if not self._children[c])
        self._leaves_at = self._leaf_ranges()
        self._under: dict[str, tuple[str, ...]] = {}  # leaves_under, as each is asked
        deepest = max(self._depth.values())
        by_depth: list[list[str]] = [[] for _ in range(deepest + 1)]
        for code in self._parent:
            by_depth[self._depth[code]].append(code)
        #: The codes at each depth (0: the root), in plan order.
        self.levels: tuple[tuple[str, ...], ...] = tuple(tuple(level) for level in by_depth)

    # --- proving it is a tree ---------------------------------------------------------

    def _cycles(self) -> list[TreeProblem]:
        """Every loop of parents, once each, located at its last region in plan order."""
        problems: list[TreeProblem] = []
        # 0: not reached yet; 1: on the path being followed; 2: known to end (at the root,
        # at an unknown parent, or at a region already known to end).
        state = dict.fromkeys(self._parent, 0)
        for start in self._parent:
            path: list[str] = []
            code: str | None = start
            while code is not None and code in state and state[code] == 0:
                state[code] = 1
                path.append(code)
                code = self._parent[code]
            if code is not None and state.get(code) == 1:
                loop = path[path.index(code) :]
                problems.append(self._cycle_problem(loop))
            for member in path:
                state[member] = 2
        return problems

    def _cycle_problem(self, loop: list[str]) -> TreeProblem:
        """The problem of one loop (each region followed by its parent), told from the
        region that closes it round to itself."""
        closer = max(loop, key=self._position.__getitem__)
        if len(loop) == 1:
            return TreeProblem(
                self._position[closer], "parent", _("a region cannot be its own parent")
            )
        turn = loop.index(closer)
        ring: list[object] = [*loop[turn:], *loop[:turn], closer]
        if len(ring) > MAX_CYCLE_NAMED:
            left = len(ring) - MAX_CYCLE_NAMED
            ring = [*ring[: MAX_CYCLE_NAMED - 1], _("… {n} more …", n=left), closer]
        cycle = Join(tuple(ring), _(" → "))
        message = _(
            "parent {parent!r} closes a cycle of {n} regions: {cycle} (each region is "
            "followed by its parent); no region can be below itself",
            parent=self._parent[closer],
            n=len(loop),
            cycle=cycle,
        )
        return TreeProblem(self._position[closer], "parent", message)

    # --- the tables every walk reads ----------------------------------------------------

    def _child_lists(self) -> dict[str, tuple[str, ...]]:
        kids: dict[str, list[str]] = {code: [] for code in self._parent}
        for code, parent in self._parent.items():
            if parent is not None:
                kids[parent].append(code)
        return {code: tuple(found) for code, found in kids.items()}

    def _walk_down(self) -> tuple[tuple[str, ...], dict[str, tuple[int, int]], dict[str, int]]:
        """Pre-order from the root, siblings in plan order: each region's descendants are
        the stretch of it that follows the region (``_span``: where it starts and ends)."""
        order: list[str] = []
        depth = {self.root: 0}
        stack = [self.root]
        while stack:
            code = stack.pop()
            order.append(code)
            for child in reversed(self._children[code]):
                depth[child] = depth[code] + 1
                stack.append(child)
        at = {code: i for i, code in enumerate(order)}
        span: dict[str, tuple[int, int]] = {}
        for code in reversed(order):
            kids = self._children[code]
            end = span[kids[-1]][1] if kids else at[code] + 1
            span[code] = (at[code], end)
        return tuple(order), span, depth

    def _walk_up(self) -> tuple[str, ...]:
        """Post-order from the root, siblings in plan order: each region after all the
        regions below it."""
        order: list[str] = []
        stack: list[tuple[str, bool]] = [(self.root, False)]
        while stack:
            code, expanded = stack.pop()
            if expanded:
                order.append(code)
                continue
            stack.append((code, True))
            stack.extend((child, False) for child in reversed(self._children[code]))
        return tuple(order)

    def _leaf_ranges(self) -> tuple[tuple[str, ...], dict[str, tuple[int, int]]]:
        """The leaves in pre-order, and for each region the stretch of them below it (its
        pre-order stretch, counted in leaves)."""
        before = [0]  # how many leaves come before each place in the pre-order
        for code in self._preorder:
            before.append(before[-1] + (not self._children[code]))
        leaves = tuple(c for c in self._preorder if not self._children[c])
        ranges = {code: (before[s], before[e]) for code, (s, e) in self._span.items()}
        return leaves, ranges

    # --- what callers ask -------------------------------------------------------------

    def __contains__(self, code: object) -> bool:
        return code in self._parent

    def __iter__(self) -> Iterator[str]:
        """The codes in plan order."""
        return iter(self._parent)

    def __len__(self) -> int:
        return len(self._parent)

    def parent(self, code: str) -> str | None:
        return self._parent[code]

    def children(self, code: str) -> tuple[str, ...]:
        """The regions directly below ``code``, in plan order (empty for a leaf)."""
        return self._children[code]

    def is_leaf(self, code: str) -> bool:
        return not self._children[code]

    def depth(self, code: str) -> int:
        """How many levels below the root ``code`` is (the root is 0)."""
        return self._depth[code]

    def ancestors(self, code: str) -> tuple[str, ...]:
        """The regions above ``code``, its parent first, the root last."""
        out: list[str] = []
        parent = self._parent[code]
        while parent is not None:
            out.append(parent)
            parent = self._parent[parent]
        return tuple(out)

    def descendants(self, code: str) -> tuple[str, ...]:
        """Every region below ``code``, top down: each before the regions below it,
        siblings in plan order."""
        start, end = self._span[code]
        return self._preorder[start + 1 : end]

    def leaves_under(self, code: str) -> tuple[str, ...]:
        """The reporting regions a figure for ``code`` covers, in plan order: its leaf
        descendants (``code`` itself for a leaf)."""
        found = self._under.get(code)
        if found is None:
            leaves, ranges = self._leaves_at
            start, end = ranges[code]
            found = tuple(sorted(leaves[start:end], key=self._position.__getitem__))
            self._under[code] = found
        return found

    def bottom_up(self) -> tuple[str, ...]:
        """Every region after all the regions below it (siblings in plan order, the root
        last): the order in which parents' figures can be summed from their children's."""
        return self._after
