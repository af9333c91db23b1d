"""What the reports call a plan's levels: 全市 / the city for the whole, 县区 / counties below.

A plan may name its levels by depth (:attr:`~gl_plan.plan.models.Plan.level_names`, 0 being
the root); otherwise the words come from the regions' kinds:

- the root, as a whole: ``whole.<kind>`` (全市 / the city, 全省 / the province, 全国 /
  the nation);
- a lower level whose regions are all of one kind: ``kind.<kind>`` (县 / county, 地级市 /
  prefecture city);
- a level mixing kinds of one administrative tier: ``tier.<tier>`` (districts, counties and
  county-level cities are 县区 / county); kinds of several tiers: ``tier.mixed`` (地区 /
  region).

English level words are singular; :func:`plural` makes the plural by the ordinary rule
(county → counties), which is all the kinds need.
"""

from __future__ import annotations

from typing import Final

from gl_plan.i18n import Lang, _, pgettext
from gl_plan.plan.models import Plan, RegionKind
from gl_plan.report.format import CJK_RE

#: The texts once looked up as ``whole.*``, by the rest of that key.
_WHOLE = {
    "nation": _("the nation"),
    "province": _("the province"),
    "autonomous_region": _("the region"),
    "municipality": _("the city"),
    "prefecture_city": _("the city"),
    "autonomous_prefecture": _("the prefecture"),
    "league": _("the league"),
    "city": _("the city"),
    "district": _("the district"),
    "county": _("the county"),
    "autonomous_county": _("the county"),
    "county_level_city": _("the city"),
    "banner": _("the banner"),
    "autonomous_banner": _("the banner"),
    "township": _("the township"),
}


#: The texts once looked up as ``kind.*``, by the rest of that key.
_KIND = {
    "nation": _("nation"),
    "province": _("province"),
    "autonomous_region": _("autonomous region"),
    "municipality": _("municipality"),
    "prefecture_city": _("prefecture city"),
    "autonomous_prefecture": _("autonomous prefecture"),
    "league": _("league"),
    "city": _("city"),
    "district": _("district"),
    "county": _("county"),
    "autonomous_county": _("autonomous county"),
    "county_level_city": _("county-level city"),
    "banner": _("banner"),
    "autonomous_banner": _("autonomous banner"),
    "township": _("township"),
}


#: The texts once looked up as ``tier.*``, by the rest of that key.
_TIER = {
    "nation": _("nation"),
    "province": pgettext("tier.province", "province"),
    "prefecture": pgettext("tier.prefecture", "city"),
    "county": pgettext("tier.county", "county"),
    "township": _("township"),
    "mixed": _("region"),
}


__all__ = [
    "TIERS",
    "leaf_word",
    "level_word",
    "levels_below",
    "plural",
    "whole",
]

#: The administrative tier of each kind: kinds of one tier side by side form one level.
TIERS: Final[dict[RegionKind, str]] = {
    RegionKind.NATION: "nation",
    RegionKind.PROVINCE: "province",
    RegionKind.AUTONOMOUS_REGION: "province",
    RegionKind.MUNICIPALITY: "province",
    RegionKind.PREFECTURE_CITY: "prefecture",
    RegionKind.AUTONOMOUS_PREFECTURE: "prefecture",
    RegionKind.LEAGUE: "prefecture",
    RegionKind.CITY: "prefecture",
    RegionKind.DISTRICT: "county",
    RegionKind.COUNTY: "county",
    RegionKind.AUTONOMOUS_COUNTY: "county",
    RegionKind.COUNTY_LEVEL_CITY: "county",
    RegionKind.BANNER: "county",
    RegionKind.AUTONOMOUS_BANNER: "county",
    RegionKind.TOWNSHIP: "township",
}


def plural(word: str) -> str:
    """``county`` → ``counties``, ``district`` → ``districts``, ``county-level city`` →
    ``county-level cities``."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _named(plan: Plan, depth: int, lang: Lang) -> str | None:
    """The plan's own name for a level, unless English would only repeat the Chinese."""
    named = plan.level_names.get(depth)
    if named is None:
        return None
    word = named.get(lang)
    if lang == "en" and CJK_RE.search(word):
        return None
    return word


def whole(plan: Plan, lang: Lang) -> str:
    """How a report names the whole area: ``全市`` / ``the city``."""
    return _named(plan, 0, lang) or _WHOLE[plan.root_region.kind.value].text(lang)


def level_word(plan: Plan, depth: int, lang: Lang, *, many: bool = True) -> str:
    """One word for the regions at ``depth``: ``县区`` / ``counties`` (``county`` with
    ``many=False``; Chinese has one form)."""
    word = _named(plan, depth, lang)
    if word is None:
        levels = plan.region_tree.levels
        level = levels[depth] if depth < len(levels) else ()
        kinds = {plan.region_by_code[code].kind for code in level}
        tiers = {TIERS[k] for k in kinds}
        if len(kinds) == 1:
            word = _KIND[next(iter(kinds)).value].text(lang)
        elif len(tiers) == 1:
            word = _TIER[next(iter(tiers))].text(lang)
        else:
            word = _("region").text(lang)
    return plural(word) if lang == "en" and many else word


def leaf_word(plan: Plan, lang: Lang, *, many: bool = True) -> str:
    """The word for the reporting regions: those of the deepest level that has any."""
    tree = plan.region_tree
    deepest = max((tree.depth(code) for code in tree.leaves), default=0)
    return level_word(plan, deepest, lang, many=many)


def levels_below(plan: Plan, lang: Lang) -> list[str]:
    """The words for every level below the root, from the top down (empty for a plan of
    one region)."""
    deepest = len(plan.region_tree.levels) - 1
    return [level_word(plan, d, lang) for d in range(1, deepest + 1)]
