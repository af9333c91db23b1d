"""The plan as data: pydantic models for ``data/plan.yaml``.

Every model forbids unknown keys, so a misspelt key in the YAML fails with its location
instead of vanishing. Cross-checks that span the document (unique ids, known indicators,
unambiguous aliases) run in :func:`cross_check`, which returns located problems rather than
stopping at the first one.
"""

from __future__ import annotations

import itertools
import unicodedata
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Field,
    PrivateAttr,
    ValidationInfo,
    computed_field,
    field_validator,
    model_validator,
)

from gl_plan.errors import Message, msg
from gl_plan.periods import PeriodError, parse_period
from gl_plan.plan.base import Model as Model
from gl_plan.plan.base import Text as Text
from gl_plan.plan.deadlines import Deadline, DeadlineError, NeedsIssueDate, parse_deadline
from gl_plan.plan.ids import (
    check_identifier,
    check_region_code,
    check_task_id,
    machine_id,
    split_task_id,
)
from gl_plan.plan.indicator_rules import ChangeLimits
from gl_plan.plan.targets import Goal, check_targets
from gl_plan.region_tree import NotATree, RegionTree

RegionCode = Annotated[
    str,
    AfterValidator(check_region_code),
    Field(
        description="A short identifier; by default a GB/T 2260 six-digit code, always a "
        "string (also CN, or a nine- or twelve-digit statistical code)",
        max_length=32,
    ),
]
IndicatorId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]
ActionId = Annotated[
    str,
    AfterValidator(lambda v: check_identifier(v, "action id", "A3, C19 or 一")),
    Field(description="Any identifier the plan uses: A3, C19, 一", max_length=32),
]
TaskId = Annotated[
    str,
    AfterValidator(check_task_id),
    Field(description="The action's id, a dot and a number: A3.6, C19.2", max_length=40),
]

#: Statistics Canada / Open SDG progress thresholds on r = observed / required growth.
DEFAULT_ON_TRACK_RATIO = 0.95
DEFAULT_ACCELERATION_RATIO = 0.6
#: 督查督办 practice fixes no national warning window; 90 days is one quarter's notice.
DEFAULT_WARNING_WINDOW_DAYS = 90
#: A task with no ledger entry for two quarters is flagged stale.
DEFAULT_STALE_AFTER_DAYS = 183
#: Iglewicz & Hoaglin's cut-off for the modified z-score (0.6745·|x − median| / MAD).
DEFAULT_OUTLIER_Z = 3.5
#: A county's enrollment rate does not move 3 percentage points in a quarter without a data
#: error or a boundary change (the plan's own targets move the city's rates by 1.5 points
#: in five years), so a larger move from one period to the next is flagged.
DEFAULT_MAX_QUARTERLY_CHANGE = 3.0
#: A parent figure from counties whose denominators (the population the rate is of) add up
#: to less than 90 % of the last complete period's describes a different, smaller area than
#: the target is set for; 90 % is a working convention, which a plan can change.
DEFAULT_MIN_COVERAGE = 0.9


class SourceNote(Model):
    file: str = Field(description="Where the full text is kept")
    note: str = Field(description="What the text is and how the plan file relates to it")


class PlanInfo(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: Text
    issuer: Text | None = None
    issued: date
    source: SourceNote | None = None


class RegionKind(StrEnum):
    """China's administrative levels, from the nation down to townships (GB/T 2260)."""

    NATION = "nation"
    PROVINCE = "province"
    AUTONOMOUS_REGION = "autonomous_region"
    MUNICIPALITY = "municipality"
    PREFECTURE_CITY = "prefecture_city"
    AUTONOMOUS_PREFECTURE = "autonomous_prefecture"
    LEAGUE = "league"
    CITY = "city"
    DISTRICT = "district"
    COUNTY = "county"
    AUTONOMOUS_COUNTY = "autonomous_county"
    COUNTY_LEVEL_CITY = "county_level_city"
    BANNER = "banner"
    AUTONOMOUS_BANNER = "autonomous_banner"
    TOWNSHIP = "township"


class FormerName(Model):
    name: str = Field(min_length=1)
    code: RegionCode | None = None
    until: int | None = Field(default=None, ge=1949, le=2199)


class Region(Model):
    code: RegionCode
    name: Text
    short: Text
    kind: RegionKind
    parent: RegionCode | None = None
    pinyin: str | None = None
    aliases: list[str] = Field(default_factory=list)
    former: list[FormerName] = Field(default_factory=list)

    def spellings(self) -> list[str]:
        """Every way a county file may name this region, the code first."""
        names = [self.code, self.name.zh, self.name.en, self.short.zh, self.short.en]
        if self.pinyin:
            names.append(self.pinyin)
        names.extend(self.aliases)
        for old in self.former:
            names.append(old.name)
            if old.code:
                names.append(old.code)
        return names


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Range(Model):
    min: float
    max: float

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"min {self.min} is greater than max {self.max}")
        return self


