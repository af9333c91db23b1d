"""Charts for the HTML report, as inline SVG drawn with matplotlib (the ``report`` extra).

One chart per goal indicator, as small multiples: the city in a large panel at the top
left, then one small panel per county, all on the same scales. Each panel shows the
region's figures (a solid line in its RAG colour), the straight paths from its baseline
to the targets (dashed, ending in a diamond at the end of each target year), the as-of
date (a dotted vertical line) and, in the county panels, the city's line in light grey
for comparison. The panel's title names the region and, in text, its status, so the
chart reads in black and white too.

The SVG is made to be pasted into a page that may be opened offline, printed, and
compared with an earlier copy:

- text stays text (``svg.fonttype: none``), so Chinese names are drawn with the browser's
  own fonts and can be searched and copied;
- nothing refers to the network: the XML prologue, the DTD and the namespace URLs are
  dropped (an HTML page needs none of them; ``xlink:href`` becomes SVG 2's ``href``);
- the output is the same for the same input: a fixed hash salt, no date in the metadata,
  and every id prefixed per chart so that several charts can share one page.

matplotlib is imported only here, through the Agg-free SVG backend (no GUI), and only
when a chart is drawn; :func:`require_matplotlib` gives a clear message when it is
missing.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any, Final

from gl_plan.errors import Code, GlplanError

__all__ = [
    "INSTALL_HINT",
    "MAX_SMALL_PANELS",
    "RAG_COLOURS",
    "Panel",
    "indicator_chart_svg",
    "require_matplotlib",
]

INSTALL_HINT: Final = "pip install 'glplan[report]'"

#: Dark enough to read as text on white, and told apart by lightness in grey print.
RAG_COLOURS: Final[dict[str, str]] = {
    "green": "#1b7a3a",
    "amber": "#b35900",
    "red": "#c0262d",
    "grey": "#6b6b6b",
}
_PATH_COLOUR: Final = "#404040"
_REFERENCE_COLOUR: Final = "#c4c4c4"
#: Columns of the small-multiple grid; the city's panel takes 2 × 2 cells.
_COLUMNS: Final = 6
_PANEL_HEIGHT_IN: Final = 1.35
#: Small panels in one chart at most: four rows of the grid, room for a city's counties
#: (Guilin has 17). Drawing is about 30 ms a panel, and a page of thousands of panels
#: reads as noise; the report draws the regions furthest behind and names how many more.
MAX_SMALL_PANELS: Final = 20
_WIDTH_IN: Final = 7.5  # the printable width of an A4 page, about 19 cm

#: Names come from the plan and the data: drawn as written, never read as mathtext
#: (``$\foo$`` would raise) or handed to TeX.
_PLAIN: Final[dict[str, bool]] = {"parse_math": False, "usetex": False}


def require_matplotlib() -> None:
    """Raise a usage error (exit 2) naming the extra to install when matplotlib is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise GlplanError.single(
            f"the HTML report draws its charts with matplotlib, which is not installed: "
            f"{INSTALL_HINT}",
            code=Code.MISSING_DEPENDENCY,
        ) from None


@dataclass(frozen=True)
class Panel:
    """One region's panel: its figures, its paths to the targets and its labels.

    Times are in years (:attr:`gl_plan.periods.Period.t`: a period counts at its end).
    """

    title: str
    status: str
    rag: str
    points: Sequence[tuple[float, float]]
    #: Straight paths, ``(t_baseline, baseline, t_target, target)``.
    paths: Sequence[tuple[float, float, float, float]] = ()
    #: The large, highlighted panel (the city).
    main: bool = False
    #: Text drawn in a panel with no figures.
    empty: str = ""
    target_labels: Sequence[str] = field(default_factory=tuple)


def _grid_slots(n: int, columns: int) -> tuple[int, list[tuple[int, int]]]:
    """Rows needed and the (row, column) of each small panel, around a 2 × 2 main panel."""
    slots: list[tuple[int, int]] = []
    row = 0
    while len(slots) < n:
        for col in range(columns):
            if row < 2 and col < 2:
                continue
            slots.append((row, col))
            if len(slots) == n:
                break
        row += 1
    return max(row, 2), slots


