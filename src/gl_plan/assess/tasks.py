"""Task status at an as-of date, from the plan's due dates and the progress ledger.

Pure: takes the plan, ledger entries and an explicit ``as_of``; no files, no clock.

**State.** A task's state is its latest task-level entry (no region, or the city) dated on or
before ``as_of``; on the same date the later line wins. Entries dated after ``as_of`` are
ignored altogether, so any past date can be re-run exactly. A task is *completed* when that
entry says ``completed``; it counts from the first ``completed`` entry of the final run, so a
repeated completion report does not move the date later. A ``completed`` followed by a later
``in_progress`` is a reopened task: not completed (flag ``reopened``).

**Status** (``due`` from the plan's 完成时限):

- ``done``: completed on or before ``due``; ``done_late``: completed after it;
- ``overdue``: not completed and ``as_of > due`` (no report counts as not completed);
- ``due_soon``: not completed and ``0 <= due - as_of <= settings.warning_window_days``;
- ``on_schedule``: not completed and due later than that;
- ``ongoing``: no due date (持续实施 alone). A task with a due date and 持续实施 is judged
  by its due date and, once done, carries the flag ``continuing``.

**Regions.** For a quantity with ``per_region: true``, entries with a ``region`` report that
region's share; a region counts when its own latest entry is ``completed``. How many regions
are expected: the plan's ``regions`` list when given, else its ``region_count`` (A9.4: "the
6 counties", not named in the text); without either (A7.6: one 专门学校 in each qualified
county) the count is unknown.
When the expected count is known and reached, the task is completed on the day the last
needed region completed (flag ``completed_by_regions``), unless a later task-level entry
reopens it.

**Quantities.** The achieved figure is the latest task-level ``value`` for the quantity (the
task's first quantity, or the one named in ``metric``); for a per-region quantity with an
expected count, the number of regions completed. Its share of the goal is compared with the
share of time elapsed on a straight line from the plan's issue date to the quantity's ``by``
date: *behind* when ``share < elapsed - BEHIND_MARGIN`` and the commitment is not yet met
(18 of 30 schools with 20 % of the time left: 0.6 < 0.8 - 0.1), *seriously behind* when
``share < elapsed - SERIOUS_MARGIN``. Only open tasks are judged behind.

**Colour** (督查督办): red when overdue or seriously behind; amber when due soon or behind;
otherwise green: on schedule, ongoing, done, and also done late, because a closed item
(办结销号) leaves the warning list; its status still says "done late".

**Stale.** An open task (not done or done late) with no entry at all within
``settings.stale_after_days`` before ``as_of``; a task never reported is stale once that
many days have passed since the plan was issued (and carries ``no_report`` from the start).
Staleness is a flag only; it does not change the colour.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final, Literal, get_args

from pydantic import BaseModel, ConfigDict

from gl_plan.ledger.model import Ledger, LedgerEntry, LedgerStatus
from gl_plan.plan.models import Comparison, Plan, Quantity, Task, Text

__all__ = [
    "BEHIND_MARGIN",
    "FLAGS",
    "RAGS",
    "SERIOUS_MARGIN",
    "STATUSES",
    "QuantityProgress",
    "Rag",
    "RegionProgress",
    "TaskAssessment",
    "TaskStatus",
    "assess_tasks",
    "attention_order",
    "expected_regions",
    "select_tasks",
    "task_summary",
]

TaskStatus = Literal["overdue", "due_soon", "on_schedule", "ongoing", "done_late", "done"]
Rag = Literal["red", "amber", "green"]
STATUSES: Final[tuple[TaskStatus, ...]] = get_args(TaskStatus)
RAGS: Final[tuple[Rag, ...]] = get_args(Rag)
CLOSED: Final[frozenset[str]] = frozenset({"done", "done_late"})

#: Behind schedule: the achieved share trails the elapsed share of time by more than this.
#: 督查督办 practice fixes no number; ten points keeps a quarter's normal lumpiness green.
BEHIND_MARGIN: Final = 0.10
#: Seriously behind (red): trailing by more than this, about a third of the whole commitment.
SERIOUS_MARGIN: Final = 0.30

STALE: Final = "stale"
NO_REPORT: Final = "no_report"
QUANTITY_BEHIND: Final = "quantity_behind"
SERIOUSLY_BEHIND: Final = "seriously_behind"
CONTINUING: Final = "continuing"
REOPENED: Final = "reopened"
COMPLETED_BY_REGIONS: Final = "completed_by_regions"
FLAGS: Final = (
    STALE,
    NO_REPORT,
    QUANTITY_BEHIND,
    SERIOUSLY_BEHIND,
    CONTINUING,
    REOPENED,
    COMPLETED_BY_REGIONS,
)

_Key = tuple[date, int]


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class RegionProgress(_Result):
    """Which regions have reported a per-region obligation completed."""

    metric: str
    #: How many regions the obligation covers; ``None`` when the plan does not say.
    expected: int | None
    #: Region codes whose latest entry is ``completed``, in plan order.
    completed: list[str]
    #: Region codes that reported but whose latest entry is not ``completed``.
    pending: list[str]

    @property
    def label(self) -> str:
        """``4/6`` or, with no expected count, ``4``."""
        done = len(self.completed)
        return f"{done}/{self.expected}" if self.expected is not None else str(done)


class QuantityProgress(_Result):
    """A task's quantified commitment and how far it has got by ``as_of``."""

    metric: str
    description: Text
    unit: Text
    comparison: Comparison
    #: The figure progress is measured against (a range's low end; the expected number of
    #: regions when regions are counted).
    goal: float
    by: date
    per_region: bool
    #: True when ``achieved`` counts regions completed rather than a reported value.
    counts_regions: bool
    achieved: float | None
    reported_on: date | None
    share: float | None
    #: Share of the time from the plan's issue date to ``by`` that has elapsed (0..1).
    expected_share: float
    met: bool | None
    behind: bool
    seriously_behind: bool