class Unit(StrEnum):
    """What an indicator's value is, and so how a parent region's figure is made."""

    #: numerator / denominator × 100 (enrollment rates)
    PERCENT = "percent"
    #: numerator / denominator (students per teacher)
    RATIO = "ratio"
    #: numerator / denominator × 1000
    PER_THOUSAND = "per_thousand"
    #: a number of things; a parent's figure is the plain sum
    COUNT = "count"
    #: a duration such as average years of schooling: summed only through its counts
    YEARS = "years"
    #: money or another quantity (``unit_label`` names it); a parent's figure is the sum
    AMOUNT = "amount"

    @property
    def scale(self) -> float | None:
        """The factor on numerator / denominator, or None for a unit that is not a rate."""
        return _SCALES.get(self)

    @property
    def summable(self) -> bool:
        """Whether a parent's figure is the plain sum of its children's values."""
        return self in (Unit.COUNT, Unit.AMOUNT)


_SCALES = {Unit.PERCENT: 100.0, Unit.RATIO: 1.0, Unit.PER_THOUSAND: 1000.0, Unit.YEARS: 1.0}


class Indicator(Model):
    id: IndicatorId
    name: Text
    short: Text | None = None
    unit: Unit = Unit.PERCENT
    #: What an ``amount`` is counted in (元, 万元, m²); shown beside its values.
    unit_label: Text | None = None
    direction: Direction = Direction.HIGHER_IS_BETTER
    numerator: Text | None = None
    denominator: Text | None = None
    definition: Text | None = None
    plausible_range: Range
    #: Gross rates may exceed 100 (over-age and non-resident pupils); a share may not.
    can_exceed_100: bool = Field(
        default=True,
        description="Whether this percentage may exceed 100 (gross rates may; a share of a "
        "whole may not: false warns of a numerator above its denominator)",
    )
    aliases: list[str] = Field(default_factory=list)
    levels: list[Annotated[int, Field(ge=0, le=9)]] | None = Field(
        default=None,
        description="The depths of the region tree where the indicator is reported (0 = the "
        "top); regions below get no rows and no missing-data warnings. Default: every level",
    )
    change_limits: ChangeLimits | None = Field(
        default=None, description="Its own implausible-jump bounds, per quarter and per year"
    )

    @model_validator(mode="after")
    def _counts_named(self) -> Indicator:
        if not self.can_exceed_100 and self.unit is not Unit.PERCENT:
            raise ValueError("can_exceed_100 is for percent indicators")
        # A percent may come as rates only (a national plan's 毛入学率); parents are then
        # not computed. A ratio or a per-thousand figure needs its counts to mean anything.
        if (
            self.unit.scale is not None
            and self.unit not in (Unit.YEARS, Unit.PERCENT)
            and (self.numerator is None or self.denominator is None)
        ):
            raise ValueError(
                f"a {self.unit.value} indicator needs its numerator and denominator named"
            )
        if self.unit is Unit.AMOUNT and self.unit_label is None:
            raise ValueError("an amount needs unit_label (e.g. {zh: 万元, en: 10k yuan})")
        return self

    def spellings(self) -> list[str]:
        names = [self.id, self.name.zh, self.name.en, *self.aliases]
        if self.short:
            names += [self.short.zh, self.short.en]
        return names


