"""``glplan tasks --format ics``: the tasks' due dates as a calendar staff can subscribe to.

One all-day event per dated task on its due date, with a reminder
``settings.warning_window_days`` before it (the same window that turns a task amber); the
description gives the task's id, title, 完成时限 phrase, status and responsible units.

Recurrence follows the plan's deadline model (:mod:`gl_plan.plan.deadlines`): a phrase with
``每年`` / ``每季度`` / ``每月`` / ``每学期`` recurs each period, so its event repeats (from
its start, ``X年起``, or from the plan's issue date); ``X年底前,持续实施`` is one due date
after which the work continues, not a date that comes back, so it is one event whose
description says the work continues. A task with no date at all (``持续实施`` alone) has
nothing to put in a calendar: it is left out, and the calendar counts and names those
tasks in ``X-GLPLAN-UNDATED`` and a ``COMMENT``.

UIDs are the plan's id and the task's id, so a calendar re-imported after the next check
updates its events rather than adding copies; ``DTSTAMP`` is the as-of date, never the
clock, so the same inputs give the same bytes.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from icalendar import Alarm, Calendar, Event, vRecur

from gl_plan.assess.tasks import TaskAssessment
from gl_plan.i18n import Lang, _
from gl_plan.i18n.labels import label
from gl_plan.plan.models import Plan, Task
from gl_plan.report.tasks_view import responsible_text

__all__ = ["RECURRENCE", "tasks_calendar", "uid_of"]

#: The RRULE of each recurring period of the deadline model. A period's due day is its last
#: day; a semester's are taken as the end of January (秋季学期) and of July (春季学期).
RECURRENCE: Final[dict[str, dict[str, object]]] = {
    "year": {"FREQ": "YEARLY", "BYMONTH": 12, "BYMONTHDAY": 31},
    "quarter": {"FREQ": "MONTHLY", "INTERVAL": 3, "BYMONTHDAY": -1},
    "month": {"FREQ": "MONTHLY", "BYMONTHDAY": -1},
    "semester": {"FREQ": "YEARLY", "BYMONTH": [1, 7], "BYMONTHDAY": -1},
}

_PRODID: Final = "-//glplan//tasks//ZH-EN"


def uid_of(plan: Plan, task_id: str) -> str:
    """The event's stable UID: ``guilin-education-2022.A3.6@glplan``."""
    return f"{plan.plan.id}.{task_id}@glplan"


def _first_due(task: Task, plan: Plan, period: str) -> date:
    """The first due day of a recurring task: the end of the period in which it starts
    (its ``X年起`` date, else the plan's issue date)."""
    start = task.schedule.starts or plan.plan.issued
    if period == "year":
        return date(start.year, 12, 31)
    if period == "semester":
        return date(start.year, 1, 31) if start.month == 1 else date(start.year, 7, 31)
    months = 3 if period == "quarter" else 1
    month = ((start.month - 1) // months + 1) * months
    return date(start.year, month, calendar.monthrange(start.year, month)[1])


def _description(item: TaskAssessment, task: Task, lang: Lang) -> str:
    lines = [
        f"{item.id} {item.title.get(lang)}",
        _("Time limit: {phrase}", phrase=item.deadline).text(lang),
        _(
            "Status: {status} ({rag})",
            status=label(item.status).text(lang),
            rag=label(item.rag).text(lang),
        ).text(lang),
    ]
    units = responsible_text(item, lang)
    lines.append(_("Responsible: {units}", units=units or _("no unit named").text(lang)).text(lang))
    if task.ongoing and item.due is not None:
        lines.append(_("The work continues after the due date.").text(lang))
    return "\n".join(lines)


def tasks_calendar(plan: Plan, items: Sequence[TaskAssessment], as_of: date, lang: Lang) -> bytes:
    """An iCalendar file (RFC 5545) of ``items``: see the module docstring."""
    cal = Calendar()
    cal.add("prodid", _PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add(
        "x-wr-calname", _("{title}: task deadlines", title=plan.plan.title.get(lang)).text(lang)
    )
    stamp = datetime.combine(as_of, time(), tzinfo=UTC)
    undated: list[str] = []
    warning = plan.settings.warning_window_days
    for item in items:
        task = plan.task_by_id[item.id]
        period = task.schedule.recurring
        day = item.due if item.due is not None else (
            _first_due(task, plan, period) if period in RECURRENCE else None
        )  # fmt: skip
        if day is None:
            undated.append(item.id)
            continue
        event = Event()
        event.add("uid", uid_of(plan, item.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"{item.id} {item.title.get(lang)}")
        event.add("description", _description(item, task, lang))
        event.add("categories", [label(item.rag).text(lang)])
        event.add("x-glplan-status", item.status)
        if period in RECURRENCE:
            event.add("rrule", vRecur(RECURRENCE[period]))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add(
            "description", _("{id} is due in {days} days", id=item.id, days=warning).text(lang)
        )
        alarm.add("trigger", timedelta(days=-warning))
        event.add_component(alarm)
        cal.add_component(event)
    cal.add("x-glplan-undated", str(len(undated)))
    if undated:
        cal.add(
            "comment",
            _(
                "{n} tasks have no date (ongoing) and are not in the calendar: {ids}",
                n=len(undated),
                ids=", ".join(undated),
            ).text(lang),
        )
    content: bytes = cal.to_ical()
    return content