class TaskAssessment(_Result):
    """One task at one as-of date; ``model_dump(mode="json")`` gives its JSON form."""

    id: str
    action: str
    title: Text
    #: The 完成时限 phrase as the source writes it.
    deadline: str
    due: date | None
    ongoing: bool
    status: TaskStatus
    rag: Rag
    completed_on: date | None
    #: The latest entry of any kind (task or region) on or before ``as_of``.
    last_report: date | None
    #: ``due - as_of`` in days for an open task with a due date (negative when overdue).
    days_left: int | None
    #: The ledger status of the latest task-level entry, if any.
    latest_status: LedgerStatus | None
    latest_note: str | None
    #: The units the task's text assigns the work to (责任单位), as the plan lists them;
    #: empty when the text names none.
    responsible: list[Text]
    flags: list[str]
    quantities: list[QuantityProgress]
    regions: list[RegionProgress]

    @property
    def closed(self) -> bool:
        return self.status in CLOSED


def assess_tasks(
    plan: Plan, ledger: Ledger | Sequence[LedgerEntry], as_of: date
) -> list[TaskAssessment]:
    """Every task of the plan, in plan order, judged at ``as_of``.

    Entries for tasks the plan does not have are ignored (the ledger reader reports them).
    """
    entries = ledger.entries if isinstance(ledger, Ledger) else ledger
    by_task: dict[str, list[tuple[int, LedgerEntry]]] = defaultdict(list)
    for order, entry in enumerate(entries):
        if entry.date <= as_of:
            by_task[entry.task].append((order, entry))
    out = []
    for task in plan.tasks:
        # Sort by date, then line; input order breaks remaining ties (entries built in code).
        known = [e for _, e in sorted(by_task.get(task.id, []), key=lambda p: (_key(p[1]), p[0]))]
        out.append(_assess(plan, task, known, as_of))
    return out


def _key(entry: LedgerEntry) -> _Key:
    return (entry.date, entry.line)


def _completion(entries: Sequence[LedgerEntry]) -> LedgerEntry | None:
    """The entry that opened the final run of ``completed`` entries, if the last one is."""
    start: LedgerEntry | None = None
    for entry in entries:
        if entry.status == "completed":
            if start is None:
                start = entry
        else:
            start = None
    return start


def expected_regions(quantity: Quantity) -> int | None:
    """How many regions a per-region quantity covers (see the module docstring)."""
    if quantity.regions:
        return len(quantity.regions)
    return quantity.region_count