class Baseline(Model):
    """A declared starting point for the progress method (otherwise: earliest observation)."""

    region: RegionCode
    indicator: IndicatorId
    period: str
    value: float
    source: str | None = None


class Comparison(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    EXACTLY = "exactly"
    RANGE = "range"


class Quantity(Model):
    """A number a task commits to: 30 以上 schools, 10 左右 bases, 1-2 zones, 10 % of teachers."""

    metric: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: Text
    comparison: Comparison
    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: Text
    by: date
    per_region: bool = Field(
        default=False,
        description="Counted region by region: each region reports its own completion",
    )
    regions: list[RegionCode] = Field(default_factory=list)
    region_count: int | None = Field(
        default=None,
        ge=1,
        description="How many regions must complete a per-region quantity when the text "
        "gives a number but does not name them (A9.4: the 6 counties)",
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _bounds(self) -> Quantity:
        if self.comparison is Comparison.RANGE:
            if self.min is None or self.max is None or self.value is not None:
                raise ValueError("a range needs min and max, and no value")
            if self.min > self.max:
                raise ValueError(f"min {self.min} is greater than max {self.max}")
        elif self.value is None or self.min is not None or self.max is not None:
            raise ValueError(f"comparison {self.comparison.value!r} needs a value (no min/max)")
        if self.region_count is not None and not self.per_region:
            raise ValueError("region_count is for a per_region quantity")
        if self.region_count is not None and self.regions:
            raise ValueError("give either regions or region_count, not both")
        return self

    @property
    def goal(self) -> float:
        """The figure progress is measured against: the value, or the low end of a range."""
        if self.value is not None:
            return self.value
        assert self.min is not None
        return self.min

    def satisfied_by(self, achieved: float) -> bool:
        """Whether an achieved figure meets the commitment (``about`` allows 10 % short)."""
        match self.comparison:
            case Comparison.AT_LEAST | Comparison.EXACTLY:
                return achieved >= self.goal
            case Comparison.AT_MOST:
                return achieved <= self.goal
            case Comparison.ABOUT:
                return achieved >= 0.9 * self.goal
            case Comparison.RANGE:
                return achieved >= self.goal
        raise AssertionError(self.comparison)


class DeadlineOverride(Model):
    """A reading of a task's time limit that replaces the parser's, keeping the original text."""

    due: date | None
    ongoing: bool
    reason: str = Field(min_length=1)


class Task(Model):
    id: TaskId
    title: Text
    text: str = Field(min_length=1, description="The source paragraph, in Chinese")
    summary_en: str | None = Field(default=None, description="An English summary of the text")
    # Declared before `deadline` so that its validator sees whether an override is given.
    deadline_override: DeadlineOverride | None = Field(
        default=None,
        description="A reading that replaces the parser's; required when the phrase does not parse",
    )
    deadline: str = Field(min_length=1, description="完成时限 exactly as the source writes it")
    responsible: list[Text] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)

    @field_validator("deadline")
    @classmethod
    def _phrase_parses(cls, value: str, info: ValidationInfo) -> str:
        try:
            parse_deadline(value)
        except NeedsIssueDate:
            pass  # 三年内: the plan holding the task dates it from its issue date
        except DeadlineError as exc:
            if info.data.get("deadline_override") is None:
                raise ValueError(str(exc)) from None
        return value

    #: The plan's issue date, set by the plan that holds the task: relative spans count from it.
    _issued: date | None = PrivateAttr(default=None)

    @cached_property
    def schedule(self) -> Deadline:
        """The due date and whether the task continues, after any override."""
        o = self.deadline_override
        if o is None:
            return parse_deadline(self.deadline, self._issued)
        try:
            starts = parse_deadline(self.deadline, self._issued).starts
        except DeadlineError:
            starts = None
        return Deadline(text=self.deadline, due=o.due, ongoing=o.ongoing, starts=starts)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def due(self) -> date | None:
        return self.schedule.due

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ongoing(self) -> bool:
        return self.schedule.ongoing

    @property
    def action_id(self) -> str:
        return split_task_id(self.id)[0]

    @property
    def key(self) -> str:
        """A stable ASCII id (``三(一)4`` → ``3-1-4``) where a command or a file needs one."""
        return machine_id(self.id)


class Action(Model):
    id: ActionId
    number: int | None = Field(default=None, ge=1, description="Its number in the source")
    title: Text
    text: str | None = Field(default=None, description="Source text of the action, if any")
    tasks: list[Task] = Field(min_length=1)


class Standard(Model):
    """A national county-level threshold reported beside the plan's own targets."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    indicator: IndicatorId
    threshold: float
    comparison: Literal["at_least", "at_most"] = "at_least"
    applies_to: list[RegionKind] = Field(min_length=1)
    source: Text
    confidence: Literal["high", "medium", "low"] = "high"

    def passes(self, value: float) -> bool:
        return value >= self.threshold if self.comparison == "at_least" else value <= self.threshold


class Settings(Model):
    """Numbers that steer the assessment; defaults follow DOMAIN.md with their sources."""

    on_track_ratio: float = Field(default=DEFAULT_ON_TRACK_RATIO, gt=0)
    acceleration_ratio: float = Field(default=DEFAULT_ACCELERATION_RATIO, ge=0)
    warning_window_days: int = Field(default=DEFAULT_WARNING_WINDOW_DAYS, ge=0, le=3660)
    stale_after_days: int = Field(default=DEFAULT_STALE_AFTER_DAYS, ge=1, le=3660)
    outlier_z: float = Field(default=DEFAULT_OUTLIER_Z, gt=0)
    #: Allowed difference between a reported rate and numerator/denominator × 100.
    rate_tolerance: float = Field(default=0.05, ge=0)
    #: Percentage points a percent indicator's figure may move from the same region's
    #: previous period (of the same granularity) before it is flagged as an implausible jump.
    max_quarterly_change: float = Field(
        default=DEFAULT_MAX_QUARTERLY_CHANGE,
        gt=0,
        description="Percentage points a percent figure may move from the same region's "
        "previous period before it is flagged (implausible-jump)",
    )
    #: The share of the last complete period's summed denominators a partial parent figure
    #: must cover; below it the figure's status is ``insufficient_data``.
    min_coverage: float = Field(
        default=DEFAULT_MIN_COVERAGE,
        ge=0,
        le=1,
        description="Least share of the last complete period's denominators a partial "
        "parent figure must cover to be assessed (else insufficient_data)",
    )

    @model_validator(mode="after")
    def _ordered(self) -> Settings:
        if self.acceleration_ratio > self.on_track_ratio:
            raise ValueError("acceleration_ratio must not exceed on_track_ratio")
        return self


class Plan(Model):
    """The whole action plan. Build it with :func:`gl_plan.plan.load.load_plan`."""

    schema_version: Literal[1] = 1
    plan: PlanInfo
    regions: list[Region] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
    goals: list[Goal] = Field(min_length=1)
    actions: list[Action] = Field(min_length=1)
    standards: list[Standard] = Field(default_factory=list)
    baselines: list[Baseline] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    level_names: dict[Annotated[int, Field(ge=0, le=9)], Text] = Field(
        default_factory=dict,
        description="What the reports call each level of regions, by depth (0 = the root "
        "region). The root's name is how a report names the whole (全省, the province); a "
        "lower level's is one word for its regions (县区, county; English plurals are "
        "formed by rule). Levels not named take their words from the regions' kinds",
        json_schema_extra={"propertyNames": {"pattern": "^[0-9]$"}},
    )

    @model_validator(mode="after")
    def _cross_checks(self, info: ValidationInfo) -> Plan:
        for task in self.tasks:
            task._issued = self.plan.issued
        problems = cross_check(self)
        if not problems:
            return self
        sink = info.context.get("cross_check_problems") if info.context else None
        if isinstance(sink, list):
            # The loader wants each problem with its own location, not one combined error.
            sink.extend(problems)
            return self
        raise ValueError("; ".join(f"{'.'.join(map(str, p))}: {m}" for p, m in problems))

    # Lookups used everywhere; computed once per (immutable) plan.
    @cached_property
    def region_by_code(self) -> dict[str, Region]:
        return {r.code: r for r in self.regions}

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def task_by_id(self) -> dict[str, Task]:
        return {t.id: t for a in self.actions for t in a.tasks}

    @property
    def tasks(self) -> list[Task]:
        return [t for a in self.actions for t in a.tasks]

    @cached_property
    def region_tree(self) -> RegionTree:
        """The regions as one tree: every walk up or down the regions goes through it.
        Built once; a validated plan's regions always form one (see :func:`cross_check`)."""
        return RegionTree((r.code, r.parent) for r in self.regions)

    @property
    def root_region(self) -> Region:
        """The region with no parent (the city, the province or the nation)."""
        return self.region_by_code[self.region_tree.root]

    def children(self, code: str) -> list[Region]:
        """The regions directly below ``code``, in plan order."""
        return [self.region_by_code[c] for c in self.region_tree.children(code)]

    def leaves(self) -> list[Region]:
        """Regions with no children, in plan order: the units that report data."""
        return [self.region_by_code[c] for c in self.region_tree.leaves]

    def goal_for(self, year: int) -> Goal | None:
        return next((g for g in self.goals if g.year == year), None)

    @cached_property
    def region_lookup(self) -> dict[str, str]:
        """Every spelling of every region, normalised, to its code."""
        return {normalise_name(s): r.code for r in self.regions for s in r.spellings()}

    @cached_property
    def indicator_lookup(self) -> dict[str, str]:
        return {normalise_name(s): i.id for i in self.indicators for s in i.spellings()}

    def resolve_region(self, name: str) -> str | None:
        return self.region_lookup.get(normalise_name(name))

    def resolve_indicator(self, name: str) -> str | None:
        return self.indicator_lookup.get(normalise_name(name))


def normalise_name(text: str) -> str:
    """Fold case, width and spacing so that ``Yangshuo``, ``ＹＡＮＧＳＨＵＯ `` and
    ``yang shuo`` compare equal; punctuation that varies by typist is dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return folded if folded.isalnum() else "".join(filter(str.isalnum, folded))


DocPath = tuple[str | int, ...]


def cross_check(plan: Plan) -> list[tuple[DocPath, Message]]:
    """Checks that span the document; each problem comes with its path in the plan."""
    problems: list[tuple[DocPath, Message]] = []

    def unique(items: list[Any], attr: str, where: str) -> None:
        seen: dict[Any, int] = {}
        for i, item in enumerate(items):
            key = getattr(item, attr)
            if key in seen:
                problems.append(
                    ((where, i, attr), f"duplicate {attr} {key!r} (first at {where}[{seen[key]}])")
                )
            else:
                seen[key] = i

    unique(plan.indicators, "id", "indicators")
    unique(plan.goals, "year", "goals")
    unique(plan.actions, "id", "actions")
    unique(plan.standards, "id", "standards")

    codes = {r.code for r in plan.regions}
    # Unique codes, known parents, one root, no cycle: the tree proves them all at once.
    tree_ok = True
    try:
        plan.region_tree  # noqa: B018 - built here to be proven, then kept for the walks
    except NotATree as refused:
        tree_ok = False
        for problem in refused.problems:
            where: DocPath = ("regions",)
            if problem.index is not None:
                where = ("regions", problem.index, problem.field or "code")
            problems.append((where, problem.message))

    # A spelling may name only one region, or a county file's rows could land anywhere.
    owner: dict[str, tuple[str, int]] = {}
    for i, region in enumerate(plan.regions):
        for spelling in region.spellings():
            key = normalise_name(spelling)
            if not key:
                problems.append((("regions", i), f"empty name or alias {spelling!r}"))
                continue
            if key in owner and owner[key][0] != region.code:
                other = owner[key][0]
                problems.append(
                    (
                        ("regions", i, "aliases"),
                        f"name {spelling!r} is ambiguous: it names both {other} and {region.code}",
                    )
                )
            else:
                owner.setdefault(key, (region.code, i))

    indicator_owner: dict[str, str] = {}
    for i, indicator in enumerate(plan.indicators):
        for spelling in indicator.spellings():
            key = normalise_name(spelling)
            if key in indicator_owner and indicator_owner[key] != indicator.id:
                problems.append(
                    (
                        ("indicators", i, "aliases"),
                        f"name {spelling!r} names both {indicator_owner[key]} and {indicator.id}",
                    )
                )
            indicator_owner.setdefault(key, indicator.id)

    if tree_ok:
        problems.extend(check_targets(plan))
    indicators = {ind.id: ind for ind in plan.indicators}
    for gi, goal in enumerate(plan.goals):
        for ind_id in goal.targets:
            if ind_id not in indicators:
                problems.append((("goals", gi, "targets", ind_id), f"unknown indicator {ind_id!r}"))
    # A later target must not ask for less than an earlier one.
    goals = sorted(enumerate(plan.goals), key=lambda pair: pair[1].year)
    for (_, earlier), (gi, later) in itertools.pairwise(goals):
        for ind_id in later.targets:
            ind = indicators.get(ind_id)
            if ind is None or ind_id not in earlier.targets:
                continue
            first, then = earlier.target(ind_id), later.target(ind_id)
            if first.comparison is not then.comparison:
                continue  # 以上 then 左右: not one scale to compare on
            value, before = then.line(ind.direction), first.line(ind.direction)
            worse = (
                value < before if ind.direction is Direction.HIGHER_IS_BETTER else value > before
            )
            if worse:
                problems.append(
                    (
                        ("goals", gi, "targets", ind_id),
                        f"{later.year} target {value} is less ambitious than the "
                        f"{earlier.year} target {before} for a {ind.direction.value} indicator",
                    )
                )

    task_ids: dict[str, DocPath] = {}
    for ai, action in enumerate(plan.actions):
        # A1..An ids follow their numbers; other schemes (C19, 一) carry no number to match.
        numbered = action.id.startswith("A") and action.id[1:].isdecimal()
        if numbered and action.number is not None and action.id != f"A{action.number}":
            problems.append((("actions", ai, "id"), f"id {action.id!r} does not match number"))
        previous = 0
        for ti, task in enumerate(action.tasks):
            here: DocPath = ("actions", ai, "tasks", ti, "id")
            if task.id in task_ids:
                problems.append((here, f"duplicate task id {task.id!r}"))
            task_ids.setdefault(task.id, here)
            if task.action_id != action.id:
                problems.append((here, f"task {task.id!r} is listed under action {action.id}"))
            elif int(split_task_id(task.id)[1]) <= previous:
                # Numbers rise in source order; gaps are allowed (a plan skips an item).
                problems.append((here, msg("plan.task_order", task=task.id, number=previous)))
            previous = int(split_task_id(task.id)[1])
            if task.deadline_override is None:
                try:
                    task.schedule  # noqa: B018 - 三年内 and the like are dated only here
                except DeadlineError as exc:
                    problems.append(((*here[:-1], "deadline"), exc.args[0]))
            for qi, qty in enumerate(task.quantities):
                for ri, code in enumerate(qty.regions):
                    if code not in codes:
                        problems.append(
                            (
                                ("actions", ai, "tasks", ti, "quantities", qi, "regions", ri),
                                f"unknown region {code!r}",
                            )
                        )

    for si, std in enumerate(plan.standards):
        if std.indicator not in indicators:
            problems.append(
                (("standards", si, "indicator"), f"unknown indicator {std.indicator!r}")
            )
    for bi, base in enumerate(plan.baselines):
        if base.region not in codes:
            problems.append((("baselines", bi, "region"), f"unknown region {base.region!r}"))
        if base.indicator not in indicators:
            problems.append(
                (("baselines", bi, "indicator"), f"unknown indicator {base.indicator!r}")
            )
        try:
            parse_period(base.period)
        except PeriodError as exc:
            problems.append((("baselines", bi, "period"), str(exc)))
    return problems
