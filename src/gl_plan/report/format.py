"""Small formatting helpers every report shares: numbers, names, Markdown cells, consoles.

Numbers are rounded here and only here; the result models keep them whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from gl_plan.i18n import Lang
from gl_plan.plan.models import Plan

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

__all__ = [
    "CJK_RE",
    "REPORT_WIDTH",
    "display_name",
    "fmt_gap",
    "fmt_num",
    "fmt_target",
    "indicator_name",
    "md_cell",
    "md_table",
    "plain_text",
    "region_name",
]

#: Reports written to a file or a pipe are laid out for an 80-column terminal or page.
REPORT_WIDTH: Final = 80

#: Chinese characters and full-width punctuation: what ``--lang en`` must never print.
CJK_RE: Final = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def fmt_num(value: float | None, digits: int = 1) -> str:
    """``94.5``; an em dash for no figure."""
    return "—" if value is None else f"{value:.{digits}f}"


def fmt_gap(value: float | None) -> str:
    """A signed gap in percentage points, ``-6.2`` or ``+0.7``; empty for no figure."""
    # The sign survives rounding: -0.0 is short of the target, +0.0 at or past it.
    if value is None:
        return ""
    return "0.0" if value == 0 else f"{value:+.1f}"


def fmt_target(value: float) -> str:
    """A target as the plan writes it: ``113``, ``100.7``."""
    return f"{value:g}"


def region_name(plan: Plan, code: str, lang: Lang) -> str:
    """The region's short name (``阳朔``, ``Yangshuo``); the code if the plan lacks it."""
    region = plan.region_by_code.get(code)
    return region.short.get(lang) if region else code


def display_name(plan: Plan, code: str, lang: Lang) -> str:
    """The short name; the city by its full name in Chinese (桂林市 rather than 桂林)."""
    region = plan.region_by_code.get(code)
    if region is None:
        return code
    if lang == "zh" and region.kind == "city":
        return region.name.zh
    return region.short.get(lang)


def indicator_name(plan: Plan, indicator_id: str, lang: Lang) -> str:
    """The indicator's short name if it has one (``Preschool GER``), else its name."""
    ind = plan.indicator_by_id.get(indicator_id)
    if ind is None:
        return indicator_id
    return (ind.short or ind.name).get(lang)


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def md_table(
    columns: Iterable[str], rows: Iterable[Iterable[str]], right: Iterable[str] = ()
) -> list[str]:
    """A Markdown table's lines; columns named in ``right`` are right-aligned."""
    names = list(columns)
    align = set(right)
    lines = [
        "| " + " | ".join(md_cell(c) for c in names) + " |",
        "|" + "|".join("---:" if c in align else "---" for c in names) + "|",
    ]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return lines


def plain_text(renderables: Iterable[RenderableType], width: int = REPORT_WIDTH) -> str:
    """Render for a file or a pipe: no colour codes, a fixed width, no trailing blanks."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console: Console = Console(
        file=buffer,
        width=width,
        no_color=True,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
    )
    for item in renderables:
        console.print(item)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