def _limits(panels: Sequence[Panel]) -> tuple[float, float, float, float]:
    ts: list[float] = []
    vs: list[float] = []
    for p in panels:
        ts += [t for t, _ in p.points]
        vs += [v for _, v in p.points]
        for t0, v0, t1, v1 in p.paths:
            ts += [t0, t1]
            vs += [v0, v1]
    if not ts:
        return 0.0, 1.0, 0.0, 1.0
    t_low, t_high = math.floor(min(ts)), math.ceil(max(ts))
    v_low, v_high = min(vs), max(vs)
    pad = max((v_high - v_low) * 0.08, 0.5)
    return t_low - 0.2, t_high + 0.2, v_low - pad, v_high + pad


def _year_ticks(t_low: float, t_high: float) -> list[int]:
    first, last = math.ceil(t_low), math.floor(t_high)
    span = last - first
    step = 2 if span <= 8 else 4
    # Ticks on the even years from the first, so that 2022, 2026, 2030 line up.
    return list(range(first + (first % 2), last + 1, step))


def _draw(ax: Any, panel: Panel, reference: Panel | None, as_of_t: float, small: float) -> None:
    colour = RAG_COLOURS.get(panel.rag, RAG_COLOURS["grey"])
    ax.axvline(as_of_t, color="#8a8a8a", linewidth=0.6, linestyle=":", zorder=1)
    if reference is not None and reference.points:
        ts, vs = zip(*reference.points, strict=True)
        ax.plot(ts, vs, color=_REFERENCE_COLOUR, linewidth=0.9, zorder=2)
    for t0, v0, t1, v1 in panel.paths:
        ax.plot([t0, t1], [v0, v1], color=_PATH_COLOUR, linewidth=0.7, dashes=(3, 2), zorder=3)
        ax.plot([t1], [v1], marker="D", markersize=3.2 if panel.main else 2.4,
                color=_PATH_COLOUR, linestyle="none", zorder=4)  # fmt: skip
    if panel.points:
        ts, vs = zip(*panel.points, strict=True)
        ax.plot(ts, vs, color=colour, linewidth=2.0 if panel.main else 1.3, zorder=5)
        ax.plot([ts[-1]], [vs[-1]], marker="o", markersize=3.0 if panel.main else 2.2,
                color=colour, linestyle="none", zorder=6)  # fmt: skip
    elif panel.empty:
        ax.text(0.5, 0.5, panel.empty, transform=ax.transAxes, ha="center", va="center",
                fontsize=small, color=RAG_COLOURS["grey"], **_PLAIN)  # fmt: skip
    if panel.main:
        for (_, _, t1, v1), text in zip(panel.paths, panel.target_labels, strict=False):
            ax.annotate(text, (t1, v1), xytext=(-4, 4), textcoords="offset points",
                        ha="right", va="bottom", fontsize=small, color=_PATH_COLOUR,
                        **_PLAIN)  # fmt: skip
    weight = "bold" if panel.main else "normal"
    size = small + (1.5 if panel.main else 0.5)
    # The name on a line of its own above the status: a long name ("Gongcheng") and a
    # long status ("speed up") never run into each other in a narrow panel.
    ax.annotate(panel.title, (0, 1), xycoords="axes fraction", xytext=(0, size + 3.5),
                textcoords="offset points", ha="left", va="bottom", fontsize=size,
                fontweight=weight, **_PLAIN)  # fmt: skip
    ax.annotate(panel.status, (1, 1), xycoords="axes fraction", xytext=(0, 2),
                textcoords="offset points", ha="right", va="bottom", fontsize=size - 0.5,
                color=colour, **_PLAIN)  # fmt: skip
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=small, length=2, pad=1.5)


