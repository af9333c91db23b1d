"""``glplan status`` and the same block in ``check``: who sent what, as lines of text.

One region a line, those that sent nothing first (in one line), then each file with
problems as a count and the command that lists them: the analyst sees at a glance who is
missing and where to look, and the problems themselves are one command away.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from datetime import datetime

from gl_plan.api import Inputs
from gl_plan.data.observations import ObservationSet
from gl_plan.data.submissions import Submissions, submissions
from gl_plan.i18n import Join, Lang, _, ngettext, pgettext
from gl_plan.periods import Period
from gl_plan.plan.models import Plan
from gl_plan.report.format import indicator_name, region_name

__all__ = ["problem_lines", "status_lines", "submissions_of"]


def _named(plan: Plan, code: str, lang: Lang) -> str:
    region = plan.region_by_code.get(code)
    return f"{code} {region.name.get(lang)}" if region else code


def _list(items: Sequence[str], lang: Lang) -> str:
    return _(", ").text(lang).join(items)


def submissions_of(
    inputs: Inputs, period: Period | None = None, modified: Mapping[str, datetime] | None = None
) -> Submissions:
    """The submissions in what :func:`~gl_plan.api.load_inputs` read (``modified``: the
    files' times, read by the caller)."""
    data = inputs.data
    if isinstance(data, ObservationSet):
        return submissions(inputs.plan, data, [], [], period=period)
    return submissions(
        inputs.plan,
        data.observations,
        data.issues,
        data.files,
        period=period,
        modified=modified,
        refused=getattr(data, "refused", ()),
    )


def status_lines(
    sub: Submissions, plan: Plan, lang: Lang, *, problems: bool = True, compact: bool = False
) -> list[str]:
    """The status block: a heading, who sent nothing, each region that sent something,
    superseded files and (with ``problems``) each file's problem counts. ``compact`` (the
    block in ``check``) is only what is missing or superseded, without times: nothing
    when the quarter is all in."""
    if sub.period is None:
        return [] if compact else [_("No figures received yet").text(lang)]
    complete = not any(r.missing for r in sub.regions) and not any(
        f.superseded_by for f in sub.files
    )
    if compact and complete:
        return []  # check says nothing of a quarter that is all in
    sent = sum(1 for r in sub.regions if not r.sent_nothing)
    lines = [
        _(
            "Submissions for {period}: {sent} of {expected} regions",
            period=sub.period,
            expected=len(sub.regions),
            sent=sent,
        ).text(lang)
    ]
    named = region_name if compact else _named
    not_sent = [named(plan, code, lang) for code in sub.not_sent]
    lines.append(
        _("Sent nothing: {regions}", regions=_list(not_sent, lang)).text(lang)
        if not_sent
        else _("Every region sent its figures").text(lang)
    )
    modified = {f.file: f.modified for f in sub.files}
    for r in sub.regions:
        if r.sent_nothing or (compact and not r.missing):
            continue
        files = []
        for name in r.files:
            when = None if compact else modified.get(name)
            shown = _short(name)
            files.append(
                _("{file} ({modified})", file=shown, modified=when.strftime("%Y-%m-%d %H:%M")).text(
                    lang
                )
                if when is not None
                else shown
            )
        line = _(
            "{region}: {files}", region=named(plan, r.region, lang), files=_list(files, lang)
        ).text(lang)
        notes = []
        if r.missing:
            names = [indicator_name(plan, i, lang) for i in r.missing]
            notes.append(_("missing {indicators}", indicators=_list(names, lang)).text(lang))
        if r.without_counts and not compact:
            names = [indicator_name(plan, i, lang) for i in r.without_counts]
            notes.append(_("{indicators} without counts", indicators=_list(names, lang)).text(lang))
        lines.append(line + ("; " if lang == "en" else "；").join(["", *notes]))
    for old in sub.files:
        if old.superseded_by:
            newer = _short(old.superseded_by)
            lines.append(
                _("{file} superseded by {newer}", file=_short(old.file), newer=newer).text(lang)
            )
    if problems:
        lines += problem_lines([(f.file, f.errors, f.warnings, f.refused) for f in sub.files], lang)
    return lines


def problem_lines(files: Sequence[tuple[str, int, int, bool]], lang: Lang) -> list[str]:
    """One line per file with errors or warnings, and the command that lists them."""
    shown = [(f, e, w, refused) for f, e, w, refused in files if e or w]
    if not shown:
        return []
    lines = [_("Files with problems:").text(lang)]
    for file, errors, warnings, refused in shown:
        counts = Join(
            (
                ngettext("{n} error", "{n} errors", errors),
                ngettext("{n} warning", "{n} warnings", warnings),
            ),
            pgettext("sep.counts", ", "),
        )
        line = _("{file}: {counts}", file=_short(file), counts=counts).text(lang)
        if refused:
            line += _(" (not read at all)").text(lang)
        lines.append(f"  {line}")
    if len(shown) == 1:
        command = f"glplan validate --data {shlex.quote(shown[0][0])}"
    else:
        command = "glplan validate --data FILE"
    lines.append("  " + _("details: {command}", command=command).text(lang))
    return lines


def _short(path: str) -> str:
    """A file as the block names it: its name (the folder is the same for all)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]
