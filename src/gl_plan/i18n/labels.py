"""The words for the codes that results carry: indicator and task statuses, RAG levels,
standards' pass or fail, and the severity of a problem.

The codes themselves (``off_track``, ``red``, ``warning``) are what the JSON holds; these are
what a person reads, in the English written here and the catalogue's other languages.
"""

from __future__ import annotations

from typing import Final

from gl_plan.i18n import Lang, Msg, _

LABELS: Final[dict[str, Msg]] = {
    # indicator statuses
    "achieved": _("achieved"),
    "on_track": _("on track"),
    "needs_acceleration": _("needs acceleration"),
    "off_track": _("off track"),
    "deteriorating": _("deteriorating"),
    "insufficient_data": _("insufficient data"),
    "no_data": _("no data"),
    "met": _("met"),
    "missed": _("missed"),
    # task statuses
    "done": _("done"),
    "done_late": _("done late"),
    "overdue": _("overdue"),
    "due_soon": _("due soon"),
    "on_schedule": _("on schedule"),
    "ongoing": _("ongoing"),
    # levels
    "red": _("red"),
    "amber": _("amber"),
    "green": _("green"),
    "grey": _("grey"),
    "pass": _("pass"),
    "fail": _("fail"),
    # severities
    "error": _("error"),
    "warning": _("warning"),
    "info": _("info"),
}

#: English labels short enough for the 80-column check table; Chinese ones are short anyway.
SHORT_LABELS: Final[dict[str, Msg]] = {
    "needs_acceleration": _("speed up"),
    "deteriorating": _("falling"),
    "insufficient_data": _("no trend"),
}


def label(code: str) -> Msg:
    """The word for a status, level or severity code; :class:`KeyError` for an unknown code
    (a new status without a word is a bug, not a label)."""
    return LABELS[code]


def short_label(code: str) -> Msg:
    """The label for the check table's narrow status column."""
    return SHORT_LABELS.get(code) or LABELS[code]


def abbreviated(lang: Lang) -> bool:
    """Whether the check table's status labels in ``lang`` are abbreviations that need the
    legend under the table (English: ``speed up``; Chinese labels are short as they are)."""
    return any(short.text(lang) != LABELS[c].text(lang) for c, short in SHORT_LABELS.items())
