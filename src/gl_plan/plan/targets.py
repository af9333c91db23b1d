"""A goal's targets as plans state them: at least, at most, about, a range, maintained,
strived for; binding or expected; for the whole area, a level or named regions.

A target is a number (``100.7``: reach it, the indicator's direction says from which
side, as before), the plan's own wording (``保持在96%以上``, ``2-4所``, ``力争50%``), or a
mapping with the same meaning spelt out. The readings (DOMAIN: how plans state targets):

=========================================  ==============================================
wording                                    reading
=========================================  ==============================================
``达到X`` / ``提高到X`` / ``下降到X`` / X     ``reach``: at or better than X by direction
``X以上`` / ``不低于X`` / ``不少于X``         ``at_least`` X, whatever the direction
``X以下`` / ``不超过X`` / ``控制在X以内``      ``at_most`` X
``X左右``                                  ``about`` X: met within ``tolerance`` on the worse
                                           side (default :data:`DEFAULT_ABOUT_TOLERANCE`)
``A-B`` / ``A—B所``                        ``range``: the end nearer the worse side is the
                                           line (the low end when higher is better)
``保持在X以上`` / ``保持X``                   ``maintain``: judged on every period from the
                                           plan's issue to the target year, not the last
``力争…``                                  ``aspirational``: reported beside the binding
                                           targets, never counted among those behind
=========================================  ==============================================

``attribute`` is the 主要指标表's 属性 column: ``binding`` (约束性) or ``expected`` (预期性).
``applies_to: top`` limits the target to the top region (a wording that opens with
全县 / 全市 / 全省 / 全国 reads so: the county as a whole, not each township); ``levels``
to depths of the region tree (0 = the top); ``regions`` to named regions; by default it
applies to every region.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal

from pydantic import AfterValidator, Field, model_validator

from gl_plan.errors import MessageError
from gl_plan.i18n import Message, _
from gl_plan.plan.base import Model, Text
from gl_plan.plan.ids import check_region_code

if TYPE_CHECKING:
    from gl_plan.plan.models import Direction, Plan

#: ``左右`` ("about") allows this much on the worse side, in the indicator's own unit
#: (percentage points for a rate): a plan's "约95%" is met by 94.0, not by 93.9.
DEFAULT_ABOUT_TOLERANCE: Final = 1.0


class TargetComparison(StrEnum):
    """How a value is judged against a target."""

    REACH = "reach"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    RANGE = "range"


class Attribute(StrEnum):
    """The 属性 of a 主要指标表 row."""

    BINDING = "binding"  #: 约束性: a government commitment
    EXPECTED = "expected"  #: 预期性: guided, not guaranteed


_ATTRIBUTE_WORDS: Final = {"约束性": Attribute.BINDING, "预期性": Attribute.EXPECTED}

_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
# 力争 保持在 不低于 96 % 以上: each piece optional but the number; a unit never holds 以/左/及.
_WORDING: Final = re.compile(
    r"(?P<whole>全[国省市县区乡镇])?(?P<strive>力争)?(?:到[0-9]{4}年)?"
    r"(?P<verb>保持在|保持|稳定在|达到|提高到|提升到|增加到|下降到|降低到|降至|控制在|"
    r"不低于|不少于|不高于|不超过|低于|高于)?"
    rf"(?P<a>{_NUMBER})(?:[-–—~至到](?P<b>{_NUMBER}))?"
    r"(?P<unit>[%‰]|[^0-9以左及]{0,6}?)"
    r"(?P<suffix>以上|及以上|以下|及以下|以内|左右|)"
)
#: What the message for an unreadable wording offers.
_EXAMPLES: Final = "96%以上, 不低于95%, 不超过10%, 95%左右, 保持在96%以上, 2-4所, 力争50%"
_AT_LEAST_WORDS: Final = frozenset({"不低于", "不少于", "高于", "以上", "及以上"})
_AT_MOST_WORDS: Final = frozenset({"不高于", "不超过", "低于", "以下", "及以下", "以内"})
_MAINTAIN_WORDS: Final = frozenset({"保持在", "保持", "稳定在"})


def read_wording(wording: str) -> dict[str, Any]:
    """The fields a target's wording stands for; ``ValueError`` when it is not one.

    >>> read_wording("保持在96%以上")
    {'wording': '保持在96%以上', 'value': 96.0, 'comparison': 'at_least', 'maintain': True}
    >>> read_wording("2-4所")["comparison"], read_wording("力争50%")["aspirational"]
    ('range', True)
    """
    normal = re.sub(r"\s+", "", unicodedata.normalize("NFKC", wording))
    match = _WORDING.fullmatch(normal)
    if match is None:
        raise MessageError(
            _(
                "cannot read the target {wording!r}: give a number (100.7), a wording such as "
                "{examples}, or {{value, comparison}}",
                wording=wording,
                examples=_EXAMPLES,
            )
        )
    out: dict[str, Any] = {"wording": wording}
    low, high = float(match["a"]), match["b"]
    words = {match["verb"], match["suffix"]}
    if high is not None:
        out.update(min=low, max=float(high), comparison=TargetComparison.RANGE.value)
    else:
        out["value"] = low
        if words & _AT_LEAST_WORDS:
            out["comparison"] = TargetComparison.AT_LEAST.value
        elif words & _AT_MOST_WORDS or (match["verb"] == "控制在" and match["suffix"]):
            out["comparison"] = TargetComparison.AT_MOST.value
        elif match["suffix"] == "左右":
            out["comparison"] = TargetComparison.ABOUT.value
    if match["verb"] in _MAINTAIN_WORDS:
        out["maintain"] = True
    if match["strive"]:
        out["aspirational"] = True
    if match["whole"]:
        out["applies_to"] = "top"  # 全县…: the county as a whole, not each township
    return out


class Target(Model):
    """One indicator's target in one goal year (module docstring for each reading)."""

    value: float | None = None
    comparison: TargetComparison = TargetComparison.REACH
    min: float | None = None
    max: float | None = None
    tolerance: float | None = Field(
        default=None, gt=0, description="How far short an 'about' target may fall and be met"
    )
    maintain: bool = Field(
        default=False, description="Judged on every period up to the target year (保持在…)"
    )
    aspirational: bool = Field(
        default=False, description="力争: reported beside the binding targets, never behind"
    )
    attribute: Attribute | None = Field(default=None, description="约束性 / 预期性")
    applies_to: Literal["all", "top"] = Field(
        default="all", description="'top': the top region only (全县…); 'all': every region"
    )
    levels: list[Annotated[int, Field(ge=0, le=9)]] = Field(
        default_factory=list, description="The depths of the region tree it applies to"
    )
    regions: list[Annotated[str, AfterValidator(check_region_code)]] = Field(
        default_factory=list, description="The regions it applies to"
    )
    wording: str | None = Field(default=None, description="The target as the text states it")

    @model_validator(mode="before")
    @classmethod
    def _from_wording(cls, data: Any) -> Any:
        if isinstance(data, str):
            return read_wording(data)
        if isinstance(data, dict):
            attribute = data.get("attribute")
            if isinstance(attribute, str) and attribute in _ATTRIBUTE_WORDS:
                data = {**data, "attribute": _ATTRIBUTE_WORDS[attribute].value}
            if isinstance(data.get("wording"), str) and "value" not in data and "min" not in data:
                data = {**read_wording(data["wording"]), **data}
        return data

    @model_validator(mode="after")
    def _bounds(self) -> Target:
        if self.comparison is TargetComparison.RANGE:
            if self.min is None or self.max is None or self.value is not None:
                raise MessageError(_("a range target needs min and max, and no value"))
            if self.min > self.max:
                raise MessageError(
                    _("min {low} is greater than max {high}", low=self.min, high=self.max)
                )
        elif self.value is None or self.min is not None or self.max is not None:
            raise MessageError(
                _(
                    "comparison {comparison!r} needs a value (no min/max)",
                    comparison=self.comparison.value,
                )
            )
        if self.tolerance is not None and self.comparison is not TargetComparison.ABOUT:
            raise MessageError(_("tolerance is for an 'about' target (comparison: about)"))
        if sum((self.applies_to == "top", bool(self.levels), bool(self.regions))) > 1:
            raise MessageError(_("give one of applies_to: top, levels and regions"))
        return self

    def sign(self, direction: Direction) -> float:
        """+1 when more is better for this target, -1 when less is."""
        if self.comparison is TargetComparison.AT_LEAST:
            return 1.0
        if self.comparison is TargetComparison.AT_MOST:
            return -1.0
        return 1.0 if direction.value == "higher_is_better" else -1.0

    def figure(self, direction: Direction) -> float:
        """The figure reported as the target: the value, or a range's end on the worse side."""
        if self.value is not None:
            return self.value
        assert self.min is not None
        assert self.max is not None
        return self.min if self.sign(direction) > 0 else self.max

    def line(self, direction: Direction) -> float:
        """The figure a value must reach (by :meth:`sign`) to meet the target."""
        if self.comparison is TargetComparison.ABOUT:
            slack = DEFAULT_ABOUT_TOLERANCE if self.tolerance is None else self.tolerance
            return self.figure(direction) - self.sign(direction) * slack
        return self.figure(direction)

    def applies(self, code: str, depth: int) -> bool:
        """Whether the target is set for the region ``code`` at ``depth`` (0 = the top)."""
        if self.applies_to == "top":
            return depth == 0
        if self.levels:
            return depth in self.levels
        if self.regions:
            return code in self.regions
        return True

    @property
    def plain(self) -> bool:
        """A bare number: judged, scoped and reported exactly as before qualifiers existed."""
        return self.value is not None and self == Target(value=self.value)


