"""The HTML report's style sheet: the screen layout and the print layout.

Printed on A4, the report leads with its summary on page 1; the gap tables and the charts
each start a new page; smaller blocks (the tasks, the sources) follow on where the page
has room, so that no page is left nearly empty. No table row, chart or list item is split
across pages. Every page carries the plan's issuer and the as-of date at the top and its
number at the foot (CSS page-margin boxes, :func:`page_css`).
"""

from __future__ import annotations

import string
from typing import Final

__all__ = ["CSS", "css_string", "page_css"]

_FONTS: Final = (
    'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", '
    '"PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif'
)

CSS: Final = (
    """
:root { --red: #c0262d; --amber: #b35900; --green: #1b7a3a; --grey: #6b6b6b; --rule: #d0d0d0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  font-family: FONTS;
  color: #111; background: #fff; line-height: 1.45; font-size: 15px;
  max-width: 1040px; margin: 0 auto; padding: 24px 20px 40px;
}
svg text { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC",
  "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
  "DejaVu Sans", sans-serif !important; }
h1 { font-size: 1.55em; margin: 0 0 .15em; line-height: 1.25; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; padding-bottom: .2em;
  border-bottom: 2px solid #111; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
p, ul { margin: .4em 0 .8em; }
ul { padding-left: 1.3em; }
.subtitle { color: #333; margin: 0 0 1em; font-size: 1.05em; }
.sample { border: 2px solid var(--amber); padding: .6em .8em; margin: 1em 0; }
.sample strong { color: var(--amber); }
.muted { color: #444; font-size: .9em; }
table { border-collapse: collapse; margin: .4em 0 1em; font-variant-numeric: tabular-nums; }
th, td { padding: .22em .5em; text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 1.5px solid #111; font-weight: 600; }
th.group { text-align: center; border-bottom: 1px solid #888; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.city td { border-top: 1.5px solid #111; font-weight: 600; }
td.sub1 { padding-left: 1.5em; }
td.sub2 { padding-left: 2.5em; }
.rag { white-space: nowrap; font-weight: 600; }
.rag-red { color: var(--red); }
.rag-amber { color: var(--amber); }
.rag-green { color: var(--green); }
.rag-grey { color: var(--grey); font-weight: 400; }
td.st { border-left: 3px solid transparent; }
td.st.rag-red { border-left-color: var(--red); }
td.st.rag-amber { border-left-color: var(--amber); }
td.st.rag-green { border-left-color: var(--green); }
td.st.rag-grey { border-left-color: var(--rule); }
.gaps { width: 100%; font-size: .92em; }
.tasks { width: 100%; font-size: .92em; }
.tasks td.title { min-width: 14em; }
.overdue { font-size: .92em; }
figure { margin: 1em 0 1.6em; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: .88em; color: #333; margin-top: .3em; }
.legend { font-size: .88em; }
footer { margin-top: 2.5em; border-top: 1px solid var(--rule); padding-top: .6em;
  font-size: .85em; color: #333; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12.5pt; margin-top: 1em; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  section.page { break-before: page; page-break-before: always; }
  figure, tr, li, footer, .sample, .keep { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .gaps, .tasks, .overdue { font-size: 8.5pt; }
  figure { margin: .4em 0 .8em; }
  figcaption { font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
}
"""
).replace("FONTS", _FONTS)


def css_string(value: str) -> str:
    """``value`` as a quoted CSS string, safe inside ``<style>``: quotes and backslashes
    escaped, a line break as ``\\A``, ``<`` as ``\\3C`` so that no ``</style>`` can
    end the style sheet, and ``&`` as ``\\26`` so that the page stays well-formed XML.

    >>> css_string('A "B" </style>')
    '"A \\\\"B\\\\" \\\\3C /style>"'
    """
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\A ")
        .replace("\r", "")
        .replace("<", "\\3C ")
        .replace("&", "\\26 ")
    )
    return f'"{escaped}"'


def _page_counter(template: str) -> str:
    """``第 {page} 页，共 {pages} 页`` as CSS content: text between the page counters."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(css_string(literal))
        if name in ("page", "pages"):
            parts.append(f"counter({name})")
    return " ".join(parts)


def page_css(top_left: str, top_right: str, page_of: str) -> str:
    """The A4 page with its running header (``top_left``: the plan's issuer;
    ``top_right``: the as-of date) and the page number at the foot, from ``page_of``
    (``Page {page} of {pages}``); the texts are cleaned by the caller."""
    box = f"font-family: {_FONTS}; font-size: 8pt; color: #444;"
    return (
        "@page { size: A4; margin: 16mm 12mm 15mm;\n"
        f"  @top-left {{ content: {css_string(top_left)}; {box} }}\n"
        f"  @top-right {{ content: {css_string(top_right)}; {box} }}\n"
        f"  @bottom-center {{ content: {_page_counter(page_of)}; {box} }}\n"
        "}\n"
    )