def _elapsed(start: date, end: date, as_of: date) -> float:
    if as_of <= start:
        return 0.0
    if as_of >= end or end <= start:
        return 1.0
    return (as_of - start).days / (end - start).days


def _region_progress(
    plan: Plan,
    quantity: Quantity,
    entries: Sequence[LedgerEntry],
) -> tuple[RegionProgress, LedgerEntry | None, date | None]:
    """Progress over regions, the entry that completed the expected count (if reached), and
    the latest region report's date."""
    per_region: dict[str, list[LedgerEntry]] = defaultdict(list)
    for entry in entries:
        assert entry.region is not None
        if not quantity.regions or entry.region in quantity.regions:
            per_region[entry.region].append(entry)
    order = {r.code: i for i, r in enumerate(plan.regions)}
    completions: list[LedgerEntry] = []
    completed: list[str] = []
    pending: list[str] = []
    for code in sorted(per_region, key=lambda c: order.get(c, len(order))):
        done = _completion(per_region[code])
        if done is None:
            pending.append(code)
        else:
            completed.append(code)
            completions.append(done)
    expected = expected_regions(quantity)
    reached: LedgerEntry | None = None
    if expected is not None and len(completions) >= expected:
        reached = sorted(completions, key=_key)[expected - 1]
    latest = max((e.date for e in entries), default=None)
    progress = RegionProgress(
        metric=quantity.metric, expected=expected, completed=completed, pending=pending
    )
    return progress, reached, latest


def _assess(plan: Plan, task: Task, known: list[LedgerEntry], as_of: date) -> TaskAssessment:
    settings = plan.settings
    root = plan.root_region.code
    own = [e for e in known if e.region is None or e.region == root]
    regional = [e for e in known if e.region is not None and e.region != root]
    latest = own[-1] if own else None
    flags: list[str] = []

    # Per-region obligations, one per per-region quantity.
    first_per_region = next((q for q in task.quantities if q.per_region), None)
    region_results: dict[str, tuple[RegionProgress, LedgerEntry | None, date | None]] = {}
    for qty in task.quantities:
        if not qty.per_region:
            continue
        mine = [
            e
            for e in regional
            if e.metric == qty.metric or (e.metric is None and qty is first_per_region)
        ]
        region_results[qty.metric] = _region_progress(plan, qty, mine)

    completion = _completion(own)
    completed_on = completion.date if completion is not None else None
    if completion is None:
        for _, reached, _ in region_results.values():
            # All expected regions done, and no later task-level entry says otherwise.
            if reached is not None and (latest is None or _key(latest) < _key(reached)):
                completed_on = reached.date
                flags.append(COMPLETED_BY_REGIONS)
                break
    if completed_on is None and any(e.status == "completed" for e in own):
        flags.append(REOPENED)

    due = task.due
    status: TaskStatus
    if due is None:
        status = "ongoing"
    elif completed_on is not None:
        status = "done" if completed_on <= due else "done_late"
        if task.ongoing:
            flags.append(CONTINUING)
    elif as_of > due:
        status = "overdue"
    elif (due - as_of).days <= settings.warning_window_days:
        status = "due_soon"
    else:
        status = "on_schedule"
    closed = status in CLOSED

    quantities = [
        _quantity_progress(plan, task, qty, own, region_results.get(qty.metric), as_of, closed)
        for qty in task.quantities
    ]
    if any(q.behind for q in quantities):
        flags.append(QUANTITY_BEHIND)
    if any(q.seriously_behind for q in quantities):
        flags.append(SERIOUSLY_BEHIND)

    last_report = known[-1].date if known else None
    since = last_report if last_report is not None else plan.plan.issued
    if not closed and (as_of - since).days > settings.stale_after_days:
        flags.append(STALE)
    if last_report is None:
        flags.append(NO_REPORT)

    rag: Rag
    if status == "overdue" or SERIOUSLY_BEHIND in flags:
        rag = "red"
    elif status == "due_soon" or QUANTITY_BEHIND in flags:
        rag = "amber"
    else:
        rag = "green"

    return TaskAssessment(
        id=task.id,
        action=task.action_id,
        title=task.title,
        deadline=task.deadline,
        due=due,
        ongoing=task.ongoing,
        status=status,
        rag=rag,
        completed_on=completed_on,
        last_report=last_report,
        days_left=(due - as_of).days if due is not None and not closed else None,
        latest_status=latest.status if latest is not None else None,
        latest_note=(latest.note or None) if latest is not None else None,
        responsible=list(task.responsible),
        flags=sorted(flags, key=FLAGS.index),
        quantities=quantities,
        regions=[progress for progress, _, _ in region_results.values()],
    )


