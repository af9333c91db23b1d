"""Which ledger entries ``glplan progress list`` shows: a selection by task and date.

Pure: a ledger and the plan in, a :class:`LedgerListing` out; the renderers
(:mod:`gl_plan.report.ledger_view`) turn it into a table, Markdown, CSV or JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gl_plan.errors import Code, GlplanError, Problem
from gl_plan.ledger.model import Ledger, LedgerEntry, normalise_task_id, suggest_task
from gl_plan.plan.models import Plan

__all__ = ["LedgerListing", "select_entries"]


@dataclass(frozen=True)
class LedgerListing:
    """The entries to list (already selected), out of ``total`` in the ledger."""

    entries: Sequence[LedgerEntry]
    total: int
    plan: Plan
    #: The ledger file (None: there is none yet).
    path: str | None

    def ordered(self) -> list[LedgerEntry]:
        """By date; entries of one date in the order they were written."""
        return sorted(self.entries, key=lambda e: (e.date, e.line))


def select_entries(
    ledger: Ledger,
    plan: Plan,
    *,
    tasks: Sequence[str] = (),
    since: date | None = None,
    option: str = "--task",
) -> LedgerListing:
    """The entries of ``tasks`` (any spelling of their ids: ``a3.6``, ``Ａ3.6``; none
    given: every task) dated on or after ``since``.

    A task id the plan does not have raises :class:`GlplanError` (exit code 2) naming the
    nearest ids, each unknown id one problem, located at ``option``.
    """
    wanted = {normalise_task_id(t) for t in tasks}
    unknown = [t for t in tasks if normalise_task_id(t) not in plan.task_by_id]
    if unknown:
        raise GlplanError(
            [Problem(suggest_task(t, plan), field=option, code=Code.UNKNOWN_TASK) for t in unknown]
        )
    chosen = [
        e
        for e in ledger.entries
        if (not wanted or e.task in wanted) and (since is None or e.date >= since)
    ]
    return LedgerListing(chosen, len(ledger.entries), plan, ledger.path)