def _portable(svg: str, prefix: str, label: str) -> str:
    """The SVG element alone: no prologue, no URLs, ids unique to this chart, a title."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", svg, count=2)
    svg = svg.replace("xlink:href=", "href=")
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    head_end = svg.index(">") + 1
    head = svg[:head_end].replace("<svg", f'<svg role="img" aria-label="{escape(label)}"', 1)
    return f"{head}\n <title>{escape(label, quote=False)}</title>{svg[head_end:]}".rstrip() + "\n"


def indicator_chart_svg(
    panels: Sequence[Panel],
    *,
    as_of_t: float,
    chart_id: str,
    label: str,
) -> str:
    """One indicator's small multiples as an ``<svg>`` element, ready to inline in HTML.

    ``panels``: the main panel (the city) first, then the counties; the county panels get
    the main panel's line as a grey reference. ``chart_id`` makes the ids unique in the
    page and seeds matplotlib's hashes (the same input gives the same bytes). ``label``
    is the chart's accessible name.
    """
    require_matplotlib()
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    main = panels[0] if panels and panels[0].main else None
    others = [p for p in panels if p is not main]
    if len(others) > MAX_SMALL_PANELS:
        raise ValueError(f"{len(others)} small panels: the caller picks {MAX_SMALL_PANELS}")
    rows, slots = _grid_slots(len(others), _COLUMNS)
    t_low, t_high, v_low, v_high = _limits(panels)
    small = 6.5
    settings: dict[Any, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": f"glplan-{chart_id}",
        # One fixed font for layout; the page's CSS lets the browser pick a CJK font.
        "font.family": ["DejaVu Sans"],
        "axes.linewidth": 0.6,
        "xtick.major.width": 0.5,
        "ytick.major.width": 0.5,
    }
    with matplotlib.rc_context(settings):
        height = rows * _PANEL_HEIGHT_IN + 0.4
        fig = Figure(figsize=(_WIDTH_IN, height))
        grid = fig.add_gridspec(rows, _COLUMNS, hspace=0.75, wspace=0.3)
        first: Any = None
        placed: list[tuple[Any, int, int, int]] = []  # axes, row, column, rows spanned

        def axes(spec: Any) -> Any:
            nonlocal first
            ax = fig.add_subplot(spec, sharex=first, sharey=first)
            if first is None:
                first = ax
            return ax

        if main is not None:
            ax = axes(grid[0:2, 0:2])
            _draw(ax, main, None, as_of_t, small)
            placed.append((ax, 0, 0, 2))
        for panel, (row, col) in zip(others, slots, strict=True):
            ax = axes(grid[row, col])
            _draw(ax, panel, main, as_of_t, small)
            placed.append((ax, row, col, 1))
        if first is not None:
            first.set_xlim(t_low, t_high)
            first.set_ylim(v_low, v_high)
            ticks = _year_ticks(t_low, t_high)
            first.set_xticks(ticks, [str(t) for t in ticks])
            # Four or five values on the scale: small panels have no room for more.
            first.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
        lowest = {col: max(r + span - 1 for _, r, c, span in placed if c == col) for col in
                  {c for _, _, c, _ in placed}}  # fmt: skip
        # Every row's first panel carries the value scale; beside the main panel, that
        # is the third column.
        for ax, r, c, span in placed:
            first_in_row = c == 0 or (span == 1 and c == 2 and r < 2 and main is not None)
            bottom = span > 1 or r + span - 1 == lowest[c]
            ax.tick_params(labelbottom=bottom, labelleft=first_in_row)
        # Margins in inches: room for the two title lines above the top row and the years
        # below the bottom one, whatever the number of rows.
        fig.subplots_adjust(left=0.055, right=0.995, top=1 - 0.3 / height, bottom=0.2 / height)
        buffer = io.StringIO()
        with warnings.catch_warnings():
            # DejaVu Sans has no Chinese glyphs; the text is kept as text and the browser
            # draws it, so matplotlib's measuring without them does no harm.
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            fig.savefig(
                buffer,
                format="svg",
                metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
            )
    return _portable(buffer.getvalue(), chart_id, label)
