"""The region, period and indicator a cell names, resolved against the plan.

Files repeat the same few spellings row after row, so each distinct cell is resolved once
and remembered. A cell that cannot be used gives a :class:`CellError` saying why.
"""

from __future__ import annotations

from datetime import date

from gl_plan.data.values import CellError, cell_text
from gl_plan.errors import Code
from gl_plan.i18n import Message, _
from gl_plan.periods import Period, PeriodError, read_period
from gl_plan.plan.models import Plan


class CellReader:
    """Resolves cells against ``plan``; periods ending after ``as_of`` are refused."""

    def __init__(self, plan: Plan, as_of: date) -> None:
        self.plan = plan
        self.as_of = as_of
        self._periods: dict[object, Period | CellError] = {}
        self._period_notes: dict[object, Message] = {}
        self._indicators: dict[object, str | CellError] = {}

    def region(
        self, raw: object, name_region: str | None, cache: dict[object, str | CellError]
    ) -> str | CellError:
        """The region code; an empty cell is ``name_region`` (the one the file or sheet
        name says), when there is one. ``cache`` is the table's own, since that differs."""
        found = cache.get(raw)
        if found is None:
            found = cache[raw] = self._region(cell_text(raw), name_region)
        return found

    def _region(self, text: str, name_region: str | None) -> str | CellError:
        if not text:
            return (
                name_region
                if name_region is not None
                else CellError(Code.MISSING_CELL, _("no region"))
            )
        code = self.plan.resolve_region(text)
        if code is None:
            return CellError(
                Code.UNKNOWN_REGION,
                _(
                    "unknown region {text!r}: not a code, name, short name or former name in "
                    "the plan",
                    text=text,
                ),
            )
        return code

    def period(self, raw: object) -> Period | CellError:
        found = self._periods.get(raw)
        if found is None:
            found = self._periods[raw] = self._period(raw, cell_text(raw))
        return found

    def period_note(self, raw: object) -> Message | None:
        """How the period in ``raw`` was read, when it needed reading (``2026年1-9月`` is
        2026Q3), after :meth:`period` read it."""
        return self._period_notes.get(raw)

    def _period(self, raw: object, text: str) -> Period | CellError:
        if not text:
            return CellError(Code.MISSING_CELL, _("no period"))
        try:
            period, note = read_period(text)
        except PeriodError as exc:
            return CellError(Code.TYPE_ERROR, exc.message)
        if note is not None:
            self._period_notes[raw] = note
        if period.end > self.as_of:
            return CellError(
                Code.FUTURE_PERIOD,
                _(
                    "period {period} ends on {end}, after the as-of date {as_of}",
                    period=period,
                    end=period.end,
                    as_of=self.as_of,
                ),
            )
        return period

    def indicator(self, raw: object) -> str | CellError:
        found = self._indicators.get(raw)
        if found is None:
            found = self._indicators[raw] = self._indicator(cell_text(raw))
        return found

    def _indicator(self, text: str) -> str | CellError:
        if not text:
            return CellError(Code.MISSING_CELL, _("no indicator"))
        indicator = self.plan.resolve_indicator(text)
        if indicator is None:
            return CellError(
                Code.UNKNOWN_INDICATOR,
                _("unknown indicator {text!r}: not an id or name in the plan", text=text),
            )
        return indicator
