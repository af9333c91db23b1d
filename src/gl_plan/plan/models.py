"""The plan as data: pydantic models for ``data/plan.yaml``.

Every model forbids unknown keys, so a misspelt key in the YAML fails with its location
instead of vanishing. Cross-checks that span the document (unique ids, known indicators,
unambiguous aliases) run in :func:`cross_check`, which returns located problems rather than
stopping at the first one.
"""

from __future__ import annotations

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

from gl_plan.errors import MessageError
from gl_plan.i18n import _, pgettext
from gl_plan.names import normalise_name as normalise_name
from gl_plan.plan.base import Direction as Direction
from gl_plan.plan.base import Model as Model
from gl_plan.plan.base import Text as Text
from gl_plan.plan.counts import Count, CountRef, CountTable, build_counts
from gl_plan.plan.crosscheck import cross_check
from gl_plan.plan.deadlines import Deadline, DeadlineError, NeedsIssueDate, parse_deadline
from gl_plan.plan.ids import (
    check_action_id,
    check_region_code,
    check_task_id,
    machine_id,
    split_task_id,
)
from gl_plan.plan.indicator_rules import ChangeLimits
from gl_plan.plan.targets import Goal
from gl_plan.region_tree import RegionTree

RegionCode = Annotated[
    str,
    AfterValidator(check_region_code),
    Field(
        description="A short identifier; by default a GB/T 2260 six-digit code, always a "
        "string (also CN, or a nine- or twelve-digit statistical code)",
        max_length=32,
    ),
]
#: The names a program reads (indicators, metrics: preschool_rate), a plan's id (guilin-2022).
NAME_PATTERN, PLAN_ID_PATTERN = r"^[a-z][a-z0-9_]*$", r"^[a-z0-9][a-z0-9_-]*$"
IndicatorId = Annotated[str, Field(pattern=NAME_PATTERN, max_length=80)]
ActionId = Annotated[
    str,
    AfterValidator(check_action_id),
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
    id: str = Field(pattern=PLAN_ID_PATTERN)
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


class Range(Model):
    min: float
    max: float

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise MessageError(_("min {min} is greater than max {max}", min=self.min, max=self.max))
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
    #: A count's id (``counts:``), or its name written inline (an implicit count).
    numerator: Text | CountRef | None = None
    denominator: Text | CountRef | None = None
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
            raise MessageError(
                _(
                    "a {unit} indicator needs its numerator and denominator named",
                    unit=self.unit.value,
                )
            )
        if self.unit is Unit.AMOUNT and self.unit_label is None:
            raise MessageError(
                _(
                    "an amount needs unit_label (e.g. {example})",
                    example="{zh: 万元, en: 10k yuan}",
                )
            )
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

    metric: str = Field(pattern=NAME_PATTERN)
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
                raise MessageError(_("a range needs min and max, and no value"))
            if self.min > self.max:
                raise MessageError(
                    _("min {min} is greater than max {max}", min=self.min, max=self.max)
                )
        elif self.value is None or self.min is not None or self.max is not None:
            raise MessageError(
                pgettext(
                    "plan.comparison_value",
                    "comparison {comparison!r} needs a value (no min/max)",
                    comparison=self.comparison.value,
                )
            )
        if self.region_count is not None and not self.per_region:
            raise MessageError(_("region_count is for a per_region quantity"))
        if self.region_count is not None and self.regions:
            raise MessageError(_("give either regions or region_count, not both"))
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

    @field_validator("deadline", mode="before")
    @classmethod
    def _date_as_written(cls, value: Any) -> Any:
        # YAML reads an unquoted 2025-12-31 as a date; the phrase is what the plan wrote.
        return str(value) if isinstance(value, date) else value

    @field_validator("deadline")
    @classmethod
    def _phrase_parses(cls, value: str, info: ValidationInfo) -> str:
        try:
            parse_deadline(value)
        except NeedsIssueDate:
            pass  # 三年内: the plan holding the task dates it from its issue date
        except DeadlineError:
            if info.data.get("deadline_override") is None:
                raise
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

    id: str = Field(pattern=NAME_PATTERN)
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
            raise MessageError(_("acceleration_ratio must not exceed on_track_ratio"))
        return self


class Plan(Model):
    """The whole action plan. Build it with :func:`gl_plan.plan.load.load_plan`."""

    schema_version: Literal[1] = 1
    plan: PlanInfo
    regions: list[Region] = Field(min_length=1)
    #: The numbers counties report, which indicators' numerators and denominators name.
    counts: list[Count] = Field(default_factory=list)
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

    @cached_property
    def count_table(self) -> CountTable:
        """Every count, declared or implicit, with the indicators it feeds."""
        return build_counts(self.counts, self.indicators)

    def resolve_region(self, name: str) -> str | None:
        return self.region_lookup.get(normalise_name(name))

    def resolve_indicator(self, name: str) -> str | None:
        return self.indicator_lookup.get(normalise_name(name))