def _wording_read(value: float | Target | str) -> float | Target:
    """A target given as text that :func:`read_wording` cannot read is refused with its
    message (the union tries the number, then the target, and only then keeps text)."""
    if isinstance(value, str):
        return Target.model_validate(read_wording(value))
    return value


#: A number, a target spelt out, or its wording; the wording is read into a :class:`Target`.
TargetGiven = Annotated[
    float | Target | str, Field(union_mode="left_to_right"), AfterValidator(_wording_read)
]


class Goal(Model):
    year: int = Field(ge=2000, le=2199)
    text: Text
    targets: dict[str, TargetGiven] = Field(
        description="Per indicator: a number to reach, the plan's wording (保持在96%以上, "
        "2-4所, 力争50%) or a target spelt out"
    )

    def target(self, indicator: str) -> Target:
        """``indicator``'s target, a bare number read as ``reach`` it."""
        given = self.targets[indicator]
        if isinstance(given, Target):
            return given
        if isinstance(given, str):  # never after validation: the wording became a Target
            return Target.model_validate(given)
        return Target(value=float(given))


DocPath = tuple[str | int, ...]


def check_targets(plan: Plan) -> list[tuple[DocPath, Message]]:
    """Targets that name regions or levels the plan does not have."""
    problems: list[tuple[DocPath, Message]] = []
    depth = max((plan.region_tree.depth(r.code) for r in plan.regions), default=0)
    for gi, goal in enumerate(plan.goals):
        for ind_id in goal.targets:
            target = goal.target(ind_id)
            where: DocPath = ("goals", gi, "targets", ind_id)
            for ri, code in enumerate(target.regions):
                if code not in plan.region_by_code:
                    problems.append(
                        ((*where, "regions", ri), _("unknown region {code!r}", code=code))
                    )
            for li, level in enumerate(target.levels):
                if level > depth:
                    problems.append(
                        (
                            (*where, "levels", li),
                            _(
                                "there is no level {level} of regions (the deepest is {top}; "
                                "0 is the top)",
                                level=level,
                                top=depth,
                            ),
                        )
                    )
    for ii, indicator in enumerate(plan.indicators):
        for li, level in enumerate(indicator.levels or []):
            if level > depth:
                problems.append(
                    (
                        ("indicators", ii, "levels", li),
                        _(
                            "there is no level {level} of regions (the deepest is {top}; "
                            "0 is the top)",
                            level=level,
                            top=depth,
                        ),
                    )
                )
    return problems