def _quantity_progress(
    plan: Plan,
    task: Task,
    qty: Quantity,
    own: Sequence[LedgerEntry],
    regions: tuple[RegionProgress, LedgerEntry | None, date | None] | None,
    as_of: date,
    closed: bool,
) -> QuantityProgress:
    is_first = qty is task.quantities[0]
    reports = [
        e
        for e in own
        if e.value is not None and (e.metric == qty.metric or (e.metric is None and is_first))
    ]
    goal = qty.goal
    achieved: float | None = None
    reported_on: date | None = None
    counts_regions = False
    if regions is not None:
        progress, _, latest_region = regions
        if progress.expected is not None and latest_region is not None:
            counts_regions = True
            goal = float(progress.expected)
            achieved = float(len(progress.completed))
            reported_on = latest_region
    if not counts_regions and reports:
        achieved = reports[-1].value
        reported_on = reports[-1].date

    met: bool | None = None
    if achieved is not None:
        met = achieved >= goal if counts_regions else qty.satisfied_by(achieved)
    share = achieved / goal if achieved is not None and goal > 0 else None
    expected_share = _elapsed(plan.plan.issued, qty.by, as_of)

    behind = serious = False
    if not closed and met is False:
        if qty.comparison is Comparison.AT_MOST:
            # A ceiling has no straight line to follow: it is only missed once its date passes.
            behind = serious = as_of > qty.by
        elif share is not None:
            behind = share < expected_share - BEHIND_MARGIN
            serious = share < expected_share - SERIOUS_MARGIN
    return QuantityProgress(
        metric=qty.metric,
        description=qty.description,
        unit=qty.unit,
        comparison=qty.comparison,
        goal=goal,
        by=qty.by,
        per_region=qty.per_region,
        counts_regions=counts_regions,
        achieved=achieved,
        reported_on=reported_on,
        share=share,
        expected_share=expected_share,
        met=met,
        behind=behind,
        seriously_behind=serious,
    )


_ATTENTION: Final = {"overdue": 0, "due_soon": 1}


def attention_order(items: Iterable[TaskAssessment]) -> list[TaskAssessment]:
    """Overdue first, then due soon, then other red or amber tasks, then the rest; within
    each group by due date (no due date last), then plan order."""
    indexed = list(enumerate(items))

    def key(pair: tuple[int, TaskAssessment]) -> tuple[int, date, int]:
        i, item = pair
        group = _ATTENTION.get(item.status, 2 if item.rag != "green" else 3)
        return (group, item.due or date.max, i)

    return [item for _, item in sorted(indexed, key=key)]


def select_tasks(
    items: Iterable[TaskAssessment],
    *,
    statuses: Iterable[str] = (),
    actions: Iterable[str] = (),
) -> list[TaskAssessment]:
    """Keep tasks whose status or colour is in ``statuses`` and whose action (``A3``) is in
    ``actions``; an empty filter keeps everything."""
    wanted = set(statuses)
    acts = {a.upper() for a in actions}
    return [
        item
        for item in items
        if (not wanted or item.status in wanted or item.rag in wanted)
        and (not acts or item.action in acts)
    ]


def task_summary(items: Iterable[TaskAssessment]) -> dict[str, int]:
    """Counts: ``total``, each status, each colour, and the ``stale`` and
    ``quantity_behind`` flags (every key present, zeros included)."""
    counts: dict[str, int] = {"total": 0}
    counts.update(dict.fromkeys(STATUSES, 0))
    counts.update(dict.fromkeys(RAGS, 0))
    counts.update({STALE: 0, QUANTITY_BEHIND: 0})
    for item in items:
        counts["total"] += 1
        counts[item.status] += 1
        counts[item.rag] += 1
        for flag in (STALE, QUANTITY_BEHIND):
            if flag in item.flags:
                counts[flag] += 1
    return counts
