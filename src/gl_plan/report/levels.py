"""What the reports call a plan's levels: 全市 / the city for the whole, 县区 / counties below.

A plan may name its levels by depth (:attr:`~gl_plan.plan.models.Plan.level_names`, 0 being
the root); otherwise the words come from the regions' kinds:

- the root, as a whole: by its kind (全市 / the city, 全省 / the province, 全国 / the
  nation);
- a lower level whose regions are all of one kind: the kind's word (县 / county, 地级市 /
  prefecture city);
- a level mixing kinds of one administrative tier: the tier's word (districts, counties
  and county-level cities are 县区 / counties); kinds of several tiers: 地区 / regions.

English level words have a singular and a plural (county, counties): the catalogue's for
glplan's own words, the ordinary rule for a plan's own.
"""

from __future__ import annotations

from typing import Final

from gl_plan.i18n import Lang, Msg, _, ngettext, npgettext
from gl_plan.plan.models import Plan, RegionKind
from gl_plan.report.format import CJK_RE

#: How a report names the whole area of a root region, by the region's kind.
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


#: One word for the regions of each kind, in both English forms (counted where used).
_KIND: Final[dict[str, Msg]] = {
    "nation": ngettext("nation", "nations", 1),
    "province": ngettext("province", "provinces", 1),
    "autonomous_region": ngettext("autonomous region", "autonomous regions", 1),
    "municipality": ngettext("municipality", "municipalities", 1),
    "prefecture_city": ngettext("prefecture city", "prefecture cities", 1),
    "autonomous_prefecture": ngettext("autonomous prefecture", "autonomous prefectures", 1),
    "league": ngettext("league", "leagues", 1),
    "city": ngettext("city", "cities", 1),
    "district": ngettext("district", "districts", 1),
    "county": ngettext("county", "counties", 1),
    "autonomous_county": ngettext("autonomous county", "autonomous counties", 1),
    "county_level_city": ngettext("county-level city", "county-level cities", 1),
    "banner": ngettext("banner", "banners", 1),
    "autonomous_banner": ngettext("autonomous banner", "autonomous banners", 1),
    "township": ngettext("township", "townships", 1),
}

#: One word for the regions of a tier, where a level mixes kinds of that tier.
_TIER: Final[dict[str, Msg]] = {
    "nation": ngettext("nation", "nations", 1),
    "province": npgettext("tier.province", "province", "provinces", 1),
    "prefecture": npgettext("tier.prefecture", "city", "cities", 1),
    "county": npgettext("tier.county", "county", "counties", 1),
    "township": ngettext("township", "townships", 1),
    "mixed": npgettext("tier.mixed", "region", "regions", 1),
}


__all__ = [
    "TIERS",
    "depths",
    "leaf_word",
    "level_word",
    "levels_below",
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


def _plural(word: str) -> str:
    """The plural of a plan's own English word for a level (the plan's schema promises
    plurals by the ordinary rule): ``county`` → ``counties``, ``county-level city`` →
    ``county-level cities``. glplan's own words have their plurals in the catalogue."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def depths(plan: Plan) -> dict[str, int]:
    """Each region's depth below the root (the root is 0)."""
    out: dict[str, int] = {}
    for region in plan.regions:
        depth, seen, current = 0, {region.code}, region
        while current.parent is not None and current.parent in plan.region_by_code:
            current = plan.region_by_code[current.parent]
            if current.code in seen:  # a cycle the loader reports; never loop
                break
            seen.add(current.code)
            depth += 1
        out[region.code] = depth
    return out


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
    named = _named(plan, depth, lang)
    if named is not None:
        return _plural(named) if lang == "en" and many else named
    at = depths(plan)
    kinds = {r.kind for r in plan.regions if at[r.code] == depth}
    tiers = {TIERS[k] for k in kinds}
    if len(kinds) == 1:
        word = _KIND[next(iter(kinds)).value]
    elif len(tiers) == 1:
        word = _TIER[next(iter(tiers))]
    else:
        word = _TIER["mixed"]
    return word.counted(2 if many else 1).text(lang)


def leaf_word(plan: Plan, lang: Lang, *, many: bool = True) -> str:
    """The word for the reporting regions: those of the deepest level that has any."""
    at = depths(plan)
    deepest = max((at[r.code] for r in plan.leaves()), default=0)
    return level_word(plan, deepest, lang, many=many)


def levels_below(plan: Plan, lang: Lang) -> list[str]:
    """The words for every level below the root, from the top down (empty for a plan of
    one region)."""
    deepest = max(depths(plan).values(), default=0)
    return [level_word(plan, d, lang) for d in range(1, deepest + 1)]
