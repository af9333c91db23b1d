"""Languages and every text the program itself prints, in one table of both languages.

The table is kept in one module per area (reports, explain, messages, indicator files);
:data:`TEXTS` joins them and :func:`text` is the one lookup.

Plan texts (titles, region and indicator names) carry their own zh/en and are not here.
Keys are plain names: statuses, levels and flags by their code (``off_track``, ``red``,
``stale``), everything else prefixed by the view that prints it (``check.behind``,
``tasks.days_left``, ``html.method``, ...). :func:`text` is the one lookup.
"""

from __future__ import annotations

import locale
import os
from typing import Final, Literal

from gl_plan.i18n.data import DATA
from gl_plan.i18n.draft import DRAFT
from gl_plan.i18n.explain import EXPLAIN
from gl_plan.i18n.messages import MESSAGES
from gl_plan.i18n.report import REPORT

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


def detect_lang(environ: dict[str, str] | None = None) -> Lang:
    """``GLPLAN_LANG`` if set, else Chinese for a ``zh`` locale, else English."""
    env = os.environ if environ is None else environ
    forced = env.get("GLPLAN_LANG", "").strip().lower()
    if forced.startswith("zh"):
        return "zh"
    if forced.startswith("en"):
        return "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    if environ is None:
        try:
            current = locale.getlocale()[0] or ""
        except ValueError:
            current = ""
        if current.lower().startswith("zh"):
            return "zh"
    return "en"


#: Every text glplan prints, ``key: (zh, en)``; templates take ``str.format`` fields.
#: An empty string means the text is not printed in that language.
#: Every text, by key: ``(zh, en)``. A key belongs to exactly one area (a test checks).
TEXTS: Final[dict[str, tuple[str, str]]] = {**REPORT, **MESSAGES, **EXPLAIN, **DATA, **DRAFT}


def text(key: str, lang: Lang, **values: object) -> str:
    """The text ``key`` in ``lang``, its ``{fields}`` filled in from ``values``.

    Raises :class:`KeyError` for a key not in :data:`TEXTS`: a typo is a bug, not a label.
    """
    zh, en = TEXTS[key]
    template = zh if lang == "zh" else en
    return template.format(**values)
